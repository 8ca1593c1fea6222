/**
 * The CDN bundle's entry (`dist/cdn/media-gallery.js`), with Lit bundled in. It registers
 * `<media-gallery>` at once; the other tags are chunks beside it, loaded on demand and resolved
 * relative to the entry's URL:
 *
 * - `gallery-preview.js`: `<gallery-preview>`, as soon as the browser is idle, or earlier when
 *   a gallery needs it (`loadPreview()`);
 * - `gallery-toolbar.js`: `<gallery-toolbar>`, once a gallery's header has painted its first one, with
 *   the preview's chunk, or when the page holds one (`loadToolbar()`);
 * - `gallery-thumb.js`: `<gallery-thumb>`, when the page holds one (`loadThumb()`);
 * - `thumbhash.js`: the ThumbHash decoder, when a placeholder first needs it (`loadPlaceholders()`);
 * - `tile-actions.js`: the tiles' action buttons, when a gallery or a standalone `<gallery-thumb>`
 *   first shows one;
 * - `upload-mode.js`: upload mode and its styles, with `interactive` or `name`.
 *
 * Each chunk imports this entry and nothing else, so one that failed can be retried
 * (`chunk-import.ts`).
 *
 * "The page holds one": an undefined element of that tag in the document at load, or added to
 * it later (one MutationObserver, `autoload.ts`; not inside the page's own shadow roots).
 * Exports what the npm entry does except the classes in chunks (`GalleryPreview`,
 * `GalleryThumb`, `GalleryToolbar`): `await customElements.whenDefined('gallery-thumb')` then
 * `customElements.get('gallery-thumb')` gives one.
 */
import '../elements/media-gallery.js';
import { preloadPreview } from './preview-loader.js';
import { loadThumb } from './thumb-loader.js';
import { loadToolbar } from './toolbar-loader.js';
import { autoload } from './autoload.js';

export { MediaGallery } from './media-gallery.js';
export { loadPreview } from './preview-loader.js';
export { loadThumb } from './thumb-loader.js';
export { loadToolbar } from './toolbar-loader.js';
export * from './model/items.js';
export * from './layout.js';
export * from './events/gallery-events.js';
export { defaultLabels, type GalleryLabels } from './model/labels.js';
export { placeholderUrl, loadPlaceholders } from './placeholder.js';

// The chunks import this file back as `./media-gallery.js`: under another URL (a query string
// such as `?v=2`, a hash, another name) the page would fetch and run a second copy of it.
if (typeof document !== 'undefined') {
  const url = new URL(import.meta.url);
  if (url.search || url.hash || !url.pathname.endsWith('/media-gallery.js')) {
    console.warn(`media-gallery: ${url.href} runs twice (its chunks import ./media-gallery.js): load it by that name, without a query string or hash.`);
  }
}

// A page may use a standalone <gallery-preview> with no gallery: register it soon in any case.
preloadPreview();
// Standalone <gallery-thumb> and <gallery-toolbar> elements: loaded when the page holds one.
autoload({ 'gallery-thumb': loadThumb, 'gallery-toolbar': loadToolbar });
