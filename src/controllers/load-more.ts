import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the load-more gate reads from its host. */
export interface LoadMorePort {
  hasMore(): boolean;
  /** How many items the host holds now. */
  count(): number;
  /** Fires the public `load-more` event. */
  fire(count: number): void;
  /** A pending request was answered with `added` more items (announce them). */
  loaded?(added: number): void;
}

/**
 * The gate in front of `load-more`: one request until `items` grows or `has-more` changes,
 * a busy button meanwhile, and (with `infinite-scroll` only: the host renders the sentinel
 * then) a sentinel near the end of the grid that asks when it scrolls into view (within 400 px).
 */
export class LoadMoreController implements ReactiveController {
  /** Whether a `load-more` is pending (the button shows busy). */
  pending = false;
  private _countAtRequest = -1;
  private _io?: IntersectionObserver;
  private _target: Element | null = null;
  private _root: Element | null = null;

  constructor(private host: ReactiveControllerHost, private port: LoadMorePort) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this._io?.disconnect();
    this._io = undefined;
    this._target = null;
  }

  /** Asks for more: fires `load-more` unless one is pending or there is no more. */
  request = (): void => {
    const p = this.port;
    if (!p.hasMore() || this.pending) return;
    this.pending = true;
    this._countAtRequest = p.count();
    this.host.requestUpdate();
    p.fire(p.count());
  };

  /** How many items there were at the last request (-1: none yet): the first new item's index. */
  get requestedAt(): number {
    return this._countAtRequest;
  }

  /** The items changed: a grown list (or `has-more` off) ends the pending request. */
  itemsChanged(): void {
    const added = this.port.count() - this._countAtRequest;
    if (!this.pending || (added <= 0 && this.port.hasMore())) return;
    this.pending = false;
    if (added > 0) this.port.loaded?.(added);
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
    if (this._io && this._target === sentinel && this._root === root) return;
    this._io?.disconnect();
    this._target = sentinel;
    this._root = root;
    this._io = new IntersectionObserver((entries) => {
      if (entries.some((x) => x.isIntersecting) && this.port.count()) this.request();
    }, { root, rootMargin: '0px 0px 400px 0px' });
    this._io.observe(sentinel);
  }
}
