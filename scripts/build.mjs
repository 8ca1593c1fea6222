#!/usr/bin/env node
// `npm run build`: everything that ships, from a clean dist/.
//
//   1. tsc -p tsconfig.build.json   npm entry: dist/src/**/*.js + .d.ts, dist/elements/*.js
//                                   (ES modules, Lit external), and the pipeline CLI
//   2. rollup -c                    CDN bundle: dist/cdn/media-gallery.js (+ .map), Lit inside
//   3. cem analyze                  custom-elements.json (package.json `customElements`), and
//                                   from it web-types.json and vscode.html-custom-data.json
//                                   (scripts/editor-data.mjs)
//   4. prints the CDN bundle's minified and gzipped size, and each dist/elements/<tag>.js
//      entry's gzip size bundled with its imports (scripts/entry-sizes.mjs)
//
// Runs the tools from node_modules with this same Node, so no npx and no shell.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { entrySizes, printEntrySizes } from './entry-sizes.mjs';
import { readAliases, vscodeCustomData, webTypes } from './editor-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
process.chdir(root);

/** Path of a package's bin script, e.g. bin('typescript', 'tsc'). */
function bin(pkg, name) {
  const pkgJson = require.resolve(`${pkg}/package.json`);
  const meta = JSON.parse(readFileSync(pkgJson, 'utf8'));
  const rel = typeof meta.bin === 'string' ? meta.bin : meta.bin[name];
  return join(dirname(pkgJson), rel);
}

function step(title, pkg, name, args) {
  const started = performance.now();
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(process.execPath, [bin(pkg, name), ...args], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

// 0. clean
rmSync(join(root, 'dist'), { recursive: true, force: true });

// 1. npm entry + .d.ts (+ the Node pipeline and its CLI)
step('tsc -p tsconfig.build.json (npm entry, .d.ts)', 'typescript', 'tsc', ['-p', 'tsconfig.build.json']);
const cli = join(root, 'dist/src/pipeline/cli.js');
if (existsSync(cli)) chmodSync(cli, 0o755);

// 2. CDN bundle
step('rollup -c (dist/cdn/media-gallery.js)', 'rollup', 'rollup', ['-c', 'rollup.config.mjs']);

// 3. custom-elements.json (options and the define() plugin in custom-elements-manifest.config.mjs)
step('cem analyze (custom-elements.json)', '@custom-elements-manifest/analyzer', 'cem', [
  'analyze',
  '--litelement',
  '--globs',
  'src/**/*.ts',
  '--exclude',
  'src/pipeline/**',
]);
compactManifest();
checkManifest();
writeEditorData();

// 4. sizes
printSizes();
printEntrySizes(await entrySizes());

/**
 * The manifest as compact JSON: tools read it, nobody edits it, and indented it is 378 kB of
 * the package (half of it spaces), which the install-size check (< 5 MB) counts.
 */
function compactManifest() {
  const file = join(root, 'custom-elements.json');
  writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))) + '\n');
}

function checkManifest() {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const rows = [];
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement) continue;
      rows.push({
        tag: d.tagName ?? '(no tag)',
        class: d.name,
        attributes: d.attributes?.length ?? 0,
        events: d.events?.length ?? 0,
        parts: d.cssParts?.length ?? 0,
        cssprops: d.cssProperties?.length ?? 0,
        slots: d.slots?.length ?? 0,
      });
    }
  }
  console.log(`  custom-elements.json: ${rows.length} elements`);
  if (rows.length) console.table(rows);
  const bare = rows.filter((r) => r.tag === '(no tag)').map((r) => r.class);
  if (bare.length) console.warn(`  ⚠ no tag name found for ${bare.join(', ')} (register it in elements/<tag>.ts with define()).`);
  const undocumented = rows.filter((r) => r.tag === 'media-gallery' && (r.events === 0 || r.parts === 0 || r.cssprops === 0));
  if (undocumented.length) console.warn('  ⚠ <media-gallery> lists no @fires, @csspart or @cssprop in its JSDoc.');
}

function writeEditorData() {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const aliases = readAliases(join(root, 'src'));
  writeFileSync(join(root, 'web-types.json'), JSON.stringify(webTypes(manifest, pkg, aliases), null, 2) + '\n');
  writeFileSync(join(root, 'vscode.html-custom-data.json'), JSON.stringify(vscodeCustomData(manifest, aliases), null, 2) + '\n');
  console.log('  web-types.json, vscode.html-custom-data.json: written from custom-elements.json');
}

function printSizes() {
  const dir = join(root, 'dist/cdn');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort((a, b) => (a === 'media-gallery.js' ? -1 : b === 'media-gallery.js' ? 1 : a.localeCompare(b)));
  console.log(`\nCDN bundle (Lit included): the entry, then the chunks it loads on demand`);
  console.log(`  ${'file'.padEnd(34)} ${'minified'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
  const total = { min: 0, gzip: 0, brotli: 0 };
  for (const name of files) {
    const code = readFileSync(join(dir, name));
    const gzip = gzipSync(code, { level: 9 }).length;
    const brotli = brotliCompressSync(code, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: code.length },
    }).length;
    total.min += code.length;
    total.gzip += gzip;
    total.brotli += brotli;
    const rel = relative(root, join(dir, name));
    console.log(`  ${rel.padEnd(34)} ${kB(code.length).padStart(10)} ${kB(gzip).padStart(10)} ${kB(brotli).padStart(10)}   (${code.length} B, ${gzip} B gzip)`);
  }
  console.log(`  ${'all files'.padEnd(34)} ${kB(total.min).padStart(10)} ${kB(total.gzip).padStart(10)} ${kB(total.brotli).padStart(10)}   (${total.min} B, ${total.gzip} B gzip)\n`);
}
