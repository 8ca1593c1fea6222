// Hostile and broken input (issue: "no input can crash or hang it"): each case once broke the
// gallery; these assert what a user sees now.
import { expect, html, waitUntil } from '@open-wc/testing';
import '../elements/media-gallery.js';
import type { MediaGallery } from '../src/media-gallery.js';
import { frames, mount, recordCapture, settle, tiles } from './helpers.js';

const photo = (n: string) => `/examples/photos/${n}`;
const preview = (el: MediaGallery) => el.shadowRoot!.querySelector('gallery-preview')!;
describe('reliability: hostile items', () => {
  it('an item with a typed field of the wrong type renders and the preview opens without a render loop', async () => {
    const el = await mount(html`<media-gallery .items=${[{ src: photo('Aqua.jpg'), type: 'image', placeholder: 12345 }, photo('Dune.jpg'), photo('Wood.jpg'), photo('Storm.jpg'), photo('Garden.jpg')]}></media-gallery>`);
    expect(tiles(el)).to.have.length(5);
    el.open(3);
    await settle(el);
    const p = preview(el) as HTMLElement & { requestUpdate(): void; updateComplete: Promise<boolean> };
    let updates = 0;
    const orig = p.requestUpdate.bind(p);
    p.requestUpdate = () => { updates++; orig(); };
    await frames(30);
    p.requestUpdate = orig;
    expect(updates).to.be.lessThan(10);
    expect(p.shadowRoot!.querySelectorAll('*').length).to.be.lessThan(400);
    expect(p.shadowRoot!.querySelector('.counter')!.textContent).to.contain('4 / 5');
  });

  it('URLs with other schemes make the item invalid (javascript:, data:text/html, vbscript:, tab-split)', async () => {
    const seen = recordCapture(['item-error']);
    try {
      const bad = ['javascript:alert(1)', 'java\tscript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd'];
      const el = await mount(html`<media-gallery .items=${[
        ...bad,
        { src: photo('Aqua.jpg'), thumb: 'javascript:alert(1)' },
        { src: photo('Aqua.jpg'), poster: 'data:text/html,x' },
        { src: photo('Aqua.jpg'), srcset: `${photo('Aqua.jpg')} 320w, javascript:x 640w` },
        { src: photo('Aqua.jpg'), placeholder: 'data:x");background:url(/evil)' },
        photo('Dune.jpg'), 'data:image/png;base64,iVBORw0KGgo=', 'blob:http://x/1', '//cdn.example/a.jpg',
      ]}></media-gallery>`);
      const invalid = () => seen.filter((x) => x.detail.item === null);
      await waitUntil(() => invalid().length === 10, 'ten item-errors for invalid inputs');
      expect(invalid().map((x) => x.detail.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(el.items.map((x) => x.src)).to.deep.equal([photo('Dune.jpg'), 'data:image/png;base64,iVBORw0KGgo=', 'blob:http://x/1', '//cdn.example/a.jpg']);
    } finally {
      seen.stop();
    }
  });

  it('a placeholder cannot add CSS of its own: the value is one escaped url()', async () => {
    const ph = 'data:image/png;base64,AAAA");background-image:url("/evil.png';
    // The preview's strip writes the placeholder under each thumbnail, loaded or not.
    const el = await mount(html`<media-gallery .items=${[{ src: photo('Aqua.jpg'), placeholder: ph }, { src: photo('Dune.jpg'), placeholder: ph }]}></media-gallery>`);
    el.open(0);
    await settle(el);
    await waitUntil(() => preview(el).shadowRoot!.querySelector('.strip button img'), 'strip rendered');
    const span = preview(el).shadowRoot!.querySelector<HTMLElement>('.strip button img')!;
    expect(span).to.exist;
    // One background layer: a single quoted url() holding the whole value, quotes encoded.
    const bg = getComputedStyle(span).backgroundImage;
    expect(bg.startsWith('url("data:image/png;base64,AAAA%22%29;')).to.equal(true);
    expect(bg.endsWith('evil.png")')).to.equal(true);
    expect(bg).not.to.match(/"\s*\)\s*,/);
    expect(performance.getEntriesByType('resource').some((r) => r.name.includes('/evil.png'))).to.equal(false);
  });

  it('object-fit and height take only what CSS accepts for them', async () => {
    const el = await mount(html`<media-gallery object-fit="cover;background:url(/evil2.png)" height="100px; background: url(/evil3.png)" .items=${[photo('Aqua.jpg')]}></media-gallery>`);
    const img = tiles(el)[0].querySelector('img')!;
    expect(getComputedStyle(img).objectFit).to.equal('cover');
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(getComputedStyle(scroller).backgroundImage).to.equal('none');
    expect(performance.getEntriesByType('resource').some((r) => /evil[23]/.test(r.name))).to.equal(false);
  });

  it('a manifest with one bad field renders the rest, with one item-error for the refused item', async () => {
    const seen = recordCapture(['item-error']);
    try {
      const el = await mount(html`<media-gallery src="/test/fixtures/bad-field.json"></media-gallery>`);
      await waitUntil(() => el.items.length > 0, 'manifest loaded');
      await settle(el);
      expect(el.items.map((x) => x.caption)).to.deep.equal(['Good one', 'Bad thumb, dropped', 'Good two']);
      expect(el.items[1].thumb).to.equal(undefined);
      await waitUntil(() => seen.length >= 1, 'item-error');
      expect(seen.filter((x) => x.detail.item === null).map((x) => x.detail.index)).to.deep.equal([2]);
      expect(tiles(el)).to.have.length(3);
    } finally {
      seen.stop();
    }
  });

  it('a list of 3,000 is checked as it is shown: invalid entries are skipped in place and reported once, after the first screen', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => { warnings.push(a.map(String).join(' ')); };
    const seen = recordCapture(['item-error']);
    try {
      const el = await mount(html`<media-gallery columns="3"></media-gallery>`);
      const list: unknown[] = Array.from({ length: 3000 }, (_, i) => ({ src: `${photo('Aqua.jpg')}?${i}`, alt: `Photo ${i}` }));
      list[1] = { src: 'javascript:alert(1)' };
      list[2900] = 42;
      el.items = list;
      await settle(el);
      // The first screen: input 1 is skipped, so the second tile is input 2.
      expect(tiles(el)[1].querySelector('img')!.alt).to.equal('Photo 2');
      await waitUntil(() => seen.length === 2, 'two item-errors, once the rest is checked');
      expect(seen.map((e) => e.detail.index)).to.deep.equal([1, 2900]);
      expect(seen.every((e) => e.detail.item === null)).to.equal(true);
      expect(warnings).to.have.length(1);
      expect(el.items).to.have.length(2998);
      expect(el.items[2898].alt).to.equal('Photo 2899');
      expect(el.items[2899].alt).to.equal('Photo 2901');
      // The last tile is the last valid input.
      await el.scrollToIndex(2997);
      await settle(el);
      const last = tiles(el).find((t) => t.getAttribute('aria-posinset') === '2998')!;
      expect(last.querySelector('img')!.alt).to.equal('Photo 2999');
      expect(last.getAttribute('aria-setsize')).to.equal('2998');
    } finally {
      console.warn = warn;
      seen.stop();
    }
  });

  it('a million invalid entries cost one short warning and 101 item-errors; the setter never throws', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => { warnings.push(a.map(String).join(' ')); };
    const seen = recordCapture(['item-error']);
    try {
      const el = await mount(html`<media-gallery></media-gallery>`);
      el.items = Array.from({ length: 1_000_000 }, (_, i) => (i === 500 ? photo('Aqua.jpg') : i));
      await settle(el);
      await waitUntil(() => seen.length === 101, '101 item-errors');
      expect(warnings).to.have.length(1);
      expect(warnings[0].length).to.be.lessThan(2000);
      expect(seen[100].detail).to.include({ index: -1, count: 999_999 - 100 });
      expect(tiles(el)).to.have.length(1);
      // A self-containing list, a throwing getter and a revoked Proxy: skipped, never thrown.
      const self: unknown[] = [];
      self.push(self, photo('Dune.jpg'));
      const { proxy, revoke } = Proxy.revocable([photo('Wood.jpg')], {});
      revoke();
      expect(() => { el.items = self; }).not.to.throw();
      expect(() => { el.items = [{ get src() { throw new Error('boom'); } }, photo('Wood.jpg')]; }).not.to.throw();
      expect(() => { el.items = proxy as unknown[]; }).not.to.throw();
      el.items = self;
      await settle(el);
      expect(el.items.map((x) => x.src)).to.deep.equal([photo('Dune.jpg')]);
    } finally {
      console.warn = warn;
      seen.stop();
    }
  });
});

describe('reliability: numbers', () => {
  it('masonry with columns="1e9" or "1e308" lays out at most 64 columns of visible tiles', async () => {
    const list = Array.from({ length: 200 }, (_, i) => ({ src: photo('Aqua.jpg'), width: 400 + (i % 5) * 100, height: 300, id: `m${i}` }));
    for (const columns of ['1e9', '1e308']) {
      const el = await mount(html`<media-gallery layout="masonry" columns=${columns} container="false" gap="0" .items=${list}></media-gallery>`, 640);
      const t = tiles(el);
      expect(t.length).to.be.greaterThan(0).and.at.most(200);
      expect(t[0].getBoundingClientRect().width).to.be.at.least(24);
      el.remove();
    }
  });

  it('a grid of 10,000 with columns="1000" stays virtualized with tiles of at least 24 px', async () => {
    const list = Array.from({ length: 10_000 }, (_, i) => ({ src: photo('Aqua.jpg'), id: `g${i}` }));
    const el = await mount(html`<media-gallery columns="1000" gap="0" container="false" height="400" .items=${list}></media-gallery>`, 800);
    const t = tiles(el);
    expect(t.length).to.be.lessThan(2_000);
    expect(t[0].getBoundingClientRect().width).to.be.at.least(24);
  });

  it('gap="1e3" is clamped to 256 px and tiles keep their width', async () => {
    const el = await mount(html`<media-gallery columns="2" gap="1e3" container="false" .items=${[photo('Aqua.jpg'), photo('Dune.jpg')]}></media-gallery>`, 800);
    const [a, b] = tiles(el).map((t) => t.getBoundingClientRect());
    expect(a.width).to.be.closeTo((800 - 256) / 2, 1);
    expect(b.left - a.right).to.be.closeTo(256, 1);
  });

  it('selected-index takes an integer within the items, else null', async () => {
    const list = Array.from({ length: 10 }, (_, i) => ({ src: photo('Aqua.jpg'), id: `s${i}` }));
    const el = await mount(html`<media-gallery .items=${list}></media-gallery>`);
    for (const v of [-1, 1.5, -Infinity, NaN, 10]) {
      el.selectedIndex = v;
      await el.updateComplete;
      expect(el.selectedIndex, String(v)).to.equal(null);
    }
    el.selectedIndex = 1;
    el.next();
    expect(el.selectedIndex).to.equal(2);
  });
});

describe('reliability: download and share', () => {
  const pq = (el: MediaGallery, sel: string) => preview(el).shadowRoot!.querySelector<HTMLElement>(sel);

  it('a download that answers 404 opens no tab and says so', async () => {
    const open = window.open;
    const opened: unknown[] = [];
    window.open = ((...a: unknown[]) => { opened.push(a); return null; }) as typeof window.open;
    try {
      const el = await mount(html`<media-gallery .items=${['/missing/gone.jpg', photo('Aqua.jpg')]}></media-gallery>`);
      el.open(0);
      await settle(el);
      pq(el, '[part~=download]')!.click();
      await waitUntil(() => pq(el, '.toast')?.textContent === 'Download failed', 'toast');
      expect(opened).to.deep.equal([]);
    } finally {
      window.open = open;
    }
  });

  it('share refuses a URL that is not a web URL (blob:) and copies nothing', async () => {
    const writes: string[] = [];
    const clip = navigator.clipboard;
    const share = (navigator as Navigator & { share?: unknown }).share;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => { writes.push(t); } } });
    Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
    try {
      const blob = URL.createObjectURL(new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }));
      const el = await mount(html`<media-gallery show-share-button .items=${[{ src: blob, type: 'image' }, photo('Aqua.jpg')]}></media-gallery>`);
      el.open(0);
      await settle(el);
      pq(el, '[part~=share]')!.click();
      await waitUntil(() => pq(el, '.toast')?.textContent === 'This item has no link to share', 'toast');
      expect(writes).to.deep.equal([]);
      el.open(1);
      await settle(el);
      pq(el, '[part~=share]')!.click();
      await waitUntil(() => writes.length === 1, 'copied');
      expect(writes[0]).to.equal(new URL(photo('Aqua.jpg'), location.href).href);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clip });
      Object.defineProperty(navigator, 'share', { configurable: true, value: share });
    }
  });
});
