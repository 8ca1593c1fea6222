// Type-level test (run by `npm run typecheck`): typed listeners for the gallery's events, select and change included.
import { MediaGallery } from '../../src/media-gallery.js';
declare const g: MediaGallery;
g.addEventListener('select', (e) => { const s: boolean = e.detail.selected; void s; });
g.addEventListener('change', (e) => { const n: number = e.detail.items.length; void n; });
g.addEventListener('click', (e) => { const n: number = e.clientX; void n; });
g.addEventListener('like', (e) => { const n: boolean | null = e.detail.liked; void n; });
