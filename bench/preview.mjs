#!/usr/bin/env node
/**
 * `npm run bench:preview [-- --runs 7 --item 4 --timeout 600]`
 *
 * Latency and smoothness of <gallery-preview> inside <media-gallery>, in headless Chromium
 * (/usr/bin/chromium or $CHROME_PATH) through playwright-core, 1280×800, with the 16 real photos
 * of examples/photos as items (full-size JPEG/PNG; width/height read with sharp). Tiles get
 * small WebP thumbnails made here with sharp, so the tile does not load the full-size file and
 * "uncached" really means the large image has never been fetched.
 *
 *   - Open: real mouse click on a tile → the current slide's large <img> has class `ready`
 *     (loaded and decoded) → next animation frame (rAF, then the task after it).
 *     Uncached: a unique query string per page, and the server must see the request.
 *     Cached: the same URLs were loaded by an earlier page of the same browser context, and
 *     the server must see no request for the image (so it came from Chromium's cache).
 *   - Next: ArrowRight with the neighbour preloaded (its `ready` class is set, then 300 ms idle),
 *     in ms and in rendered frames (1 = the first frame after the key press). For contrast, not
 *     preloaded: two ArrowRight presses back to back on an uncached page, timed from the second,
 *     whose item (+2) was neither rendered nor preloaded before the first press.
 *   - Frame times: rAF deltas, long tasks (>50 ms) and long animation frames (where the time
 *     went) while zooming (`+` ×5, ctrl+wheel ×12), while swiping (mouse drag in 12 frame-paced
 *     steps), and idle as a baseline.
 *   - Also counts the full-size images a gallery page fetches before any preview is opened.
 *
 * Serves the repository root with node:http on 127.0.0.1 (free port, Cache-Control max-age).
 * Writes raw results to bench/results/preview.json. Every wait is bounded; exit 1 on failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sharp from 'sharp';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const FRAME = 1000 / 60;

// ---- arguments ------------------------------------------------------------------------

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) fail(`--${name} needs a value`);
  return v;
}
function intArg(name, fallback, min) {
  const v = Number(arg(name, String(fallback)));
  if (!Number.isInteger(v) || v < min) fail(`--${name} must be an integer ≥ ${min}`);
  return v;
}
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('Usage: npm run bench:preview [-- --runs N (7)] [--item INDEX (4)] [--timeout SECONDS (600)]');
  process.exit(0);
}
const RUNS = intArg('runs', 7, 1);
const ITEM = intArg('item', 4, 0);
const TIMEOUT_S = intArg('timeout', 600, 10);
const STEP_TIMEOUT = 20_000; // any single wait
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

function fail(msg) {
  console.error(`bench:preview: ${msg}`);
  process.exit(1);
}

// ---- fail-safe: never hang --------------------------------------------------------------

let browser = null;
let server = null;
const watchdog = setTimeout(() => {
  console.error(`bench:preview: gave up after ${TIMEOUT_S} s (--timeout); no results written.`);
  void shutdown(1);
}, TIMEOUT_S * 1000);

async function shutdown(code) {
  clearTimeout(watchdog);
  const closing = [browser?.close().catch(() => undefined), new Promise((r) => server ? server.close(r) : r())];
  await Promise.race([Promise.all(closing), new Promise((r) => setTimeout(r, 5000))]);
  process.exit(code);
}
process.on('unhandledRejection', (e) => {
  console.error('bench:preview: failed:', e?.stack || e);
  void shutdown(1);
});

/** Rejects after `ms` with a message naming what did not happen. */
function within(promise, ms, what) {
  let t;
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, reject) => (t = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))),
  ]);
}

// ---- build, photos, thumbnails ------------------------------------------------------------

const bundle = path.join(root, 'dist/cdn/media-gallery.js');
if (!existsSync(bundle)) {
  console.error('dist/cdn/media-gallery.js is missing: running npm run build …');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
  if (r.status !== 0 || !existsSync(bundle)) fail('npm run build failed; cannot benchmark without dist/cdn/media-gallery.js');
}

const photoDir = path.join(root, 'examples/photos');
const photoFiles = readdirSync(photoDir).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort();
if (photoFiles.length < 3) fail(`expected the example photos in ${photoDir}, found ${photoFiles.length}`);
if (ITEM >= photoFiles.length) fail(`--item must be < ${photoFiles.length}`);

