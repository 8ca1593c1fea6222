import type { ReactiveControllerHost } from 'lit';
import type { GalleryStore } from '../model/store.js';
import type { UploadMode, UploadModeHost, UploadModePort } from './upload-mode.js';
import type { ActionButtons } from '../views/tile-actions.js';
import { ChunkLoader } from './chunk-loader.js';
import { adoptStyles } from '../dom.js';

/**
 * Upload mode (`controllers/upload-mode.ts`, the chunk `upload-mode.js`): wanted with
 * `interactive` or `name`. Once loaded it is built on the gallery's store and told the page of
 * items already set.
 */
export function uploadModeLoader(host: UploadModeHost & { interactive: boolean; name: string }, store: GalleryStore, port: UploadModePort): ChunkLoader<UploadMode> {
  return new ChunkLoader<UploadMode>(host, () => host.interactive || !!host.name, () =>
    import('./upload-mode.js').then(({ UploadMode }) => {
      const up = new UploadMode(host, store, port);
      up.pageSet(store.items);
      return up;
    }));
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
export function tileActionsLoader(host: TileActionsHost): ChunkLoader<ActionButtons> {
  return new ChunkLoader<ActionButtons>(host, () => host.showLikeDislike || host.showFavoriteButton || host.showEditButton || !!host.actionLabel || host.interactive, () =>
    import('../views/tile-actions.js').then((m) => (adoptStyles(host.renderRoot, m.actionStyles, 'tile-actions'), m.actionButtons)));
}
