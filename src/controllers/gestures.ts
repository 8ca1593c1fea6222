import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dragCloses, swipeOutcome, zoomAt, clampPan, type Size, type ZoomState } from '../zoom.js';

/** What the gesture controller needs from the preview. */
export interface GestureHost extends ReactiveControllerHost {
  zoom: ZoomState;
  /** Horizontal swipe offset of the slide track, px. */
  dragX: number;
  /** Downward drag offset (swipe down to close), px. */
  dragY: number;
  /** Whether a gesture is in progress (transitions are off meanwhile). */
  dragging: boolean;
  readonly stageSize: Size;
  readonly fitSize: Size;
  readonly maxZoom: number;
  /** Plain wheel zooms (otherwise only ctrl/⌘ + wheel and trackpad pinch). */
  readonly wheelZoom: boolean;
  go(delta: 1 | -1): void;
  requestClose(): void;
  toggleZoom(p: { x: number; y: number }): void;
}

interface Ptr { x: number; y: number; t: number }

/**
 * Pointer Events gestures on the preview's stage, shadow-DOM safe (listeners on the stage
 * element only, pointer capture for drags): drag to pan when zoomed, pinch to zoom, swipe
 * left/right to change item, swipe down to close, double-tap/double-click to toggle zoom,
 * and wheel zoom (ctrl/⌘ + wheel or trackpad pinch; plain wheel with `wheel-zoom`).
 */
export class GestureController implements ReactiveController {
  private stage: HTMLElement | null = null;
  private pointers = new Map<number, Ptr>();
  private mode: 'none' | 'pan' | 'swipe' | 'close' | 'pinch' | 'pending' = 'none';
  private start = { x: 0, y: 0, t: 0, zoom: { scale: 1, x: 0, y: 0 } as ZoomState, dist: 0, mid: { x: 0, y: 0 } };
  private last: Ptr = { x: 0, y: 0, t: 0 };
  private velocity = { x: 0, y: 0 };
  private lastTap = { x: 0, y: 0, t: 0 };

  constructor(private host: GestureHost) {
    host.addController(this);
  }

  /** Attaches to the stage element (call from `firstUpdated`/`updated` when it exists). */
  attach(stage: HTMLElement | null): void {
    if (stage === this.stage) return;
    this.detach();
    this.stage = stage;
    if (!stage) return;
    stage.addEventListener('pointerdown', this.down);
    stage.addEventListener('pointermove', this.move);
    stage.addEventListener('pointerup', this.up);
    stage.addEventListener('pointercancel', this.cancel);
    stage.addEventListener('wheel', this.wheel, { passive: false });
    stage.addEventListener('dblclick', this.dblclick);
  }

  hostDisconnected(): void {
    this.detach();
  }

  private detach() {
    const s = this.stage;
    if (!s) return;
    s.removeEventListener('pointerdown', this.down);
    s.removeEventListener('pointermove', this.move);
    s.removeEventListener('pointerup', this.up);
    s.removeEventListener('pointercancel', this.cancel);
    s.removeEventListener('wheel', this.wheel);
    s.removeEventListener('dblclick', this.dblclick);
    this.stage = null;
  }

  /** Point relative to the stage centre. */
  private local(e: { clientX: number; clientY: number }) {
    const r = this.stage!.getBoundingClientRect();
    return { x: e.clientX - r.left - r.width / 2, y: e.clientY - r.top - r.height / 2 };
  }

