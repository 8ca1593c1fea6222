import { chmod, copyFile, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { makePlaceholder } from './placeholders.js';
import { readEmbeddedText, type TextMeta } from './captions.js';
import { extractPosterFrame, type FfmpegStatus } from './video.js';
import type { OutputFormat, PlaceholderKind } from './types.js';

import { MediaError } from './errors.js';

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

/**
 * Copies an input unchanged to `dest`, replacing any older copy; the copy is made
 * owner-writable even when the original is read-only, so later runs can replace it.
 */
async function copyOut(abs: string, dest: string): Promise<void> {
  await rm(dest, { force: true });
  await copyFile(abs, dest, fsConstants.COPYFILE_FICLONE);
  await chmod(dest, 0o644);
}

const EXT: Record<OutputFormat, string> = { webp: 'webp', avif: 'avif', jpeg: 'jpg', png: 'png' };

/** Output-relative base of an input's outputs: `media/<relative input path>`. */
export function outputBase(rel: string): string {
  return `media/${rel}`;
}

function encode(image: Sharp, s: RenderSettings, hasAlpha: boolean): Sharp {
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

/** Turns a sharp/libvips error into a short reason for the user. */
export function decodeReason(err: unknown): string {
  const msg = String((err as Error)?.message ?? err).split('\n')[0]!.trim();
  if (/unsupported image format|not a known file format|is not in a known format/i.test(msg)) {
    return 'not a recognised image (unsupported or unknown format)';
  }
  if (/premature end|truncated|unexpected end|end of (file|stream)|not enough data|EOF/i.test(msg)) {
    return `truncated image: ${msg}`;
  }
  return `corrupt or undecodable image: ${msg}`;
}

async function readInput(abs: string): Promise<Buffer> {
  const data = await readFile(abs);
  if (data.length === 0) throw new MediaError('empty file (0 bytes)');
  return data;
}

/**
 * Renders one raster image (JPEG, PNG, WebP, AVIF, GIF, TIFF, HEIF): decodes it once,
 * applies EXIF orientation, converts to 8-bit sRGB, and writes
 * `media/<rel>.<ext>` (long edge ≤ `maxEdge`, never enlarged) plus
 * `media/<rel>.<width>w.<ext>` for every width smaller than that copy.
 *
 * Animated GIF/WebP: with `format: 'webp'` the web copy stays animated (animated WebP);
 * with other formats the original file is copied as the web copy (JPEG/PNG/AVIF output
 * cannot animate here). Thumbnails and the placeholder use the first frame.
 *
 * @param abs absolute input path
 * @param rel input path relative to the input folder, `/` separators
 * @param outDir absolute output folder
 * @throws MediaError for empty, unrecognised, corrupt or truncated files
 */
export async function renderImage(abs: string, rel: string, outDir: string, s: RenderSettings): Promise<MediaRecord> {
  const data = await readInput(abs);
  let meta: Metadata;
  try {
    meta = await sharp(data).metadata();
  } catch (err) {
    throw new MediaError(decodeReason(err));
  }
  const embeddedP = readEmbeddedText(data);
  const base = outputBase(rel);
  await mkdir(path.join(outDir, path.dirname(base)), { recursive: true });
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
    throw new MediaError(decodeReason(err));
  }
  const { info } = decoded;
  const hasAlpha = info.channels === 4 || info.channels === 2;
  const raw = () => sharp(decoded.data, { raw: { width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 } });

  const rotated = (meta.orientation ?? 1) >= 5;
  const originalWidth = rotated ? meta.height : meta.width;
  const originalHeight = rotated ? meta.width : meta.height;

  const outputs: string[] = [];
  const jobs: Array<Promise<unknown>> = [];
  let src = `${base}.${ext}`;
  let width = info.width;
  let height = info.height;

  if (animated) {
    if (s.format === 'webp') {
      jobs.push(
        sharp(data, { animated: true })
          .resize(s.maxEdge, s.maxEdge, { fit: 'inside', withoutEnlargement: true })
          .webp(s.quality ? { quality: s.quality } : {})
          .toFile(path.join(outDir, src)),
      );
    } else {
      src = base; // the original animated file, copied unchanged
      jobs.push(copyOut(abs, path.join(outDir, src)));
      width = originalWidth ?? width;
      height = originalHeight ?? height;
    }
  } else {
    jobs.push(encode(raw(), s, hasAlpha).toFile(path.join(outDir, src)));
  }
  outputs.push(src);

  const thumbs: Rendition[] = [];
  for (const w of s.widths) {
    if (w >= info.width) continue; // never upscale: the full copy covers this width
    const file = `${base}.${w}w.${ext}`;
    const h = Math.max(1, Math.round((info.height * w) / info.width));
    thumbs.push({ file, width: w });
    outputs.push(file);
    jobs.push(encode(raw().resize(w, h, { fit: 'fill' }), s, hasAlpha).toFile(path.join(outDir, file)));
  }
  const placeholderP = makePlaceholder(s.placeholder, raw());
  try {
    await Promise.all(jobs);
  } catch (err) {
    throw new MediaError(decodeReason(err));
  }
  const placeholder = await placeholderP;
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

/** Reads an SVG's size: viewBox width/height, else numeric width/height attributes. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!root) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(root);
  const vb = attr('viewBox');
  if (vb) {
    const parts = (vb[2] ?? vb[3] ?? '').trim().split(/[\s,]+/).map(Number);
    if (parts.length === 4 && parts.every(Number.isFinite) && parts[2]! > 0 && parts[3]! > 0) {
      return { width: parts[2]!, height: parts[3]! };
    }
  }
  const num = (m: RegExpExecArray | null) => {
    const v = m ? /^\s*([\d.]+)\s*(px)?\s*$/.exec(m[2] ?? m[3] ?? '') : null;
    return v ? Number(v[1]) : NaN;
  };
  const w = num(attr('width'));
  const h = num(attr('height'));
  if (w > 0 && h > 0) return { width: w, height: h };
  return undefined;
}

/**
 * Copies an SVG unchanged to `media/<rel>` (it scales itself), sized from its viewBox
 * (else its width/height attributes, else librsvg's reading), with a placeholder
 * rasterised by sharp.
 *
 * @throws MediaError for empty files, files that are not SVG, or SVG librsvg cannot parse
 */
export async function renderSvg(abs: string, rel: string, outDir: string, s: RenderSettings): Promise<MediaRecord> {
  const data = await readInput(abs);
  const textSvg = data.toString('utf8');
  if (!/<svg[\s>]/i.test(textSvg)) throw new MediaError('not an SVG document (no <svg> element)');
  let meta: Metadata;
  try {
    meta = await sharp(data).metadata();
  } catch (err) {
    throw new MediaError(`invalid SVG: ${String((err as Error).message).split('\n')[0]}`);
  }
  const size = svgSize(textSvg) ?? (meta.width && meta.height ? { width: meta.width, height: meta.height } : undefined);
  const src = outputBase(rel);
  await mkdir(path.join(outDir, path.dirname(src)), { recursive: true });
  const [placeholder] = await Promise.all([
    makePlaceholder(s.placeholder, sharp(data).toColourspace('srgb')).catch(() => undefined),
    copyOut(abs, path.join(outDir, src)),
  ]);
  const record: MediaRecord = { type: 'image', src, thumb: src, srcset: [], embedded: {}, outputs: [src] };
  if (size) {
    record.width = Math.round(size.width * 1000) / 1000;
    record.height = Math.round(size.height * 1000) / 1000;
  }
  if (placeholder) record.placeholder = placeholder;
  return record;
}

/**
 * Copies a video to `media/<rel>` and, when ffmpeg is available, writes a poster frame
 * `media/<rel>.poster.<ext>` (capped at `maxEdge`) whose size and placeholder become the
 * item's. Without ffmpeg the record has `posterSkipped: true` and no size.
 *
 * @throws MediaError for empty files, or files ffmpeg cannot decode (when ffmpeg is present)
 */
export async function renderVideo(
  abs: string,
  rel: string,
  outDir: string,
  s: RenderSettings,
  ffmpeg: FfmpegStatus,
): Promise<MediaRecord> {
  const { size } = await stat(abs);
  if (size === 0) throw new MediaError('empty file (0 bytes)');
  const src = outputBase(rel);
  await mkdir(path.join(outDir, path.dirname(src)), { recursive: true });
  // Without a poster there is no still image: `thumb` stays unset (the element shows the video).
  const record: MediaRecord = { type: 'video', src, srcset: [], embedded: {}, outputs: [src] };
  if (!ffmpeg.available) {
    await copyOut(abs, path.join(outDir, src));
    record.posterSkipped = true;
    return record;
  }
  const frame = await extractPosterFrame(ffmpeg.command, abs);
  await copyOut(abs, path.join(outDir, src));
  const ext = EXT[s.format];
  const poster = `${src}.poster.${ext}`;
  const decoded = await sharp(frame)
    .resize(s.maxEdge, s.maxEdge, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = () =>
    sharp(decoded.data, { raw: { width: decoded.info.width, height: decoded.info.height, channels: decoded.info.channels as 3 } });
  const [placeholder] = await Promise.all([
    makePlaceholder(s.placeholder, raw()),
    encode(raw(), s, decoded.info.channels === 4).toFile(path.join(outDir, poster)),
  ]);
  record.poster = poster;
  record.thumb = poster;
  record.outputs.push(poster);
  // The video's intrinsic size is the decoded frame's (ffmpeg applies rotation metadata).
  const fm = await sharp(frame).metadata();
  record.width = fm.width ?? decoded.info.width;
  record.height = fm.height ?? decoded.info.height;
  if (placeholder) record.placeholder = placeholder;
  return record;
}
