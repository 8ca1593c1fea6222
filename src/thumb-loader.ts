/**
 * A standalone `<gallery-thumb>` is a chunk of its own (`gallery-thumb.js` beside the CDN entry):
 * `<media-gallery>` renders its tiles itself and never needs it. The CDN entry loads it when the
 * page holds one (see `autoload.ts`); `loadThumb()` loads it at once.
 */
let pending: Promise<unknown> | undefined;

/** Loads and registers `<gallery-thumb>` (once). */
export const loadThumb = (): Promise<unknown> => (pending ??= import('../elements/gallery-thumb.js'));
