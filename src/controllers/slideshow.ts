import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the slideshow reads from and does to the preview. */
export interface SlideshowOptions {
  /** Interval in ms (0: no slideshow). */
  interval(): number;
  /** How many items there are. */
  count(): number;
  /** Something else holds the view (zoomed in): wait. */
  held(): boolean;
  /** Moves to the next item; `false` at the end (no loop): the slideshow stops. */
  advance(): boolean;
  /** The shadow root, to see where keyboard focus is. */
  root(): ShadowRoot | null;
}

/**
 * The preview's autoplay: advances every `interval` ms while playing, and waits while the page
 * is hidden, the pointer is over the stage, keyboard focus is on another control than the
 * frame and the play button (the strip, a toolbar button, a video), or the image is zoomed.
 */
export class SlideshowController implements ReactiveController {
  /** Whether the slideshow runs. */
  playing = false;
  private _timer = 0;
  private _hovering = false;
  private _focusHeld = false;

  constructor(private host: ReactiveControllerHost, private o: SlideshowOptions) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.schedule);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.schedule);
    clearTimeout(this._timer);
  }

  /** (Re)starts the wait for the next advance; call after every move and state change. */
  schedule = (): void => {
    clearTimeout(this._timer);
    if (!this.playing || !this.o.interval() || this.o.count() < 2) return;
    if (document.hidden || this._hovering || this._focusHeld || this.o.held()) return;
    this._timer = window.setTimeout(() => {
      if (!this.o.advance()) this.stop();
      this.schedule();
    }, Math.max(500, this.o.interval()));
  };

  toggle = (): void => {
    this.playing = !this.playing;
    this.host.requestUpdate();
    void this.host.updateComplete.then(this.schedule);
  };

  stop(): void {
    if (!this.playing) return;
    this.playing = false;
    clearTimeout(this._timer);
    this.host.requestUpdate();
  }

  hover(on: boolean): void {
    this._hovering = on;
    this.schedule();
  }

  /**
   * Focus moved inside the preview. Read from the shadow root's active element once focus has
   * settled, since focusout arrives with no related target in some browsers (Firefox) even
   * when focus stays inside.
   */
  focusChanged = (): void => {
    setTimeout(() => {
      const a = this.o.root()?.activeElement as HTMLElement | null | undefined;
      const held = !!a && !a.classList.contains('frame') && !a.hasAttribute('data-slideshow');
      if (held !== this._focusHeld) {
        this._focusHeld = held;
        this.schedule();
      }
    });
  };
}
