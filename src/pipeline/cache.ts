import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './fsutil.js';
import type { MediaRecord } from './media.js';

/** File name of the cache, kept in the output folder. */
export const CACHE_FILE = '.media-gallery-cache.json';

/** Bump when the layout of outputs or records changes, to invalidate old caches. */
export const CACHE_VERSION = 1;

/** Cached state of one input, keyed by its relative path. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** Hash of the render settings the outputs were made with. */
  settings: string;
  /** The rendered record, or absent when the file failed. */
  record?: MediaRecord;
  /** Why the file failed (re-reported on warm runs without decoding it again). */
  error?: string;
}

/** The cache document. */
export interface CacheFile {
  version: number;
  entries: Record<string, CacheEntry>;
}

/**
 * Loads the cache of an output folder. A missing, unreadable or outdated cache gives an
 * empty one (everything is then processed again); never throws.
 */
export async function loadCache(outDir: string): Promise<CacheFile> {
  try {
    const data = JSON.parse(await readFile(path.join(outDir, CACHE_FILE), 'utf8')) as CacheFile;
    if (data && data.version === CACHE_VERSION && data.entries && typeof data.entries === 'object') return data;
  } catch {
    // fall through
  }
  return { version: CACHE_VERSION, entries: {} };
}

/** Writes the cache atomically. @throws on I/O errors */
export async function saveCache(outDir: string, cache: CacheFile): Promise<void> {
  await writeFileAtomic(path.join(outDir, CACHE_FILE), JSON.stringify(cache));
}
