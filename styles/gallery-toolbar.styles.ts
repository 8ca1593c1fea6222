import { css } from 'lit';
import { tokens } from './tokens.styles.js';

export const toolbarStyles = [
  tokens,
  css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      padding: 3px;
      border-radius: 999px;
      background: var(--_toolbar-bg);
      color: var(--_toolbar-fg);
      box-shadow: 0 1px 2px rgb(0 0 0 / 0.12), 0 4px 16px rgb(0 0 0 / 0.08);
      backdrop-filter: blur(8px);
    }
    :host([plain]) { background: none; box-shadow: none; backdrop-filter: none; }
    ::slotted(*) { flex: none; }
    @media (forced-colors: active) { :host { border: 1px solid CanvasText; } }
  `,
];
