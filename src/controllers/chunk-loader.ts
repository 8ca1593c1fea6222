import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * A part of the host that is a chunk of its own (a dynamic `import()`: a file beside the CDN
 * entry; a bundler splits it likewise), loaded once the host wants it: the host renders again
 * when it has arrived, and its `updateComplete` waits for a load under way (`pending`). Never
 * loaded during server-side rendering (the client loads it on hydration). A failed load (the
 * network) is reported on the console and tried again the next time the host asks.
 *
 * @typeParam T what the loaded chunk gives the host (a module, or a controller built from one).
 */
export class ChunkLoader<T> implements ReactiveController {
  /** What the chunk gave, once loaded; `null` until then. */
  value: T | null = null;
  private _loading: Promise<void> | null = null;

  /**
   * @param wanted whether the host needs the chunk now.
   * @param get imports the chunk and makes what the host keeps of it.
   */
  constructor(private host: ReactiveControllerHost, private wanted: () => boolean, private get: () => Promise<T>) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the chunk (once) if it is wanted, or anyway with `force`. */
  load(force = false): Promise<void> {
    if (isServer || this.value || (!force && !this.wanted())) return Promise.resolve();
    return (this._loading ??= this.get().then(
      (v) => {
        this.value = v;
        this.host.requestUpdate();
      },
      (err) => {
        console.error('media-gallery: a chunk could not be loaded', err);
        this._loading = null;
      },
    ));
  }

  /** The load under way, if any (the host's `updateComplete` waits for it). */
  get pending(): Promise<void> | null {
    return this.value ? null : this._loading;
  }
}
