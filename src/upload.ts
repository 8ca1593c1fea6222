/** Upload rules: accepted file types, size limits, webcam constraints. Pure module. */

/**
 * Parses `file-types`: a string (`"image, video, .pdf"`) or a list (Gradio's
 * `['image', '.mp4']`, or its JSON). The words `image`, `video`, `audio`, `text` stand for
 * their MIME families, `.ext` for an extension, `type/sub` or `type/*` for a MIME type.
 * @returns the `accept` attribute value (default `image/*,video/*`).
 */
export function acceptAttr(fileTypes: string | readonly unknown[] | null | undefined): string {
  let v: unknown = fileTypes;
  if (typeof v === 'string' && v.trim().startsWith('[')) {
    try { v = JSON.parse(v); } catch { /* read as words */ }
  }
  const parts = (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(',') : String(v ?? '')).split(/[\s,]+/).filter(Boolean);
  if (!parts.length) return 'image/*,video/*';
  return parts.map((p) => (p.startsWith('.') || p.includes('/') ? p.toLowerCase() : `${p.toLowerCase()}/*`)).join(',');
}

/** Whether `file` matches an `accept` list (as built by {@link acceptAttr}). */
export function accepts(file: { name: string; type: string }, accept: string): boolean {
  const name = file.name.toLowerCase();
  const type = (file.type || '').toLowerCase();
  return accept.split(',').some((a) => {
    if (a.startsWith('.')) return name.endsWith(a);
    if (a.endsWith('/*')) return type.startsWith(a.slice(0, -1));
    return type === a;
  });
}

const UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** Parses `max-file-size`: bytes (`5000000`) or a size with a unit (`"5MB"`, `"512 KiB"`). `null` when unset or invalid. */
export function parseSize(v: unknown): number | null {
  if (v == null || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v : null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$/i.exec(String(v));
  if (!m) return null;
  return Math.round(parseFloat(m[1]) * UNITS[(m[2] ?? 'b').toLowerCase()]);
}

/** Parses `webcam-constraints`: a `MediaTrackConstraints` object or its JSON; anything else is `true`. */
export function videoConstraints(v: unknown): MediaTrackConstraints | true {
  if (typeof v === 'string') {
    try { v = JSON.parse(v); } catch { return true; }
  }
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as MediaTrackConstraints) : true;
}
