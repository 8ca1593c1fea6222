/**
 * Inline SVG icons (24×24, `currentColor`), drawn for this project: those the grid, its tiles
 * (their action buttons too) and header use. The preview's own are in `preview-icons.ts`, upload
 * mode's in `upload-icons.ts`: each chunk carries its icons and the CDN entry only these.
 */
import { svg, type SVGTemplateResult } from 'lit';

export const icon = (d: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${d}</svg>`;

export const icons = {
  fullscreen: icon(svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5m11-5v5h-5"/>`),
  exitFullscreen: icon(svg`<path d="M9 4v5H4m11-5v5h5M9 20v-5H4m11 5v-5h5"/>`),
  close: icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`),
  like: icon(svg`<path d="M7 11v9H4v-9h3Zm0 0 4-8a2.5 2.5 0 0 1 2.5 2.5V9h5.2a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.5 20H7"/>`),
  dislike: icon(svg`<path d="M17 13V4h3v9h-3Zm0 0-4 8a2.5 2.5 0 0 1-2.5-2.5V15H5.3a2 2 0 0 1-2-2.3l1.2-7A2 2 0 0 1 6.5 4H17"/>`),
  star: icon(svg`<path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9L12 3Z"/>`),
  edit: icon(svg`<path d="M4 20h4L19 9l-4-4L4 16v4Zm9-13 4 4"/>`),
  caption: icon(svg`<path d="M4 6h16M4 11h9M4 16h6m4 4 1-3 5-5 2 2-5 5-3 1Z"/>`),
  trash: icon(svg`<path d="M5 7h14M10 11v6m4-6v6M6 7l1 13h10l1-13M9 7V4h6v3"/>`),
  play: svg`<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path d="M8 5.5v13l10.5-6.5L8 5.5Z" fill="currentColor"/></svg>`,
  broken: icon(svg`<path d="M4 5h16v14H4zM4 15l4-4 3 3m3-3 2-2 4 4M9 4l-2 5 4 2-2 5"/>`),
};

