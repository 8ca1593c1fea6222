// Touch, keyboard and screen readers (issue 12): every user reaches everything, on any photo,
// at any width, in either direction. Chromium and Firefox.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../elements/media-gallery.js';
import '../elements/gallery-thumb.js';
import '../elements/gallery-toolbar.js';
import type { MediaGallery } from '../src/media-gallery.js';
import type { GalleryPreview } from '../src/gallery-preview.js';
import type { GalleryItem } from '../src/model/items.js';
import { deepActive, frames, intersection, mainOf, mount, record, settle, tileAt, tileButton, tiles } from './helpers.js';

const PHOTOS = ['Aqua.jpg', 'Blinds.jpg', 'Dune.jpg', 'Elephants.jpg', 'FreshFlower.jpg', 'Garden.jpg', 'GreenMeadow.jpg', 'GreenTraditional.jpg',
  'LadyBird.jpg', 'RainDrops.jpg', 'Storm.jpg', 'TwoWings.jpg', 'Wood.jpg', 'YellowFlower.jpg'];
const photo = (n: string) => `/examples/photos/${n}`;
const items = (count = 12): GalleryItem[] =>
  Array.from({ length: count }, (_, i) => ({ src: photo(PHOTOS[i % PHOTOS.length]), caption: `Photo ${i + 1}`, width: 1600, height: 1200 }));
const VIDEO = '/examples/video/storm-pan.mp4';

const preview = (el: MediaGallery) => el.shadowRoot!.querySelector<GalleryPreview>('gallery-preview')!;
const pq = <T extends Element = HTMLElement>(el: MediaGallery, sel: string) => preview(el).shadowRoot!.querySelector<T>(sel);
const live = (el: MediaGallery) => el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim();

async function openAt(el: MediaGallery, i: number) {
  el.open(i);
  await settle(el);
  await preview(el).updateComplete;
  await frames();
}

/** A rect once it has stopped moving (transitions done). */
async function stableRect(get: () => Element) {
  let last = '';
  for (let k = 0; k < 120; k++) {
    await frames(1);
    const r = get().getBoundingClientRect();
    const key = [r.left, r.top, r.width, r.height].map((v) => v.toFixed(1)).join();
    if (key === last) return r;
    last = key;
  }
  return get().getBoundingClientRect();
}

/** A synthetic pointer event as a finger sends it (pointer events are composed). */
function finger(target: Element, type: string, x: number, y: number, id = 7) {
  target.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, bubbles: true, composed: true, cancelable: true, button: 0, buttons: type === 'pointerup' ? 0 : 1 }));
}
const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

// ---- colour maths (WCAG 2.x) ----------------------------------------------------------
const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const lum = ([r, g, b]: number[]) => 0.2126 * lin(r / 255) + 0.7152 * lin(g / 255) + 0.0722 * lin(b / 255);
const contrast = (a: number[], b: number[]) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const rgbOf = (css: string) => (css.match(/rgba?\(([^)]+)\)/)?.[1].split(/[\s,/]+/).filter(Boolean).map(Number) ?? []);

/** The photo as the tile draws it (object-fit: cover) into a canvas of the tile's size. */
async function drawCover(src: string, w: number, h: number) {
  const img = new Image();
  img.src = src;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = Math.round(w);
  c.height = Math.round(h);
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  const s = Math.max(c.width / img.naturalWidth, c.height / img.naturalHeight);
  const sw = c.width / s, sh = c.height / s;
  ctx.drawImage(img, (img.naturalWidth - sw) / 2, (img.naturalHeight - sh) / 2, sw, sh, 0, 0, c.width, c.height);
  return ctx;
}

