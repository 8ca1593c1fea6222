#!/usr/bin/env node
// Per-entry cost: each dist/elements/<tag>.js bundled with everything it imports (esbuild,
// minified, browser + production conditions), once with Lit external (what an app that
// already uses Lit adds) and once with Lit included; sizes are gzip -9. Dynamic imports
// (the preview chunk `<media-gallery>` loads on demand) are counted separately, as a
// bundler splits them. Run by `npm run build` (after tsc), or alone: `node scripts/entry-sizes.mjs`.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIT = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];

/** `{entry, initial, lazy}` gzip sizes in bytes for one entry file. */
async function measure(file, external) {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: join(root, 'tmp/entry-sizes'),
    platform: 'browser',
    conditions: ['production'],
    external,
    metafile: true,
    logLevel: 'silent',
  });
  const out = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const entryPath = Object.keys(out).find((k) => out[k].entryPoint);
  // Initial: the entry and its static imports; lazy: the rest (dynamic import chunks).
  const initial = new Set();
  const visit = (k) => {
    if (initial.has(k)) return;
    initial.add(k);
    for (const i of out[k].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entryPath);
  const gz = (k) => gzipSync(files.get(join(root, k)), { level: 9 }).length;
  let initialGz = 0;
  let lazyGz = 0;
  for (const k of Object.keys(out)) {
    if (!k.endsWith('.js')) continue;
    if (initial.has(k)) initialGz += gz(k);
    else lazyGz += gz(k);
  }
  return { initial: initialGz, lazy: lazyGz };
}

export async function entrySizes() {
  const dir = join(root, 'dist/elements');
  const rows = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    const file = join(dir, name);
    const ext = await measure(file, LIT);
    const inc = await measure(file, []);
    rows.push({ entry: `elements/${name}`, litExternal: ext.initial, litIncluded: inc.initial, lazy: ext.lazy });
  }
  return rows;
}

export function printEntrySizes(rows) {
  const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log('npm entries, each bundled with its imports (esbuild, minified, gzip -9)');
  console.log(`  ${'entry'.padEnd(30)} ${'Lit external'.padStart(13)} ${'Lit included'.padStart(13)} ${'+ lazy chunk'.padStart(13)}`);
  for (const r of rows) {
    console.log(`  ${r.entry.padEnd(30)} ${kB(r.litExternal).padStart(13)} ${kB(r.litIncluded).padStart(13)} ${(r.lazy ? kB(r.lazy) : '-').padStart(13)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printEntrySizes(await entrySizes());
