// Screenshot a page in headless Chromium (Debian's /usr/bin/chromium) for a visual check.
// Usage: node scripts/shot.mjs <url> <out.png> [width=1280] [height=800] [light|dark] [action]
//   action: "open" clicks the first tile and waits for the preview; "tab" presses Tab twice.
import { chromium } from 'playwright-core';

const [url, out, w = '1280', h = '800', scheme = 'light', action = ''] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme });
page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log(`[${m.type()}]`, m.text()));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(500);
if (action === 'open') {
  await page.locator('media-gallery .tile .main').first().click();
  await page.waitForTimeout(900);
} else if (action === 'tab') {
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(300);
}
await page.screenshot({ path: out });
await browser.close();
console.log('wrote', out);
