import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FIT, clampPan, fitSize, maxScale, oneToOne, zoomAt, type Size, type ZoomState } from '../zoom.js';
import { ZoomPainter } from './zoom-paint.js';

/** What the zoom-pan controller reads from the preview. */
export interface ZoomPanOptions {
  /** The stage element (`null` while none is rendered). */
  stage(): HTMLElement | null;
  /** Natural size of the media of item `index` (zeros while unknown). */
  natural(index: number): Size;
  /** Index of the item shown (the one that zooms). */
  current(): number;
  /** Whether the item shown can zoom (an image, not a video). */
  zoomable(): boolean;
}

/**
 * Owns the zoom ({scale, x, y}: scale 1 is fit, x/y the image centre's offset from the stage
 * centre in px), the swipe offsets, and the stage size (ResizeObserver, re-observed whenever a
 * new stage is rendered). Continuous changes never render: the painter writes them to the DOM
 * once per animation frame through CSSOM (`style.transform`, box sizes, `sizes`), with no style read.
 * The host re-renders only when a discrete state flips (zoomed or not, at the zoom limit).
 */
export class ZoomPanController implements ReactiveController {
  /** Stage size, px (content box, from the ResizeObserver). */
  stage: Size = { width: 0, height: 0 };
  private _z: ZoomState = FIT;
  private _drag = { x: 0, y: 0 };
  private _dragging = false;
  private _frozen = false;
  private _el: HTMLElement | null = null;
  private _ro?: ResizeObserver;
  private _frame = 0;
  private _flags = '';
  private _painter: ZoomPainter;

  constructor(private host: ReactiveControllerHost, private o: ZoomPanOptions) {
    host.addController(this);
    this._painter = new ZoomPainter(this, o);
  }

  get state(): ZoomState { return this._z; }
  get zoomed(): boolean { return this._z.scale > 1.01; }
  /** The size of the item shown, contained in the stage. */
  get fit(): Size { return fitSize(this.o.natural(this.o.current()), this.stage); }
  get max(): number { return maxScale(this.o.natural(this.o.current()), this.fit); }
  get atMax(): boolean { return this._z.scale >= this.max - 0.01; }
  /** 0…1: how far a drag down has gone toward closing. */
  get closeProgress(): number { return Math.min(1, this._drag.y / Math.max(1, this.stage.height * 0.6)); }
  get dragX(): number { return this._drag.x; }
  get dragY(): number { return this._drag.y; }

  /** Sets the zoom (clamped so no gap opens at an edge); fit for items that cannot zoom. */
  set(z: ZoomState): void {
    this._z = this.o.zoomable() && z.scale > 1 ? clampPan(z, this.fit, this.stage) : FIT;
    this._changed();
  }
  reset(): void { this.set(FIT); }
  /** Zooms to `scale` keeping the point `p` (px from the stage centre) still. */
  zoomTo(scale: number, p = { x: 0, y: 0 }, from = this._z): void { this.set(zoomAt(from, scale, p, this.fit, this.stage, this.max)); }
  /** Zooms by a factor around the centre; factor 0 goes back to fit. */
  zoomBy(factor: number): void { if (factor === 0) this.reset(); else this.zoomTo(this._z.scale * factor); }
  /** Fit ↔ at least 2× (1:1 for large images) at `p`. */
  toggle(p: { x: number; y: number }): void {
    if (this.zoomed) this.reset();
    else this.zoomTo(Math.max(2, oneToOne(this.o.natural(this.o.current()), this.fit)), p);
  }
  panTo(x: number, y: number): void { this.set({ scale: this._z.scale, x, y }); }
  /** Pinch from `start` by factor `k` around `mid0`, following the fingers' midpoint to `mid`. */
  pinch(start: ZoomState, k: number, mid0: { x: number; y: number }, mid: { x: number; y: number }): void {
    const z = zoomAt(start, start.scale * k, mid0, this.fit, this.stage, this.max);
    this.set({ ...z, x: z.x + mid.x - mid0.x, y: z.y + mid.y - mid0.y });
  }
  /** Swipe offsets of the slide track, px (x sideways, y down to close). */
  setDrag(x: number, y: number): void { this._drag = { x, y }; this._changed(); }
  /** A gesture is in progress: no transitions meanwhile. */
  setDragging(on: boolean): void { this._dragging = on; this._changed(); }
  /** While the close animation runs: no transitions. */
  freeze(on: boolean): void { this._frozen = on; this._changed(); }

  /** Reads the stage's size now (on open, before the ResizeObserver reports). */
  measure(): void {
    const r = this.o.stage()?.getBoundingClientRect();
    if (r) this._resized(r.width, r.height);
  }

  /** Writes the pending frame now (before an animation reads the geometry). */
  flush(): void {
    cancelAnimationFrame(this._frame);
    this._frame = 0;
    this._paint();
  }

  hostUpdated(): void {
    // An update that runs after removal observes nothing (it would never be disconnected).
    const stage = this.o.stage()?.isConnected ? this.o.stage() : null;
    if (stage !== this._el) {
      if (this._el) this._ro?.unobserve(this._el);
      this._el = stage;
      if (stage) (this._ro ??= new ResizeObserver((e) => this._onResize(e))).observe(stage);
    }
    this.layout();
    this.flush();
  }

  /** Moved in the page: observe the stage again on the next update. */
  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this._ro?.disconnect();
    this._ro = undefined;
    this._el = null;
    cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  private _onResize(entries: ResizeObserverEntry[]) {
    const r = entries[entries.length - 1].contentRect;
    if (entries[entries.length - 1].target === this._el) this._resized(r.width, r.height);
  }

  private _resized(width: number, height: number) {
    if (width === this.stage.width && height === this.stage.height) return;
    this.stage = { width, height };
    // The stage changed under a zoomed image: keep the pan within the edges.
    this.set(this._z);
    this.layout();
    this.flush();
  }

  private _changed() {
    // No stage yet (before the first render, or on the server): nothing to paint; hostUpdated paints once there is one.
    if (!this._frame && this._el) this._frame = requestAnimationFrame(() => { this._frame = 0; this._paint(); });
    const flags = `${this.zoomed}${this._z.scale <= 1}${this.atMax}`;
    if (flags !== this._flags) {
      this._flags = flags;
      this.host.requestUpdate();
    }
  }

  /** Box sizes and srcset `sizes` of every slide's media: after a render, a resize, a natural size learnt. */
  layout(): void { if (this._el) this._painter.layout(this._el); }
  /** The transforms (track, backdrop, media): once per frame. */
  private _paint() { if (this._el) this._painter.paint(this._el, !this._dragging && !this._frozen); }
}
