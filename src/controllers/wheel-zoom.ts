import type { ReactiveControllerHost } from 'lit';
import { StageListeners } from './stage-listeners.js';
import type { ZoomPanController } from './zoom-pan.js';

/**
 * Wheel and double-click zoom on the preview's stage: ctrl/⌘ + wheel or a trackpad pinch zooms
 * around the pointer (a plain wheel too with `wheel-zoom`; otherwise a plain wheel pans a zoomed
 * image), and a mouse double-click toggles fit ↔ zoomed at the pointer. Touch and pen double-tap
 * are recognised with the other pointer gestures (controllers/gestures.ts).
 */
export class WheelZoomController extends StageListeners {
  /** `plainWheel()`: a wheel without ctrl/⌘ zooms too (the `wheel-zoom` attribute). */
  constructor(host: ReactiveControllerHost, zp: ZoomPanController, private plainWheel: () => boolean) {
    super(host, zp);
  }

  protected _listen(stage: HTMLElement, signal: AbortSignal): void {
    stage.addEventListener('wheel', this._wheel, { passive: false, signal });
    stage.addEventListener('dblclick', this._dblclick, { signal });
    stage.addEventListener('pointerdown', (e) => e.pointerType !== 'mouse' && (this._touchAt = e.timeStamp), { signal });
  }

  /** When a finger or pen last went down: the dblclick a browser sends after a double tap is not a mouse's. */
  private _touchAt = -Infinity;

  private _dblclick = (e: MouseEvent) => {
    if ((e.target as Element).closest?.('button, a, input, video')) return;
    // The double tap has toggled the zoom already (gestures.ts); this would toggle it back.
    if (e.timeStamp - this._touchAt < 800) return e.preventDefault();
    e.preventDefault();
    this._rect = null;
    this.zp.toggle(this._local(e));
  };

  private _wheel = (e: WheelEvent) => {
    const zp = this.zp, z = zp.state;
    if (!(e.ctrlKey || e.metaKey || this.plainWheel())) {
      if (z.scale > 1) {
        e.preventDefault();
        zp.panTo(z.x - e.deltaX, z.y - e.deltaY);
      }
      return;
    }
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    this._rect = null;
    zp.zoomTo(z.scale * Math.exp((-e.deltaY * unit) / 300), this._local(e));
  };
}
