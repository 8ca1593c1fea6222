// Helpers shared by the browser tests (not a test file itself: wtr runs *.test.ts only).
import { fixture, html } from '@open-wc/testing';
import type { ReactiveElement } from 'lit';
import type { MediaGallery } from '../src/media-gallery.js';

/** Resolves after `n` animation frames (2 by default: one full rendered frame has passed). */
export const frames = (n = 2) =>
  new Promise<void>((r) => {
    const tick = (k: number) => (k ? requestAnimationFrame(() => tick(k - 1)) : r());
    tick(n);
  });

/** Waits for an element's update, two frames (observers, measurements), any update they asked for, and the preview's chunk when one is rendered. */
export async function settle(el: ReactiveElement) {
  await el.updateComplete;
  await frames();
  await el.updateComplete;
  // The gallery loads <gallery-preview> on demand: once it has rendered one, wait for the
  // chunk to register it and for its first render.
  const p = el.shadowRoot?.querySelector('gallery-preview');
  if (p && !customElements.get('gallery-preview')) {
    await customElements.whenDefined('gallery-preview');
    await (p as ReactiveElement).updateComplete;
    await frames();
  }
}

/** The element that has focus, through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Records every event of `types` on `el`: its type, detail and the event itself. */
export function record(el: EventTarget, types: string[]) {
  const log: Array<{ type: string; detail: any; event: Event }> = [];
  for (const t of types) el.addEventListener(t, (e) => log.push({ type: t, detail: (e as CustomEvent).detail, event: e }));
  return log;
}

/**
 * Whether `target` is within 400 px below `root`'s viewport (the gallery's sentinel margin), as
 * an IntersectionObserver made now reports it. Observers deliver in creation order within a
 * frame, so when this one has reported, the gallery's own (older) observer has too: a negative
 * check after it waits for the event that would have fired, not for a fixed time.
 */
export function intersection(target: Element, root: Element | null): Promise<boolean> {
  return new Promise((resolve) => {
    const io = new IntersectionObserver((entries) => {
      io.disconnect();
      resolve(entries[entries.length - 1].isIntersecting);
    }, { root, rootMargin: '0px 0px 400px 0px' });
    io.observe(target);
  });
}

/** Records every event of `types` that reaches `document` in the capture phase (what analytics and framework delegation see). */
export function recordCapture(types: string[]) {
  const log: Array<{ type: string; detail: any; event: Event }> = [];
  const fns = types.map((t) => {
    const fn = (e: Event) => log.push({ type: t, detail: (e as CustomEvent).detail, event: e });
    document.addEventListener(t, fn, { capture: true });
    return [t, fn] as const;
  });
  return Object.assign(log, { stop: () => fns.forEach(([t, fn]) => document.removeEventListener(t, fn, { capture: true })) });
}

/** Renders `tpl` (a template holding a `<media-gallery>`) in a box `width` px wide and waits until the gallery has settled. */
export async function mount(tpl: unknown, width = 800): Promise<MediaGallery> {
  const wrap = await fixture<HTMLDivElement>(html`<div style=${`width:${width}px`}>${tpl}</div>`);
  const el = wrap.querySelector('media-gallery') as MediaGallery;
  await settle(el);
  return el;
}
