// Helpers shared by the browser tests (not a test file itself: wtr runs *.test.ts only).
import type { ReactiveElement } from 'lit';

/** Resolves after `n` animation frames (2 by default: one full rendered frame has passed). */
export const frames = (n = 2) =>
  new Promise<void>((r) => {
    const tick = (k: number) => (k ? requestAnimationFrame(() => tick(k - 1)) : r());
    tick(n);
  });

/** Waits for an element's update, two frames (observers, measurements) and any update they asked for. */
export async function settle(el: ReactiveElement) {
  await el.updateComplete;
  await frames();
  await el.updateComplete;
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
