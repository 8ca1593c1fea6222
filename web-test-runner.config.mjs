// @web/test-runner: the browser tests (`npm run test:browser`, or `npx wtr`).
//
// Tests run on the TypeScript source through esbuild, never on dist/. They run in the
// browsers installed from Debian's packages, driven by puppeteer-core: Chromium over the
// Chrome DevTools Protocol and Firefox ESR over WebDriver BiDi. Nothing downloads a browser.
//
// Environment:
//   CHROME_PATH=/path/to/chrome     another Chromium/Chrome binary (default /usr/bin/chromium)
//   FIREFOX_PATH=/path/to/firefox   another Firefox binary (default /usr/bin/firefox-esr)
//   BROWSERS=chromium               only these browsers (comma-separated: chromium, firefox)
import { existsSync, writeSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { createRequire } from 'node:module';
import { uploadTestServer } from './scripts/upload-endpoint.mjs';

// puppeteer-core 24's setViewport over WebDriver BiDi also sends
// emulation.setScreenOrientationOverride, which Firefox ESR 140 does not implement ("unknown
// command"): every page (the launcher sizes each one) would fail. Treat that one command as
// optional, as puppeteer already does for emulation.setTouchOverride. The launcher loads
// puppeteer-core as CommonJS.
{
  const { BrowsingContext } = createRequire(import.meta.url)('puppeteer-core/internal/bidi/core/BrowsingContext.js');
  const original = BrowsingContext.prototype.setScreenOrientationOverride;
  BrowsingContext.prototype.setScreenOrientationOverride = async function (...args) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      if (/unknown command|unsupported operation/.test(String(error?.message))) return undefined;
      throw error;
    }
  };
}

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const wanted = (process.env.BROWSERS || 'chromium,firefox')
  .split(/[\s,]+/)
  .map((name) => name.trim().toLowerCase())
  .filter(Boolean);

function requireBinary(name, path, envName) {
  if (!existsSync(path)) {
    throw new Error(
      `${name} not found at ${path}. Install it (Debian: apt-get install ${
        name === 'Chromium' ? 'chromium' : 'firefox-esr'
      }), point ${envName} at another binary, or leave it out with BROWSERS=.`,
    );
  }
}

const browsers = [];

if (wanted.includes('chromium') || wanted.includes('chrome')) {
  requireBinary('Chromium', chromePath, 'CHROME_PATH');
  browsers.push(
    chromeLauncher({
      // Passing puppeteer-core as the "custom puppeteer" makes the launcher name the browser
      // "Chromium" in reports and makes it launch exactly the binary given here.
      puppeteer: puppeteerCore,
      launchOptions: {
        executablePath: chromePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
          // A fake camera that needs no permission prompt, for the webcam tests.
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
        ],
      },
    }),
  );
}

if (wanted.includes('firefox')) {
  requireBinary('Firefox', firefoxPath, 'FIREFOX_PATH');
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        // puppeteer-core 24 drives Firefox over WebDriver BiDi (its default and only protocol
        // for Firefox), which Firefox ESR 128+ speaks natively.
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        executablePath: firefoxPath,
        headless: true,
        extraPrefsFirefox: {
          // No network beyond localhost here: keep Firefox from phoning home at start.
          'app.update.enabled': false,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          // Autoplay muted video in the tests as Chromium does.
          'media.autoplay.default': 0,
          // A fake camera without a permission prompt, for the webcam tests.
          'media.navigator.streams.fake': true,
          'media.navigator.permission.disabled': true,
        },
      },
    }),
  );
}

/**
 * After the default report, one plain line per browser and a total, e.g.
 * `Chromium: 120 passed, 0 failed, 2 skipped`: CI logs read these. A test file that failed
 * to load (or any other error outside a test) counts as one failure.
 */
