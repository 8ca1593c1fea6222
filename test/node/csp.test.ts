// examples/csp.html under a strict Content-Security-Policy (examples/csp-policy.js), served by
// a plain Node server with that header, in Chromium and Firefox ESR (the Debian binaries,
// driven by puppeteer-core; nothing is downloaded). The gallery must lay out, open, zoom and
// report 0 policy violations; in Chromium, Trusted Types are enforced as well.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: plain JavaScript module without declarations.
import { STRICT_CSP } from '../../examples/csp-policy.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.jpg': 'image/jpeg', '.png': 'image/png', '.json': 'application/json', '.map': 'application/json' };
let server: Server;
let base = '';

before(async () => {
  if (!existsSync(join(root, 'dist/cdn/media-gallery.js'))) execSync('npm run build', { cwd: root, stdio: 'inherit' });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (path.endsWith('.html')) headers['Content-Security-Policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

after(() => new Promise<void>((r) => server.close(() => r())));

const browsers = [
  { name: 'Chromium', path: process.env.CHROME_PATH || '/usr/bin/chromium', opts: { args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--window-size=1200,900'] } },
  { name: 'Firefox', path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', opts: { browser: 'firefox' as const, protocol: 'webDriverBiDi' as const, args: ['--width=1200', '--height=900'] } },
];

/** Runs `fn` on examples/csp.html in one browser. */
async function onPage(b: (typeof browsers)[number], fn: (page: Page) => Promise<void>) {
  const browser: Browser = await puppeteer.launch({ executablePath: b.path, headless: true, ...b.opts });
  try {
    const page = await browser.newPage();
    // Before any script of the page: count every violation, including ones during load.
    await page.evaluateOnNewDocument(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${base}/examples/csp.html`, { waitUntil: 'load' });
    await fn(page);
  } finally {
    await browser.close();
  }
}

/** Evaluates `expr` inside the page (a function body with `g`, the gallery, and `sr`, its shadow root). */
const inPage = <T>(page: Page, body: string): Promise<T> => page.evaluate(`(() => { const g = document.querySelector('media-gallery'); const sr = g.shadowRoot; ${body} })()`) as Promise<T>;

for (const b of browsers) {
  test(`strict CSP, ${b.name}: the gallery lays out, opens and zooms with 0 violations`, { skip: !existsSync(b.path) && `${b.path} not installed`, timeout: 90_000 }, async () => {
    await onPage(b, async (page) => {
      await page.waitForFunction(() => (document.querySelector('media-gallery')?.shadowRoot?.querySelectorAll('.grid > .tile').length ?? 0) === 6, { timeout: 20_000 });
      // Tiles at distinct places (they all stacked on one spot when style attributes were blocked).
      const rects = await inPage<Array<{ x: number; y: number; w: number }>>(page, `return [...sr.querySelectorAll('.grid > .tile')].map((t) => { const r = t.getBoundingClientRect(); return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width) }; });`);
      assert.equal(new Set(rects.map((r) => `${r.x},${r.y}`)).size, 6, JSON.stringify(rects));
      assert.ok(rects.every((r) => r.w > 100));
      assert.ok((await inPage<number>(page, `return sr.querySelector('.grid').getBoundingClientRect().height;`)) > 200);
      // A click on the 2nd tile opens the 2nd photo, centred on the stage.
      await inPage(page, `sr.querySelectorAll('.grid > .tile')[1].querySelector('.main').click();`);
      await page.waitForFunction(() => {
        const p = document.querySelector('media-gallery')?.shadowRoot?.querySelector('gallery-preview');
        return !!p?.shadowRoot?.querySelector('.slide.current img.large.ready');
      }, { timeout: 20_000 });
      // Centred once the open animation (from the tile's rectangle) has finished.
      await page.waitForFunction(() => {
        const p = document.querySelector('media-gallery')!.shadowRoot!.querySelector('gallery-preview')!.shadowRoot!;
        const st = p.querySelector('.stage')!.getBoundingClientRect(), im = p.querySelector('.slide.current img.large')!.getBoundingClientRect();
        return Math.abs(im.top + im.height / 2 - (st.top + st.height / 2)) < 2;
      }, { timeout: 5_000 }).catch(() => undefined);
      const geo = await inPage<{ counter: string; dx: number; dy: number; w: number }>(page, `
        const p = sr.querySelector('gallery-preview').shadowRoot;
        const s = p.querySelector('.stage').getBoundingClientRect(), i = p.querySelector('.slide.current img.large').getBoundingClientRect();
        return { counter: p.querySelector('.counter').textContent, dx: (i.left + i.width / 2) - (s.left + s.width / 2), dy: (i.top + i.height / 2) - (s.top + s.height / 2), w: i.width };`);
      assert.match(geo.counter, /2\s*\/\s*6/);
      assert.ok(Math.abs(geo.dx) < 2 && Math.abs(geo.dy) < 2, `centred: ${JSON.stringify(geo)}`);
      await page.keyboard.press('+');
      await page.waitForFunction((w: number) => {
        const p = document.querySelector('media-gallery')!.shadowRoot!.querySelector('gallery-preview')!.shadowRoot!;
        return p.querySelector('.slide.current img.large')!.getBoundingClientRect().width > w * 1.4;
      }, { timeout: 5_000 }, geo.w);
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      assert.deepEqual(violations, []);
      const shown = await page.$eval('#csp-status', (e) => e.textContent);
      assert.equal(shown, 'Policy violations: 0');
      if (b.name === 'Chromium') {
        // Trusted Types are enforced on this page (a raw string into innerHTML throws), and the
        // gallery ran anyway: Lit's `lit-html` policy is the only one it needs.
        const enforced = await page.evaluate(() => { try { document.body.insertAdjacentHTML('beforeend', '<b></b>'); return false; } catch { return true; } });
        assert.equal(enforced, true);
      }
    });
  });
}
