import { GalleryThumb } from '../src/gallery-thumb.js';
import { define } from '../src/define.js';

define('gallery-thumb', GalleryThumb);

declare global {
  interface HTMLElementTagNameMap { 'gallery-thumb': GalleryThumb }
}
