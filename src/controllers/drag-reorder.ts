import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Layout } from '../layout.js';

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
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
interface Drag { id: number; from: number; x0: number; y0: number; x: number; y: number; on: boolean; to: number; raf: number; grid: HTMLElement }
/** px from the scroller's edge where auto-scroll starts; px the pointer travels before a press becomes a drag. */
const EDGE = 48, SLOP = 6;

/**
 * Reorder by dragging a tile with the mouse or a pen (touch scrolls, so it does not drag): the
 * tile under the pointer (nearest centre) is marked as the drop target; near the scroller's
 * top or bottom edge the grid scrolls, so a far place in a virtualized grid can be reached.
 * Escape cancels; the click that ends a drag opens nothing.
 */
export class DragReorderController implements ReactiveController {
  private _drag: Drag | null = null;

  constructor(private host: Host, private port: DragReorderPort) {
    host.addController(this);
  }

  hostConnected(): void {
    const r = this.host.renderRoot;
    r.addEventListener('pointerdown', this._onDown as EventListener);
    r.addEventListener('pointermove', this._onMove as EventListener);
    r.addEventListener('pointerup', this._onUp as EventListener);
    r.addEventListener('pointercancel', this.cancel);
    r.addEventListener('keydown', this._onKey as EventListener, true);
  }

  hostDisconnected(): void {
    const r = this.host.renderRoot;
    r.removeEventListener('pointerdown', this._onDown as EventListener);
    r.removeEventListener('pointermove', this._onMove as EventListener);
    r.removeEventListener('pointerup', this._onUp as EventListener);
    r.removeEventListener('pointercancel', this.cancel);
    r.removeEventListener('keydown', this._onKey as EventListener, true);
    this.cancel();
  }

  private _onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this._drag?.on) return;
    e.preventDefault();
    e.stopPropagation();
    this.cancel();
  };

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
    if (!d.on) {
      if (Math.hypot(e.clientX - d.x0, e.clientY - d.y0) < SLOP) return;
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
    const l = this.port.layout(), r = d.grid.getBoundingClientRect();
    const px = this.port.rtl() ? r.right - d.x : d.x - r.left, py = d.y - r.top;
    let best = d.to, dist = Infinity;
    for (let i = 0; i < l.count; i++) {
      const dx = l.x[i] + l.w[i] / 2 - px, dy = l.y[i] + l.h[i] / 2 - py, q = dx * dx + dy * dy;
      if (q < dist) { dist = q; best = i; }
    }
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
    const top = s ? s.getBoundingClientRect().top : 0, bottom = s ? s.getBoundingClientRect().bottom : innerHeight;
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
    this.cancel();
    if (!d.on) return;
    // The click that follows a drag is not an activation.
    const stop = (c: Event) => { c.stopPropagation(); c.preventDefault(); };
    this.host.renderRoot.addEventListener('click', stop, { capture: true, once: true });
    setTimeout(() => this.host.renderRoot.removeEventListener('click', stop, { capture: true }));
    this.port.move(d.from, d.to);
  };

  /** Ends a drag without moving anything. */
  cancel = (): void => {
    const d = this._drag;
    if (!d) return;
    cancelAnimationFrame(d.raf);
    this._drag = null;
    for (const t of (this.host.renderRoot as ParentNode).querySelectorAll('[data-dragging],[data-drop-target]')) {
      t.removeAttribute('data-dragging');
      t.removeAttribute('data-drop-target');
    }
  };
}
