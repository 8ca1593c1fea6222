import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `data` to `file` atomically: a temporary file in the same folder, then
 * `rename`, so readers see the old or the new content, never a partial file.
 *
 * @throws on I/O errors (the temporary file is removed)
 */
export async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** True when `child` is `parent` or lies inside it (both absolute, normalised). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Removes empty folders under `root` (bottom-up), never `root` itself. Best effort:
 * errors are ignored.
 */
export async function pruneEmptyDirs(root: string): Promise<void> {
  async function prune(dir: string): Promise<boolean> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    let empty = true;
    for (const e of entries) {
      if (e.isDirectory() && (await prune(path.join(dir, e.name)))) continue;
      empty = false;
    }
    if (empty && dir !== root) {
      try {
        await rmdir(dir);
        return true;
      } catch {
        return false;
      }
    }
    return false;
  }
  await prune(root);
}

/**
 * Percent-encodes each `/`-separated segment of an output-relative path for use as a URL.
 * Beyond `encodeURIComponent`, also encodes `!'()*` so URLs are safe inside quoted HTML
 * attributes, `srcset` and CSS `url()`.
 */
export function toUrl(rel: string): string {
  return rel
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
