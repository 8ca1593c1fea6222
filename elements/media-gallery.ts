// `<gallery-preview>` is not imported here: the gallery loads it on demand (src/preview-loader.ts).
// Nor `<gallery-toolbar>`: the gallery's header loads it when it first renders one
// (src/toolbar-loader.ts; the button works before), and the preview's chunk imports it.
// Nor `<gallery-thumb>`: the gallery renders its tiles itself (src/views/tile.ts); import
// './gallery-thumb.js' for standalone tiles.
import { MediaGallery } from '../src/media-gallery.js';
import { define } from '../src/define.js';

define('media-gallery', MediaGallery);

declare global {
  interface HTMLElementTagNameMap { 'media-gallery': MediaGallery }
}