describe('touch', () => {
  before(() => setViewport({ width: 1000, height: 800 }));

  it('hidden tile buttons take no taps; a finger turns touch mode on: buttons shown, 44 px, tappable', async () => {
    const el = await mount(html`<media-gallery has-more show-like-dislike show-favorite-button action-label="Use" .items=${items(4)} columns="2"></media-gallery>`);
    const t = tileAt(el, 1);
    const like = tileButton(t, 'like');
    // Headless Chromium reports (hover: none): touch mode from the start. Firefox has hover.
    const noHover = matchMedia('(hover: none)').matches;
    expect(el.hasAttribute('touch')).to.equal(noHover);
    if (!noHover) {
      // Not hovered (the test's pointer is elsewhere) and not focused: invisible, and a tap there reaches the tile itself.
      expect(getComputedStyle(t.querySelector('.actions')!).pointerEvents).to.equal('none');
      const p = centre(like.getBoundingClientRect());
      expect(el.shadowRoot!.elementFromPoint(p.x, p.y)?.closest('[part~=like]')).to.equal(null);
    }
    // A finger touches the gallery: touch mode.
    finger(mainOf(tileAt(el, 0)), 'pointerdown', 5, 5);
    finger(mainOf(tileAt(el, 0)), 'pointerup', 5, 5);
    await settle(el);
    expect(el.hasAttribute('touch')).to.equal(true);
    // The tile follows (it has no attribute of its own now: its buttons show and take taps).
    const actions = t.querySelector('.actions')!;
    await waitUntil(() => getComputedStyle(actions).opacity === '1', 'buttons shown');
    expect(getComputedStyle(actions).pointerEvents).to.equal('auto');
    for (const part of ['like', 'dislike', 'favorite', 'action']) {
      const r = tileButton(t, part).getBoundingClientRect();
      expect(r.width, part).to.be.at.least(44);
      expect(r.height, part).to.be.at.least(44);
    }
    for (const b of el.shadowRoot!.querySelectorAll<HTMLElement>('.btn')) {
      const r = b.getBoundingClientRect();
      expect(Math.min(r.width, r.height), b.getAttribute('part')!).to.be.at.least(44);
    }
    const q = centre(tileButton(t, 'like').getBoundingClientRect());
    expect(el.shadowRoot!.elementFromPoint(q.x, q.y)?.closest('[part~=like]')).to.equal(tileButton(t, 'like'));
    const liked = oneEvent(el, 'like');
    tileButton(t, 'like').click();
    expect((await liked).detail).to.include({ index: 1, liked: true });
    // A mouse again: hover reveals them, touch mode is off (where the device has hover).
    mainOf(tileAt(el, 0)).dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', bubbles: true, composed: true }));
    await settle(el);
    expect(el.hasAttribute('touch')).to.equal(noHover);
    await expect(el).to.be.accessible();
  });

  it('the preview\'s buttons are 44 px in touch mode', async () => {
    const el = await mount(html`<media-gallery show-like-dislike .items=${items(3)}></media-gallery>`);
    finger(mainOf(tileAt(el, 0)), 'pointerdown', 5, 5);
    await openAt(el, 0);
    expect(preview(el).hasAttribute('touch')).to.equal(true);
    for (const b of preview(el).shadowRoot!.querySelectorAll<HTMLElement>('.top .btn')) {
      const r = b.getBoundingClientRect();
      expect(Math.min(r.width, r.height), b.getAttribute('part')!).to.be.at.least(44);
    }
  });

  it('a double tap with a finger zooms in, and the dblclick the browser sends after it does not undo it', async () => {
    const el = await mount(html`<media-gallery .items=${items(3)}></media-gallery>`);
    await openAt(el, 0);
    const img = () => pq(el, '.slide.current img.large')!;
    await waitUntil(() => img().classList.contains('ready'), 'large image decoded', { timeout: 5000 });
    const stage = pq(el, '.stage')!;
    const fit = await stableRect(img);
    const c = centre(fit);
    for (let k = 0; k < 2; k++) {
      finger(stage, 'pointerdown', c.x, c.y);
      finger(stage, 'pointerup', c.x, c.y);
    }
    // What a mobile browser sends after the second tap.
    stage.dispatchEvent(new MouseEvent('dblclick', { clientX: c.x, clientY: c.y, bubbles: true, composed: true, cancelable: true }));
    // The zoom eases in: on a loaded machine its first frames can read the same as before it
    // started. Wait for it to grow, then for where it settles (a dblclick that undid it would
    // take it back to the fit size).
    await waitUntil(() => img().getBoundingClientRect().width / fit.width > 1.5, 'zoomed in', { timeout: 3000 });
    const zoomed = await stableRect(img);
    expect(zoomed.width / fit.width).to.be.greaterThan(1.5);
  });

  it('a tap on the backdrop beside the image closes the preview; a tap on the image does not', async () => {
    await setViewport({ width: 1000, height: 500 });
    const el = await mount(html`<media-gallery .items=${[{ src: photo('Storm.jpg'), caption: 'Tall', width: 600, height: 1200 }, ...items(2)]}></media-gallery>`);
    await openAt(el, 0);
    const img = () => pq(el, '.slide.current img.large')!;
    const stage = pq(el, '.stage')!;
    const r = await stableRect(img);
    const s = stage.getBoundingClientRect();
    expect(r.left - s.left).to.be.greaterThan(60); // a portrait image leaves the sides free
    finger(stage, 'pointerdown', r.left + r.width / 2, r.top + r.height / 2);
    finger(stage, 'pointerup', r.left + r.width / 2, r.top + r.height / 2);
    await frames(4);
    expect(el.preview).to.equal(true);
    await new Promise((res) => setTimeout(res, 400)); // not a double tap with the next one
    const closed = oneEvent(el, 'preview-close');
    finger(stage, 'pointerdown', s.left + 30, s.top + s.height / 2, 8);
    finger(stage, 'pointerup', s.left + 30, s.top + s.height / 2, 8);
    await closed;
    await settle(el);
    expect(el.preview).to.equal(false);
    await setViewport({ width: 1000, height: 800 });
  });
});