function summaryLines() {
  return {
    stop({ sessions }) {
      const byBrowser = new Map();
      for (const session of sessions) {
        const name = session.browser.name;
        const counts = byBrowser.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
        const walk = (suite) => {
          for (const t of suite.tests) {
            if (t.skipped) counts.skipped++;
            else if (t.passed) counts.passed++;
            else counts.failed++;
          }
          suite.suites.forEach(walk);
        };
        if (session.testResults) walk(session.testResults);
        if (session.errors?.length || (session.passed === false && !session.testResults)) counts.failed++;
        byBrowser.set(name, counts);
      }
      const total = { passed: 0, failed: 0, skipped: 0 };
      const lines = ['', 'Browser test summary'];
      for (const [name, c] of byBrowser) {
        lines.push(`${name.replace(/\s+/g, '')}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
        total.passed += c.passed;
        total.failed += c.failed;
        total.skipped += c.skipped;
      }
      lines.push(`browsers: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`, '');
      // After everything the default reporter prints (it flushes late), so the lines come last.
      process.once('exit', () => writeSync(1, lines.join('\n') + '\n'));
    },
  };
}

/**
 * `executeServerCommand('touch', {type: 'start' | 'move' | 'end', x, y})`: a finger through the
 * browser's own input pipeline (puppeteer's touchscreen: CDP `Input.dispatchTouchEvent` in
 * Chromium, WebDriver BiDi `input.performActions` in Firefox), so the page gets the touch,
 * pointer, contextmenu and click events a real finger makes, in the browser's order and with
 * its timing, not events a test made up. `x`, `y`: CSS px in the viewport.
 */
function touchCommand() {
  return {
    name: 'touch-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'touch') return undefined;
      const touch = session.browser.getPage(session.id).touchscreen;
      const { type, x, y } = payload ?? {};
      if (type === 'start') await touch.touchStart(x, y);
      else if (type === 'move') await touch.touchMove(x, y);
      else if (type === 'end') await touch.touchEnd();
      else throw new Error(`touch: unknown type ${type} (start, move, end)`);
      return true;
    },
  };
}

/**
 * Failing requests on purpose, for the tests of what a page does when the network fails it:
 * `executeServerCommand('fail-requests', {pattern, times})` makes the calling browser's next
 * `times` requests whose path matches the regular expression `pattern` answer 503, and returns
 * `{requests}`: how many of its requests matched since the pattern was first named (`times: 0`
 * only counts). Kept per browser (told apart by user agent), as the browsers run side by side.
 * Only paths matching `failable` can be failed: those are served with `Cache-Control: no-store`
 * (not the year @web/test-runner gives every file), as the browser would otherwise answer them
 * from its cache (an earlier test file's page loaded them) without asking, or keep a failure.
 * The middleware is `failing.middleware`; the command is a plugin.
 */
function failingRequests(failable) {
  const rules = new Map(); // `${browser} ${pattern}` -> {browser, re, fail, requests}
  const family = (name) => (/firefox/i.test(name) ? 'firefox' : 'chromium');
  return {
    plugin: {
      name: 'fail-requests-command',
      executeCommand({ command, payload, session }) {
        if (command !== 'fail-requests') return undefined;
        const { pattern, times = 0 } = payload ?? {};
        const browser = family(session.browser.name);
        const key = `${browser} ${pattern}`;
        const rule = rules.get(key) ?? { browser, re: new RegExp(pattern), fail: 0, requests: 0 };
        rule.fail = times;
        rules.set(key, rule);
        return { requests: rule.requests };
      },
    },
    async middleware(ctx, next) {
      if (!failable.test(ctx.path)) return next();
      // Never cached, a failure included: @web/test-runner's own cache middleware, around this
      // one, would give the response a year.
      const set = ctx.response.set.bind(ctx.response);
      set('Cache-Control', 'no-store');
      ctx.response.set = (field, value) => (String(field).toLowerCase() === 'cache-control' ? undefined : set(field, value));
      const browser = family(ctx.get('user-agent'));
      for (const rule of rules.values()) {
        if (rule.browser !== browser || !rule.re.test(ctx.path)) continue;
        rule.requests++;
        if (rule.fail > 0) {
          rule.fail--;
          ctx.status = 503;
          ctx.body = 'failed on purpose (fail-requests)';
          return undefined;
        }
      }
      return next();
    },
  };
}
// The chunks the gallery loads on demand, in the sources and in dist/cdn/.
const failing = failingRequests(/\/(gallery-preview|gallery-toolbar|gallery-thumb|tile-actions|upload-mode|thumbhash)\.(js|ts)$/);

if (browsers.length === 0) {
  throw new Error(`BROWSERS=${process.env.BROWSERS} names no known browser (chromium, firefox).`);
}

export default {
  // The repo root, so tests can fetch /examples/photos/*.jpg and /examples/video/*.
  rootDir: '.',
  // test/cdn/ runs against the built bundle only (web-test-runner.cdn.config.mjs).
  files: ['test/**/*.test.ts', '!test/node/**', '!test/pipeline/**', '!test/cdn/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' }), touchCommand(), failing.plugin],
  middleware: [
    failing.middleware,
    // Upload endpoints under /upload-test/ (stored, failing and slow responses, a form echo) for
    // the server-upload and form tests: see scripts/upload-endpoint.mjs.
    uploadTestServer(),
    // `/slow/<anything>`: answers 404 after 8 s, so a test can look at a tile while its image
    // is still loading (placeholder shown) without racing a fast local file.
    async function slow(ctx, next) {
      if (!ctx.path.startsWith('/slow/')) return next();
      await new Promise((r) => setTimeout(r, 8000));
      ctx.status = 404;
    },
  ],
  browsers,
  reporters: [defaultReporter(), summaryLines()],
  // Lit's development build gives the tests its extra warnings; its banner says so once per file.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  // Two cores: one test file at a time per browser.
  concurrency: 1,
  concurrentBrowsers: browsers.length,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: {
    config: { ui: 'bdd', timeout: 10_000 },
  },
};
