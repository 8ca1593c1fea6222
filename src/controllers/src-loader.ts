import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { emit } from '../events/gallery-events.js';

/**
 * Loads items from a URL (`src`): a JSON array of items or a manifest `{items: [...]}`.
 * One request at a time: a new `src`, items set by the page, or removal aborts the pending one
 * (AbortController), so a late response never overwrites items the page set.
 */
export class SrcLoaderController implements ReactiveController {
  private _pending: AbortController | null = null;

  /**
   * @param onItems receives the list and the URL its relative URLs resolve against. A failure
   * is reported by the host: a console warning and an `item-error` with `index: -1`.
   */
  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private onItems: (list: unknown[], base: string) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Drops the pending request, if any: its response will be ignored. */
  abort(): void {
    this._pending?.abort();
    this._pending = null;
  }

  /** Fetches `url` (in the browser only: during server-side rendering the client loads it after hydration). */
  async load(url: string): Promise<void> {
    if (isServer) return;
    this.abort();
    const ctrl = (this._pending = new AbortController());
    try {
      const res = await fetch(url, { signal: ctrl.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const data: unknown = await res.json();
      if (ctrl.signal.aborted) return;
      const list = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items;
      if (!Array.isArray(list)) throw new Error('expected a JSON array of items or {"items": [...]}');
      this._pending = null;
      this.onItems(list, new URL(url, document.baseURI).href);
    } catch (err) {
      if (ctrl.signal.aborted) return;
      this._pending = null;
      const message = (err as Error).message;
      console.warn(`<${this.host.localName}>: could not load items from ${url}: ${message}`);
      emit(this.host, 'item-error', { index: -1, item: null, reason: `src: ${message}` });
    }
  }
}
