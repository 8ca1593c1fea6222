import { expect, html, fixture } from '@open-wc/testing';
import '../elements/media-gallery.js';
import type { MediaGallery } from '../src/media-gallery.js';

describe('leaks', () => {
  it('removes every window/document listener and observer it adds, over 30 mounts', async () => {
    const live = new Map<string, number>();
    const targets: Array<[EventTarget, string]> = [[window, 'window'], [document, 'document']];
    const restore: Array<() => void> = [];
    for (const [t, name] of targets) {
      const add = t.addEventListener, remove = t.removeEventListener;
      t.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
        live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) + 1);
        return (add as Function).call(this, type, ...rest);
      } as typeof add;
      t.removeEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
        live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) - 1);
        return (remove as Function).call(this, type, ...rest);
      } as typeof remove;
      restore.push(() => { t.addEventListener = add; t.removeEventListener = remove; });
    }
    let observers = 0;
    const RO = window.ResizeObserver, IO = window.IntersectionObserver;
    window.ResizeObserver = class extends RO { constructor(cb: ResizeObserverCallback) { super(cb); observers++; } override disconnect() { observers--; super.disconnect(); } };
    window.IntersectionObserver = class extends IO { constructor(cb: IntersectionObserverCallback, o?: IntersectionObserverInit) { super(cb, o); observers++; } override disconnect() { observers--; super.disconnect(); } };
    try {
      for (let i = 0; i < 30; i++) {
        const el = await fixture<MediaGallery>(html`<media-gallery has-more .items=${['/examples/photos/Aqua.jpg', '/examples/photos/Dune.jpg']}></media-gallery>`);
        el.open(1);
        await el.updateComplete;
        await new Promise((r) => requestAnimationFrame(r));
        el.remove();
      }
    } finally {
      restore.forEach((f) => f());
      window.ResizeObserver = RO;
      window.IntersectionObserver = IO;
    }
    const leaked = [...live].filter(([k, n]) => n > 0 && !k.endsWith(':error') && !k.endsWith(':unhandledrejection'));
    expect(leaked).to.deep.equal([]);
    expect(observers).to.equal(0);
  });
});
