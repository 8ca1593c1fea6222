// Server-side rendering with @lit-labs/ssr (issue 10). A page is rendered in Node with
// `render()` + `collectResult()`: a `<media-gallery columns="3">` of 6 real photos, a standalone
// `<gallery-thumb>` and `<gallery-preview>`, and a `<media-gallery>` of light-DOM `<img>`
// children. A plain Node server serves it with the photos and a client bundle (esbuild, from
// the TypeScript source: @lit-labs/ssr-client's hydrate support first, then the elements).
// Chromium (the Debian binary, driven by puppeteer-core; nothing is downloaded) loads it:
//   - with JavaScript disabled: the declarative shadow DOM shows the photos, the tiles laid out
//     in 3 columns by CSS alone, and the children gallery's <img> children stay visible;
//   - with JavaScript: the elements hydrate with no console error, every tile stays where the
//     server's HTML put it in every frame (±2 px: no flash), and a click on a tile fires
//     `select` and opens the preview.
// Also: importing `media-gallery/cdn` in plain Node (its `node` export) throws nothing and
// schedules no preview import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync, execSync } from 'node:child_process';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import sharp from 'sharp';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import '../../elements/media-gallery.js';
import '../../elements/gallery-thumb.js';
import '../../elements/gallery-preview.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const PHOTOS = ['Aqua.jpg', 'Dune.jpg', 'Elephants.jpg', 'Garden.jpg', 'LadyBird.jpg', 'Storm.jpg', 'Blinds.jpg', 'GreenMeadow.jpg', 'FreshFlower.jpg', 'RainDrops.jpg', 'GreenTraditional.jpg', 'Float-into-MATE.png'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.jpg': 'image/jpeg', '.png': 'image/png' };

interface Item { src: string; width: number; height: number; caption: string; alt: string }

/** The first `n` photos of examples/photos as items, with their real sizes, captions and alt text. */
async function photos(n: number): Promise<Item[]> {
  return Promise.all(PHOTOS.slice(0, n).map(async (name) => {
    const meta = await sharp(join(root, 'examples/photos', name)).metadata();
    const text = JSON.parse(readFileSync(join(root, 'examples/photos', name.replace(/\.\w+$/, '.json')), 'utf8')) as { caption: string; alt: string };
    return { src: `/photos/${name}`, width: meta.width!, height: meta.height!, caption: text.caption, alt: text.alt };
  }));
}

const gallery = (items: Item[]) => html`<media-gallery id="g" columns="3" label="Photos" .items=${items}></media-gallery>`;

/** The page's body: what the server renders, and what the client hydrates with the same data. */
const body = (items: Item[]) => html`
  <section id="s-gallery">${gallery(items)}</section>
  <section id="s-children">
    <media-gallery id="c" columns="3" label="From children">
      <img src="/photos/${PHOTOS[6]}" alt="Blinds" width="240" height="180">
      <img src="/photos/${PHOTOS[7]}" alt="Green meadow" width="240" height="180">
    </media-gallery>
  </section>
  <section id="s-thumb"><gallery-thumb id="t" .item=${items[0]}></gallery-thumb></section>
  <section id="s-preview"><gallery-preview id="p" .items=${items}></gallery-preview></section>`;


/** Count of `<style` in an HTML string. */
const styles = (s: string) => (s.match(/<style[\s>]/g) ?? []).length;

// The client, in the order hydration needs: hydrate support before Lit, then the page's data set
// on the server-rendered elements (top-level property bindings are not in the HTML), then the
// elements, which find their declarative shadow roots and hydrate them.
const CLIENT = `
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
const data = JSON.parse(document.getElementById('ssr-data').textContent);
document.getElementById('g').items = data.items;
document.getElementById('t').item = data.items[0];
document.getElementById('p').items = data.items;
window.ssrSelects = [];
document.getElementById('g').addEventListener('select', (e) => window.ssrSelects.push(e.detail.index));
await Promise.all([import('./elements/media-gallery.ts'), import('./elements/gallery-thumb.ts'), import('./elements/gallery-preview.ts')]);
`;

let server: Server;
let base = '';
let items: Item[] = [];
let page6 = '';
const files = new Map<string, Uint8Array | string>();

