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
  private ro?: ResizeObserver;
  private raf = 0;
  private scroller: HTMLElement | null = null;
  private content: HTMLElement | null = null;
  /** The band that was rendered (with overscan); the host sets it after each render. */
  rendered = { top: 0, bottom: -1 };

  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // Measure in the next frame, not inside the observer callback, so a re-layout that
    // changes sizes does not trigger "ResizeObserver loop" errors.
    this.ro = new ResizeObserver(() => this.schedule(true));
    this.ro.observe(this.host);
    window.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
  }

  hostDisconnected(): void {
    this.ro?.disconnect();
    this.ro = undefined;
    window.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    cancelAnimationFrame(this.raf);
  }

  /** Sets the elements to watch: `scroller` when the gallery scrolls inside, else `null` (the page). */
  observe(content: HTMLElement | null, scroller: HTMLElement | null): void {
    if (content && content !== this.content) {
      if (this.content) this.ro?.unobserve(this.content);
      this.content = content;
      this.ro?.observe(content);
    }
    if (scroller !== this.scroller) {
      this.scroller?.removeEventListener('scroll', this.onScroll);
      this.scroller = scroller;
      scroller?.addEventListener('scroll', this.onScroll, { passive: true });
    }
  }

  get scrollElement(): HTMLElement | null {
    return this.scroller;
  }

  private force = false;

  private schedule(force: boolean) {
    this.force ||= force;
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      const f = this.force;
      this.force = false;
      this.measure(f);
    });
  }

  private onScroll = () => this.schedule(false);

  /** Reads the layout now; asks for an update when needed (or always with `force`). */
  measure(force: boolean): void {
    const c = this.content;
    if (!c) return;
    const width = c.clientWidth;
    let top: number, bottom: number, viewport: number;
    if (this.scroller) {
      const s = this.scroller;
      top = s.scrollTop - (c.offsetParent === s ? c.offsetTop : 0);
      viewport = s.clientHeight;
      bottom = top + viewport;
    } else {
      const r = c.getBoundingClientRect();
      viewport = window.innerHeight;
      top = -r.top;
      bottom = viewport - r.top;
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
