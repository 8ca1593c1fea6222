import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Touch mode: on while the device has no hover (`(hover: none)`: phones, tablets) or since the
 * last pointer that went down was a finger (a touch screen laptop); a mouse or pen turns it off
 * again. Reflected as the host's `touch` attribute; the host passes it on to its parts, which
 * then show the controls that hover would reveal, at touch size.
 */
export class TouchModeController implements ReactiveController {
  /** Whether touch mode is on. */
  active = false;
  private _mq?: MediaQueryList;
  private _finger = false;

  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this._mq ??= typeof matchMedia === 'function' ? matchMedia('(hover: none)') : undefined;
    this._mq?.addEventListener('change', this._sync);
    this.host.addEventListener('pointerdown', this._onPointer, { capture: true, passive: true });
    this._sync();
  }

  hostDisconnected(): void {
    this._mq?.removeEventListener('change', this._sync);
    this.host.removeEventListener('pointerdown', this._onPointer, { capture: true });
  }

  private _onPointer = (e: PointerEvent) => {
    this._finger = e.pointerType === 'touch';
    this._sync();
  };

  private _sync = () => {
    const on = !!this._mq?.matches || this._finger;
    if (on === this.active) return;
    this.active = on;
    this.host.toggleAttribute('touch', on);
    this.host.requestUpdate();
  };
}
