// Helpers shared by the browser tests (not a test file itself: wtr runs *.test.ts only).
import { fixture, html } from '@open-wc/testing';
import type { ReactiveElement } from 'lit';
import type { MediaGallery } from '../src/media-gallery.js';

/**
 * Watches `parent`'s children for moved elements: removed and inserted again (Lit's `repeat`
 * reordering them), which takes focus from a moved element and restyles, lays out and paints it
 * afresh. `take()` returns those moved since the last call (pending records included).
 */
export function watchMoves(parent: Node) {
  const removed = new Set<Node>(), moved: Node[] = [];
  const seen = (records: MutationRecord[]) => {
    for (const r of records) {
      r.removedNodes.forEach((n) => removed.add(n));
      r.addedNodes.forEach((n) => removed.has(n) && moved.push(n));
    }
  };
  const mo = new MutationObserver(seen);
  mo.observe(parent, { childList: true });
  return {
    take: (): Node[] => (seen(mo.takeRecords()), removed.clear(), moved.splice(0)),
    stop: () => mo.disconnect(),
  };
}

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

/**
 * Waits until a gallery's first screen is done, as the gallery sees it: the thumbnails on screen
 * have loaded or failed (1.2 s at most: the gallery waits 1 s), then the work that waited for
 * them (the overscan rows, when idle) has rendered.
 */
export async function firstScreenDone(el: MediaGallery) {
  const t0 = performance.now();
  const loading = () => [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('.grid > .tile img.media[fetchpriority=high][src]')].some((m) => !m.complete);
  while (loading() && performance.now() - t0 < 1200) await frames(1);
  await frames(4);
  await new Promise<void>((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 300 }) : setTimeout(r, 60)));
  await el.updateComplete;
  await frames();
}

/** Renders `tpl` (a template holding a `<media-gallery>`) in a box `width` px wide and waits until the gallery has settled, its first screen done. */
export async function mount(tpl: unknown, width = 800): Promise<MediaGallery> {
  const wrap = await fixture<HTMLDivElement>(html`<div style=${`width:${width}px`}>${tpl}</div>`);
  const el = wrap.querySelector('media-gallery') as MediaGallery;
  await settle(el);
  await firstScreenDone(el);
  return el;
}

// ---- tiles ----------------------------------------------------------------------------
// Inside `<media-gallery>` a tile is a `<div class="tile" part="thumb" role="listitem"
// data-index>` directly in `.grid`, in the gallery's own shadow root (no shadow root of its
// own): its main button, media and action buttons are its descendants.

/** The tiles the gallery has rendered (`.grid > .tile`), in DOM order. */
export const tiles = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.grid > .tile')];
/** A tile's item index. */
export const tileIndex = (t: Element) => Number((t as HTMLElement).dataset.index);
/** The rendered tile of item `i` (undefined at run time when it is not rendered). */
export const tileAt = (el: Element, i: number) => tiles(el).find((t) => tileIndex(t) === i)!;
/** A tile's main button (opens / selects its item; holds the roving tab stop). */
export const mainOf = (t: Element) => t.querySelector<HTMLButtonElement>('.main')!;
/** A tile's action button by part name: like, dislike, favorite, edit, action, caption-edit, delete. */
export const tileButton = (t: Element, part: string) => t.querySelector<HTMLButtonElement>(`[part~=${part}]`)!;
/** The tile's media has loaded. */
export const isLoaded = (t: Element) => t.hasAttribute('loaded');
/** The tile reflects the gallery's selection. */
export const isSelected = (t: Element) => t.hasAttribute('selected');
/** The tile holds the gallery's single tab stop (roving tabindex). */
export const isActive = (t: Element) => mainOf(t).tabIndex === 0;
/** The tile that holds focus (its main button or one of its action buttons), or null. */
export const focusedTile = () => deepActive()?.closest<HTMLElement>('.tile') ?? null;
