#!/usr/bin/env node
// `npm run test:pack`: the package as a user gets it. Packs the built dist/ (npm pack
// --ignore-scripts; run `npm run build` first), installs the tarball into an empty folder
// and checks:
//   - the install adds < 5 MB (5,000,000 bytes) and no native module (*.node, binding.gyp,
//     install scripts), and none of the pipeline's Node-only packages;
//   - LICENSE is in the package; every shipped source map carries `sourcesContent`; the CDN
//     entry ships with every chunk it imports (dist/cdn/*.js and their maps);
//   - the typings resolve for a TypeScript consumer under moduleResolution node16, bundler
//     and node10 (the last through `typesVersions`);
//   - `import('media-gallery/cdn')` and the npm entry load in Node without a DOM;
//   - `npx media-gallery prepare` prints the one-line install command without the peers.
// Prints the sizes. Leaves the tarball's path in tmp/pack/ for the framework apps.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'tmp/pack');
const LIMIT = 5_000_000;
const failures = [];
const check = (ok, what) => {
  console.log(`  ${ok ? '✔' : '✖'} ${what}`);
  if (!ok) failures.push(what);
};
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

if (!existsSync(join(root, 'dist/src/index.js')) || !existsSync(join(root, 'custom-elements.json'))) {
  console.error('✖ dist/ is not built: run `npm run build` first.');
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', out], root))[0];
const tarball = join(out, packed.filename);
console.log(`packed ${packed.filename}: ${packed.size} B, unpacked ${packed.unpackedSize} B, ${packed.entryCount} files`);

const paths = packed.files.map((f) => f.path);
check(paths.includes('LICENSE'), 'LICENSE is in the package');
check(!paths.some((p) => p.endsWith('.ts') && !p.endsWith('.d.ts')), 'no TypeScript sources shipped');
// The CDN entry loads its chunks from beside it: every file a dist/cdn module imports (statically
// or on demand) must be in the package, with its source map.
const cdnFiles = paths.filter((p) => /^dist\/cdn\/[^/]+\.js$/.test(p));
const cdnWanted = new Set(['dist/cdn/media-gallery.js']);
for (const f of cdnFiles) {
  for (const m of readFileSync(join(root, f), 'utf8').matchAll(/(?:import\(\s*|from\s*)["']\.\/([\w.-]+\.js)["']/g)) cdnWanted.add(`dist/cdn/${m[1]}`);
}
const cdnMissing = [...cdnWanted].flatMap((f) => [f, `${f}.map`]).filter((f) => !paths.includes(f));
check(cdnMissing.length === 0, `the CDN entry and every chunk it loads are shipped (${[...cdnWanted].map((f) => f.slice('dist/cdn/'.length)).join(', ')})${cdnMissing.length ? `; missing: ${cdnMissing.join(', ')}` : ''}`);
for (const entry of ['react', 'react-jsx', 'vue']) {
  const types = pkg.exports[`./${entry}`]?.types?.replace(/^\.\//, '');
  check(!!types && paths.includes(types) && paths.includes(pkg.typesVersions['*'][entry][0]), `media-gallery/${entry}: typings shipped (exports and typesVersions)`);
}

// Outside the repository, so nothing resolves from its node_modules.
const app = mkdtempSync(join(tmpdir(), 'mg-pack-'));
process.on('exit', () => rmSync(app, { recursive: true, force: true }));
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }));
npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);

function walk(dir, files = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, files);
    else if (e.isFile()) files.push(p);
  }
  return files;
}
const nm = join(app, 'node_modules');
const files = walk(nm);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const top = readdirSync(nm).filter((d) => !d.startsWith('.')).flatMap((d) => (d.startsWith('@') ? readdirSync(join(nm, d)).map((s) => `${d}/${s}`) : [d]));
console.log(`installed into an empty folder: ${bytes} B (${(bytes / 1e6).toFixed(2)} MB) in ${files.length} files; packages: ${top.join(', ')}`);
for (const name of top) {
  const size = walk(join(nm, name)).reduce((n, f) => n + statSync(f).size, 0);
  console.log(`    ${name.padEnd(28)} ${String(size).padStart(9)} B`);
}
check(bytes < LIMIT, `install adds < 5 MB (${(bytes / 1e6).toFixed(2)} MB)`);
check(!files.some((f) => f.endsWith('.node') || f.endsWith('binding.gyp')), 'no native module (*.node, binding.gyp)');
const scripts = top.filter((n) => {
  const s = JSON.parse(readFileSync(join(nm, n, 'package.json'), 'utf8')).scripts ?? {};
  return s.install || s.postinstall || s.preinstall;
});
check(scripts.length === 0, `no install scripts${scripts.length ? `: ${scripts.join(', ')}` : ''}`);
const nodeOnly = Object.keys(pkg.peerDependencies ?? {}).filter((n) => top.includes(n));
check(nodeOnly.length === 0, `no optional peer installed (pipeline, React, Vue)${nodeOnly.length ? `: ${nodeOnly.join(', ')}` : ''}`);

