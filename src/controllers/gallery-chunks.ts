import type { GalleryStore } from '../model/store.js';
import type { UploadMode, UploadModeHost, UploadModePort } from './upload-mode.js';
import { ChunkLoader } from './chunk-loader.js';
import { retryable } from '../chunk-import.js';

// One import of the chunk for every gallery on the page, so they share its retries.
const importUploadMode = retryable(() => import('./upload-mode.js'), (mod: Partial<typeof import('./upload-mode.js')>) => mod.UploadMode);

/**
 * Upload mode (`controllers/upload-mode.ts`, the chunk `upload-mode.js`): wanted with
 * `interactive` or `name`. Once loaded it is built on the gallery's store and told the page of
 * items already set.
 */
export function uploadModeLoader(host: UploadModeHost & { interactive: boolean; name: string }, store: GalleryStore, port: UploadModePort): ChunkLoader<typeof UploadMode, UploadMode> {
  return new ChunkLoader(host, () => host.interactive || !!host.name, importUploadMode, (Mode) => {
    const up = new Mode(host, store, port);
    up.pageSet(store.items);
    return up;
  });
}

// The gallery's other chunk loader, with `<gallery-thumb>`'s in a module of its own (a thumb
// needs no upload mode).
export { tileActionsLoader } from './tile-actions-loader.js';
