/**
 * Every public event of the contract: one detail type per event, the event maps, and the one
 * factory that builds them. All are `CustomEvent`s that bubble and are composed; only a host
 * element (`<media-gallery>`, or a standalone `<gallery-thumb>` / `<gallery-preview>`)
 * dispatches them, once per user action. Parts talk to their host through the private
 * requests of `./requests.ts`, never through these.
 */
import type { GalleryItem } from '../model/items.js';

/** `{index, item}`: the item acted on and its position in the gallery (0-based). */
export interface ItemDetail { index: number; item: GalleryItem }
/** `select`: `selected: false` when the selection is cleared. */
export interface SelectDetail extends ItemDetail { selected: boolean }
/** `preview-close`: the index shown when the preview closed. */
export interface PreviewCloseDetail { index: number }
/** `like`: `true` liked, `false` disliked, `null` neither. `item` carries the new value. */
export interface LikeDetail extends ItemDetail { liked: boolean | null }
/** `favorite`: the new value; `item` carries it too. */
export interface FavoriteDetail extends ItemDetail { favorite: boolean }
/** `load-more`: how many items the gallery holds now. */
export interface LoadMoreDetail { count: number }
/** `upload`: the accepted files and the items made for them. */
export interface UploadDetail { files: File[]; items: GalleryItem[] }
/** Why an upload was refused. */
export type UploadErrorReason = 'type' | 'size' | 'count' | 'read' | 'network' | 'camera';
/** `upload-error`: the refused file (`null` for a camera or clipboard failure) and why. */
export interface UploadErrorDetail { file: File | null; reason: UploadErrorReason }
/** `change`: the whole list after a user edit (upload, delete, reorder, caption). */
export interface ChangeDetail { items: GalleryItem[] }
/**
 * `item-error`: media failed to load (`reason: 'load'`, `item` set), or an input was invalid
 * (`item: null`, `index` is its position in the input, `input` the value, `reason` says why).
 */
export interface ItemErrorDetail { index: number; item: GalleryItem | null; reason: string; input?: unknown; /** Only on the summary event after {@link MAX_ITEM_ERRORS}: how many more were skipped. */ count?: number }
/** `clear`: the user cleared an upload gallery. */
export type ClearDetail = Record<string, never>;
/** `stream`: one webcam frame. */
export interface StreamDetail { blob: Blob; width: number; height: number }

/** Event name → detail type, for every public event. */
export interface GalleryEventDetails {
  select: SelectDetail;
  'preview-open': ItemDetail;
  'preview-close': PreviewCloseDetail;
  like: LikeDetail;
  favorite: FavoriteDetail;
  edit: ItemDetail;
  action: ItemDetail;
  'load-more': LoadMoreDetail;
  download: ItemDetail;
  share: ItemDetail;
  upload: UploadDetail;
  'upload-error': UploadErrorDetail;
  delete: ItemDetail;
  change: ChangeDetail;
  'item-error': ItemErrorDetail;
  clear: ClearDetail;
  stream: StreamDetail;
}

export type GalleryEventName = keyof GalleryEventDetails;

/** Event name → event type (`CustomEvent<detail>`), for typed listeners. */
export type GalleryEventMap = { [K in GalleryEventName]: CustomEvent<GalleryEventDetails[K]> };

/** The events a listener may cancel with `preventDefault()` to revert the UI change. */
export const CANCELABLE: ReadonlySet<GalleryEventName> = new Set(['select', 'like', 'favorite', 'download', 'share', 'delete']);

/** Builds a public event: bubbling, composed, cancelable where the contract says. */
export function galleryEvent<K extends GalleryEventName>(type: K, detail: GalleryEventDetails[K]): GalleryEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: CANCELABLE.has(type) }) as GalleryEventMap[K];
}

/**
 * Dispatches a public event from a host element.
 * @returns `false` when any listener, in any phase, called `preventDefault()` (the host then reverts).
 */
export function emit<K extends GalleryEventName>(host: EventTarget, type: K, detail: GalleryEventDetails[K]): boolean {
  return host.dispatchEvent(galleryEvent(type, detail));
}

/** At most this many `item-error`s per assignment of items; the rest are counted in one more. */
export const MAX_ITEM_ERRORS = 100;

/**
 * Reports inputs skipped as invalid: one console warning (the first 10 positions and reasons,
 * then a count) and, in a microtask, one `item-error` each (`item: null`) for the first
 * {@link MAX_ITEM_ERRORS}; beyond that one more `item-error` with `index: -1` and `count`, the
 * number not reported one by one. A million bad rows cost one warning and 101 events.
 */
export function reportInvalid(host: HTMLElement, invalid: ReadonlyArray<{ index: number; input: unknown; reason: string }>): void {
  if (!invalid.length) return;
  const shown = invalid.slice(0, 10).map((x) => `#${x.index}: ${x.reason}`).join('; ');
  console.warn(`<${host.localName}>: skipped ${invalid.length} invalid item(s): ${shown}${invalid.length > 10 ? '; …' : ''}`);
  const first = invalid.slice(0, MAX_ITEM_ERRORS);
  const rest = invalid.length - first.length;
  queueMicrotask(() => {
    for (const x of first) emit(host, 'item-error', { index: x.index, item: null, reason: x.reason, input: x.input });
    if (rest > 0) emit(host, 'item-error', { index: -1, item: null, reason: `${rest} more invalid items`, count: rest });
  });
}

/**
 * A listener for gallery event `K` on element `E`; the element classes declare typed
 * `addEventListener`/`removeEventListener` overloads with it, `select` and `change` included
 * (the DOM's own map types those two as plain `Event`, so a global augmentation cannot).
 */
export type GalleryListener<E, K extends GalleryEventName> = (this: E, ev: GalleryEventMap[K]) => unknown;

// Every event but `select` and `change`, which the DOM already types as `Event`: for those,
// use the element's typed `addEventListener` (above) or `GalleryEventMap['select']`.
declare global {
  interface HTMLElementEventMap {
    'preview-open': CustomEvent<ItemDetail>;
    'preview-close': CustomEvent<PreviewCloseDetail>;
    like: CustomEvent<LikeDetail>;
    favorite: CustomEvent<FavoriteDetail>;
    edit: CustomEvent<ItemDetail>;
    action: CustomEvent<ItemDetail>;
    'load-more': CustomEvent<LoadMoreDetail>;
    download: CustomEvent<ItemDetail>;
    share: CustomEvent<ItemDetail>;
    upload: CustomEvent<UploadDetail>;
    'upload-error': CustomEvent<UploadErrorDetail>;
    delete: CustomEvent<ItemDetail>;
    'item-error': CustomEvent<ItemErrorDetail>;
    clear: CustomEvent<ClearDetail>;
    stream: CustomEvent<StreamDetail>;
  }
}
