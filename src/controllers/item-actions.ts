import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GalleryItem } from '../model/items.js';
import type { GalleryStore } from '../model/store.js';
import { emit, type GalleryEventDetails, type GalleryEventName } from '../events/gallery-events.js';
import { REQUEST, type GalleryRequest } from '../events/requests.js';

/** The host state the actions read and change. */
export interface ItemActionsHost extends ReactiveControllerHost, HTMLElement {
  allowPreview: boolean;
  preview: boolean;
  selectedIndex: number | null;
  readonly layout: string;
  requestUpdate(name?: PropertyKey): void;
  /** Requests bubble up to the shadow root, not past it: they are heard there. */
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the actions do beyond the host's public state. */
export interface ItemActionsPort {
  /** Gives the grid's tab stop to `index`; with `focus`, moves keyboard focus there too. */
  rove(index: number, focus: boolean): void;
  /** The user deleted `item` from position `index` of `total` (announce it). */
  removed?(item: GalleryItem, index: number, total: number): void;
}

/**
 * The host's side of the parts' private requests: the one place that dispatches the public
 * event of a user action (once, from the host), and applies it to the store and the selection
 * unless a listener, in any phase, cancelled it.
 */
export class ItemActionsController implements ReactiveController {
  constructor(private host: ItemActionsHost, private store: GalleryStore, private port: ItemActionsPort) {
    host.addController(this);
  }

  private _root: EventTarget | null = null;

  hostConnected(): void {
    this._root = this.host.renderRoot;
    this._root.addEventListener(REQUEST, this._onRequest as EventListener);
  }

  hostDisconnected(): void {
    this._root?.removeEventListener(REQUEST, this._onRequest as EventListener);
    this._root = null;
  }

  private _emit<K extends GalleryEventName>(type: K, detail: GalleryEventDetails[K]): boolean {
    return emit(this.host, type, detail);
  }

  private _onRequest = (r: GalleryRequest) => {
    const part = r.target as Element;
    r.handled = true;
    const fromPreview = part.localName === 'gallery-preview';
    const { index } = r;
    const item = this.store.at(index);
    if (!item) return void (r.accepted = false);
    const at = { index, item };
    let ok = true;
    switch (r.action) {
      case 'activate': ok = this._activate(index, item); break;
      case 'go':
        ok = this._emit('select', { ...at, selected: true });
        if (ok) {
          this.host.selectedIndex = index;
          this.port.rove(index, false);
        }
        break;
      case 'close': this.close(); break;
      case 'like':
      case 'favorite': {
        const d = r.data as { liked?: boolean | null; favorite?: boolean };
        const next = { ...item, ...d };
        ok = r.action === 'like' ? this._emit('like', { index, item: next, liked: d.liked ?? null }) : this._emit('favorite', { index, item: next, favorite: !!d.favorite });
        if (ok) this._changed(() => this.store.replace(index, next));
        break;
      }
      case 'delete': ok = this._remove(index, item, !fromPreview); break;
      case 'media-error':
        // A recycled tile that fails again for the same item reports nothing new.
        if (fromPreview || this.store.fail(index)) this._emit('item-error', { ...at, reason: 'load' });
        break;
      case 'media-size': {
        const { width, height } = r.data as { width: number; height: number };
        if (this.host.layout !== 'grid' && this.store.learnRatio(index, width, height)) this.host.requestUpdate();
        break;
      }
      case 'caption': ok = false; break; // answered by the editing controller, in upload mode only
      default: ok = this._emit(r.action, at);
    }
    r.accepted = ok;
  };

  private _changed(change: () => void) {
    change();
    this.host.requestUpdate('items');
  }

  private _activate(index: number, item: GalleryItem): boolean {
    const h = this.host;
    this.port.rove(index, false);
    if (h.allowPreview) {
      if (!this._emit('select', { index, item, selected: true })) return false;
      h.selectedIndex = index;
      h.preview = true;
      this._emit('preview-open', { index, item });
      return true;
    }
    const selected = h.selectedIndex !== index;
    if (!this._emit('select', { index, item, selected })) return false;
    h.selectedIndex = selected ? index : null;
    return true;
  }

  /** Escape in the grid without a preview clears the selection (cancelable). */
  clearSelection(): void {
    const h = this.host;
    const sel = h.selectedIndex;
    const item = sel != null ? this.store.at(sel) : undefined;
    if (sel == null || h.allowPreview || !item) return;
    if (this._emit('select', { index: sel, item, selected: false })) h.selectedIndex = null;
  }

  /** The user closed the preview (close button, Escape, swipe, Back): fires `preview-close`; focus returns to the tile. */
  close(): void {
    const h = this.host;
    const index = h.selectedIndex ?? 0;
    h.preview = false;
    this._emit('preview-close', { index });
    this.port.rove(index, true);
  }

  private _remove(index: number, item: GalleryItem, fromTile: boolean): boolean {
    if (!this._emit('delete', { index, item })) return false;
    const hadFocus = fromTile && this.host.matches(':focus-within');
    const total = this.store.length;
    this._changed(() => this.store.remove(index));
    this.port.removed?.(item, index, total);
    // Deleted in the preview: it shows the neighbour. (Blob URLs of uploads are revoked by the host's registry.)
    if (!fromTile && this.host.selectedIndex != null && this.store.length) this.host.selectedIndex = Math.min(index, this.store.length - 1);
    this._emit('change', { items: this.store.items as GalleryItem[] });
    if (hadFocus && this.store.length) this.port.rove(Math.min(index, this.store.length - 1), true);
    return true;
  }
}
