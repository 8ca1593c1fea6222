// The CDN entry on a plain page (npm run test:cdn, against dist/cdn): tags that are chunks of
// their own load when the page holds one. Here a standalone <gallery-thumb> and a gallery with
// <gallery-thumb> children are in the document before the entry loads (as in static HTML).
import { expect, html, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { GalleryThumb } from '../../src/gallery-thumb.js';
import type { GalleryToolbar } from '../../src/gallery-toolbar.js';
import type { MediaGallery } from '../../src/media-gallery.js';

type Entry = typeof import('../../src/cdn.js');
const ENTRY = '/dist/cdn/media-gallery.js';
const photo = (n: string) => `/examples/photos/${n}`;
const HASH = 'nasKNZh2h3dwiHiHeHh4h3aAl/eI';
/** The chunk files this page has requested. */
const requested = () => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.startsWith('/dist/cdn/'));
const bg = (el: Element | null) => (el ? getComputedStyle(el).backgroundImage : 'none');

let entry: Entry;

before(async () => {
  document.body.insertAdjacentHTML('beforeend', `
    <gallery-thumb id="early" src="${photo('Aqua.jpg')}" caption="Early"></gallery-thumb>
    <media-gallery id="kids" show-fullscreen-button="false">
      <gallery-thumb src="${photo('Dune.jpg')}" caption="Dune"></gallery-thumb><gallery-thumb src="${photo('Wood.jpg')}" caption="Wood"></gallery-thumb>
    </media-gallery>`);
  entry = (await import(/* @vite-ignore */ ENTRY)) as Entry;
});

describe('the CDN entry', () => {
  it('a <gallery-thumb> in the page when the entry loads is defined from gallery-thumb.js and renders', async () => {
    const el = document.getElementById('early') as GalleryThumb;
    await customElements.whenDefined('gallery-thumb');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img.media')!.getAttribute('src')).to.equal(photo('Aqua.jpg'));
    expect(el.shadowRoot!.querySelector('[part=caption]')!.textContent).to.equal('Early');
    expect(requested()).to.include('/dist/cdn/gallery-thumb.js');
    // The class is not exported by the entry any more: the registry gives it, and loadThumb() loads it.
    expect('GalleryThumb' in entry).to.equal(false);
    expect(el).to.be.instanceOf(customElements.get('gallery-thumb')!);
    await entry.loadThumb();
  });

  it('<gallery-thumb> children of a gallery are its items, read before the tag was defined', async () => {
    const el = document.getElementById('kids') as MediaGallery;
    await el.updateComplete;
    expect(el.items.map((it) => it.caption)).to.deep.equal(['Dune', 'Wood']);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.grid > .tile').length === 2, 'two tiles');
  });

  it('a <gallery-toolbar> added to the page is defined and works by keyboard', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><gallery-toolbar label="Tools"><button>One</button><button>Two</button></gallery-toolbar></div>`);
    const bar = wrap.querySelector<GalleryToolbar>('gallery-toolbar')!;
    await customElements.whenDefined('gallery-toolbar');
    await bar.updateComplete;
    expect(bar.getAttribute('role')).to.equal('toolbar');
    const [one, two] = [...bar.querySelectorAll('button')];
    one.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(document.activeElement).to.equal(two);
    await sendKeys({ press: 'Home' });
    expect(document.activeElement).to.equal(one);
    expect([one.tabIndex, two.tabIndex]).to.deep.equal([0, -1]);
  });

  it('a ThumbHash placeholder appears on a tile once thumbhash.js has loaded', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:600px"><media-gallery .items=${[{ src: `/slow/t.jpg?${Date.now()}`, placeholder: HASH }]}></media-gallery></div>`);
    const el = wrap.querySelector<MediaGallery>('media-gallery')!;
    await waitUntil(() => bg(el.shadowRoot!.querySelector('.grid > .tile .ph')).startsWith('url("data:image/png;base64,'), 'decoded placeholder shown');
    expect(requested()).to.include('/dist/cdn/thumbhash.js');
    await entry.loadPlaceholders();
    expect(entry.placeholderUrl(HASH)).to.match(/^data:image\/png;base64,/);
  });

  it("upload mode loads upload-mode.js with its styles", async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:600px"><media-gallery interactive></media-gallery></div>`);
    const el = wrap.querySelector<MediaGallery>('media-gallery')!;
    await el.updateComplete;
    const zone = el.shadowRoot!.querySelector('[part=dropzone]')!;
    const z = getComputedStyle(zone);
    expect([z.display, z.borderTopStyle, z.cursor]).to.deep.equal(['grid', 'dashed', 'pointer']);
    expect(requested()).to.include('/dist/cdn/upload-mode.js');
  });

  it("a gallery's tile action buttons load tile-actions.js with their styles", async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:600px"><media-gallery show-favorite-button .items=${[{ src: photo('Wood.jpg'), caption: 'Wood' }]}></media-gallery></div>`);
    const el = wrap.querySelector<MediaGallery>('media-gallery')!;
    await el.updateComplete;
    const star = el.shadowRoot!.querySelector<HTMLButtonElement>('.grid > .tile [part~=favorite]')!;
    expect(star.getAttribute('aria-label')).to.equal('Favorite Wood');
    expect(getComputedStyle(star.parentElement!).position).to.equal('absolute');
    expect(requested()).to.include('/dist/cdn/tile-actions.js');
  });
});
