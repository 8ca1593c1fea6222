import { css } from 'lit';
import { buttons, tokens } from './tokens.styles.js';
import { tileStyles } from './tile.styles.js';

export const galleryStyles = [
  tokens,
  buttons,
  tileStyles,
  css`
    :host {
      display: block;
      position: relative;
      box-sizing: border-box;
      min-width: 0;
      --_gap-x: 8px;
      --_gap-y: 8px;
    }
    :host([pseudo-fullscreen]) { position: fixed; inset: 0; z-index: 2147482000; background: var(--_bg); overflow: auto; }
    :host(:fullscreen) { background: var(--_bg); overflow: auto; }
    .wrap { position: relative; display: flex; flex-direction: column; gap: 10px; }
    .wrap.container {
      padding: 10px;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) + 4px);
      background: var(--_bg);
    }
    .header { display: flex; align-items: center; justify-content: space-between; gap: 8px; min-height: 0; }
    .header:empty { display: none; }
    .label {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font: 600 13px/1 var(--_font);
      color: var(--_muted);
      letter-spacing: 0.01em;
    }
    .label svg { width: 16px; height: 16px; }
    .header gallery-toolbar { margin-inline-start: auto; }
    /* The toolbar is a chunk of its own (the header loads it): until it is defined, its buttons
       show as they will inside it (its :host rules, plain). */
    .header gallery-toolbar:not(:defined) { display: inline-flex; align-items: center; gap: 2px; padding: 3px; }
    /* A size container only while the grid flows (before its width is known): a container-query
       container costs style and layout work in every frame. */
    .scroller { position: relative; }
    .scroller.flow { container-type: inline-size; }
    .scroller.bounded { overflow-y: auto; overscroll-behavior: contain; scrollbar-gutter: stable; }
    /* No items: the grid keeps its width, measured, so the first items render at their size at once. */
    .scroller.shut { height: 0 !important; overflow: hidden; visibility: hidden; margin-top: -10px; }
    .grid { position: relative; contain: layout style; }
    /* From the inline start: in right-to-left the grid view negates x, so the layout is mirrored. */
    .grid > .tile { position: absolute; top: 0; inset-inline-start: 0; }
    .grid > .tile:focus-within { z-index: 1; }
    /* Before the width is known (server-rendered HTML, a hidden container): CSS grid flow, the
       columns of each breakpoint (container widths as layout.ts) set by the view as --_c0..6. */
    .grid.flow {
      display: grid;
      grid-template-columns: repeat(var(--_cols), minmax(0, 1fr));
      gap: var(--_gap-y) var(--_gap-x);
      align-items: start;
      --_cols: var(--_c0);
    }
    @container (min-width: 576px) { .grid.flow { --_cols: var(--_c1); } }
    @container (min-width: 768px) { .grid.flow { --_cols: var(--_c2); } }
    @container (min-width: 992px) { .grid.flow { --_cols: var(--_c3); } }
    @container (min-width: 1200px) { .grid.flow { --_cols: var(--_c4); } }
    @container (min-width: 1400px) { .grid.flow { --_cols: var(--_c5); } }
    @container (min-width: 1600px) { .grid.flow { --_cols: var(--_c6); } }
    .grid.flow > .tile { position: relative; aspect-ratio: 1; }
    .sentinel { height: 1px; }
    .empty {
      display: grid;
      place-items: center;
      gap: 8px;
      min-height: 180px;
      padding: 24px;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      color: var(--_muted);
      font-size: 14px;
      text-align: center;
    }
    .empty svg { width: 32px; height: 32px; opacity: 0.7; }
    .more { display: flex; justify-content: center; }
    .more .btn {
      height: 40px;
      padding: 0 20px;
      border: 1px solid var(--_border);
      background: var(--_thumb-bg);
      color: var(--_fg);
    }
    .more .btn[aria-busy='true'] { cursor: progress; opacity: 0.8; }
    /* Touch: 44 px targets (WCAG 2.5.5) for the gallery's own buttons (Fullscreen, Load more, and upload mode's). */
    :host([touch]) .btn, :host([touch]) .more .btn { min-width: 44px; height: 44px; }
    @media (hover: none) { .btn, .more .btn { min-width: 44px; height: 44px; } }
    .spinner {
      width: 16px;
      height: 16px;
      border-radius: 50%;
      border: 2px solid currentColor;
      border-right-color: transparent;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin { to { transform: rotate(360deg); } }
    @media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 2.4s; } }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    @media (forced-colors: active) {
      .wrap.container { border-color: CanvasText; }
    }
  `,
];