const installed = join(nm, 'media-gallery');
const maps = walk(installed).filter((f) => f.endsWith('.map'));
const bare = maps.filter((f) => {
  const m = JSON.parse(readFileSync(f, 'utf8'));
  return !m.sourcesContent || m.sourcesContent.length !== m.sources.length || m.sourcesContent.some((c) => typeof c !== 'string');
});
check(bare.length === 0, `every source map (${maps.length}) carries sourcesContent${bare.length ? `; not: ${bare.join(', ')}` : ''}`);

// TypeScript consumers: one file importing every typed entry, under three resolutions.
writeFileSync(
  join(app, 'use.ts'),
  `import { MediaGallery, type GalleryItemInput, type GalleryPreview, type LikeDetail } from 'media-gallery';
import 'media-gallery/elements/media-gallery.js';
import 'media-gallery/elements/gallery-preview.js';
import { loadPreview } from 'media-gallery/cdn';
const el: HTMLElementTagNameMap['media-gallery'] = document.createElement('media-gallery');
const items: GalleryItemInput[] = ['a.jpg'];
el.items = items;
el.addEventListener('like', (e) => { const d: LikeDetail = e.detail; void d; });
el.addEventListener('select', (e) => { const s: boolean = e.detail.selected; void s; });
const p: GalleryPreview | null = document.querySelector('gallery-preview');
void p; void MediaGallery; void loadPreview;
`,
);
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
for (const [module, resolution] of [['node16', 'node16'], ['esnext', 'bundler'], ['commonjs', 'node10']]) {
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2021', '--lib', 'es2022,dom,dom.iterable', '--module', module, '--moduleResolution', resolution, 'use.ts'], { cwd: app, encoding: 'utf8' });
  check(r.status === 0, `typings resolve under moduleResolution ${resolution}${r.status ? `:\n${r.stdout}${r.stderr}` : ''}`);
}

// Node, no DOM: the npm entry, the node condition of ./cdn, a registration module.
writeFileSync(join(app, 'ssr.mjs'), `await import('media-gallery'); const cdn = await import('media-gallery/cdn'); await import('media-gallery/elements/media-gallery.js'); if (typeof cdn.loadPreview !== 'function') process.exit(3);\n`);
const ssr = spawnSync(process.execPath, ['ssr.mjs'], { cwd: app, encoding: 'utf8', timeout: 20_000 });
check(ssr.status === 0, `media-gallery, media-gallery/cdn and elements/* import in Node without a DOM${ssr.status ? `:\n${ssr.stderr}` : ''}`);

// The CLI without its peers.
const bin = join(nm, '.bin/media-gallery');
const cli = spawnSync(bin, ['prepare', 'photos', '--out', 'out'], { cwd: app, encoding: 'utf8', timeout: 20_000 });
check(cli.status === 2 && cli.stderr.includes('npm install --save-dev sharp@'), `npx media-gallery prepare names the install command (exit ${cli.status}): ${cli.stderr.trim().split('\n')[0]}`);

// After the documented one-line install, the pipeline runs.
const install = cli.stderr.split('\n').map((l) => l.trim()).find((l) => l.startsWith('npm install'));
if (install) {
  const started = performance.now();
  npm([...install.split(' ').slice(1), '--prefer-offline', '--no-audit', '--no-fund'], app);
  const photos = join(app, 'photos');
  mkdirSync(photos);
  const fixture = join(root, 'examples/photos');
  const first = existsSync(fixture) ? readdirSync(fixture).find((f) => /\.(jpe?g|png|webp)$/i.test(f)) : undefined;
  if (first) writeFileSync(join(photos, first), readFileSync(join(fixture, first)));
  const run = spawnSync(bin, ['prepare', 'photos', '--out', 'out', '--json'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
  check(run.status === 0 && existsSync(join(app, 'out/gallery.json')), `after \`${install.split(' ').slice(0, 3).join(' ')} …\`, media-gallery prepare writes gallery.json (${((performance.now() - started) / 1000).toFixed(1)} s)${run.status ? `:\n${run.stderr}` : ''}`);
}

writeFileSync(join(out, 'tarball.txt'), tarball + '\n');
if (failures.length) {
  console.error(`\n✖ ${failures.length} packaging check(s) failed.`);
  process.exit(1);
}
console.log('\n✔ package checks passed');
