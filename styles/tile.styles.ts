import { css } from 'lit';

/**
 * One tile (`views/tile.ts`): in the gallery's shadow root, shared by all its tiles (one style
 * sheet, not one per tile), and in a standalone `<gallery-thumb>`'s. The action buttons' rules
 * are in `tile-actions.styles.ts`, a chunk's (`views/tile-actions.ts`).
 */
export const tileStyles = css`
    .tile {
      display: block;
      position: relative;
      box-sizing: border-box;
      border-radius: var(--_radius);
      background: var(--_thumb-bg);
      overflow: hidden;
      contain: strict;
    }
    .tile[selected] { box-shadow: 0 0 0 3px var(--_accent); }
    .tile .main {
      all: unset;
      position: absolute;
      inset: 0;
      cursor: pointer;
      display: block;
    }
    .tile .main:focus-visible { outline: none; }
    /* A two-tone ring (WCAG technique C40): the focus colour at the tile's edge and a contrasting
       band inside it, 9:1 apart, so one of them stands out from any photo. */
    .tile .main:focus-visible::after {
      content: '';
      position: absolute;
      inset: 0;
      border-radius: inherit;
      outline: var(--_focus);
      outline-offset: -2px;
      box-shadow: inset 0 0 0 5px var(--_focus-contrast);
      z-index: 3;
    }
    .tile .ph, .tile img, .tile video {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
      display: block;
    }
    .tile [data-fit=contain] .media { object-fit: contain; }
    .tile [data-fit=fill] .media { object-fit: fill; }
    .tile [data-fit=none] .media { object-fit: none; }
    .tile [data-fit=scale-down] .media { object-fit: scale-down; }
    .tile .ph { background-size: cover; background-position: center; filter: saturate(1.1); }
    .tile img, .tile video {
      opacity: 1;
      transition: transform 400ms var(--_ease);
    }
    /* Until it has loaded the image is transparent over the placeholder, then fades in (a tile
       reused for another item hides the old picture at once: no fade out). Before the grid is
       measured (server-rendered, no script yet) nothing hides it. */
    .tile[loaded] img, .tile[loaded] video { transition: opacity var(--_dur) var(--_ease), transform 400ms var(--_ease); }
    .tile:not([loaded]) .media { opacity: 0; }
    /* No src yet (rendered during a fling): no box, so no alt-text fallback is laid out. */
    .tile img.media:not([src]) { display: none; }
    .flow > .tile .media { opacity: 1; }
    .tile[loaded] .ph { display: none; }
    .tile[instant] img, .tile[instant] video { transition: transform 400ms var(--_ease); }
    .tile .main:hover img.media { transform: scale(1.03); }
    .tile .caption {
      position: absolute;
      inset: auto 0 0 0;
      padding: 22px 10px 8px;
      background: var(--_caption-bg);
      color: var(--_caption-fg);
      font-size: 13px;
      line-height: 18px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      pointer-events: none;
      z-index: 1;
    }
    .tile .badge {
      position: absolute;
      inset: 50% auto auto 50%;
      translate: -50% -50%;
      width: 44px;
      height: 44px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      color: #fff;
      background: rgb(0 0 0 / 0.55);
      backdrop-filter: blur(4px);
      pointer-events: none;
      z-index: 1;
    }
    .tile .badge svg { margin-left: 3px; }
    .tile .error {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 6px;
      padding: 12px;
      text-align: center;
      color: var(--_muted);
      font-size: 13px;
      background: repeating-linear-gradient(-45deg, transparent 0 8px, color-mix(in srgb, currentColor 6%, transparent) 8px 16px), var(--_thumb-bg);
    }
    .tile .error span { max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    @media (prefers-reduced-motion: reduce) {
      .tile .main:hover img.media { transform: none; }
    }
    @media (forced-colors: active) {
      .tile { border: 1px solid CanvasText; }
      .tile[selected] { outline: 3px solid Highlight; }
    }
  `;
