// The CDN entry on a page with no <gallery-thumb> when it loads: the chunk is not requested
// until one is added, deep in a subtree, and then it is defined and renders.
import { expect, waitUntil } from '@open-wc/testing';
import type { GalleryThumb } from '../../src/gallery-thumb.js';

const ENTRY = '/dist/cdn/media-gallery.js';
const requested = (file: string) => performance.getEntriesByType('resource').some((r) => new URL(r.name).pathname === `/dist/cdn/${file}`);

before(async () => {
  await import(/* @vite-ignore */ ENTRY);
});

describe('the CDN entry, a <gallery-thumb> added later', () => {
  it('loads gallery-thumb.js only once one is added to the document, then it renders', async () => {
    // The autoloader looked at the document when the entry ran, and found none.
    expect(customElements.get('gallery-thumb')).to.equal(undefined);
    expect(requested('gallery-thumb.js')).to.equal(false);
    const section = document.createElement('section');
    section.innerHTML = '<div><p><gallery-thumb src="/examples/photos/Garden.jpg" caption="Garden"></gallery-thumb></p></div>';
    document.body.append(section);
    await customElements.whenDefined('gallery-thumb');
    const el = section.querySelector<GalleryThumb>('gallery-thumb')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=caption]')!.textContent).to.equal('Garden');
    await waitUntil(() => el.loaded, 'image loaded', { timeout: 8000 });
    expect(requested('gallery-thumb.js')).to.equal(true);
    section.remove();
  });
});
