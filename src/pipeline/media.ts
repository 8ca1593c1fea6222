import { constants as fsConstants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import type { OutputSet } from './atomic.js';
import { makePlaceholder } from './placeholders.js';
import { readEmbeddedText, type TextMeta } from './captions.js';
import { ioReason, MediaError, TransientError } from './errors.js';
import type { OutputFormat, PlaceholderKind } from './types.js';

/** Settings that decide the bytes of every output (part of the cache key). */
export interface RenderSettings {
  format: OutputFormat;
  /** Sorted ascending, unique, positive integers. */
  widths: number[];
  maxEdge: number;
  quality?: number;
  placeholder: PlaceholderKind;
}

/** One rendered URL with its pixel width (a srcset candidate). */
export interface Rendition {
  /** Path relative to the output folder, `/` separators, not URL-encoded. */
  file: string;
  width: number;
}

/** What processing one input produced; cached per input so warm runs do no image work. */
export interface MediaRecord {
  type: 'image' | 'video';
  /** Output-relative path of the web copy / copied video / copied SVG. */
  src: string;
  /** Output-relative path of the grid thumbnail (absent for videos without a poster). */
  thumb?: string;
  /** srcset candidates, ascending, including the full copy (empty for SVG and video). */
  srcset: Rendition[];
  width?: number;
  height?: number;
  placeholder?: string;
  /** Output-relative poster path (videos, when ffmpeg ran). */
  poster?: string;
  originalWidth?: number;
  originalHeight?: number;
  animated?: boolean;
  /** Caption/alt/date embedded in the file (EXIF/IPTC/XMP). */
  embedded: TextMeta;
  /** Every file written for this input, output-relative; deleted when the input goes away. */
  outputs: string[];
  /** Set when a video's poster was not made because ffmpeg is missing. */
  posterSkipped?: boolean;
}

/** File extension of each output format. */
export const EXT: Record<OutputFormat, string> = { webp: 'webp', avif: 'avif', jpeg: 'jpg', png: 'png' };

/** Output-relative base of an input's outputs: `media/<relative input path>`. */
export function outputBase(rel: string): string {
  return `media/${rel}`;
}

/** Applies the output encoder (and quality) of `s.format`; JPEG flattens alpha onto white. */
export function encode(image: Sharp, s: RenderSettings, hasAlpha: boolean): Sharp {
  const q = s.quality;
  switch (s.format) {
    case 'webp':
      return image.webp(q ? { quality: q } : {});
    case 'avif':
      return image.avif(q ? { quality: q } : {});
    case 'jpeg':
      // JPEG has no alpha: composite transparent areas on white, not black.
      return (hasAlpha ? image.flatten({ background: '#ffffff' }) : image).jpeg({ progressive: true, ...(q ? { quality: q } : {}) });
    case 'png':
      return image.png();
  }
}

/** sharp's default `limitInputPixels` (16383 × 16383): larger inputs are refused undecoded. */
export const PIXEL_LIMIT = 0x3fff ** 2;

/** The reason given for an image over {@link PIXEL_LIMIT}. */
export function pixelLimitReason(width: number, height: number): string {
  return `over the pixel limit (${width}×${height} = ${width * height} pixels > limitInputPixels ${PIXEL_LIMIT})`;
}

/** libvips running out of memory says nothing about the file: retried, not cached. */
const OUT_OF_MEMORY = /out of memory|vips_malloc|cannot allocate|std::bad_alloc/i;

/**
 * Turns a sharp/libvips decoding error into a {@link MediaError} with a short reason
 * (or a {@link TransientError} when libvips ran out of memory).
 */
export function decodeError(err: unknown): MediaError | TransientError {
  const msg = String((err as Error)?.message ?? err).split('\n')[0]!.trim();
  if (OUT_OF_MEMORY.test(msg)) return new TransientError(`out of memory: ${msg}`);
  if (/unsupported image format|not a known file format|is not in a known format/i.test(msg)) {
    return new MediaError('not a recognised image (unsupported or unknown format)');
  }
  if (/exceeds pixel limit/i.test(msg)) return new MediaError(`over the pixel limit (> limitInputPixels ${PIXEL_LIMIT})`);
  if (/premature end|truncated|unexpected end|end of (file|stream)|not enough data|EOF/i.test(msg)) {
    return new MediaError(`truncated image: ${msg}`);
  }
  return new MediaError(`corrupt or undecodable image: ${msg}`);
}

/** Same for an encoder error (the pixels were fine; e.g. too large for WebP). */
function encodeError(err: unknown, format: OutputFormat): MediaError | TransientError {
  const msg = String((err as Error)?.message ?? err).split('\n')[0]!.trim();
  if (OUT_OF_MEMORY.test(msg)) return new TransientError(`out of memory: ${msg}`);
  return new MediaError(`cannot encode as ${format}: ${msg}`);
}

const OPEN_INPUT = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);

/**
 * Opens an input for reading: never through a symlink in its last component (the walk
 * passes real paths for links it accepted), never blocking on a FIFO, and only if it is
 * still a regular file. The caller closes the handle.
 * @throws TransientError "could not read the file: <ERRNO> (…)" (e.g. ELOOP when the file
 *   was replaced by a symlink since the walk; the next run's walk judges it again)
 */
export async function openInput(abs: string): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(abs, OPEN_INPUT);
    const st = await fh.stat();
    if (!st.isFile()) throw new Error('no longer a regular file');
    return { fh, size: st.size };
  } catch (err) {
    await fh?.close().catch(() => undefined);
    throw new TransientError(`could not read the file: ${ioReason(err)}`);
  }
}

/**
 * Reads a whole input file (see {@link openInput}).
 * @throws MediaError for an empty file; TransientError "could not read the file: <ERRNO> (…)"
 */