describe('focus never lands on <body>', () => {
  before(() => setViewport({ width: 1000, height: 800 }));

  it('after deleting an item with the keyboard: on the tile that took its place', async () => {
    const el = await mount(html`<media-gallery interactive .items=${items(3)}></media-gallery>`);
    tileButton(tileAt(el, 1), 'delete').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.items.map((i) => i.caption)).to.deep.equal(['Photo 1', 'Photo 3']);
    await waitUntil(() => deepActive() === mainOf(tileAt(el, 1)), 'focus on Photo 3');
    expect(live(el)).to.equal('Deleted Photo 2');
  });

  it('after deleting the last item: on the upload button', async () => {
    const el = await mount(html`<media-gallery interactive .items=${items(1)}></media-gallery>`);
    tileButton(tileAt(el, 0), 'delete').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.items).to.have.length(0);
    await waitUntil(() => deepActive() !== document.body && el.shadowRoot!.contains(deepActive()), 'focus kept in the gallery');
    expect(deepActive()!.localName).to.equal('button');
  });

  it('after the last Load more (the button goes with has-more): on the first new item, announced', async () => {
    const el = await mount(html`<media-gallery has-more height="300" .items=${items(4)}></media-gallery>`);
    const btn = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=load-more]')!;
    btn.focus();
    const asked = oneEvent(el, 'load-more');
    await sendKeys({ press: 'Enter' });
    await asked;
    el.items = items(7);
    el.hasMore = false;
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part~=load-more]')).to.equal(null);
    await waitUntil(() => deepActive() === mainOf(tileAt(el, 4)), 'focus on the first new item');
    expect(live(el)).to.equal('3 more items loaded');
  });

  it('after the page replaces the items: still on a tile', async () => {
    const el = await mount(html`<media-gallery .items=${items(6)}></media-gallery>`);
    mainOf(tileAt(el, 3)).focus();
    el.items = items(12).slice(8).map((it) => ({ ...it, src: `${it.src}?v=2` }));
    await settle(el);
    await waitUntil(() => tiles(el).some((t) => deepActive() === mainOf(t)), 'focus on a tile');
  });

  it('after closing the preview on an item the page removed: on a tile', async () => {
    const el = await mount(html`<media-gallery .items=${items(5)}></media-gallery>`);
    mainOf(tileAt(el, 4)).focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await preview(el).updateComplete;
    el.items = items(3);
    await settle(el);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    await waitUntil(() => tiles(el).some((t) => deepActive() === mainOf(t)), 'focus on a tile');
  });
});

