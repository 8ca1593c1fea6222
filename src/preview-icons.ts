/** The icons only the preview uses (its own chunk), with the shared ones of `icons.ts`. */
import { svg } from 'lit';
import { icon, icons as shared } from './icons.js';

export const icons = {
  ...shared,
  download: icon(svg`<path d="M12 4v11m-5-5 5 5 5-5M5 20h14"/>`),
  share: icon(svg`<circle cx="18" cy="5" r="2.5"/><circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="19" r="2.5"/><path d="m8.2 10.8 7.6-4.5m-7.6 6.9 7.6 4.5"/>`),
  prev: icon(svg`<path d="m15 5-7 7 7 7"/>`),
  next: icon(svg`<path d="m9 5 7 7-7 7"/>`),
  zoomIn: icon(svg`<circle cx="10.5" cy="10.5" r="6.5"/><path d="m20 20-4.5-4.5M10.5 7.5v6m-3-3h6"/>`),
  zoomOut: icon(svg`<circle cx="10.5" cy="10.5" r="6.5"/><path d="m20 20-4.5-4.5M7.5 10.5h6"/>`),
  pause: icon(svg`<path d="M8 5v14M16 5v14"/>`),
  slideshow: icon(svg`<path d="M7 5v14l12-7L7 5Z"/>`),
  more: icon(svg`<circle cx="5" cy="12" r="1.2"/><circle cx="12" cy="12" r="1.2"/><circle cx="19" cy="12" r="1.2"/>`),
};