  private down = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    if ((e.target as Element).closest?.('button, a, input, video, [data-no-gesture]')) return;
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, t: e.timeStamp });
    try { this.stage!.setPointerCapture(e.pointerId); } catch { /* synthetic pointer */ }
    const h = this.host;
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.mode = 'pinch';
      this.start.zoom = { ...h.zoom };
      this.start.dist = Math.hypot(a.x - b.x, a.y - b.y) || 1;
      this.start.mid = this.local({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
      h.dragX = 0;
      h.dragY = 0;
    } else if (this.pointers.size === 1) {
      this.mode = h.zoom.scale > 1 ? 'pan' : 'pending';
      this.start = { ...this.start, x: e.clientX, y: e.clientY, t: e.timeStamp, zoom: { ...h.zoom } };
      this.last = { x: e.clientX, y: e.clientY, t: e.timeStamp };
      this.velocity = { x: 0, y: 0 };
    }
    h.dragging = true;
    h.requestUpdate();
  };

  private move = (e: PointerEvent) => {
    const p = this.pointers.get(e.pointerId);
    if (!p) return;
    p.x = e.clientX;
    p.y = e.clientY;
    const h = this.host;
    const dt = Math.max(1, e.timeStamp - this.last.t);
    this.velocity = { x: (e.clientX - this.last.x) / dt, y: (e.clientY - this.last.y) / dt };
    this.last = { x: e.clientX, y: e.clientY, t: e.timeStamp };
    const dx = e.clientX - this.start.x, dy = e.clientY - this.start.y;
    if (this.mode === 'pinch' && this.pointers.size >= 2) {
      const [a, b] = [...this.pointers.values()];
      const k = Math.hypot(a.x - b.x, a.y - b.y) / this.start.dist;
      const mid = this.local({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
      const z = zoomAt(this.start.zoom, this.start.zoom.scale * k, this.start.mid, h.fitSize, h.stageSize, h.maxZoom);
      h.zoom = clampPan({ ...z, x: z.x + mid.x - this.start.mid.x, y: z.y + mid.y - this.start.mid.y }, h.fitSize, h.stageSize);
    } else if (this.mode === 'pending') {
      if (Math.hypot(dx, dy) < 8) return;
      this.mode = Math.abs(dx) >= Math.abs(dy) ? 'swipe' : dy > 0 ? 'close' : 'none';
    }
    if (this.mode === 'pan') {
      h.zoom = clampPan({ scale: h.zoom.scale, x: this.start.zoom.x + dx, y: this.start.zoom.y + dy }, h.fitSize, h.stageSize);
    } else if (this.mode === 'swipe') {
      h.dragX = dx;
    } else if (this.mode === 'close') {
      h.dragY = Math.max(0, dy);
    }
    h.requestUpdate();
  };

  private up = (e: PointerEvent) => {
    if (!this.pointers.has(e.pointerId)) return;
    const h = this.host;
    const mode = this.mode;
    const moved = Math.hypot(e.clientX - this.start.x, e.clientY - this.start.y);
    this.pointers.delete(e.pointerId);
    if (this.pointers.size === 1 && mode === 'pinch') {
      // One finger left after a pinch: continue as a pan from here.
      const [rest] = [...this.pointers.values()];
      this.mode = h.zoom.scale > 1 ? 'pan' : 'none';
      this.start = { ...this.start, x: rest.x, y: rest.y, zoom: { ...h.zoom } };
      return;
    }
    if (this.pointers.size) return;
    this.mode = 'none';
    h.dragging = false;
    if (mode === 'swipe') {
      const out = swipeOutcome(h.dragX, this.velocity.x, h.stageSize.width);
      h.dragX = 0;
      if (out) h.go(out);
    } else if (mode === 'close') {
      const close = dragCloses(h.dragY, this.velocity.y, h.stageSize.height);
      h.dragY = 0;
      if (close) h.requestClose();
    } else if ((mode === 'pending' || mode === 'pan') && moved < 8 && e.pointerType !== 'mouse') {
      // Double tap (touch, pen): toggle zoom. Mouse uses the native dblclick.
      const now = e.timeStamp;
      if (now - this.lastTap.t < 320 && Math.hypot(e.clientX - this.lastTap.x, e.clientY - this.lastTap.y) < 30) {
        h.toggleZoom(this.local(e));
        this.lastTap.t = 0;
      } else {
        this.lastTap = { x: e.clientX, y: e.clientY, t: now };
      }
    }
    h.requestUpdate();
  };

  private cancel = (e: PointerEvent) => {
    this.pointers.delete(e.pointerId);
    if (this.pointers.size) return;
    this.mode = 'none';
    const h = this.host;
    h.dragging = false;
    h.dragX = 0;
    h.dragY = 0;
    h.requestUpdate();
  };

  private dblclick = (e: MouseEvent) => {
    if ((e.target as Element).closest?.('button, a, input, video')) return;
    e.preventDefault();
    this.host.toggleZoom(this.local(e));
  };

  private wheel = (e: WheelEvent) => {
    const h = this.host;
    const zooming = e.ctrlKey || e.metaKey || h.wheelZoom;
    if (!zooming) {
      if (h.zoom.scale > 1) {
        e.preventDefault();
        h.zoom = clampPan({ scale: h.zoom.scale, x: h.zoom.x - e.deltaX, y: h.zoom.y - e.deltaY }, h.fitSize, h.stageSize);
        h.requestUpdate();
      }
      return;
    }
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const k = Math.exp((-e.deltaY * unit) / 300);
    h.zoom = zoomAt(h.zoom, h.zoom.scale * k, this.local(e), h.fitSize, h.stageSize, h.maxZoom);
    h.requestUpdate();
  };
}
