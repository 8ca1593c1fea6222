/** Small DOM helpers shared by the elements. */
import type { CSSResult } from 'lit';

/**
 * Whether `el` is laid out right-to-left (`:dir(rtl)`, else its computed direction). Not for
 * hot paths. On the server (@lit-labs/ssr's DOM shim: no `matches`, no `getComputedStyle`) only
 * the element's own `dir` attribute is known.
 */
export function isRtl(el: Element): boolean {
  try {
    return el.matches(':dir(rtl)');
  } catch {
    if (typeof getComputedStyle !== 'function') return el.getAttribute?.('dir') === 'rtl';
    return getComputedStyle(el).direction === 'rtl';
  }
}

/** What `afterFirstScreen` work waits for besides the frames: the first thumbnails of the galleries on the page. */
let held: Promise<unknown> = Promise.resolve();

/**
 * Holds `afterFirstScreen` work until `loading` settles, at most `ms`: a gallery's first screen
 * of thumbnails, so that nothing it does not need (a render of the overscan, a chunk's parse, the
 * check of a long list) takes a frame or the network from them while they arrive.
 */
export function holdFirstScreen(loading: Promise<unknown>, ms: number): void {
  const capped = Promise.race([loading, new Promise((r) => setTimeout(r, ms))]);
  // Settled to nothing: the chain keeps no values (load events) from one gallery to the next.
  held = Promise.all([held, capped]).then(() => undefined);
}

/**
 * Runs `fn` once the frame being prepared has painted and two more have passed, and the first
 * screens' thumbnails have loaded (`holdFirstScreen`): work that the first screen does not need
 * (the preview element, the overscan, the rest of a long list) waits for it.
 */
export function afterFirstScreen(fn: () => void): void {
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 16);
  raf(() => raf(() => raf(() => void held.then(fn))));
}

/**
 * Runs `fn` when the browser is next idle (at the latest after `timeout` ms), with the idle
 * deadline; after a `fallback` ms timer where there is no `requestIdleCallback` (Safari, Node).
 */
export function whenIdle(fn: (deadline?: IdleDeadline) => void, timeout: number, fallback: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout });
  else setTimeout(fn, fallback);
}

/**
 * Adds a chunk's styles to an element's shadow root (once), after the element's own: styles
 * not among its static ones, so a page that never needs them never downloads them. A
 * constructed sheet (allowed by a strict `style-src`), else a `<style data-chunk=key>` with
 * Lit's nonce. Nothing outside a shadow root (server-side rendering).
 */
export function adoptStyles(root: HTMLElement | DocumentFragment, styles: CSSResult, key: string): void {
  if (typeof ShadowRoot === 'undefined' || !(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet && root.adoptedStyleSheets) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (!root.querySelector(`style[data-chunk="${key}"]`)) {
    const style = document.createElement('style');
    style.dataset.chunk = key;
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce) style.setAttribute('nonce', nonce);
    style.textContent = styles.cssText;
    root.append(style);
  }
}