const photos = [];
const thumbs = new Map(); // name → webp buffer
for (const file of photoFiles) {
  const full = path.join(photoDir, file);
  const meta = await sharp(full).metadata();
  const swap = (meta.orientation ?? 1) >= 5;
  const width = swap ? meta.height : meta.width;
  const height = swap ? meta.width : meta.height;
  const name = file.replace(/\.[^.]+$/, '');
  thumbs.set(`${name}.webp`, await sharp(full).rotate().resize({ width: 480, height: 480, fit: 'inside' }).webp({ quality: 75 }).toBuffer());
  photos.push({ file, name, width, height, bytes: statSync(full).size, format: meta.format });
}

// ---- static server ---------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif',
  '.gif': 'image/gif', '.mp4': 'video/mp4', '.webm': 'video/webm', '.txt': 'text/plain; charset=utf-8',
};
const fileCache = new Map(); // snapshot: a rebuild of dist/ during the run does not change what is served
/** Every request the server saw: the cache checks compare against it. */
const hits = [];

function benchPage() {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>preview bench</title>
<style>body{margin:0;padding:16px;font-family:system-ui} media-gallery{display:block}</style>
<script type="module" src="/dist/cdn/media-gallery.js"></script>
</head><body><media-gallery columns="4" label="Bench" show-download-button="false"></media-gallery></body></html>`;
}

function send(res, status, type, body, cache) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': cache });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function handle(req, res) {
  const url = new URL(req.url, 'http://x');
  hits.push({ path: url.pathname, search: url.search, t: performance.now() });
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', Buffer.from('method not allowed'), 'no-store');
  if (url.pathname === '/__bench/page.html') return send(res, 200, TYPES['.html'], Buffer.from(benchPage()), 'no-store');
  if (url.pathname.startsWith('/__bench/thumb/')) {
    const b = thumbs.get(decodeURIComponent(url.pathname.slice('/__bench/thumb/'.length)));
    return b ? send(res, 200, TYPES['.webp'], b, 'public, max-age=31536000, immutable') : send(res, 404, 'text/plain', Buffer.from('not found'), 'no-store');
  }
  const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
  if (!file.startsWith(root + path.sep)) return send(res, 403, 'text/plain', Buffer.from('forbidden'), 'no-store');
  let body = fileCache.get(file);
  if (!body) {
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
      fileCache.set(file, body);
    } catch {
      return send(res, 404, 'text/plain', Buffer.from('not found'), 'no-store');
    }
  }
  // Long max-age: a second load of the same URL must come from Chromium's memory/disk cache.
  // The uncached case uses a new query string instead of no-store.
  send(res, 200, TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', body, 'public, max-age=31536000, immutable');
}

server = createServer(handle);
await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
const BASE = `http://127.0.0.1:${server.address().port}`;

// ---- in-page instrumentation ------------------------------------------------------------

/** Runs in every page before its scripts. */
function instrument() {
  const B = (window.__bench = { longtasks: [], input: {}, keySnapshot: null, watchKey: -1 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { B.noLongtask = true; }
  // Long animation frames (> 50 ms) say where a slow frame went: scripts (which) or rendering.
  B.loafs = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.loafs.push({
          start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
          renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          styleLayoutMs: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: (e.scripts ?? []).map((x) => ({ invoker: x.invoker, type: x.invokerType, ms: x.duration, forcedLayoutMs: x.forcedStyleAndLayoutDuration, fn: x.sourceFunctionName })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch { B.noLoaf = true; }
  const preview = () => document.querySelector('media-gallery')?.shadowRoot?.querySelector('gallery-preview') ?? null;
  const slideImg = (i) => preview()?.shadowRoot?.querySelector(`.slide[data-index="${i}"] img.large`) ?? null;
  const readyAt = (i) => !!slideImg(i)?.classList.contains('ready');
  B.preview = preview;
  B.readyAt = readyAt;
  for (const type of ['pointerdown', 'click', 'keydown']) {
    addEventListener(type, (e) => {
      B.input[type] = { timeStamp: e.timeStamp, now: performance.now(), frame: B.frameCount };
      if (type === 'keydown' && B.watchKey >= 0) B.keySnapshot = { index: B.watchKey, ready: readyAt(B.watchKey) };
    }, { capture: true });
  }
  /** Resolves when slide `index` is the current one with its large image ready, plus one frame. */
  B.frameCount = 0;
  B.armPaint = (index, timeoutMs) => {
    B.paint = new Promise((resolve, reject) => {
      const pr = preview();
      if (!pr?.shadowRoot) return reject(new Error('no <gallery-preview> in the gallery'));
      let done = false;
      // Counts rendered frames while armed, so "painted in the first frame after the input" is exact.
      let counting = true;
      const tick = () => { B.frameCount++; if (counting) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      const check = () => {
        if (done) return;
        const img = pr.shadowRoot.querySelector(`.slide.current[data-index="${index}"] img.large`);
        if (!img || !img.classList.contains('ready')) return;
        done = true;
        mo.disconnect();
        const tReady = performance.now();
        requestAnimationFrame((rafTs) => {
          // The frame counter's callback was registered earlier, so it has already counted this frame.
          const frame = B.frameCount;
          counting = false;
          // The task after the rAF callbacks runs once this frame's rendering has been done.
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve({ tReady, rafTs, frame, tPainted: performance.now(), natural: [img.naturalWidth, img.naturalHeight], src: img.currentSrc });
          ch.port2.postMessage(0);
        });
      };
      const mo = new MutationObserver(check);
      mo.observe(pr.shadowRoot, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'data-index'] });
      setTimeout(() => {
        if (done) return;
        done = true;
        counting = false;
        mo.disconnect();
        reject(new Error(`slide ${index} was not current+ready within ${timeoutMs} ms`));
      }, timeoutMs);
      check();
    });
    B.paint.catch(() => undefined);
  };
  B.startFrames = () => {
    const ts = (B.frameTs = []);
    let on = true;
    B.stopFrames = () => { on = false; return ts; };
    const loop = (t) => { ts.push(t); if (on) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    return performance.now();
  };
  B.frame = () => new Promise((r) => requestAnimationFrame(() => r()));
}

// ---- helpers -----------------------------------------------------------------------------------

const sorted = (a) => [...a].sort((x, y) => x - y);
const median = (a) => { if (!a.length) return NaN; const s = sorted(a); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (a, p) => { if (!a.length) return NaN; const s = sorted(a); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function itemsFor(query) {
  return photos.map((p) => ({
    src: `/examples/photos/${p.file}${query ? `?${query}` : ''}`,
    thumb: `/__bench/thumb/${p.name}.webp`,
    width: p.width,
    height: p.height,
    caption: p.name,
    alt: p.name,
  }));
}

async function openPage(context, query) {
  const hitMark = hits.length;
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${BASE}/__bench/page.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => !!customElements.get('media-gallery') && !!customElements.get('gallery-preview'), null, { timeout: STEP_TIMEOUT });
  await page.evaluate((items) => { document.querySelector('media-gallery').items = items; }, itemsFor(query));
  // Every rendered tile's thumbnail loaded, then a short idle.
  await page.waitForFunction(() => {
    const g = document.querySelector('media-gallery');
    const tiles = [...(g?.shadowRoot?.querySelectorAll('.grid > .tile') ?? [])];
    if (tiles.length < 8) return false;
    // The tiles on screen (the overscan loads lazily).
    return tiles.filter((t) => t.getBoundingClientRect().top < innerHeight).every((t) => { const img = t.querySelector('img'); return img && img.complete && img.naturalWidth > 0; });
  }, null, { timeout: STEP_TIMEOUT, polling: 50 });
  await page.evaluate(async () => { await window.__bench.frame(); await window.__bench.frame(); });
  await sleep(250);
  page.__errors = errors;
  // Full-size files this page fetched before any preview was opened (the grid shows thumbs only).
  page.__fullSizeBeforeOpen = hits.slice(hitMark).filter((h) => h.path.startsWith('/examples/photos/') && h.search === `?${query}`).map((h) => path.basename(h.path));
  return page;
}

/** Centre of tile `index` in page coordinates (the tiles are in the gallery's shadow root). */
async function tileCentre(page, index) {
  await within(page.evaluate(async (i) => {
    await document.querySelector('media-gallery').scrollToIndex(i, 'nearest');
    await window.__bench.frame();
  }, index), STEP_TIMEOUT, `scrolling tile ${index} into view`);
  const r = await page.evaluate((i) => {
    const t = document.querySelector('media-gallery').shadowRoot.querySelector(`.grid > .tile[data-index="${i}"]`);
    if (!t) return null;
    const b = t.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, top: b.top, bottom: b.bottom, vh: innerHeight };
  }, index);
  if (!r) throw new Error(`tile ${index} is not rendered`);
  if (r.top < 0 || r.bottom > r.vh) throw new Error(`tile ${index} is not fully on screen (top ${r.top}, bottom ${r.bottom})`);
  return r;
}

async function awaitPaint(page, what) {
  return within(page.evaluate(() => window.__bench.paint), STEP_TIMEOUT + 2000, what);
}

/** Click on tile `index` → its large image painted. */
async function measureOpen(page, index, largePath, query) {
  const { x, y } = await tileCentre(page, index);
  await page.evaluate(([i, ms]) => window.__bench.armPaint(i, ms), [index, STEP_TIMEOUT]);
  const hitMark = hits.length;
  await page.mouse.click(x, y);
  const p = await awaitPaint(page, `large image of item ${index} painted after the click`);
  const input = await page.evaluate(() => window.__bench.input);
  const t0 = input.pointerdown?.timeStamp;
  if (!Number.isFinite(t0)) throw new Error('the click did not reach the page (no pointerdown)');
  const opened = await page.evaluate(() => window.__bench.preview()?.index);
  if (opened !== index) throw new Error(`the click opened item ${opened}, expected ${index}`);
  const requests = hits.slice(hitMark).filter((h) => h.path === largePath && h.search === (query ? `?${query}` : '')).length;
  return { ms: p.tPainted - t0, frames: p.frame - input.pointerdown.frame, readyMs: p.tReady - t0, inputDelayMs: input.pointerdown.now - t0, t0, tPainted: p.tPainted, requests, natural: p.natural };
}

/** ArrowRight (`presses` times, back to back) → the item `presses` ahead painted; timed from the last keydown. */
async function measureNext(page, from, n, presses = 1) {
  const to = (from + presses) % n;
  await page.evaluate(([i, ms]) => { window.__bench.watchKey = i; window.__bench.keySnapshot = null; window.__bench.armPaint(i, ms); }, [to, STEP_TIMEOUT]);
  for (let k = 0; k < presses; k++) await page.keyboard.press('ArrowRight');
  const p = await awaitPaint(page, `item ${to} painted after ArrowRight ×${presses}`);
  const { input, snap, index } = await page.evaluate(() => ({ input: window.__bench.input, snap: window.__bench.keySnapshot, index: window.__bench.preview().index }));
  const t0 = input.keydown?.timeStamp;
  if (!Number.isFinite(t0)) throw new Error('ArrowRight did not reach the page');
  if (index !== to) throw new Error(`ArrowRight ×${presses} went to item ${index}, expected ${to}`);
  return { ms: p.tPainted - t0, frames: p.frame - input.keydown.frame, readyMs: p.tReady - t0, inputDelayMs: input.keydown.now - t0, t0, tPainted: p.tPainted, neighbourReadyAtPress: snap?.ready ?? null, to };
}

async function longtasksBetween(page, t0, t1) {
  return page.evaluate(([a, b]) => window.__bench.longtasks.filter((l) => l.start + l.duration >= a && l.start <= b), [t0, t1]);
}
async function loafsBetween(page, t0, t1) {
  return page.evaluate(([a, b]) => window.__bench.loafs.filter((l) => l.start + l.duration >= a && l.start <= b), [t0, t1]);
}

/** Records rAF timestamps and long tasks while `action` runs, plus `tail` ms after it. */
async function recordFrames(page, action, tail = 400) {
  const t0 = await page.evaluate(() => window.__bench.startFrames());
  await action();
  await sleep(tail);
  const { ts, t1 } = await page.evaluate(() => ({ ts: window.__bench.stopFrames(), t1: performance.now() }));
  const deltas = [];
  for (let i = 1; i < ts.length; i++) deltas.push(ts[i] - ts[i - 1]);
  return { deltas, longtasks: await longtasksBetween(page, t0, t1), longFrames: await loafsBetween(page, t0, t1), durationMs: t1 - t0 };
}

async function stageCentre(page) {
  return page.evaluate(() => {
    const b = window.__bench.preview().shadowRoot.querySelector('.stage').getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2, width: b.width };
  });
}
/** The zoom a user sees: the current image's rendered width over the width that fits the stage (1 = fit). */
const zoomScale = (page) => page.evaluate(() => {
  const root = window.__bench.preview().shadowRoot;
  const s = root.querySelector('.stage').getBoundingClientRect();
  const img = root.querySelector('.slide.current img.large');
  const fit = img.naturalWidth * Math.min(s.width / img.naturalWidth, s.height / img.naturalHeight);
  return Math.round((img.getBoundingClientRect().width / fit) * 1000) / 1000;
});
const frameWait = (page) => page.evaluate(() => window.__bench.frame());

async function waitNeighboursReady(page, index, n) {
  await page.waitForFunction(([i, n]) => window.__bench.readyAt((i + 1) % n) && window.__bench.readyAt((i - 1 + n) % n), [index, n], { timeout: STEP_TIMEOUT, polling: 20 });
}

// ---- one run ------------------------------------------------------------------------------------------

async function run(r) {
  const n = photos.length;
  const item = ITEM;
  const largePath = `/examples/photos/${photos[item].file}`;
  const out = { run: r };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    context.setDefaultTimeout(STEP_TIMEOUT);
    await context.addInitScript(instrument);

    // 1. Uncached open (a query string no page has used), then next with the neighbour preloaded,
    //    then frame times (idle, zoom, swipe) on the open preview.
    {
      const q = `u=${r}-${Date.now()}`;
      const page = await openPage(context, q);
      out.fullSizeBeforeOpen = page.__fullSizeBeforeOpen;
      out.openUncached = await measureOpen(page, item, largePath, q);
      if (out.openUncached.requests !== 1) throw new Error(`uncached open: the server saw ${out.openUncached.requests} requests for the image, expected 1`);
      out.openUncached.longtasks = await longtasksBetween(page, out.openUncached.t0, out.openUncached.tPainted);

      await waitNeighboursReady(page, item, n);
      await sleep(300);
      out.nextPreloaded = await measureNext(page, item, n);
      if (out.nextPreloaded.neighbourReadyAtPress !== true) throw new Error('next (preloaded): the neighbour was not ready at the key press');
      out.nextPreloaded.longtasks = await longtasksBetween(page, out.nextPreloaded.t0, out.nextPreloaded.tPainted);
      const cur = out.nextPreloaded.to;
      await waitNeighboursReady(page, cur, n);
      await sleep(300);

      out.idle = await recordFrames(page, () => sleep(1000), 0);

      // Keyboard zoom: + five times, 120 ms apart (each step is a 220 ms transform transition).
      out.zoomKeys = await recordFrames(page, async () => {
        for (let i = 0; i < 5; i++) { await page.keyboard.press('+'); await sleep(120); }
      });
      out.zoomKeys.scale = await zoomScale(page);
      if (!(out.zoomKeys.scale > 1.5)) throw new Error(`+ did not zoom (scale ${out.zoomKeys.scale})`);
      await page.keyboard.press('0');
      await sleep(400);

      // ctrl + wheel over the stage, one wheel event per frame (a trackpad-pinch-like stream).
      const c = await stageCentre(page);
      await page.mouse.move(c.x + 100, c.y - 50);
      out.zoomWheel = await recordFrames(page, async () => {
        await page.keyboard.down('Control');
        try {
          for (let i = 0; i < 12; i++) { await page.mouse.wheel(0, -40); await frameWait(page); }
        } finally { await page.keyboard.up('Control'); }
      });
      out.zoomWheel.scale = await zoomScale(page);
      if (!(out.zoomWheel.scale > 1.5)) throw new Error(`ctrl+wheel did not zoom (scale ${out.zoomWheel.scale})`);
      await page.keyboard.press('0');
      await sleep(400);
      if (Math.abs((await zoomScale(page)) - 1) > 0.01) throw new Error('0 did not reset the zoom');

      // Swipe left across the stage: mouse drag of 480 px in 12 frame-paced steps, release.
      const before = await page.evaluate(() => window.__bench.preview().index);
      out.swipe = await recordFrames(page, async () => {
        await page.mouse.move(c.x + 240, c.y);
        await page.mouse.down();
        for (let i = 1; i <= 12; i++) { await page.mouse.move(c.x + 240 - i * 40, c.y); await frameWait(page); }
        await page.mouse.up();
      }, 500);
      const after = await page.evaluate(() => window.__bench.preview().index);
      out.swipe.moved = after === (before + 1) % n;
      if (!out.swipe.moved) throw new Error(`the swipe did not move to the next item (${before} → ${after})`);
      out.errors = page.__errors;
      await page.close();
    }

    // 2. Cached open: a page loads the large images (so Chromium caches them), a new page opens.
    {
      const q = `c=${r}-${Date.now()}`;
      const warm = await openPage(context, q);
      await within(warm.evaluate((urls) => Promise.all(urls.map((u) => new Promise((ok, ko) => {
        const img = new Image();
        img.onload = ok;
        img.onerror = () => ko(new Error(`warm-up: ${u} failed`));
        img.src = u;
      }))), itemsFor(q).map((it) => it.src)), STEP_TIMEOUT, 'warm-up of the cache');
      await warm.close();
      const page = await openPage(context, q);
      out.openCached = await measureOpen(page, item, largePath, q);
      if (out.openCached.requests !== 0) throw new Error(`cached open: the server saw ${out.openCached.requests} request(s) for the image; the cache did not hit`);
      out.openCached.longtasks = await longtasksBetween(page, out.openCached.t0, out.openCached.tPainted);
      await waitNeighboursReady(page, item, n);
      await sleep(300);
      out.nextPreloadedCached = await measureNext(page, item, n);
      out.nextPreloadedCached.longtasks = await longtasksBetween(page, out.nextPreloadedCached.t0, out.nextPreloadedCached.tPainted);
      await page.close();
    }

    // 3. Next without preloading: two ArrowRight presses back to back on an uncached page. The
    //    second one goes to item +2, which had not been rendered or preloaded before the first press.
    {
      const q = `n=${r}-${Date.now()}`;
      const page = await openPage(context, q);
      await measureOpen(page, item, largePath, q);
      await waitNeighboursReady(page, item, n);
      await sleep(300);
      const to = (item + 2) % n;
      const notLoaded = await page.evaluate((i) => !window.__bench.readyAt(i), to);
      if (!notLoaded) throw new Error(`item ${to} was ready before the presses`);
      const hitMark = hits.length;
      out.nextNotPreloaded = await measureNext(page, item, n, 2);
      out.nextNotPreloaded.requests = hits.slice(hitMark).filter((h) => h.path === `/examples/photos/${photos[to].file}`).length;
      out.nextNotPreloaded.longtasks = await longtasksBetween(page, out.nextNotPreloaded.t0, out.nextNotPreloaded.tPainted);
      await page.close();
    }
  } finally {
    await context.close().catch(() => undefined);
  }
  return out;
}

// ---- main ----------------------------------------------------------------------------------------------

browser = await within(chromium.launch({
  executablePath: CHROME,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
}), 60_000, `launching ${CHROME}`).catch((e) => fail(`cannot launch Chromium (${CHROME}): ${e.message}`));

const machine = {
  cpu: os.cpus()[0]?.model?.trim() ?? 'unknown',
  cores: os.cpus().length,
  memoryGB: round(os.totalmem() / 2 ** 30, 1),
  loadavgBefore: os.loadavg().map((x) => round(x, 2)),
  chromium: browser.version(),
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  viewport: '1280x800',
};

console.error(`bench:preview: ${RUNS} runs on ${BASE}, item ${ITEM} (${photos[ITEM].file}) → ${photos[(ITEM + 1) % photos.length].file}`);
const runs = [];
for (let r = 0; r < RUNS; r++) {
  const started = performance.now();
  try {
    runs.push(await run(r));
  } catch (e) {
    console.error(`bench:preview: run ${r + 1} failed: ${e.message}`);
    await shutdown(1);
  }
  console.error(`  run ${r + 1}/${RUNS} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
machine.loadavgAfter = os.loadavg().map((x) => round(x, 2));

// ---- summary ------------------------------------------------------------------------------------------------

const col = (key, f = 'ms') => runs.map((x) => x[key][f]);
const lat = (key) => {
  const v = col(key);
  const lt = runs.flatMap((x) => x[key].longtasks ?? []);
  const f = col(key, 'frames');
  return { median: median(v), p95: pct(v, 95), min: Math.min(...v), max: Math.max(...v), frames: median(v) / FRAME, framesToPaint: { median: median(f), max: Math.max(...f), samples: f }, longtasks: lt.length, longtaskMax: lt.length ? Math.max(...lt.map((l) => l.duration)) : 0, samples: v };
};
const frames = (key) => {
  const d = runs.flatMap((x) => x[key].deltas);
  const lt = runs.flatMap((x) => x[key].longtasks);
  const lf = runs.flatMap((x) => x[key].longFrames ?? []);
  const byInvoker = {};
  for (const f of lf) for (const sc of f.scripts) byInvoker[sc.invoker] = (byInvoker[sc.invoker] ?? 0) + sc.ms;
  const longFrames = {
    count: lf.length,
    totalMs: lf.reduce((a, f) => a + f.duration, 0),
    scriptMs: lf.reduce((a, f) => a + f.scripts.reduce((b, sc) => b + sc.ms, 0), 0),
    renderMs: lf.reduce((a, f) => a + f.renderMs, 0),
    topScripts: Object.entries(byInvoker).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${Math.round(v)} ms`),
  };
  return { longFrames, median: median(d), p95: pct(d, 95), max: Math.max(...d), over25: d.filter((x) => x > 25).length, count: d.length, longtasks: lt.length, longtaskMax: lt.length ? Math.max(...lt.map((l) => l.duration)) : 0, p95PerRun: runs.map((x) => round(pct(x[key].deltas, 95))), maxPerRun: runs.map((x) => round(Math.max(...x[key].deltas))) };
};
const notReady = runs.filter((x) => x.nextNotPreloaded.neighbourReadyAtPress === false).length;
const summary = {
  fullSizeBeforeOpen: runs.map((x) => x.fullSizeBeforeOpen.length),
  openUncached: lat('openUncached'),
  openCached: lat('openCached'),
  nextPreloaded: lat('nextPreloaded'),
  nextPreloadedCached: lat('nextPreloadedCached'),
  nextNotPreloaded: { ...lat('nextNotPreloaded'), notReadyAtPress: notReady },
  idle: frames('idle'),
  zoomKeys: frames('zoomKeys'),
  zoomWheel: frames('zoomWheel'),
  swipe: frames('swipe'),
};

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '–');
const fr = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const lts = (s) => (s.longtasks ? `${s.longtasks} (max ${Math.round(s.longtaskMax)} ms)` : '0');
const nextMs = [...summary.nextPreloaded.samples, ...summary.nextPreloadedCached.samples];
const nextFrames = [...summary.nextPreloaded.framesToPaint.samples, ...summary.nextPreloadedCached.framesToPaint.samples];
const inOne = nextFrames.filter((x) => x <= 1).length;
summary.aimNext = { pooledMedianMs: median(nextMs), pooledP95Ms: pct(nextMs, 95), paintedInFirstFrame: inOne, presses: nextFrames.length };
const aimNext = inOne === nextFrames.length
  ? `**met**: first frame after the press in ${inOne}/${nextFrames.length}`
  : `**missed**: first frame after the press in ${inOne}/${nextFrames.length}`;
const aimNoLong = (s) => (s.longtasks === 0 ? '**met** (0 long tasks)' : `**missed** (${s.longtasks} long task${s.longtasks > 1 ? 's' : ''})`);

const P = photos[ITEM], Q = photos[(ITEM + 1) % photos.length];
const rows = [
  ['Open preview: click → large image painted, **uncached**', summary.openUncached, 'lat', '–'],
  ['Open preview: click → large image painted, **cached**', summary.openCached, 'lat', '–'],
  ['Next item (ArrowRight) → painted, neighbour **preloaded** (uncached page)', summary.nextPreloaded, 'lat', `≤ 1 frame: ${aimNext}`],
  ['Next item (ArrowRight) → painted, neighbour **preloaded** (cached page)', summary.nextPreloadedCached, 'lat', '(same aim, pooled above)'],
  [`Next item **not preloaded**: 2nd of two back-to-back ArrowRight, item +2 uncached (not ready at the press in ${notReady}/${RUNS} runs)`, summary.nextNotPreloaded, 'lat', 'contrast'],
  ['Frame times, idle preview (baseline)', summary.idle, 'fr', '–'],
  ['Frame times, zoom with `+` ×5 (120 ms apart)', summary.zoomKeys, 'fr', `no long task: ${aimNoLong(summary.zoomKeys)}`],
  ['Frame times, zoom with ctrl+wheel ×12 (one per frame)', summary.zoomWheel, 'fr', `no long task: ${aimNoLong(summary.zoomWheel)}`],
  ['Frame times, swipe to next (480 px drag, 12 steps)', summary.swipe, 'fr', `no long task: ${aimNoLong(summary.swipe)}`],
];

const lines = [];
lines.push('## Preview benchmark');
lines.push('');
lines.push(`- CPU: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB; load average ${machine.loadavgBefore.join(' / ')} before, ${machine.loadavgAfter.join(' / ')} after`);
lines.push(`- Chromium ${machine.chromium} headless (--disable-gpu), playwright-core, viewport 1280×800, DPR 1; Node ${machine.node}; ${machine.platform}`);
lines.push(`- ${RUNS} runs, median and p95 over runs (frame rows: over all rAF deltas of all runs); 1 frame = 16.7 ms`);
lines.push(`- Opened item: ${P.file} (${P.width}×${P.height}, ${Math.round(P.bytes / 1024)} KB ${P.format}); next: ${Q.file} (${Q.width}×${Q.height}, ${Math.round(Q.bytes / 1024)} KB); tiles use 480 px WebP thumbs`);
lines.push('');
lines.push('| Measurement | median | p95 | max | median ÷ 16.7 ms | frames to paint, median (max) | long tasks | aim |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
for (const [label, s, kind, aim] of rows) {
  if (kind === 'lat') lines.push(`| ${label} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} | ${fr(s.frames)} | ${s.framesToPaint.median} (${s.framesToPaint.max}) | ${lts(s)} | ${aim} |`);
  else lines.push(`| ${label} (rAF Δ; ${s.over25} of ${s.count} frames > 25 ms) | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} | ${fr(s.max / FRAME)} (max Δ) | – | ${lts(s)} | ${aim} |`);
}
const early = runs[0].fullSizeBeforeOpen;
lines.push('');
for (const [label, key] of [['zoom +', 'zoomKeys'], ['zoom ctrl+wheel', 'zoomWheel'], ['swipe', 'swipe']]) {
  const f = summary[key].longFrames;
  if (f.count) lines.push(`Long animation frames (> 50 ms) during ${label}: ${f.count}, ${Math.round(f.totalMs)} ms in all: scripts ${Math.round(f.scriptMs)} ms${f.topScripts.length ? ` (${f.topScripts.join(', ')})` : ''}, style/layout/paint ${Math.round(f.renderMs)} ms, the rest waiting/other.`);
}
lines.push(`Full-size images the page fetched before any preview was opened: ${early.length}${early.length ? ` (${early.join(', ')})` : ''}.`);
lines.push('Latencies run from the pointerdown/keydown event timestamp to the first task after the animation frame that follows `ready` on `.slide.current img.large` (loaded and decoded); the image then fades in over 120 ms (CSS). "Frames to paint" counts rendered frames from the input to that frame: 1 = the very next frame.');
const table = lines.join('\n');
console.log(table);

mkdirSync(path.join(here, 'results'), { recursive: true });
const jsonPath = path.join(here, 'results/preview.json');
writeFileSync(jsonPath, JSON.stringify({ date: new Date().toISOString(), machine, options: { runs: RUNS, item: ITEM, items: photos }, summary, runs }, (k, v) => (typeof v === 'number' ? round(v, 2) : v), 2));
console.error(`bench:preview: raw results in ${path.relative(process.cwd(), jsonPath)}`);
await shutdown(0);