describe('contrast on photos', () => {
  before(() => setViewport({ width: 1000, height: 800 }));
  const set = PHOTOS.map((n, i) => ({ src: photo(n), caption: `Caption ${i + 1} over ${n.replace('.jpg', '')}`, width: 1600, height: 1200 }));

  it('the tile focus ring: two tones 9:1 apart (C40), one of them ≥ 3:1 against every photo pixel beside it', async () => {
    const el = await mount(html`<media-gallery .items=${set} columns="4"></media-gallery>`, 900);
    mainOf(tileAt(el, 0)).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' }); // keyboard modality: :focus-visible
    const report: string[] = [];
    let worst = Infinity;
    for (let i = 0; i < set.length; i++) {
      const t = tileAt(el, i) ?? (await el.scrollToIndex(i), tileAt(el, i));
      mainOf(t).focus();
      await frames(1);
      const after = getComputedStyle(mainOf(t), '::after');
      expect(after.content, 'ring drawn').to.not.equal('none');
      const outer = rgbOf(after.outlineColor);
      const inner = rgbOf(after.boxShadow);
      const band = parseFloat(after.boxShadow.match(/(\d+(?:\.\d+)?)px\s+inset|inset.*?(\d+(?:\.\d+)?)px(?!.*px)/)?.slice(1).find(Boolean) ?? '5');
      expect(contrast(outer, inner), 'the two tones').to.be.at.least(9);
      const r = t.getBoundingClientRect();
      const ctx = await drawCover(set[i].src, r.width, r.height);
      const W = ctx.canvas.width, H = ctx.canvas.height, d = Math.ceil(band) + 1;
      const px = ctx.getImageData(0, 0, W, H).data;
      let minBest = Infinity, minInner = Infinity;
      // Photo pixels right inside the ring, on all four sides (corners are rounded off: skip 12 px).
      for (let k = 12; k < Math.max(W, H) - 12; k += 2) {
        for (const [x, y] of [[k, d], [k, H - 1 - d], [d, k], [W - 1 - d, k]]) {
          if (x >= W || y >= H) continue;
          const o = (y * W + x) * 4, p = [px[o], px[o + 1], px[o + 2]];
          const ci = contrast(inner, p);
          minInner = Math.min(minInner, ci);
          minBest = Math.min(minBest, Math.max(ci, contrast(outer, p)));
        }
      }
      worst = Math.min(worst, minBest);
      report.push(`${PHOTOS[i]}: best-of-two ≥ ${minBest.toFixed(2)}, inner band alone ≥ ${minInner.toFixed(2)} (ring ${after.outlineColor} / ${inner.join(',')})`);
    }
    console.log(`focus ring over the photos: worst ${worst.toFixed(2)}:1\n${report.join('\n')}`);
    expect(worst).to.be.at.least(3);
  });

  it('captions: ≥ 4.5:1 against the lightest pixel under the text, over every photo', async () => {
    const el = await mount(html`<media-gallery .items=${set} columns="4"></media-gallery>`, 900);
    const report: string[] = [];
    let worst = Infinity;
    for (let i = 0; i < set.length; i++) {
      await el.scrollToIndex(i);
      const t = tileAt(el, i);
      const cap = t.querySelector<HTMLElement>('.caption')!;
      const cs = getComputedStyle(cap);
      const fg = rgbOf(cs.color);
      const tile = t.getBoundingClientRect(), box = cap.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(cap);
      const text = range.getBoundingClientRect();
      const ctx = await drawCover(set[i].src, tile.width, tile.height);
      // The caption's background, parsed from its computed gradient, painted over the photo.
      const g = cs.backgroundImage;
      expect(g, 'a gradient to the top').to.match(/^linear-gradient\(to top,/);
      const stops = [...g.matchAll(/(rgba?\([^)]+\))\s*([\d.]+)?(px|%)?/g)].map((m) => ({ c: rgbOf(m[1]), at: m[2] == null ? null : m[3] === '%' ? +m[2] / 100 : +m[2] / box.height }));
      stops[0].at ??= 0;
      stops[stops.length - 1].at ??= 1;
      const top = box.top - tile.top, bottom = box.bottom - tile.top;
      const grad = ctx.createLinearGradient(0, bottom, 0, top);
      for (const s of stops) grad.addColorStop(Math.min(1, Math.max(0, s.at!)), `rgba(${s.c[0]}, ${s.c[1]}, ${s.c[2]}, ${s.c[3] ?? 1})`);
      ctx.fillStyle = grad;
      // The caption spans the tile (inset: auto 0 0 0): fill whole canvas columns, no half-covered edge pixel.
      ctx.fillRect(0, top, ctx.canvas.width, box.height);
      const x0 = Math.max(0, Math.floor(text.left - tile.left)), y0 = Math.floor(text.top - tile.top);
      const w = Math.min(ctx.canvas.width - x0, Math.ceil(text.width)), h = Math.ceil(text.height);
      const data = ctx.getImageData(x0, y0, w, h).data;
      let lightest = [0, 0, 0], L = -1;
      for (let o = 0; o < data.length; o += 4) {
        const p = [data[o], data[o + 1], data[o + 2]], l = lum(p);
        if (l > L) [L, lightest] = [l, p];
      }
      const ratio = contrast(fg, lightest);
      worst = Math.min(worst, ratio);
      report.push(`${PHOTOS[i]}: ${ratio.toFixed(2)}:1 (lightest under the text rgb(${lightest.join(', ')}); ${JSON.stringify(stops)} text ${y0}+${h} box ${top}..${bottom})`);
    }
    console.log(`captions over the photos: worst ${worst.toFixed(2)}:1\n${report.join('\n')}`);
    expect(worst).to.be.at.least(4.5);
  });
});

