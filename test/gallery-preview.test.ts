import { expect, fixture, html, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../elements/gallery-preview.js';
import type { MediaGallery } from '../src/media-gallery.js';
import type { GalleryPreview } from '../src/gallery-preview.js';
import type { GalleryItem } from '../src/model/items.js';
import { deepActive, frames, mainOf, record, recordCapture, tileAt, tiles } from './helpers.js';

// Real photos (Aqua.jpg is 2560x1600), larger than the 800x480 viewer they are shown in.
const PHOTOS = ['Aqua.jpg', 'Blinds.jpg', 'Dune.jpg', 'Elephants.jpg', 'FreshFlower.jpg', 'Garden.jpg'];
const AQUA = { width: 2560, height: 1600 };
const photo = (n: string) => `/examples/photos/${n}`;
const missing = () => `/examples/photos/missing-${Date.now()}-${Math.random().toString(36).slice(2)}.jpg`;
const items = (count = PHOTOS.length): GalleryItem[] =>
  Array.from({ length: count }, (_, i) => ({ src: photo(PHOTOS[i % PHOTOS.length]), caption: `Photo ${i + 1}` }));

const q = <T extends Element = HTMLElement>(p: GalleryPreview, sel: string) => p.shadowRoot!.querySelector<T>(sel);
const stage = (p: GalleryPreview) => q(p, '.stage')!;

/**
 * What the user sees of the current image: its box and the stage's; `scale` is the rendered
 * width over the width that fits the stage (1 = fit), `x`/`y` the image centre's offset from
 * the stage centre (the pan), px.
 */
function view(p: GalleryPreview, natural = AQUA) {
  const s = stage(p).getBoundingClientRect();
  const img = q(p, '.slide.current .media:not(.ph)')!.getBoundingClientRect();
  const fit = natural.width * Math.min(s.width / natural.width, s.height / natural.height);
  return {
    stage: s, img, fit,
    scale: img.width / fit,
    x: img.left + img.width / 2 - (s.left + s.width / 2),
    y: img.top + img.height / 2 - (s.top + s.height / 2),
  };
}

/** Waits for the preview's transitions (zoom, pan, swipe snap-back) to finish: no running animation and the image still for two frames. */
async function still(p: GalleryPreview) {
  await p.updateComplete;
  let last = '';
  for (let i = 0; i < 120; i++) {
    await frames(1);
    await Promise.all(p.shadowRoot!.getAnimations().map((a) => a.finished.catch(() => undefined)));
    const r = q(p, '.slide.current .media')?.getBoundingClientRect();
    const t = q(p, '.track')?.getBoundingClientRect();
    const now = r ? `${r.left},${r.top},${r.width},${r.height},${t?.left}` : '';
    if (now === last) return;
    last = now;
  }
}

/** Resolves `true` when `type` reaches `target` within `ms`, else `false` (a bounded wait for an event that must not come). */
function within(target: EventTarget, type: string, ms: number) {
  return new Promise<boolean>((resolve) => {
    const done = (v: boolean) => { target.removeEventListener(type, on, true); clearTimeout(t); resolve(v); };
    const on = () => done(true);
    const t = setTimeout(() => done(false), ms);
    target.addEventListener(type, on, true);
  });
}

/** Records the public events that reach `document` in the capture phase (what analytics or a framework's delegation sees). */
function captured(types: string[]) {
  const log: Array<{ type: string; detail: any; target: EventTarget | null; event: Event }> = [];
  const on = (e: Event) => log.push({ type: e.type, detail: (e as CustomEvent).detail, target: e.composedPath()[0], event: e });
  for (const t of types) document.addEventListener(t, on, true);
  after(() => types.forEach((t) => document.removeEventListener(t, on, true)));
  return log;
}

/** A standalone viewer, 800 px wide, waited on until the current large image has decoded. */
async function viewer(tpl: unknown): Promise<GalleryPreview> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px;height:480px;position:relative">${tpl}</div>`);
  const p = wrap.firstElementChild as GalleryPreview;
  await p.updateComplete;
  await waitUntil(() => q(p, '.slide.current img.large.ready') && stage(p).getBoundingClientRect().width > 0, 'large image decoded', { timeout: 8000 });
  await still(p);
  return p;
}

/** The host is imported on demand: the standalone tests run even while it does not load. */
const host = () => import('../elements/media-gallery.js');

async function modal(tpl: unknown, index = 0) {
  await host();
  const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px">${tpl}</div>`);
  const g = wrap.firstElementChild as MediaGallery;
  await g.updateComplete;
  g.open(index);
  await g.updateComplete;
  const p = g.shadowRoot!.querySelector<GalleryPreview>('gallery-preview')!;
  await p.updateComplete;
  await waitUntil(() => q(p, '.stage') && stage(p).getBoundingClientRect().width > 0, 'stage shown');
  return { g, p };
}

/** Dispatches a pointer event on the stage at a point relative to the stage's top-left corner. */
function pointer(p: GalleryPreview, type: string, x: number, y: number, id = 1, pointerType = 'touch') {
  const r = stage(p).getBoundingClientRect();
  stage(p).dispatchEvent(new PointerEvent(type, {
    pointerId: id, pointerType, isPrimary: id === 1, button: 0, buttons: type === 'pointerup' ? 0 : 1,
    clientX: r.left + x, clientY: r.top + y, bubbles: true, composed: true, cancelable: true,
  }));
}

/** A one-finger drag from (x0, y0) to (x1, y1) in `steps` moves, `delay` ms apart (0: a fast flick). */
async function drag(p: GalleryPreview, x0: number, y0: number, x1: number, y1: number, steps = 10, delay = 0) {
  pointer(p, 'pointerdown', x0, y0);
  for (let i = 1; i <= steps; i++) {
    if (delay) await aTimeout(delay);
    pointer(p, 'pointermove', x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps);
  }
  pointer(p, 'pointerup', x1, y1);
  await p.updateComplete;
}

