// The CDN bundle, built in memory with the project's own rollup config: what a page that loads
// only dist/cdn/media-gallery.js gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rollup, type OutputChunk, type RollupOptions } from 'rollup';

async function bundle(): Promise<Map<string, string>> {
  // @ts-expect-error: the rollup config is plain JavaScript without type declarations.
  const config = (await import('../../rollup.config.mjs')).default as RollupOptions;
  const build = await rollup({ ...config, onwarn: () => undefined });
  try {
    const out = Array.isArray(config.output) ? config.output[0] : config.output!;
    const { output } = await build.generate(out);
    return new Map(output.filter((o): o is OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c.code]));
  } finally {
    await build.close();
  }
}

test('the CDN bundle: a self-registering entry with Lit inside, the other tags, ThumbHash, the tile action buttons and upload mode in chunks beside it, intact SVG icons', { timeout: 120_000 }, async () => {
  const files = await bundle();
  const chunks = ['gallery-preview.js', 'gallery-thumb.js', 'gallery-toolbar.js', 'thumbhash.js', 'tile-actions.js', 'upload-mode.js'];
  assert.deepEqual([...files.keys()].sort(), [...chunks, 'media-gallery.js'].sort());
  const entry = files.get('media-gallery.js')!;
  const preview = files.get('gallery-preview.js')!;
  // Nothing imported from outside: Lit is inside. The entry imports each chunk on demand only
  // (dynamic import, relative), and the chunks import the entry back, and nothing else (a
  // chunk's static import of another chunk that failed once could never load in that page:
  // see src/chunk-import.ts).
  for (const code of files.values()) assert.doesNotMatch(code, /from\s*["'](?!\.\/)/);
  for (const [name, code] of files) {
    const imported = [...code.matchAll(/from\s*["']\.\/([\w-]+\.js)["']/g)].map((m) => m[1]).sort();
    const others = imported.filter((f) => f !== 'media-gallery.js' || name === 'media-gallery.js');
    assert.deepEqual(others, [], `${name} statically imports nothing but the entry`);
  }
  // So a chunk keeps its export names, and a retry's import of its file (`?retry=n`) has what the
  // loader reads from the namespace.
  for (const [name, exports] of [['tile-actions.js', ['actionButtons', 'actionStyles']], ['upload-mode.js', ['UploadMode']], ['thumbhash.js', ['thumbHashToDataURL']]] as const) {
    for (const e of exports) assert.match(files.get(name)!, new RegExp(`export\\s*\\{[^}]*\\b${e}\\b`), `${name} exports ${e} by name`);
  }
  assert.doesNotMatch(entry, /^\s*import[\s{*]/m);
  for (const chunk of chunks) assert.match(entry, new RegExp(`import\\(\\s*["']\\./${chunk.replace('.', '\\.')}["']\\s*\\)`), `the entry loads ${chunk} on demand`);
  for (const chunk of ['gallery-preview.js', 'gallery-thumb.js', 'gallery-toolbar.js', 'tile-actions.js', 'upload-mode.js']) {
    assert.match(files.get(chunk)!, /from\s*["']\.\/media-gallery\.js["']/, `${chunk} imports the entry`);
  }
  // The preview asks for the toolbar's chunk by its (retrying) loader.
  assert.doesNotMatch(preview, /from\s*["']\.\/gallery-toolbar\.js["']/);
  const registers = (code: string, tag: string) => new RegExp(`\\(["']${tag}["']\\s*,`).test(code);
  assert.ok(entry.includes('"media-gallery"'), 'media-gallery is registered by the entry');
  for (const tag of ['gallery-preview', 'gallery-thumb', 'gallery-toolbar']) {
    assert.ok(registers(files.get(`${tag}.js`)!, tag), `${tag} is registered by its chunk`);
  }
  // What left the entry: the standalone tile, the toolbar, the ThumbHash decoder, upload mode's styles.
  assert.ok(!entry.includes('<gallery-thumb>: invalid item'), 'GalleryThumb is not in the entry');
  assert.ok(!entry.includes('role","toolbar') && !entry.includes("role','toolbar"), 'GalleryToolbar is not in the entry');
  assert.ok(!entry.includes('data:image/png;base64,') && files.get('thumbhash.js')!.includes('data:image/png;base64,'), 'the ThumbHash decoder (its PNG writer) is in thumbhash.js only');
  assert.ok(!/\.droptarget\b/.test(entry), 'upload styles are not in the entry');
  assert.match(files.get('upload-mode.js')!, /\.droptarget\b/);
  // The tiles' action buttons and their styles: in tile-actions.js, which <media-gallery> and
  // <gallery-thumb> load when one shows; the preview and upload mode do not wait for it (the icons
  // they share with it are in the entry).
  assert.ok(!entry.includes('data-act="like"') && !/\.actions\.pinned\b/.test(entry), 'the tile action buttons and their styles are not in the entry');
  assert.ok(files.get('tile-actions.js')!.includes('data-act="like"') && /\.actions\.pinned\b/.test(files.get('tile-actions.js')!));
  for (const chunk of ['gallery-preview.js', 'gallery-thumb.js', 'upload-mode.js']) assert.doesNotMatch(files.get(chunk)!, /tile-actions\.js/, `${chunk} does not wait for tile-actions.js`);
  // Template minification must keep SVG's self-closing shapes: `<circle …>` without `/>` in
  // foreign content swallows the next shape as its child, and the icon loses its strokes.
  const shapes = [...files.values()].flatMap((code) => [...code.matchAll(/<(circle|path|rect|line|polyline|polygon|ellipse)\b[^<>]*>/g)].map((m) => m[0]));
  assert.ok(shapes.length > 20, `found the icons' shapes (${shapes.length})`);
  const open = shapes.filter((s) => !s.endsWith('/>'));
  assert.deepEqual(open, [], 'every SVG shape is self-closed');
});
