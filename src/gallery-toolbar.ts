import { LitElement, html } from 'lit';
import { toolbarStyles } from '../styles/gallery-toolbar.styles.js';

/**
 * A `role="toolbar"` of labelled icon buttons: one tab stop, arrow keys move between the
 * buttons (RTL-aware), Home/End jump to the ends. Buttons are slotted, so a page can use it
 * alone with its own buttons.
 *
 * @summary Toolbar with roving tabindex.
 * @slot - The buttons (any focusable elements; hidden and disabled ones are skipped).
 * @cssprop --gallery-toolbar-background - Toolbar background.
 * @cssprop --gallery-toolbar-color - Icon colour.
 */
export class GalleryToolbar extends LitElement {
  static override styles = toolbarStyles;
  static override properties = { label: { type: String, reflect: true } };
  /** Accessible name of the toolbar. */
  declare label: string;
  private internals?: ElementInternals;

  constructor() {
    super();
    this.label = '';
    try {
      this.internals = this.attachInternals();
      this.internals.role = 'toolbar';
    } catch { /* older engines: role attribute set in connectedCallback */ }
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener('focusin', this.onFocusIn);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.internals?.role) this.setAttribute('role', 'toolbar');
  }

  override updated(): void {
    if (this.label) this.setAttribute('aria-label', this.label);
    else this.removeAttribute('aria-label');
  }

  /** The buttons that can take focus, in order. */
  get buttons(): HTMLElement[] {
    const slot = this.renderRoot.querySelector('slot');
    return ((slot?.assignedElements({ flatten: true }) ?? []) as HTMLElement[]).filter(
      (b) => !b.hidden && !(b as HTMLButtonElement).disabled && b.getClientRects().length > 0,
    );
  }

  private syncTabStops = () => {
    const list = this.buttons;
    if (!list.length) return;
    const active = list.find((b) => b.tabIndex === 0) ?? list[0];
    for (const b of list) b.tabIndex = b === active ? 0 : -1;
  };

  private onFocusIn = (e: FocusEvent) => {
    const list = this.buttons;
    const t = e.composedPath().find((n) => list.includes(n as HTMLElement)) as HTMLElement | undefined;
    if (t) for (const b of list) b.tabIndex = b === t ? 0 : -1;
  };

  private onKeyDown = (e: KeyboardEvent) => {
    const list = this.buttons;
    const cur = list.findIndex((b) => b.matches(':focus') || b.matches(':focus-within'));
    if (cur < 0) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    let to = -1;
    if (e.key === 'ArrowRight') to = cur + (rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') to = cur + (rtl ? 1 : -1);
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = list.length - 1;
    else return;
    e.preventDefault();
    e.stopPropagation();
    to = (to + list.length) % list.length;
    for (const b of list) b.tabIndex = -1;
    list[to].tabIndex = 0;
    list[to].focus();
  };

  override render() {
    return html`<slot @slotchange=${this.syncTabStops}></slot>`;
  }
}