function wheel(p: GalleryPreview, x: number, y: number, deltaY: number, init: WheelEventInit = {}) {
  const r = stage(p).getBoundingClientRect();
  const e = new WheelEvent('wheel', { clientX: r.left + x, clientY: r.top + y, deltaY, deltaMode: 0, bubbles: true, composed: true, cancelable: true, ...init });
  stage(p).dispatchEvent(e);
  return e;
}

/** Presses a key on the viewer's frame (where its keyboard handler listens). */
async function key(p: GalleryPreview, k: string, on = q(p, '.frame')!) {
  on.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
  await p.updateComplete;
}

describe('<gallery-preview> standalone viewer', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('shows one image from src with its caption, a toolbar and no strip or close button', async () => {
    const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')} caption="Aqua <b>"></gallery-preview>`);
    const img = q<HTMLImageElement>(p, '.slide.current img.large')!;
    expect(img.getAttribute('src')).to.equal(photo('Aqua.jpg'));
    expect(img.alt).to.equal('Aqua <b>');
    expect(q(p, '[part=caption]')!.textContent).to.equal('Aqua <b>');
    expect(q(p, '[part=preview]')!.getAttribute('aria-label')).to.equal('Image 1 of 1: Aqua <b>');
    expect(q(p, '.strip')).to.equal(null);
    expect(q(p, '[part~=close]')).to.equal(null);
    expect(q(p, '[part~=download]')).to.not.equal(null);
    // The image is contained in the stage, centred, keeping its ratio (2560x1600).
    const v = view(p);
    expect(v.img.width).to.be.at.most(v.stage.width + 0.5);
    expect(v.img.height).to.be.at.most(v.stage.height + 0.5);
    expect(v.img.width / v.img.height).to.be.closeTo(2560 / 1600, 0.01);
    expect(v.scale).to.be.closeTo(1, 0.01);
    expect([v.x, v.y]).to.satisfy(([x, y]: number[]) => Math.abs(x) < 1 && Math.abs(y) < 1);
  });

  it('is accessible, zoomed too', async () => {
    const p = await viewer(html`<gallery-preview .items=${items(3)}></gallery-preview>`);
    await expect(p).to.be.accessible();
    await key(p, '+');
    await expect(p).to.be.accessible();
  });

  it('select fires once, from the preview itself; a capturing listener that cancels it keeps the item', async () => {
    const log = captured(['select', 'gallery-request']);
    const p = await viewer(html`<gallery-preview .items=${items(4)}></gallery-preview>`);
    await key(p, 'ArrowRight');
    expect(log.filter((e) => e.type === 'select').map((e) => [e.target, e.detail.index, e.detail.selected, e.detail.item.caption])).to.deep.equal([[p, 1, true, 'Photo 2']]);
    expect(p.index).to.equal(1);
    expect(q(p, '.counter')!.textContent).to.equal('2 / 4');
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('select', cancel, true);
    try {
      await key(p, 'ArrowRight');
      await q<HTMLButtonElement>(p, '[part~=next]')!.click();
      await p.updateComplete;
    } finally {
      document.removeEventListener('select', cancel, true);
    }
    expect(log.filter((e) => e.type === 'select').length).to.equal(3);
    expect(p.index).to.equal(1);
    expect(q(p, '.counter')!.textContent).to.equal('2 / 4');
  });

  it('like and favorite: one cancelable event each from the preview; the button shows the new state unless cancelled', async () => {
    const log = captured(['like', 'favorite']);
    const p = await viewer(html`<gallery-preview show-like-dislike show-favorite-button .items=${items(2)}></gallery-preview>`);
    const like = () => q<HTMLButtonElement>(p, '[part~=like]')!;
    like().click();
    await p.updateComplete;
    expect(log.map((e) => [e.type, e.target, e.detail.index, e.detail.liked, e.detail.item.liked])).to.deep.equal([['like', p, 0, true, true]]);
    expect(like().getAttribute('aria-pressed')).to.equal('true');
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('favorite', cancel, true);
    q<HTMLButtonElement>(p, '[part~=favorite]')!.click();
    document.removeEventListener('favorite', cancel, true);
    await p.updateComplete;
    expect(log[1].detail).to.include({ index: 0, favorite: true });
    expect(q(p, '[part~=favorite]')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('a failed image: item-error with its real index, an error tile with Retry that loads it again', async () => {
    const log = captured(['item-error']);
    const bad = missing();
    const list = [...items(2), { src: bad, caption: 'Broken' }];
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px;height:480px;position:relative"><gallery-preview .items=${list} selected-index="2"></gallery-preview></div>`);
    const p = wrap.firstElementChild as GalleryPreview;
    await waitUntil(() => q(p, '.slide.current [part=error]'), 'error tile', { timeout: 8000 });
    expect(log.map((e) => [e.target, e.detail.index, e.detail.reason, e.detail.item.src])).to.deep.equal([[p, 2, 'load', bad]]);
    expect(q(p, '.slide.current img.large')).to.equal(null);
    const retry = q<HTMLButtonElement>(p, '.slide.current [part~=retry]')!;
    expect(retry.textContent!.trim()).to.equal('Retry');
    await expect(p).to.be.accessible();
    retry.click();
    await p.updateComplete;
    // Requested again: the image is back in the page, and fails (and is reported) once more.
    expect(q<HTMLImageElement>(p, '.slide.current img.large')!.getAttribute('src')).to.equal(bad);
    await waitUntil(() => log.length === 2, 'reported again', { timeout: 8000 });
    expect(log[1].detail.index).to.equal(2);
    await waitUntil(() => q(p, '.slide.current [part=error]'), 'error tile again');
  });

  it('a failed src is reported at index 0; a new src after it shows the new image', async () => {
    const log = captured(['item-error']);
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px;height:480px;position:relative"><gallery-preview src=${missing()}></gallery-preview></div>`);
    const p = wrap.firstElementChild as GalleryPreview;
    await waitUntil(() => q(p, '[part=error]'), 'error tile', { timeout: 8000 });
    expect(log.map((e) => e.detail.index)).to.deep.equal([0]);
    p.src = photo('Dune.jpg');
    await waitUntil(() => q(p, '.slide.current img.large.ready'), 'new image shown', { timeout: 8000 });
    expect(q(p, '[part=error]')).to.equal(null);
    expect(q<HTMLImageElement>(p, '.slide.current img.large')!.getAttribute('src')).to.equal(photo('Dune.jpg'));
  });
});

describe('<gallery-preview> strip', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('is one tab stop; arrows, Home and End move through the items and focus follows, in a virtualized strip', async () => {
    const p = await viewer(html`<gallery-preview .items=${items(300)}></gallery-preview>`);
    const strip = q(p, '.strip')!;
    const current = () => strip.querySelector<HTMLButtonElement>('[aria-current=true]')!;
    expect([...strip.querySelectorAll('button')].filter((b) => b.tabIndex === 0)).to.deep.equal([current()]);
    current().focus();
    await sendKeys({ press: 'ArrowRight' });
    await p.updateComplete;
    expect(p.index).to.equal(1);
    expect(deepActive()).to.equal(current());
    expect(current().getAttribute('aria-label')).to.equal('Image 2 of 300');
    await sendKeys({ press: 'End' });
    await waitUntil(() => deepActive()?.getAttribute('aria-label') === 'Image 300 of 300', 'focus on the last thumbnail');
    expect(p.index).to.equal(299);
    expect(current().tabIndex).to.equal(0);
    expect(strip.querySelectorAll('button').length).to.be.lessThan(60);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => deepActive()?.getAttribute('aria-label') === 'Image 1 of 300', 'focus on the first thumbnail');
    expect(p.index).to.equal(0);
  });
});

