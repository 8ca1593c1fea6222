import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dragCloses, swipeOutcome, type ZoomState } from '../zoom.js';
import type { ZoomPanController } from './zoom-pan.js';

/** What a recognised gesture does (the preview's navigation). */
export interface GestureActions {
  /** Plain wheel zooms (otherwise only ctrl/⌘ + wheel and trackpad pinch). */
  wheelZoom(): boolean;
  /** Right-to-left: the next item is on the left, so a swipe to the right goes to it. */
  rtl(): boolean;
  go(delta: 1 | -1): void;
  close(): void;
}

interface Ptr { x: number; y: number; t: number }

/**
 * Pointer Events gestures on the preview's stage, shadow-DOM safe (listeners on the stage
 * element only, pointer capture for drags): drag to pan when zoomed, pinch to zoom, swipe
 * left/right to change item, swipe down to close, double-tap/double-click to toggle zoom,
 * and wheel zoom (ctrl/⌘ + wheel or trackpad pinch; plain wheel with `wheel-zoom`).
 * Recognition only: zoom, pan and swipe offsets go to the zoom-pan controller, which writes
 * them once per frame; moves read no style and request no render.
 */
export class GestureController implements ReactiveController {
  private stage: HTMLElement | null = null;
  private pointers = new Map<number, Ptr>();
  private mode: 'none' | 'pan' | 'swipe' | 'close' | 'pinch' | 'pending' = 'none';
  private start = { x: 0, y: 0, t: 0, zoom: { scale: 1, x: 0, y: 0 } as ZoomState, dist: 0, mid: { x: 0, y: 0 } };
  private last: Ptr = { x: 0, y: 0, t: 0 };
  private velocity = { x: 0, y: 0 };
  private lastTap = { x: 0, y: 0, t: 0 };
  /** The stage's box, read once per gesture (not per move). */
  private rect: DOMRect | null = null;

  constructor(host: ReactiveControllerHost, private zp: ZoomPanController, private act: GestureActions) {
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
    const r = (this.rect ??= this.stage!.getBoundingClientRect());
    return { x: e.clientX - r.left - r.width / 2, y: e.clientY - r.top - r.height / 2 };
  }

  private down = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    if ((e.target as Element).closest?.('button, a, input, video, [data-no-gesture]')) return;
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, t: e.timeStamp });
    try { this.stage!.setPointerCapture(e.pointerId); } catch { /* synthetic pointer */ }
    const zp = this.zp;
    if (this.pointers.size === 1) this.rect = this.stage!.getBoundingClientRect();
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.mode = 'pinch';
      this.start.zoom = zp.state;
      this.start.dist = Math.hypot(a.x - b.x, a.y - b.y) || 1;
      this.start.mid = this.local({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
      zp.setDrag(0, 0);
    } else if (this.pointers.size === 1) {
      this.mode = zp.state.scale > 1 ? 'pan' : 'pending';
      this.start = { ...this.start, x: e.clientX, y: e.clientY, t: e.timeStamp, zoom: zp.state };
      this.last = { x: e.clientX, y: e.clientY, t: e.timeStamp };
      this.velocity = { x: 0, y: 0 };
    }
    zp.setDragging(true);
  };

  private move = (e: PointerEvent) => {
    const p = this.pointers.get(e.pointerId);
    if (!p) return;
    p.x = e.clientX;
    p.y = e.clientY;
    const zp = this.zp;
    const dt = Math.max(1, e.timeStamp - this.last.t);
    this.velocity = { x: (e.clientX - this.last.x) / dt, y: (e.clientY - this.last.y) / dt };
    this.last = { x: e.clientX, y: e.clientY, t: e.timeStamp };
    const dx = e.clientX - this.start.x, dy = e.clientY - this.start.y;
    if (this.mode === 'pinch' && this.pointers.size >= 2) {
      const [a, b] = [...this.pointers.values()];
      const k = Math.hypot(a.x - b.x, a.y - b.y) / this.start.dist;
      zp.pinch(this.start.zoom, k, this.start.mid, this.local({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 }));
    } else if (this.mode === 'pending') {
      if (Math.hypot(dx, dy) < 8) return;
      this.mode = Math.abs(dx) >= Math.abs(dy) ? 'swipe' : dy > 0 ? 'close' : 'none';
    }
    if (this.mode === 'pan') zp.panTo(this.start.zoom.x + dx, this.start.zoom.y + dy);
    else if (this.mode === 'swipe') zp.setDrag(dx, 0);
    else if (this.mode === 'close') zp.setDrag(0, Math.max(0, dy));
  };

  private up = (e: PointerEvent) => {
    if (!this.pointers.has(e.pointerId)) return;
    const zp = this.zp;
    const mode = this.mode;
    const moved = Math.hypot(e.clientX - this.start.x, e.clientY - this.start.y);
    this.pointers.delete(e.pointerId);
    if (this.pointers.size === 1 && mode === 'pinch') {
      // One finger left after a pinch: continue as a pan from here.
      const [rest] = [...this.pointers.values()];
      this.mode = zp.state.scale > 1 ? 'pan' : 'none';
      this.start = { ...this.start, x: rest.x, y: rest.y, zoom: zp.state };
      return;
    }
    if (this.pointers.size) return;
    this.mode = 'none';
    this.rect = null;
    const { dragX, dragY } = zp;
    zp.setDragging(false);
    if (mode === 'swipe') {
      const out = swipeOutcome(dragX, this.velocity.x, zp.stage.width);
      zp.setDrag(0, 0);
      if (out) this.act.go(this.act.rtl() ? (-out as 1 | -1) : out);
    } else if (mode === 'close') {
      // The close animation starts from where the drag left the image.
      if (dragCloses(dragY, this.velocity.y, zp.stage.height)) this.act.close();
      else zp.setDrag(0, 0);
    } else if ((mode === 'pending' || mode === 'pan') && moved < 8 && e.pointerType !== 'mouse') {
      // Double tap (touch, pen): toggle zoom. Mouse uses the native dblclick.
      const now = e.timeStamp;
      if (now - this.lastTap.t < 320 && Math.hypot(e.clientX - this.lastTap.x, e.clientY - this.lastTap.y) < 30) {
        zp.toggle(this.local(e));
        this.lastTap.t = 0;
      } else {
        this.lastTap = { x: e.clientX, y: e.clientY, t: now };
      }
    }
  };

  private cancel = (e: PointerEvent) => {
    this.pointers.delete(e.pointerId);
    if (this.pointers.size) return;
    this.mode = 'none';
    this.rect = null;
    this.zp.setDragging(false);
    this.zp.setDrag(0, 0);
  };

  private dblclick = (e: MouseEvent) => {
    if ((e.target as Element).closest?.('button, a, input, video')) return;
    e.preventDefault();
    this.rect = null;
    this.zp.toggle(this.local(e));
  };

  private wheel = (e: WheelEvent) => {
    const zp = this.zp, z = zp.state;
    if (!(e.ctrlKey || e.metaKey || this.act.wheelZoom())) {
      if (z.scale > 1) {
        e.preventDefault();
        zp.panTo(z.x - e.deltaX, z.y - e.deltaY);
      }
      return;
    }
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    if (!this.pointers.size) this.rect = null;
    zp.zoomTo(z.scale * Math.exp((-e.deltaY * unit) / 300), this.local(e));
  };
}
