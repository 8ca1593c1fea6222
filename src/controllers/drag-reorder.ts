import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nearestTile, type Layout } from '../layout.js';

/** What a drag reads from the grid, and what a drop does. */
export interface DragReorderPort {
  /** Upload mode, not disabled: the list may be edited. */
  enabled(): boolean;
  indexFromEvent(e: Event): number;
  layout(): Layout;
  rtl(): boolean;
  /** The rendered tile of item `i`. */
  tile(i: number): HTMLElement | undefined;
  /** The element that scrolls the grid: the bounded scroller, else the page. */
  scroller(): HTMLElement | null;
  /** The drop: move item `from` to position `to`. */
  move(from: number, to: number): void;
  /** A lifted tile (touch) was put back: Escape, a tap elsewhere, or the browser took the touch. */
  cancelled(): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
/** `lifted`: picked up by a long press (touch-reorder.ts); `moved`: past SLOP since the finger went down; `id` NaN: held, no finger on it. */
interface Drag { id: number; from: number; x0: number; y0: number; x: number; y: number; on: boolean; to: number; raf: number; grid: HTMLElement; lifted?: boolean; moved?: boolean }
/** px from the scroller's edge where auto-scroll starts; px the pointer travels before a press becomes a drag. */
const EDGE = 48, SLOP = 6;

/**
 * Reorder by dragging a tile with the mouse or a pen (a finger scrolls; it drags a tile lifted
 * by a long press, see touch-reorder.ts): the tile under the pointer (nearest centre) is marked
 * as the drop target; near the scroller's top or bottom edge the grid scrolls, so a far place in
 * a virtualized grid can be reached. Escape cancels; the click that ends a drag opens nothing.
 * A lifted tile released where it was stays lifted (held) until dragged again or cancelled.
 */
export class DragReorderController implements ReactiveController {
  private _drag: Drag | null = null;

  constructor(private host: Host, private port: DragReorderPort) { host.addController(this); }
  hostConnected(): void { this._listen('addEventListener'); }
  hostDisconnected(): void { this._listen('removeEventListener'); this.cancel(false); }

  private _listen(m: 'addEventListener' | 'removeEventListener') {
    const r = this.host.renderRoot as EventTarget;
    for (const [type, fn] of [['pointerdown', this._onDown], ['pointermove', this._onMove], ['pointerup', this._onUp], ['pointercancel', this.cancel]] as const) r[m](type, fn as EventListener);
    r[m]('keydown', this._onKey as EventListener, true);
  }

  private _onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this._drag?.on) return;
    e.preventDefault(); e.stopPropagation(); this.cancel();
  };

  /** The tile lifted by a long press and held (no finger on it), else -1. */
  get held(): number { const d = this._drag; return d?.lifted && Number.isNaN(d.id) ? d.from : -1; }
  /** A drag with a pointer down is under way. */
  get active(): boolean { return !!this._drag?.on && !Number.isNaN(this._drag.id); }

  /** Starts (or resumes) the drag of a lifted tile `from` with pointer `id` (touch-reorder.ts). */
  lift(id: number, from: number, x: number, y: number): void {
    const grid = (this.host.renderRoot as ParentNode).querySelector<HTMLElement>('.grid');
    if (!grid || (this._drag && this._drag.from !== from)) return;
    const to = this._drag?.to ?? from;
    if (this._drag) cancelAnimationFrame(this._drag.raf);
    this._drag = { id, from, x0: x, y0: y, x, y, on: true, to, raf: requestAnimationFrame(this._tick), grid, lifted: true, moved: false };
    for (const a of ['data-dragging', 'data-lifted']) this.port.tile(from)?.setAttribute(a, '');
  }

  private _onDown = (e: PointerEvent) => {
    if (!this.port.enabled() || e.button !== 0 || e.pointerType === 'touch' || this._drag) return;
    const from = this.port.indexFromEvent(e);
    const grid = (this.host.renderRoot as ParentNode).querySelector<HTMLElement>('.grid');
    if (from < 0 || !grid || (e.composedPath()[0] as Element).closest?.('.actions')) return;
    this._drag = { id: e.pointerId, from, x0: e.clientX, y0: e.clientY, x: e.clientX, y: e.clientY, on: false, to: from, raf: 0, grid };
  };

  private _onMove = (e: PointerEvent) => {
    const d = this._drag;
    if (!d || e.pointerId !== d.id) return;
    const far = Math.hypot(e.clientX - d.x0, e.clientY - d.y0) >= SLOP;
    if (d.lifted) d.moved ||= far;
    else if (!d.on) {
      if (!far) return;
      d.on = true;
      d.grid.setPointerCapture(e.pointerId);
      this.port.tile(d.from)?.setAttribute('data-dragging', '');
      d.raf = requestAnimationFrame(this._tick);
    }
    d.x = e.clientX;
    d.y = e.clientY;
    this._target();
  };

  /** The item under the pointer (nearest centre), marked as the drop target. */
  private _target() {
    const d = this._drag!;
    const r = d.grid.getBoundingClientRect();
    const best = nearestTile(this.port.layout(), this.port.rtl() ? r.right - d.x : d.x - r.left, d.y - r.top, d.to);
    if (best === d.to) return;
    this.port.tile(d.to)?.removeAttribute('data-drop-target');
    d.to = best;
    if (best !== d.from) this.port.tile(best)?.setAttribute('data-drop-target', '');
  }

  /** Auto-scroll near the scroller's top or bottom edge, once per frame. */
  private _tick = () => {
    const d = this._drag;
    if (!d?.on) return;
    const s = this.port.scroller();
    const { top, bottom } = s?.getBoundingClientRect() ?? { top: 0, bottom: innerHeight };
    const v = d.y < top + EDGE ? -(top + EDGE - d.y) : d.y > bottom - EDGE ? d.y - (bottom - EDGE) : 0;
    if (v) {
      (s ?? document.scrollingElement ?? document.documentElement).scrollBy(0, Math.max(-40, Math.min(40, v / 2)));
      this._target();
    }
    d.raf = requestAnimationFrame(this._tick);
  };

  private _onUp = (e: PointerEvent) => {
    const d = this._drag;
    if (!d || e.pointerId !== d.id) return;
    if (d.on) this.swallowClick();
    // A lifted tile let go where it was: held, until dragged again, a tap elsewhere or Escape.
    if (d.lifted && !d.moved && d.to === d.from) {
      cancelAnimationFrame(d.raf);
      d.id = NaN;
      return;
    }
    this.cancel(false);
    if (d.on) this.port.move(d.from, d.to);
  };

  /** The click that follows (a drag's end, a tap that cancelled one) is not an activation. */
  swallowClick(): void {
    const stop = (c: Event) => { c.stopPropagation(); c.preventDefault(); };
    this.host.renderRoot.addEventListener('click', stop, { capture: true, once: true });
    setTimeout(() => this.host.renderRoot.removeEventListener('click', stop, { capture: true }));
  }

  /** Ends a drag without moving anything (a lifted tile is put back: announced, unless `announce` is false). */
  cancel = (announce: unknown = true): void => {
    const d = this._drag;
    if (!d) return;
    cancelAnimationFrame(d.raf);
    this._drag = null;
    for (const a of ['data-dragging', 'data-drop-target', 'data-lifted']) for (const t of (this.host.renderRoot as ParentNode).querySelectorAll(`[${a}]`)) t.removeAttribute(a);
    if (d.lifted && announce !== false) this.port.cancelled();
  };
}
