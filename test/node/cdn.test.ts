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

test('the CDN bundle: a self-registering entry with Lit inside, the preview and upload mode in chunks beside it, intact SVG icons', { timeout: 120_000 }, async () => {
  const files = await bundle();
  assert.deepEqual([...files.keys()].sort(), ['gallery-preview.js', 'media-gallery.js', 'upload-mode.js']);
  const entry = files.get('media-gallery.js')!;
  const preview = files.get('gallery-preview.js')!;
  // Nothing imported from outside: Lit is inside. The entry imports the preview chunk on
  // demand only (dynamic import, relative), and the chunk imports the entry back.
  for (const code of files.values()) assert.doesNotMatch(code, /from\s*["'](?!\.\/)/);
  assert.doesNotMatch(entry, /^\s*import[\s{*]/m);
  assert.match(entry, /import\(\s*["']\.\/gallery-preview\.js["']\s*\)/);
  // Upload mode and the form control load on demand too (interactive or name set).
  assert.match(entry, /import\(\s*["']\.\/upload-mode\.js["']\s*\)/);
  assert.match(files.get('upload-mode.js')!, /from\s*["']\.\/media-gallery\.js["']/);
  assert.match(preview, /from\s*["']\.\/media-gallery\.js["']/);
  for (const tag of ['media-gallery', 'gallery-thumb', 'gallery-toolbar']) {
    assert.ok(entry.includes(`"${tag}"`) || entry.includes(`'${tag}'`), `${tag} is registered by the entry`);
  }
  assert.ok(preview.includes('"gallery-preview"') || preview.includes("'gallery-preview'"), 'gallery-preview is registered by its chunk');
  // Template minification must keep SVG's self-closing shapes: `<circle …>` without `/>` in
  // foreign content swallows the next shape as its child, and the icon loses its strokes.
  const shapes = [...files.values()].flatMap((code) => [...code.matchAll(/<(circle|path|rect|line|polyline|polygon|ellipse)\b[^<>]*>/g)].map((m) => m[0]));
  assert.ok(shapes.length > 20, `found the icons' shapes (${shapes.length})`);
  const open = shapes.filter((s) => !s.endsWith('/>'));
  assert.deepEqual(open, [], 'every SVG shape is self-closed');
});