describe('narrow preview', () => {
  afterEach(() => setViewport({ width: 1000, height: 800 }));

  it('at 320 px: More actions and Close in the bar, every other action in the menu, no sideways scroll; Escape closes the menu first', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount(html`<media-gallery show-like-dislike show-favorite-button show-edit-button show-share-button action-label="Use this" slideshow="3000" .items=${items(4)}></media-gallery>`, 300);
    await openAt(el, 1);
    const dialog = pq<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => pq(el, '[part~=more]'), 'collapsed toolbar');
    const close = pq(el, '[part~=close]')!;
    const cr = close.getBoundingClientRect();
    expect(cr.right).to.be.at.most(320);
    expect(cr.left).to.be.at.least(0);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
    const more = pq<HTMLButtonElement>(el, '[part~=more]')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await settle(preview(el));
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    const menu = pq(el, '#more')!;
    for (const part of ['zoom-in', 'zoom-out', 'slideshow', 'like', 'dislike', 'favorite', 'edit', 'action', 'download', 'share', 'fullscreen']) {
      const b = menu.querySelector(`[part~=${part}]`);
      expect(b, part).to.exist;
      const r = b!.getBoundingClientRect();
      expect(r.left, part).to.be.at.least(0);
      expect(r.right, part).to.be.at.most(320);
    }
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
    close.focus();
    await frames();
    expect(dialog.scrollLeft).to.equal(0);
    await expect(preview(el)).to.be.accessible();
    menu.querySelector<HTMLElement>('[part~=like]')!.focus();
    await sendKeys({ press: 'Escape' });
    await settle(preview(el));
    expect(menu.hidden).to.equal(true);
    expect(el.preview).to.equal(true);
    expect(deepActive()).to.equal(more);
  });
});

describe('right-to-left', () => {
  before(() => setViewport({ width: 1000, height: 800 }));

  it('the grid is mirrored and ←/→ follow the screen (measured)', async () => {
    const el = await mount(html`<media-gallery dir="rtl" .items=${items(6)} columns="3"></media-gallery>`, 600);
    const r0 = tileAt(el, 0).getBoundingClientRect(), r1 = tileAt(el, 1).getBoundingClientRect();
    const grid = el.shadowRoot!.querySelector('.grid')!.getBoundingClientRect();
    expect(Math.abs(grid.right - r0.right)).to.be.below(1); // the first item at the right
    expect(r1.right).to.be.below(r0.left + 1);
    mainOf(tileAt(el, 1)).focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    const now = tiles(el).find((t) => deepActive() === mainOf(t))!;
    expect(now.getBoundingClientRect().right).to.be.below(r1.left + 1); // moved left on screen
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(deepActive()).to.equal(mainOf(tileAt(el, 0)));
    await expect(el).to.be.accessible();
  });

  it('the strip is mirrored, the counter reads "2 / 12" left to right, and ← goes to the item on the left', async () => {
    const el = await mount(html`<media-gallery dir="rtl" .items=${items(12)}></media-gallery>`);
    await openAt(el, 1);
    const s0 = pq(el, '.strip [data-index="0"]')!.getBoundingClientRect(), s1 = pq(el, '.strip [data-index="1"]')!.getBoundingClientRect();
    expect(s1.right).to.be.below(s0.left + 1);
    const counter = pq(el, '.counter')!;
    const text = counter.firstChild!.nodeType === 3 ? counter.firstChild! : [...counter.childNodes].find((n) => n.nodeType === 3)!;
    expect(text.textContent).to.equal('2 / 12');
    const at = (a: number, b: number) => { const r = document.createRange(); r.setStart(text, a); r.setEnd(text, b); return r.getBoundingClientRect(); };
    expect(at(0, 1).left).to.be.below(at(4, 6).left); // "2" before "12", on screen
    // The previous item lies on the right (the start): → goes there, ← to the next one (left).
    const next = pq(el, '[part~=next]')!.getBoundingClientRect(), prev = pq(el, '[part~=previous]')!.getBoundingClientRect();
    expect(next.left).to.be.below(prev.left);
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(el.selectedIndex).to.equal(2);
    await expect(preview(el)).to.be.accessible();
  });
});