before(async () => {
  items = await photos(6);
  page6 = await collectResult(render(body(items)));
  // `<` escaped: the JSON cannot close the script element.
  const json = JSON.stringify({ items }).replace(/</g, '\\u003c');
  files.set('/', `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SSR</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; }
  section { width: 900px; margin: 0 0 24px; }
  #s-thumb { width: 240px; }
</style>
</head>
<body>
${page6}
<script type="application/json" id="ssr-data">${json}</script>
<script type="module" src="/client.js"></script>
</body>
</html>`);
  const out = await build({
    stdin: { contents: CLIENT, resolveDir: root, sourcefile: 'client.js', loader: 'js' },
    bundle: true, splitting: true, format: 'esm', minify: false, write: false, outdir: join(root, 'tmp/ssr-client'),
    // ignoreAnnotations: package.json `sideEffects` names dist/elements/*.js, not the sources
    // bundled here, whose registration imports esbuild would otherwise drop.
    platform: 'browser', target: 'es2022', entryNames: 'client', ignoreAnnotations: true, logLevel: 'silent',
  });
  for (const f of out.outputFiles) files.set(`/${f.path.slice(join(root, 'tmp/ssr-client').length + 1)}`, f.contents);
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let body = files.get(path);
    const photo = path.startsWith('/photos/') && join(root, 'examples/photos', path.slice(8).replace(/[/\\]/g, ''));
    if (body === undefined && photo && existsSync(photo)) body = readFileSync(photo);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path === '/' ? '.html' : extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

after(() => new Promise<void>((r) => server.close(() => r())));

test('server: the page renders without throwing, every element in declarative shadow DOM', async () => {
  for (const tag of ['media-gallery', 'gallery-thumb', 'gallery-preview']) {
    assert.match(page6, new RegExp(`<${tag}\\b[^>]*>\\s*<template shadowroot(mode)?="open"`), `<${tag}> has a declarative shadow root`);
  }
  // The photos are in the HTML itself: a browser without JavaScript can show them.
  for (const it of items) assert.ok(page6.includes(`src="${it.src}"`), `${it.src} is in the HTML`);
  // Elements that need the browser render nothing that throws in other states either.
  const more = [
    html`<media-gallery columns="2 600:3" height="400" show-like-dislike show-favorite-button action-label="Act" has-more infinite-scroll selected-index="1" history slideshow="3000" .items=${items}></media-gallery>`,
    html`<media-gallery preview preview-mode="inline" layout="masonry" dir="rtl" .items=${items}></media-gallery>`,
    html`<form><media-gallery interactive name="photos" required .items=${items}></media-gallery></form>`,
    html`<media-gallery src="/gallery.json"></media-gallery>`,
    html`<gallery-preview modal open selected-index="2" wheel-zoom .items=${items}></gallery-preview>`,
    html`<gallery-preview src="/photos/Aqua.jpg" caption="Aqua"></gallery-preview>`,
    html`<gallery-toolbar label="Tools"><button>A</button></gallery-toolbar>`,
  ];
  for (const t of more) await collectResult(render(t));
});

test('server: the gallery\'s tiles share its styles (no <style> per tile)', async () => {
  const six = await collectResult(render(gallery(items)));
  const twelve = await collectResult(render(gallery(await photos(12))));
  // One <style> for the gallery's shadow root, plus the header toolbar's and the preview
  // shell's: the same count for 6 tiles as for 12 (tiles have no shadow root of their own).
  assert.equal(styles(twelve), styles(six), `<style> count grows with the tiles: ${styles(six)} for 6 tiles, ${styles(twelve)} for 12`);
  assert.ok(styles(six) <= 3, `${styles(six)} <style> elements in the gallery`);
});

test('media-gallery/cdn imports in plain Node (the `node` export) without throwing or loading the preview', { timeout: 180_000 }, () => {
  if (!existsSync(join(root, 'dist/src/cdn.js'))) execSync('npm run build', { cwd: root, stdio: 'inherit' });
  // A fresh process: no DOM shim from this file. The `node` condition picks dist/src/cdn.js.
  const out = execFileSync(process.execPath, ['-e', `
    const started = Date.now();
    import('media-gallery/cdn').then((m) => {
      console.log(JSON.stringify({ MediaGallery: typeof m.MediaGallery, loadPreview: typeof m.loadPreview, document: typeof document }));
      process.on('exit', () => console.log(JSON.stringify({ preview: !!globalThis.customElements?.get('gallery-preview'), ms: Date.now() - started })));
    });`], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  const [loaded, exit] = out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(loaded, { MediaGallery: 'function', loadPreview: 'function', document: 'undefined' });
  // No idle import of the preview on the server: nothing keeps the process alive.
  assert.equal(exit.preview, false);
});

const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--window-size=1000,1000'];

async function withPage(js: boolean, fn: (page: Page, errors: string[]) => Promise<void>) {
  const browser: Browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_ARGS, defaultViewport: { width: 1000, height: 1000 } });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url ?? ''})`); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setJavaScriptEnabled(js);
    await fn(page, errors);
  } finally {
    await browser.close();
  }
}

type Rect = { x: number; y: number; w: number; h: number };

/** The first 6 tiles of gallery #g (its `thumb` parts) and the size of each one's image. Runs in the page. */
const TILES = `(() => {
  const sr = document.getElementById('g')?.shadowRoot;
  const tiles = [...(sr?.querySelectorAll('[part~="thumb"]') ?? [])].slice(0, 6);
  return tiles.map((t) => {
    const r = t.getBoundingClientRect();
    const img = (t.shadowRoot ?? t).querySelector('img');
    const i = img?.getBoundingClientRect();
    return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height), img: i ? { w: Math.round(i.width), h: Math.round(i.height), loaded: img.complete && img.naturalWidth > 0 } : null };
  });
})()`;

type Tile = Rect & { img: { w: number; h: number; loaded: boolean } | null };

/** Asserts 6 tiles, each over 50 px square with its image shown, in 3 columns of 2 rows. */
function assertGrid(tiles: Tile[], what: string) {
  assert.equal(tiles.length, 6, `${what}: 6 tiles`);
  for (const [i, t] of tiles.entries()) {
    assert.ok(t.w > 50 && t.h > 50, `${what}: tile ${i} is ${t.w}×${t.h}`);
    assert.ok(t.img && t.img.w > 50 && t.img.h > 50, `${what}: tile ${i}'s image is shown: ${JSON.stringify(t.img)}`);
  }
  const xs = [...new Set(tiles.map((t) => t.x))].sort((a, b) => a - b);
  const ys = [...new Set(tiles.map((t) => t.y))].sort((a, b) => a - b);
  assert.equal(xs.length, 3, `${what}: 3 columns: ${JSON.stringify(tiles)}`);
  assert.equal(ys.length, 2, `${what}: 2 rows: ${JSON.stringify(tiles)}`);
  assert.deepEqual(tiles.slice(0, 3).map((t) => t.y), [ys[0], ys[0], ys[0]], `${what}: tiles 0-2 in the first row`);
}

