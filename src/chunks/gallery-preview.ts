/**
 * The preview's chunk as `<media-gallery>` loads it (`gallery-preview.js` beside the CDN entry;
 * a bundler splits it likewise): registers `<gallery-preview>` and asks for `<gallery-toolbar>`'s
 * chunk by its retrying loader instead of importing it. A chunk's static import of another chunk
 * that once failed fails for the page's whole life in Firefox (it keeps the failed fetch), which would
 * make the preview impossible to load again after a network failure of the toolbar; this way
 * each chunk depends on the entry only, and a retry can always succeed. Until the toolbar's
 * chunk arrives (it normally has: the header or an idle preload loaded it), the preview's
 * toolbar shows its buttons as plain buttons. `elements/gallery-preview.js`, for pages that
 * import the preview themselves, still imports the toolbar statically.
 */
import { GalleryPreview } from '../gallery-preview.js';
import { define } from '../define.js';
import { loadToolbar } from '../toolbar-loader.js';

define('gallery-preview', GalleryPreview);
void loadToolbar().catch(() => {}); // a failure is reported and retried by the loader
