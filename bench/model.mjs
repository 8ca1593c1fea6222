#!/usr/bin/env node
/**
 * `node bench/model.mjs [--runs 21] [--sizes 1000,10000,100000] [--browser] [--kinds grid,masonry] [--modes eager,lazy] [--root DIR]`
 *
 * The model + layout part of setting `items` on `<media-gallery>`, without the DOM: what
 * `_setItems` and the first render ask of the store and the virtual grid, timed together
 * per assignment of a fresh array:
 *
 *   keyAt(selected)  → store.set(items) → indexOfKey(key) (selection follows its item)
 *   → grid.layout() → grid.range(focus) → store.at(i) for every index in that range
 *
 * `eager`: store.set(items) normalises every item; `lazy`: store.set(items, undefined, true)
 * copies the list and normalises what is read (a store without the lazy mode is eager).
 *
 * Items are `{src, width, height, caption}` ("untyped": bench/grid.mjs's shape) and
 * `{src, thumb, width, height, alt, type}` ("typed": bench/compare.mjs's shape), parsed from
 * JSON before the clock starts (as a fetched list would be). The store held 50 other items,
 * one of them selected: the selection's key is looked for in the new items and not found
 * (the worst case: every item is compared). A garbage collection runs before each timing.
 * Prints the median (and min) in ms per size, shape and layout kind.
 * In Node by default; `--browser` runs the same code in headless Chromium (/usr/bin/chromium,
 * playwright-core) as well. The source is bundled from src/ with esbuild, so it measures the
 * working tree.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
// --root DIR: bundle another checkout's src/ (e.g. `git archive <rev> src | tar -x -C DIR`), for before/after.
const repo = path.resolve(process.argv.includes('--root') ? process.argv[process.argv.indexOf('--root') + 1] : path.resolve(here, '..'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const opt = {
  runs: Math.max(1, Number(arg('runs', '21'))),
  sizes: arg('sizes', '1000,10000,100000').split(',').map(Number).filter((n) => n > 0),
  kinds: arg('kinds', 'grid,masonry').split(','),
  modes: arg('modes', 'eager,lazy').split(','),
  browser: process.argv.includes('--browser'),
  chromium: arg('chromium', '/usr/bin/chromium'),
};

// The code that runs (in Node or in the page): `run(lib, opt)` → rows.
const entry = `
export { GalleryStore } from './src/model/store.ts';
export { VirtualGridController } from './src/controllers/virtual-grid.ts';
`;

function run(lib, opt) {
  const { GalleryStore, VirtualGridController } = lib;
  const now = () => performance.now();
  const median = (xs) => { const a = [...xs].sort((p, q) => p - q), m = a.length >> 1; return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2; };
  const shapes = {
    untyped: (i) => ({ src: '/examples/photos/p' + (i % 16) + '.jpg?i=' + i, width: 1200 + (i % 7), height: 800, caption: 'Photo #' + (i + 1) }),
    typed: (i) => ({ src: '/examples/photos/p' + (i % 16) + '.jpg?i=' + i, thumb: '/t/p' + (i % 16) + '.webp', width: 1200 + (i % 7), height: 800, alt: 'Photo ' + i, type: 'image' }),
  };
  const rows = [];
  const gc = globalThis.gc ?? (() => {});
  for (const mode of opt.modes) for (const kind of opt.kinds) {
    for (const [shape, make] of Object.entries(shapes)) {
      for (const n of opt.sizes) {
        const times = [];
        // A warm-up assignment, then `runs` timed ones, each of a fresh array into a store
        // that already holds one (as a page replacing its items does).
        for (let r = -1; r < opt.runs; r++) {
          const store = new GalleryStore();
          const host = { addController() {}, requestUpdate() {}, renderRoot: null };
          const grid = new VirtualGridController(host, store, () => ({ kind, height: 800, rows: null, columnsAt: () => 6, gap: { x: 8, y: 8 }, rowHeight: 220 }));
          Object.assign(grid.viewport, { width: 1264, top: 0, bottom: 800, viewport: 800 });
          store.set(Array.from({ length: 50 }, (_, i) => ({ ...make(i), src: 'old/' + i + '.jpg' })));
          grid.layout();
          const items = JSON.parse(JSON.stringify(Array.from({ length: n }, (_, i) => make(i))));
          gc();
          const t0 = now();
          const key = store.keyAt(5);
          store.set(items, undefined, mode === 'lazy');
          const sel = Math.max(0, store.indexOfKey(key, 5));
          grid.layout();
          const { indices } = grid.range(sel);
          let s = 0;
          for (const i of indices) s += store.at(i).src.length;
          const t1 = now();
          if (!(s > 0) || store.length !== n) throw new Error('bench: wrong result');
          if (r >= 0) times.push(t1 - t0);
        }
        rows.push({ mode, kind, shape, n, median: median(times), min: Math.min(...times) });
      }
    }
  }
  return rows;
}

const bundle = await build({
  stdin: { contents: entry, resolveDir: repo, loader: 'js' },
  bundle: true, format: 'iife', globalName: '__lib', write: false, target: 'es2021', platform: 'browser',
});
const code = bundle.outputFiles[0].text;

function print(where, rows) {
  console.log(`\n${where}: store.set + layout + first range, ms (median of ${opt.runs}, min)`);
  console.log('| set | layout | items | 1k | 10k | 100k |'.replace('1k | 10k | 100k', opt.sizes.map((n) => n.toLocaleString('en-US')).join(' | ')));
  console.log(`|---|---|---|${opt.sizes.map(() => '---').join('|')}|`);
  const groups = new Map();
  for (const r of rows) {
    const k = `${r.mode} | ${r.kind} | ${r.shape}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(`${r.median.toFixed(2)} (${r.min.toFixed(2)})`);
  }
  for (const [k, v] of groups) console.log(`| ${k} | ${v.join(' | ')} |`);
}

// Node: evaluate the IIFE bundle in this realm (with --expose-gc, re-run with it).
if (!globalThis.gc) {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const lib = new Function(`${code}; return __lib;`)();
print(`Node ${process.version}`, run(lib, opt));

if (opt.browser) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: opt.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'] });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: code });
    const rows = await page.evaluate(`(${run})(__lib, ${JSON.stringify(opt)})`);
    print(`Chromium ${browser.version()}`, rows);
  } finally {
    await browser.close();
  }
}
