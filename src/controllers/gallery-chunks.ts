import type { ReactiveControllerHost } from 'lit';
import type { GalleryStore } from '../model/store.js';
import type { UploadMode, UploadModeHost, UploadModePort } from './upload-mode.js';
import type { ActionButtons } from '../views/tile-actions.js';
import { ChunkLoader } from './chunk-loader.js';
import { chunks, retryable } from '../chunk-import.js';
import { adoptStyles } from '../dom.js';

// One import of each chunk for every gallery on the page, so they share its retries.
const importUploadMode = retryable(() => import('./upload-mode.js'), () => chunks.UploadMode!);
const importTileActions = retryable(() => import('../views/tile-actions.js'), () => chunks.tileActions!);

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

/** The gallery attributes that show a tile action button. */
export interface TileActionsHost extends ReactiveControllerHost {
  showLikeDislike: boolean;
  showFavoriteButton: boolean;
  showEditButton: boolean;
  actionLabel: string;
  /** Upload mode: each tile's delete and caption buttons. */
  interactive: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The tiles' action buttons (`views/tile-actions.ts`, the chunk `tile-actions.js`): wanted
 * while any of them shows; once loaded their styles join the gallery's shadow root. Until then
 * the tiles render without them.
 */
export function tileActionsLoader(host: TileActionsHost): ChunkLoader<NonNullable<typeof chunks.tileActions>, ActionButtons> {
  return new ChunkLoader(host, () => host.showLikeDislike || host.showFavoriteButton || host.showEditButton || !!host.actionLabel || host.interactive, importTileActions,
    (m) => (adoptStyles(host.renderRoot, m.actionStyles, 'tile-actions'), m.actionButtons));
}
