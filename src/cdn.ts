/**
 * The CDN bundle's entry (`dist/cdn/media-gallery.js`): registers all four tags and exports
 * everything the npm entry does, with Lit bundled in.
 */
import '../elements/media-gallery.js';
export * from './index.js';
