import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isRtl } from '../dom.js';


/** The list a roving tab stop moves over, by index (so a virtualized list works too). */
export interface RovingListOptions {
  /** The element that receives the keys (the list's container). */
  target(): HTMLElement | null;
  count(): number;
  /** Index of the tab stop now (`-1`: none). */
  current(): number;
  /** The rendered element of item `i`, if any. */
  element(i: number): HTMLElement | null;
  /**
   * Moves the tab stop to `i` (a toolbar sets tabindex; the strip navigates there).
   * @returns whether it moved at once; else focus follows after the host's next update.
   */
  move(i: number): boolean;
  /** Arrows wrap around at the ends. */
  wrap(): boolean;
}

/**
 * One tab stop for a one-dimensional list (the toolbar, the preview's strip): Left/Right
 * (swapped in right-to-left), Home and End move it, and focus follows once the element of the
 * new stop is rendered (at once, or after the host's next update for a virtualized list).
 */
export class RovingListController implements ReactiveController {
  private _el: HTMLElement | null = null;
  private _pending = -1;

  constructor(host: ReactiveControllerHost, private o: RovingListOptions) {
    host.addController(this);
  }

  hostConnected(): void {
    this._attach();
  }

  hostUpdated(): void {
    this._attach();
    if (this._pending >= 0) {
      const i = this._pending;
      this._pending = -1;
      if (this.o.current() === i) this.o.element(i)?.focus();
    }
  }

  hostDisconnected(): void {
    this._el?.removeEventListener('keydown', this._onKey);
    this._el = null;
  }

  private _attach() {
    const t = this.o.target();
    if (t === this._el) return;
    this._el?.removeEventListener('keydown', this._onKey);
    this._el = t;
    t?.addEventListener('keydown', this._onKey);
  }

  private _onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const n = this.o.count();
    const cur = this.o.current();
    if (!n || cur < 0) return;
    const rtl = this._el ? isRtl(this._el) : false;
    let to: number;
    if (e.key === 'ArrowRight') to = cur + (rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') to = cur + (rtl ? 1 : -1);
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = n - 1;
    else return;
    e.preventDefault();
    e.stopPropagation();
    if (to < 0 || to >= n) {
      if (!this.o.wrap()) return;
      to = (to + n) % n;
    }
    if (to === cur) return;
    const el = this.o.move(to) ? this.o.element(to) : null;
    if (el) el.focus();
    else this._pending = to;
  };
}
