import type { ReactiveControllerHost } from 'lit';
import type { ActionButtons } from '../views/tile-actions.js';
import { ChunkLoader } from './chunk-loader.js';
import { retryable } from '../chunk-import.js';
import { adoptStyles } from '../dom.js';

// One import of the chunk for every gallery and tile on the page, so they share its retries.
type TileActionsModule = typeof import('../views/tile-actions.js');
const importTileActions = retryable(() => import('../views/tile-actions.js'), (mod: Partial<TileActionsModule>) => (mod.actionButtons && mod.actionStyles ? (mod as TileActionsModule) : undefined));

/** The attributes that show a tile action button. */
export interface TileActionsHost extends ReactiveControllerHost {
  showLikeDislike: boolean;
  showFavoriteButton: boolean;
  showEditButton: boolean;
  actionLabel: string;
  /** Upload mode: each tile's delete and caption buttons. */
  interactive?: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The tiles' action buttons (`views/tile-actions.ts`, the chunk `tile-actions.js`), for
 * `<media-gallery>` and a standalone `<gallery-thumb>`: wanted while any of them shows (`wanted`:
 * the host's other buttons, upload mode's by default); once loaded their styles join the host's
 * shadow root. Until then the tiles render without them.
 */
export function tileActionsLoader(host: TileActionsHost, wanted = () => !!host.interactive): ChunkLoader<TileActionsModule, ActionButtons> {
  return new ChunkLoader(host, () => host.showLikeDislike || host.showFavoriteButton || host.showEditButton || !!host.actionLabel || wanted(), importTileActions,
    (m) => (adoptStyles(host.renderRoot, m.actionStyles, 'tile-actions'), m.actionButtons));
}
