import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { moveRows, rowsPerPage, type Layout } from '../layout.js';
import { isRtl } from '../dom.js';

/** What the 2-D roving tab stop needs from its host. */
export interface RovingGridPort {
  count(): number;
  /** The layout, for moves by rows. */
  layout(): Layout;
  /** Viewport height and vertical gap, px, for PageUp/PageDown. */
  pageMetrics(): { viewport: number; gapY: number };
  /** The tile for index `i` from a keyboard or focus event's path, or -1. */
  indexFromEvent(e: Event): number;
  /** Scrolls tile `i` into view, renders it, and resolves with it (or null). */
  reveal(i: number): Promise<HTMLElement | null>;
  /** Escape on a tile (clears the selection when there is no preview; cancels a preview that has not arrived yet). */
  escape(i: number): void;
}

/**
 * The grid's single tab stop (roving tabindex): arrows move in two dimensions (mirrored in
 * RTL), Home/End go to the ends, PageUp/PageDown move a screen of rows. Focus moves with
 * `preventScroll` after the target tile has been scrolled into view and rendered.
 */
export class RovingGridController implements ReactiveController {
  /** The index that holds the tab stop. */
  index = 0;

  constructor(private host: ReactiveControllerHost & HTMLElement, private port: RovingGridPort) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Focus arrived on a tile (click, Tab): it takes the tab stop. */
  onFocusIn = (e: FocusEvent): void => {
    const i = this.port.indexFromEvent(e);
    if (i >= 0 && i !== this.index) {
      this.index = i;
      this.host.requestUpdate();
    }
  };

  onKeyDown = (e: KeyboardEvent): void => {
    if (e.altKey || e.metaKey || e.ctrlKey) return;
    const h = this.port;
    const from = h.indexFromEvent(e);
    if (from < 0 || (e.composedPath()[0] as Element).closest?.('.actions')) return;
    const l = h.layout();
    const n = h.count();
    const rtl = isRtl(this.host);
    const page = () => { const m = h.pageMetrics(); return rowsPerPage(l, m.viewport, m.gapY); };
    let to = from;
    switch (e.key) {
      case 'ArrowRight': to = from + (rtl ? -1 : 1); break;
      case 'ArrowLeft': to = from + (rtl ? 1 : -1); break;
      case 'ArrowDown': to = moveRows(l, from, 1); break;
      case 'ArrowUp': to = moveRows(l, from, -1); break;
      case 'Home': to = 0; break;
      case 'End': to = n - 1; break;
      case 'PageDown': to = moveRows(l, from, page()); break;
      case 'PageUp': to = moveRows(l, from, -page()); break;
      case 'Escape': h.escape(from); return;
      default: return;
    }
    e.preventDefault();
    to = Math.min(n - 1, Math.max(0, to));
    if (to !== from) void this.focus(to);
  };

  /** Moves the tab stop to `index`, scrolls it into view and focuses it. */
  async focus(index: number): Promise<void> {
    const n = this.port.count();
    if (!n) return;
    this.index = Math.min(n - 1, Math.max(0, index));
    const tile = await this.port.reveal(this.index);
    tile?.focus({ preventScroll: true });
  }
}
