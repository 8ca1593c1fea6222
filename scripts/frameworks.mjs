#!/usr/bin/env node
// `npm run test:frameworks`: the package in real framework apps, as a user installs it.
//
// examples/frameworks/ holds five small apps (React 19 + Vite with the tags, React 18 with the
// @lit/react wrappers, React 19 SSR + hydrateRoot, Vue 3, Angular) as one npm workspace. This
// script copies them to tmp/frameworks/ (gitignored: node_modules and builds stay there),
// packs dist/ into tmp/frameworks/media-gallery.tgz (run `npm run build` first), installs
// everything once (one node_modules, one TypeScript, one Vite; Angular's CLI runs on the Node
// 22 of the `node` package, installed there), then for each app:
//   - type-checks it strictly (tsc / vue-tsc strictTemplates / ngc strictTemplates) and checks
//     that the app declares nothing itself (no .d.ts, no `declare module`/`declare global`);
//   - builds it for production, and again without the gallery (stubs) to measure what the
//     gallery adds (gzip of the JS the page loads);
//   - drives it in Chromium: tiles render, a click on a tile opens the preview and reaches the
//     app's state (select), Like reaches the app's state, a new array re-renders, and unmounting
//     leaves no page error and no listener on window/document/html/body that was not there
//     before the gallery mounted; the SSR app also after hydration of the server's HTML.
// Prints the table app × checks; exits 1 if any check fails.
//
// Environment: CHROME_PATH (default /usr/bin/chromium); FRAMEWORKS=react19,vue runs some apps.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const source = join(root, 'examples/frameworks');
const work = join(root, 'tmp/frameworks');
const started = Date.now();
const APPS = [
  { name: 'react19', label: 'React 19 + Vite, tags (react-jsx)', dist: 'dist', baseline: 'dist-baseline' },
  { name: 'react18', label: 'React 18 + @lit/react wrapper', dist: 'dist', baseline: 'dist-baseline' },
  { name: 'react-ssr', label: 'React 19 SSR + hydrateRoot (wrapper)', dist: 'dist/client', baseline: 'dist-baseline', ssr: true },
  { name: 'vue', label: 'Vue 3 + vue-tsc strictTemplates', dist: 'dist', baseline: 'dist-baseline' },
  { name: 'angular', label: 'Angular 22 strictTemplates', dist: 'dist/browser', baseline: 'dist-baseline/browser' },
].filter((a) => !process.env.FRAMEWORKS || process.env.FRAMEWORKS.split(',').includes(a.name));

