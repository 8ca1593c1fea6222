/**
 * Private requests from a part (a tile, the preview) to its host. They bubble inside the
 * host's shadow root only (`composed: false`), so a page never sees them. The host answers
 * synchronously: it sets `handled`, dispatches the one public event, and sets `accepted`
 * to `false` when a listener cancelled it. A part that nobody handled is standalone and acts
 * as its own host.
 */
import type { GalleryItem } from '../model/items.js';

/** What a part asks its host to do, with the data each request carries. */
export interface RequestData {
  /** A tile was activated (click, Enter, Space). */
  activate: Record<string, never>;
  /** The preview moves to `index` (arrows, swipe, strip, slideshow). */
  go: Record<string, never>;
  /** The user closed the modal preview. */
  close: Record<string, never>;
  like: { liked: boolean | null };
  favorite: { favorite: boolean };
  edit: Record<string, never>;
  action: Record<string, never>;
  /** Asks leave to download; the part downloads when accepted. */
  download: Record<string, never>;
  /** Asks leave to share; the part shares when accepted. */
  share: Record<string, never>;
  delete: Record<string, never>;
  /** Upload mode: the tile's caption button asks for the inline caption editor. */
  caption: Record<string, never>;
  /** The item's media failed to load. */
  'media-error': Record<string, never>;
  /** The item's media loaded with this natural size (px). */
  'media-size': { width: number; height: number };
}

export type RequestAction = keyof RequestData;

export const REQUEST = 'gallery-request';

/** One request; `index` and `item` are the part's view of the item it acts on. */
export class GalleryRequest<A extends RequestAction = RequestAction> extends Event {
  /** Set by the host that took the request. */
  handled = false;
  /** `false` when the host's public event was cancelled: the part reverts. */
  accepted = true;
  constructor(
    readonly action: A,
    readonly index: number,
    readonly item: GalleryItem,
    readonly data: RequestData[A],
  ) {
    super(REQUEST, { bubbles: true, composed: false });
  }
}

/** Sends a request from `part` and returns it, answered. */
export function sendRequest<A extends RequestAction>(part: Element, action: A, index: number, item: GalleryItem, data: RequestData[A]): GalleryRequest<A> {
  const r = new GalleryRequest(action, index, item, data);
  part.dispatchEvent(r);
  return r;
}
