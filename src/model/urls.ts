/**
 * The URL policy: which URLs may reach `src`, `srcset`, `poster`, a placeholder, a download
 * or a share. Allowed: `http:`, `https:`, `blob:`, relative URLs (`a.jpg`, `/a.jpg`,
 * `//host/a.jpg`), and `data:` URLs of images (and, for `src`, of videos). Anything else
 * (`javascript:`, `vbscript:`, `file:`, `data:text/html`, …) makes the item invalid.
 *
 * The scheme is read as the URL parser reads it: tabs and newlines anywhere are ignored and
 * leading spaces or control characters are skipped, so `java\tscript:` is `javascript:`.
 *
 * Pure module: no DOM.
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Whether `url` may be used as media.
 * @param data which `data:` URLs pass: `image` (`data:image/…`) or `media` (images and videos).
 */
export function allowedUrl(url: string, data: 'image' | 'media' = 'image'): boolean {
  // Fast path, no copy of the string: read the scheme where the URL parser would. It decides
  // a path (`/a.jpg`), a relative URL (`a.jpg`, `./a.jpg`, `p/a.jpg?x=y`) and an http(s) or
  // blob URL in its first few characters. A tab, newline or control character before the
  // end of the scheme (the parser drops or skips them) and `data:` take the full path below.
  const c0 = url.charCodeAt(0);
  if (c0 === 47) return true;
  if (c0 > 32) {
    // Not a letter: no scheme can start here.
    if (((c0 | 32) < 97 || (c0 | 32) > 122)) return true;
    let i = 1, c = url.charCodeAt(1);
    while (((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) c = url.charCodeAt(++i);
    // The run of scheme characters ends without a colon (or at the end, NaN): no scheme.
    if (c !== 58 && c !== 9 && c !== 10 && c !== 13) return true;
    if (c === 58) {
      const scheme = url.slice(0, i).toLowerCase();
      if (scheme === 'http' || scheme === 'https' || scheme === 'blob') return true;
      if (scheme !== 'data') return false;
    }
  }
  return allowedUrlSlow(url, data);
}

/** The policy as the URL parser reads it, for any string (tabs and newlines removed, leading spaces and controls skipped). */
function allowedUrlSlow(url: string, data: 'image' | 'media'): boolean {
  const s = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const m = SCHEME.exec(s);
  if (!m) return true;
  const scheme = m[1].toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'blob') return true;
  if (scheme !== 'data') return false;
  return data === 'media' ? /^data:(image|video)\//i.test(s) : /^data:image\//i.test(s);
}

/** Whether every candidate URL of a `srcset` is allowed (images). */
export function allowedSrcset(srcset: string): boolean {
  // Candidates are separated by commas followed by whitespace or a descriptor's end; a data:
  // URL's own comma ("data:image/png;base64,…") is not followed by whitespace.
  return srcset.split(/,\s+/).every((c) => {
    const u = c.trim().split(/\s+/)[0];
    return !u || allowedUrl(u, 'image');
  });
}

/**
 * A CSS `url("…")` for `url`, with the characters that could end the string or the value
 * (`"`, `\`, newlines, and `)` for good measure) percent-encoded, so the value stays one URL.
 */
export function cssUrl(url: string): string {
  return `url("${url.replace(/["\\\n\r\f)]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)}")`;
}
