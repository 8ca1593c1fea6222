import { createHash } from 'node:crypto';
import path from 'node:path';
import { toUrl } from './fsutil.js';
import type { MediaRecord } from './media.js';
import type { ManifestItem } from './types.js';

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
