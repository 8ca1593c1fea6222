import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the load-more gate reads from its host. */
export interface LoadMorePort {
  hasMore(): boolean;
  /** How many items the host holds now. */
  count(): number;
  /** Fires the public `load-more` event. */
  fire(count: number): void;
}

/**
 * The gate in front of `load-more`: one request until `items` grows or `has-more` changes,
 * a busy button meanwhile, and a sentinel near the end of the grid that asks when it scrolls
 * into view (within 400 px).
 */
export class LoadMoreController implements ReactiveController {
  /** Whether a `load-more` is pending (the button shows busy). */
  pending = false;
  private countAtRequest = -1;
  private io?: IntersectionObserver;
  private target: Element | null = null;
  private root: Element | null = null;

  constructor(private host: ReactiveControllerHost, private port: LoadMorePort) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.io?.disconnect();
    this.io = undefined;
    this.target = null;
  }

  /** Asks for more: fires `load-more` unless one is pending or there is no more. */
  request = (): void => {
    const p = this.port;
    if (!p.hasMore() || this.pending) return;
    this.pending = true;
    this.countAtRequest = p.count();
    this.host.requestUpdate();
    p.fire(p.count());
  };

  /** The items changed: a grown list (or `has-more` off) ends the pending request. */
  itemsChanged(): void {
    if (this.pending && (this.port.count() > this.countAtRequest || !this.port.hasMore())) this.pending = false;
  }

  /** `has-more` changed: whatever was pending is answered. */
  hasMoreChanged(): void {
    this.pending = false;
  }

  /** Watches `sentinel` (null: none rendered) inside `root` (null: the page). */
  observe(sentinel: Element | null, root: Element | null): void {
    if (!sentinel || !this.port.hasMore()) {
      this.hostDisconnected();
      return;
    }
    if (this.io && this.target === sentinel && this.root === root) return;
    this.io?.disconnect();
    this.target = sentinel;
    this.root = root;
    this.io = new IntersectionObserver((entries) => {
      if (entries.some((x) => x.isIntersecting) && this.port.count()) this.request();
    }, { root, rootMargin: '0px 0px 400px 0px' });
    this.io.observe(sentinel);
  }
}
