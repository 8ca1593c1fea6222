// Registers <media-gallery> (and the tags it uses). The `baseline` build configuration
// replaces this file with gallery.baseline.ts to measure what the gallery adds.
import 'media-gallery/elements/media-gallery.js';
