import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../elements/media-gallery.js';
import type { MediaGallery } from '../src/media-gallery.js';
import type { GalleryPreview } from '../src/gallery-preview.js';
import type { GalleryItem } from '../src/model/items.js';
import { deepActive, focusedTile, intersection, isActive, isLoaded, isSelected, mainOf, mount, record, recordCapture, settle, tileAt, tileButton, tileIndex, tiles } from './helpers.js';

const PHOTOS = ['Aqua.jpg', 'Blinds.jpg', 'Dune.jpg', 'Elephants.jpg', 'FreshFlower.jpg', 'Garden.jpg', 'GreenMeadow.jpg', 'LadyBird.jpg', 'RainDrops.jpg', 'Storm.jpg', 'TwoWings.jpg', 'Wood.jpg'];
const photo = (n: string) => `/examples/photos/${n}`;
const items = (count = PHOTOS.length): GalleryItem[] =>
  Array.from({ length: count }, (_, i) => ({ src: photo(PHOTOS[i % PHOTOS.length]), caption: `Photo ${i + 1}`, width: 1600, height: 1200 }));

const preview = (el: MediaGallery) => el.shadowRoot!.querySelector<GalleryPreview>('gallery-preview')!;
const pq = <T extends Element = HTMLElement>(el: MediaGallery, sel: string) => preview(el).shadowRoot!.querySelector<T>(sel);
describe('<media-gallery> rendering', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('renders one tile per item with caption and alt, in a labelled list', async () => {
    const el = await mount(html`<media-gallery label="Holiday" .items=${items(4)} columns="2"></media-gallery>`);
    expect(tiles(el)).to.have.length(4);
    const grid = el.shadowRoot!.querySelector('[part=grid]')!;
    expect(grid.getAttribute('role')).to.equal('list');
    expect(grid.getAttribute('aria-label')).to.equal('Holiday');
    const t = tileAt(el, 1);
    expect(t.getAttribute('aria-posinset')).to.equal('2');
    expect(t.getAttribute('aria-setsize')).to.equal('4');
    expect(t.querySelector('[part=caption]')!.textContent).to.equal('Photo 2');
    expect(t.querySelector('img')!.alt).to.equal('Photo 2');
    expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.contain('Holiday');
  });

  it('sizes columns from a number and the gap', async () => {
    const el = await mount(html`<media-gallery .items=${items(6)} columns="3" gap="10" container="false"></media-gallery>`, 620);
    const [a, b] = [tileAt(el, 0).getBoundingClientRect(), tileAt(el, 1).getBoundingClientRect()];
    expect(a.width).to.be.closeTo(200, 0.5);
    expect(b.left - a.right).to.be.closeTo(10, 0.5);
    expect(a.height).to.be.closeTo(a.width, 0.5); // square cells, like Gradio
    expect(tileAt(el, 3).getBoundingClientRect().top - a.bottom).to.be.closeTo(10, 0.5);
  });

  for (const [width, cols] of [[400, 1], [700, 2], [800, 3], [1000, 3], [1250, 5]] as const) {
    it(`takes columns from the container width: ${width}px → ${cols}`, async () => {
      const el = await mount(html`<media-gallery .items=${items(12)} columns='{"xs":1,"sm":2,"md":3,"xl":5}' container="false" gap="0"></media-gallery>`, width);
      expect(tileAt(el, 0).getBoundingClientRect().width).to.be.closeTo(width / cols, 0.5);
    });
  }

  it('re-lays out when the container is resized', async () => {
    const el = await mount(html`<media-gallery .items=${items(8)} columns="1 2 3" container="false" gap="0"></media-gallery>`, 500);
    expect(tileAt(el, 0).getBoundingClientRect().width).to.be.closeTo(500, 0.5);
    (el.parentElement as HTMLElement).style.width = '900px';
    await waitUntil(() => Math.abs(tileAt(el, 0).getBoundingClientRect().width - 300) < 1, 'three columns at 900px');
  });

  it('bounds the visible rows with `rows` and scrolls inside', async () => {
    const el = await mount(html`<media-gallery .items=${items(60)} columns="3" rows="2" gap="0" container="false"></media-gallery>`, 600);
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const tile = tileAt(el, 0).getBoundingClientRect().height;
    expect(scroller.getBoundingClientRect().height).to.be.closeTo(2 * tile, 1);
    expect(tiles(el).length).to.be.lessThan(30); // rows out of view are not rendered
    expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight);
  });

  it('takes `height` as px or a CSS length', async () => {
    const el = await mount(html`<media-gallery .items=${items(12)} columns="3" height="300"></media-gallery>`);
    expect(el.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect().height).to.be.closeTo(300, 1);
    el.height = '10rem';
    await settle(el);
    expect(el.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect().height).to.be.closeTo(160, 1);
  });

  it('uses the srcset with sizes from the tile width, so small tiles load small candidates', async () => {
    const srcset = `${photo('Aqua.jpg')}?w=320 320w, ${photo('Aqua.jpg')}?w=1280 1280w`;
    const el = await mount(html`<media-gallery columns="4" gap="0" container="false" .items=${[{ src: photo('Aqua.jpg'), thumb: photo('Aqua.jpg'), srcset }]}></media-gallery>`, 800);
    const img = tileAt(el, 0).querySelector('img')!;
    expect(img.getAttribute('srcset')).to.equal(srcset);
    expect(img.getAttribute('sizes')).to.equal('200px');
    expect(img.getAttribute('loading')).to.equal('lazy'); // in view, so the browser loads it at once, off the first frame
    expect(img.getAttribute('fetchpriority')).to.equal('high'); // first screen
    expect(img.getAttribute('decoding')).to.equal('async');
  });

  it('lazy-loads tiles below the first screen, the first screen\'s first', async () => {
    const el = await mount(html`<media-gallery columns="2" .items=${items(40)}></media-gallery>`, 800);
    const below = tiles(el).filter((t) => t.getBoundingClientRect().top > window.innerHeight);
    expect(below.length, 'overscan renders tiles below the viewport').to.be.greaterThan(0);
    for (const t of below) {
      expect(t.querySelector('img')!.getAttribute('loading'), `tile ${tileIndex(t)}`).to.equal('lazy');
      expect(t.querySelector('img')!.getAttribute('fetchpriority'), `tile ${tileIndex(t)}`).to.equal('auto');
    }
    const top = tileAt(el, 0).querySelector('img')!;
    expect(top.getAttribute('fetchpriority')).to.equal('high');
    await waitUntil(() => top.complete && top.naturalWidth > 0, 'the first screen\'s image loads');
  });

  it('reserves each tile\'s box before its image loads (no layout shift)', async () => {
    const el = await mount(html`<media-gallery layout="justified" row-height="120" .items=${[{ src: '/slow/never.jpg', width: 300, height: 100 }, { src: photo('Aqua.jpg'), width: 100, height: 100 }]}></media-gallery>`, 800);
    const [a, b] = [tileAt(el, 0).getBoundingClientRect(), tileAt(el, 1).getBoundingClientRect()];
    expect(a.width / a.height).to.be.closeTo(3, 0.01);
    expect(b.width / b.height).to.be.closeTo(1, 0.01);
  });

  it('passes object-fit to the images', async () => {
    const el = await mount(html`<media-gallery .items=${items(2)} object-fit="contain"></media-gallery>`);
    const img = tileAt(el, 0).querySelector('img')!;
    expect(getComputedStyle(img).objectFit).to.equal('contain');
  });

  it('hides the label with show-label="false" and the container frame with container="false"', async () => {
    const el = await mount(html`<media-gallery label="X" show-label="false" container="false" .items=${items(2)}></media-gallery>`);
    expect(el.shadowRoot!.querySelector('[part=label]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.wrap')!.classList.contains('container')).to.equal(false);
  });

  it('shows an empty state with no items', async () => {
    const el = await mount(html`<media-gallery></media-gallery>`);
    const empty = el.shadowRoot!.querySelector('[part=empty]')!;
    expect(empty).to.exist;
    expect(empty.textContent).to.contain('No images yet');
    await expect(el).to.be.accessible();
  });

  it('reads light-DOM children when neither items nor src is set', async () => {
    const el = await mount(html`<media-gallery columns="2">
      <img src=${photo('Aqua.jpg')} alt="Water drop"><a href=${photo('Dune.jpg')}><img src=${photo('Dune.jpg')} alt="Dune"></a>
      <video src="/examples/video/storm-pan.mp4" title="Storm"></video></media-gallery>`);
    expect(el.items.map((i) => i.type)).to.deep.equal(['image', 'image', 'video']);
    expect(tiles(el)).to.have.length(3);
    expect(tileAt(el, 0).querySelector('img')!.alt).to.equal('Water drop');
    // a video tile shows its first frame and a play badge
    expect(tileAt(el, 2).querySelector('video')).to.exist;
    expect(tileAt(el, 2).querySelector('.badge')).to.exist;
  });

  it('reads a child again when any attribute it is read from changes (caption, type, width…)', async () => {
    const el = await mount(html`<media-gallery columns="2"><gallery-thumb src=${photo('Aqua.jpg')} caption="Before"></gallery-thumb>
      <img src=${photo('Dune.jpg')} alt="Dune" width="1680" height="1050"></media-gallery>`);
    const thumb = el.querySelector('gallery-thumb')!;
    thumb.setAttribute('caption', 'After');
    await waitUntil(() => tileAt(el, 0).querySelector('.caption')?.textContent === 'After', 'caption re-read');
    el.querySelector('img')!.setAttribute('width', '800');
    await waitUntil(() => el.items[1].width === 800, 'width re-read');
    thumb.setAttribute('type', 'video');
    await waitUntil(() => el.items[0].type === 'video', 'type re-read');
  });

  it('loads items from `src` (a manifest), resolving relative URLs against it', async () => {
    const el = await mount(html`<media-gallery src="/test/fixtures/manifest.json"></media-gallery>`);
    await waitUntil(() => el.items.length === 2, 'manifest loaded');
    expect(el.items[0].src).to.equal(new URL('/examples/photos/Aqua.jpg', location.href).href);
    expect(el.items[0].srcset).to.contain(new URL('/examples/photos/Aqua.jpg', location.href).href);
    expect(el.items[1].type).to.equal('video');
  });

  it('reports a `src` that fails to load with item-error, and keeps rendering', async () => {
    const el = document.createElement('media-gallery') as MediaGallery;
    const ev = oneEvent(el, 'item-error');
    el.src = '/test/fixtures/does-not-exist.json';
    document.body.append(el);
    const e = await ev;
    expect(e.detail.reason).to.match(/src: HTTP 404/);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part=empty]')).to.exist;
    el.remove();
  });

  it('skips invalid inputs with one warning and an item-error each, rendering the rest', async () => {
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      const el = await mount(html`<media-gallery></media-gallery>`);
      const errors = record(el, ['item-error']);
      el.items = [photo('Aqua.jpg'), 42 as never, { nope: true } as never, [photo('Dune.jpg'), 'Dune']];
      await settle(el);
      expect(tiles(el)).to.have.length(2);
      expect(warnings).to.have.length(1);
      expect(errors.map((e) => e.detail.index)).to.deep.equal([1, 2]);
      expect(errors[0].detail.item).to.equal(null);
    } finally {
      console.warn = warn;
    }
  });

  it('turns a broken image into an error tile with its caption and fires item-error', async () => {
    const ev = oneEvent(document, 'item-error'); // bubbles and is composed: reaches the document
    const el = await mount(html`<media-gallery .items=${[{ src: '/nope/missing.jpg', caption: 'Lost' }, { src: photo('Aqua.jpg') }]}></media-gallery>`);
    const e = await ev;
    expect(e.target).to.equal(el);
    expect(e.detail.index).to.equal(0);
    expect(e.detail.item.src).to.equal('/nope/missing.jpg');
    await settle(el);
    const err = tileAt(el, 0).querySelector('[part=error]')!;
    expect(err.textContent).to.contain('Lost');
    expect(tileAt(el, 1).querySelector('[part=error]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a focused tile whose image fails keeps its button and focus; the broken image is not shown', async () => {
    // A URL that fails once released: the tile is focused before the error arrives.
    const gate = `fail-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const errors = recordCapture(['item-error']);
    const el = await mount(html`<media-gallery .items=${[{ src: `/upload-test/gated-404?gate=${gate}`, alt: 'Lost one' }, { src: photo('Aqua.jpg') }]}></media-gallery>`);
    const button = mainOf(tileAt(el, 0));
    button.focus();
    expect(deepActive()).to.equal(button);
    expect(errors).to.have.length(0);
    await waitUntil(async () => (await (await fetch(`/upload-test/release?gate=${gate}`)).json()).released, 'the image request reached the server', { timeout: 5000, interval: 100 });
    await waitUntil(() => tileAt(el, 0).querySelector('[part=error]'), 'error tile', { timeout: 5000 });
    errors.stop();
    expect(errors.map((e) => e.detail.index)).to.deep.equal([0]);
    expect(mainOf(tileAt(el, 0))).to.equal(button);
    expect(deepActive()).to.equal(button);
    const img = tileAt(el, 0).querySelector('img');
    expect(img === null || getComputedStyle(img).display === 'none', 'broken image hidden').to.equal(true);
    expect(button.textContent).to.contain('Lost one');
  });

  it('shows the placeholder until the thumbnail has loaded', async () => {
    const ph = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';
    const el = await mount(html`<media-gallery .items=${[{ src: photo('Storm.jpg'), placeholder: ph }]}></media-gallery>`);
    const t = tileAt(el, 0);
    if (!isLoaded(t)) {
      expect(t.querySelector('.ph')).to.exist;
      expect(getComputedStyle(t.querySelector('.ph')!).display).to.not.equal('none');
    }
    await waitUntil(() => isLoaded(t), 'loaded');
    await settle(el);
    // Gone, or no longer shown (the grid's tiles keep the element and hide it once loaded).
    const shown = t.querySelector('.ph');
    expect(shown === null || getComputedStyle(shown).display === 'none', 'placeholder hidden').to.equal(true);
    await waitUntil(() => getComputedStyle(t.querySelector('img.media')!).opacity === '1', 'image shown');
  });

  it('is accessible with actions shown', async () => {
    const el = await mount(html`<media-gallery label="Photos" .items=${items(4)} show-like-dislike show-favorite-button show-edit-button action-label="Use"></media-gallery>`);
    await expect(el).to.be.accessible();
  });
});

describe('<media-gallery> events', () => {
  it('click selects and opens the preview: select then preview-open, with details', async () => {
    const el = await mount(html`<media-gallery .items=${items(5)}></media-gallery>`);
    const log = record(el, ['select', 'preview-open']);
    mainOf(tileAt(el, 2)).click();
    await settle(el);
    expect(log.map((l) => l.type)).to.deep.equal(['select', 'preview-open']);
    expect(log[0].detail).to.include({ index: 2, selected: true });
    expect(log[0].detail.item.caption).to.equal('Photo 3');
    expect(log[1].detail.index).to.equal(2);
    expect(el.preview).to.equal(true);
    expect(el.selectedIndex).to.equal(2);
    expect(el.getAttribute('selected-index')).to.equal('2');
  });

  it('a cancelled select neither selects nor opens', async () => {
    const el = await mount(html`<media-gallery .items=${items(5)}></media-gallery>`);
    el.addEventListener('select', (e) => e.preventDefault());
    const log = record(el, ['preview-open']);
    mainOf(tileAt(el, 1)).click();
    await settle(el);
    expect(el.preview).to.equal(false);
    expect(el.selectedIndex).to.equal(null);
    expect(log).to.have.length(0);
  });

  it('without allow-preview, a click toggles the selection (selected:false when cleared)', async () => {
    const el = await mount(html`<media-gallery allow-preview="false" .items=${items(3)}></media-gallery>`);
    const log = record(el, ['select']);
    mainOf(tileAt(el, 1)).click();
    await settle(el);
    expect(isSelected(tileAt(el, 1))).to.equal(true);
    mainOf(tileAt(el, 1)).click();
    await settle(el);
    expect(log.map((l) => l.detail.selected)).to.deep.equal([true, false]);
    expect(el.selectedIndex).to.equal(null);
    expect(el.shadowRoot!.querySelector('gallery-preview')).to.equal(null);
  });

  it('like / dislike toggle liked true → null, false, with the event detail and the button state', async () => {
    const el = await mount(html`<media-gallery show-like-dislike .items=${items(3)}></media-gallery>`);
    const log = record(el, ['like']);
    const btn = (name: string) => tileButton(tileAt(el, 0), name);
    btn('like').click();
    await settle(el);
    expect(log[0].detail).to.include({ index: 0, liked: true });
    expect(log[0].detail.item.liked).to.equal(true);
    expect(el.items[0].liked).to.equal(true);
    expect(btn('like').getAttribute('aria-pressed')).to.equal('true');
    btn('like').click();
    await settle(el);
    expect(log[1].detail.liked).to.equal(null);
    btn('dislike').click();
    await settle(el);
    expect(log[2].detail.liked).to.equal(false);
    expect(btn('dislike').getAttribute('aria-pressed')).to.equal('true');
    expect(btn('like').getAttribute('aria-pressed')).to.equal('false');
  });

  it('a cancelled favorite reverts the star', async () => {
    const el = await mount(html`<media-gallery show-favorite-button .items=${items(2)}></media-gallery>`);
    el.addEventListener('favorite', (e) => e.preventDefault());
    const star = () => tileButton(tileAt(el, 1), 'favorite');
    setTimeout(() => star().click());
    const e = await oneEvent(el, 'favorite');
    expect(e.detail).to.include({ index: 1, favorite: true });
    await settle(el);
    expect(el.items[1].favorite).to.equal(undefined);
    expect(star().getAttribute('aria-pressed')).to.equal('false');
  });

  it('edit and action fire with index and item, passing meta through untouched', async () => {
    const meta = { id: 'x-1', nested: [1, 2] };
    const el = await mount(html`<media-gallery show-edit-button action-label="Use as input" .items=${[{ src: photo('Aqua.jpg'), meta }]}></media-gallery>`);
    const t = tileAt(el, 0);
    setTimeout(() => tileButton(t, 'edit').click());
    const e1 = await oneEvent(el, 'edit');
    expect(e1.detail.index).to.equal(0);
    expect(e1.detail.item.meta).to.equal(meta);
    const action = tileButton(t, 'action');
    expect(action.textContent!.trim()).to.equal('Use as input');
    setTimeout(() => action.click());
    const e2 = await oneEvent(el, 'action');
    expect(e2.bubbles && e2.composed).to.equal(true);
    expect(e2.detail.item.meta).to.equal(meta);
  });

  it('load more: one load-more per pending request, busy until items grow', async () => {
    // A bounded height keeps the end of the list out of view, so only the button asks for more.
    const el = await mount(html`<media-gallery has-more height="200" load-more-label="More photos" .items=${items(4)}></media-gallery>`);
    const log = record(el, ['load-more']);
    const btn = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=load-more]')!;
    expect(btn().textContent!.trim()).to.equal('More photos');
    btn().click();
    btn().click();
    await settle(el);
    expect(log.length).to.equal(1);
    expect(log[0].detail).to.deep.equal({ count: 4 });
    expect(btn().getAttribute('aria-busy')).to.equal('true');
    el.items = items(8);
    await settle(el);
    expect(btn().getAttribute('aria-busy')).to.equal('false');
    btn().click();
    await settle(el);
    expect(log.length).to.equal(2);
    expect(log[1].detail.count).to.equal(8);
    el.hasMore = false;
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part~=load-more]')).to.equal(null);
  });

  it('infinite scroll (opt-in): reaching the end fires load-more once, not again while pending', async () => {
    const el = await mount(html`<media-gallery has-more infinite-scroll height="300" columns="3" .items=${items(30)}></media-gallery>`);
    const log = record(el, ['load-more']);
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const sentinel = el.shadowRoot!.querySelector('.sentinel')!;
    expect(await intersection(sentinel, scroller)).to.equal(false);
    expect(log).to.have.length(0); // the end is out of view
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => log.length === 1, 'load-more at the end');
    expect(log[0].detail.count).to.equal(30);
    scroller.scrollTop = 0;
    expect(await intersection(sentinel, scroller)).to.equal(false);
    scroller.scrollTop = scroller.scrollHeight;
    expect(await intersection(sentinel, scroller)).to.equal(true);
    expect(log).to.have.length(1);
    el.items = items(40);
    await settle(el);
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => log.length === 2, 'a second load-more once items grew');
    expect(log[1].detail.count).to.equal(40);
    el.hasMore = false;
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part~=load-more]')).to.equal(null);
  });

  it('fires no events for changes the page makes itself', async () => {
    const el = await mount(html`<media-gallery .items=${items(5)}></media-gallery>`);
    const log = record(el, ['select', 'preview-open', 'preview-close', 'like', 'change', 'load-more']);
    el.selectedIndex = 2;
    el.open(3);
    await settle(el);
    el.next();
    el.close();
    el.items = items(6);
    el.hasMore = true;
    await settle(el);
    expect(log).to.deep.equal([]);
  });

  it('download and share from the preview fire cancelable events', async () => {
    const el = await mount(html`<media-gallery show-share-button .items=${items(3)}></media-gallery>`);
    el.open(1);
    await settle(el);
    await preview(el).updateComplete;
    el.addEventListener('download', (e) => e.preventDefault());
    el.addEventListener('share', (e) => e.preventDefault());
    setTimeout(() => pq(el, '[part~=download]')!.click());
    const d = await oneEvent(el, 'download');
    expect(d.cancelable).to.equal(true);
    expect(d.detail.index).to.equal(1);
    setTimeout(() => pq(el, '[part~=share]')!.click());
    const s = await oneEvent(el, 'share');
    expect(s.detail.item.caption).to.equal('Photo 2');
  });
});

describe('<media-gallery> keyboard', () => {
  it('has one tab stop and moves it with arrows, Home/End, PageDown (roving tabindex)', async () => {
    const el = await mount(html`<media-gallery .items=${items(12)} columns="3" container="false"></media-gallery>`, 600);
    const stops = () => tiles(el).filter(isActive).map(tileIndex);
    expect(stops()).to.deep.equal([0]);
    mainOf(tileAt(el, 0)).focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(stops()).to.deep.equal([1]);
    expect(deepActive()).to.equal(mainOf(tileAt(el, 1)));
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(deepActive()).to.equal(mainOf(tileAt(el, 4)));
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(deepActive()).to.equal(mainOf(tileAt(el, 11)));
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(deepActive()).to.equal(mainOf(tileAt(el, 0)));
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(deepActive()).to.equal(mainOf(tileAt(el, 0)));
    await sendKeys({ press: 'PageDown' });
    await settle(el);
    const after = tileIndex(focusedTile()!);
    expect(after % 3).to.equal(0);
    expect(after).to.be.greaterThan(3);
  });

  it('ArrowLeft/Right are mirrored in RTL', async () => {
    const el = await mount(html`<media-gallery dir="rtl" .items=${items(6)} columns="3"></media-gallery>`, 600);
    mainOf(tileAt(el, 1)).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(deepActive()).to.equal(mainOf(tileAt(el, 2)));
  });

  it('Enter opens the preview; Escape closes it and returns focus to the tile', async () => {
    const el = await mount(html`<media-gallery .items=${items(6)} columns="3"></media-gallery>`, 600);
    mainOf(tileAt(el, 0)).focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    const opened = oneEvent(el, 'preview-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.index).to.equal(1);
    await settle(el);
    const dialog = pq<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(preview(el).shadowRoot!.activeElement).to.exist; // focus moved into the dialog
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.selectedIndex).to.equal(2);
    const closed = oneEvent(el, 'preview-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.index).to.equal(2);
    await settle(el);
    await waitUntil(() => deepActive() === mainOf(tileAt(el, 2)), 'focus back on tile 3');
    expect(dialog.open).to.equal(false);
  });

  it('Space opens the preview too', async () => {
    const el = await mount(html`<media-gallery .items=${items(3)}></media-gallery>`);
    mainOf(tileAt(el, 0)).focus();
    const opened = oneEvent(el, 'preview-open');
    await sendKeys({ press: ' ' });
    expect((await opened).detail.index).to.equal(0);
  });
});

describe('<media-gallery> preview', () => {
  it('shows the large image, the caption, a counter, and keeps the strip in sync', async () => {
    const el = await mount(html`<media-gallery .items=${items(12)}></media-gallery>`);
    el.open(2);
    await settle(el);
    const p = preview(el);
    await p.updateComplete;
    expect(pq(el, '.counter')!.textContent!.trim()).to.equal('3 / 12');
    expect(pq(el, '[part=caption]')!.textContent).to.equal('Photo 3');
    expect(pq<HTMLImageElement>(el, '.slide.current img.large')!.getAttribute('src')).to.equal(photo(PHOTOS[2]));
    expect(pq(el, '.strip [aria-current=true]')!.getAttribute('aria-label')).to.equal('Image 3 of 12');
    expect(pq(el, 'dialog')!.getAttribute('aria-label')).to.equal('Image 3 of 12: Photo 3');
    const log = record(el, ['select']);
    pq(el, '[part~=next]')!.click();
    await settle(el);
    await p.updateComplete;
    expect(log[0].detail).to.include({ index: 3, selected: true });
    expect(pq(el, '.counter')!.textContent!.trim()).to.equal('4 / 12');
    expect(pq(el, '.sr[aria-live=polite]')!.textContent).to.equal('Image 4 of 12: Photo 4');
    // neighbours are inert
    expect(pq(el, '.slide:not(.current)')!.hasAttribute('inert')).to.equal(true);
  });

  it('wraps with loop and stops at the ends with loop="false"', async () => {
    const el = await mount(html`<media-gallery .items=${items(3)}></media-gallery>`);
    el.open(2);
    await settle(el);
    pq(el, '[part~=next]')!.click();
    await settle(el);
    expect(el.selectedIndex).to.equal(0);
    el.loop = false;
    await settle(el);
    await preview(el).updateComplete;
    expect(pq<HTMLButtonElement>(el, '[part~=previous]')!.disabled).to.equal(true);
  });

  it('hides the close button with hide-close-button', async () => {
    const el = await mount(html`<media-gallery hide-close-button .items=${items(2)}></media-gallery>`);
    el.open(0);
    await settle(el);
    expect(pq(el, '[part~=close]')).to.equal(null);
  });

  it('the close button closes and fires preview-close', async () => {
    const el = await mount(html`<media-gallery .items=${items(2)}></media-gallery>`);
    el.open(1);
    await settle(el);
    setTimeout(() => pq(el, '[part~=close]')!.click());
    const e = await oneEvent(el, 'preview-close');
    expect(e.detail).to.deep.equal({ index: 1 });
    expect(el.preview).to.equal(false);
  });

  it('like in the preview updates the tile too', async () => {
    const el = await mount(html`<media-gallery show-like-dislike .items=${items(3)}></media-gallery>`);
    el.open(1);
    await settle(el);
    setTimeout(() => pq(el, '[part~=like]')!.click());
    const e = await oneEvent(el, 'like');
    expect(e.detail).to.include({ index: 1, liked: true });
    await settle(el);
    expect(tileAt(el, 1).querySelector('[part~=like]')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('starts open with the preview attribute at selected-index', async () => {
    const el = await mount(html`<media-gallery preview selected-index="1" .items=${items(3)}></media-gallery>`);
    await preview(el).updateComplete;
    expect(pq<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    expect(pq(el, '.counter')!.textContent!.trim()).to.equal('2 / 3');
  });

  it('plays videos with controls in the preview', async () => {
    const el = await mount(html`<media-gallery .items=${[{ src: '/examples/video/storm-pan.mp4', caption: 'Storm' }]}></media-gallery>`);
    el.open(0);
    await settle(el);
    const v = pq<HTMLVideoElement>(el, '.slide.current video')!;
    expect(v.controls).to.equal(true);
    expect(v.autoplay).to.equal(false);
  });

  it('is accessible with the preview open', async () => {
    const el = await mount(html`<media-gallery label="Photos" show-like-dislike .items=${items(4)}></media-gallery>`);
    el.open(0);
    await settle(el);
    await preview(el).updateComplete;
    await expect(preview(el)).to.be.accessible();
  });
});

describe('<media-gallery> upload mode', () => {
  const png = async (name = 'a.png') => {
    const c = document.createElement('canvas');
    c.width = c.height = 8;
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
    return new File([blob], name, { type: 'image/png' });
  };

  it('adds accepted files, fires upload then change, and refuses type and size', async () => {
    const el = await mount(html`<media-gallery interactive max-file-size="1KB" .items=${items(1)}></media-gallery>`);
    expect(el.shadowRoot!.querySelector('[part=dropzone]')).to.exist;
    const log = record(el, ['upload', 'change', 'upload-error']);
    const big = new File([new Uint8Array(5000)], 'big.png', { type: 'image/png' });
    const txt = new File(['hi'], 'notes.txt', { type: 'text/plain' });
    // Through the real file input, as a user's choice arrives.
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const dt = new DataTransfer();
    for (const f of [await png(), big, txt]) dt.items.add(f);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    expect(log.map((l) => l.type)).to.deep.equal(['upload-error', 'upload-error', 'upload', 'change']);
    expect(log[0].detail.reason).to.equal('size');
    expect(log[1].detail.reason).to.equal('type');
    expect(log[2].detail.files.map((f: File) => f.name)).to.deep.equal(['a.png']);
    expect(log[3].detail.items).to.have.length(2);
    expect(tiles(el)).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('deletes an item with its delete button (cancelable) and fires change', async () => {
    const el = await mount(html`<media-gallery interactive .items=${items(3)}></media-gallery>`);
    const log = record(el, ['delete', 'change']);
    tileButton(tileAt(el, 1), 'delete').click();
    await settle(el);
    expect(log.map((l) => l.type)).to.deep.equal(['delete', 'change']);
    expect(el.items.map((i) => i.caption)).to.deep.equal(['Photo 1', 'Photo 3']);
    el.addEventListener('delete', (e) => e.preventDefault());
    tileButton(tileAt(el, 0), 'delete').click();
    await settle(el);
    expect(el.items).to.have.length(2);
  });
});

describe('<media-gallery> in the page', () => {
  it('survives being removed and re-added', async () => {
    const el = await mount(html`<media-gallery .items=${items(3)}></media-gallery>`);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await settle(el);
    expect(tiles(el)).to.have.length(3);
  });
});

describe('<media-gallery>: one host, one store', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('a capturing listener on document sees each user action once, from the gallery', async () => {
    const el = await mount(html`<media-gallery show-like-dislike show-edit-button .items=${items(4)}></media-gallery>`);
    const seen = recordCapture(['select', 'like', 'edit', 'preview-open', 'preview-close']);
    try {
      const t = tileAt(el, 1);
      tileButton(t, 'like').click();
      tileButton(t, 'edit').click();
      mainOf(t).click();
      await settle(el);
      pq(el, '[part~=close]')!.click();
      await waitUntil(() => seen.some((x) => x.type === 'preview-close'), 'preview-close');
      expect(seen.map((x) => x.type)).to.deep.equal(['like', 'edit', 'select', 'preview-open', 'preview-close']);
      expect(seen.every((x) => x.event.target === el)).to.equal(true);
      expect(seen[2].detail).to.include({ index: 1, selected: true });
    } finally {
      seen.stop();
    }
  });

  it('item-error reaches a capturing listener once per failed tile', async () => {
    const seen = recordCapture(['item-error']);
    try {
      const el = await mount(html`<media-gallery .items=${['/missing/a.jpg', photo('Aqua.jpg'), '/missing/b.jpg']}></media-gallery>`);
      await waitUntil(() => seen.length >= 2, 'two item-errors');
      await settle(el);
      expect(seen.map((x) => x.detail.index).sort()).to.deep.equal([0, 2]);
      expect(seen.every((x) => x.event.target === el && x.detail.reason === 'load')).to.equal(true);
    } finally {
      seen.stop();
    }
  });

  it('preventDefault from a capturing listener on document keeps the selection and the preview closed', async () => {
    const el = await mount(html`<media-gallery .items=${items(4)}></media-gallery>`);
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('select', cancel, { capture: true });
    try {
      mainOf(tileAt(el, 2)).click();
      await settle(el);
    } finally {
      document.removeEventListener('select', cancel, { capture: true });
    }
    expect(el.selectedIndex).to.equal(null);
    expect(el.preview).to.equal(false);
    expect(preview(el).shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });

  it('selection and focus follow their item into a new array', async () => {
    const list = items(6).map((x, i) => ({ ...x, id: `p${i}` }));
    const el = await mount(html`<media-gallery .items=${list}></media-gallery>`);
    mainOf(tileAt(el, 3)).focus();
    el.open(3);
    await settle(el);
    el.items = [{ src: photo('Wood.jpg'), caption: 'New first', id: 'new' }, ...list];
    await settle(el);
    expect(el.selectedIndex).to.equal(4);
    expect(pq(el, '.caption')!.textContent).to.equal('Photo 4');
    el.close();
    await settle(el);
    expect(mainOf(tileAt(el, 4)).tabIndex).to.equal(0);
  });

  it('items set by the page win over a src response that arrives later', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const realFetch = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      await gate;
      return realFetch(...args);
    };
    try {
      const el = await mount(html`<media-gallery src="/test/fixtures/manifest.json"></media-gallery>`);
      el.items = items(2);
      await settle(el);
      release();
      // The manifest response (if it were applied) would change the count: wait until the
      // aborted request has settled, then check.
      await waitUntil(async () => { await realFetch('/test/fixtures/manifest.json'); return true; });
      await settle(el);
      expect(el.items.map((x) => x.caption)).to.deep.equal(['Photo 1', 'Photo 2']);
      expect(tiles(el)).to.have.length(2);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('an aspect ratio learnt in masonry survives a like', async () => {
    const list = PHOTOS.slice(0, 4).map((n) => ({ src: photo(n), caption: n }));
    const el = await mount(html`<media-gallery layout="masonry" columns="2" container="false" show-like-dislike .items=${list}></media-gallery>`, 600);
    const ratio = (i: number) => { const r = tileAt(el, i).getBoundingClientRect(); return r.width / r.height; };
    await waitUntil(() => Math.abs(ratio(0) - 1) > 0.05, 'learnt ratio of the first photo');
    const learnt = ratio(0);
    tileButton(tileAt(el, 0), 'like').click();
    await settle(el);
    (el.parentElement as HTMLElement).style.width = '500px';
    await waitUntil(() => Math.abs(tileAt(el, 0).getBoundingClientRect().width - 246) < 2, 'relaid out at 500px');
    expect(ratio(0)).to.be.closeTo(learnt, 0.02);
    expect(el.items[0].liked).to.equal(true);
  });

  it('an item of the wrong shape is skipped with item-error, however typed', async () => {
    const log = recordCapture(['item-error']);
    try {
      const el = await mount(html`<media-gallery .items=${[{ src: photo('Aqua.jpg'), type: 'image', placeholder: 12345 }, { src: 7, type: 'image' }, photo('Dune.jpg')]}></media-gallery>`);
      await waitUntil(() => log.length === 1, 'one item-error');
      expect(log[0].detail).to.include({ index: 1, item: null });
      expect(tiles(el)).to.have.length(2);
      el.open(0);
      await settle(el);
      expect(pq(el, '.slide.current img.large')).to.exist;
    } finally {
      log.stop();
    }
  });
});
