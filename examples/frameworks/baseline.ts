// Shared by the Vite apps. With MG_BASELINE=1, `vite build` swaps the media-gallery entries for
// stubs (a plain tag name for each React wrapper, nothing for the registration modules) into
// dist-baseline/: `npm run test:frameworks` reports the difference in gzip as what the gallery
// adds to the app. Not needed in a real app.
import type { Plugin, UserConfig } from 'vite';

const STUBS: Record<string, string> = {
  'media-gallery/react': `export const MediaGallery = 'media-gallery', GalleryThumb = 'gallery-thumb', GalleryPreview = 'gallery-preview', GalleryToolbar = 'gallery-toolbar';`,
};

function stubs(): Plugin {
  return {
    name: 'media-gallery-baseline',
    enforce: 'pre',
    resolveId(id) {
      return id === 'media-gallery' || id.startsWith('media-gallery/') ? `\0stub:${id}` : null;
    },
    load(id) {
      return id.startsWith('\0stub:') ? (STUBS[id.slice(6)] ?? 'export {};') : null;
    },
  };
}

/** Build options: the real app, or (MG_BASELINE=1) the same app without the gallery. */
export function baseline(): UserConfig {
  return process.env.MG_BASELINE ? { plugins: [stubs()], build: { outDir: 'dist-baseline' } } : {};
}
