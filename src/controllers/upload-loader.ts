import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { UploadMode } from './upload-mode.js';

type UploadModule = typeof import('./upload-mode.js');

/**
 * Upload mode (the inputs, webcam, server upload, editing and the form control) is a chunk of
 * its own: a gallery that is only shown never loads it. It loads once `interactive` or `name`
 * is set, or when the browser hands the element a form callback.
 */
export class UploadLoader implements ReactiveController {
  /** Upload mode, once loaded. */
  mode: UploadMode | null = null;
  private _loading: Promise<void> | null = null;

  /**
   * @param wanted whether the host needs upload mode now.
   * @param make builds upload mode for the host from the loaded module.
   */
  constructor(private host: ReactiveControllerHost, private wanted: () => boolean, private make: (m: UploadModule) => UploadMode) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads upload mode (once) if it is wanted, or anyway with `force`; never during server-side rendering (the client loads it on hydration). */
  load(force = false): Promise<void> {
    if (isServer || this.mode || (!force && !this.wanted())) return Promise.resolve();
    return (this._loading ??= import('./upload-mode.js').then((m) => {
      this.mode = this.make(m);
      this.host.requestUpdate();
    }));
  }

  /** The load under way, if any (the host's `updateComplete` waits for it). */
  get pending(): Promise<void> | null {
    return this.mode ? null : this._loading;
  }
}