let noJsTiles: Tile[] = [];

const SKIP = !existsSync(CHROMIUM) && `${CHROMIUM} not installed`;

test('Chromium without JavaScript: declarative shadow DOM renders every element; the gallery\'s tiles, the thumb and the preview show their photos', { skip: SKIP, timeout: 90_000 }, async () => {
  await withPage(false, async (page) => {
    await page.goto(`${base}/`, { waitUntil: 'load' });
    // The script did not run: no element is defined, yet each has its shadow root.
    const state = await page.evaluate(`({
      defined: !!customElements.get('media-gallery'),
      roots: ['g', 't', 'p', 'c'].map((id) => !!document.getElementById(id).shadowRoot),
    })`) as { defined: boolean; roots: boolean[] };
    assert.deepEqual(state, { defined: false, roots: [true, true, true, true] });
    const standalone = await page.evaluate(`['t', 'p'].map((id) => {
      const img = document.getElementById(id).shadowRoot.querySelector('img');
      const r = img?.getBoundingClientRect();
      return r ? { w: Math.round(r.width), h: Math.round(r.height), loaded: img.complete && img.naturalWidth > 0 } : null;
    })`) as Array<{ w: number; h: number; loaded: boolean } | null>;
    for (const [i, s] of standalone.entries()) assert.ok(s && s.w > 50 && s.h > 50 && s.loaded, `${['thumb', 'preview'][i]} image: ${JSON.stringify(s)}`);
    // The gallery's first tiles each show their photo (where they stand: see the next test).
    const tiles = await page.evaluate(TILES) as Tile[];
    assert.equal(tiles.length, 6);
    for (const [i, t] of tiles.entries()) assert.ok(t.w > 50 && t.h > 50 && t.img && t.img.w > 50 && t.img.h > 50, `tile ${i}: ${JSON.stringify(t)}`);
  });
});

test('Chromium without JavaScript: the gallery\'s photos in 3 columns, laid out by CSS alone', { skip: SKIP, timeout: 90_000 }, async () => {
  await withPage(false, async (page) => {
    await page.goto(`${base}/`, { waitUntil: 'load' });
    noJsTiles = await page.evaluate(TILES) as Tile[];
    assertGrid(noJsTiles, 'no JavaScript');
    for (const t of noJsTiles.slice(0, 3)) assert.ok(t.img?.loaded, 'first-row photos loaded');
  });
});

