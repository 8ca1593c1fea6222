import { GalleryToolbar } from '../src/gallery-toolbar.js';
import { define } from '../src/define.js';

define('gallery-toolbar', GalleryToolbar);

declare global {
  interface HTMLElementTagNameMap { 'gallery-toolbar': GalleryToolbar }
}
