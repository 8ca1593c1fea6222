import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Observes what part of a virtualized list is on screen: the content element's width (a
 * ResizeObserver) and the scrolled band, either of an inner scroller (when the gallery has a
 * height) or of the page. Asks the host to update, at most once a frame, only when the band
 * has moved past the rendered overscan.
 */
export class ViewportController implements ReactiveController {
  /** Content width, px. */
  width = 0;
  /** Visible band in content coordinates, px. */
  top = 0;
  bottom = 0;
  /** Viewport height, px (the scroller's or the window's). */
  viewport = 0;
  /**
   * How fast the band moves, px per ms: between the last two measures a scroll caused (a
   * layout shift or a resize does not count), 0 when they were 250 ms or more apart.
   */
  speed = 0;
  /** When the last measure a scroll caused ran (performance.now()). */
  scrolledAt = -Infinity;
  /** `top` at that measure: another measure in between (a render's, a resize's) may already have read the new position. */
  private _scrolledTop = 0;
  private _scrolled = false;
  private _ro?: ResizeObserver;
  private _raf = 0;
  private _scroller: HTMLElement | null = null;
  private _content: HTMLElement | null = null;
  /** The band that was rendered (with overscan); the host sets it after each render. */
  rendered = { top: 0, bottom: -1 };

  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // Measure in the next frame, not inside the observer callback, so a re-layout that
    // changes sizes does not trigger "ResizeObserver loop" errors.
    this._ro = new ResizeObserver(() => this._schedule(true));
    this._ro.observe(this.host);
    window.addEventListener('scroll', this._onScroll, { passive: true, capture: true });
    window.addEventListener('resize', this._onScroll, { passive: true });
  }

  hostDisconnected(): void {
    this._ro?.disconnect();
    this._ro = undefined;
    window.removeEventListener('scroll', this._onScroll, { capture: true });
    window.removeEventListener('resize', this._onScroll);
    cancelAnimationFrame(this._raf);
  }

  /** Sets the elements to watch: `scroller` when the gallery scrolls inside, else `null` (the page). */
  observe(content: HTMLElement | null, scroller: HTMLElement | null): void {
    if (content && content !== this._content) {
      if (this._content) this._ro?.unobserve(this._content);
      this._content = content;
      this._ro?.observe(content);
    }
    if (scroller !== this._scroller) {
      this._scroller?.removeEventListener('scroll', this._onScroll);
      this._scroller = scroller;
      scroller?.addEventListener('scroll', this._onScroll, { passive: true });
    }
  }

  get scrollElement(): HTMLElement | null {
    return this._scroller;
  }

  private _force = false;

  private _schedule(force: boolean) {
    this._force ||= force;
    if (this._raf) return;
    this._raf = requestAnimationFrame(() => {
      this._raf = 0;
      const f = this._force, scrolled = this._scrolled;
      this._force = this._scrolled = false;
      this.measure(f, scrolled);
    });
  }

  private _onScroll = (e: Event) => {
    if (e.type === 'scroll') this._scrolled = true;
    this._schedule(false);
  };

  /** Reads the layout now; asks for an update when needed (or always with `force`). `scrolled`: a scroll caused it (`speed`). */
  measure(force: boolean, scrolled = false): void {
    const c = this._content;
    if (!c) return;
    const width = c.clientWidth;
    let top: number, bottom: number, viewport: number;
    if (this._scroller) {
      const s = this._scroller;
      top = s.scrollTop - (c.offsetParent === s ? c.offsetTop : 0);
      // An empty gallery's scroller is shut (0 px): the first items fill the height it is given
      // (a px height, at most the window's), else up to a window's height.
      const given = s.style.height.endsWith('px') ? parseFloat(s.style.height) : 0;
      viewport = s.clientHeight || (given > 0 ? Math.min(given, window.innerHeight) : window.innerHeight);
      bottom = top + viewport;
    } else {
      const r = c.getBoundingClientRect();
      viewport = window.innerHeight;
      top = -r.top;
      bottom = viewport - r.top;
    }
    if (scrolled) {
      const now = performance.now(), dt = now - this.scrolledAt;
      this.speed = dt < 250 ? Math.abs(top - this._scrolledTop) / Math.max(dt, 1000 / 60) : 0;
      this.scrolledAt = now;
      this._scrolledTop = top;
    }
    const moved = top < this.rendered.top || bottom > this.rendered.bottom;
    const changed = width !== this.width || viewport !== this.viewport;
    this.width = width;
    this.top = top;
    this.bottom = bottom;
    this.viewport = viewport;
    if (force || moved || changed) this.host.requestUpdate();
  }
}