describe('<gallery-preview> zoom and pan', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('+ / - / 0 zoom around the centre; the zoom buttons follow and stop at the limits', async () => {
    const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')}></gallery-preview>`);
    const zoomIn = q<HTMLButtonElement>(p, 'button[aria-label="Zoom in"]')!;
    const zoomOut = q<HTMLButtonElement>(p, 'button[aria-label="Zoom out"]')!;
    expect(zoomOut.disabled).to.equal(true);
    await key(p, '+');
    await still(p);
    expect(view(p).scale).to.be.closeTo(1.5, 0.01);
    expect(view(p).x).to.be.closeTo(0, 1);
    expect(zoomOut.disabled).to.equal(false);
    await key(p, '-');
    await still(p);
    expect(view(p).scale).to.be.closeTo(1, 0.01);
    await key(p, '+');
    await key(p, '+');
    await key(p, '0');
    await still(p);
    expect(view(p).scale).to.be.closeTo(1, 0.01);
    for (let i = 0; i < 20; i++) zoomIn.click();
    await still(p);
    const v = view(p);
    // The limit: 1:1 or 4x fit, whichever is larger.
    expect(v.scale).to.be.closeTo(Math.max(4, 2560 / v.fit), 0.01);
    expect(zoomIn.disabled).to.equal(true);
  });

  it('ctrl + wheel zooms keeping the point under the pointer still; a plain wheel only with wheel-zoom', async () => {
    const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')}></gallery-preview>`);
    const plain = wheel(p, 600, 240, -200);
    expect(plain.defaultPrevented).to.equal(false);
    await still(p);
    expect(view(p).scale).to.be.closeTo(1, 0.01);

    const cx = stage(p).getBoundingClientRect().width / 2;
    const e = wheel(p, cx + 200, 240, -200, { ctrlKey: true });
    expect(e.defaultPrevented).to.equal(true);
    await still(p);
    const k = view(p).scale;
    expect(k).to.be.closeTo(Math.exp(200 / 300), 0.01);
    // The point 200 px right of centre stays under the pointer: x = p - (p - 0) * k.
    expect(view(p).x).to.be.closeTo(200 - 200 * k, 1);
    wheel(p, 600, 240, 400, { ctrlKey: true });
    await still(p);
    expect(view(p).scale).to.be.closeTo(1, 0.01);
    expect(view(p).x).to.be.closeTo(0, 1);

    p.wheelZoom = true;
    await p.updateComplete;
    wheel(p, 400, 240, -150);
    await still(p);
    expect(view(p).scale).to.be.greaterThan(1.5);
  });

  it('a plain wheel pans a zoomed image, bounded to its edges', async () => {
    const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')}></gallery-preview>`);
    await key(p, '+');
    await key(p, '+');
    const e = wheel(p, 400, 240, 10_000, { deltaX: -10_000 });
    await still(p);
    expect(e.defaultPrevented).to.equal(true);
    const v = view(p);
    // Scrolled to the bottom-left corner: the image's left edge and bottom edge meet the stage's.
    expect(v.img.left).to.be.closeTo(v.stage.left, 1);
    expect(v.img.bottom).to.be.closeTo(v.stage.bottom, 1);
  });

  it('keeps a zoomed image within its edges when the viewer is resized', async () => {
    const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')}></gallery-preview>`);
    await key(p, '+');
    await key(p, '+');
    wheel(p, 400, 240, 0, { deltaX: -10_000 }); // pan to the left edge
    await still(p);
    (p.parentElement as HTMLElement).style.width = '500px';
    await waitUntil(() => stage(p).getBoundingClientRect().width === 500, 'resized');
    await still(p);
    const v = view(p);
    expect(v.img.left).to.be.closeTo(v.stage.left, 1);
    expect(v.img.right).to.be.at.least(v.stage.right - 1);
    expect(v.scale).to.be.closeTo(2.25, 0.01);
  });

  it('dragging pans the zoomed image and stops at its edges', async () => {
    const p = await viewer(html`<gallery-preview .items=${items(3)}></gallery-preview>`);
    const log = record(p, ['select']);
    await key(p, '+');
    await key(p, '+'); // 2.25x
    await still(p);
    const before = view(p);
    await drag(p, 400, 240, 350, 220, 5, 0);
    await still(p);
    expect(view(p).x).to.be.closeTo(before.x - 50, 1);
    expect(view(p).y).to.be.closeTo(before.y - 20, 1);
    // Far beyond the edge: clamped, no gap opens, and it is a pan, not a swipe.
    await drag(p, 400, 240, 2000, 2000, 5, 0);
    await still(p);
    const v = view(p);
    expect(v.img.left).to.be.closeTo(v.stage.left, 1);
    expect(v.img.top).to.be.closeTo(v.stage.top, 1);
    expect(log).to.have.length(0);
    expect(p.index).to.equal(0);
  });

  it('20 pointer moves on a zoomed image: the image moves, with no getComputedStyle call and no update of the element', async () => {
    const p = await viewer(html`<gallery-preview .items=${items(3)}></gallery-preview>`);
    await key(p, '+');
    await key(p, '+');
    await still(p);
    const before = view(p);
    let styleReads = 0, updates = 0;
    const gcs = window.getComputedStyle;
    window.getComputedStyle = function (...args: Parameters<typeof gcs>) {
      styleReads++;
      return gcs.apply(window, args);
    };
    const requestUpdate = p.requestUpdate;
    p.requestUpdate = function (...args: Parameters<typeof requestUpdate>) {
      updates++;
      return requestUpdate.apply(p, args);
    };
    try {
      pointer(p, 'pointerdown', 400, 240, 1, 'mouse');
      for (let i = 1; i <= 20; i++) {
        pointer(p, 'pointermove', 400 - i * 3, 240 - i, 1, 'mouse');
        if (i % 4 === 0) await frames(1); // let some frames be painted in between
      }
      await frames(2);
      expect(p.isUpdatePending).to.equal(false);
    } finally {
      window.getComputedStyle = gcs;
      delete (p as { requestUpdate?: unknown }).requestUpdate;
    }
    expect(styleReads, 'getComputedStyle calls').to.equal(0);
    expect(updates, 'requestUpdate calls').to.equal(0);
    const after = view(p);
    expect(after.x).to.be.closeTo(before.x - 60, 1);
    expect(after.y).to.be.closeTo(before.y - 20, 1);
    pointer(p, 'pointerup', 340, 220, 1, 'mouse');
  });

  it('double-click toggles between fit and at least 2x (1:1 for large images) at the point clicked', async () => {
    const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')}></gallery-preview>`);
    const r = stage(p).getBoundingClientRect();
    stage(p).dispatchEvent(new MouseEvent('dblclick', { clientX: r.left + r.width / 2 - 100, clientY: r.top + r.height / 2, bubbles: true, composed: true, cancelable: true }));
    await still(p);
    // Aqua is 2560 px wide, fitted to the stage: 1:1 is 2560 / fitted width (over 2x here).
    const v = view(p);
    const s = Math.max(2, 2560 / v.fit);
    expect(v.scale).to.be.closeTo(s, 0.01);
    // The point clicked (100 px left of centre) stays put, within the pan bounds.
    const mx = (v.fit * s - r.width) / 2;
    expect(v.x).to.be.closeTo(Math.min(mx, Math.max(-mx, -100 * (1 - s))), 1);
    stage(p).dispatchEvent(new MouseEvent('dblclick', { clientX: r.left + 300, clientY: r.top + 240, bubbles: true, composed: true, cancelable: true }));
    await still(p);
    expect(view(p).scale).to.be.closeTo(1, 0.01);
    expect(view(p).x).to.be.closeTo(0, 1);
  });

  it('double-tap toggles zoom on touch', async () => {
    const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')}></gallery-preview>`);
    for (let i = 0; i < 2; i++) {
      pointer(p, 'pointerdown', 400, 240);
      pointer(p, 'pointerup', 400, 240);
    }
    await still(p);
    expect(view(p).scale).to.be.at.least(2);
    await aTimeout(400); // past the double-tap window: a second, separate tap does not zoom out
    pointer(p, 'pointerdown', 400, 240);
    pointer(p, 'pointerup', 400, 240);
    await still(p);
    expect(view(p).scale).to.be.at.least(2);
  });

  it('pinch with two pointers zooms by the ratio of their distances', async () => {
    const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')}></gallery-preview>`);
    pointer(p, 'pointerdown', 350, 240, 1);
    pointer(p, 'pointerdown', 450, 240, 2);
    pointer(p, 'pointermove', 300, 240, 1);
    pointer(p, 'pointermove', 500, 240, 2); // 100 px apart → 200 px apart
    await still(p);
    expect(view(p).scale).to.be.closeTo(2, 0.01);
    pointer(p, 'pointerup', 300, 240, 1);
    pointer(p, 'pointerup', 500, 240, 2);
    await still(p);
    expect(view(p).scale).to.be.closeTo(2, 0.01);
    // Pinching in below fit snaps back to fit.
    pointer(p, 'pointerdown', 300, 240, 3);
    pointer(p, 'pointerdown', 500, 240, 4);
    pointer(p, 'pointermove', 390, 240, 3);
    pointer(p, 'pointermove', 410, 240, 4);
    pointer(p, 'pointerup', 390, 240, 3);
    pointer(p, 'pointerup', 410, 240, 4);
    await still(p);
    expect(view(p).scale).to.be.closeTo(1, 0.01);
    expect(view(p).x).to.be.closeTo(0, 1);
  });

  it('asks for a larger srcset candidate when zoomed past the fitted resolution', async () => {
    const srcset = `${photo('Aqua.jpg')}?w=640 640w, ${photo('Aqua.jpg')}?w=1920 1920w`;
    const p = await viewer(html`<gallery-preview .items=${[{ src: photo('Aqua.jpg'), srcset, width: 1920, height: 1200 }]}></gallery-preview>`);
    const img = q<HTMLImageElement>(p, '.slide.current img.large')!;
    const fit = view(p).fit;
    expect(parseFloat(img.sizes)).to.be.closeTo(fit, 1);
    await key(p, '+');
    await key(p, '+');
    await key(p, '+'); // 3.375x
    await still(p);
    expect(parseFloat(img.sizes)).to.be.at.least(fit * 3.375 - 1);
    await waitUntil(() => img.currentSrc.endsWith('?w=1920'), `full-resolution candidate (currentSrc ${img.currentSrc})`, { timeout: 8000 });
  });

  it('zoom keys and buttons do nothing on a video', async () => {
    const list = [{ src: '/examples/video/ladybird-pan.webm', type: 'video' }, { src: photo('Aqua.jpg') }];
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px;height:480px;position:relative"><gallery-preview .items=${list}></gallery-preview></div>`);
    const p = wrap.firstElementChild as GalleryPreview;
    await p.updateComplete;
    const video = q<HTMLVideoElement>(p, '.slide.current video')!;
    await waitUntil(() => video.readyState >= 1, 'video metadata', { timeout: 8000 });
    await still(p);
    const w = video.getBoundingClientRect().width;
    await key(p, '+');
    await still(p);
    expect(video.getBoundingClientRect().width).to.equal(w);
    expect(q(p, 'button[aria-label="Zoom in"]')).to.equal(null);
  });
});

