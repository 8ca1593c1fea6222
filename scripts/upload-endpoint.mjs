// Small upload endpoints for the dev servers (Koa middleware, as @web/dev-server and
// @web/test-runner take them). Not part of the library.
//
//   exampleSubmit()   POST /examples/submit: answers with an HTML page listing what arrived
//                     (examples/upload.html posts its form there).
//   exampleUploads()  examples/upload.html's server upload (`upload-url`), kept in memory:
//     POST /examples/uploads          stores the multipart field `file`; answers {"url": …}
//       ?kbps=N                       reads the body at about N KiB/s (progress to watch)
//       ?fail=1                       reads the body, answers 500 (Retry to watch)
//     GET  /examples/uploads/ID/NAME  a stored file (the newest 40 files, 10 MB each at most)
//   uploadTestServer()  the test runner's endpoints under /upload-test/:
//     POST /upload-test/store          stores the multipart field `file`; answers {"url": …}
//     POST /upload-test/text           same, answering the URL as plain text
//     POST /upload-test/fail           reads the body, answers 500
//     POST /upload-test/slow?gate=ID   answers only after GET /upload-test/release?gate=ID (or 20 s)
//     GET  /upload-test/files/ID/NAME  a stored file
//     GET  /upload-test/gated-404?gate=ID  answers 404 only after GET /upload-test/release?gate=ID (or 20 s): media that fails later
//     POST /upload-test/echo           a form's submission: answers JSON [{name, value} | {name, file, size, type}]
import { Readable } from 'node:stream';

/** Parses a multipart (or urlencoded) request body with the platform's own parser. */
async function readForm(ctx) {
  const req = ctx.req;
  const request = new Request(`http://localhost${ctx.url}`, {
    method: 'POST',
    headers: req.headers,
    body: Readable.toWeb(req),
    duplex: 'half',
  });
  return request.formData();
}

/** What arrived, entry by entry, in order. */
export async function describeEntries(form) {
  const out = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') out.push({ name, value });
    else out.push({ name, file: value.name, size: value.size, type: value.type });
  }
  return out;
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function exampleSubmit() {
  return async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== '/examples/submit') return next();
    let entries;
    try {
      entries = await describeEntries(await readForm(ctx));
    } catch {
      ctx.status = 400;
      ctx.body = 'Send a form (multipart/form-data or urlencoded).';
      return;
    }
    const rows = entries.map((e) => `<tr><td>${esc(e.name)}</td><td>${e.file !== undefined ? `file <b>${esc(e.file)}</b>, ${e.size} bytes, ${esc(e.type || '?')}` : `text: ${esc(e.value)}`}</td></tr>`);
    ctx.type = 'text/html';
    ctx.body = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>What arrived · media-gallery</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/examples/examples.css"><script type="module" src="/examples/shared.js"></script>
<body><main class="wrap"><h1>What the server received</h1><p class="lead">${entries.length} form entries, in order:</p>
<div class="card"><table class="received"><thead><tr><th>name</th><th>value</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p><a href="/examples/upload.html">Back to the upload example</a> (the browser's Back restores the form, files included).</p></main></body></html>`;
  };
}

/** Reads a request body at about `kbps` KiB/s into a Buffer (at most `limit` bytes, else null). */
async function readSlowly(req, kbps, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
    if (kbps > 0) await new Promise((r) => setTimeout(r, (chunk.length / 1024 / kbps) * 1000));
  }
  return Buffer.concat(chunks);
}

export function exampleUploads({ maxFiles = 40, maxBytes = 10 * 1024 * 1024 } = {}) {
  const files = new Map();
  let next = 0;
  return async (ctx, nextMw) => {
    if (ctx.path !== '/examples/uploads' && !ctx.path.startsWith('/examples/uploads/')) return nextMw();
    if (ctx.method === 'GET') {
      const file = files.get(ctx.path.split('/')[3]);
      if (!file) return void (ctx.status = 404);
      ctx.type = file.type || 'application/octet-stream';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = file.bytes;
      return;
    }
    if (ctx.method !== 'POST' || ctx.path !== '/examples/uploads') return nextMw();
    const kbps = Math.min(100_000, Math.max(0, Number(ctx.query.kbps) || 0));
    const body = await readSlowly(ctx.req, kbps, maxBytes + 64 * 1024).catch(() => null);
    if (!body) {
      ctx.status = 413;
      ctx.body = `Too large (the example server keeps ${maxBytes / 1024 / 1024} MB per file at most), or the upload was cancelled.`;
      return;
    }
    if (ctx.query.fail) {
      ctx.status = 500;
      ctx.body = 'The example server was asked to fail.';
      return;
    }
    let form;
    try {
      form = await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': ctx.get('content-type') }, body }).formData();
    } catch {
      ctx.status = 400;
      ctx.body = 'Send multipart/form-data with a field named file.';
      return;
    }
    const file = form.get('file');
    if (!file || typeof file === 'string') {
      ctx.status = 400;
      ctx.body = 'no file field';
      return;
    }
    const id = String(++next);
    files.set(id, { type: file.type, bytes: Buffer.from(await file.arrayBuffer()) });
    // Memory stays bounded: the oldest files go first.
    for (const old of files.keys()) if (files.size > maxFiles) files.delete(old);
    ctx.body = { url: `/examples/uploads/${id}/${encodeURIComponent(file.name)}` };
  };
}

export function uploadTestServer() {
  const files = new Map();
  const gates = new Map();
  let next = 0;
  const store = (file) => {
    const id = String(++next);
    files.set(id, file);
    return `/upload-test/files/${id}/${encodeURIComponent(file.name)}`;
  };
  const gate = (id) => new Promise((resolve) => {
    const t = setTimeout(resolve, 20_000);
    gates.set(id, () => { clearTimeout(t); resolve(); });
  });
  return async (ctx, nextMw) => {
    if (!ctx.path.startsWith('/upload-test/')) return nextMw();
    const route = ctx.path.slice('/upload-test/'.length);
    if (ctx.method === 'GET' && route.startsWith('files/')) {
      const file = files.get(route.split('/')[1]);
      if (!file) return void (ctx.status = 404);
      ctx.type = file.type || 'application/octet-stream';
      ctx.body = Buffer.from(await file.arrayBuffer());
      return;
    }
    if (ctx.method === 'GET' && route === 'release') {
      const id = ctx.query.gate;
      const open = gates.get(id);
      gates.delete(id);
      open?.();
      ctx.body = { released: !!open };
      return;
    }
    if (ctx.method === 'GET' && route === 'gated-404') {
      await gate(String(ctx.query.gate ?? ''));
      return void (ctx.status = 404);
    }
    if (ctx.method !== 'POST') return nextMw();
    if (route === 'slow') await gate(String(ctx.query.gate ?? ''));
    let form;
    try {
      form = await readForm(ctx);
    } catch {
      // The client went away (a cancelled upload) or sent no form.
      ctx.status = 400;
      return;
    }
    if (route === 'echo') return void (ctx.body = await describeEntries(form));
    if (route === 'fail') {
      ctx.status = 500;
      ctx.body = 'storage is full';
      return;
    }
    const file = form.get('file');
    if (!file || typeof file === 'string') {
      ctx.status = 400;
      ctx.body = 'no file field';
      return;
    }
    const url = store(file);
    if (route === 'text') {
      ctx.type = 'text/plain';
      ctx.body = url;
    } else ctx.body = { url };
  };
}