const env = { ...process.env, CI: 'true', NG_CLI_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' };
const time = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
function run(cmd, args, cwd, extra = {}) {
  return execFileSync(cmd, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}
function attempt(cmd, args, cwd, extra) {
  try {
    return { ok: true, out: run(cmd, args, cwd, extra) };
  } catch (e) {
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}`.split('\n').filter((l) => !/nodedir|^npm (warn|error) (Lifecycle|code|path|workspace|location|command)/.test(l)).join('\n') };
  }
}

// 1. The package, packed from the current build.
if (!existsSync(join(root, 'dist/src/index.js'))) {
  console.error('✖ dist/ is not built: run `npm run build` first.');
  process.exit(1);
}
mkdirSync(work, { recursive: true });
const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root))[0];
rmSync(join(work, 'media-gallery.tgz'), { force: true });
cpSync(join(work, packed.filename), join(work, 'media-gallery.tgz'));
rmSync(join(work, packed.filename));

// 2. The apps' sources (examples/frameworks is the truth; builds and node_modules stay here).
cpSync(source, work, { recursive: true, filter: (p) => !/[\\/](node_modules|dist|dist-baseline)$/.test(p) });

// 3. One install. The tarball keeps its name across builds: drop the installed copy (and its
// lock entries) so npm extracts the new one.
rmSync(join(work, 'node_modules/media-gallery'), { recursive: true, force: true });
for (const lock of ['package-lock.json', 'node_modules/.package-lock.json']) {
  const file = join(work, lock);
  if (!existsSync(file)) continue;
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of Object.keys(data.packages ?? {})) if (/(^|\/)node_modules\/media-gallery$/.test(key)) delete data.packages[key];
  writeFileSync(file, JSON.stringify(data, null, 2));
}
console.log(`== npm install (tmp/frameworks, ${APPS.length} apps, one node_modules)`);
const install = attempt('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], work);
if (!install.ok) {
  console.error(install.out);
  process.exit(1);
}
console.log(`   done at ${time()}; node_modules ${(du(join(work, 'node_modules')) / 1e6).toFixed(0)} MB`);

function du(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) n += du(p);
    else if (e.isFile()) n += statSync(p).size;
  }
  return n;
}
function files(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('dist')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

/** gzip of the JS a page loads at start (index.html's scripts and modulepreloads) and of the rest (lazy chunks). */
function jsGzip(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const linked = new Set([...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]));
  let initial = 0;
  let lazy = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) {
        const size = gzipSync(readFileSync(p), { level: 9 }).length;
        if (linked.has(relative(dir, p))) initial += size;
        else lazy += size;
      }
    }
  };
  walk(dir);
  return { initial, lazy };
}

// 4. Per app: type-check, build, measure.
const results = [];
for (const app of APPS) {
  const dir = join(work, app.name);
  const r = { app, notes: [] };
  results.push(r);
  console.log(`== ${app.name}: ${app.label}`);
  const own = files(dir).filter((f) => /\.(ts|tsx|vue|mjs)$/.test(f));
  const declaring = own.filter((f) => f.endsWith('.d.ts') || /declare\s+(module|global|namespace)|interface\s+IntrinsicElements/.test(readFileSync(f, 'utf8')));
  const tc = attempt('npm', ['run', 'typecheck', '--silent'], dir);
  r.typechecks = tc.ok && declaring.length === 0;
  if (!tc.ok) r.notes.push(`type-check:\n${tc.out}`);
  if (declaring.length) r.notes.push(`declares types itself: ${declaring.map((f) => relative(work, f)).join(', ')}`);
  console.log(`   type-check ${r.typechecks ? '✔' : '✖'} (${time()})`);
  for (const d of [app.dist, app.baseline]) rmSync(join(dir, d.split('/')[0]), { recursive: true, force: true });
  const build = attempt('npm', ['run', 'build', '--silent'], dir);
  const base = build.ok ? attempt('npm', ['run', 'build:baseline', '--silent'], dir) : build;
  r.builds = build.ok && existsSync(join(dir, app.dist, 'index.html'));
  if (!build.ok) r.notes.push(`build:\n${build.out}`);
  if (build.ok && !base.ok) r.notes.push(`baseline build:\n${base.out}`);
  if (r.builds && base.ok) {
    const withGallery = jsGzip(join(dir, app.dist));
    const without = jsGzip(join(dir, app.baseline));
    r.gzip = { initial: withGallery.initial - without.initial, lazy: withGallery.lazy - without.lazy, app: withGallery.initial };
  }
  console.log(`   build ${r.builds ? '✔' : '✖'} (${time()})`);
}

// 5. Serve and drive.
function serveStatic(dir) {
  const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml', '.ico': 'image/x-icon' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}
function serveSsr(dir) {
  const child = spawn(process.execPath, ['server.mjs'], { cwd: dir, env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+?)\/?$/m.exec(out);
      if (m) resolve({ url: m[1], close: () => child.kill() });
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server.mjs exited (${code}): ${out}`)));
  });
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--window-size=1000,800'],
  defaultViewport: { width: 1000, height: 800 },
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Listeners on window, document, <html>, <body>, as `target type capture script:line:col` strings. */
async function globalListeners(page) {
  const cdp = await page.createCDPSession();
  const out = [];
  for (const expr of ['window', 'document', 'document.documentElement', 'document.body']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    for (const l of listeners) out.push(`${expr} ${l.type}${l.useCapture ? ' capture' : ''} ${l.scriptId}:${l.lineNumber}:${l.columnNumber}`);
  }
  await cdp.detach();
  return out.sort();
}

async function newPage(errors, { javaScript = true } = {}) {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(javaScript);
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warn' && /hydrat|mismatch/i.test(m.text()))) errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  return page;
}

const tileState = (page) =>
  page.evaluate(() => {
    const g = document.querySelector('#g');
    const thumbs = [...(g?.shadowRoot?.querySelectorAll('.grid > .tile') ?? [])];
    return thumbs.map((t) => {
      const img = t.querySelector('img');
      const box = t.getBoundingClientRect();
      return { w: Math.round(box.width), h: Math.round(box.height), loaded: !!img && img.complete && img.naturalWidth > 0, src: img?.getAttribute('src') ?? '' };
    });
  });
async function waitTiles(page, n, timeout = 10_000) {
  try {
    await page.waitForFunction(
      (n) => {
        const thumbs = [...(document.querySelector('#g')?.shadowRoot?.querySelectorAll('.grid > .tile') ?? [])];
        return thumbs.length === n && thumbs.every((t) => t.getBoundingClientRect().width > 0 && t.querySelector('img')?.naturalWidth);
      },
      { timeout },
      n,
    );
    return true;
  } catch {
    return false;
  }
}
const text = (page, sel) => page.$eval(sel, (e) => e.textContent?.trim() ?? '');

