import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { moveRows, type Layout } from '../layout.js';
import type { GalleryItem } from '../model/items.js';
import type { GalleryStore } from '../model/store.js';
import { emit } from '../events/gallery-events.js';
import { REQUEST, sendRequest, type GalleryRequest } from '../events/requests.js';

export interface EditingPort {
  /** Upload mode, not disabled: the list may be edited. */
  enabled(): boolean;
  indexFromEvent(e: Event): number;
  layout(): Layout;
  rtl(): boolean;
  /** The rendered tile of item `i`. */
  tile(i: number): HTMLElement | undefined;
  /** Moves the tab stop and keyboard focus to item `i` (revealing it). */
  focus(i: number): void;
  announce(text: string): void;
  /** `Moved {item} to position {n} of {total}`. */
  movedText(item: GalleryItem, n: number, total: number): string;
  /** Announced after a caption edit. */
  captionSaved(): string;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; requestUpdate(name?: PropertyKey): void };

/**
 * Editing the list in upload mode, from the keyboard and the tiles' buttons: Alt+Arrow keys
 * move the focused tile (RTL-aware; Alt+Up/Down by a row), Delete deletes it, F2 or its
 * caption button opens the inline caption editor (Enter commits, Escape cancels, focus returns
 * to the tile). Each edit fires `change {items}` and is announced. (Pointer drags: drag-reorder.ts.)
 */
export class EditingController implements ReactiveController {
  /** The item whose caption is being edited, or -1. */
  captionIndex = -1;

  constructor(private host: Host, private store: GalleryStore, private port: EditingPort) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('keydown', this._onKey as EventListener, true);
    // Before the item actions hear it (they are bubble listeners on the same root).
    this.host.renderRoot.addEventListener(REQUEST, this._onRequest as EventListener, true);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('keydown', this._onKey as EventListener, true);
    this.host.renderRoot.removeEventListener(REQUEST, this._onRequest as EventListener, true);
  }

  /** Moves item `from` to position `to`: `change`, an announcement, focus follows. */
  move = (from: number, to: number, focus = true): void => {
    const n = this.store.length;
    to = Math.min(n - 1, Math.max(0, to));
    if (from === to || !this.store.at(from)) return;
    const list = this.store.items.slice();
    const [it] = list.splice(from, 1);
    list.splice(to, 0, it);
    this.store.replaceAll(list);
    this.host.requestUpdate('items');
    emit(this.host, 'change', { items: this.store.items as GalleryItem[] });
    this.port.announce(this.port.movedText(it, to + 1, n));
    if (focus) this.port.focus(to);
  };

  /** Opens the caption editor on item `i`. */
  editCaption(i: number): void {
    if (!this.port.enabled() || !this.store.at(i)) return;
    this.captionIndex = i;
    this.host.requestUpdate();
  }

  /** Ends the caption edit (`null`: cancelled): a new value fires `change`; focus returns to the tile. */
  endCaption = (value: string | null): void => {
    const i = this.captionIndex;
    if (i < 0) return;
    this.captionIndex = -1;
    const it = this.store.at(i);
    this.host.requestUpdate();
    if (it && value != null && value !== (it.caption ?? '')) {
      this.store.replace(i, { ...it, caption: value });
      this.host.requestUpdate('items');
      emit(this.host, 'change', { items: this.store.items as GalleryItem[] });
      this.port.announce(this.port.captionSaved());
    }
    this.port.focus(i);
  };

  /** After a render with the caption editor: focus it, text selected. */
  hostUpdated(): void {
    if (this.captionIndex < 0) return;
    const input = (this.host.renderRoot as ParentNode).querySelector<HTMLInputElement>('.caption-editor');
    if (input && input !== (this.host.renderRoot as ShadowRoot).activeElement) {
      input.focus();
      input.select();
    }
  }

  /** A tile's caption button. */
  private _onRequest = (r: GalleryRequest) => {
    if (r.action !== 'caption') return;
    r.stopImmediatePropagation();
    r.handled = true;
    r.accepted = this.port.enabled();
    this.editCaption(r.index);
  };

  private _onKey = (e: KeyboardEvent) => {
    if (!this.port.enabled() || this.captionIndex >= 0) return;
    const i = this.port.indexFromEvent(e);
    if (i < 0 || (e.composedPath()[0] as Element).closest?.('.actions')) return;
    if (e.key === 'Delete' && !e.altKey) {
      e.preventDefault();
      const t = this.port.tile(i), item = this.store.at(i);
      if (t && item) sendRequest(t, 'delete', i, item, {});
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      return this.editCaption(i);
    }
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const rtl = this.port.rtl();
    const l = this.port.layout();
    let to: number;
    switch (e.key) {
      case 'ArrowRight': to = i + (rtl ? -1 : 1); break;
      case 'ArrowLeft': to = i + (rtl ? 1 : -1); break;
      case 'ArrowDown': to = moveRows(l, i, 1); break;
      case 'ArrowUp': to = moveRows(l, i, -1); break;
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
    this.move(i, to);
  };
}