describe('<gallery-preview> swipe', () => {
  before(() => setViewport({ width: 1200, height: 800 }));

  it('a long drag left goes to the next item, right to the previous (select fires)', async () => {
    const p = await viewer(html`<gallery-preview .items=${items(4)} selected-index="1"></gallery-preview>`);
    const log = record(p, ['select']);
    await drag(p, 600, 240, 300, 250, 10, 0);
    expect(p.index).to.equal(2);
    expect(log.map((e) => e.detail.index)).to.deep.equal([2]);
    await still(p);
    expect(view(p).x).to.be.closeTo(0, 1);
    await drag(p, 200, 240, 500, 250, 10, 0);
    expect(p.index).to.equal(1);
  });

  it("a real finger (the browser's touch pipeline, not made-up events): a swipe left goes to the next item; a double tap zooms in, and what the browser sends after it does not undo it", async () => {
    const p = await viewer(html`<gallery-preview .items=${items(4)} selected-index="1"></gallery-preview>`);
    const log = recordCapture(['select']);
    const touch = (type: 'start' | 'move' | 'end', x = 0, y = 0) => executeServerCommand('touch', { type, x, y });
    try {
      const s = view(p).stage, sy = s.top + s.height / 2;
      await touch('start', s.left + s.width * 0.8, sy);
      for (let k = 1; k <= 8; k++) await touch('move', s.left + s.width * (0.8 - k * 0.06), sy);
      await touch('end');
      await waitUntil(() => p.index === 2, 'the next item', { timeout: 3000 });
      expect(log.map((e) => e.detail.index)).to.deep.equal([2]);
      await still(p);
      expect(view(p).x).to.be.closeTo(0, 1);
      expect(view(p).scale).to.be.closeTo(1, 0.02);
      const c = view(p).stage;
      const x = c.left + c.width / 2, y = c.top + c.height / 2;
      for (let k = 0; k < 2; k++) {
        await touch('start', x, y);
        await touch('end');
      }
      await waitUntil(() => view(p).scale > 1.5, 'zoomed in', { timeout: 3000 });
      await still(p);
      expect(view(p).scale).to.be.greaterThan(1.5);
      expect(p.index).to.equal(2);
    } finally {
      log.stop();
    }
  });

  it('a short slow drag snaps back; a short fast flick changes item', async () => {
    const p = await viewer(html`<gallery-preview .items=${items(4)}></gallery-preview>`);
    // 60 px (< 20% of 800) at 0.2 px/ms: snaps back.
    await drag(p, 400, 240, 340, 240, 6, 50);
    expect(p.index).to.equal(0);
    await still(p);
    expect(view(p).x).to.be.closeTo(0, 1);
    // 60 px in a burst: a flick.
    await drag(p, 400, 240, 340, 240, 6, 0);
    expect(p.index).to.equal(1);
  });

  it('a drag of under 8 px is a tap, not a swipe; a cancelled select keeps the item', async () => {
    const p = await viewer(html`<gallery-preview .items=${items(4)}></gallery-preview>`);
    const log = captured(['select']);
    await drag(p, 400, 240, 405, 240, 2, 0);
    await still(p);
    expect(p.index).to.equal(0);
    expect(log).to.have.length(0);
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('select', cancel, true);
    await drag(p, 600, 240, 200, 240, 10, 0);
    document.removeEventListener('select', cancel, true);
    expect(log.map((e) => e.detail.index)).to.deep.equal([1]);
    await still(p);
    expect(p.index).to.equal(0);
    expect(view(p).x).to.be.closeTo(0, 1);
  });

  it('right-to-left: the next item is on the left; the image follows the finger and a drag to the right goes to it, ArrowLeft too', async () => {
    const p = await viewer(html`<gallery-preview dir="rtl" .items=${items(4)}></gallery-preview>`);
    const s = stage(p).getBoundingClientRect();
    expect(q(p, '.slide[data-index="1"]')!.getBoundingClientRect().right).to.be.at.most(s.left + 1);
    pointer(p, 'pointerdown', 200, 240);
    for (let i = 1; i <= 5; i++) pointer(p, 'pointermove', 200 + i * 60, 240);
    await frames(2);
    expect(view(p).x).to.be.closeTo(300, 2);
    pointer(p, 'pointerup', 500, 240);
    await p.updateComplete;
    expect(p.index).to.equal(1);
    await key(p, 'ArrowLeft');
    expect(p.index).to.equal(2);
    await key(p, 'ArrowRight');
    expect(p.index).to.equal(1);
  });

  it('a drag down on the inline viewer does not close anything: the image goes back', async () => {
    const p = await viewer(html`<gallery-preview .items=${items(2)}></gallery-preview>`);
    await drag(p, 400, 100, 400, 400, 8, 0);
    await still(p);
    expect(view(p).y).to.be.closeTo(0, 1);
    expect(p.index).to.equal(0);
  });

  it('standalone modal: swipe down closes it after the animation (preview-close once); a small drag down does not', async () => {
    const log = captured(['preview-close']);
    const wrap = await fixture<HTMLDivElement>(html`<div><gallery-preview modal open .items=${items(4)} selected-index="1"></gallery-preview></div>`);
    const p = wrap.firstElementChild as GalleryPreview;
    await waitUntil(() => q(p, '.slide.current img.large.ready'), 'decoded', { timeout: 8000 });
    await still(p);
    const h = stage(p).getBoundingClientRect().height;
    await drag(p, 400, 200, 400, 200 + h * 0.1, 5, 40);
    await still(p);
    expect(p.open).to.equal(true);
    expect(view(p).y).to.be.closeTo(0, 1);
    expect(log).to.have.length(0);
    const closed = oneEvent(p, 'preview-close');
    await drag(p, 400, 100, 400, 100 + h * 0.4, 8, 0);
    expect((await closed).detail).to.deep.equal({ index: 1 });
    await p.updateComplete;
    expect(log).to.have.length(1);
    expect(p.open).to.equal(false);
    expect(q<HTMLDialogElement>(p, 'dialog')!.open).to.equal(false);
  });

  it('standalone modal: reopened in the same task as it closed, it stays open (the stale dialog close is ignored)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><gallery-preview modal open src=${photo('Aqua.jpg')}></gallery-preview></div>`);
    const p = wrap.firstElementChild as GalleryPreview;
    const dialog = q<HTMLDialogElement>(p, 'dialog')!;
    await waitUntil(() => dialog.open, 'shown');
    const closes = record(p, ['preview-close']);
    const onDoc = recordCapture(['preview-close']);
    p.open = false;
    await p.updateComplete;
    expect(dialog.open).to.equal(false);
    const stale = oneEvent(dialog, 'close');
    p.open = true;
    await p.updateComplete;
    await stale;
    await p.updateComplete;
    await frames(2);
    expect(p.open).to.equal(true);
    expect(dialog.open).to.equal(true);
    expect(q(p, '.stage')).to.exist;
    expect(closes).to.have.length(0);
    onDoc.stop();
    expect(onDoc).to.have.length(0);
  });

  it('standalone modal: the stage is observed again after close and reopen (fits a resized viewport)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><gallery-preview modal open src=${photo('Aqua.jpg')}></gallery-preview></div>`);
    const p = wrap.firstElementChild as GalleryPreview;
    await waitUntil(() => q(p, '.slide.current img.large.ready'), 'decoded', { timeout: 8000 });
    await still(p);
    expect(view(p).scale).to.be.closeTo(1, 0.01);
    await key(p, 'Escape');
    await waitUntil(() => !p.open, 'closed');
    p.open = true;
    await p.updateComplete;
    await waitUntil(() => q(p, '.slide.current img.large.ready'), 'shown again');
    await still(p);
    const wide = view(p);
    expect(wide.scale).to.be.closeTo(1, 0.01);
    await setViewport({ width: 700, height: 600 });
    try {
      await waitUntil(() => Math.abs(stage(p).getBoundingClientRect().width - wide.stage.width) > 100, 'stage resized');
      await still(p);
      const v = view(p);
      // Fitted to the new stage: contained, touching two of its edges.
      expect(v.scale).to.be.closeTo(1, 0.01);
      expect(v.img.width).to.be.at.most(v.stage.width + 0.5);
      expect(v.img.height).to.be.at.most(v.stage.height + 0.5);
    } finally {
      await setViewport({ width: 1200, height: 800 });
    }
  });
});

