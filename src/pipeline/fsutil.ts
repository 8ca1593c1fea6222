import { readdir, rmdir } from 'node:fs/promises';
import path from 'node:path';

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
