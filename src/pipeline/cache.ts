import { readFile, stat } from 'node:fs/promises';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempPath, writeFileAtomic } from './atomic.js';
import type { MediaRecord } from './media.js';

/** File name of the cache, kept in the output folder. */
export const CACHE_FILE = '.media-gallery-cache.json';

/**
 * Bump when the layout of outputs or records changes, to invalidate old caches.
 * 2: per-output size and mtime stamps.
 */
export const CACHE_VERSION = 2;

/** Size in bytes and mtime in ms of one output file as written, to notice replaced or partial files. */
export type OutputStamp = [size: number, mtimeMs: number];

/** Cached state of one input, keyed by its relative path. */
export interface CacheEntry {
  /** Size in bytes and mtime in ms of the input when it was rendered. */
  size: number;
  mtimeMs: number;
  /** Fingerprint (hash) of the render settings the outputs were made with. */
  settings: string;
  /** The rendered record, or absent when the file failed. */
  record?: MediaRecord;
  /** Stamp of each of `record.outputs` (same order), taken right after writing. */
  stamps?: OutputStamp[];
  /** Why the file failed, permanently (re-reported on warm runs without decoding again). */
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

/** Writes the cache atomically and synchronously (for signal handlers). Never throws. */
export function saveCacheSync(outDir: string, cache: CacheFile): void {
  const file = path.join(outDir, CACHE_FILE);
  const tmp = tempPath(file);
  try {
    writeFileSync(tmp, JSON.stringify(cache));
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
  }
}

/**
 * Stamps of output files (output-relative paths).
 * @throws the Node I/O error when one is missing
 */
export function stampOutputs(outDir: string, files: string[]): Promise<OutputStamp[]> {
  return Promise.all(
    files.map(async (f) => {
      const st = await stat(path.join(outDir, ...f.split('/')));
      return [st.size, st.mtimeMs] as OutputStamp;
    }),
  );
}

/**
 * True when every output exists with the size and mtime it had when it was written: not
 * deleted, not truncated, not replaced by another run (say an interrupted one with other
 * settings).
 */
export async function outputsIntact(outDir: string, files: string[], stamps: OutputStamp[] | undefined): Promise<boolean> {
  if (!stamps || stamps.length !== files.length) return false;
  try {
    const now = await stampOutputs(outDir, files);
    return now.every(([size, mtime], i) => size === stamps[i]![0] && mtime === stamps[i]![1]);
  } catch {
    return false;
  }
}
