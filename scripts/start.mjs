#!/usr/bin/env node
// `npm start`: build, prepare the example photos with the media pipeline, and serve the
// repository on http://127.0.0.1:PORT/examples/ (PORT from the environment, default 8000,
// the next free port if that one is taken). No browser is opened.
//
//   npm start                      build + prepare + serve
//   npm start -- --no-build        serve what dist/ already has
//   npm start -- --no-prepare      skip the media pipeline (examples/.prepared/)
//   PORT=9000 npm start            another port
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { STRICT_CSP } from '../examples/csp-policy.js';
import { exampleSubmit, exampleUploads } from './upload-endpoint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = new Set(process.argv.slice(2));
const HOST = '127.0.0.1';

// 1. build (dist/cdn/media-gallery.js is what the example pages load)
if (!args.has('--no-build')) {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('\n✖ The build failed (see above), so there is nothing to serve yet.');
    process.exit(build.status || 1);
  }
} else if (!existsSync(join(root, 'dist/cdn/media-gallery.js'))) {
  console.warn('⚠ --no-build, and dist/cdn/media-gallery.js does not exist: the examples will not work.');
}

// 2. the media pipeline: thumbnails, placeholders and gallery.json for examples/prepared.html
const cli = join(root, 'dist/src/pipeline/cli.js');
if (args.has('--no-prepare')) {
  console.log('Skipping the media pipeline (--no-prepare).');
} else if (existsSync(cli)) {
  console.log('\n▶ media-gallery prepare examples/photos --out examples/.prepared --recursive');
  const prepare = spawnSync(
    process.execPath,
    [cli, 'prepare', 'examples/photos', '--out', 'examples/.prepared', '--recursive'],
    { stdio: 'inherit' },
  );
  if (prepare.status !== 0) {
    console.warn(
      `⚠ The media pipeline failed (exit ${prepare.status ?? prepare.signal}); ` +
        'examples/prepared.html will say so, the other examples work without it.',
    );
  }
} else {
  console.warn('⚠ dist/src/pipeline/cli.js not found: skipping the media pipeline.');
}

// 3. serve the repository root
const port = await freePort(Number(process.env.PORT) || 8000);
const server = await startDevServer({
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
  autoExitProcess: true,
  config: {
    rootDir: root,
    hostname: HOST,
    port,
    // Bare imports such as `lit` work in example pages that load modules instead of the CDN file.
    nodeResolve: { exportConditions: ['browser', 'production'] },
    // ...and pages may import the TypeScript sources directly (/elements/media-gallery.ts).
    plugins: [esbuildPlugin({ ts: true, target: 'esnext', tsconfig: join(root, 'tsconfig.json') })],
    // Licence files without an extension read as text in the browser.
    mimeTypes: { '**/COPYRIGHT': 'text/plain' },
    middleware: [
      // examples/csp.html is served with the strict policy it demonstrates.
      async function strictCsp(ctx, next) {
        await next();
        if (ctx.path === '/examples/csp.html') ctx.set('Content-Security-Policy', STRICT_CSP);
      },
      // examples/upload.html: its form posts to /examples/submit (a page listing what arrived);
      // its server-upload gallery stores files in memory at /examples/uploads.
      exampleSubmit(),
      exampleUploads(),
    ],
    watch: false,
    open: false,
  },
});

const base = `http://${HOST}:${port}`;
const url = `${base}/examples/`;
const pages = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
const line = '─'.repeat(url.length + 4);
console.log(`\n  ┌${line}┐`);
console.log(`  │  ${url}  │`);
console.log(`  └${line}┘`);
console.log('\n  media-gallery examples are being served. Open the address above in a browser.');
if (pages.length) {
  console.log(`  Pages: ${pages.map((p) => p.replace(/\.html$/, '')).join(', ')}`);
}
console.log('  Press Ctrl+C to stop.\n');

// The dev server stops itself on Ctrl+C (SIGINT); do the same on SIGTERM.
process.once('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});

/** The first port from `start` on that nothing listens to on HOST. */
async function freePort(start) {
  for (let candidate = start; candidate < start + 100; candidate++) {
    const free = await new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(candidate, HOST, () => probe.close(() => resolve(true)));
    });
    if (free) {
      if (candidate !== start) console.log(`Port ${start} is taken; using ${candidate}.`);
      return candidate;
    }
  }
  throw new Error(`No free port in ${start}-${start + 99} on ${HOST}.`);
}
