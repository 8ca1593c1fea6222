#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [-- --runs 5 --sizes 1000,10000,100000 --ref HEAD ...]`
 *
 * Three pages side by side in headless Chromium (playwright-core, /usr/bin/chromium), one run,
 * same browser, same machine, a fresh browser context (fresh page, empty cache) per repetition:
 *
 *   media-gallery  `<media-gallery columns="6" height="800">` from dist/cdn/media-gallery.js,
 *                  driven through its public API only: the tag, `items`, `columns`, `height`.
 *   naive          every tile in the DOM at once, as Gradio's gallery does: a CSS grid of
 *                  `<button><img loading=lazy decoding=async></button>`, built with the DOM API.
 *   virtualizer    `<lit-virtualizer scroller>` (@lit-labs/virtualizer) with its grid layout
 *                  (layouts/grid.js), the same button + img tile rendered by `renderItem`.
 *
 * `--layout masonry`: the same three in masonry (each photo's aspect ratio, shortest column
 * first): media-gallery with `layout="masonry"`, the virtualizer with its masonry layout
 * (layouts/masonry.js, `getAspectRatio` from the item), the naive page as CSS columns of tiles
 * with their `aspect-ratio` (column-major order: the nearest a plain page gets).
 *
 * Same set-up for all: 6 columns, 8 px gap, square tiles (default `--layout grid`), an 800 px high scrolling gallery,
 * viewport 1280×900, DPR 1; the 16 photos of examples/photos cycled to n items, each tile
 * showing a 320 px WebP thumbnail made here with sharp (item: {src: full size, thumb, width,
 * height, alt, type: 'image'}; media-gallery shows `thumb`, the others use it as the img src).
 *
 * Metrics (median over the runs, ratios against media-gallery; ratio > 1 = media-gallery less):
 *   settled page   each first-screen page has loaded, built its items array and garbage
 *                  collected, then waits --settle-ms (1 s) and an idle period before the
 *                  assignment: the steady state in which items arrive from a fetch, with the
 *                  page's scripts, chunks and fonts loaded and the browser's start-up work done
 *                  (at 100 ms, that work still lands in some runs of every page: medians 5 ms
 *                  higher and noisier, the same for all three).
 *   first screen   set `items` in a page task, then await two requestAnimationFrame callbacks:
 *                  performance.now() at the second callback minus performance.now() before the
 *                  assignment (the issue's definition), in a timing pass: a page of its own
 *                  where nothing else runs between the frames. Then, in a second fresh page,
 *                  the probed pass: "complete", the first frame whose painted result holds
 *                  tiles across the whole visible area (hit-tested from a task posted in each
 *                  rAF callback, i.e. after that frame's rendering; the hit tests run between
 *                  the frames, which is why the times come from the timing pass), and
 *                  "first thumbnail painted", the first largest-contentful-paint entry after
 *                  the assignment (PerformanceObserver; a thumbnail is the first content).
 *   script         CDP Performance.getMetrics ScriptDuration delta (and RecalcStyleDuration +
 *                  LayoutDuration) in the timing pass, from before the call that sets items to
 *                  a metrics call sent once the 2nd rAF has been reported back to Node: the
 *                  window runs past the 2nd rAF by that round trip, so it can also hold the
 *                  next frame and idle callbacks, i.e. work a page deferred past its first
 *                  screen (media-gallery checks the rest of a long list there). Tracing the
 *                  window instead was tried: even devtools.timeline alone doubled script times
 *                  and moved the rAFs, so it is left to --trace.
 *   DOM            after the first screen: elements in the gallery counted through open shadow
 *                  roots, and CDP Memory.getDOMCounters `nodes` (whole page, after a forced GC).
 *   heap           after the first screen: HeapProfiler.collectGarbage ×2, then
 *                  Runtime.getHeapUsage usedSize (V8 JS heap) and embedderHeapUsedSize (Blink).
 *   scrolling      10,000 items, top to bottom in --scroll-ms (5 s) at a constant speed: in each
 *                  rAF callback scrollTop = elapsed / 5 s × the maximum (≈ 71,000 px/s, more than
 *                  a viewport per frame: every frame shows tiles not seen before, the worst case
 *                  for a virtualizer; a slow frame is followed by a longer jump). By the inner
 *                  scroller (height=800) and by page scroll (no height), with CPU throttling off
 *                  and at 4× (Emulation.setCPUThrottlingRate): long tasks (PerformanceObserver
 *                  'longtask', > 50 ms) and p95 frame time (intervals between rAF timestamps).
 *   bundle         gzip -9 and brotli (q 11) of dist/cdn/media-gallery.js, of each
 *                  dist/elements/*.js bundled with esbuild (Lit external, and Lit included),
 *                  of the virtualizer with its grid layout, of PhotoSwipe 5 (lightbox + core) and
 *                  lightGallery 2 (core + zoom + thumbnail + fullscreen) from their npm packages.
 *
 * Options:
 *   --quick              1 run, 1,000 and 10,000 items, 3 s scroll passes (< 2 min)
 *   --runs N             repetitions per first-screen cell (default 5)
 *   --scroll-runs N      repetitions per scroll cell (default: --runs)
 *   --sizes a,b,c        item counts (default 1000,10000,100000)
 *   --scroll-items N     items for the scroll passes (default 10000)
 *   --scroll-ms MS       time for one scroll pass top to bottom (default 5000; quick 3000)
 *   --naive-max N        skip the naive page above N items (default 100000)
 *   --settle-ms MS       quiet time before each first-screen assignment (default 1000; see above)
 *   --only a,b           pages to run: mg,naive,lv (default all)
 *   --no-scroll, --no-bundle
 *   --ref REF            measure media-gallery built from git REF (git archive into
 *                        bench/.cache/build-<sha>, node_modules linked, scripts/build.mjs)
 *   --no-build           use the existing dist/ as is
 *   --json PATH          default bench/results/compare.json (quick: compare-quick.json)
 *   --chromium PATH      default /usr/bin/chromium
 *   --screenshots DIR    save a screenshot of each page after its first first-screen run
 *   --trace DIR          save a Chrome trace (devtools.timeline; open in DevTools' Performance
 *                        panel) of each page's first first-screen run, and print per page the
 *                        main-thread time by event (script, style, layout, paint, commit) and
 *                        the frames between the assignment and the second rAF
 *   --network-kbps N     the probed first-screen page's network throttled (CDP
 *                        Network.emulateNetworkConditions) to N kbit/s down with 40 ms of
 *                        latency, from just before the assignment: what competes with the
 *                        first thumbnails for the connection (default: not throttled)
 *   --trace-scroll DIR   trace each counted scroll pass (devtools.timeline, DIR/<page>.json) and
 *                        print what each long task (> 50 ms on the main thread) spent its time
 *                        on: its direct children by event name (script, style, layout, paint,
 *                        GC, image decode), so a long task can be told from the browser's own
 *                        work (tracing slows the pass: compare counts with untraced runs)
 *   --profile DIR        save a V8 CPU profile (.cpuprofile; DevTools' Performance panel opens
 *                        it) of one extra scroll pass per page, mode and CPU rate (not counted:
 *                        sampling slows it), and print the functions with the most self time
 *
 * Build: without --ref, `npm run build` runs first when dist/cdn/media-gallery.js is missing or
 * older than a file in src/, styles/, elements/ or the build config. If the working tree does
 * not build, the bench says so and measures git HEAD instead (printed in the report).
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zc } from 'node:zlib';
import sharp from 'sharp';
import { chromium } from 'playwright-core';
import { build as esbuild, transform } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

// ---- options -------------------------------------------------------------------------------

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}
function arg(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i !== -1 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}
const quick = argv.includes('--quick');
const runs = Math.max(1, Number(arg('runs', quick ? '1' : '5')));
const opt = {
  quick,
  runs,
  scrollRuns: Math.max(1, Number(arg('scroll-runs', String(runs)))),
  sizes: arg('sizes', quick ? '1000,10000' : '1000,10000,100000').split(',').map(Number).filter((n) => n > 0),
  scrollItems: Number(arg('scroll-items', '10000')),
  scrollMs: Number(arg('scroll-ms', quick ? '3000' : '5000')),
  naiveMax: Number(arg('naive-max', '100000')),
  settleMs: Number(arg('settle-ms', '1000')),
  only: arg('only', 'mg,naive,lv').split(','),
  layout: arg('layout', 'grid'),
  scroll: !argv.includes('--no-scroll'),
  bundle: !argv.includes('--no-bundle'),
  ref: arg('ref', null),
  noBuild: argv.includes('--no-build'),
  chromium: arg('chromium', '/usr/bin/chromium'),
  screenshots: arg('screenshots', null),
  trace: arg('trace', null),
  profile: arg('profile', null),
  traceScroll: arg('trace-scroll', null),
  networkKbps: Number(arg('network-kbps', '0')),
  json: path.resolve(repo, arg('json', `bench/results/compare${argv.includes('--quick') ? '-quick' : ''}${arg('layout', 'grid') === 'masonry' ? '-masonry' : ''}.json`)),
  columns: 6,
  gap: 8,
  galleryHeight: 800,
  viewport: { width: 1280, height: 900 },
  thumbSize: 320,
  throttles: [1, 4],
};
const KINDS = ['mg', 'naive', 'lv'].filter((k) => opt.only.includes(k));
if (!['grid', 'masonry'].includes(opt.layout)) throw new Error(`--layout: grid or masonry, not ${opt.layout}`);
const NAME = { mg: 'media-gallery', naive: 'naive (all in DOM)', lv: `@lit-labs/virtualizer ${opt.layout}` };

const log = (s) => process.stderr.write(`${s}\n`);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

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
  return a.length ? a[Math.min(a.length - 1, Math.max(0, Math.ceil((p / 100) * a.length) - 1))] : null;
};

// ---- media-gallery build -------------------------------------------------------------------

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600000 });
  return { ok: !r.error && r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, error: r.error };
}
function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const f of readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, f)));
  return m;
}
const firstError = (out) => out.split('\n').find((l) => /error|✖|failed/i.test(l))?.trim() ?? out.trim().split('\n').pop();

/** Builds media-gallery from git `ref` into bench/.cache/build-<sha>; returns that directory. */
function buildRef(ref) {
  const rev = run('git', ['rev-parse', '--verify', `${ref}^{commit}`], repo);
  if (!rev.ok) throw new Error(`--ref ${ref}: not a commit`);
  const sha = rev.out.trim();
  const dir = path.join(here, '.cache', `build-${sha.slice(0, 12)}`);
  const failed = `${dir}.failed`;
  if (existsSync(failed)) throw new Error(`build of ${sha.slice(0, 12)} failed: ${readFileSync(failed, 'utf8')}`);
  if (!existsSync(path.join(dir, 'dist/cdn/media-gallery.js'))) {
    log(`building media-gallery from ${ref} (${sha.slice(0, 12)}) in ${path.relative(repo, dir)} …`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const x = spawnSync('bash', ['-c', `git archive --format=tar ${sha} | tar -x -C "${dir}"`], { cwd: repo, encoding: 'utf8' });
    if (x.status !== 0) throw new Error(`git archive ${sha} failed: ${x.stderr}`);
    symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const b = run(process.execPath, ['scripts/build.mjs'], dir);
    if (!b.ok || !existsSync(path.join(dir, 'dist/cdn/media-gallery.js'))) {
      const why = firstError(b.out);
      writeFileSync(failed, why);
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`build of ${sha.slice(0, 12)} failed: ${why}`);
    }
  }
  const subject = run('git', ['log', '-1', '--format=%s', sha], repo).out.trim();
  return { dir, source: `git ${ref === sha ? sha.slice(0, 12) : `${ref} = ${sha.slice(0, 12)}`} ("${subject.length > 60 ? `${subject.slice(0, 57)}…` : subject}"), built in ${path.relative(repo, dir)}`, sha };
}

/** The newest commit on HEAD's first-parent line (at most 20 back) that builds. */
function buildNewestThatBuilds() {
  const shas = run('git', ['rev-list', '--first-parent', '-n', '20', 'HEAD'], repo).out.trim().split('\n').filter(Boolean);
  const skipped = [];
  for (const sha of shas) {
    try {
      return { ...buildRef(sha), skipped };
    } catch (e) {
      log(`  ${sha.slice(0, 12)} does not build: ${e.message.replace(/^build of \w+ failed: /, '')}`);
      skipped.push(sha.slice(0, 12));
    }
  }
  throw new Error('none of the last 20 commits builds');
}

function ensureBuild() {
  if (opt.ref) return buildRef(opt.ref);
  const cdn = path.join(repo, 'dist/cdn/media-gallery.js');
  const head = run('git', ['rev-parse', 'HEAD'], repo).out.trim();
  const dirty = run('git', ['status', '--porcelain', '--', 'src', 'styles', 'elements', 'scripts', 'rollup.config.mjs', 'tsconfig.build.json'], repo).out.trim() !== '';
  const wt = { dir: repo, source: `working tree (HEAD ${head.slice(0, 12)}${dirty ? ', with uncommitted changes' : ''}), dist/`, sha: head, dirty };
  if (opt.noBuild) {
    if (!existsSync(cdn)) throw new Error('--no-build: dist/cdn/media-gallery.js is missing');
    return wt;
  }
  const inputs = ['src', 'styles', 'elements', 'scripts/build.mjs', 'rollup.config.mjs', 'tsconfig.build.json', 'package.json'].map((p) => newestMtime(path.join(repo, p)));
  if (existsSync(cdn) && statSync(cdn).mtimeMs >= Math.max(...inputs)) return wt;
  log('dist/ is missing or older than the sources: npm run build …');
  const b = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], repo);
  if (b.ok && existsSync(cdn)) return wt;
  const why = firstError(b.out);
  log(`\n⚠ npm run build failed in the working tree (${why}).\n⚠ Measuring the newest commit that builds instead; pass --ref to choose one.\n`);
  const r = buildNewestThatBuilds();
  return { ...r, source: `${r.source}: the working tree did not build (${why})${r.skipped.length ? `, nor did ${r.skipped.join(', ')}` : ''}`, fallback: why };
}

