import { LitElement, html } from 'lit';
import { RovingListController } from './controllers/roving-list.js';
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

  constructor() {
    super();
    this.label = '';
    new RovingListController(this, {
      target: () => this,
      count: () => this._buttons.length,
      current: () => this._buttons.findIndex((b) => b.matches(':focus, :focus-within')),
      element: (i) => this._buttons[i] ?? null,
      move: (i) => {
        this._buttons.forEach((b, j) => (b.tabIndex = j === i ? 0 : -1));
        return true;
      },
      wrap: () => true,
    });
    this.addEventListener('focusin', this._onFocusIn);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An attribute rather than ElementInternals' default role: the same in every engine, visible
    // to the page's own CSS and tests, and a page may still set another role.
    if (!this.hasAttribute('role')) this.setAttribute('role', 'toolbar');
  }

  override updated(): void {
    if (this.label) this.setAttribute('aria-label', this.label);
    else this.removeAttribute('aria-label');
  }

  /** The buttons that can take focus, in order (`rendered`: also leaves out those the page's CSS hides, which reads layout). */
  private _list(rendered: boolean): HTMLElement[] {
    const slot = this.renderRoot.querySelector('slot');
    return ((slot?.assignedElements({ flatten: true }) ?? []) as HTMLElement[]).filter(
      (b) => !b.hidden && !(b as HTMLButtonElement).disabled && (!rendered || b.getClientRects().length > 0),
    );
  }

  private get _buttons(): HTMLElement[] {
    return this._list(true);
  }

  // On slotchange no layout is read (it would force one while the page renders); the arrow keys
  // and focus, which need it, check what is rendered.
  private _syncTabStops = () => {
    const list = this._list(false);
    if (!list.length) return;
    const active = list.find((b) => b.tabIndex === 0) ?? list[0];
    for (const b of list) b.tabIndex = b === active ? 0 : -1;
  };

  private _onFocusIn = (e: FocusEvent) => {
    const list = this._buttons;
    const t = e.composedPath().find((n) => list.includes(n as HTMLElement)) as HTMLElement | undefined;
    if (t) for (const b of list) b.tabIndex = b === t ? 0 : -1;
  };

  override render() {
    return html`<slot @slotchange=${this._syncTabStops}></slot>`;
  }
}
