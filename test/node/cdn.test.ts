// The CDN bundle, built in memory with the project's own rollup config: what a page that loads
// only dist/cdn/media-gallery.js gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rollup, type OutputChunk, type RollupOptions } from 'rollup';

async function bundle(): Promise<string> {
  // @ts-expect-error: the rollup config is plain JavaScript without type declarations.
  const config = (await import('../../rollup.config.mjs')).default as RollupOptions;
  const build = await rollup({ ...config, onwarn: () => undefined });
  try {
    const out = Array.isArray(config.output) ? config.output[0] : config.output!;
    const { output } = await build.generate(out);
    return (output[0] as OutputChunk).code;
  } finally {
    await build.close();
  }
}

test('the CDN bundle is one self-registering module with Lit inside and intact SVG icons', { timeout: 120_000 }, async () => {
  const code = await bundle();
  // No imports left: Lit and everything else is inside.
  assert.doesNotMatch(code, /^\s*import[\s{*]/m);
  assert.doesNotMatch(code, /from\s*["']lit/);
  for (const tag of ['media-gallery', 'gallery-preview', 'gallery-thumb', 'gallery-toolbar']) {
    assert.ok(code.includes(`"${tag}"`) || code.includes(`'${tag}'`), `${tag} is registered`);
  }
  // Template minification must keep SVG's self-closing shapes: `<circle …>` without `/>` in
  // foreign content swallows the next shape as its child, and the icon loses its strokes.
  const shapes = [...code.matchAll(/<(circle|path|rect|line|polyline|polygon|ellipse)\b[^<>]*>/g)].map((m) => m[0]);
  assert.ok(shapes.length > 20, `found the icons' shapes (${shapes.length})`);
  const open = shapes.filter((s) => !s.endsWith('/>'));
  assert.deepEqual(open, [], 'every SVG shape is self-closed');
});
