import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onPlaceholdersReady } from '../placeholder.js';

/**
 * Renders the host again once the ThumbHash decoder has arrived (it is a chunk of its own, see
 * `src/placeholder.ts`), so placeholders that rendered empty before then appear. Waits only
 * while the host is connected; a host that was away when it arrived renders on its return.
 */
export class PlaceholdersController implements ReactiveController {
  private _off: (() => void) | null = null;
  private _missed = false;

  constructor(protected host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this._off = onPlaceholdersReady(() => {
      this._off = null;
      this.host.requestUpdate();
    });
    if (!this._off && this._missed) this.host.requestUpdate();
    this._missed = false;
  }

  hostDisconnected(): void {
    this._off?.();
    this._missed = !!this._off;
    this._off = null;
  }
}
