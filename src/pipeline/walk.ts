import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Kind of an input file, decided by its extension (content is checked when decoding). */
export type FileKind = 'raster' | 'svg' | 'video' | 'sidecar' | 'other';

const RASTER = new Set([
  '.jpg', '.jpeg', '.jpe', '.jfif', '.png', '.webp', '.avif', '.gif',
  '.tif', '.tiff', '.heic', '.heif',
]);
const VIDEO = new Set(['.mp4', '.m4v', '.webm', '.mov']);

/** Classifies a file name by extension (case-insensitive). */
export function kindOf(name: string): FileKind {
  const ext = path.extname(name).toLowerCase();
  if (RASTER.has(ext)) return 'raster';
  if (ext === '.svg') return 'svg';
  if (VIDEO.has(ext)) return 'video';
  if (ext === '.txt' || ext === '.json') return 'sidecar';
  return 'other';
}

/** One file found by {@link walk}. */
export interface WalkEntry {
  /** Path relative to the input root with `/` separators. */
  rel: string;
  /** Absolute path. */
  abs: string;
  kind: FileKind;
  size: number;
  mtimeMs: number;
}

/**
 * Lists the files under `root`.
 *
 * Skips dot-files and dot-folders (`.git`, caches), does not follow symlinked folders
 * (no cycles), and never enters any folder in `exclude` (absolute paths, e.g. the output
 * folder). Symlinked files are followed. Order is unspecified; callers sort.
 *
 * @param root absolute folder path
 * @param recursive walk sub-folders
 * @param exclude absolute folder paths never walked
 * @param onDirError called for a sub-folder that cannot be read (it is then skipped);
 *   without it such errors are thrown
 * @throws when `root` cannot be read
 */
export async function walk(
  root: string,
  recursive: boolean,
  exclude: string[],
  onDirError?: (rel: string, err: Error) => void,
): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  const excluded = new Set(exclude.map((p) => path.resolve(p)));

  async function visit(dir: string, relDir: string): Promise<void> {
    let dirents;
    try {
      dirents = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (!relDir || !onDirError) throw err; // the input folder itself must be readable
      onDirError(relDir, err as Error);
      return;
    }
    const subdirs: Array<Promise<void>> = [];
    await Promise.all(
      dirents.map(async (d) => {
        if (d.name.startsWith('.')) return;
        const abs = path.join(dir, d.name);
        const rel = relDir ? `${relDir}/${d.name}` : d.name;
        if (d.isDirectory()) {
          if (recursive && !excluded.has(abs)) subdirs.push(visit(abs, rel));
          return;
        }
        if (!d.isFile() && !d.isSymbolicLink()) return;
        let st;
        try {
          st = await stat(abs);
        } catch {
          return; // dangling symlink or file vanished during the walk
        }
        if (!st.isFile()) return; // symlinked folders are not followed
        out.push({ rel, abs, kind: kindOf(d.name), size: st.size, mtimeMs: st.mtimeMs });
      }),
    );
    await Promise.all(subdirs);
  }

  await visit(root, '');
  return out;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Natural order of relative paths: `img2` before `img10`, case-insensitive, folder by
 * folder; ties broken by code-unit order so the result is total and stable.
 */
export function naturalCompare(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    // A file sorts before a folder at the same level only by name, like most file browsers.
    const c = collator.compare(pa[i]!, pb[i]!);
    if (c !== 0) return c;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