describe('focus trap', () => {
  before(() => setViewport({ width: 1000, height: 800 }));

  it('Tab and Shift+Tab cycle through the preview\'s controls and never leave it', async () => {
    const el = await mount(html`<media-gallery show-like-dislike .items=${items(5)}></media-gallery>`);
    mainOf(tileAt(el, 1)).focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await preview(el).updateComplete;
    await frames();
    const inside = (a: Element | null) => !!a && preview(el).shadowRoot!.contains(a);
    const fwd: Element[] = [];
    for (let k = 0; k < 10; k++) {
      await sendKeys({ press: 'Tab' });
      fwd.push(deepActive()!);
      expect(inside(fwd[k]), `Tab ${k + 1}: ${fwd[k]?.localName}.${fwd[k]?.className}`).to.equal(true);
    }
    const period = new Set(fwd).size;
    expect(period).to.be.at.least(4); // toolbar, previous, next, strip
    for (let k = period; k < fwd.length; k++) expect(fwd[k]).to.equal(fwd[k - period]);
    const back: Element[] = [];
    for (let k = 0; k < 2 * period; k++) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      back.push(deepActive()!);
      expect(inside(back[k]), `Shift+Tab ${k + 1}`).to.equal(true);
    }
    // Backwards visits the same cycle in the opposite order.
    const start = fwd.indexOf(back[0]);
    for (let k = 1; k < back.length; k++) expect(back[k]).to.equal(fwd[(((start - k) % period) + period) % period]);
  });
});

describe('keyboard pan when zoomed', () => {
  before(() => setViewport({ width: 1000, height: 800 }));

  it('arrows pan a zoomed image (measured); → changes item only at the right edge, or at fit', async () => {
    const el = await mount(html`<media-gallery .items=${items(4)}></media-gallery>`);
    mainOf(tileAt(el, 0)).focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const img = () => pq(el, '.slide.current img.large')!;
    await waitUntil(() => img().classList.contains('ready'), 'decoded', { timeout: 5000 });
    await sendKeys({ press: '+' });
    await sendKeys({ press: '+' });
    const a = await stableRect(img);
    await sendKeys({ press: 'ArrowRight' });
    const b = await stableRect(img);
    expect(b.left).to.be.below(a.left - 10); // the image moved left: we see more of its right side
    expect(el.selectedIndex).to.equal(0);
    await sendKeys({ press: 'ArrowDown' });
    const c = await stableRect(img);
    expect(c.top).to.be.below(b.top - 10);
    await sendKeys({ press: 'ArrowUp' });
    expect((await stableRect(img)).top).to.be.closeTo(b.top, 1);
    const stage = pq(el, '.stage')!.getBoundingClientRect();
    for (let k = 0; k < 40 && el.selectedIndex === 0; k++) {
      const before = await stableRect(img);
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      if (el.selectedIndex !== 0) expect(before.right, 'changed item only at the right edge').to.be.closeTo(stage.right, 1.5);
    }
    expect(el.selectedIndex).to.equal(1);
    // At fit, → is the next item at once.
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.selectedIndex).to.equal(2);
  });
});

