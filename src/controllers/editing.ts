import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Layout } from '../layout.js';
import { moveRows } from '../layout.js';
import type { GalleryItem } from '../model/items.js';
import type { GalleryStore } from '../model/store.js';
import { emit } from '../events/gallery-events.js';
import { sendRequest } from '../events/requests.js';

export interface EditingPort {
  /** Upload mode, not disabled: the list may be edited. */
  enabled(): boolean;
  indexFromEvent(e: Event): number;
  layout(): Layout;
  rtl(): boolean;
  /** The rendered tile of item `i`. */
  tile(i: number): HTMLElement | undefined;
  /** Moves the tab stop and keyboard focus to item `i` (revealing it). */
  focus(i: number): void;
  /** The element that scrolls the grid: the bounded scroller, else the page. */
  scroller(): HTMLElement | null;
  announce(text: string): void;
  /** `Moved {item} to position {n} of {total}`. */
  movedText(item: GalleryItem, n: number, total: number): string;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; requestUpdate(name?: PropertyKey): void };
const EDGE = 48;

/**
 * Editing the list in upload mode: reorder by keyboard (Alt+Arrow keys, RTL-aware; Alt+Up/Down
 * by a row) and by dragging a tile with the mouse or a pen (the grid scrolls when the pointer
 * nears its edge, so a far place in a virtualized grid can be reached); the Delete key deletes
 * the focused tile; F2 edits its caption. Each move fires `change {items}` and is announced.
 */
export class EditingController implements ReactiveController {
  /** The item whose caption is being edited, or -1. */
  captionIndex = -1;
  private _drag: { id: number; from: number; x0: number; y0: number; x: number; y: number; on: boolean; to: number; raf: number; grid: HTMLElement } | null = null;

  constructor(private host: Host, private store: GalleryStore, private port: EditingPort) {
    host.addController(this);
  }

  hostConnected(): void {
    const r = this.host.renderRoot;
    r.addEventListener('keydown', this._onKey as EventListener, true);
    r.addEventListener('pointerdown', this._onDown as EventListener);
    r.addEventListener('pointermove', this._onMove as EventListener);
    r.addEventListener('pointerup', this._onUp as EventListener);
    r.addEventListener('pointercancel', this._end as EventListener);
  }

  hostDisconnected(): void {
    const r = this.host.renderRoot;
    r.removeEventListener('keydown', this._onKey as EventListener, true);
    r.removeEventListener('pointerdown', this._onDown as EventListener);
    r.removeEventListener('pointermove', this._onMove as EventListener);
    r.removeEventListener('pointerup', this._onUp as EventListener);
    r.removeEventListener('pointercancel', this._end as EventListener);
    this._end();
  }

  /** Moves item `from` to position `to`: `change`, an announcement, focus follows. */
  move(from: number, to: number, focus = true): void {
    const n = this.store.length;
    to = Math.min(n - 1, Math.max(0, to));
    if (from === to || !this.store.at(from)) return;
    const list = this.store.items.slice();
    const [it] = list.splice(from, 1);
    list.splice(to, 0, it);
    this.store.replaceAll(list);
    this.host.requestUpdate('items');
    emit(this.host, 'change', { items: this.store.items as GalleryItem[] });
    this.port.announce(this.port.movedText(it, to + 1, n));
    if (focus) this.port.focus(to);
  }

  private _onKey = (e: KeyboardEvent) => {
    if (!this.port.enabled() || this.captionIndex >= 0) return;
    const i = this.port.indexFromEvent(e);
    if (i < 0 || (e.composedPath()[0] as Element).closest?.('.actions')) return;
    if (e.key === 'Escape' && this._drag?.on) return void (e.preventDefault(), this._end());
    if (e.key === 'Delete' && !e.altKey) {
      e.preventDefault();
      const t = this.port.tile(i), item = this.store.at(i);
      if (t && item) sendRequest(t, 'delete', i, item, {});
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      this.captionIndex = i;
      this.host.requestUpdate();
      return;
    }
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const rtl = this.port.rtl();
    const l = this.port.layout();
    let to: number;
    switch (e.key) {
      case 'ArrowRight': to = i + (rtl ? -1 : 1); break;
      case 'ArrowLeft': to = i + (rtl ? 1 : -1); break;
      case 'ArrowDown': to = moveRows(l, i, 1); break;
      case 'ArrowUp': to = moveRows(l, i, -1); break;
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
    this.move(i, to);
  };

  // ---- pointer drag ---------------------------------------------------------------------

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
      if (Math.hypot(e.clientX - d.x0, e.clientY - d.y0) < 6) return;
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
    this._end();
    if (!d.on) return;
    // The click that follows a drag is not an activation.
    const stop = (c: Event) => { c.stopPropagation(); c.preventDefault(); };
    this.host.renderRoot.addEventListener('click', stop, { capture: true, once: true });
    setTimeout(() => this.host.renderRoot.removeEventListener('click', stop, { capture: true }));
    this.move(d.from, d.to);
  };

  private _end = () => {
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
