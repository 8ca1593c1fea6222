#!/usr/bin/env node
// Screenshots of the example pages in headless Chromium, to look at what we build:
//
//   PORT=8123 npm start -- --no-prepare &      # serve the examples
//   node scripts/screenshots.mjs [base-url] [out-dir]
//
// Takes each page in light and dark, at 360 and 1280 px wide, and with the preview open on
// the pages that have a gallery; prints every console error or warning. Uses the Debian
// Chromium (CHROME_PATH to change it); downloads nothing.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:8123/examples/';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const pages = ['index', 'cdn', 'gradio', 'feedback', 'load-more', 'video', 'viewer', 'declarative', 'large', 'prepared', 'csp', 'upload'];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const problems = [];
for (const name of pages) {
  for (const [width, scheme, open] of [[1280, 'light', false], [360, 'dark', false], [1280, 'dark', true], [360, 'light', true]]) {
    const ctx = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, hasTouch: width < 500, isMobile: width < 500 });
    const page = await ctx.newPage();
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(`${name} ${width} ${scheme}: ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${name} ${width} ${scheme}: ${e.message}`));
    const res = await page.goto(`${base}${name}.html`, { waitUntil: 'networkidle' }).catch(() => null);
    if (!res || !res.ok()) {
      await ctx.close();
      break;
    }
    await page.waitForTimeout(600);
    if (open) {
      const opened = await page.evaluate(() => {
        const tile = document.querySelector('media-gallery')?.shadowRoot?.querySelectorAll('.grid > .tile')[1];
        const main = tile?.querySelector('.main');
        if (main) main.click();
        return !!main;
      });
      if (!opened) { await ctx.close(); continue; }
      await page.waitForTimeout(1000);
    }
    const file = `${out}/${name}-${width}-${scheme}${open ? '-preview' : ''}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await ctx.close();
  }
}
await browser.close();
console.log(problems.length ? `\nConsole problems:\n${problems.join('\n')}` : '\nNo console errors or warnings.');
