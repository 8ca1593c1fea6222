import { css } from 'lit';

/**
 * Shared design tokens. Public `--gallery-*` custom properties with fallbacks; private `--_*`.
 * Light and dark follow `prefers-color-scheme` (through `color-scheme` and `light-dark()`);
 * `theme="light"` or `theme="dark"` on the host forces one.
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --_bg: var(--gallery-background, light-dark(#ffffff, #16181d));
    --_fg: var(--gallery-text-color, light-dark(#1d2129, #e8eaee));
    --_muted: var(--gallery-muted-color, light-dark(#5f6673, #a3a9b4));
    --_border: var(--gallery-border-color, light-dark(#e3e5e9, #2c3038));
    --_thumb-bg: var(--gallery-thumb-background, light-dark(#eef0f3, #23262d));
    --_radius: var(--gallery-radius, 10px);
    --_accent: var(--gallery-accent-color, light-dark(#ea580c, #fb923c));
    --_focus: var(--gallery-focus-ring, 2px solid light-dark(#1e3a8a, #93c5fd));
    /* The inner band of the two-tone tile ring: at least 9:1 against the ring colour. */
    --_focus-contrast: var(--gallery-focus-contrast-color, light-dark(#ffffff, #0b0d12));
    --_caption-fg: var(--gallery-caption-color, #fff);
    /* At least 0.6 black under the text line (30 px from the bottom): white text stays over 4.5:1 on a white photo. */
    --_caption-bg: var(--gallery-caption-background, linear-gradient(to top, rgb(0 0 0 / 0.72), rgb(0 0 0 / 0.6) 30px, rgb(0 0 0 / 0)));
    --_overlay-bg: var(--gallery-overlay-background, rgb(12 13 16 / 0.975));
    --_toolbar-bg: var(--gallery-toolbar-background, light-dark(rgb(255 255 255 / 0.92), rgb(28 30 36 / 0.9)));
    --_toolbar-fg: var(--gallery-toolbar-color, light-dark(#1d2129, #e8eaee));
    --_font: var(--gallery-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_ease: cubic-bezier(0.2, 0, 0, 1);
    --_dur: 220ms;
    font-family: var(--_font);
    color: var(--_fg);
  }
  :host([theme='light']) { color-scheme: light; }
  :host([theme='dark']) { color-scheme: dark; }
  [hidden] { display: none !important; }
  /* Every element honours the page's hidden attribute, whatever display its :host rule sets. */
  :host([hidden]) { display: none !important; }
  @media (prefers-reduced-motion: reduce) {
    :host { --_dur: 0ms; }
  }
`;

/** Round icon buttons used by the toolbar, thumbs and preview. */
export const buttons = css`
  .btn {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 36px;
    height: 36px;
    padding: 0 8px;
    border-radius: 999px;
    color: inherit;
    cursor: pointer;
    font: 500 14px/1 var(--_font);
    transition: background-color var(--_dur) var(--_ease), color var(--_dur) var(--_ease), transform var(--_dur) var(--_ease);
    -webkit-tap-highlight-color: transparent;
  }
  .btn:hover { background: color-mix(in srgb, currentColor 12%, transparent); }
  .btn:active { transform: scale(0.94); }
  .btn:focus-visible { outline: var(--_focus); outline-offset: 2px; }
  .btn[aria-pressed='true'] { color: var(--_accent); }
  .btn[aria-pressed='true'] svg { fill: currentColor; }
  .btn:disabled { opacity: 0.4; cursor: default; }
  svg { flex: none; }
  @media (forced-colors: active) {
    .btn { border: 1px solid ButtonText; }
    .btn:focus-visible { outline: 2px solid Highlight; }
    .btn[aria-pressed='true'] { background: Highlight; color: HighlightText; }
  }
`;
