/**
 * The CDN bundle's entry (`dist/cdn/media-gallery.js`), with Lit bundled in: registers
 * `<media-gallery>`, `<gallery-thumb>` and `<gallery-toolbar>` at once, and `<gallery-preview>`
 * from its own chunk (`gallery-preview.js` beside it) as soon as the browser is idle, or
 * earlier when a gallery needs it. Exports what the npm entry does except the `GalleryPreview`
 * class, which is in that chunk: `await customElements.whenDefined('gallery-preview')` then
 * `customElements.get('gallery-preview')` gives it.
 */
import '../elements/media-gallery.js';
import '../elements/gallery-thumb.js';
import { preloadPreview } from './preview-loader.js';

export { MediaGallery } from './media-gallery.js';
export { GalleryThumb } from './gallery-thumb.js';
export { GalleryToolbar } from './gallery-toolbar.js';
export { loadPreview } from './preview-loader.js';
export * from './model/items.js';
export * from './layout.js';
export * from './events/gallery-events.js';
export { defaultLabels, type GalleryLabels } from './model/labels.js';
export { placeholderUrl } from './placeholder.js';

// A page may use a standalone <gallery-preview> with no gallery: register it soon in any case.
preloadPreview();
