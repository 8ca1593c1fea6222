#!/usr/bin/env node
/**
 * `npm run bench [-- --runs 5 --scroll-runs 3 --step 0.25 --sizes 1000,10000,100000]`
 *
 * The virtualized grid against a naive page, in headless Chromium (playwright-core), same
 * browser, same machine, one run; every figure is the median of several repetitions, each
 * in a freshly loaded page. Prints markdown tables and writes bench/results/grid.json.
 *
 *   (a) first screen: performance.now() before `items = …` (ours) or before building the
 *       DOM (naive), both run in a page task, until the end of the first rendered frame
 *       that holds the complete first screen (checked in a task posted from rAF, which runs
 *       after that frame's style, layout, paint and commit: gallery and tiles updated, tiles
 *       reach the bottom of the visible area); script, style and layout time of that window
 *       from CDP Performance.getMetrics deltas (ScriptDuration, RecalcStyleDuration,
 *       LayoutDuration); elements in the gallery (ours: its shadow root, recursively through
 *       nested shadow roots; naive: everything inside its container).
 *   (b) scrolling 10k items top to bottom, a fixed step per frame, page scroll and an inner
 *       scroller: long tasks (PerformanceObserver 'longtask'), rAF intervals, main-thread
 *       work per frame (rAF callback → the first task after that frame's rendering).
 *   (c) heap after a forced GC (HeapProfiler.collectGarbage, Runtime.getHeapUsage: V8 JS
 *       heap and Blink's embedder heap, where the DOM lives).
 *   (d) bundle bytes, gzip -9 and brotli, beside PhotoSwipe 5 and lightGallery 2.
 *   Diagnostic (--no-diagnostics skips it): ours scrolled with the tiles' fade-in turned
 *   off from the page (`media-gallery::part(image){transition:none}`), to show its cost.
 *
 * Other options: --step (fraction of the viewport per frame, default 0.25), --columns 6,
 * --inner-height 600, --scroll-items 10000, --scroll-timeout / --naive-scroll-timeout (ms
 * per pass), --first-screen-timeout (ms), --budget (s, whole run), --skip-naive-scroll,
 * --chromium PATH, --json PATH.
 *
 * The naive page is what Gradio's gallery does: every tile is a <button> with an
 * <img loading=lazy> and a caption in a CSS grid, built with the DOM API.
 * Every wait is bounded; on a failure or a timeout the script exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';
import sharp from 'sharp';
import { chromium } from 'playwright-core';
import { transform } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const CDN = path.join(repo, 'dist/cdn/media-gallery.js');

// ---- options -------------------------------------------------------------------------

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const opt = {
  runs: Math.max(1, Number(arg('runs', '5'))),
  scrollRuns: Math.max(1, Number(arg('scroll-runs', '3'))),
  sizes: arg('sizes', '1000,10000,100000').split(',').map(Number).filter((n) => n > 0),
  scrollItems: Number(arg('scroll-items', '10000')),
  step: Number(arg('step', '0.25')), // scroll step per frame, fraction of the viewport height
  columns: Number(arg('columns', '6')),
  innerHeight: Number(arg('inner-height', '600')),
  width: Number(arg('width', '1280')),
  height: Number(arg('height', '800')),
  chromium: arg('chromium', '/usr/bin/chromium'),
  /** Bound of one first-screen measurement, ms (a naive 100k page may need seconds). */
  firstScreenTimeout: Number(arg('first-screen-timeout', '120000')),
  /** Bound of one scroll pass, ms (ours; the naive page gets --naive-scroll-timeout). */
  scrollTimeout: Number(arg('scroll-timeout', '90000')),
  naiveScrollTimeout: Number(arg('naive-scroll-timeout', '30000')),
  /** Image responses are held back this long during the first-screen runs, ms. */
  imageDelay: Number(arg('image-delay', '3000')),
  /** Bound of the whole run, s. */
  budget: Number(arg('budget', '2400')),
  json: path.resolve(repo, arg('json', 'bench/results/grid.json')),
  skipNaiveScroll: process.argv.includes('--skip-naive-scroll'),
  noDiagnostics: process.argv.includes('--no-diagnostics'),
};
if (process.argv.includes('--help')) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

const watchdog = setTimeout(() => fail(`the whole run took longer than --budget ${opt.budget} s`), opt.budget * 1000);

let browser = null;
let server = null;
async function cleanup() {
  clearTimeout(watchdog);
  if (browser) await withTimeout(browser.close(), 15000, 'closing Chromium').catch(() => undefined);
  browser = null;
  if (server) {
    server.closeAllConnections?.();
    await new Promise((r) => server.close(() => r()));
    server = null;
  }
}
let failed = false;
function fail(message) {
  if (failed) return;
  failed = true;
  console.error(`\n✖ bench/grid.mjs: ${message}`);
  // playwright kills the browsers it launched when the process exits.
  void cleanup().finally(() => process.exit(1));
  setTimeout(() => process.exit(1), 20000).unref();
}

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(t));
}

