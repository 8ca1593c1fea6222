// What loads on demand, from the sources (Chromium and Firefox): the header's <gallery-toolbar>,
// the ThumbHash decoder, upload mode's styles; and <gallery-thumb> children read while the tag
// is not defined. The tests run in this order on purpose: each looks at the page before its
// chunk has loaded (nothing here imports the toolbar, the decoder or <gallery-thumb> up front).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../elements/media-gallery.js';
import type { MediaGallery } from '../src/media-gallery.js';
import type { GalleryThumb } from '../src/gallery-thumb.js';
import type { GalleryToolbar } from '../src/gallery-toolbar.js';
import { loadPlaceholders, placeholderUrl } from '../src/placeholder.js';
import { mount, settle, tileAt, tiles } from './helpers.js';

const photo = (n: string) => `/examples/photos/${n}`;
/** A ThumbHash (base64) of a small orange-to-red picture. */
const HASH = 'nasKNZh2h3dwiHiHeHh4h3aAl/eI';
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';
const bg = (el: Element | null) => (el ? getComputedStyle(el).backgroundImage : 'none');

describe('loaded on demand', () => {
  before(() => setViewport({ width: 1000, height: 800 }));

  it("the header's toolbar: its button shows and works before the chunk, then upgrades in place and works by keyboard", async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:600px"><media-gallery label="Trip" .items=${[photo('Aqua.jpg'), photo('Dune.jpg')]}></media-gallery></div>`);
    const el = wrap.querySelector<MediaGallery>('media-gallery')!;
    await el.updateComplete;
    const bar = el.shadowRoot!.querySelector<GalleryToolbar>('gallery-toolbar')!;
    const button = bar.querySelector<HTMLButtonElement>('[part~=fullscreen]')!;
    const before = button.getBoundingClientRect();
    expect(before.width).to.be.greaterThan(20);
    if (!customElements.get('gallery-toolbar')) {
      // Undefined: laid out as the toolbar will be, and the button works.
      const cs = getComputedStyle(bar);
      expect([cs.display, cs.alignItems, cs.paddingTop]).to.deep.equal(['flex', 'center', '3px']); // a flex item of the header
      button.click();
      await waitUntil(() => button.getAttribute('aria-label') === 'Exit fullscreen', 'fullscreen on');
      button.click();
      await waitUntil(() => button.getAttribute('aria-label') === 'Fullscreen', 'fullscreen off');
    }
    await customElements.whenDefined('gallery-toolbar');
    await bar.updateComplete;
    expect(bar.getAttribute('role')).to.equal('toolbar');
    expect(bar.getAttribute('aria-label')).to.equal('Trip');
    const after = button.getBoundingClientRect();
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(after[k], k).to.be.closeTo(before[k], 0.5);
    // By keyboard: the button holds the toolbar's tab stop; Enter toggles fullscreen.
    button.focus();
    expect(button.tabIndex).to.equal(0);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.getAttribute('aria-label') === 'Exit fullscreen', 'fullscreen on by Enter');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.getAttribute('aria-label') === 'Fullscreen', 'fullscreen off by Enter');
  });

  it('<gallery-thumb> children are read as items from their attributes while the tag is not defined', async () => {
    expect(customElements.get('gallery-thumb')).to.equal(undefined);
    const el = await mount(html`<media-gallery>
      <gallery-thumb src=${photo('Aqua.jpg')} caption="Aqua"></gallery-thumb><gallery-thumb src=${photo('Dune.jpg')} caption="Dune"></gallery-thumb>
    </media-gallery>`);
    expect(el.items.map((it) => [it.src, it.caption])).to.deep.equal([[photo('Aqua.jpg'), 'Aqua'], [photo('Dune.jpg'), 'Dune']]);
    expect(tiles(el).map((t) => t.querySelector('[part=caption]')!.textContent)).to.deep.equal(['Aqua', 'Dune']);
  });

  it('a ThumbHash placeholder appears once its decoder chunk has loaded; a data: URL at once', async () => {
    // Nothing in this page has asked for a ThumbHash yet: none decodes, and asking starts the load.
    expect(placeholderUrl(HASH)).to.equal(null);
    expect(placeholderUrl(GIF)).to.equal(GIF);
    await import('../elements/gallery-thumb.js');
    // Images that do not arrive during the test (/slow/ answers after 8 s), so the placeholders stay.
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:600px">
      <media-gallery columns="2" .items=${[{ src: `/slow/a.jpg?${Date.now()}`, placeholder: HASH }, { src: `/slow/b.jpg?${Date.now()}`, placeholder: GIF }]}></media-gallery>
      <gallery-thumb .item=${{ src: `/slow/c.jpg?${Date.now()}`, placeholder: HASH }}></gallery-thumb>
    </div>`);
    const el = wrap.querySelector<MediaGallery>('media-gallery')!;
    const thumb = wrap.querySelector<GalleryThumb>('gallery-thumb')!;
    await settle(el);
    expect(bg(tileAt(el, 1).querySelector('.ph'))).to.equal(`url("${GIF}")`);
    await waitUntil(() => bg(tileAt(el, 0).querySelector('.ph')).startsWith('url("data:image/png;base64,'), 'the gallery tile shows the decoded ThumbHash');
    await waitUntil(() => bg(thumb.shadowRoot!.querySelector('.ph')).startsWith('url("data:image/png;base64,'), 'the standalone tile too');
    await loadPlaceholders();
    expect(placeholderUrl(HASH)).to.match(/^data:image\/png;base64,/);
    // Once loaded, a new tile has it from its first render.
    const later = await fixture<GalleryThumb>(html`<gallery-thumb .item=${{ src: `/slow/d.jpg?${Date.now()}`, placeholder: HASH }}></gallery-thumb>`);
    expect(bg(later.shadowRoot!.querySelector('.ph'))).to.match(/^url\("data:image\/png;base64,/);
  });

  it("upload mode's chunk brings its styles: the drop zone and refused list look as before; a shown-only gallery has none", async () => {
    const shown = await mount(html`<media-gallery .items=${[photo('Aqua.jpg')]}></media-gallery>`);
    const el = await mount(html`<media-gallery max-file-size="1KB"></media-gallery>`);
    expect(el.shadowRoot!.querySelector('[part=dropzone]')).to.equal(null);
    el.interactive = true;
    await settle(el);
    const zone = el.shadowRoot!.querySelector<HTMLElement>('[part=dropzone]')!;
    const z = getComputedStyle(zone);
    expect([z.display, z.borderTopStyle, z.borderTopWidth, z.cursor]).to.deep.equal(['grid', 'dashed', '2px', 'pointer']);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(5000)], 'big.png', { type: 'image/png' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => el.shadowRoot!.querySelector('[part=refused] li'), 'refused file listed');
    const li = getComputedStyle(el.shadowRoot!.querySelector('[part=refused] li')!);
    expect([li.display, li.borderInlineStartStyle]).to.deep.equal(['flex', 'solid']);
    // Added once, also when the gallery moves; the gallery that is only shown never gets them.
    const sheets = el.shadowRoot!.adoptedStyleSheets.length;
    el.parentElement!.append(el);
    await settle(el);
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(sheets);
    // Neither upload mode's styles nor the tiles' action buttons' (its delete buttons bring them).
    expect(shown.shadowRoot!.adoptedStyleSheets.length).to.equal(sheets - 2);
    expect(getComputedStyle(zone).cursor).to.equal('pointer');
  });

  it("the tiles' action buttons come with their chunk and its styles, on first render and when turned on later; a gallery that shows none has neither", async () => {
    const shown = await mount(html`<media-gallery .items=${[photo('Aqua.jpg')]}></media-gallery>`);
    const own = shown.shadowRoot!.adoptedStyleSheets.length;
    const el = await mount(html`<media-gallery show-like-dislike action-label="Use" .items=${[{ src: photo('Aqua.jpg'), caption: 'Aqua' }]}></media-gallery>`);
    // `updateComplete` waited for the chunk: the buttons are there, named, and laid out by its styles.
    const group = el.shadowRoot!.querySelector<HTMLElement>('.grid > .tile [part=actions]')!;
    expect([...group.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Like Aqua', 'Dislike Aqua', 'Use Aqua']);
    const g = getComputedStyle(group);
    expect([g.position, g.display]).to.deep.equal(['absolute', 'flex']);
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(own + 1);
    expect(shown.shadowRoot!.querySelector('[part=actions]')).to.equal(null);
    expect(shown.shadowRoot!.adoptedStyleSheets.length).to.equal(own);
    // Turned on later: the star shows after the next update, styled, and works.
    shown.showFavoriteButton = true;
    await shown.updateComplete;
    const star = shown.shadowRoot!.querySelector<HTMLButtonElement>('.grid > .tile [part~=favorite]')!;
    expect(getComputedStyle(star.parentElement!).position).to.equal('absolute');
    expect(shown.shadowRoot!.adoptedStyleSheets.length).to.equal(own + 1);
    const fired: boolean[] = [];
    const onFavorite = (e: Event) => fired.push((e as CustomEvent<{ favorite: boolean }>).detail.favorite);
    document.addEventListener('favorite', onFavorite, { capture: true });
    star.click();
    document.removeEventListener('favorite', onFavorite, { capture: true });
    expect(fired).to.deep.equal([true]);
    await shown.updateComplete;
    expect(shown.shadowRoot!.querySelector('.grid > .tile [part~=favorite]')!.getAttribute('aria-pressed')).to.equal('true');
  });
});
