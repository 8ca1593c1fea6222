import { css } from 'lit';

/**
 * A tile's action buttons (like, dislike, favorite, edit, the action, caption, delete): with
 * them in their chunk (`views/tile-actions.ts`), added to the gallery's shadow root when it
 * first shows them, and among a standalone `<gallery-thumb>`'s styles.
 */
export const tileActionStyles = css`
    .tile .actions {
      position: absolute;
      inset: 6px 6px auto auto;
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      max-width: calc(100% - 12px);
      box-sizing: border-box;
      gap: 2px;
      padding: 2px;
      border-radius: 17px;
      background: var(--_toolbar-bg);
      color: var(--_toolbar-fg);
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.2);
      z-index: 2;
      opacity: 0;
      transform: translateY(-4px);
      transition: opacity var(--_dur) var(--_ease), transform var(--_dur) var(--_ease);
      /* Hidden buttons take no taps: a tap on a corner opens the tile, never likes it unseen. */
      pointer-events: none;
    }
    .tile .actions .btn { min-width: 30px; height: 30px; padding: 0 6px; font-size: 12px; }
    .tile .actions .btn svg { width: 17px; height: 17px; }
    .tile:hover .actions, .tile:focus-within .actions, .tile .actions.pinned, .touch .actions { opacity: 1; transform: none; pointer-events: auto; }
    /* Touch mode (no hover to reveal them): always shown, 44 px targets (WCAG 2.5.5), each on its
       own dark disc rather than one light panel, so the photo still shows between them. */
    .touch .actions { padding: 0; gap: 4px; background: none; box-shadow: none; }
    .touch .actions .btn { min-width: 44px; height: 44px; padding: 0 10px; font-size: 14px; color: #fff; background: rgb(16 18 22 / 0.6); backdrop-filter: blur(6px); }
    .touch .actions .btn[aria-pressed='true'] { color: var(--gallery-accent-color, #fb923c); }
    @media (hover: none) {
      .tile .actions { opacity: 1; transform: none; pointer-events: auto; padding: 0; gap: 4px; background: none; box-shadow: none; }
      .tile .actions .btn { min-width: 44px; height: 44px; padding: 0 10px; font-size: 14px; color: #fff; background: rgb(16 18 22 / 0.6); backdrop-filter: blur(6px); }
      .tile .actions .btn[aria-pressed='true'] { color: var(--gallery-accent-color, #fb923c); }
    }
`;
