import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Widest preview (px) whose toolbar collapses into the More actions disclosure. */
export const NARROW = 480;

/**
 * The preview's width (a ResizeObserver on its frame, re-observed when a new frame renders):
 * at `NARROW` px or less the toolbar keeps Close and a More actions button, and the other
 * buttons show under it when expanded (a disclosure). Collapses on widening or on request.
 */
export class OverflowController implements ReactiveController {
  narrow = false;
  expanded = false;
  private _el: Element | null = null;
  private _ro?: ResizeObserver;

  constructor(private host: ReactiveControllerHost, private frame: () => Element | null) {
    host.addController(this);
  }

  hostUpdated(): void {
    const f = this.frame();
    const el = f?.isConnected ? f : null;
    if (el === this._el) return;
    if (this._el) this._ro?.unobserve(this._el);
    this._el = el;
    if (!el) return;
    // The observer reports after layout and before paint: the first frame is drawn narrow already.
    (this._ro ??= new ResizeObserver((e) => this._width(e[e.length - 1].contentRect.width))).observe(el);
  }

  hostDisconnected(): void {
    this._ro?.disconnect();
    this._ro = undefined;
    this._el = null;
  }

  toggle = (): void => {
    this.expanded = !this.expanded;
    this.host.requestUpdate();
  };

  /** Collapses; `true` when it was expanded. */
  collapse(): boolean {
    if (!this.expanded) return false;
    this.expanded = false;
    this.host.requestUpdate();
    return true;
  }

  private _width(w: number) {
    const narrow = w > 0 && w <= NARROW;
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    this.expanded = false;
    this.host.requestUpdate();
  }
}
