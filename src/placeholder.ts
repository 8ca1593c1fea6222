/**
 * Placeholders shown until a thumbnail has loaded (LQIP): a `data:` URL is used as it is; any
 * other string is read as a base64 ThumbHash and decoded to a PNG data URL once, then cached.
 */
import { thumbHashToDataURL } from 'thumbhash';

const decoded = new Map<string, string | null>();

/** @returns a URL usable as a CSS background, or `null` for an empty or undecodable value. */
export function placeholderUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (value.startsWith('data:') || value.startsWith('blob:') || /^(https?:)?\//.test(value)) return value;
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
