/**
 * A standalone `<gallery-thumb>` is a chunk of its own (`gallery-thumb.js` beside the CDN entry):
 * `<media-gallery>` renders its tiles itself and never needs it. The CDN entry loads it when the
 * page holds one (see `autoload.ts`); `loadThumb()` loads it at once.
 */
import { retryable } from './chunk-import.js';

// A failed load is reported and tried again after a back-off by itself (see `retryable`).
const importThumb = retryable(() => import('../elements/gallery-thumb.js'), undefined, true);

/** Loads and registers `<gallery-thumb>` (once; at once again after a failed attempt, which rejects with the network's error). */
export const loadThumb = (): Promise<unknown> => importThumb(true);
