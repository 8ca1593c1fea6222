import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './fsutil.js';

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
  /**
   * Absolute path to read: the file itself, or for a symlink the real path of its target
   * (checked when walking, so a link changed afterwards is not followed out of the folder).
   */
  abs: string;
  kind: FileKind;
  size: number;
  mtimeMs: number;
}

/** Options of {@link walk}. */
export interface WalkOptions {
  /** Walk sub-folders. */
  recursive: boolean;
  /** Absolute folder paths never walked (e.g. the output folder). */
  exclude: string[];
  /** Follow symlinks to files outside `root` (default: such links are reported, not followed). */
  followSymlinks?: boolean;
  /**
   * Called for a sub-folder that cannot be read (it is then skipped); without it such
   * errors are thrown.
   */
  onDirError?: (rel: string, err: Error) => void;
  /**
   * Called for every file left out for a reason the user should see: a symlink whose
   * target is outside `root`, a FIFO, socket or device. `reason` is the message shown.
   */
  onSkip?: (rel: string, reason: string) => void;
}

/** What a non-regular file is, for the "not a regular file" warning. */
function special(st: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string | undefined {
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isBlockDevice()) return 'block device';
  if (st.isCharacterDevice()) return 'character device';
  return undefined;
}

/**
 * Lists the regular files under `root` (which must be a real path, symlinks resolved).
 *
 * Skips dot-files and dot-folders (`.git`, caches) silently, does not follow symlinked
 * folders (no cycles), and never enters any folder in `exclude`. A symlinked file is
 * followed only when its real path is inside `root`, or with `followSymlinks`; otherwise
 * it is reported through `onSkip`, as are FIFOs, sockets and devices (never opened).
 * Dangling symlinks are ignored. Order is unspecified; callers sort.
 *
 * @param root absolute real folder path
 * @throws when `root` cannot be read
 */
export async function walk(root: string, options: WalkOptions): Promise<WalkEntry[]> {
  const out: WalkEntry[] = [];
  const excluded = new Set(options.exclude.map((p) => path.resolve(p)));
  const skip = (rel: string, reason: string) => options.onSkip?.(rel, reason);

  async function visit(dir: string, relDir: string): Promise<void> {
    let dirents;
    try {
      dirents = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (!relDir || !options.onDirError) throw err; // the input folder itself must be readable
      options.onDirError(relDir, err as Error);
      return;
    }
    const subdirs: Array<Promise<void>> = [];
    await Promise.all(
      dirents.map(async (d) => {
        if (d.name.startsWith('.')) return;
        let abs = path.join(dir, d.name);
        const rel = relDir ? `${relDir}/${d.name}` : d.name;
        // Some file systems do not report entry types: ask lstat (never follows a link).
        const known = d.isFile() || d.isDirectory() || d.isSymbolicLink() || special(d) !== undefined;
        const t = known ? d : await lstat(abs).catch(() => undefined);
        if (!t) return; // vanished during the walk
        if (t.isDirectory()) {
          if (options.recursive && !excluded.has(abs)) subdirs.push(visit(abs, rel));
          return;
        }
        const kind = special(t);
        if (kind) return skip(rel, `skipped: not a regular file (${kind})`);
        let st;
        try {
          if (t.isSymbolicLink()) {
            const real = await realpath(abs);
            st = await stat(real);
            if (st.isDirectory()) return; // symlinked folders are not followed
            if (!isInside(real, root) && !options.followSymlinks) {
              return skip(rel, 'skipped: symbolic link to a file outside the input folder (--follow-symlinks to include it)');
            }
            abs = real;
          } else {
            st = await stat(abs);
          }
        } catch {
          return; // dangling symlink or file vanished during the walk
        }
        const target = special(st);
        if (target) return skip(rel, `skipped: not a regular file (${target})`);
        if (!st.isFile()) return;
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
