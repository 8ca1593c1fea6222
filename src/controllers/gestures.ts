import type { ReactiveControllerHost } from 'lit';
import { dragCloses, swipeOutcome, type ZoomState } from '../zoom.js';
import { StageListeners } from './stage-listeners.js';
import type { ZoomPanController } from './zoom-pan.js';

/** What a recognised gesture does (the preview's navigation). */
export interface GestureActions {
  /** Right-to-left: the next item is on the left, so a swipe to the right goes to it. */
  rtl(): boolean;
  go(delta: 1 | -1): void;
  close(): void;
}

interface Ptr { x: number; y: number; t: number }

/**
 * Pointer Events gestures on the preview's stage (pointer capture for drags): drag to pan when
 * zoomed, pinch to zoom, swipe left/right to change item, swipe down to close, double-tap (touch,
 * pen) to toggle zoom. Wheel and mouse double-click zoom: controllers/wheel-zoom.ts.
 * Recognition only: zoom, pan and swipe offsets go to the zoom-pan controller, which writes
 * them once per frame; moves read no style and request no render.
 */
export class GestureController extends StageListeners {
  private _pointers = new Map<number, Ptr>();
  private _mode: 'none' | 'pan' | 'swipe' | 'close' | 'pinch' | 'pending' = 'none';
  private _start = { x: 0, y: 0, t: 0, zoom: { scale: 1, x: 0, y: 0 } as ZoomState, dist: 0, mid: { x: 0, y: 0 } };
  private _last: Ptr = { x: 0, y: 0, t: 0 };
  private _velocity = { x: 0, y: 0 };
  private _lastTap = { x: 0, y: 0, t: 0 };

  constructor(host: ReactiveControllerHost, zp: ZoomPanController, private act: GestureActions) {
    super(host, zp);
  }

  protected _listen(stage: HTMLElement, signal: AbortSignal): void {
    stage.addEventListener('pointerdown', this._down, { signal });
    stage.addEventListener('pointermove', this._move, { signal });
    stage.addEventListener('pointerup', this._up, { signal });
    stage.addEventListener('pointercancel', this._cancel, { signal });
  }

  private _down = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    if ((e.target as Element).closest?.('button, a, input, video, [data-no-gesture]')) return;
    this._pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, t: e.timeStamp });
    try { this._stage!.setPointerCapture(e.pointerId); } catch { /* synthetic pointer */ }
    const zp = this.zp;
    if (this._pointers.size === 1) this._rect = this._stage!.getBoundingClientRect();
    if (this._pointers.size === 2) {
      const [a, b] = [...this._pointers.values()];
      this._mode = 'pinch';
      this._start.zoom = zp.state;
      this._start.dist = Math.hypot(a.x - b.x, a.y - b.y) || 1;
      this._start.mid = this._local({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
      zp.setDrag(0, 0);
    } else if (this._pointers.size === 1) {
      this._mode = zp.state.scale > 1 ? 'pan' : 'pending';
      this._start = { ...this._start, x: e.clientX, y: e.clientY, t: e.timeStamp, zoom: zp.state };
      this._last = { x: e.clientX, y: e.clientY, t: e.timeStamp };
      this._velocity = { x: 0, y: 0 };
    }
    zp.setDragging(true);
  };

  private _move = (e: PointerEvent) => {
    const p = this._pointers.get(e.pointerId);
    if (!p) return;
    p.x = e.clientX;
    p.y = e.clientY;
    const zp = this.zp;
    const dt = Math.max(1, e.timeStamp - this._last.t);
    this._velocity = { x: (e.clientX - this._last.x) / dt, y: (e.clientY - this._last.y) / dt };
    this._last = { x: e.clientX, y: e.clientY, t: e.timeStamp };
    const dx = e.clientX - this._start.x, dy = e.clientY - this._start.y;
    if (this._mode === 'pinch' && this._pointers.size >= 2) {
      const [a, b] = [...this._pointers.values()];
      const k = Math.hypot(a.x - b.x, a.y - b.y) / this._start.dist;
      zp.pinch(this._start.zoom, k, this._start.mid, this._local({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 }));
    } else if (this._mode === 'pending') {
      if (Math.hypot(dx, dy) < 8) return;
      this._mode = Math.abs(dx) >= Math.abs(dy) ? 'swipe' : dy > 0 ? 'close' : 'none';
    }
    if (this._mode === 'pan') zp.panTo(this._start.zoom.x + dx, this._start.zoom.y + dy);
    else if (this._mode === 'swipe') zp.setDrag(dx, 0);
    else if (this._mode === 'close') zp.setDrag(0, Math.max(0, dy));
  };

  private _up = (e: PointerEvent) => {
    if (!this._pointers.has(e.pointerId)) return;
    const zp = this.zp;
    const mode = this._mode;
    const moved = Math.hypot(e.clientX - this._start.x, e.clientY - this._start.y);
    this._pointers.delete(e.pointerId);
    if (this._pointers.size === 1 && mode === 'pinch') {
      // One finger left after a pinch: continue as a pan from here.
      const [rest] = [...this._pointers.values()];
      this._mode = zp.state.scale > 1 ? 'pan' : 'none';
      this._start = { ...this._start, x: rest.x, y: rest.y, zoom: zp.state };
      return;
    }
    if (this._pointers.size) return;
    this._mode = 'none';
    this._rect = null;
    const { dragX, dragY } = zp;
    zp.setDragging(false);
    if (mode === 'swipe') {
      const out = swipeOutcome(dragX, this._velocity.x, zp.stage.width);
      zp.setDrag(0, 0);
      if (out) this.act.go(this.act.rtl() ? (-out as 1 | -1) : out);
    } else if (mode === 'close') {
      // The close animation starts from where the drag left the image.
      if (dragCloses(dragY, this._velocity.y, zp.stage.height)) this.act.close();
      else zp.setDrag(0, 0);
    } else if (mode === 'pending' && moved < 8 && this._beside(e)) {
      // A tap (or click) on the backdrop beside the image closes, as swiping down does.
      this.act.close();
    } else if ((mode === 'pending' || mode === 'pan') && moved < 8 && e.pointerType !== 'mouse') {
      // Double tap (touch, pen): toggle zoom. Mouse uses the native dblclick.
      const now = e.timeStamp;
      if (now - this._lastTap.t < 320 && Math.hypot(e.clientX - this._lastTap.x, e.clientY - this._lastTap.y) < 30) {
        zp.toggle(this._local(e));
        this._lastTap.t = 0;
      } else {
        this._lastTap = { x: e.clientX, y: e.clientY, t: now };
      }
    }
  };

  /** Whether `e` is on the stage beside the image or video shown (on the backdrop). */
  private _beside(e: PointerEvent): boolean {
    const r = this._stage?.querySelector('.slide.current .media.large, .slide.current video.media')?.getBoundingClientRect();
    return !!r && r.width > 0 && (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom);
  }

  private _cancel = (e: PointerEvent) => {
    this._pointers.delete(e.pointerId);
    if (this._pointers.size) return;
    this._mode = 'none';
    this._rect = null;
    this.zp.setDragging(false);
    this.zp.setDrag(0, 0);
  };
}
