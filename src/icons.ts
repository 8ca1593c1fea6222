/**
 * Inline SVG icons (24×24, `currentColor`), drawn for this project: those the grid, its tiles
 * and header use. The tiles' action icons are in `views/tile-actions.ts`, the preview's own in
 * `preview-icons.ts`, upload mode's in `upload-icons.ts`: each chunk carries its icons and the
 * CDN entry only these.
 */
import { svg, type SVGTemplateResult } from 'lit';

export const icon = (d: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${d}</svg>`;

export const icons = {
  fullscreen: icon(svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5m11-5v5h-5"/>`),
  exitFullscreen: icon(svg`<path d="M9 4v5H4m11-5v5h5M9 20v-5H4m11 5v-5h5"/>`),
  close: icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`),
  play: svg`<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path d="M8 5.5v13l10.5-6.5L8 5.5Z" fill="currentColor"/></svg>`,
  broken: icon(svg`<path d="M4 5h16v14H4zM4 15l4-4 3 3m3-3 2-2 4 4M9 4l-2 5 4 2-2 5"/>`),
};

