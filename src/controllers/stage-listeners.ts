import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ZoomPanController } from './zoom-pan.js';

/**
 * Base of the input recognisers on the preview's stage (gestures, wheel zoom). Shadow-DOM safe:
 * listeners on the stage element only, moved to each new stage rendered (`attach`) and removed
 * when the host disconnects. Recognition only: what is recognised goes to the zoom-pan
 * controller, which writes it once per frame; input reads no style and requests no render.
 */
export abstract class StageListeners implements ReactiveController {
  protected _stage: HTMLElement | null = null;
  /** The stage's box, read once per gesture (not per move); `null` reads it again. */
  protected _rect: DOMRect | null = null;
  private _off: AbortController | null = null;

  constructor(host: ReactiveControllerHost, protected zp: ZoomPanController) {
    host.addController(this);
  }

  /** Attaches to the stage element (call from `updated`; `null` while none is rendered). */
  attach(stage: HTMLElement | null): void {
    if (stage === this._stage) return;
    this.hostDisconnected();
    this._stage = stage;
    if (stage) this._listen(stage, (this._off = new AbortController()).signal);
  }

  hostDisconnected(): void {
    this._off?.abort();
    this._off = null;
    this._stage = null;
  }

  /** Adds the listeners to the stage, with `signal` (aborted to remove them). */
  protected abstract _listen(stage: HTMLElement, signal: AbortSignal): void;

  /** Point relative to the stage centre. */
  protected _local(e: { clientX: number; clientY: number }) {
    const r = (this._rect ??= this._stage!.getBoundingClientRect());
    return { x: e.clientX - r.left - r.width / 2, y: e.clientY - r.top - r.height / 2 };
  }
}
