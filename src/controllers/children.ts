import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { itemsFromChildren } from '../model/items.js';

/**
 * Reads items from the host's light-DOM children (`<img>`, `<video>`, `<a><img></a>`,
 * `<gallery-thumb>`) while `active()` says so (neither `items` nor `src` set), and again when
 * they change.
 */
export class ChildrenController implements ReactiveController {
  private _mo?: MutationObserver;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private active: () => boolean,
    private onItems: (inputs: unknown[]) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.active()) return;
    this._read();
    this._mo = new MutationObserver(() => this.active() && this._read());
    this._mo.observe(this.host, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'href', 'alt', 'title', 'data-caption', 'poster'] });
  }

  hostDisconnected(): void {
    this._mo?.disconnect();
    this._mo = undefined;
  }

  private _read() {
    this.onItems(itemsFromChildren(this.host));
  }
}
