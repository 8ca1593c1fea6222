import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ChunkImport } from '../chunk-import.js';

/**
 * A part of the host that is a chunk of its own (a dynamic `import()`: a file beside the CDN
 * entry; a bundler splits it likewise), loaded once the host wants it: the host renders again
 * when it has arrived, and its `updateComplete` waits for a load under way (`pending`). Never
 * loaded during server-side rendering (the client loads it on hydration).
 *
 * A failed load (the network, a server error) is reported on the console and tried again after a
 * back-off (1 s, then 2, 4 … up to 60 s; see {@link retryable}): the host is asked to update when
 * the wait ends, while it is connected, and that update's `load()` makes the retry. A host asking
 * on every update (scrolling) costs no request in between. `load(true)` tries at once.
 *
 * @typeParam M what the chunk's import gives (see `retryable()`'s `get`).
 * @typeParam T what the host keeps of it (the module, or a controller built from it).
 */
export class ChunkLoader<M, T> implements ReactiveController {
  /** What the chunk gave, once loaded; `null` until then. */
  value: T | null = null;
  private _loading: Promise<void> | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param wanted whether the host needs the chunk now.
   * @param _import the chunk's import, made with `retryable()` once for all hosts (they share its retries).
   * @param make what the host keeps of what the import gives.
   */
  constructor(private host: ReactiveControllerHost, private wanted: () => boolean, private _import: ChunkImport<M>, private make: (m: M) => T) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.value && this._import.retryAt) this._schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
  }

  /** Loads the chunk (once) if it is wanted, or anyway with `force`; after a failure, not before its back-off ends unless forced. */
  load(force = false): Promise<void> {
    if (isServer || this.value || (!force && !this.wanted())) return this._loading ?? Promise.resolve();
    if (!force && Date.now() < this._import.retryAt) {
      if (!this._timer) this._schedule(); // once per wait, not on every update (scrolling)
      return Promise.resolve();
    }
    return (this._loading ??= this._import(force).then(
      (m) => {
        this.value = this.make(m);
        this.host.requestUpdate();
      },
      () => {
        this._loading = null;
        this._schedule();
      },
    ));
  }

  /** An update when the back-off ends: its `load()` tries again (a few ms early, it waits once more). */
  private _schedule(): void {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => {
      this._timer = undefined;
      this.host.requestUpdate();
    }, this._import.retryAt - Date.now());
  }

  /** The load under way, if any (the host's `updateComplete` waits for it). */
  get pending(): Promise<void> | null {
    return this.value ? null : this._loading;
  }
}
