import { css } from 'lit';
import { buttons, tokens } from './tokens.styles.js';
import { tileStyles } from './tile.styles.js';

/** A standalone `<gallery-thumb>`: one tile filling the host. */
export const thumbStyles = [
  tokens,
  buttons,
  tileStyles,
  css`
    :host {
      display: block;
      position: relative;
      border-radius: var(--_radius);
      width: var(--gallery-thumb-width, 200px);
      height: var(--gallery-thumb-height, 200px);
    }
    .tile { position: absolute; inset: 0; }
  `,
];
