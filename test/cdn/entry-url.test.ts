// The CDN entry loaded under another URL than its chunks import it by (`?v=2`, a cache-busting
// query string many static sites add): the page is told, and the gallery still works (the
// chunks bring a second copy of the entry, which is what the warning is about).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MediaGallery } from '../../src/media-gallery.js';

const ENTRY = '/dist/cdn/media-gallery.js?v=2';
const warnings: unknown[][] = [];
const original = console.warn;

before(async () => {
  console.warn = (...args: unknown[]) => { warnings.push(args); original.apply(console, args); };
  await import(/* @vite-ignore */ ENTRY);
});
after(() => { console.warn = original; });

describe('the CDN entry under a query string', () => {
  it('warns once, naming the URL to use, and the action buttons still come from their chunk', async () => {
    const said = warnings.filter((w) => String(w[0]).includes('without a query string'));
    expect(said.length).to.equal(1);
    expect(String(said[0][0])).to.include('/dist/cdn/media-gallery.js?v=2 runs twice');
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:600px"><media-gallery show-favorite-button columns="2" .items=${['/examples/photos/Aqua.jpg', '/examples/photos/Dune.jpg']}></media-gallery></div>`);
    const el = wrap.querySelector<MediaGallery>('media-gallery')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=favorite]'), 'the favorite buttons show', { timeout: 5000 });
    expect(el.shadowRoot!.querySelectorAll('[part~=favorite]').length).to.equal(2);
  });
});
