import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DragReorderController } from './drag-reorder.js';

export interface TouchReorderPort {
  /** Upload mode, not disabled: the list may be edited. */
  enabled(): boolean;
  indexFromEvent(e: Event): number;
  /** Announces the tile lifted. */
  lifted(i: number): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
interface Press { id: number; from: number; x: number; y: number; timer: number }
/** ms a finger rests on a tile to lift it; px it may move meanwhile (more is a scroll). */
const HOLD = 400, SLOP = 8;

/**
 * Reorder by touch, the mobile way: a long press (HOLD ms, moving less than SLOP px) on a tile
 * lifts it (announced); the finger then drags it (drag-reorder.ts: drop target, auto-scroll) and
 * lifting the finger drops it. A lifted tile let go where it was stays lifted: a new touch on it
 * drags it again; a tap elsewhere or Escape puts it back. A touch that moves before HOLD is a
 * scroll: nothing here stops it (the grid keeps its `touch-action`; only the lifted tile gets
 * `touch-action: none`, and while a finger drags it the touch's `touchmove`s are cancelled).
 */
export class TouchReorderController implements ReactiveController {
  private _press: Press | null = null;
  private _swallow = NaN;
  private _doc = false;

  constructor(private host: Host, private drag: DragReorderController, private port: TouchReorderPort) {
    host.addController(this);
  }

  hostConnected(): void { this._listen('addEventListener'); }

  hostDisconnected(): void {
    this._listen('removeEventListener');
    this._end();
    this._docListen(false);
  }

  private _listen(m: 'addEventListener' | 'removeEventListener') {
    const r = this.host.renderRoot as EventTarget;
    for (const [type, fn] of [['pointerdown', this._onDown], ['pointermove', this._onMove], ['pointerup', this._onUp], ['pointercancel', this._onUp], ['contextmenu', this._onMenu]] as const) r[m](type, fn as EventListener);
    r[m]('touchmove', this._onTouchMove, { passive: false } as AddEventListenerOptions);
  }

  /** While a tile is lifted: a touch down on it drags it again, anywhere else puts it back; so does Escape. */
  private _docListen(on: boolean) {
    if (on === this._doc) return;
    this._doc = on;
    const m = on ? 'addEventListener' : 'removeEventListener';
    document[m]('pointerdown', this._onDocDown as EventListener, true);
    document[m]('keydown', this._onDocKey as EventListener, true);
  }

  private _onDown = (e: PointerEvent) => {
    if (e.pointerType !== 'touch' || !this.port.enabled() || this._press || this.drag.active || this.drag.held >= 0) return;
    const from = this.port.indexFromEvent(e);
    if (from < 0 || (e.composedPath()[0] as Element).closest?.('.actions')) return;
    this._press = { id: e.pointerId, from, x: e.clientX, y: e.clientY, timer: window.setTimeout(this._lift, HOLD) };
  };

  private _onMove = (e: PointerEvent) => {
    const p = this._press;
    if (p && e.pointerId === p.id && Math.hypot(e.clientX - p.x, e.clientY - p.y) > SLOP) this._end();
  };

  private _onUp = (e: PointerEvent) => {
    if (this._press?.id === e.pointerId) this._end();
    if (e.pointerId === this._swallow && e.type === 'pointerup') this.drag.swallowClick();
    if (e.pointerId === this._swallow) this._swallow = NaN;
  };

  private _end() {
    clearTimeout(this._press?.timer);
    this._press = null;
  }

  private _lift = () => {
    const p = this._press;
    this._press = null;
    if (!p || !this.port.enabled()) return;
    this.drag.lift(p.id, p.from, p.x, p.y);
    this._docListen(true);
    this.port.lifted(p.from);
  };

  private _onDocDown = (e: PointerEvent) => {
    const held = this.drag.held;
    if (held < 0) return this.drag.active || this._docListen(false);
    if (e.pointerType === 'touch' && this.port.indexFromEvent(e) === held) return this.drag.lift(e.pointerId, held, e.clientX, e.clientY);
    this._docListen(false);
    this.drag.cancel();
    // A tap in the gallery that put the tile back opens nothing.
    if (e.composedPath().includes(this.host)) this._swallow = e.pointerId;
  };

  /** Escape puts a lifted tile back, wherever focus is. */
  private _onDocKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || (this.drag.held < 0 && !this.drag.active)) return;
    e.preventDefault();
    e.stopPropagation();
    this._docListen(false);
    this.drag.cancel();
  };

  /** No scroll while a finger drags a lifted tile. */
  private _onTouchMove = (e: Event) => {
    if (this.drag.active && this._doc && e.cancelable) e.preventDefault();
  };

  /** No context menu (or callout) for the long press that lifts a tile. */
  private _onMenu = (e: Event) => {
    if (this._press || this._doc) e.preventDefault();
  };
}