describe('<gallery-preview> in <media-gallery>', () => {
  before(host);
  before(() => setViewport({ width: 1200, height: 800 }));

  it('traps focus in the dialog, names it "Image n of N: caption", and announces changes politely', async () => {
    const { p } = await modal(html`<media-gallery .items=${items(5)}></media-gallery>`, 2);
    const dialog = q<HTMLDialogElement>(p, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal('Image 3 of 5: Photo 3');
    expect(dialog.contains(deepActive())).to.equal(true);
    // Tab moves through the dialog's controls (toolbar, previous, next, strip: one stop each).
    // Not past the last one: from there a modal dialog may hand focus to the browser's own UI
    // (Firefox does), which is the browser's business, not ours.
    const seen = new Set<Element>();
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      const a = deepActive()!;
      expect(dialog.contains(a), `tab ${i} stays in the dialog`).to.equal(true);
      seen.add(a);
    }
    expect(seen.size).to.equal(3);
    await key(p, 'ArrowRight');
    expect(q(p, '.sr[aria-live=polite]')!.textContent).to.equal('Image 4 of 5: Photo 4');
    expect(dialog.getAttribute('aria-label')).to.equal('Image 4 of 5: Photo 4');
    const hidden = [...p.shadowRoot!.querySelectorAll('.slide:not(.current)')];
    expect(hidden.length).to.equal(2);
    expect(hidden.every((s) => s.hasAttribute('inert') && s.getAttribute('aria-hidden') === 'true')).to.equal(true);
  });

  it('is accessible open and zoomed', async () => {
    const { p } = await modal(html`<media-gallery label="Photos" show-like-dislike show-favorite-button .items=${items(4)}></media-gallery>`, 0);
    await waitUntil(() => q(p, '.slide.current img.large.ready'), 'decoded', { timeout: 8000 });
    await key(p, '+');
    await still(p);
    expect(view(p).scale).to.be.greaterThan(1.4);
    await expect(p).to.be.accessible();
  });

  it('animates the open from the tile with transform and opacity only', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px"><media-gallery .items=${items(4)}></media-gallery></div>`);
    const g = wrap.firstElementChild as MediaGallery;
    await g.updateComplete;
    await frames();
    mainOf(tileAt(g, 0)).click();
    await g.updateComplete;
    const p = g.shadowRoot!.querySelector<GalleryPreview>('gallery-preview')!;
    await p.updateComplete;
    const anims = p.shadowRoot!.querySelector('dialog')!.getAnimations({ subtree: true });
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      expect(anims).to.have.length(0);
      return;
    }
    expect(anims.length).to.be.greaterThan(0);
    const props = new Set<string>();
    for (const a of anims) for (const k of (a.effect as KeyframeEffect).getKeyframes()) for (const prop of Object.keys(k)) props.add(prop);
    for (const prop of ['offset', 'easing', 'composite', 'computedOffset']) props.delete(prop);
    expect([...props].sort()).to.deep.equal(['opacity', 'transform']);
    // The image starts over the tile: its first keyframe scales it down to the tile's size.
    const zoomer = p.shadowRoot!.querySelector('.slide.current .zoomer')!;
    const first = (zoomer.getAnimations()[0].effect as KeyframeEffect).getKeyframes()[0].transform as string;
    expect(first).to.match(/translate\(.+\) scale\(0\.\d+\)/);
  });

  it('shows the thumbnail as the placeholder until the large image has decoded', async () => {
    const list = [{ src: `${photo('Aqua.jpg')}?slow=${Date.now()}`, thumb: photo('Blinds.jpg'), caption: 'A' }];
    const { p } = await modal(html`<media-gallery .items=${list}></media-gallery>`, 0);
    expect(q<HTMLImageElement>(p, '.slide.current img.ph')!.getAttribute('src')).to.equal(photo('Blinds.jpg'));
    expect(q(p, '.slide.current img.large')!.classList.contains('ready')).to.equal(false);
    await waitUntil(() => q(p, '.slide.current img.large.ready'), 'decoded', { timeout: 8000 });
    await p.updateComplete;
    expect(q(p, '.slide.current img.ph')).to.equal(null);
  });

  it('fetches no full-size image until the preview opens, then the current one and its neighbours', async () => {
    const tag = `full${Date.now()}`;
    const list = PHOTOS.slice(0, 5).map((n, i) => ({ src: `${photo(n)}?${tag}=${i}`, thumb: photo(n), caption: n }));
    const fetched = () => new Set(performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes(tag)).map((u) => u.split('=').pop()));
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px"><media-gallery .items=${list}></media-gallery></div>`);
    const g = wrap.firstElementChild as MediaGallery;
    await g.updateComplete;
    // Everything the page loads on its own has loaded: every tile's thumbnail.
    const thumbs = () => tiles(g).map((t) => t.querySelector('img'));
    await waitUntil(() => thumbs().length === 5 && thumbs().every((i) => i?.complete), 'thumbnails loaded', { timeout: 8000 });
    await frames(2);
    expect([...fetched()]).to.deep.equal([]);
    g.open(2);
    await waitUntil(() => ['1', '2', '3'].every((i) => fetched().has(i)), `current and neighbours fetched (${[...fetched()]})`, { timeout: 8000 });
    expect(fetched().has('0') || fetched().has('4')).to.equal(false);
  });

  it('renders the neighbours (preloaded) and pauses a video when leaving it', async () => {
    const list = [{ src: '/examples/video/ladybird-pan.webm', type: 'video' as const, caption: 'Ladybird' }, { src: photo('Aqua.jpg') }, { src: photo('Dune.jpg') }];
    const { p } = await modal(html`<media-gallery .items=${list}></media-gallery>`, 0);
    expect([...p.shadowRoot!.querySelectorAll('.slide')].map((s) => s.getAttribute('data-index')).sort()).to.deep.equal(['0', '1', '2']);
    const v = q<HTMLVideoElement>(p, '.slide.current video')!;
    expect(v.autoplay).to.equal(false);
    expect(v.paused).to.equal(true);
    expect(v.controls).to.equal(true);
    v.muted = true;
    await v.play();
    expect(v.paused).to.equal(false);
    q<HTMLButtonElement>(p, '[part~=next]')!.click();
    // The gallery moves the preview on its next render.
    await waitUntil(() => p.index === 1, 'moved');
    await p.updateComplete;
    expect(v.paused).to.equal(true);
  });

  it('virtualizes the strip and keeps the current thumbnail in view', async () => {
    const { p } = await modal(html`<media-gallery .items=${items(2000)}></media-gallery>`, 1000);
    await frames(3);
    await p.updateComplete;
    const strip = q(p, '.strip')!;
    const buttons = () => [...strip.querySelectorAll('button')];
    expect(buttons().length).to.be.lessThan(60);
    const inView = (i: number) => {
      const b = strip.querySelector(`[aria-label="Image ${i + 1} of 2000"]`);
      if (!b) return false;
      const r = b.getBoundingClientRect(), s = strip.getBoundingClientRect();
      return r.left >= s.left - 1 && r.right <= s.right + 1;
    };
    await waitUntil(() => inView(1000), 'thumbnail 1001 in view');
    expect(strip.querySelector('[aria-current=true]')!.getAttribute('aria-label')).to.equal('Image 1001 of 2000');
    await key(p, 'End');
    await waitUntil(() => inView(1999), 'last thumbnail in view', { timeout: 4000 });
    expect(buttons().length).to.be.lessThan(60);
  });

  it('slideshow advances on its interval, pauses while hovered, and stops from its button', async () => {
    const p = await viewer(html`<gallery-preview slideshow="500" .items=${items(4)}></gallery-preview>`);
    const play = q<HTMLButtonElement>(p, 'button[aria-label="Slideshow"]')!;
    const log = record(p, ['select']);
    play.click();
    await p.updateComplete;
    // Its state is in its name (Slideshow / Pause), not in aria-pressed as well.
    expect(play.getAttribute('aria-label')).to.equal('Pause');
    expect(play.hasAttribute('aria-pressed')).to.equal(false);
    await waitUntil(() => p.index === 1, 'advanced', { timeout: 3000 });
    expect(log[0].detail).to.include({ index: 1, selected: true });
    stage(p).dispatchEvent(new PointerEvent('pointerenter'));
    expect(await within(p, 'select', 1100), 'advanced while hovered').to.equal(false);
    expect(p.index).to.equal(1);
    stage(p).dispatchEvent(new PointerEvent('pointerleave'));
    await waitUntil(() => p.index === 2, 'advanced after hover', { timeout: 3000 });
    // Keyboard focus on another control (here a strip thumbnail) pauses it too.
    q<HTMLButtonElement>(p, '.strip [aria-current=true]')!.focus();
    expect(await within(p, 'select', 1100), 'advanced while the strip had focus').to.equal(false);
    expect(p.index).to.equal(2);
    q<HTMLButtonElement>(p, '[part~=slideshow]')!.focus();
    await waitUntil(() => p.index === 3, 'advanced after focus left', { timeout: 3000 });
    q<HTMLButtonElement>(p, 'button[aria-label="Pause"]')!.click();
    expect(await within(p, 'select', 1100), 'advanced after pause').to.equal(false);
    expect(p.index).to.equal(3);
  });
});

