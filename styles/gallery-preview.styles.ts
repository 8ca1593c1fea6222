import { css } from 'lit';
import { buttons, tokens } from './tokens.styles.js';

export const previewStyles = [
  tokens,
  buttons,
  css`
    :host {
      display: block;
      position: relative;
      min-height: 240px;
      height: var(--gallery-preview-height, 480px);
      border-radius: var(--_radius);
      overflow: hidden;
      background: var(--_overlay-bg);
      color: #f4f5f7;
      --_strip-size: 56px;
    }
    :host([modal]) { display: contents; }
    :host([pseudo-fullscreen]:not([modal])) { position: fixed; inset: 0; z-index: 2147483000; height: auto; border-radius: 0; }
    dialog {
      position: fixed;
      inset: 0;
      width: 100%;
      height: 100%;
      max-width: none;
      max-height: none;
      margin: 0;
      padding: 0;
      border: 0;
      background: transparent;
      color: #f4f5f7;
      overflow: hidden;
    }
    dialog::backdrop { background: transparent; }
    .frame {
      position: absolute;
      inset: 0;
      display: grid;
      grid-template-rows: auto 1fr auto auto;
      outline: none;
    }
    .backdrop {
      position: absolute;
      inset: 0;
      background: var(--_overlay-bg);
      transition: opacity var(--_dur) linear;
    }
    .top {
      position: relative;
      z-index: 3;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      padding: 10px 12px;
    }
    /* Isolated and left-to-right: "2 / 12" in a right-to-left page too (not "12 / 2"). */
    .counter { font: 500 14px/1 var(--_font); font-variant-numeric: tabular-nums; opacity: 0.85; padding-inline: 6px; white-space: nowrap; direction: ltr; unicode-bidi: isolate; }
    .top gallery-toolbar { min-width: 0; flex-wrap: wrap; justify-content: flex-end; }
    /* The narrow toolbar's More actions: a group of the other buttons under the bar. */
    .more-menu {
      position: absolute;
      top: calc(100% - 4px);
      inset-inline-end: 12px;
      max-width: calc(100% - 24px);
      box-sizing: border-box;
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 4px;
      padding: 6px;
      border-radius: 22px;
      background: rgb(20 22 27 / 0.94);
      color: #f4f5f7;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.4);
    }
    /* idle-hide: after a while without input the controls fade out (controllers/idle-ui.ts); they come back at once. */
    :host([ui-idle]) :is(.top, .caption, .strip, .nav) { opacity: 0; pointer-events: none; transition: opacity 400ms var(--_ease); }
    :host([ui-idle]) .stage { cursor: none; }
    /* Touch: 44 px targets (WCAG 2.5.5) wherever a finger is the pointer. */
    :host([touch]) .btn { min-width: 44px; height: 44px; }
    @media (pointer: coarse) { .btn { min-width: 44px; height: 44px; } }
    .stage {
      position: relative;
      overflow: hidden;
      touch-action: none;
      user-select: none;
      -webkit-user-select: none;
      cursor: zoom-in;
    }
    .stage.zoomed { cursor: grab; }
    .stage.zoomed:active { cursor: grabbing; }
    .track { position: absolute; inset: 0; will-change: transform; }
    .animate .track, .animate .media { transition: transform var(--_dur) var(--_ease); }
    .region, .zoomer { position: absolute; inset: 0; }
    .slide {
      position: absolute;
      inset: 0;
      contain: strict;
    }
    /* Neighbours beside the current slide, one gap apart (mirrored in right-to-left by data-k). */
    .slide[data-k='-1'] { transform: translateX(calc(-100% - 16px)); }
    .slide[data-k='1'] { transform: translateX(calc(100% + 16px)); }
    .media {
      position: absolute;
      left: 50%;
      top: 50%;
      max-width: 100%;
      max-height: 100%;
      transform: translate(-50%, -50%);
      transform-origin: center;
      will-change: transform;
    }
    img.large { opacity: 0; transition: opacity 120ms linear; }
    img.large.ready { opacity: 1; }
    img.ph { filter: blur(0); }
    video.media { background: #000; }
    .nav {
      position: absolute;
      top: 50%;
      z-index: 2;
      translate: 0 -50%;
      width: 44px;
      height: 44px;
      color: #fff;
      background: rgb(0 0 0 / 0.4);
      backdrop-filter: blur(6px);
    }
    .nav:hover { background: rgb(0 0 0 / 0.6); }
    .nav.prev { inset-inline-start: 12px; }
    .nav.next { inset-inline-end: 12px; }
    .error {
      position: absolute;
      inset: 0;
      z-index: 1;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 8px;
      color: #c9ccd3;
      font-size: 14px;
    }
    .caption {
      position: relative;
      z-index: 2;
      margin: 0 auto;
      max-width: min(72ch, 92%);
      padding: 10px 12px 4px;
      font-size: 14px;
      line-height: 1.45;
      text-align: center;
      overflow-wrap: anywhere;
      max-height: 6.5em;
      overflow: auto;
    }
    .strip {
      position: relative;
      z-index: 2;
      height: calc(var(--_strip-size) + 20px);
      overflow-x: auto;
      overflow-y: hidden;
      scrollbar-width: none;
      scroll-behavior: smooth;
    }
    .strip::-webkit-scrollbar { display: none; }
    /* --n (items) and each thumbnail's --i are written by the strip controller through CSSOM. */
    .strip-inner { position: relative; height: 100%; margin-inline: auto; width: calc(var(--n, 0) * (var(--_strip-size) + 6px) - 6px + 24px); }
    .strip .t {
      all: unset;
      position: absolute;
      top: 10px;
      /* From the inline start: the strip runs right to left in RTL. */
      inset-inline-start: calc(12px + var(--i, 0) * (var(--_strip-size) + 6px));
      width: var(--_strip-size);
      height: var(--_strip-size);
      border-radius: 6px;
      overflow: hidden;
      cursor: pointer;
      opacity: 0.55;
      background: rgb(255 255 255 / 0.08);
      transition: opacity var(--_dur) var(--_ease), transform var(--_dur) var(--_ease);
    }
    .strip .t:hover { opacity: 0.9; }
    .strip .t[aria-current='true'] { opacity: 1; box-shadow: 0 0 0 2px #fff; }
    .strip .t:focus-visible { outline: var(--_focus); outline-offset: 2px; opacity: 1; }
    .strip .t img { width: 100%; height: 100%; object-fit: cover; display: block; }
    .strip .t .v { position: absolute; inset: auto 3px 3px auto; color: #fff; filter: drop-shadow(0 0 2px #000); }
    gallery-toolbar { --gallery-toolbar-background: rgb(20 22 27 / 0.6); --gallery-toolbar-color: #f4f5f7; }
    .toast {
      position: absolute;
      z-index: 4;
      inset: auto 50% 96px auto;
      translate: 50% 0;
      padding: 8px 14px;
      border-radius: 999px;
      background: rgb(20 22 27 / 0.9);
      color: #fff;
      font-size: 13px;
      pointer-events: none;
    }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    :host(:not([modal])) .backdrop { display: none; }
    @media (max-width: 600px) {
      .nav { display: none; }
      :host { --_strip-size: 44px; }
    }
    @media (forced-colors: active) {
      /* The system background, opaque: the page behind does not show through the overlay. */
      .backdrop { background: Canvas; }
      .more-menu { border: 1px solid CanvasText; }
      .strip .t[aria-current='true'] { outline: 3px solid Highlight; }
      .nav { border: 1px solid ButtonText; }
    }
  `,
];
