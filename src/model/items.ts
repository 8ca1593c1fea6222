import { allowedSrcset, allowedUrl } from './urls.js';

/**
 * Item normalisation: every input form the contract accepts becomes a {@link GalleryItem}.
 *
 * Pure module: no DOM, no side effects beyond `console.warn` for skipped inputs.
 */

/** One gallery entry, as held by `<media-gallery>` after normalisation. */
export interface GalleryItem {
  /** Full-size image or video URL. */
  src: string;
  /** Inferred from the extension or MIME type when absent. */
  type?: 'image' | 'video';
  /** Thumbnail URL (defaults to `src`). */
  thumb?: string;
  srcset?: string;
  sizes?: string;
  /** Intrinsic width in pixels; with `height`, reserves the aspect ratio (no layout shift). */
  width?: number;
  /** Intrinsic height in pixels. */
  height?: number;
  /** Shown while loading: a `data:` URL or a base64 ThumbHash string. */
  placeholder?: string;
  /** Video poster URL. */
  poster?: string;
  caption?: string;
  /** Alternative text; falls back to `caption`. */
  alt?: string;
  /** `true` liked, `false` disliked, `null` neither. */
  liked?: boolean | null;
  favorite?: boolean;
  /** File name offered on download (Gradio's `orig_name`). */
  download?: string;
  id?: string;
  /** Caption tracks of a video (`<track>` elements). */
  tracks?: { src: string; srclang?: string; label?: string; kind?: string }[];
  /** Passed back untouched in every event. */
  meta?: unknown;
}

/** Anything the contract accepts as an item before normalisation. */
export type GalleryItemInput =
  | string
  | [string, string?]
  | GalleryItem
  | GradioFileData
  | { image: GradioFileData | string; caption?: string | null; liked?: boolean | null; favorite?: boolean; meta?: unknown }
  | { video: GradioFileData | string; caption?: string | null; liked?: boolean | null; favorite?: boolean; meta?: unknown };

/** Gradio's `FileData` payload (the fields we read). */
export interface GradioFileData {
  url?: string | null;
  path?: string;
  orig_name?: string | null;
  mime_type?: string | null;
}

/** Why an input was skipped. */
export interface InvalidInput {
  /** Position in the input array. */
  index: number;
  input: unknown;
  reason: string;
}

const VIDEO_EXT = /\.(mp4|m4v|webm|ogv|ogg|mov|mkv)(?:[?#]|$)/i;

/** Infers `'video'` from a `video/*` MIME type or a video file extension, else `'image'`. */
export function inferType(src: string, mime?: string | null): 'image' | 'video' {
  if (mime) return mime.startsWith('video/') ? 'video' : 'image';
  if (src.startsWith('data:')) return src.startsWith('data:video/') ? 'video' : 'image';
  return VIDEO_EXT.test(src) ? 'video' : 'image';
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
};

function fileUrl(f: unknown): { url?: string; name?: string; mime?: string } {
  if (typeof f === 'string') return { url: str(f) };
  if (!isObj(f)) return {};
  return { url: str(f.url) ?? str(f.path), name: str(f.orig_name), mime: str(f.mime_type) };
}

const KNOWN = new Set(['src', 'type', 'thumb', 'srcset', 'sizes', 'width', 'height', 'placeholder', 'poster', 'caption', 'alt', 'liked', 'favorite', 'download', 'id', 'meta', 'tracks']);

function tracksOf(v: unknown): GalleryItem['tracks'] | string | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) return 'tracks is not an array';
  const out: NonNullable<GalleryItem['tracks']> = [];
  for (const t of v) {
    if (!isObj(t) || !str(t.src)) return 'a track has no src';
    const tr: { src: string; srclang?: string; label?: string; kind?: string } = { src: t.src as string };
    for (const k of ['srclang', 'label', 'kind'] as const) if (str(t[k])) tr[k] = t[k] as string;
    out.push(tr);
  }
  return out;
}

