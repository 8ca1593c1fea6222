/**
 * Placeholders shown until a thumbnail has loaded (LQIP). A `data:` URL (or another image URL
 * the URL policy allows) is used as it is, at once. Any other string is read as a base64
 * ThumbHash and decoded to a PNG data URL once, then cached, by the thumbhash library, which is
 * a chunk of its own (`thumbhash.js` beside the CDN entry; a bundler splits it likewise): the
 * first ThumbHash asked for starts loading it, and until it has arrived a ThumbHash gives `null`
 * (no placeholder). Elements that render placeholders render again once it has
 * (`onPlaceholdersReady`, `src/controllers/placeholders.ts`).
 */
import { allowedUrl, cssUrl } from './model/urls.js';
import { retryable } from './chunk-import.js';

type Decode = (hash: ArrayLike<number>) => string;

const decoded = new Map<string, string | null>();
let decode: Decode | null = null;
const waiting = new Set<() => void>();
// A failed load is reported and tried again after a back-off by itself (see `retryable`).
const importDecoder = retryable(() => import('./thumbhash.js'), (mod: Partial<typeof import('./thumbhash.js')>) => mod.thumbHashToDataURL, true, (d) => {
  decode = d;
  const cbs = [...waiting];
  waiting.clear();
  for (const cb of cbs) cb();
});

/**
 * Loads the ThumbHash decoder (once; at once again after a failed attempt). Resolves once
 * ThumbHash placeholders decode synchronously; rejects with the network's error. The gallery
 * starts it by itself when it first shows one; call it earlier, e.g. before server-side
 * rendering, to have them from the first render.
 */
export const loadPlaceholders = (): Promise<void> => importDecoder(true).then(() => {});

/**
 * Calls `cb` once, when the ThumbHash decoder has arrived. Returns the way to cancel that, or
 * `null` when it is already there (nothing to wait for).
 */
export function onPlaceholdersReady(cb: () => void): (() => void) | null {
  if (decode) return null;
  waiting.add(cb);
  return () => void waiting.delete(cb);
}

/** The bytes of a base64 (or base64url) ThumbHash, or `null` when it is not one. */
function hashBytes(value: string): Uint8Array | null {
  try {
    const bin = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes.length >= 5 ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Synchronous. @returns a URL usable as a CSS background, or `null` for an empty, undecodable or
 * refused value (a URL must pass the image URL policy of `./model/urls.ts`), and for a ThumbHash
 * while the decoder is not loaded yet: asking for one starts loading it (see `loadPlaceholders`).
 */
export function placeholderUrl(value: string | undefined): string | null {
  if (!value || typeof value !== 'string') return null;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return allowedUrl(value) ? value : null;
  let url = decoded.get(value);
  if (url !== undefined) return url;
  const bytes = hashBytes(value);
  if (bytes && !decode) {
    void importDecoder();
    return null;
  }
  try {
    url = bytes && decode ? decode(bytes) : null;
  } catch {
    url = null;
  }
  if (decoded.size > 5000) decoded.clear();
  decoded.set(value, url);
  return url;
}

/** The placeholder as a CSS `background-image` value (`url("…")`, escaped), or `null`. */
export function placeholderCss(value: string | undefined): string | null {
  const url = placeholderUrl(value);
  return url ? cssUrl(url) : null;
}
