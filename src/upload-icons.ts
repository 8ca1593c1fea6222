/** The icons only upload mode uses (its own chunk), with the shared ones of `icons.ts`. */
import { svg } from 'lit';
import { icon, icons as shared } from './icons.js';

export const icons = {
  ...shared,
  upload: icon(svg`<path d="M12 16V5m-5 5 5-5 5 5M5 20h14"/>`),
  camera: icon(svg`<path d="M4 8h3l2-3h6l2 3h3v11H4V8Z"/><circle cx="12" cy="13" r="3.5"/>`),
  paste: icon(svg`<path d="M9 4h6v3H9zM8 5H5v16h14V5h-3"/>`),
};