const median = (xs) => {
  const a = xs.filter((x) => x != null && Number.isFinite(x)).sort((p, q) => p - q);
  if (!a.length) return null;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length ? a[Math.min(a.length - 1, Math.ceil((p / 100) * a.length) - 1)] : null;
};
const log = (s) => process.stderr.write(`${s}\n`);

// ---- build and static server ------------------------------------------------------------

function ensureBuild() {
  if (existsSync(CDN)) return;
  log('dist/cdn/media-gallery.js is missing: running `npm run build` …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], { cwd: repo, stdio: ['ignore', 2, 2], timeout: 600000 });
  if (r.error || r.status !== 0 || !existsSync(CDN)) {
    throw new Error(`npm run build failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}); dist/cdn/media-gallery.js is still missing`);
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.svg': 'image/svg+xml', '.map': 'application/json' };

/** The bench pages: the same shell, the gallery or the naive grid inside. */
function benchPage(kind, mode, variant) {
  const inner = mode === 'inner';
  const common = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench ${kind} ${mode}</title>
<style>html,body{margin:0}body{font:14px/1.4 system-ui,sans-serif;color:#222;background:#fff}</style>${
  // Diagnostic variant: the tiles' fade-in on load turned off from the page, through the exported part.
  variant === 'nofade' ? '<style>media-gallery::part(image){transition:none!important}</style>' : ''}`;
  if (kind === 'control') {
    return `${common}</head><body><div id="root" style="height:400000px;background:linear-gradient(#fff,#eee)"></div><script>${pageLib}</script></body></html>`;
  }
  if (kind === 'ours') {
    return `${common}<script type="module" src="/dist/cdn/media-gallery.js"></script></head><body>
<media-gallery id="root" label="Bench" columns="${opt.columns}"${inner ? ` height="${opt.innerHeight}"` : ''}></media-gallery>
<script>${pageLib}</script></body></html>`;
  }
  // Naive: what Gradio's gallery renders, every item at once, <img loading=lazy> in a CSS grid.
  return `${common}<style>
.wrap{padding:10px;border:1px solid #ddd;border-radius:14px}
.scroll${inner ? `{height:${opt.innerHeight}px;overflow-y:auto}` : '{}'}
.grid{display:grid;grid-template-columns:repeat(${opt.columns},minmax(0,1fr));gap:8px}
.thumb{position:relative;aspect-ratio:1;padding:0;border:0;border-radius:10px;overflow:hidden;background:#eee;cursor:pointer}
.thumb img{width:100%;height:100%;object-fit:cover;display:block}
.caption{position:absolute;left:0;right:0;bottom:0;padding:4px 8px;color:#fff;background:linear-gradient(transparent,#0009);font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
</style></head><body><div class="wrap" id="root"><div class="scroll"><div class="grid"></div></div></div><script>${pageLib}</script></body></html>`;
}

/** Runs in the page (a classic script, so it is there before the module loads). */
const pageLib = String.raw`
(() => {
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  /** Call from a rAF callback: runs check() in the first task after this frame is rendered. */
  const afterFrame = (check) => new Promise((resolve) => {
    const mc = new MessageChannel();
    mc.port1.onmessage = () => { mc.port1.close(); const t = performance.now(); resolve(check() ? { t } : null); };
    mc.port2.postMessage(0);
  });
  const root = () => document.getElementById('root');
  const kind = new URLSearchParams(location.search).get('kind') || (root().localName === 'media-gallery' ? 'ours' : 'naive');
  function countElements(r) {
    let n = 0;
    const walk = (node) => { for (const el of node.querySelectorAll('*')) { n++; if (el.shadowRoot) walk(el.shadowRoot); } };
    walk(r);
    return n;
  }
  function buildNaive(items) {
    const grid = root().querySelector('.grid');
    const frag = document.createDocumentFragment();
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      const b = document.createElement('button');
      b.className = 'thumb';
      b.type = 'button';
      b.setAttribute('aria-label', it.caption);
      const img = document.createElement('img');
      img.loading = 'lazy';
      img.src = it.src;
      img.alt = it.caption;
      img.width = it.width;
      img.height = it.height;
      const cap = document.createElement('span');
      cap.className = 'caption';
      cap.textContent = it.caption;
      b.append(img, cap);
      frag.append(b);
    }
    grid.replaceChildren(frag);
  }
  function visibleBottom() {
    const g = root();
    if (kind === 'ours') {
      const s = g.shadowRoot.querySelector('.scroller.bounded');
      return s ? Math.min(innerHeight, s.getBoundingClientRect().bottom) : innerHeight;
    }
    const s = g.querySelector('.scroll');
    return Math.min(innerHeight, s.getBoundingClientRect().bottom);
  }
  /** True once the first screen is complete in the DOM (it is painted in this frame). */
  function complete(n) {
    const g = root();
    if (kind === 'naive') return g.querySelector('.grid').childElementCount === n;
    if (g.isUpdatePending) return false;
    const thumbs = g.shadowRoot.querySelectorAll('.grid > .tile');
    if (!thumbs.length) return false;
    let bottom = -Infinity, last = -1;
    for (const t of thumbs) {
      if (!t.querySelector('.main')) return false;
      bottom = Math.max(bottom, t.getBoundingClientRect().bottom);
      last = Math.max(last, Number(t.dataset.index));
    }
    return bottom >= visibleBottom() - 1 || last === n - 1;
  }
  function scrollTarget(mode) {
    if (mode !== 'inner') return document.scrollingElement;
    if (kind === 'ours') return root().shadowRoot.querySelector('.scroller.bounded');
    return root().querySelector('.scroll');
  }
  window.__bench = {
    kind,
    async ready(ms) {
      if (kind !== 'ours') return true;
      await Promise.race([customElements.whenDefined('media-gallery'), new Promise((_, j) => setTimeout(() => j(new Error('media-gallery was not defined in ' + ms + ' ms')), ms))]);
      await root().updateComplete;
      await raf(); await raf();
      return true;
    },
    build(photos, n) {
      window.__items = Array.from({ length: n }, (_, i) => {
        const p = photos[i % photos.length];
        return { src: p.src, width: p.width, height: p.height, caption: 'Photo #' + (i + 1) };
      });
      return window.__items.length;
    },
    /**
     * Sets the items in a page task (so CDP counts its script), then checks after each
     * rendered frame (a task posted from requestAnimationFrame runs after that frame's
     * style, layout, paint and commit) whether the first screen is complete.
     */
    async firstScreen(maxFrames) {
      const items = window.__items;
      const n = items.length;
      const { t0, assignMs } = await new Promise((resolve) => setTimeout(() => {
        const t0 = performance.now();
        if (kind === 'ours') root().items = items;
        else buildNaive(items);
        resolve({ t0, assignMs: performance.now() - t0 });
      }, 0));
      for (let f = 1; f <= maxFrames; f++) {
        await raf();
        const done = await afterFrame(() => complete(n));
        if (done) return { ms: done.t - t0, assignMs, frames: f };
      }
      throw new Error('first screen not complete after ' + maxFrames + ' frames');
    },
    elements() {
      const g = root();
      return kind === 'ours' ? countElements(g.shadowRoot) : countElements(g);
    },
    documentElements() { return countElements(document); },
    tiles() {
      const g = root();
      return kind === 'ours' ? g.shadowRoot.querySelectorAll('.grid > .tile').length : g.querySelectorAll('.thumb').length;
    },
    async idle(ms) { await new Promise((r) => setTimeout(r, ms)); await raf(); await raf(); },
    /** Scrolls top to bottom by a fixed step per frame; bounded by maxFrames and maxMs. */
    async scroll(mode, stepFraction, maxFrames, maxMs) {
      const el = scrollTarget(mode);
      if (!el) throw new Error('no scroll element for mode ' + mode);
      const view = mode === 'inner' ? el.clientHeight : innerHeight;
      const step = Math.max(1, Math.round(view * stepFraction));
      el.scrollTop = 0;
      await raf(); await raf();
      const longtasks = [];
      const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration }); });
      po.observe({ type: 'longtask' });
      const intervals = [], work = [];
      const mc = new MessageChannel();
      let pending = null;
      mc.port1.onmessage = () => { if (pending != null) { work.push(performance.now() - pending); pending = null; } };
      const start = performance.now();
      const startTop = el.scrollTop;
      let last, frames = 0, reason = 'bottom';
      await new Promise((resolve) => {
        const frame = (ts) => {
          if (last !== undefined) intervals.push(ts - last);
          last = ts;
          const atBottom = el.scrollTop + view >= el.scrollHeight - 1;
          if (atBottom || frames >= maxFrames || performance.now() - start > maxMs) {
            reason = atBottom ? 'bottom' : frames >= maxFrames ? 'frame cap' : 'time cap';
            resolve();
            return;
          }
          frames++;
          el.scrollTop += step;
          pending = performance.now();
          mc.port2.postMessage(0);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      const end = performance.now();
      await new Promise((r) => setTimeout(r, 200));
      for (const e of po.takeRecords()) longtasks.push({ start: e.startTime, duration: e.duration });
      po.disconnect();
      mc.port1.close();
      const lt = longtasks.filter((t) => t.start >= start && t.start <= end);
      return {
        step, view, frames, reason, durationMs: end - start,
        scrolled: el.scrollTop - startTop, scrollHeight: el.scrollHeight,
        intervals, work, longtasks: lt,
        elementsAtEnd: kind === 'control' ? 0 : this.elements(),
      };
    },
  };
})();
`;

/** Delay of image responses, ms (set during the first-screen runs). */
let imageDelay = 0;

function startServer() {
  return new Promise((resolve, reject) => {
    const srv = createServer((req, res) => {
      try {
        const url = new URL(req.url, 'http://127.0.0.1');
        const m = url.pathname.match(/^\/__bench\/(ours|naive|control)\.html$/);
        if (m) {
          const body = benchPage(m[1], url.searchParams.get('mode') || 'page', url.searchParams.get('variant') || '');
          res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
          res.end(body);
          return;
        }
        const file = path.join(repo, decodeURIComponent(url.pathname));
        if (!file.startsWith(repo + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        const send = () => {
          if (res.destroyed) return;
          res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
          res.end(readFileSync(file));
        };
        // During first-screen runs the photos arrive late (as from a network), for both pages.
        if (imageDelay && /\.(jpe?g|png|webp)$/i.test(file)) setTimeout(send, imageDelay).unref();
        else send();
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    });
    srv.on('error', reject);
    srv.on('clientError', (_, socket) => socket.destroy());
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

// ---- photos and bundles -------------------------------------------------------------

async function readPhotos() {
  const dir = path.join(repo, 'examples/photos');
  const files = readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort();
  if (!files.length) throw new Error(`no photos in ${dir}`);
  return Promise.all(files.map(async (f) => {
    const m = await sharp(path.join(dir, f)).metadata();
    const swap = (m.orientation ?? 1) >= 5;
    return { src: `/examples/photos/${encodeURIComponent(f)}`, width: swap ? m.height : m.width, height: swap ? m.width : m.height };
  }));
}

const sizes = (buf) => ({
  bytes: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
});
/** Separate files (separate requests): bytes and compressed sizes summed. */
function bundle(name, files, { loadedBeforePreview, note, sources } = {}) {
  const parts = files.map((f) => ({ file: f.name, ...sizes(f.buf) }));
  const sum = (k) => parts.reduce((s, p) => s + p[k], 0);
  return { name, files: sources ?? files.map((f) => f.name), parts, bytes: sum('bytes'), gzip: sum('gzip'), brotli: sum('brotli'), loadedBeforePreview, note };
}
const nm = (p) => path.join(repo, 'node_modules', p);
const readNm = (p) => ({ name: p, buf: readFileSync(nm(p)) });
async function minified(p, loader = 'js') {
  const src = readFileSync(nm(p), 'utf8');
  const out = await transform(src, { loader, minify: true, legalComments: 'none', target: loader === 'js' ? 'es2019' : undefined });
  return { name: `${p} (esbuild --minify)`, buf: Buffer.from(out.code) };
}

async function bundles() {
  const ours = bundle('media-gallery (dist/cdn/media-gallery.js)', [{ name: 'dist/cdn/media-gallery.js', buf: readFileSync(CDN) }], {
    loadedBeforePreview: 'all of it (one file: grid, tiles, preview, toolbar, Lit, CSS)',
  });
  const psLightbox = readNm('photoswipe/dist/photoswipe-lightbox.esm.min.js');
  const psCore = readNm('photoswipe/dist/photoswipe.esm.min.js');
  const psCss = await minified('photoswipe/dist/photoswipe.css', 'css');
  const ps = bundle('PhotoSwipe 5 lightbox + core (JS)', [psLightbox, psCore], {
    loadedBeforePreview: `lightbox only (${psLightbox.buf.length} B; core is imported when a preview opens); no grid`,
    note: 'published .esm.min.js files',
  });
  const psWithCss = bundle('PhotoSwipe 5 lightbox + core + CSS', [psLightbox, psCore, psCss], { note: 'CSS minified with esbuild in this run' });
  const lgFiles = ['lightgallery/lightgallery.min.js', 'lightgallery/plugins/zoom/lg-zoom.min.js', 'lightgallery/plugins/thumbnail/lg-thumbnail.min.js', 'lightgallery/plugins/fullscreen/lg-fullscreen.min.js'];
  const lg = bundle('lightGallery 2 core + zoom + thumbnail + fullscreen (JS)', lgFiles.map(readNm), {
    loadedBeforePreview: 'all of it (plugins register at init); no grid',
    note: 'published .min.js (UMD) files',
  });
  const lgEsm = bundle('lightGallery 2, the same from ESM', await Promise.all(['lightgallery/lightgallery.es5.js', 'lightgallery/plugins/zoom/lg-zoom.es5.js', 'lightgallery/plugins/thumbnail/lg-thumbnail.es5.js', 'lightgallery/plugins/fullscreen/lg-fullscreen.es5.js'].map((p) => minified(p))), {
    note: 'the .es5.js ES modules minified with esbuild in this run',
  });
  const lgCss = await Promise.all(['lightgallery/css/lightgallery.css', 'lightgallery/css/lg-zoom.css', 'lightgallery/css/lg-thumbnail.css', 'lightgallery/css/lg-fullscreen.css'].map((p) => minified(p, 'css')));
  const lgWithCss = bundle('lightGallery 2 JS (.min.js) + CSS', [...lgFiles.map(readNm), ...lgCss], { note: 'CSS minified with esbuild in this run' });
  return { ours, photoswipe: ps, photoswipeWithCss: psWithCss, lightgallery: lg, lightgalleryEsm: lgEsm, lightgalleryWithCss: lgWithCss };
}

// ---- browser measurements -------------------------------------------------------------

async function openPage(base, kind, mode, variant = '') {
  const context = await browser.newContext({ viewport: { width: opt.width, height: opt.height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(`${base}/__bench/${kind}.html?kind=${kind}&mode=${mode}&variant=${variant}`, { waitUntil: 'load', timeout: 30000 });
  await withTimeout(page.evaluate((ms) => window.__bench.ready(ms), 20000), 30000, `${kind} page ready`);
  if (errors.length) throw new Error(`page error in ${kind}: ${errors[0]}`);
  return { page, cdp, context, errors, close: () => withTimeout(context.close(), 15000, 'closing a page').catch(() => undefined) };
}

async function metrics(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  return { jsUsed: h.usedSize, jsTotal: h.totalSize, embedderUsed: h.embedderHeapUsedSize ?? null, backingStorage: h.backingStorageSize ?? null, domNodes: dom.nodes ?? null };
}

/** (a) and (c): one fresh page, one assignment of n items. */
async function firstScreenRun(base, kind, photos, n) {
  const p = await openPage(base, kind, 'page');
  try {
    await p.page.evaluate(({ photos, n }) => window.__bench.build(photos, n), { photos, n });
    const heapBefore = await heap(p.cdp);
    await p.page.evaluate(() => window.__bench.idle(100));
    const m0 = await metrics(p.cdp);
    const r = await withTimeout(p.page.evaluate((f) => window.__bench.firstScreen(f), 600), opt.firstScreenTimeout, `${kind} first screen of ${n} items`);
    const m1 = await metrics(p.cdp);
    if (p.errors.length) throw new Error(`page error in ${kind}: ${p.errors[0]}`);
    const elements = await withTimeout(p.page.evaluate(() => window.__bench.elements()), 60000, 'counting elements');
    const tiles = await withTimeout(p.page.evaluate(() => window.__bench.tiles()), 60000, 'counting tiles');
    const documentElements = await withTimeout(p.page.evaluate(() => window.__bench.documentElements()), 60000, 'counting document elements');
    await withTimeout(p.page.evaluate(() => window.__bench.idle(300)), 60000, 'idle');
    const heapAfter = await withTimeout(heap(p.cdp), 60000, 'heap');
    const d = (k) => (m1[k] - m0[k]) * 1000;
    return {
      ms: r.ms, assignMs: r.assignMs, frames: r.frames,
      scriptMs: d('ScriptDuration'), layoutMs: d('LayoutDuration'), styleMs: d('RecalcStyleDuration'), taskMs: d('TaskDuration'),
      elements, tiles, documentElements, heapBefore, heapAfter,
    };
  } finally {
    await p.close();
  }
}

/** (b): one fresh page with n items, one scroll pass top to bottom. */
async function scrollRun(base, kind, mode, photos, n, variant = '') {
  const p = await openPage(base, kind, mode, variant);
  try {
    if (kind !== 'control') {
      await p.page.evaluate(({ photos, n }) => window.__bench.build(photos, n), { photos, n });
      await withTimeout(p.page.evaluate((f) => window.__bench.firstScreen(f), 600), opt.firstScreenTimeout, `${kind} first screen (scroll)`);
    }
    await withTimeout(p.page.evaluate(() => window.__bench.idle(500)), 30000, 'idle');
    const maxFrames = kind === 'control' ? 600 : 20000;
    const maxMs = kind === 'naive' ? opt.naiveScrollTimeout : opt.scrollTimeout;
    const m0 = await metrics(p.cdp);
    const r = await withTimeout(
      p.page.evaluate(({ mode, step, maxFrames, maxMs }) => window.__bench.scroll(mode, step, maxFrames, maxMs), { mode, step: opt.step, maxFrames, maxMs }),
      maxMs + 60000, `${kind} ${mode} scroll`);
    const m1 = await metrics(p.cdp);
    const per = (...ks) => ks.reduce((sum, k) => sum + (m1[k] - m0[k]) * 1000, 0) / Math.max(1, r.frames);
    if (p.errors.length) throw new Error(`page error in ${kind}: ${p.errors[0]}`);
    const intervals = r.intervals;
    const vsync = 1000 / 60;
    return {
      frames: r.frames, reason: r.reason, durationMs: r.durationMs, step: r.step, view: r.view, scrolled: r.scrolled, scrollHeight: r.scrollHeight,
      reachedPct: (100 * r.scrolled) / Math.max(1, r.scrollHeight - r.view),
      longTasks: r.longtasks.length, longTaskMs: r.longtasks.reduce((s, t) => s + t.duration, 0), longestTaskMs: Math.max(0, ...r.longtasks.map((t) => t.duration)),
      p50Interval: percentile(intervals, 50), p95Interval: percentile(intervals, 95), maxInterval: Math.max(0, ...intervals),
      droppedPct: intervals.length ? (100 * intervals.filter((x) => x > vsync * 1.5).length) / intervals.length : null,
      p50Work: percentile(r.work, 50), p95Work: percentile(r.work, 95), maxWork: Math.max(0, ...r.work),
      elementsAtEnd: r.elementsAtEnd,
      scriptPerFrame: per('ScriptDuration'), styleLayoutPerFrame: per('RecalcStyleDuration', 'LayoutDuration'),
    };
  } finally {
    await p.close();
  }
}

/** Medians of `keys` (names of run fields, or [name, getter] pairs) over the runs. */
function summarize(runs, keys) {
  const out = {};
  for (const k of keys) {
    const [name, get] = Array.isArray(k) ? k : [k, (r) => r[k]];
    out[name] = median(runs.map(get));
  }
  return out;
}

// ---- formatting -----------------------------------------------------------------------

const f1 = (x) => (x == null ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ms = (x) => (x == null ? '—' : `${f1(x)} ms`);
const int = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US'));
const mb = (x) => (x == null ? '—' : `${(x / 1048576).toFixed(1)} MB`);
const kb = (x) => (x == null ? '—' : `${(x / 1024).toFixed(1)} KiB`);
const times = (x) => (x == null ? '—' : `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`);
const mark = (ok) => (ok == null ? 'n/a' : ok ? '**met**' : '**missed**');
/** A markdown table; `left` lists the columns (besides the first) aligned left. */
const table = (head, rows, left = []) => [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i && !left.includes(i) ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

// ---- main -------------------------------------------------------------------------------

async function main() {
  ensureBuild();
  const photos = await readPhotos();
  server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  browser = await withTimeout(chromium.launch({
    executablePath: opt.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: 60000,
  }), 90000, 'launching Chromium');

  const machine = {
    cpu: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memory: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: browser.version(),
    node: process.version,
    playwright: JSON.parse(readFileSync(nm('playwright-core/package.json'), 'utf8')).version,
    load: os.loadavg(),
  };
  const results = {
    date: new Date().toISOString(), machine, options: { ...opt, json: path.relative(repo, opt.json) },
    photos, method: {
      firstScreen: 'performance.now() before the assignment → rAF after the frame in which the first screen was complete in the DOM (gallery and tiles updated, tiles reach the bottom of the visible area)',
      script: 'CDP Performance.getMetrics ScriptDuration delta around that window (main thread of the page)',
      elements: 'ours: elements in the shadow root, recursively through nested shadow roots; naive: elements inside its container',
      heap: 'after HeapProfiler.collectGarbage ×3: Runtime.getHeapUsage usedSize (V8) and embedderHeapUsedSize (Blink/DOM)',
      scroll: 'scrollTop += step once per requestAnimationFrame until the bottom; longtask observer; rAF timestamp intervals; work = rAF callback → first task after that frame',
    },
    firstScreen: {}, scroll: {}, bundles: null,
  };

  // (d) first: no browser needed, and it cannot be disturbed.
  results.bundles = await bundles();

  // (a) + (c)
  imageDelay = opt.imageDelay;
  for (const n of opt.sizes) {
    for (const kind of ['ours', 'naive']) {
      const runs = [];
      for (let i = 0; i < opt.runs; i++) {
        log(`first screen: ${kind}, ${n.toLocaleString('en-US')} items, run ${i + 1}/${opt.runs}`);
        runs.push(await firstScreenRun(base, kind, photos, n));
      }
      results.firstScreen[`${kind}:${n}`] = {
        kind, n, runs,
        median: summarize(runs, ['ms', 'assignMs', 'scriptMs', 'layoutMs', 'styleMs', 'taskMs', 'elements', 'tiles', 'documentElements', 'frames',
          ['heapJs', (r) => r.heapAfter.jsUsed], ['heapEmbedder', (r) => r.heapAfter.embedderUsed],
          ['heapJsBefore', (r) => r.heapBefore.jsUsed], ['heapEmbedderBefore', (r) => r.heapBefore.embedderUsed], ['domNodes', (r) => r.heapAfter.domNodes]]),
      };
    }
  }

  // (b)
  imageDelay = 0;
  const scrollCases = [['ours', 'page'], ['ours', 'inner'], ['naive', 'page'], ['naive', 'inner']].filter(([k]) => k === 'ours' || !opt.skipNaiveScroll);
  // Diagnostic (not an aim): ours with the tiles' fade-in on load turned off from the page.
  if (!opt.noDiagnostics) scrollCases.push(['ours', 'page', 'nofade']);
  for (const [kind, mode, variant = ''] of scrollCases) {
    const runs = [];
    for (let i = 0; i < opt.scrollRuns; i++) {
      log(`scroll: ${kind}${variant ? ` (${variant})` : ''}, ${mode} scroll, ${opt.scrollItems.toLocaleString('en-US')} items, run ${i + 1}/${opt.scrollRuns}`);
      runs.push(await scrollRun(base, kind, mode, photos, opt.scrollItems, variant));
    }
    results.scroll[`${kind}:${mode}${variant ? `:${variant}` : ''}`] = { kind, mode, variant, n: opt.scrollItems, runs, median: summarize(runs, ['frames', 'durationMs', 'longTasks', 'longTaskMs', 'longestTaskMs', 'p50Interval', 'p95Interval', 'maxInterval', 'droppedPct', 'p50Work', 'p95Work', 'maxWork', 'elementsAtEnd', 'step', 'reachedPct', 'scriptPerFrame', 'styleLayoutPerFrame']), reasons: runs.map((r) => r.reason) };
  }
  log('scroll: control (empty tall page), 600 frames');
  const control = await scrollRun(base, 'control', 'page', photos, 0);
  results.scroll['control:page'] = { kind: 'control', mode: 'page', runs: [control], median: control, reasons: [control.reason] };

  await cleanup();
  mkdirSync(path.dirname(opt.json), { recursive: true });
  writeFileSync(opt.json, JSON.stringify(results, null, 2));
  console.log(report(results));
  log(`\nraw results: ${path.relative(process.cwd(), opt.json)}`);
}

function report(R) {
  const m = R.machine;
  const out = [];
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${(m.memory / 2 ** 30).toFixed(1)} GiB, ${m.os}; Chromium ${m.chromium} headless (playwright-core ${m.playwright}); Node ${m.node}; viewport ${opt.width}×${opt.height}, ${opt.columns} columns; load average at start ${m.load.map((x) => x.toFixed(2)).join(' ')}.`);
  out.push(`Medians of ${opt.runs} runs (scrolling: ${opt.scrollRuns}), each in a freshly loaded page. Naive = every item rendered as <button><img loading=lazy><span>caption</span></button> in a CSS grid (Gradio's way).`);
  out.push('');

  // (a)
  out.push(`**First screen** after setting \`items\` (time: from the assignment to the end of the first rendered frame that holds the complete first screen, i.e. the first task after that frame's style, layout and paint; image responses are held back ${opt.imageDelay} ms in this part so their loading tasks do not queue in front of that check, in both pages; script, style + layout: CDP Performance.getMetrics deltas over that window; elements: inside the gallery, through nested shadow roots; images may still be loading in both)`);
  out.push('');
  const fs = (k, n) => R.firstScreen[`${k}:${n}`]?.median;
  out.push(table(['items', 'ours: first screen', 'ours: script', 'ours: style + layout', 'naive: first screen', 'naive: script', 'naive: style + layout', 'speed-up (time)', 'speed-up (script)', 'ours: elements', 'naive: elements'],
    opt.sizes.map((n) => {
      const o = fs('ours', n), v = fs('naive', n);
      return [int(n), ms(o?.ms), ms(o?.scriptMs), ms(o ? o.styleMs + o.layoutMs : null), ms(v?.ms), ms(v?.scriptMs), ms(v ? v.styleMs + v.layoutMs : null),
        times(v && o ? v.ms / o.ms : null), times(v && o ? v.scriptMs / o.scriptMs : null), int(o?.elements), int(v?.elements)];
    })));
  out.push('');

  // (c)
  out.push('**Heap** after forced GC (V8 JS heap + Blink embedder heap, where DOM nodes live; the items array of the page is in both; MB = 2^20 bytes)');
  out.push('');
  out.push(table(['items', 'ours: JS', 'ours: DOM (embedder)', 'naive: JS', 'naive: DOM (embedder)', 'ours: JS before items are set'],
    opt.sizes.map((n) => {
      const o = fs('ours', n), v = fs('naive', n);
      return [int(n), mb(o?.heapJs), mb(o?.heapEmbedder), mb(v?.heapJs), mb(v?.heapEmbedder), mb(o?.heapJsBefore)];
    })));
  out.push('');

  // (b)
  imageDelay = 0;
  const stepPx = (s) => (s ? `${f1(s)} px` : '—');
  out.push(`**Scrolling ${int(opt.scrollItems)} items top to bottom**, scrollTop += ${opt.step} × viewport per frame (page: ${opt.height} px viewport; inner: \`height="${opt.innerHeight}"\` scroller)`);
  out.push('');
  const label = { 'ours:page': 'ours, page scroll', 'ours:inner': 'ours, inner scroller', 'naive:page': 'naive, page scroll', 'naive:inner': 'naive, inner scroller', 'control:page': 'control: empty page (machine noise)',
    'ours:page:nofade': 'diagnostic: ours, page scroll, tile fade-in off (`::part(image){transition:none}`)' };
  out.push(table(['case', 'step', 'frames', 'reached', 'long tasks >50 ms', 'long-task total', 'p95 frame interval', 'frames dropped', 'p95 main-thread work / frame', 'script / style+layout per frame', 'elements at the end'],
    Object.entries(R.scroll).map(([k, s]) => {
      const x = s.median;
      const why = [...new Set(s.reasons)].join(', ');
      const reached = s.kind === 'control' ? `${why} (${int(x.frames)} frames)` : why === 'bottom' ? 'bottom' : `${why}: ${f1(x.reachedPct)} % of the way`;
      return [label[k] ?? k, stepPx(x.step), int(x.frames), reached, f1(x.longTasks), ms(x.longTaskMs), ms(x.p95Interval), x.droppedPct == null ? '—' : `${x.droppedPct.toFixed(1)} %`, ms(x.p95Work),
        `${f1(x.scriptPerFrame)} / ${f1(x.styleLayoutPerFrame)} ms`, s.kind === 'control' ? '—' : int(x.elementsAtEnd)];
    })));
  out.push('');
  out.push(`Each pass is bounded: ours ${opt.scrollTimeout / 1000} s, naive ${opt.naiveScrollTimeout / 1000} s (a capped pass says how far it got). Frames dropped: rAF intervals > 1.5 vsync. Work per frame: from the rAF callback to the first task after that frame's rendering.`);
  out.push('');

  // (d)
  const B = R.bundles;
  out.push('**Bundle** (bytes on the wire; separate files gzipped separately and summed)');
  out.push('');
  out.push(table(['', 'minified', 'gzip -9', 'brotli', 'loaded before the first preview opens', 'note'],
    [B.ours, B.photoswipe, B.photoswipeWithCss, B.lightgallery, B.lightgalleryEsm, B.lightgalleryWithCss].map((b) => [b.name, int(b.bytes), `${int(b.gzip)} (${kb(b.gzip)})`, `${int(b.brotli)} (${kb(b.brotli)})`, b.loadedBeforePreview ?? '', b.note ?? '']), [4, 5]));
  out.push('');

  // aims
  const o10 = fs('ours', 10000), v10 = fs('naive', 10000);
  const els = opt.sizes.map((n) => fs('ours', n)?.elements).filter((x) => x != null);
  const oursScroll = ['ours:page', 'ours:inner'].map((k) => R.scroll[k]).filter(Boolean);
  const lt = oursScroll.map((s) => Math.max(...s.runs.map((r) => r.longTasks)));
  const p95i = oursScroll.map((s) => s.median.p95Interval);
  const p95w = oursScroll.map((s) => s.median.p95Work);
  const aims = [
    ['first screen of 10k items: < 50 ms of script', o10 ? `${ms(o10.scriptMs)} script (${ms(o10.ms)} wall)` : '—', mark(o10 ? o10.scriptMs < 50 : null)],
    ['first screen of 10k items: ≥ 20× faster than naive', o10 && v10 ? `${times(v10.ms / o10.ms)} wall, ${times(v10.scriptMs / o10.scriptMs)} script` : '—', mark(o10 && v10 ? v10.ms / o10.ms >= 20 : null)],
    ['DOM elements flat from 1k to 100k items', els.length ? `${els.map(int).join(' → ')}` : '—', mark(els.length > 1 ? Math.max(...els) <= Math.min(...els) * 1.1 : null)],
    ['zero long tasks while scrolling (ours)', `${lt.join(' / ')} (worst run; page / inner)`, mark(lt.length ? lt.every((x) => x === 0) : null)],
    ['p95 frame < 16.7 ms while scrolling (ours)', `interval ${p95i.map(ms).join(' / ')}; main-thread work ${p95w.map(ms).join(' / ')} (page / inner)`, mark(p95i.length ? p95i.every((x) => x != null && x < 17.5) && p95w.every((x) => x != null && x < 16.7) : null)],
    ['CDN bundle ≤ PhotoSwipe lightbox + core (gzip)', `${kb(B.ours.gzip)} vs ${kb(B.photoswipe.gzip)} (brotli ${kb(B.ours.brotli)} vs ${kb(B.photoswipe.brotli)})`, mark(B.ours.gzip <= B.photoswipe.gzip)],
  ];
  out.push('**Aims**');
  out.push('');
  out.push(table(['aim', 'measured', 'result'], aims, [1]));
  out.push('');
  out.push('p95 frame: met when the p95 rAF interval is one 60 Hz vsync (< 17.5 ms, timer jitter) and the p95 main-thread work per frame is < 16.7 ms.');
  return out.join('\n');
}

process.on('unhandledRejection', (e) => fail(e?.stack ?? String(e)));
main().catch((e) => fail(e?.stack ?? String(e)));