test('Chromium without JavaScript: a gallery\'s light-DOM <img> children stay visible', { skip: SKIP, timeout: 90_000 }, async () => {
  await withPage(false, async (page) => {
    await page.goto(`${base}/`, { waitUntil: 'load' });
    // The server renders the shadow root before the children and cannot see them: the gallery
    // must keep its default slot visible (and show no empty state) while they are pending.
    const kids = await page.evaluate(`[...document.querySelectorAll('#c > img')].map((i) => { const r = i.getBoundingClientRect(); return { w: Math.round(r.width), h: Math.round(r.height) }; })`) as Rect[];
    assert.equal(kids.length, 2);
    for (const k of kids) assert.ok(k.w > 50 && k.h > 50, `light-DOM child shown: ${JSON.stringify(kids)}`);
  });
});

/** Loads the page with JavaScript, recording where the tiles are in every frame from the first paint of the server's HTML until a second after the elements are defined. */
async function hydrated(page: Page) {
  await page.evaluateOnNewDocument(`
    window.ssrFrames = [];
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      let until = Infinity;
      const frame = () => {
        window.ssrFrames.push({ defined: !!customElements.get('media-gallery'), tiles: ${TILES} });
        if (customElements.get('media-gallery') && until === Infinity) until = performance.now() + 1000;
        if (performance.now() < until) requestAnimationFrame(frame); else window.ssrFramesDone = true;
      };
      frame();
    });`);
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await page.waitForFunction('window.ssrFramesDone === true', { timeout: 20_000 });
  return page.evaluate('window.ssrFrames') as Promise<Array<{ defined: boolean; tiles: Tile[] }>>;
}

test('Chromium with JavaScript: the page hydrates with no error; a click on a tile selects it and opens the preview', { skip: SKIP, timeout: 90_000 }, async () => {
  await withPage(true, async (page, errors) => {
    const frames = await hydrated(page);
    assert.ok(frames[0] && !frames[0].defined, 'a frame of the server HTML before the elements were defined');
    assert.deepEqual(errors, [], 'no console error during hydration');
    const g = await page.evaluate(`(() => { const g = document.getElementById('g'); return { hydrated: g.hasUpdated, items: g.items.length, tiles: g.shadowRoot.querySelectorAll('[part~="thumb"]').length }; })()`) as { hydrated: boolean; items: number; tiles: number };
    assert.deepEqual(g, { hydrated: true, items: 6, tiles: 6 });
    assert.deepEqual(await page.evaluate(`['t', 'p', 'c'].map((id) => document.getElementById(id).hasUpdated)`), [true, true, true]);
    assert.deepEqual(await page.evaluate(`document.getElementById('c').items.map((i) => i.alt)`), ['Blinds', 'Green meadow']);
    // A click on the second tile: `select` with index 1, and the preview opens on it.
    const t1 = (await page.evaluate(TILES) as Tile[])[1];
    await page.mouse.click(t1.x + t1.w / 2, t1.y + t1.h / 2);
    await page.waitForFunction(`window.ssrSelects.length > 0`, { timeout: 5_000 });
    assert.deepEqual(await page.evaluate('window.ssrSelects'), [1]);
    await page.waitForFunction(() => !!document.getElementById('g')?.shadowRoot?.querySelector('gallery-preview')?.shadowRoot?.querySelector('dialog[open]'), { timeout: 10_000 });
    assert.equal(await page.evaluate(`document.getElementById('g').preview`), true);
    assert.deepEqual(errors, [], 'no console error after opening the preview');
  });
});

test('Chromium with JavaScript: no flash: every tile stays where the server\'s HTML put it, in every frame', { skip: SKIP, timeout: 90_000 }, async () => {
  await withPage(true, async (page) => {
    const frames = await hydrated(page);
    const first = frames[0];
    assert.ok(frames.some((f) => f.defined), 'frames after the elements were defined');
    assertGrid(first.tiles, 'server HTML, first frame');
    for (const [k, f] of frames.entries()) {
      assert.equal(f.tiles.length, 6, `frame ${k}: 6 tiles`);
      for (const [i, t] of f.tiles.entries()) {
        const t0 = first.tiles[i];
        assert.ok(Math.abs(t.x - t0.x) <= 2 && Math.abs(t.y - t0.y) <= 2 && Math.abs(t.w - t0.w) <= 2 && Math.abs(t.h - t0.h) <= 2,
          `frame ${k}${f.defined ? ' (elements defined)' : ''}: tile ${i} at ${JSON.stringify(t)}, was ${JSON.stringify(t0)}`);
        assert.ok(t.img && t.img.w > 50, `frame ${k}: tile ${i}'s image shown`);
      }
    }
    // Where the page without JavaScript put them, too.
    for (const [i, t] of noJsTiles.entries()) {
      assert.ok(Math.abs(t.x - first.tiles[i].x) <= 2 && Math.abs(t.y - first.tiles[i].y) <= 2, `tile ${i} as without JavaScript`);
    }
  });
});