/**
 * Normalises one input to a {@link GalleryItem}. Every field is type-checked, whatever the
 * input's form (a `GalleryItem` with its `type` gets no shortcut): a field of the wrong type
 * is dropped (`width: '300'` is read as 300; `liked: 'yes'` is dropped), a missing or empty
 * `src` makes the input invalid.
 * @returns the item, or a string saying why the input is invalid.
 */
export function normalizeItem(input: unknown): GalleryItem | string {
  // The common case, an object already in normal form, is checked field by field without
  // building a copy (every field is still validated: this is not a shortcut past the checks).
  if (isObj(input)) {
    const form = normalForm(input);
    if (form === 'normal') return input as unknown as GalleryItem;
    // Valid but for its missing `type` (the usual `{src, width, height}`): a copy with the type.
    if (form === 'untyped') {
      const out: Record<string, unknown> = { src: input.src, type: inferType(input.src as string) };
      for (const k in input) if (k !== 'src' && input[k] !== undefined) out[k] = input[k];
      return out as unknown as GalleryItem;
    }
  }
  const r = normalizeOne(input);
  if (typeof r === 'string') return r;
  const unsafe = unsafeField(r);
  return unsafe ? `${unsafe} has a URL scheme that is not allowed` : r;
}

function normalizeOne(input: unknown): GalleryItem | string {
  if (typeof input === 'string') {
    return input.trim() ? { src: input, type: inferType(input) } : 'empty URL string';
  }
  if (Array.isArray(input)) {
    const [first, caption, liked] = input;
    if (Array.isArray(first)) return 'tuple: its first entry is a list, not a URL or an item';
    const base = normalizeOne(first as unknown);
    if (typeof base === 'string') return `tuple: ${base}`;
    if (caption != null && typeof caption !== 'string') return 'tuple caption is not a string';
    const out = caption ? { ...base, caption } : base === first ? { ...base } : base;
    // PictoGallery's (image, caption, liked) tuple.
    if (liked === true || liked === false || liked === null) out.liked = liked;
    return out;
  }
  if (!isObj(input)) return `expected a URL, [src, caption], or an object, got ${input === null ? 'null' : typeof input}`;

  let src: string | undefined;
  let type: 'image' | 'video' | undefined;
  let download: string | undefined;
  let mime: string | undefined;
  if ('image' in input || 'video' in input) {
    const isVideo = input.video != null && input.image == null;
    const f = fileUrl(isVideo ? input.video : input.image);
    if (!f.url) return `Gradio payload has no ${isVideo ? 'video' : 'image'} url`;
    src = f.url;
    download = f.name;
    mime = f.mime;
    type = isVideo ? 'video' : inferType(src, mime);
  } else {
    src = str(input.src) ?? str(input.url) ?? str(input.path);
    if (!src) return 'object has no src';
    mime = str(input.mime_type);
    download = str(input.orig_name);
  }
  const t = input.type;
  if (t === 'image' || t === 'video') type = t;
  const item: GalleryItem = { src, type: type ?? inferType(src, mime) };
  for (const k of ['thumb', 'srcset', 'sizes', 'placeholder', 'poster', 'alt', 'download', 'id'] as const) {
    const v = str(input[k]);
    if (v) item[k] = v;
  }
  const caption = input.caption;
  if (typeof caption === 'string' && caption) item.caption = caption;
  else if (typeof caption === 'number' && Number.isFinite(caption)) item.caption = String(caption);
  if (!item.download && download) item.download = download;
  const w = num(input.width), h = num(input.height);
  if (w && h) { item.width = w; item.height = h; }
  if (input.liked === true || input.liked === false || input.liked === null) item.liked = input.liked;
  if (typeof input.favorite === 'boolean') item.favorite = input.favorite;
  const tracks = tracksOf(input.tracks);
  if (typeof tracks === 'string') return tracks;
  if (tracks) item.tracks = tracks;
  if ('meta' in input) item.meta = input.meta;
  return isSame(input, item) ? (input as unknown as GalleryItem) : item;
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Whether `o` already is a valid item in normal form (`'normal'`: `src` and `type` present,
 * every other key known, every value of its type and allowed by the URL policy, `width` with
 * `height`), the same but without `type` (`'untyped'`), or neither (`false`: the full path
 * decides). The same rules as {@link normalizeItem}'s full path, without building a copy.
 */
function normalForm(o: Record<string, unknown>): 'normal' | 'untyped' | false {
  let w = false, h = false, typed = false;
  for (const k in o) {
    const v = o[k];
    if (v === undefined) continue;
    switch (k) {
      case 'src': if (typeof v !== 'string' || !v || !allowedUrl(v, 'media')) return false; break;
      case 'type': if (v !== 'image' && v !== 'video') return false; typed = true; break;
      case 'thumb': case 'poster': if (typeof v !== 'string' || !v || !allowedUrl(v)) return false; break;
      case 'srcset': if (typeof v !== 'string' || !v || !allowedSrcset(v)) return false; break;
      case 'placeholder': if (typeof v !== 'string' || !v || (!BASE64.test(v) && !allowedUrl(v))) return false; break;
      case 'sizes': case 'alt': case 'caption': case 'download': case 'id': if (typeof v !== 'string' || !v) return false; break;
      case 'width': case 'height':
        if (typeof v !== 'number' || !(v > 0) || v === Infinity) return false;
        if (k === 'width') w = true; else h = true;
        break;
      case 'liked': if (v !== true && v !== false && v !== null) return false; break;
      case 'favorite': if (typeof v !== 'boolean') return false; break;
      case 'meta': break;
      default: return false; // tracks, Gradio keys, anything unknown: the full path decides
    }
  }
  if (w !== h || typeof o.src !== 'string') return false;
  return typed ? 'normal' : 'untyped';
}

/** The first field of `item` whose URL the policy refuses (see `./urls.ts`), or null. */
function unsafeField(item: GalleryItem): string | null {
  if (!allowedUrl(item.src, 'media')) return 'src';
  if (item.thumb && !allowedUrl(item.thumb)) return 'thumb';
  if (item.poster && !allowedUrl(item.poster)) return 'poster';
  if (item.srcset && !allowedSrcset(item.srcset)) return 'srcset';
  // A placeholder is a ThumbHash (base64) or an image URL.
  if (item.placeholder && !BASE64.test(item.placeholder) && !allowedUrl(item.placeholder)) return 'placeholder';
  if (item.tracks?.some((t) => !allowedUrl(t.src) || /^\s*data:/i.test(t.src))) return 'tracks';
  return null;
}

/**
 * Whether `input` already is the normal form `out` (every field known, valid and equal): then
 * the input object itself is kept, so a page's objects round-trip by identity through events.
 */
function isSame(input: Record<string, unknown>, out: GalleryItem): boolean {
  let n = 0;
  for (const k in input) {
    const v = input[k];
    if (v === undefined) continue;
    if (!KNOWN.has(k) || (out as unknown as Record<string, unknown>)[k] !== v) return false;
    n++;
  }
  return n === Object.keys(out).length;
}

/**
 * Normalises a list of inputs, validating every entry (no shortcut for any form).
 * @returns `items` in input order without the invalid ones, and `invalid` for each one skipped.
 */
export function normalizeItems(inputs: readonly unknown[] | null | undefined): { items: GalleryItem[]; invalid: InvalidInput[] } {
  const invalid: InvalidInput[] = [];
  let n = 0;
  try {
    if (inputs == null) return { items: [], invalid };
    if (!Array.isArray(inputs)) {
      invalid.push({ index: -1, input: inputs, reason: 'items is not an array' });
      return { items: [], invalid };
    }
    n = inputs.length;
  } catch (err) {
    // A revoked Proxy as the list itself: nothing can be read from it.
    invalid.push({ index: -1, input: null, reason: `items cannot be read (${(err as Error)?.message ?? err})` });
    return { items: [], invalid };
  }
  // Sized once (a list grown by push costs twice as much at 100,000 items), trimmed at the
  // end; a Proxy's length that is no array length sizes nothing.
  const items: GalleryItem[] = new Array(Number.isSafeInteger(n) && n > 0 ? Math.min(n, 1 << 24) : 0);
  let k = 0;
  for (let i = 0; i < n; i++) {
    let input: unknown;
    let r: GalleryItem | string;
    try {
      input = inputs[i];
      r = normalizeItem(input);
    } catch (err) {
      // A throwing getter or a revoked Proxy: that entry is invalid, the rest still render.
      r = `unreadable input (${(err as Error)?.message ?? err})`;
    }
    if (typeof r === 'string') invalid.push({ index: i, input, reason: r });
    else items[k++] = r;
  }
  items.length = k;
  return { items, invalid };
}

/** The `alt` text of an item: `alt`, else `caption`, else empty (decorative is never assumed by us). */
export const altOf = (item: GalleryItem): string => item.alt ?? item.caption ?? '';

/** The file name offered on download: `download`, else the last path segment of `src`. */
export function downloadName(item: GalleryItem): string {
  if (item.download) return item.download;
  try {
    const path = new URL(item.src, 'http://x/').pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'download';
  } catch {
    return 'download';
  }
}

/** Resolves an item's URLs against a base URL (a manifest's location). Returns a new item. */
export function resolveItem(item: GalleryItem, base: string): GalleryItem {
  const abs = (u: string) => (u.startsWith('data:') ? u : new URL(u, base).href);
  const out: GalleryItem = { ...item, src: abs(item.src) };
  if (item.thumb) out.thumb = abs(item.thumb);
  if (item.poster) out.poster = abs(item.poster);
  if (item.srcset) {
    out.srcset = item.srcset
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => {
        const [u, ...d] = c.split(/\s+/);
        return [abs(u), ...d].join(' ');
      })
      .join(', ');
  }
  return out;
}

