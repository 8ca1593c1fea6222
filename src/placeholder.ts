/**
 * Placeholders shown until a thumbnail has loaded (LQIP): a `data:` URL is used as it is; any
 * other string is read as a base64 ThumbHash and decoded to a PNG data URL once, then cached.
 */
import { thumbHashToDataURL } from 'thumbhash';
import { allowedUrl, cssUrl } from './model/urls.js';

const decoded = new Map<string, string | null>();

/**
 * @returns a URL usable as a CSS background, or `null` for an empty, undecodable or refused
 * value (a URL must pass the image URL policy of `./model/urls.ts`).
 */
export function placeholderUrl(value: string | undefined): string | null {
  if (!value || typeof value !== 'string') return null;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return allowedUrl(value) ? value : null;
  let url = decoded.get(value);
  if (url === undefined) {
    try {
      const bin = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      url = bytes.length >= 5 ? thumbHashToDataURL(bytes) : null;
    } catch {
      url = null;
    }
    if (decoded.size > 5000) decoded.clear();
    decoded.set(value, url);
  }
  return url;
}

/** The placeholder as a CSS `background-image` value (`url("…")`, escaped), or `null`. */
export function placeholderCss(value: string | undefined): string | null {
  const url = placeholderUrl(value);
  return url ? cssUrl(url) : null;
}
