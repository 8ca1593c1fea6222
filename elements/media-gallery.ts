import './gallery-thumb.js';
import './gallery-toolbar.js';
import './gallery-preview.js';
import { MediaGallery } from '../src/media-gallery.js';
import { define } from '../src/define.js';

define('media-gallery', MediaGallery);

declare global {
  interface HTMLElementTagNameMap { 'media-gallery': MediaGallery }
}