/**
 * Reads items from light-DOM children: `<img>`, `<video>`, `<a href><img></a>`, `<gallery-thumb>`.
 * A child's `data-caption`, else `title`, else an `<img>`'s `alt`, becomes the caption.
 */
export function itemsFromChildren(host: Element): unknown[] {
  const out: unknown[] = [];
  for (const el of Array.from(host.children)) {
    const tag = el.localName;
    const caption = el.getAttribute('data-caption') ?? el.getAttribute('title') ?? undefined;
    const dims = { width: el.getAttribute('width') ?? undefined, height: el.getAttribute('height') ?? undefined };
    if (tag === 'img') {
      const img = el as HTMLImageElement;
      out.push({ src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') ?? undefined, caption: caption ?? img.getAttribute('alt') ?? undefined, srcset: img.getAttribute('srcset') ?? undefined, sizes: img.getAttribute('sizes') ?? undefined, ...dims });
    } else if (tag === 'video') {
      const v = el as HTMLVideoElement;
      const src = v.getAttribute('src') ?? v.querySelector('source')?.getAttribute('src') ?? '';
      out.push({ src, type: 'video', poster: v.getAttribute('poster') ?? undefined, caption, ...dims });
    } else if (tag === 'a') {
      const img = el.querySelector('img');
      out.push({ src: el.getAttribute('href') ?? '', thumb: img?.getAttribute('src') ?? undefined, alt: img?.getAttribute('alt') ?? undefined, caption: caption ?? img?.getAttribute('alt') ?? undefined, download: el.getAttribute('download') || undefined });
    } else if (tag === 'gallery-thumb') {
      const item = (el as unknown as { item?: unknown }).item;
      out.push(item ?? { src: el.getAttribute('src') ?? '', caption: el.getAttribute('caption') ?? undefined, type: el.getAttribute('type') ?? undefined });
    }
  }
  return out;
}
