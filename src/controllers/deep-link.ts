import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What deep links read from and do to their host. */
export interface DeepLinkHost extends ReactiveControllerHost, HTMLElement {
  /** The `history` attribute: deep links on. */
  readonly history: boolean;
  readonly preview: boolean;
  readonly selectedIndex: number | null;
}

/** What deep links do to their host beyond its public API. */
export interface DeepLinkPort {
  /** How many items there are. */
  count(): number;
  /** Opens the preview at `index` (no event: the URL asked for it). */
  open(index: number): void;
  /** Closes the preview because the user went Back: fires `preview-close`. */
  closedByHistory(): void;
}

/**
 * Deep links: while the preview shows item i, the URL's hash is `#gallery-<id>-<i+1>`.
 * Opening pushes a history entry, moving replaces it, Back closes the preview, closing
 * removes the hash, and a hash present on load (or on Forward) opens that item.
 */
export class DeepLinkController implements ReactiveController {
  private _pushed = false;

  constructor(private host: DeepLinkHost, private port: DeepLinkPort) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this._onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this._onPopState);
  }

  private get _prefix() {
    return `#gallery-${this.host.id || 'media'}-`;
  }

  /** Opens the item the URL names, if any (after the items arrive). */
  openFromHash(): void {
    const h = this.host;
    if (!h.history || h.preview || !location.hash.startsWith(this._prefix)) return;
    const i = Number(location.hash.slice(this._prefix.length)) - 1;
    if (Number.isInteger(i) && i >= 0 && i < this.port.count()) {
      this.port.open(i);
      this._pushed = false;
    }
  }

  /** Brings the URL in line with the preview after an update. */
  sync(wasOpen: boolean | undefined): void {
    const h = this.host;
    if (!h.history) return;
    const hash = `${this._prefix}${(h.selectedIndex ?? 0) + 1}`;
    if (h.preview) {
      if (location.hash === hash) return;
      if (location.hash.startsWith(this._prefix)) history.replaceState(history.state, '', hash);
      else {
        history.pushState({ mediaGallery: h.id || 'media' }, '', hash);
        this._pushed = true;
      }
    } else if (wasOpen && location.hash.startsWith(this._prefix)) {
      if (this._pushed) history.back();
      else history.replaceState(history.state, '', location.pathname + location.search);
      this._pushed = false;
    }
  }

  private _onPopState = () => {
    const h = this.host;
    if (!h.history) return;
    const ours = location.hash.startsWith(this._prefix);
    if (h.preview && !ours) {
      this._pushed = false;
      this.port.closedByHistory();
    } else if (!h.preview && ours) {
      this.openFromHash();
    }
  };
}
