// The npm entry must import in Node without a DOM (SSR, build tools, tests of pages).
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the npm entry imports in Node without a DOM and exposes the classes and pure modules', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const mod = await import('../../src/index.js');
  for (const name of ['MediaGallery', 'GalleryThumb', 'GalleryPreview', 'GalleryToolbar', 'normalizeItems', 'computeLayout', 'parseResponsive']) {
    assert.ok(name in mod, `${name} is exported`);
  }
  const { items } = mod.normalizeItems(['a.jpg', ['b.mp4', 'B']]);
  assert.deepEqual(items.map((i) => i.type), ['image', 'video']);
});

test('the registration modules import in Node without throwing', async () => {
  await import('../../elements/media-gallery.js');
});