describe('<gallery-preview> fullscreen', () => {
  it('f toggles fullscreen; the button shows it', async () => {
    const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')}></gallery-preview>`);
    const btn = () => q<HTMLButtonElement>(p, '[part~=fullscreen]')!;
    // The state is in the name (Fullscreen / Exit fullscreen), never in aria-pressed as well.
    expect(btn().getAttribute('aria-label')).to.equal('Fullscreen');
    expect(btn().hasAttribute('aria-pressed')).to.equal(false);
    q<HTMLElement>(p, '.frame')!.focus();
    await sendKeys({ press: 'f' });
    await waitUntil(() => btn().getAttribute('aria-label') === 'Exit fullscreen', 'fullscreen on', { timeout: 4000 });
    expect(document.fullscreenElement === p || p.hasAttribute('pseudo-fullscreen')).to.equal(true);
    expect(btn().getAttribute('aria-label')).to.equal('Exit fullscreen');
    q<HTMLElement>(p, '.frame')!.focus();
    await sendKeys({ press: 'f' });
    await waitUntil(() => btn().getAttribute('aria-label') === 'Fullscreen', 'fullscreen off', { timeout: 4000 });
    expect(document.fullscreenElement).to.equal(null);
  });

  it('falls back to a viewport-filling layer where the Fullscreen API is missing; Escape leaves it', async () => {
    Object.defineProperty(document, 'fullscreenEnabled', { value: false, configurable: true });
    try {
      const p = await viewer(html`<gallery-preview src=${photo('Aqua.jpg')}></gallery-preview>`);
      await key(p, 'f');
      await waitUntil(() => p.hasAttribute('pseudo-fullscreen'), 'pseudo-fullscreen');
      await p.updateComplete;
      const r = p.getBoundingClientRect();
      expect(r.width).to.be.closeTo(innerWidth, 1);
      expect(r.height).to.be.closeTo(innerHeight, 1);
      expect(q(p, '[part~=fullscreen]')!.getAttribute('aria-label')).to.equal('Exit fullscreen');
      await key(p, 'Escape');
      await waitUntil(() => !p.hasAttribute('pseudo-fullscreen'), 'left');
      expect(p.getBoundingClientRect().width).to.be.closeTo(800, 1);
    } finally {
      delete (document as { fullscreenEnabled?: boolean }).fullscreenEnabled;
    }
  });
});