// ---- thumbnails, scripts, pages ------------------------------------------------------------

async function makePhotos() {
  const dir = path.join(repo, 'examples/photos');
  const files = readdirSync(dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
  if (!files.length) throw new Error(`no photos in ${dir}`);
  const thumbs = new Map();
  const photos = await Promise.all(files.map(async (f) => {
    const full = path.join(dir, f);
    const m = await sharp(full).metadata();
    const swap = (m.orientation ?? 1) >= 5;
    const name = f.replace(/\.[^.]+$/, '');
    const buf = await sharp(full).rotate().resize({ width: opt.thumbSize, height: opt.thumbSize, fit: 'inside' }).webp({ quality: 75 }).toBuffer();
    thumbs.set(`${name}.webp`, buf);
    return { src: `/examples/photos/${encodeURIComponent(f)}`, thumb: `/thumb/${encodeURIComponent(name)}.webp`, width: swap ? m.height : m.width, height: swap ? m.width : m.height, thumbBytes: buf.length };
  }));
  return { photos, thumbs };
}

/** The virtualizer page's script: lit-virtualizer + grid layout + Lit's html, one ES module. */
async function virtualizerScript() {
  const r = await esbuild({
    stdin: { contents: "import '@lit-labs/virtualizer';\nimport { grid } from '@lit-labs/virtualizer/layouts/grid.js';\nimport { masonry } from '@lit-labs/virtualizer/layouts/masonry.js';\nimport { html } from 'lit';\nwindow.__lv = { grid, masonry, html };\n", resolveDir: repo, loader: 'js' },
    bundle: true, format: 'esm', minify: true, write: false, target: 'es2021', legalComments: 'none',
  });
  return Buffer.from(r.outputFiles[0].contents);
}

const TILE_CSS = `.tile{display:block;box-sizing:border-box;margin:0;padding:0;border:0;border-radius:10px;overflow:hidden;background:#e5e7eb;cursor:pointer}
.tile img{display:block;width:100%;height:100%;object-fit:cover}`;

function page(kind, mode) {
  const inner = mode === 'inner';
  const H = opt.galleryHeight;
  const head = `<!doctype html><html lang="en" data-kind="${kind}" data-mode="${mode}"><head><meta charset="utf-8"><title>${kind} ${mode}</title>
<style>html,body{margin:0}body{font:14px/1.4 system-ui,sans-serif;color:#222;background:#fff}${TILE_CSS}</style>
<script>${HARNESS}</script>`;
  if (kind === 'mg') {
    return `${head}<script type="module" src="/cdn/media-gallery.js"></script></head><body>
<media-gallery id="root" columns="${opt.columns}"${opt.layout === 'masonry' ? ' layout="masonry"' : ''}${inner ? ` height="${H}"` : ''}></media-gallery></body></html>`;
  }
  if (kind === 'naive') {
    return `${head}<style>
#root{${inner ? `height:${H}px;overflow-y:auto;` : ''}}
${opt.layout === 'masonry' ? `.grid{columns:${opt.columns};column-gap:${opt.gap}px}
.grid .tile{width:100%;margin-bottom:${opt.gap}px;break-inside:avoid}` : `.grid{display:grid;grid-template-columns:repeat(${opt.columns},minmax(0,1fr));gap:${opt.gap}px}
.grid .tile{aspect-ratio:1;width:100%}`}
</style></head><body><div id="root"><div class="grid"></div></div></body></html>`;
  }
  // lit-virtualizer: `scroller` makes the element its own scroller (it needs a height);
  // without it the page scrolls.
  return `${head}<style>lit-virtualizer{${inner ? `height:${H}px;` : ''}}</style>
<script type="module" src="/lv.js"></script></head><body>
<lit-virtualizer id="root"${inner ? ' scroller' : ''}></lit-virtualizer></body></html>`;
}

/** Runs in every page (a classic script in <head>). Generic: no page-specific internals. */
const HARNESS = String.raw`
window.__b = (() => {
  const kind = document.documentElement.dataset.kind;
  const mode = document.documentElement.dataset.mode;
  const COLUMNS = ${opt.columns}, GAP = ${opt.gap}, MASONRY = ${opt.layout === 'masonry'};
  const root = () => document.getElementById('root');
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  const now = () => performance.now();

  function setItems(items) {
    const el = root();
    if (kind === 'naive') {
      const grid = el.firstElementChild;
      const frag = document.createDocumentFragment();
      for (let i = 0; i < items.length; i++) {
        const it = items[i];
        const b = document.createElement('button');
        b.className = 'tile';
        b.type = 'button';
        b.setAttribute('aria-label', it.alt);
        if (MASONRY) b.style.aspectRatio = it.width + ' / ' + it.height;
        const img = document.createElement('img');
        img.loading = 'lazy';
        img.decoding = 'async';
        img.src = it.thumb;
        img.alt = it.alt;
        img.width = it.width;
        img.height = it.height;
        b.append(img);
        frag.append(b);
      }
      grid.replaceChildren(frag);
    } else {
      el.items = items; // media-gallery and lit-virtualizer: the public items property
    }
  }

  const parentOf = (n) => n.assignedSlot ?? (n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentElement);
  function deepHit(x, y) {
    let scope = document, el = null;
    for (let i = 0; i < 12; i++) {
      const e = scope.elementFromPoint(x, y);
      if (!e || e === el) return e ?? el;
      el = e;
      if (!e.shadowRoot) return e;
      scope = e.shadowRoot;
    }
    return el;
  }
  /**
   * A tile, by geometry only (no markup assumed): the hit element or one of its composed
   * ancestors below the gallery is a box about one column wide and at least a third as tall.
   */
  function isTile(el, colW) {
    const r = root();
    for (let i = 0; el && i < 8 && el !== r; i++, el = parentOf(el)) {
      const b = el.getBoundingClientRect();
      if (b.width >= 0.6 * colW && b.width <= 1.05 * colW && b.height >= colW / 3) return true;
      if (b.width > 1.05 * colW) return false;
    }
    return false;
  }
  /** The first element, breadth-first through open shadow roots, that scrolls vertically. */
  function findScroller() {
    let level = [root()];
    for (let depth = 0; depth < 8 && level.length; depth++) {
      const next = [];
      for (const el of level) {
        const oy = getComputedStyle(el).overflowY;
        if ((oy === 'auto' || oy === 'scroll') && el.scrollHeight > el.clientHeight + 1) return el;
        if (el.shadowRoot) next.push(...el.shadowRoot.children);
        if (el.children.length < 64) next.push(...el.children);
      }
      level = next;
    }
    return null;
  }
  function visibleBox() {
    const s = mode === 'inner' ? findScroller() : null;
    const r = (s ?? root()).getBoundingClientRect();
    const left = s ? r.left : r.left, right = s ? r.left + s.clientWidth : r.right;
    return { left, right, top: Math.max(0, r.top), bottom: Math.min(innerHeight, s ? r.top + s.clientHeight : r.bottom) };
  }
  /** True when tiles cover the visible area: each column hit near the top and near the bottom. */
  function complete() {
    const b = visibleBox();
    if (b.bottom - b.top < 50) return false;
    const w = (b.right - b.left) / COLUMNS;
    for (let c = 0; c < COLUMNS; c++) {
      const x = b.left + (c + 0.5) * w;
      const top = [20, 40, 60, 80].some((d) => isTile(deepHit(x, b.top + d), w));
      const bottom = [4, 14, 24, 34].some((d) => isTile(deepHit(x, b.bottom - d), w));
      if (!top || !bottom) return false;
    }
    return true;
  }
  function countElements(r) {
    let n = 0;
    const walk = (node) => { for (const el of node.querySelectorAll('*')) { n++; if (el.shadowRoot) walk(el.shadowRoot); } };
    if (r.shadowRoot) walk(r.shadowRoot);
    walk(r);
    return n;
  }

  return {
    kind, mode,
    async ready(ms) {
      const tag = kind === 'mg' ? 'media-gallery' : kind === 'lv' ? 'lit-virtualizer' : null;
      if (tag) await Promise.race([customElements.whenDefined(tag), new Promise((_, j) => setTimeout(() => j(new Error(tag + ' was not defined in ' + ms + ' ms')), ms))]);
      if (kind === 'lv') {
        // Set-up before timing: grid layout with square cells sized for exactly COLUMNS columns
        // (flex keeps the column count when a scrollbar appears), the tile template.
        const { grid, masonry, html } = window.__lv;
        const el = root();
        const size = Math.floor((el.clientWidth - 15 - GAP * (COLUMNS - 1)) / COLUMNS);
        if (MASONRY) el.layout = masonry({ itemSize: size + 'px', gap: GAP + 'px', getAspectRatio: (it) => it.width / it.height });
        else el.layout = grid({ itemSize: { width: size + 'px', height: size + 'px' }, gap: GAP + 'px', flex: { preserve: 'aspect-ratio' }, justify: 'start' });
        el.renderItem = (it) => html${'`'}<button class="tile" type="button" aria-label=${'${it.alt}'}><img loading="lazy" decoding="async" src=${'${it.thumb}'} alt=${'${it.alt}'} width=${'${it.width}'} height=${'${it.height}'}></button>${'`'};
      }
      await raf(); await raf();
      await new Promise((r) => setTimeout(r, 50));
      return true;
    },
    build(photos, n) {
      window.__items = Array.from({ length: n }, (_, i) => {
        const p = photos[i % photos.length];
        return { src: p.src, thumb: p.thumb, width: p.width, height: p.height, alt: 'Photo ' + (i + 1), type: 'image' };
      });
      return n;
    },
    /**
     * Sets items in a page task; times the second rAF callback after it (the issue's "first
     * screen"), and from a task posted in each rAF callback (it runs after that frame's
     * style, layout and paint) checks whether the painted frame holds the complete first screen.
     */
    firstScreen(maxFrames, probe = true) {
      const items = window.__items;
      const lcp = [], fcp = [];
      const take = (list) => { for (const e of list) (e.entryType === 'paint' ? fcp : lcp).push({ name: e.name, startTime: e.startTime, loadTime: e.loadTime ?? null, url: e.url ?? '' }); };
      const po = new PerformanceObserver((list) => take(list.getEntries()));
      for (const type of ['paint', 'largest-contentful-paint']) { try { po.observe({ type, buffered: true }); } catch {} }
      return new Promise((resolve, reject) => setTimeout(() => {
        const t0 = now();
        try { setItems(items); } catch (e) { reject(e); return; }
        const tSet = now();
        let frame = 0, t1 = null, t2 = null, completeMs = null, completeFrame = null;
        // Paint entries keep arriving while thumbnails load: paints() collects them later.
        this.paints = async (waitMs) => {
          await new Promise((r) => setTimeout(r, waitMs));
          take(po.takeRecords());
          po.disconnect();
          const firstLcp = lcp.filter((e) => e.startTime >= t0).sort((a, b) => a.startTime - b.startTime)[0];
          const fcpAfter = fcp.find((e) => e.name === 'first-contentful-paint' && e.startTime >= t0);
          return {
            firstThumbPaintMs: firstLcp ? firstLcp.startTime - t0 : null,
            // Every thumbnail fetched since the assignment and loaded by now (in the default grid
            // the first screen holds all 16 photos; in masonry, overscan fetches can count too).
            thumbsLoadedMs: (() => { const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/thumb/') && r.startTime >= t0); return e.length ? Math.max(...e.map((r) => r.responseEnd)) - t0 : null; })(),
            // From the moment that image had loaded (the entry's loadTime; its responseEnd when the
            // entry has none) to its paint: the page's own delay, without the network's.
            firstThumbLagMs: (() => {
              if (!firstLcp || !firstLcp.url) return null;
              const loaded = firstLcp.loadTime || performance.getEntriesByName(new URL(firstLcp.url, location.href).href).find((r) => r.startTime >= t0)?.responseEnd;
              return loaded ? firstLcp.startTime - loaded : null;
            })(),
            fcpMs: fcpAfter ? fcpAfter.startTime - t0 : null,
            fcpBefore: fcp.some((e) => e.name === 'first-contentful-paint' && e.startTime < t0),
          };
        };
        const onFrame = () => {
          frame++;
          const t = now();
          if (frame === 1) t1 = t;
          if (frame === 2) t2 = t;
          // The timing pass: nothing runs between the frames but the page's own work.
          if (!probe) {
            if (frame >= 2) resolve({ setMs: tSet - t0, oneRafMs: t1 - t0, twoRafMs: t2 - t0, frames: frame });
            else requestAnimationFrame(onFrame);
            return;
          }
          const mc = new MessageChannel();
          mc.port1.onmessage = () => {
            mc.port1.close();
            const t = now();
            if (completeMs == null && complete()) { completeMs = t - t0; completeFrame = frame; }
            if ((frame >= 2 && completeMs != null) || frame >= maxFrames) {
              resolve({ setMs: tSet - t0, oneRafMs: t1 - t0, twoRafMs: t2 - t0, completeMs, completeFrame, frames: frame });
            } else requestAnimationFrame(onFrame);
          };
          mc.port2.postMessage(0);
        };
        requestAnimationFrame(onFrame);
      }, 0));
    },
    elements() { return countElements(root()); },
    tilesVisible() { return complete(); },
    /** ms of quiet, then the next idle period (requestIdleCallback) and two frames. */
    async idle(ms) {
      await new Promise((r) => setTimeout(r, ms));
      await new Promise((r) => (window.requestIdleCallback ? requestIdleCallback(() => r(), { timeout: 1000 }) : r()));
      await raf(); await raf();
    },
    /**
     * Top to bottom at a constant speed: in each rAF callback scrollTop = (elapsed / durationMs)
     * × the maximum, so every page covers the list in the same time whatever its frame rate
     * (a slow frame is followed by a longer jump, as with a real fling).
     */
    async scroll(durationMs) {
      const el = mode === 'inner' ? findScroller() : document.scrollingElement;
      if (!el) throw new Error('no scroller found in ' + kind + ' ' + mode);
      const view = mode === 'inner' ? el.clientHeight : innerHeight;
      el.scrollTop = 0;
      await raf(); await raf();
      const max = el.scrollHeight - view;
      const longtasks = [];
      const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration }); });
      po.observe({ type: 'longtask' });
      const intervals = [];
      const start = now();
      let last, t0, frames = 0, reason = 'bottom';
      await new Promise((resolve) => {
        const frame = (ts) => {
          if (last !== undefined) intervals.push(ts - last);
          last = ts;
          t0 ??= ts;
          if (el.scrollTop >= max - 1) { resolve(); return; }
          if (ts - t0 > durationMs * 3) { reason = 'time cap'; resolve(); return; }
          frames++;
          el.scrollTop = Math.min(max, Math.ceil((max * (ts - t0)) / durationMs));
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      const end = now();
      await new Promise((r) => setTimeout(r, 250));
      for (const e of po.takeRecords()) longtasks.push({ start: e.startTime, duration: e.duration });
      po.disconnect();
      const lt = longtasks.filter((t) => t.start >= start && t.start <= end);
      return { view, max, frames, reason, durationMs: end - start, scrolled: el.scrollTop, scrollHeight: el.scrollHeight, intervals, longtasks: lt };
    },
  };
})();
`;

// ---- server --------------------------------------------------------------------------------

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };

function startServer({ cdnDir, lvJs, thumbs }) {
  return new Promise((resolve, reject) => {
    const srv = createServer((req, res) => {
      try {
        const url = new URL(req.url, 'http://127.0.0.1');
        const send = (status, type, body, cache = 'no-store') => { res.writeHead(status, { 'content-type': type, 'cache-control': cache }); res.end(body); };
        const m = url.pathname.match(/^\/page\/(mg|naive|lv)\.html$/);
        if (m) return send(200, TYPES['.html'], page(m[1], url.searchParams.get('mode') === 'page' ? 'page' : 'inner'));
        // The whole dist/cdn directory: the entry may import chunks beside it.
        const cdn = url.pathname.match(/^\/cdn\/([\w.-]+\.js)$/);
        if (cdn && existsSync(path.join(cdnDir, cdn[1]))) return send(200, TYPES['.js'], readFileSync(path.join(cdnDir, cdn[1])));
        if (url.pathname === '/lv.js') return send(200, TYPES['.js'], lvJs);
        if (url.pathname.startsWith('/thumb/')) {
          const b = thumbs.get(decodeURIComponent(url.pathname.slice('/thumb/'.length)));
          return b ? send(200, TYPES['.webp'], b, 'public, max-age=3600') : send(404, 'text/plain', 'not found');
        }
        if (url.pathname.startsWith('/examples/photos/')) {
          const file = path.join(repo, decodeURIComponent(url.pathname));
          if (file.startsWith(path.join(repo, 'examples/photos') + path.sep) && existsSync(file)) {
            return send(200, TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', readFileSync(file), 'public, max-age=3600');
          }
        }
        if (url.pathname === '/favicon.ico') return send(204, 'text/plain', '');
        send(404, 'text/plain', 'not found');
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    });
    srv.on('error', reject);
    srv.on('clientError', (_, socket) => socket.destroy());
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

// ---- browser measurements ------------------------------------------------------------------

let browser = null;
let server = null;

async function openPage(base, kind, mode) {
  const context = await browser.newContext({ viewport: opt.viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(`${base}/page/${kind}.html?mode=${mode}`, { waitUntil: 'load', timeout: 30000 });
  await withTimeout(page.evaluate((ms) => window.__b.ready(ms), 20000), 30000, `${kind} page ready`);
  const close = () => withTimeout(context.close(), 20000, 'closing a context').catch(() => undefined);
  return { page, cdp, errors, close };
}

/**
 * `--trace`: records devtools.timeline events until save(); writes DIR/<name>.json (Chrome trace
 * format) and logs the main-thread time by top-level event between the assignment and the second
 * rAF (from the run's own timings, mapped onto the trace clock by the FireAnimationFrame events).
 */
/** Starts a Chrome trace of `categories`; `stop(dir, name)` ends it, writes dir/name.json and returns its events. */
async function recordTrace(cdp, categories) {
  const events = [];
  const onData = (d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async (dir, name) => {
    await new Promise((resolve) => { cdp.once('Tracing.tracingComplete', resolve); cdp.send('Tracing.end').catch(resolve); });
    cdp.off('Tracing.dataCollected', onData);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ traceEvents: events }));
    return events;
  };
}

async function startTrace(cdp) {
  const stop = await recordTrace(cdp, 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,disabled-by-default-v8.cpu_profiler');
  return {
    async save(name, r) {
      const events = await stop(opt.trace, name);
      // The page task that set items: the first TimerFire whose duration covers setMs; frames are
      // the FireAnimationFrame events after it. Sums are of complete events on the renderer's
      // main thread (the thread of that TimerFire), top level only (nested events not counted twice).
      const timer = events.find((e) => e.name === 'TimerFire' && e.ph === 'X' && e.dur / 1000 >= r.setMs);
      if (!timer) { log(`trace ${name}: assignment task not found`); return; }
      const t0 = timer.ts, end = t0 + r.twoRafMs * 1000;
      const main = events.filter((e) => e.ph === 'X' && e.tid === timer.tid && e.pid === timer.pid && e.ts >= t0 && e.ts <= end && e.dur);
      const top = main.filter((e) => e.name === 'RunTask');
      const by = {};
      for (const e of main) if (['TimerFire', 'FireAnimationFrame', 'FunctionCall', 'EventDispatch', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'ParseHTML', 'EvaluateScript', 'v8.compile', 'FireIdleCallback'].includes(e.name)) by[e.name] = (by[e.name] ?? 0) + e.dur / 1000;
      const busy = top.reduce((a, e) => a + e.dur / 1000, 0);
      log(`trace ${name}: ${(r.twoRafMs).toFixed(1)} ms to the 2nd rAF, main thread busy ${busy.toFixed(1)} ms in ${top.length} tasks; ` +
        Object.entries(by).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
    },
  };
}

let scrollTraces = 0;
/**
 * `--trace-scroll`: records devtools.timeline (with GC and image decode events) over a scroll
 * pass; save() writes DIR/<name>.json and logs, for each main-thread task over 50 ms, its
 * duration and its direct children summed by name (nested events not counted twice).
 */
async function startScrollTrace(cdp) {
  const stop = await recordTrace(cdp, 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing');
  return {
    async save(name) {
      const events = await stop(opt.traceScroll, name);
      // The renderer's main thread: the thread of the FireAnimationFrame events.
      const raf = events.find((e) => e.name === 'FireAnimationFrame');
      if (!raf) { log(`trace ${name}: no animation frames`); return; }
      const main = events.filter((e) => e.ph === 'X' && e.pid === raf.pid && e.tid === raf.tid && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
      const long = main.filter((e) => e.name === 'RunTask' && e.dur > 50_000);
      const lines = long.map((t) => {
        const end = t.ts + t.dur, by = {};
        let covered = t.ts;
        // Direct children: events inside the task not inside an earlier child.
        for (const e of main) {
          if (e === t || e.ts < t.ts || e.ts >= end || e.ts < covered) continue;
          by[e.name] = (by[e.name] ?? 0) + e.dur / 1000;
          covered = e.ts + e.dur;
        }
        const parts = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`);
        return `  ${(t.dur / 1000).toFixed(1)} ms at ${((t.ts - raf.ts) / 1000).toFixed(0)} ms: ${parts.join(', ')}`;
      });
      log(`trace ${name}: ${long.length} tasks over 50 ms on the main thread${lines.length ? `\n${lines.join('\n')}` : ''}`);
    },
  };
}

async function metrics(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}
async function heap(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  return { jsUsed: h.usedSize, embedderUsed: h.embedderHeapUsedSize ?? null, domNodes: dom.nodes ?? null, jsEventListeners: dom.jsEventListeners ?? null };
}

/** The first screen with no probe between the frames: times and CDP script/style/layout deltas. */
async function timingRun(base, kind, photos, n, trace) {
  const p = await openPage(base, kind, 'inner');
  try {
    await p.page.evaluate(({ photos, n }) => window.__b.build(photos, n), { photos, n });
    await heap(p.cdp); // the same state as the probed page: garbage collected before
    await p.page.evaluate((ms) => window.__b.idle(ms), opt.settleMs);
    const tracing = opt.trace && trace ? await startTrace(p.cdp) : null;
    const m0 = await metrics(p.cdp);
    const r = await withTimeout(p.page.evaluate((f) => window.__b.firstScreen(f, false), 120), 180000, `${kind} first screen of ${n} (timing)`);
    const m1 = await metrics(p.cdp);
    if (tracing) await tracing.save(`${kind}-${n}`, r);
    if (p.errors.length) throw new Error(`${kind}: ${p.errors[0]}`);
    const d = (k) => (m1[k] - m0[k]) * 1000;
    return { ...r, scriptMs: d('ScriptDuration'), styleLayoutMs: d('RecalcStyleDuration') + d('LayoutDuration'), taskMs: d('TaskDuration') };
  } finally {
    await p.close();
  }
}

async function firstScreenRun(base, kind, photos, n, shot = false) {
  const p = await openPage(base, kind, 'inner');
  try {
    await p.page.evaluate(({ photos, n }) => window.__b.build(photos, n), { photos, n });
    const heapBefore = await heap(p.cdp);
    await p.page.evaluate((ms) => window.__b.idle(ms), opt.settleMs);
    // The timing pass, in a page of its own: set items, two rAFs, nothing else in between (the
    // probe's hit tests would run between the frames and delay the second).
    const timing = await timingRun(base, kind, photos, n, shot);
    if (opt.networkKbps) {
      await p.cdp.send('Network.enable');
      await p.cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: (opt.networkKbps * 1000) / 8, uploadThroughput: (opt.networkKbps * 1000) / 8 });
    }
    const r = await withTimeout(p.page.evaluate((f) => window.__b.firstScreen(f, true), 120), 180000, `${kind} first screen of ${n}`);
    // Throttled, the thumbnails (about 0.3 MB) take longer to arrive.
    const wait = opt.networkKbps ? 600 + 8e6 / opt.networkKbps : 600;
    const paint = await withTimeout(p.page.evaluate((ms) => window.__b.paints(ms), wait), 60000 + wait, 'paint entries');
    if (p.errors.length) throw new Error(`${kind}: ${p.errors[0]}`);
    if (opt.screenshots && shot) {
      mkdirSync(opt.screenshots, { recursive: true });
      await p.page.screenshot({ path: path.join(opt.screenshots, `${kind}-${n}.png`) });
    }
    const elements = await withTimeout(p.page.evaluate(() => window.__b.elements()), 60000, 'counting elements');
    const h = await withTimeout(heap(p.cdp), 120000, 'heap');
    // Times and the CDP window (the assignment to the second rAF) from the timing pass; the
    // complete frame, paints, elements and heap from the probed one.
    return {
      ...r, ...paint, setMs: timing.setMs, oneRafMs: timing.oneRafMs, twoRafMs: timing.twoRafMs, probeTwoRafMs: r.twoRafMs,
      scriptMs: timing.scriptMs, styleLayoutMs: timing.styleLayoutMs, taskMs: timing.taskMs, elements, heapBefore, heap: h,
    };
  } finally {
    await p.close();
  }
}


const profiled = new Set();
/** `--profile`: the main thread's self time by function over a V8 CPU profile, the top `k`. */
function topSelf(profile, k = 12) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const f = byId.get(profile.samples[i]).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { total, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, k) };
}

async function scrollRun(base, kind, mode, photos, n, rate) {
  const name = `scroll-${kind}-${mode}-${rate}x`;
  // `--profile`: one extra pass, profiled and not counted (sampling slows the pass it records).
  if (opt.profile && !profiled.has(name)) {
    profiled.add(name);
    await scrollPass(base, kind, mode, photos, n, rate, name);
  }
  return scrollPass(base, kind, mode, photos, n, rate, null);
}

async function scrollPass(base, kind, mode, photos, n, rate, profileName) {
  const p = await openPage(base, kind, mode);
  try {
    await p.page.evaluate(({ photos, n }) => window.__b.build(photos, n), { photos, n });
    await withTimeout(p.page.evaluate((f) => window.__b.firstScreen(f), 120), 120000, `${kind} set-up for scrolling`);
    await p.page.evaluate(() => window.__b.idle(300));
    if (profileName) {
      await p.cdp.send('Profiler.enable');
      await p.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await p.cdp.send('Profiler.start');
    }
    const tracing = opt.traceScroll && !profileName ? await startScrollTrace(p.cdp) : null;
    await p.cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const r = await withTimeout(p.page.evaluate((ms) => window.__b.scroll(ms), opt.scrollMs), opt.scrollMs * 4 + 60000, `${kind} ${mode} scroll`);
    await p.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (tracing) await tracing.save(`scroll-${kind}-${mode}-${rate}x-${++scrollTraces}`);
    if (profileName) {
      const { profile: prof } = await p.cdp.send('Profiler.stop');
      mkdirSync(opt.profile, { recursive: true });
      writeFileSync(path.join(opt.profile, `${profileName}.cpuprofile`), JSON.stringify(prof));
      const { total, top } = topSelf(prof);
      log(`profile ${profileName} (a pass not counted): ${total.toFixed(0)} ms sampled; self time: ${top.map(([k, v]) => `${v.toFixed(1)} ms ${k}`).join('; ')}`);
    }
    const vsync = 1000 / 60;
    return {
      frames: r.frames, reason: r.reason, durationMs: r.durationMs, distance: r.max, pxPerSecond: (r.max * 1000) / opt.scrollMs,
      reachedPct: (100 * r.scrolled) / Math.max(1, r.max),
      longTasks: r.longtasks.length, longTaskMs: r.longtasks.reduce((s, t) => s + t.duration, 0),
      p50Frame: percentile(r.intervals, 50), p95Frame: percentile(r.intervals, 95), maxFrame: Math.max(0, ...r.intervals),
      droppedPct: r.intervals.length ? (100 * r.intervals.filter((x) => x > vsync * 1.5).length) / r.intervals.length : null,
      intervals: r.intervals.map((x) => Math.round(x * 10) / 10),
    };
  } finally {
    await p.close();
  }
}

// ---- bundles -------------------------------------------------------------------------------

const compress = (buf) => ({
  bytes: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
});
/** Separate files are separate responses: each compressed on its own, then summed. */
function bundleRow(name, files, note) {
  const parts = files.map((f) => ({ file: f.name, ...compress(f.buf) }));
  const sum = (k) => parts.reduce((s, x) => s + x[k], 0);
  return { name, note, parts, bytes: sum('bytes'), gzip: sum('gzip'), brotli: sum('brotli') };
}
const nm = (p) => path.join(repo, 'node_modules', p);
const readNm = (p) => ({ name: p, buf: readFileSync(nm(p)) });
async function minifiedCss(p) {
  const out = await transform(readFileSync(nm(p), 'utf8'), { loader: 'css', minify: true, legalComments: 'none' });
  return { name: `${p} (esbuild --minify)`, buf: Buffer.from(out.code) };
}
const LIT_EXTERNAL = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];
async function esbundle(entry, resolveDir, external) {
  const r = await esbuild({
    ...(entry.file ? { entryPoints: [entry.file] } : { stdin: { contents: entry.code, resolveDir, loader: 'js' } }),
    bundle: true, format: 'esm', minify: true, write: false, target: 'es2021', legalComments: 'none', external,
    logLevel: 'silent',
  });
  return Buffer.from(r.outputFiles[0].contents);
}

async function bundles(buildDir) {
  const rows = [];
  const cdn = path.join(buildDir, 'dist/cdn/media-gallery.js');
  rows.push(bundleRow('media-gallery: dist/cdn/media-gallery.js (the CDN entry, Lit included)', [{ name: 'dist/cdn/media-gallery.js', buf: readFileSync(cdn) }], 'rollup + terser + template-literal minifier (the shipped file)'));
  const chunks = readdirSync(path.dirname(cdn)).filter((f) => f.endsWith('.js') && f !== 'media-gallery.js').sort();
  for (const f of chunks) rows.push(bundleRow(`media-gallery: dist/cdn/${f} (a chunk the entry imports)`, [{ name: `dist/cdn/${f}`, buf: readFileSync(path.join(path.dirname(cdn), f)) }], 'the shipped file'));
  if (chunks.length) rows.push(bundleRow('media-gallery: all of dist/cdn/*.js', ['media-gallery.js', ...chunks].map((f) => ({ name: `dist/cdn/${f}`, buf: readFileSync(path.join(path.dirname(cdn), f)) })), 'entry + chunks, each compressed separately'));
  const elDir = path.join(buildDir, 'dist/elements');
  if (existsSync(elDir)) {
    for (const f of readdirSync(elDir).filter((x) => x.endsWith('.js')).sort()) {
      for (const lit of ['external', 'included']) {
        const buf = await esbundle({ file: path.join(elDir, f) }, buildDir, lit === 'external' ? LIT_EXTERNAL : []);
        rows.push(bundleRow(`media-gallery: dist/elements/${f} + imports, Lit ${lit}`, [{ name: `dist/elements/${f}`, buf }], 'esbuild --bundle --minify (no template minifier)'));
      }
    }
  }
  const lvEntry = { code: "import '@lit-labs/virtualizer';\nimport { grid } from '@lit-labs/virtualizer/layouts/grid.js';\nexport { grid };\n" };
  for (const lit of ['external', 'included']) {
    rows.push(bundleRow(`@lit-labs/virtualizer + grid layout, Lit ${lit}`, [{ name: 'lit-virtualizer', buf: await esbundle(lvEntry, repo, lit === 'external' ? LIT_EXTERNAL : []) }], 'esbuild --bundle --minify; a virtual list only, no tiles, no preview'));
  }
  rows.push(bundleRow('Lit 3 (lit: html, LitElement, css)', [{ name: 'lit', buf: await esbundle({ code: "export * from 'lit';\n" }, repo, []) }], 'esbuild --bundle --minify, for reference'));
  const ps = ['photoswipe/dist/photoswipe-lightbox.esm.min.js', 'photoswipe/dist/photoswipe.esm.min.js'].map(readNm);
  rows.push(bundleRow('PhotoSwipe 5: lightbox + core (JS)', ps, 'published .esm.min.js; no grid'));
  rows.push(bundleRow('PhotoSwipe 5: lightbox + core + CSS', [...ps, await minifiedCss('photoswipe/dist/photoswipe.css')], 'CSS minified with esbuild'));
  const lg = ['lightgallery/lightgallery.min.js', 'lightgallery/plugins/zoom/lg-zoom.min.js', 'lightgallery/plugins/thumbnail/lg-thumbnail.min.js', 'lightgallery/plugins/fullscreen/lg-fullscreen.min.js'].map(readNm);
  rows.push(bundleRow('lightGallery 2: core + zoom + thumbnail + fullscreen (JS)', lg, 'published .min.js; no grid'));
  const lgCss = await Promise.all(['lightgallery/css/lightgallery.css', 'lightgallery/css/lg-zoom.css', 'lightgallery/css/lg-thumbnail.css', 'lightgallery/css/lg-fullscreen.css'].map(minifiedCss));
  rows.push(bundleRow('lightGallery 2: the same + CSS', [...lg, ...lgCss], 'CSS minified with esbuild'));
  const versions = Object.fromEntries(['photoswipe', 'lightgallery', '@lit-labs/virtualizer', 'lit', 'esbuild'].map((p) => [p, JSON.parse(readFileSync(nm(`${p}/package.json`), 'utf8')).version]));
  return { rows, versions };
}

// ---- formatting ----------------------------------------------------------------------------

const f1 = (x) => (x == null ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const ms = (x) => (x == null ? '—' : `${f1(x)} ms`);
const int = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US'));
const mib = (x) => (x == null ? '—' : `${(x / 2 ** 20).toFixed(1)} MiB`);
const kib = (x) => (x == null ? '—' : `${(x / 1024).toFixed(1)} KiB`);
const ratio = (x, base) => (x == null || base == null || !base ? '—' : `${(x / base).toFixed(x / base >= 10 ? 0 : x / base >= 1 ? 1 : 2)}×`);
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function report(R) {
  const m = R.machine;
  const out = [];
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${(m.memory / 2 ** 30).toFixed(1)} GiB, ${m.os}; Chromium ${m.chromium} headless (--disable-gpu; playwright-core ${m.playwright}); Node ${m.node}; load average at start ${m.loadStart.map((x) => x.toFixed(2)).join(' ')}, at end ${m.loadEnd.map((x) => x.toFixed(2)).join(' ')}.`);
  out.push(`media-gallery measured: ${R.build.source}. Virtualizer: @lit-labs/virtualizer ${R.versions['@lit-labs/virtualizer']} (${opt.layout} layout).`);
  out.push(`Set-up: viewport ${opt.viewport.width}×${opt.viewport.height}, DPR 1, ${opt.columns} columns, ${opt.gap} px gap, gallery ${opt.galleryHeight} px high (own scroller), ${opt.thumbSize} px WebP thumbnails (16 photos cycled). Medians of ${opt.runs} run(s)${opt.scrollRuns !== opt.runs ? ` (scrolling: ${opt.scrollRuns})` : ''}, each in a fresh browser context. Ratios are other ÷ media-gallery: above 1× media-gallery is faster/smaller, below 1× it is slower/larger.`);
  out.push('');
  const cell = (k, n) => R.firstScreen[`${k}:${n}`];
  const med = (k, n, get) => { const c = cell(k, n); return c ? median(c.runs.map(get)) : null; };
  const sized = opt.sizes;
  const metricTable = (title, get, fmt, note) => {
    out.push(`**${title}**${note ? ` (${note})` : ''}`);
    out.push('');
    const head = ['items', ...KINDS.map((k) => NAME[k]), ...KINDS.filter((k) => k !== 'mg').map((k) => `${NAME[k]} ÷ mg`)];
    out.push(table(head, sized.map((n) => {
      const v = Object.fromEntries(KINDS.map((k) => [k, med(k, n, get)]));
      const skipped = (k) => (k === 'naive' && n > opt.naiveMax ? 'skipped' : fmt(v[k]));
      return [int(n), ...KINDS.map(skipped), ...KINDS.filter((k) => k !== 'mg').map((k) => (KINDS.includes('mg') ? ratio(v[k], v.mg) : '—'))];
    })));
    out.push('');
  };
  metricTable('First screen: set `items`, await two rAFs', (r) => r.twoRafMs, ms, 'performance.now() at the 2nd requestAnimationFrame callback after the assignment');
  metricTable('First screen complete (painted)', (r) => r.completeMs, (x) => ms(x), 'the first frame, after its paint, in which tiles cover every column at the top and bottom of the visible 800 px');
  metricTable('Frames until the first screen is complete', (r) => r.completeFrame, (x) => (x == null ? '—' : String(x)), '1 = the first frame after the assignment');
  metricTable('First thumbnail painted', (r) => r.firstThumbPaintMs, ms, 'first largest-contentful-paint entry after the assignment; includes fetching and decoding a 320 px WebP from localhost');
  metricTable('First screen\'s thumbnails loaded', (r) => r.thumbsLoadedMs, ms, 'the latest responseEnd of the thumbnails fetched after the assignment; in the grid all 16 photos are on the first screen, in masonry overscan fetches can count');
  metricTable('First thumbnail: loaded to painted', (r) => r.firstThumbLagMs, ms, "that largest-contentful-paint entry's startTime minus its loadTime: the page's own delay between the image's bytes arriving and its paint, without the network");
  metricTable('Script time of the first screen', (r) => r.scriptMs, ms, 'CDP Performance.getMetrics ScriptDuration delta from before the assignment to a metrics call sent once the 2nd rAF was reported, in the timing pass: it can include the next frame and idle callbacks');
  metricTable('Style + layout time of the first screen', (r) => r.styleLayoutMs, ms, 'CDP RecalcStyleDuration + LayoutDuration, same window');
  metricTable('Elements after the first screen', (r) => r.elements, int, 'inside the gallery, through open shadow roots');
  metricTable('DOM nodes after the first screen', (r) => r.heap.domNodes, int, 'CDP Memory.getDOMCounters, whole page incl. text nodes, after forced GC');
  metricTable('JS heap used after the first screen', (r) => r.heap.jsUsed, mib, 'after HeapProfiler.collectGarbage; Runtime.getHeapUsage usedSize; the page\'s items array is in all three');
  metricTable('Blink (DOM) heap after the first screen', (r) => r.heap.embedderUsed, mib, 'Runtime.getHeapUsage embedderHeapUsedSize');

  if (Object.keys(R.scroll).length) {
    const dist = median(Object.values(R.scroll).filter((x) => x.kind === 'mg' && x.mode === 'inner').flatMap((x) => x.runs.map((r) => r.distance)));
    out.push(`**Scrolling ${int(opt.scrollItems)} items top to bottom in ${opt.scrollMs / 1000} s** at a constant speed (each rAF callback sets scrollTop = elapsed ÷ ${opt.scrollMs / 1000} s × the maximum; media-gallery's inner scroller: ${int(dist)} px, ≈ ${int(dist / (opt.scrollMs / 1000))} px/s, ${int(dist / (opt.scrollMs / 1000) / 60)} px a 60 Hz frame, ${dist / (opt.scrollMs / 1000) / 60 > opt.galleryHeight ? 'more than a screen per frame, so every frame shows only tiles not shown before' : 'less than a screen per frame'}); inner: the 800 px gallery's own scroller; page: the document (900 px viewport)`);
    out.push('');
    const head = ['scroll', 'CPU', ...KINDS.map((k) => `${NAME[k]}: long tasks`), ...KINDS.map((k) => `${NAME[k]}: p95 frame`), ...KINDS.filter((k) => k !== 'mg').map((k) => `p95 ${NAME[k]} ÷ mg`), `frames rendered (${KINDS.join(' / ')})`];
    const rows = [];
    for (const mode of ['inner', 'page']) {
      for (const rate of opt.throttles) {
        const s = (k) => R.scroll[`${k}:${mode}:${rate}`];
        const md = (k, f) => (s(k) ? median(s(k).runs.map(f)) : null);
        const reached = KINDS.map((k) => (s(k) ? int(md(k, (r) => r.frames)) : '—')).join(' / ');
        rows.push([mode === 'inner' ? 'inner scroller' : 'page', rate === 1 ? 'no throttling' : `${rate}× slower`,
          ...KINDS.map((k) => f1(md(k, (r) => r.longTasks))),
          ...KINDS.map((k) => ms(md(k, (r) => r.p95Frame))),
          ...KINDS.filter((k) => k !== 'mg').map((k) => ratio(md(k, (r) => r.p95Frame), md('mg', (r) => r.p95Frame))),
          reached]);
      }
    }
    out.push(table(head, rows));
    out.push('');
    out.push('Long tasks: median count per pass. Frame time: interval between consecutive requestAnimationFrame timestamps (16.7 ms = every vsync); p95 over one pass, then the median over passes.');
    out.push('');
  }

  if (R.bundles) {
    out.push('**Bundle size** (separate files compressed separately and summed; gzip -9, brotli quality 11)');
    out.push('');
    const mgGzip = R.bundles.rows[0].gzip;
    out.push(table(['', 'minified', 'gzip -9', 'brotli', 'gzip ÷ media-gallery CDN', 'how'], R.bundles.rows.map((b) => [b.name, int(b.bytes), `${int(b.gzip)} (${kib(b.gzip)})`, `${int(b.brotli)} (${kib(b.brotli)})`, ratio(b.gzip, mgGzip), b.note ?? ''])));
    out.push('');
  }
  if (R.notes.length) out.push(R.notes.map((n) => `Note: ${n}`).join('\n'));
  return out.join('\n');
}

// ---- main ----------------------------------------------------------------------------------

async function cleanup() {
  if (browser) await withTimeout(browser.close(), 20000, 'closing Chromium').catch(() => undefined);
  browser = null;
  if (server) { server.closeAllConnections?.(); await new Promise((r) => server.close(() => r())); server = null; }
}

async function main() {
  const buildInfo = ensureBuild();
  log(`media-gallery: ${buildInfo.source}`);
  const { photos, thumbs } = await makePhotos();
  const lvJs = await virtualizerScript();
  server = await startServer({ cdnDir: path.join(buildInfo.dir, 'dist/cdn'), lvJs, thumbs });
  const base = `http://127.0.0.1:${server.address().port}`;
  browser = await withTimeout(chromium.launch({
    executablePath: opt.chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: 60000,
  }), 90000, 'launching Chromium');

  const R = {
    date: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model?.trim() ?? 'unknown CPU', cores: os.availableParallelism?.() ?? os.cpus().length, memory: os.totalmem(),
      os: `${os.type()} ${os.release()} ${os.arch()}`, chromium: browser.version(), node: process.version,
      playwright: JSON.parse(readFileSync(nm('playwright-core/package.json'), 'utf8')).version, loadStart: os.loadavg(),
    },
    options: { ...opt, json: path.relative(repo, opt.json) },
    build: buildInfo, photos, versions: {}, firstScreen: {}, scroll: {}, bundles: null, notes: [],
  };

  if (opt.bundle) {
    R.bundles = await bundles(buildInfo.dir);
    R.versions = R.bundles.versions;
  } else {
    R.versions = { '@lit-labs/virtualizer': JSON.parse(readFileSync(nm('@lit-labs/virtualizer/package.json'), 'utf8')).version };
  }

  // Repetitions are interleaved (run 1 of each page, then run 2 of each, the order rotating),
  // so a change in the machine's background load falls on all three pages alike.
  const rotate = (xs, i) => xs.map((_, j) => xs[(i + j) % xs.length]);
  for (const n of opt.sizes) {
    const kinds = KINDS.filter((k) => !(k === 'naive' && n > opt.naiveMax));
    if (kinds.length < KINDS.length) R.notes.push(`naive page skipped at ${int(n)} items (--naive-max ${opt.naiveMax}).`);
    for (const k of kinds) R.firstScreen[`${k}:${n}`] = { kind: k, n, runs: [] };
    for (let i = 0; i < opt.runs; i++) {
      for (const kind of rotate(kinds, i)) {
        log(`[${elapsed()}] first screen: ${kind}, ${int(n)} items, run ${i + 1}/${opt.runs}`);
        R.firstScreen[`${kind}:${n}`].runs.push(await firstScreenRun(base, kind, photos, n, i === 0));
      }
    }
    for (const kind of kinds) {
      const runs = R.firstScreen[`${kind}:${n}`].runs;
      const incomplete = runs.filter((r) => r.completeMs == null).length;
      if (incomplete) R.notes.push(`${NAME[kind]} at ${int(n)} items: the first screen was not complete within 120 frames in ${incomplete}/${runs.length} runs.`);
    }
  }

  if (opt.scroll) {
    for (const mode of ['inner', 'page']) {
      for (const rate of opt.throttles) {
        for (const k of KINDS) R.scroll[`${k}:${mode}:${rate}`] = { kind: k, mode, rate, n: opt.scrollItems, runs: [] };
        for (let i = 0; i < opt.scrollRuns; i++) {
          for (const kind of rotate(KINDS, i)) {
            log(`[${elapsed()}] scroll: ${kind}, ${mode}, CPU ${rate}×, run ${i + 1}/${opt.scrollRuns}`);
            R.scroll[`${kind}:${mode}:${rate}`].runs.push(await scrollRun(base, kind, mode, photos, opt.scrollItems, rate));
          }
        }
        for (const kind of KINDS) {
          const runs = R.scroll[`${kind}:${mode}:${rate}`].runs;
          const capped = runs.filter((r) => r.reason !== 'bottom').length;
          if (capped) R.notes.push(`${NAME[kind]}, ${mode} scroll at ${rate}×: ${capped}/${runs.length} passes stopped at 3 × --scroll-ms before the bottom.`);
        }
      }
    }
  }
  R.machine.loadEnd = os.loadavg();
  R.totalSeconds = (performance.now() - started) / 1000;
  await cleanup();
  mkdirSync(path.dirname(opt.json), { recursive: true });
  writeFileSync(opt.json, JSON.stringify(R, (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v), 2));
  console.log(report(R));
  log(`\nraw results: ${path.relative(process.cwd(), opt.json)}; total ${elapsed()}`);
}

const watchdog = setTimeout(() => { log('✖ bench/compare.mjs: the whole run took longer than 30 minutes'); void cleanup().finally(() => process.exit(1)); }, 30 * 60 * 1000);
main().then(() => clearTimeout(watchdog), async (e) => {
  clearTimeout(watchdog);
  log(`\n✖ bench/compare.mjs: ${e?.stack ?? e}`);
  await cleanup();
  process.exit(1);
});
