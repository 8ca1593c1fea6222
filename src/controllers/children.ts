import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { itemsFromChildren } from '../model/items.js';

/** Every attribute `itemsFromChildren` reads: a change to one of them reads the children again. */
const CHILD_ATTRIBUTES = ['src', 'href', 'alt', 'title', 'data-caption', 'caption', 'poster', 'type', 'width', 'height', 'srcset', 'sizes', 'download'];

/**
 * Reads items from the host's light-DOM children (`<img>`, `<video>`, `<a><img></a>`,
 * `<gallery-thumb>`) while `active()` says so (neither `items` nor `src` set), and again when
 * they change.
 *
 * Server-side rendering (@lit-labs/ssr) renders the shadow root before the children, so the
 * server's HTML has no item from them. A host hydrating that HTML first renders as the server
 * did (no items from children, so the markup matches), and the children are read right after
 * that first update. `pending` is true meanwhile (and on the server): the host can keep its
 * default slot visible then, so the children show until the grid replaces them.
 */
export class ChildrenController implements ReactiveController {
  private _mo?: MutationObserver;
  private _deferred = false;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private active: () => boolean,
    private onItems: (inputs: unknown[]) => void,
  ) {
    host.addController(this);
  }

  /** Items may still come from the children: on the server, and while a hydrating host waits for its first update. */
  get pending(): boolean {
    return (isServer || this._deferred) && this.active();
  }

  hostConnected(): void {
    if (!this.active()) return;
    // A declarative shadow root with content before the first update: server-rendered HTML to hydrate.
    const hydrating = !(this.host as { hasUpdated?: boolean }).hasUpdated && !!this.host.shadowRoot?.firstChild;
    if (hydrating) this._deferred = true;
    else this._read();
    this._mo = new MutationObserver(() => this.active() && this._read());
    this._mo.observe(this.host, { childList: true, subtree: true, attributes: true, attributeFilter: CHILD_ATTRIBUTES });
  }

  hostUpdated(): void {
    if (!this._deferred) return;
    this._deferred = false;
    if (this.active()) this._read();
    // No children, so no items set: the host still renders again, now without the open slot.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this._mo?.disconnect();
    this._mo = undefined;
  }

  private _read() {
    this.onItems(itemsFromChildren(this.host));
  }
}