describe('<media-gallery history> deep links', () => {
  before(host);
  const clean = () => history.replaceState(null, '', location.pathname + location.search);
  beforeEach(clean);
  afterEach(clean);

  it('opening adds #gallery-<id>-<n>, moving replaces it, and Back closes the preview', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px"><media-gallery id="trip" history .items=${items(4)}></media-gallery></div>`);
    const g = wrap.firstElementChild as MediaGallery;
    await g.updateComplete;
    await frames();
    const depth = history.length;
    mainOf(tileAt(g, 1)).click();
    await g.updateComplete;
    expect(location.hash).to.equal('#gallery-trip-2');
    expect(history.length).to.equal(depth + 1);
    const p = g.shadowRoot!.querySelector<GalleryPreview>('gallery-preview')!;
    await p.updateComplete;
    await key(p, 'ArrowRight');
    await g.updateComplete;
    expect(location.hash).to.equal('#gallery-trip-3');
    expect(history.length).to.equal(depth + 1);
    const closed = oneEvent(g, 'preview-close');
    history.back();
    expect((await closed).detail).to.deep.equal({ index: 2 });
    await g.updateComplete;
    expect(g.preview).to.equal(false);
    expect(location.hash).to.equal('');
  });

  it('closing with Escape takes the hash back off', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px"><media-gallery id="esc" history .items=${items(3)}></media-gallery></div>`);
    const g = wrap.firstElementChild as MediaGallery;
    await g.updateComplete;
    mainOf(tileAt(g, 0)).click();
    await g.updateComplete;
    expect(location.hash).to.equal('#gallery-esc-1');
    const p = g.shadowRoot!.querySelector<GalleryPreview>('gallery-preview')!;
    await p.updateComplete;
    const closed = oneEvent(g, 'preview-close');
    await key(p, 'Escape');
    await closed;
    await waitUntil(() => location.hash === '', 'hash removed');
  });

  it('a page loaded with the hash opens that item', async () => {
    history.replaceState(null, '', '#gallery-deep-3');
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px"><media-gallery id="deep" history .items=${items(4)}></media-gallery></div>`);
    const g = wrap.firstElementChild as MediaGallery;
    await g.updateComplete;
    await waitUntil(() => g.preview, 'opened from the hash');
    expect(g.selectedIndex).to.equal(2);
    const p = g.shadowRoot!.querySelector<GalleryPreview>('gallery-preview')!;
    await p.updateComplete;
    expect(q(p, '.counter')!.textContent!.trim()).to.equal('3 / 4');
    g.close();
    await g.updateComplete;
    await waitUntil(() => location.hash === '', 'hash removed on close');
  });

  it('without history, the URL is left alone', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px"><media-gallery id="plain" .items=${items(3)}></media-gallery></div>`);
    const g = wrap.firstElementChild as MediaGallery;
    await g.updateComplete;
    g.open(1);
    await g.updateComplete;
    expect(location.hash).to.equal('');
  });
});