describe('names, states and the live region', () => {
  before(() => setViewport({ width: 1000, height: 800 }));

  it('per-item buttons name their item, a video tile says video, no icon button repeats its name as title', async () => {
    const el = await mount(html`<media-gallery show-like-dislike show-favorite-button show-edit-button interactive action-label="Use"
      .items=${[{ src: photo('Wood.jpg'), caption: 'Leaf ribs' }, { src: VIDEO, caption: 'Storm' }]}></media-gallery>`);
    const t = tileAt(el, 0);
    expect(tileButton(t, 'like').getAttribute('aria-label')).to.equal('Like Leaf ribs');
    expect(tileButton(t, 'dislike').getAttribute('aria-label')).to.equal('Dislike Leaf ribs');
    expect(tileButton(t, 'favorite').getAttribute('aria-label')).to.equal('Favorite Leaf ribs');
    expect(tileButton(t, 'edit').getAttribute('aria-label')).to.equal('Edit Leaf ribs');
    expect(tileButton(t, 'delete').getAttribute('aria-label')).to.equal('Delete Leaf ribs');
    expect(tileButton(t, 'action').getAttribute('aria-label')).to.equal('Use Leaf ribs'); // starts with the visible label
    expect(mainOf(tileAt(el, 1)).getAttribute('aria-label')).to.equal('Storm, video');
    await openAt(el, 0);
    // The tiles' buttons are in the gallery's shadow root.
    expect(tiles(el).flatMap((x) => [...x.querySelectorAll('button')]).length).to.be.greaterThan(7);
    const all = [el.shadowRoot!, preview(el).shadowRoot!].flatMap((r) => [...r.querySelectorAll('button')]);
    expect(all.length).to.be.greaterThan(10);
    expect(all.filter((b) => b.hasAttribute('title')).map((b) => b.getAttribute('part'))).to.deep.equal([]);
  });

  it('Fullscreen says its state by a changing name, never aria-pressed as well', async () => {
    const el = await mount(html`<media-gallery .items=${items(2)}></media-gallery>`);
    const head = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=fullscreen]')!;
    expect(head.getAttribute('aria-label')).to.equal('Fullscreen');
    expect(head.hasAttribute('aria-pressed')).to.equal(false);
    await openAt(el, 0);
    const b = pq(el, '[part~=fullscreen]')!;
    expect(b.getAttribute('aria-label')).to.equal('Fullscreen');
    expect(b.hasAttribute('aria-pressed')).to.equal(false);
  });

  it('announces a refused upload in the live region', async () => {
    const el = await mount(html`<media-gallery interactive max-file-size="1KB" .items=${items(1)}></media-gallery>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(5000)], 'big.png', { type: 'image/png' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => live(el).includes('big.png'), 'announced');
    expect(live(el)).to.equal('big.png not added: file too large');
    expect(el.shadowRoot!.querySelector('[role=status]')!.getAttribute('aria-live')).to.equal('polite');
  });
});

describe('attributes', () => {
  before(() => setViewport({ width: 1000, height: 800 }));

  it('hidden hides every element, whatever display the page gives it', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <media-gallery hidden style="display:block" .items=${items(2)}></media-gallery>
      <gallery-thumb hidden style="display:block" src=${photo('Aqua.jpg')}></gallery-thumb>
      <gallery-preview hidden style="display:block" src=${photo('Aqua.jpg')}></gallery-preview>
      <gallery-toolbar hidden style="display:block"><button>x</button></gallery-toolbar>
    </div>`);
    await customElements.whenDefined('gallery-preview');
    for (const e of wrap.children) {
      await (e as MediaGallery).updateComplete;
      expect(getComputedStyle(e).display, e.localName).to.equal('none');
    }
  });

  it('no load-more on first render, on focus or on scrolling to the end without infinite-scroll; the button asks', async () => {
    const el = await mount(html`<media-gallery has-more .items=${items(2)}></media-gallery>`);
    const log = record(el, ['load-more']);
    const btn = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=load-more]')!;
    expect(el.shadowRoot!.querySelector('.sentinel')).to.equal(null);
    btn.focus();
    // The end of the list is in view: an observer made now reports it, after the gallery's would have.
    expect(await intersection(btn, null)).to.equal(true);
    await settle(el);
    expect(log).to.have.length(0);
    btn.click();
    expect(log).to.have.length(1);
  });

  it('selected-index in the markup opens the preview (no events); not with allow-preview="false"', async () => {
    const log: string[] = [];
    const on = (e: Event) => log.push(e.type);
    const el = await mount(html`<media-gallery selected-index="1" @preview-open=${on} @select=${on} .items=${items(3)}></media-gallery>`);
    await preview(el).updateComplete;
    expect(el.preview).to.equal(true);
    expect(pq<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    expect(pq(el, '.counter')!.textContent!.trim()).to.equal('2 / 3');
    expect(log).to.deep.equal([]);
    const off = await mount(html`<media-gallery selected-index="1" allow-preview="false" .items=${items(3)}></media-gallery>`);
    expect(off.preview).to.equal(false);
    expect(off.selectedIndex).to.equal(1);
  });

  it('preview-mode="inline" shows the preview inside the gallery\'s box; Close and Escape go back to the grid', async () => {
    const el = await mount(html`<media-gallery preview-mode="inline" height="420" show-like-dislike .items=${items(6)}></media-gallery>`);
    const opened = oneEvent(el, 'preview-open');
    mainOf(tileAt(el, 2)).click();
    await opened;
    await settle(el);
    const p = preview(el);
    await p.updateComplete;
    expect(p.shadowRoot!.querySelector('dialog')).to.equal(null);
    const box = el.getBoundingClientRect(), pr = p.getBoundingClientRect();
    expect(pr.height).to.be.greaterThan(300);
    expect(pr.top).to.be.at.least(box.top);
    expect(pr.bottom).to.be.at.most(box.bottom + 0.5);
    expect(el.shadowRoot!.querySelector<HTMLElement>('.scroller')!.hidden).to.equal(true);
    await waitUntil(() => p.shadowRoot!.contains(deepActive()), 'focus in the viewer');
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'preview-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.index).to.equal(2);
    await settle(el);
    expect(p.hidden).to.equal(true);
    await waitUntil(() => deepActive() === mainOf(tileAt(el, 2)), 'focus back on the tile');
    mainOf(tileAt(el, 1)).click();
    await settle(el);
    await p.updateComplete;
    const close = oneEvent(el, 'preview-close');
    p.shadowRoot!.querySelector<HTMLButtonElement>('[part~=close]')!.click();
    await close;
    await settle(el);
    expect(el.preview).to.equal(false);
  });

  it('idle-hide fades the preview\'s controls after a while without input; any input brings them back; focus on one keeps them', async () => {
    const el = await mount(html`<media-gallery idle-hide="300" .items=${items(3)}></media-gallery>`);
    await openAt(el, 0);
    const p = preview(el);
    await waitUntil(() => p.hasAttribute('ui-idle'), 'hidden after 300 ms', { timeout: 3000 });
    await waitUntil(() => getComputedStyle(pq(el, '.top')!).opacity === '0', 'faded out');
    expect(getComputedStyle(pq(el, '.strip')!).pointerEvents).to.equal('none');
    pq(el, '.stage')!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    expect(p.hasAttribute('ui-idle')).to.equal(false);
    expect(getComputedStyle(pq(el, '.top')!).opacity).to.equal('1'); // back at once
    pq<HTMLButtonElement>(el, '[part~=close]')!.focus();
    await new Promise((r) => setTimeout(r, 800));
    expect(p.hasAttribute('ui-idle'), 'a focused control stays').to.equal(false);
    await expect(p).to.be.accessible();
  });

  it('a video\'s tracks become <track> elements in the preview', async () => {
    const tracks = [{ src: '/test/fixtures/captions.vtt', srclang: 'en', label: 'English', kind: 'captions' }];
    const el = await mount(html`<media-gallery .items=${[{ src: VIDEO, caption: 'Storm', tracks }]}></media-gallery>`);
    await openAt(el, 0);
    const t = pq<HTMLTrackElement>(el, '.slide.current video track')!;
    expect(t).to.exist;
    expect(t.getAttribute('src')).to.equal('/test/fixtures/captions.vtt');
    expect(t.kind).to.equal('captions');
    expect(t.srclang).to.equal('en');
    expect(t.label).to.equal('English');
  });
});
