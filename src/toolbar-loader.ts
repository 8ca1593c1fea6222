/**
 * `<gallery-toolbar>` is a chunk of its own (`gallery-toolbar.js` beside the CDN entry; a
 * bundler splits it likewise): the gallery's header loads it once its first screen is done, the
 * preview's chunk imports it, and the CDN entry loads it for a standalone toolbar in the page.
 * Until it is defined, the toolbar's buttons show and work as plain buttons (an undefined
 * element shows its children); it then upgrades in place (role, label, one tab stop, arrows).
 */
import { isServer } from 'lit';
import { afterFirstScreen } from './dom.js';
import { retryable } from './chunk-import.js';

// A failed load is reported and tried again after a back-off by itself (see `retryable`).
const importToolbar = retryable(() => import('../elements/gallery-toolbar.js'), undefined, true);

/** Loads and registers `<gallery-toolbar>` (once; at once again after a failed attempt, which rejects with the network's error). Nothing on the server, where the page imports `elements/gallery-toolbar.js` itself to render it. */
export const loadToolbar = (): Promise<unknown> => (isServer ? Promise.resolve() : importToolbar(true));

let soon = false;

/** Loads it once the first screen is done (`afterFirstScreen`: its parse and upgrade would delay the frames and the thumbnails): for a toolbar rendered with the first screen. */
export function loadToolbarSoon(): void {
  if (soon || isServer) return;
  soon = true;
  afterFirstScreen(() => void loadToolbar());
}