/** A click on the first tile opens the preview and reaches the app's state; Like too. */
async function interact(page, notes) {
  const main = await page.evaluateHandle(() => document.querySelector('#g').shadowRoot.querySelector('.grid > .tile button.main'));
  await main.click();
  let opened = false;
  try {
    await page.waitForFunction(() => document.querySelector('#g')?.hasAttribute('preview'), { timeout: 5000 });
    opened = true;
  } catch {
    notes.push('a click on a tile did not open the preview');
  }
  // The app renders the event's detail in its own change detection: wait for it (a loaded CI
  // machine can take a while), then read it.
  await page.waitForFunction(() => document.querySelector('#selected')?.textContent?.trim() === '0', { timeout: 5000 }).catch(() => {});
  const selected = await text(page, '#selected');
  if (selected !== '0') notes.push(`select did not reach the app (#selected: ${selected})`);
  if (opened) {
    // Escape is the preview's key, once its chunk has loaded and focus has moved into it.
    await page.waitForFunction(() => document.querySelector('#g')?.shadowRoot?.activeElement?.localName === 'gallery-preview', { timeout: 10_000 })
      .catch(() => notes.push('focus did not move into the preview'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#g')?.hasAttribute('preview'), { timeout: 5000 }).catch(() => notes.push('Escape did not close the preview'));
    await sleep(400);
  }
  const like = await page.evaluateHandle(() => document.querySelector('#g').shadowRoot.querySelectorAll('.grid > .tile')[1].querySelector('[part~="like"]'));
  if (!(await like.evaluate((b) => !!b))) notes.push('no Like button on the second tile');
  else await like.evaluate((b) => b.click());
  await page.waitForFunction(() => document.querySelector('#liked')?.textContent?.trim() === '1 true', { timeout: 3000 }).catch(() => {});
  const liked = await text(page, '#liked');
  if (liked !== '1 true') notes.push(`like did not reach the app (#liked: ${liked})`);
  return opened && selected === '0' && liked === '1 true';
}

async function drive(app, r) {
  const server = app.ssr ? await serveSsr(join(work, app.name)) : await serveStatic(join(work, app.name, app.dist));
  const errors = [];
  try {
    // Mounted by the app after load, from a page that had no gallery: the listener baseline.
    const page = await newPage(errors);
    await page.goto(`${server.url}/?empty`, { waitUntil: 'load' });
    await page.waitForSelector('#toggle', { timeout: 10_000 });
    const before = await globalListeners(page);
    await page.click('#toggle');
    r.renders = await waitTiles(page, 3);
    const tiles = await tileState(page);
    if (!r.renders) r.notes.push(`tiles: ${JSON.stringify(tiles)}`);
    r.events = r.renders && (await interact(page, r.notes));
    await page.click('#swap');
    r.rerenders = await waitTiles(page, 2);
    const swapped = await tileState(page);
    r.rerenders &&= swapped[0]?.src.includes(encodeURIComponent('#222'));
    if (!r.rerenders) r.notes.push(`after a new array: ${JSON.stringify(swapped)}`);
    await page.click('#toggle');
    await sleep(500);
    const gone = await page.evaluate(() => !document.querySelector('media-gallery'));
    const after = await globalListeners(page);
    const left = after.filter((l) => {
      const i = before.indexOf(l);
      if (i < 0) return true;
      before.splice(i, 1);
      return false;
    });
    r.unmountErrors = [...errors];
    r.unmountClean = gone && left.length === 0 && errors.length === 0;
    if (left.length) r.notes.push(`listeners left after unmount: ${left.join('; ')}`);
    if (!gone) r.notes.push('a <media-gallery> is still in the page after unmount');
    await page.close();

    if (app.ssr) {
      // Hydration: the server's HTML has the gallery; after hydrateRoot it keeps its items
      // and the app hears its events.
      const html = await (await fetch(`${server.url}/`)).text();
      const served = /<media-gallery[^>]*id="g"/.test(html);
      if (!served) r.notes.push('the server HTML has no <media-gallery id="g">');
      const hydrated = await newPage(errors);
      await hydrated.goto(`${server.url}/`, { waitUntil: 'load' });
      const kept = await waitTiles(hydrated, 3);
      if (!kept) r.notes.push(`after hydration: tiles ${JSON.stringify(await tileState(hydrated))}`);
      const events = kept && (await interact(hydrated, r.notes));
      r.hydration = served && kept && events;
      await hydrated.close();
    }
    r.errors = errors;
    if (errors.length) r.notes.push(`page errors: ${errors.join(' | ')}`);
  } finally {
    server.close();
  }
}

for (const r of results) {
  if (!r.builds) continue;
  try {
    await drive(r.app, r);
  } catch (e) {
    r.notes.push(`driving failed: ${e.stack ?? e}`);
  }
  console.log(`   ${r.app.name} driven in Chromium (${time()})`);
}
const chromium = await browser.version();
await browser.close();

// 6. The table.
const mark = (v) => (v === undefined ? '—' : v ? '✔' : '✖');
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`\n| app | type-checks | builds | renders | events | new array | after hydration | unmount clean | gzip added |`);
console.log('|---|---|---|---|---|---|---|---|---|');
let failed = false;
for (const r of results) {
  const checks = [r.typechecks, r.builds, r.renders, r.events, r.rerenders, r.app.ssr ? r.hydration : undefined, r.unmountClean];
  if (checks.some((c) => c === false) || !r.builds) failed = true;
  const gz = r.gzip ? `${kb(r.gzip.initial)}${r.gzip.lazy > 0 ? ` + ${kb(r.gzip.lazy)} lazy` : ''}` : '—';
  console.log(`| ${r.app.label} | ${checks.map(mark).join(' | ')} | ${gz} |`);
}
for (const r of results) if (r.notes.length) console.log(`\n${r.app.name}:\n  ${r.notes.join('\n  ')}`);
console.log(`\n${failed ? '✖' : '✔'} test:frameworks in ${time()} (${chromium})`);
process.exit(failed ? 1 : 0);