export async function readInput(abs: string): Promise<Buffer> {
  const { fh } = await openInput(abs);
  let data: Buffer;
  try {
    data = await fh.readFile();
  } catch (err) {
    throw new TransientError(`could not read the file: ${ioReason(err)}`);
  } finally {
    await fh.close().catch(() => undefined);
  }
  if (data.length === 0) throw new MediaError('empty file (0 bytes)');
  return data;
}

/**
 * Renders one raster image (JPEG, PNG, WebP, AVIF, GIF, TIFF, HEIF): decodes it once,
 * applies EXIF orientation, converts to 8-bit sRGB, encodes every output in memory, then
 * commits `media/<rel>.<ext>` (long edge ≤ `maxEdge`, never enlarged) plus
 * `media/<rel>.<width>w.<ext>` for every width smaller than that copy through `outs`
 * (atomically, one by one; the caller rolls `outs` back on failure).
 *
 * Animated GIF/WebP: with `format: 'webp'` the web copy stays animated (animated WebP);
 * with other formats the original file is copied as the web copy (JPEG/PNG/AVIF output
 * cannot animate here). Thumbnails and the placeholder use the first frame.
 *
 * @param abs absolute input path (already checked by the walk)
 * @param rel input path relative to the input folder, `/` separators
 * @throws MediaError for empty, unrecognised, corrupt, truncated files and images over
 *   the pixel limit (permanent); TransientError when the input cannot be read or an
 *   output cannot be written
 */
export async function renderImage(abs: string, rel: string, s: RenderSettings, outs: OutputSet): Promise<MediaRecord> {
  const data = await readInput(abs);
  let meta: Metadata;
  try {
    // Header only (no pixels decoded), so the limit is checked here with the real size.
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw decodeError(err);
  }
  // The header is enough to know: do not let libvips start on a pixel bomb.
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  if ((meta.width ?? 0) * frameHeight > PIXEL_LIMIT) throw new MediaError(pixelLimitReason(meta.width!, frameHeight));
  const embeddedP = readEmbeddedText(data);
  const base = outputBase(rel);
  const ext = EXT[s.format];
  const animated = (meta.pages ?? 1) > 1 && (meta.format === 'gif' || meta.format === 'webp');

  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(data)
      .rotate()
      .resize(s.maxEdge, s.maxEdge, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw decodeError(err);
  }
  const { info } = decoded;
  const hasAlpha = info.channels === 4 || info.channels === 2;
  const raw = () => sharp(decoded.data, { raw: { width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 } });
  const encoded = (p: Promise<Buffer>) => p.catch((err: unknown) => Promise.reject(encodeError(err, s.format)));

  const rotated = (meta.orientation ?? 1) >= 5;
  const originalWidth = rotated ? meta.height : meta.width;
  const originalHeight = rotated ? meta.width : meta.height;

  // Encode everything first (nothing is written if any encoder fails) …
  const files: Array<{ file: string; bytes: Promise<Buffer> }> = [];
  let src = `${base}.${ext}`;
  let width = info.width;
  let height = info.height;
  let copyOriginal = false;
  if (animated && s.format !== 'webp') {
    src = base; // the original animated file, copied unchanged
    copyOriginal = true;
    width = originalWidth ?? width;
    height = originalHeight ?? height;
  } else if (animated) {
    const webp = sharp(data, { animated: true })
      .resize(s.maxEdge, s.maxEdge, { fit: 'inside', withoutEnlargement: true })
      .webp(s.quality ? { quality: s.quality } : {})
      .toBuffer()
      .catch((err: unknown) => Promise.reject(decodeError(err))); // decodes every frame
    files.push({ file: src, bytes: webp });
  } else {
    files.push({ file: src, bytes: encoded(encode(raw(), s, hasAlpha).toBuffer()) });
  }

  const thumbs: Rendition[] = [];
  for (const w of s.widths) {
    if (w >= info.width) continue; // never upscale: the full copy covers this width
    const file = `${base}.${w}w.${ext}`;
    const h = Math.max(1, Math.round((info.height * w) / info.width));
    thumbs.push({ file, width: w });
    files.push({ file, bytes: encoded(encode(raw().resize(w, h, { fit: 'fill' }), s, hasAlpha).toBuffer()) });
  }
  const placeholderP = makePlaceholder(s.placeholder, raw()).catch((err: unknown) => Promise.reject(encodeError(err, s.format)));
  await allOrFirstError<unknown>([placeholderP, ...files.map((f) => f.bytes)]);
  const placeholder = await placeholderP;

  // … then commit (atomic per file; the caller rolls back on failure).
  const writes: Array<Promise<void>> = files.map(async (f) => outs.write(f.file, await f.bytes));
  if (copyOriginal) writes.push(outs.write(src, data)); // the bytes read and checked above
  await allOrFirstError(writes);

  const outputs = [src, ...thumbs.map((t) => t.file)];
  const srcset = animated && s.format !== 'webp' ? [] : [...thumbs, { file: src, width }];
  const mid = thumbs.length ? thumbs[Math.floor(thumbs.length / 2)]!.file : src;
  const record: MediaRecord = {
    type: 'image',
    src,
    thumb: mid,
    srcset,
    width,
    height,
    embedded: await embeddedP,
    outputs,
  };
  if (placeholder) record.placeholder = placeholder;
  if (originalWidth && originalHeight) {
    record.originalWidth = originalWidth;
    record.originalHeight = originalHeight;
  }
  if (animated) record.animated = true;
  return record;
}

/**
 * Settles every promise, then rethrows the first rejection (so nothing is still running
 * when the caller rolls back).
 */
export async function allOrFirstError<T>(ps: Array<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(ps);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}
