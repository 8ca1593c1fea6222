import { readFile } from 'node:fs/promises';
import path from 'node:path';
import exifr from 'exifr';

/** Caption, alt text and capture date of one input, all optional. Plain text, never HTML. */
export interface TextMeta {
  caption?: string;
  alt?: string;
  /** ISO 8601 capture date. */
  date?: string;
}

/** Descriptions that cameras write by default; they are not captions. */
const CAMERA_DEFAULTS = /^(OLYMPUS DIGITAL CAMERA|SONY DSC|DCIM|DIGITAL CAMERA|default|image|untitled|SAMSUNG|KODAK Digital Still Camera|Created with GIMP|Screenshot)$/i;

/** Vendor boilerplate such as "KONICA MINOLTA DIGITAL CAMERA" or "NIKON DSC". */
const CAMERA_LIKE = /^[A-Z0-9 ._-]*\b(DIGITAL (STILL )?CAMERA|DSC|DIGITAL IMAGE|CAMERA)$/;

/**
 * Normalises a metadata value (string, `{lang, value}`, array of those) into trimmed
 * text without control characters; `undefined` for empty values and camera boilerplate
 * ("OLYMPUS DIGITAL CAMERA", "KONICA MINOLTA DIGITAL CAMERA", "SONY DSC", …).
 */
export function cleanText(value: unknown): string | undefined {
  return text(value);
}

function text(value: unknown): string | undefined {
  if (value == null) return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = text(v);
      if (t) return t;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    const v = (value as { value?: unknown }).value;
    return text(v);
  }
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  // Strip control characters (NULs from fixed-size EXIF fields) and collapse whitespace ends.
  // eslint-disable-next-line no-control-regex
  const t = String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (!t || CAMERA_DEFAULTS.test(t) || CAMERA_LIKE.test(t)) return undefined;
  return t;
}

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

/**
 * Reads caption, alt text and capture date from an image's embedded metadata with exifr:
 * caption from EXIF ImageDescription, IPTC Caption-Abstract, XMP dc:description, then
 * XMP dc:title / IPTC ObjectName / Headline / Windows XPTitle; alt from XMP
 * Iptc4xmpCore:AltTextAccessibility; date from DateTimeOriginal / CreateDate.
 *
 * Never throws: files exifr cannot parse (or that carry no metadata) give `{}`.
 *
 * @param data the whole file's bytes
 */
export async function readEmbeddedText(data: Buffer): Promise<TextMeta> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(data, {
      tiff: true,
      ifd0: {},
      exif: true,
      gps: false,
      iptc: true,
      xmp: true,
      icc: false,
      jfif: false,
      ihdr: true,
      mergeOutput: true,
      silentErrors: true,
    } as never)) as Record<string, unknown> | undefined;
  } catch {
    return {};
  }
  if (!tags) return {};
  const caption =
    text(tags.ImageDescription) ??
    text(tags.Caption) ??
    text(tags.description) ??
    text(tags.title) ??
    text(tags.ObjectName) ??
    text(tags.Headline) ??
    text(tags.XPTitle) ??
    text(tags.XPSubject) ??
    // PNG tEXt/iTXt chunks
    text(tags.Description) ??
    text(tags.Title);
  const alt = text(tags.AltTextAccessibility);
  const date = isoDate(tags.DateTimeOriginal) ?? isoDate(tags.CreateDate) ?? isoDate(tags.DateCreated);
  const out: TextMeta = {};
  if (caption) out.caption = caption;
  if (alt) out.alt = alt;
  if (date) out.date = date;
  return out;
}

/** Sidecar text read for one input. */
export interface SidecarResult {
  caption?: string;
  alt?: string;
  /** Problems found (unreadable or malformed sidecars), one message each; never fatal. */
  warnings: string[];
}

/**
 * Sidecar file names that can describe `rel` (relative path with `/`): `photo.jpg.txt`
 * (caption), `photo.jpg.json` and `photo.json` (`{caption, alt}`), in that precedence
 * for each field.
 */
export function sidecarNames(rel: string): { txt: string; json: string[] } {
  const ext = path.posix.extname(rel);
  const stem = ext ? rel.slice(0, -ext.length) : rel;
  return { txt: `${rel}.txt`, json: [`${rel}.json`, `${stem}.json`] };
}

/**
 * Reads the sidecars of one input. `present` maps the relative path of every file found
 * by the walk to the absolute path to read (for a symlink, its checked real path), so
 * absent sidecars cost no file system call and a sidecar the walk left out (a symlink out
 * of the input folder) is never read.
 *
 * JSON sidecars must be objects; `caption` and `alt` must be strings (other keys are
 * ignored). A malformed sidecar is reported in `warnings` and ignored, never fatal.
 *
 * @param rel relative path of the media file
 * @param present relative path → absolute path of every file in the walk
 */
export async function readSidecars(rel: string, present: ReadonlyMap<string, string>): Promise<SidecarResult> {
  const names = sidecarNames(rel);
  const result: SidecarResult = { warnings: [] };
  for (const json of names.json) {
    const file = present.get(json);
    if (file === undefined) continue;
    try {
      const raw = await readFile(file, 'utf8');
      const data: unknown = JSON.parse(raw.replace(/^\uFEFF/, ''));
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        result.warnings.push(`sidecar ${json}: expected a JSON object`);
        continue;
      }
      const d = data as Record<string, unknown>;
      if (result.caption === undefined && typeof d.caption === 'string' && d.caption.trim()) result.caption = d.caption.trim();
      if (result.alt === undefined && typeof d.alt === 'string' && d.alt.trim()) result.alt = d.alt.trim();
      if ((d.caption !== undefined && typeof d.caption !== 'string') || (d.alt !== undefined && typeof d.alt !== 'string')) {
        result.warnings.push(`sidecar ${json}: caption and alt must be strings`);
      }
    } catch (err) {
      result.warnings.push(`sidecar ${json}: ${(err as Error).message}`);
    }
  }
  const txt = present.get(names.txt);
  if (txt !== undefined) {
    try {
      const raw = (await readFile(txt, 'utf8')).replace(/^\uFEFF/, '').trim();
      // The .txt sidecar is the caption proper: it wins over a JSON caption.
      if (raw) result.caption = raw;
    } catch (err) {
      result.warnings.push(`sidecar ${names.txt}: ${(err as Error).message}`);
    }
  }
  return result;
}
