import './gallery-toolbar.js';
import { GalleryPreview } from '../src/gallery-preview.js';
import { define } from '../src/define.js';

define('gallery-preview', GalleryPreview);

declare global {
  interface HTMLElementTagNameMap { 'gallery-preview': GalleryPreview }
}
