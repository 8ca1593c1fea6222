import { createHash } from 'node:crypto';
import path from 'node:path';
import { cleanText, readSidecars } from './captions.js';
import { toUrl } from './fsutil.js';
import type { MediaRecord } from './media.js';
import type { ValidOptions } from './options.js';
import type { FileProblem, ManifestItem } from './types.js';
import { naturalCompare, type WalkEntry } from './walk.js';

/** Stable id of an input: 16 base64url characters of the SHA-256 of its relative path. */
export function stableId(rel: string): string {
  return createHash('sha256').update(rel).digest('base64url').slice(0, 16);
}

/** Builds the manifest item of one rendered input (URLs relative to gallery.json, encoded). */
export function toItem(rel: string, r: MediaRecord, sizes: string, caption?: string, alt?: string): ManifestItem {
  // Keys are assigned in reading order so gallery.json stays easy to scan.
  const item = { id: stableId(rel), type: r.type, src: toUrl(r.src) } as ManifestItem;
  if (r.thumb) item.thumb = toUrl(r.thumb);
  if (r.srcset.length > 1) {
    item.srcset = r.srcset.map((c) => `${toUrl(c.file)} ${c.width}w`).join(', ');
    item.sizes = sizes;
  }
  if (r.width !== undefined && r.height !== undefined) {
    item.width = r.width;
    item.height = r.height;
  }
  if (r.placeholder) item.placeholder = r.placeholder;
  if (r.poster) item.poster = toUrl(r.poster);
  if (caption) item.caption = caption;
  if (alt) item.alt = alt;
  item.download = path.posix.basename(rel);
  item.meta = { path: rel };
  if (r.originalWidth) item.meta.originalWidth = r.originalWidth;
  if (r.originalHeight) item.meta.originalHeight = r.originalHeight;
  if (r.embedded.date) item.meta.date = r.embedded.date;
  if (r.animated) item.meta.animated = true;
  return item;
}

/**
 * The manifest items of the rendered inputs, in `o.sort` order. Captions: sidecars are read
 * every run (cheap; their problems are pushed to `warnings`), embedded text comes from the
 * records.
 *
 * @param results rendered inputs by relative path
 * @param present relative path → absolute path to read, for every walked file
 */
export async function manifestItems(
  results: ReadonlyMap<string, { entry: WalkEntry; record: MediaRecord }>,
  present: ReadonlyMap<string, string>,
  o: Pick<ValidOptions, 'sizes' | 'sort'>,
  warnings: FileProblem[],
): Promise<ManifestItem[]> {
  const items: Array<{ item: ManifestItem; rel: string; time: number }> = [];
  await Promise.all(
    [...results].map(async ([rel, { entry, record }]) => {
      const side = await readSidecars(rel, present);
      for (const w of side.warnings) warnings.push({ path: rel, reason: w });
      // Embedded text is filtered again so caches written by older versions benefit too.
      const caption = side.caption ?? cleanText(record.embedded.caption);
      const alt = side.alt ?? cleanText(record.embedded.alt);
      const item = toItem(rel, record, o.sizes, caption, alt);
      const time = record.embedded.date ? Date.parse(record.embedded.date) : entry.mtimeMs;
      items.push({ item, rel, time });
    }),
  );
  items.sort((a, b) => (o.sort === 'date' && a.time !== b.time ? a.time - b.time : naturalCompare(a.rel, b.rel)));
  return items.map((x) => x.item);
}
