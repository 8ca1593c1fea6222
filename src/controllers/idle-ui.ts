import type { ReactiveController, ReactiveControllerHost } from 'lit';

const WAKE = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'focusin'] as const;

/**
 * Optional idle auto-hide of the preview's controls (`idle-hide`, ms): after that long without
 * a pointer move, touch, key or focus change, the host gets an `ui-idle` attribute, which its
 * CSS uses to fade out the toolbar, caption, strip and arrows (they stay in the accessibility
 * tree and focusable). Any input brings them back at once; they never hide while keyboard focus
 * is on one of them. No render: only the attribute changes.
 */
export class IdleUiController implements ReactiveController {
  private _timer = 0;

  /** @param delay ms of inactivity before hiding (0: never). @param active whether the preview is shown. */
  constructor(private host: ReactiveControllerHost & HTMLElement, private delay: () => number, private active: () => boolean) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const t of WAKE) this.host.addEventListener(t, this.wake, { passive: true });
  }

  hostDisconnected(): void {
    for (const t of WAKE) this.host.removeEventListener(t, this.wake);
    clearTimeout(this._timer);
    this._timer = 0;
  }

  hostUpdated(): void {
    if (!this.active() || !(this.delay() > 0)) this._show(false);
    else if (!this._timer && !this.host.hasAttribute('ui-idle')) this._schedule();
  }

  /** Shows the controls and restarts the countdown. */
  wake = (): void => this._show(true);

  private _show(restart: boolean) {
    clearTimeout(this._timer);
    this._timer = 0;
    if (this.host.hasAttribute('ui-idle')) this.host.removeAttribute('ui-idle');
    if (restart) this._schedule();
  }

  private _schedule() {
    const d = this.delay();
    if (!(d > 0) || !this.active()) return;
    this._timer = window.setTimeout(() => {
      this._timer = 0;
      // Keyboard focus on a control (not the frame itself) keeps them shown.
      const a = this.host.shadowRoot?.activeElement;
      if (a && !a.classList.contains('frame')) return this._schedule();
      this.host.setAttribute('ui-idle', '');
    }, d);
  }
}
