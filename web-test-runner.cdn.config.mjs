// The browser tests of the elements, run against the shipped CDN bundle instead of the
// TypeScript sources (`npm run test:cdn`, part of `npm test`): the minified, self-registering
// dist/cdn/media-gallery.js is what a script-tag page gets, so template minification and
// property renaming are tested where they happen. Every `../elements/<tag>.js` import of a
// test resolves to the bundle; the pure modules the tests also import come from src/.
// test/cdn/ holds what only the bundle does: the entry's autoloader, its chunks' URLs.
// Chromium only (the sources already run in both browsers). Builds first when dist/ is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import base from './web-test-runner.config.mjs';

const bundle = 'dist/cdn/media-gallery.js';
if (!existsSync(bundle)) execSync('npm run build', { stdio: 'inherit' });

export default {
  ...base,
  files: ['test/media-gallery.test.ts', 'test/gallery-preview.test.ts', 'test/virtualization.test.ts', 'test/gallery-thumb.test.ts', 'test/gallery-toolbar.test.ts', 'test/chunk-retry.test.ts', 'test/cdn/*.test.ts'],
  browsers: base.browsers.slice(0, 1),
  concurrentBrowsers: 1,
  plugins: [
    {
      name: 'elements-from-cdn-bundle',
      resolveImport({ source }) {
        // The preview, the toolbar and the standalone tile are chunks of their own beside the
        // entry (loaded on demand by it); each chunk imports the entry.
        const chunk = /(^|\/)elements\/(gallery-preview|gallery-toolbar|gallery-thumb)\.js$/.exec(source);
        if (chunk) return `/dist/cdn/${chunk[2]}.js`;
        if (/(^|\/)elements\/[\w-]+\.js$/.test(source)) return `/${bundle}`;
        return undefined;
      },
    },
    ...base.plugins,
  ],
};
