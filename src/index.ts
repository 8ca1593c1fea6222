/**
 * media-gallery: the npm entry. Exports the element classes, their types and the pure
 * modules; it registers no tags (import `media-gallery/elements/media-gallery.js` for that).
 * Importing it in Node without a DOM does not throw.
 */
export { MediaGallery } from './media-gallery.js';
export { GalleryThumb } from './gallery-thumb.js';
export { GalleryPreview } from './gallery-preview.js';
export { GalleryToolbar } from './gallery-toolbar.js';
export * from './model/items.js';
export * from './layout.js';
export * from './events/gallery-events.js';
export { defaultLabels, type GalleryLabels } from './model/labels.js';
export { placeholderUrl, loadPlaceholders } from './placeholder.js';
