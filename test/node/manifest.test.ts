// custom-elements.json, as `npm run build` writes it: the public surface that wrappers and
// editors are generated from. Internal state must not appear in it; events carry their detail
// types; module paths name files the package ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface Decl { name: string; tagName?: string; members?: { name: string; privacy?: string; static?: boolean }[]; attributes?: { name: string }[]; events?: { name: string; type?: { text: string } }[] }
interface Manifest { modules: { path: string; declarations?: Decl[]; exports?: { declaration?: { module?: string } }[] }[] }

function analyze(): Manifest {
  const require = createRequire(join(root, 'package.json'));
  const pkg = require.resolve('@custom-elements-manifest/analyzer/package.json');
  const cem = join(dirname(pkg), JSON.parse(readFileSync(pkg, 'utf8')).bin.cem);
  const r = spawnSync(process.execPath, [cem, 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/pipeline/**'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
}

const manifest = analyze();
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

// Names of internal state and plumbing that used to leak (issue: "One host, one item store").
const INTERNAL = ['zoom', 'dragX', 'dragY', 'dragging', 'playing', 'toast', 'stageSize', 'loadingMore', 'dragOver', 'webcamOn',
  'inGallery', 'originRect', 'list', 'fitSize', 'maxZoom', 'go', 'goTo', 'current', 'toggleZoom', 'zoomBy', 'requestClose',
  'store', 'tileRect', 'entry', 'active', 'priority', 'tileWidth', 'addFiles', 'shadowRootOptions'];

test('the four tags are in the manifest', () => {
  assert.deepEqual(elements.map((d) => d.tagName).sort(), ['gallery-preview', 'gallery-thumb', 'gallery-toolbar', 'media-gallery']);
});

test('no internal name is a public member or an attribute', () => {
  for (const d of elements) {
    const pub = (d.members ?? []).filter((m) => (m.privacy ?? 'public') === 'public').map((m) => m.name);
    const attrs = (d.attributes ?? []).map((a) => a.name);
    for (const name of INTERNAL) {
      assert.ok(!pub.includes(name), `${d.tagName} exposes member ${name}`);
      assert.ok(!attrs.includes(name), `${d.tagName} exposes attribute ${name}`);
    }
  }
});

test('every event carries its detail type', () => {
  const gallery = elements.find((d) => d.tagName === 'media-gallery')!;
  assert.ok((gallery.events ?? []).length >= 15);
  for (const d of elements) {
    for (const e of d.events ?? []) assert.match(e.type?.text ?? '', /^CustomEvent<\w+>$/, `${d.tagName} ${e.name}`);
  }
});

test('module paths name shipped files (dist/…js, built from a source that exists)', () => {
  const paths = manifest.modules.flatMap((m) => [m.path, ...(m.exports ?? []).map((x) => x.declaration?.module).filter((x): x is string => !!x)]);
  for (const p of paths) {
    assert.match(p, /^dist\/(src|elements)\/.+\.js$/, p);
    assert.ok(existsSync(join(root, p.replace(/^dist\//, '').replace(/\.js$/, '.ts'))), `${p} has a source`);
  }
});
