/**
 * The preview (with its gestures, zoom, strip and slideshow) is a chunk of its own: a gallery
 * paints its grid without it and loads it once, when the browser is idle after the first
 * render, when a pointer or focus comes to the grid, or when the preview opens, whichever
 * comes first. Loading registers `<gallery-preview>`; a preview element rendered before
 * that upgrades in place, keeping the properties set on it.
 */
import { isServer } from 'lit';
import { afterFirstScreen, whenIdle } from './dom.js';
import { retryable } from './chunk-import.js';

// A failed load is reported and tried again after a back-off by itself (see `retryable`).
const importPreview = retryable(() => import('./chunks/gallery-preview.js'), undefined, true);
let asked = false;

/** Loads and registers `<gallery-preview>` (once). After a failed attempt it is tried again after a back-off, by itself or when asked once the wait has ended; the returned promise rejects with the network's error meanwhile. */
export const loadPreview = (): Promise<unknown> => ((asked = true), importPreview());

/** Loads it once the frames in progress have painted, when the browser is next idle (within 2 s). Nothing on the server (Node, @lit-labs/ssr). */
export function preloadPreview(): void {
  if (asked || isServer) return;
  asked = true;
  // After the frames in progress have painted (the chunk's parse and compile would delay them), then when idle.
  afterFirstScreen(() => whenIdle(() => void loadPreview(), 2000, 200));
}
