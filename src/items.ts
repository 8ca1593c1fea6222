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

/**
 * Normalises one input to a {@link GalleryItem}.
 * @returns the item, or a string saying why the input is invalid.
 */
export function normalizeItem(input: unknown): GalleryItem | string {
  if (typeof input === 'string') {
    return input.trim() ? { src: input, type: inferType(input) } : 'empty URL string';
  }
  if (Array.isArray(input)) {
    const [first, caption] = input;
    const base = typeof first === 'string' ? normalizeItem(first) : normalizeItem(first as unknown);
    if (typeof base === 'string') return `tuple: ${base}`;
    if (caption != null && typeof caption !== 'string') return 'tuple caption is not a string';
    return caption ? { ...base, caption } : base;
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
  else if (typeof caption === 'number') item.caption = String(caption);
  if (!item.download && download) item.download = download;
  const w = num(input.width), h = num(input.height);
  if (w && h) { item.width = w; item.height = h; }
  if (input.liked === true || input.liked === false || input.liked === null) item.liked = input.liked;
  if (typeof input.favorite === 'boolean') item.favorite = input.favorite;
  if ('meta' in input) item.meta = input.meta;
  return item;
}

const cache = new WeakMap<object, GalleryItem | string>();

/**
 * Normalises a list of inputs. Object inputs are memoised by identity, so setting a new
 * array that reuses most entries (appending a page, say) costs only the new entries.
 *
 * @returns `items` in input order without the invalid ones, and `invalid` for each one skipped.
 */
export function normalizeItems(inputs: readonly unknown[] | null | undefined): { items: GalleryItem[]; invalid: InvalidInput[] } {
  const items: GalleryItem[] = [];
  const invalid: InvalidInput[] = [];
  if (inputs == null) return { items, invalid };
  if (!Array.isArray(inputs)) {
    invalid.push({ index: -1, input: inputs, reason: 'items is not an array' });
    return { items, invalid };
  }
  for (let i = 0; i < inputs.length; i++) {
    const input: unknown = inputs[i];
    let r: GalleryItem | string | undefined;
    if (typeof input === 'object' && input !== null) {
      const o = input as Record<string, unknown>;
      // Fast path: an object that is already a GalleryItem with its type is kept as it is.
      if ((o.type === 'image' || o.type === 'video') && typeof o.src === 'string' && o.src && !('image' in o) && !('video' in o)) {
        items.push(o as unknown as GalleryItem);
        continue;
      }
      r = cache.get(input);
      if (r === undefined) {
        r = normalizeItem(input);
        // A GalleryItem that is already normal maps to itself, so identity survives round trips.
        if (typeof r !== 'string' && isNormal(input as Record<string, unknown>, r)) r = input as GalleryItem;
        cache.set(input, r);
      }
    } else {
      r = normalizeItem(input);
    }
    if (typeof r === 'string') invalid.push({ index: i, input, reason: r });
    else items.push(r);
  }
  return { items, invalid };
}

function isNormal(input: Record<string, unknown>, out: GalleryItem): boolean {
  if (typeof input.src !== 'string' || input.type !== out.type) return false;
  const inKeys = Object.keys(input).filter((k) => input[k] !== undefined);
  return inKeys.length === Object.keys(out).length;
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

const keys = new WeakMap<GalleryItem, number>();
let nextKey = 1;

/**
 * A stable key per item object for keyed rendering, assigned on first use: O(1) per rendered
 * tile, nothing per item of a long list. {@link inheritKey} carries it over to an updated copy.
 */
export function itemKey(item: GalleryItem): number {
  let k = keys.get(item);
  if (k === undefined) keys.set(item, (k = nextKey++));
  return k;
}

/** Gives `next` (an updated copy, e.g. after a like) the key of `prev`, so its tile is kept. */
export function inheritKey(prev: GalleryItem, next: GalleryItem): void {
  keys.set(next, itemKey(prev));
}
