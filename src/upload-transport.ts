/** The `upload-url` transport: one multipart POST per file, and what its response may be. */

/**
 * A custom upload transport: store `file` and resolve with the URL it can be read from. Call
 * `onProgress` with the fraction sent (0..1); stop when `signal` aborts (reject or resolve,
 * the result is ignored).
 */
export type UploadHandler = (file: File, options: { signal: AbortSignal; onProgress: (fraction: number) => void }) => Promise<string>;

/** Reads the URL out of an upload response: plain text, a JSON string, `{url}`/`{path}`/`{src}`, or a list of those (Gradio's `/upload`). */
export function urlFromResponse(text: string): string {
  let v: unknown = text.trim();
  try { v = JSON.parse(v as string); } catch { /* plain text */ }
  if (Array.isArray(v)) v = v[0];
  if (v && typeof v === 'object') { const o = v as Record<string, unknown>; v = o.url ?? o.path ?? o.src; }
  if (typeof v !== 'string' || !v) throw new Error('no URL in the response');
  return v;
}

/** The `upload-url` transport: one multipart POST per file (field `file`), with upload progress. */
export function postFile(url: string, file: File, o: { signal: AbortSignal; onProgress: (f: number) => void }): Promise<string> {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', url);
    x.upload.onprogress = (e) => e.lengthComputable && o.onProgress(e.loaded / e.total);
    x.onload = () => (x.status >= 200 && x.status < 300 ? resolve(urlFromResponse(x.responseText)) : reject(new Error(`HTTP ${x.status}`)));
    x.onerror = () => reject(new Error('network error'));
    x.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    o.signal.addEventListener('abort', () => x.abort(), { once: true });
    const body = new FormData();
    body.append('file', file, file.name);
    x.send(body);
  });
}

/** Only http(s) URLs, resolved against `base`, become an item's `src`. */
export function safeUrl(u: string, base: string): string {
  const abs = new URL(u, new URL(base || '.', location.href));
  if (abs.protocol !== 'http:' && abs.protocol !== 'https:') throw new Error(`refused URL scheme ${abs.protocol}`);
  return abs.href;
}
