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

// Editor data (scripts/editor-data.mjs, written by `npm run build`): generated from this same
// manifest, each must list every element, attribute and event.
test('web-types.json and VS Code custom data list every element, attribute and event', async () => {
  // @ts-expect-error: a plain .mjs build script, no declarations
  const { webTypes, vscodeCustomData, readAliases } = await import('../../scripts/editor-data.mjs');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg['web-types'], './web-types.json');
  for (const f of ['web-types.json', 'vscode.html-custom-data.json']) assert.ok(pkg.files.includes(f), `${f} is shipped`);
  const aliases = readAliases(join(root, 'src'));
  type Named = { name: string; values?: { name: string }[] };
  const wt = webTypes(manifest, pkg, aliases) as { contributions: { html: { elements: (Named & { attributes: Named[]; events: Named[]; js: { events: Named[]; properties: Named[] } })[] } } };
  const vs = vscodeCustomData(manifest, aliases) as { tags: (Named & { description: { value: string }; attributes: (Named & { valueSet?: string })[] })[] };
  assert.deepEqual(wt.contributions.html.elements.map((e) => e.name).sort(), elements.map((d) => d.tagName).sort());
  assert.deepEqual(vs.tags.map((e) => e.name).sort(), elements.map((d) => d.tagName).sort());
  for (const d of elements) {
    const w = wt.contributions.html.elements.find((e) => e.name === d.tagName)!;
    const v = vs.tags.find((e) => e.name === d.tagName)!;
    const attrs = (d.attributes ?? []).map((a) => a.name).sort();
    const events = (d.events ?? []).map((e) => e.name).sort();
    assert.deepEqual(w.attributes.map((a) => a.name).sort(), attrs, `${d.tagName}: web-types attributes`);
    assert.deepEqual(v.attributes.map((a) => a.name).sort(), attrs, `${d.tagName}: VS Code attributes`);
    assert.deepEqual(w.events.map((e) => e.name).sort(), events, `${d.tagName}: web-types events`);
    assert.deepEqual(w.js.events.map((e) => e.name).sort(), events, `${d.tagName}: web-types js.events`);
    for (const e of events) assert.ok(v.description.value.includes(`\`${e}\``), `${d.tagName}: VS Code description lists ${e}`);
  }
  const gallery = wt.contributions.html.elements.find((e) => e.name === 'media-gallery')!;
  assert.deepEqual(gallery.attributes.find((a) => a.name === 'layout')?.values?.map((x) => x.name), ['grid', 'masonry', 'justified']);
  assert.equal(vs.tags.find((t) => t.name === 'media-gallery')!.attributes.find((a) => a.name === 'loop')?.valueSet, 'v');
});
