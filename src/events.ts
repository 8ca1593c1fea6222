/**
 * Every public event of the contract: detail types, the event map, and one dispatch helper.
 * All events are `CustomEvent`s that bubble and are composed; they fire for user actions only.
 */
import type { GalleryItem } from './items.js';

export interface ItemDetail { index: number; item: GalleryItem }
export interface SelectDetail extends ItemDetail { selected: boolean }
export interface PreviewCloseDetail { index: number }
export interface LikeDetail extends ItemDetail { liked: boolean | null }
export interface FavoriteDetail extends ItemDetail { favorite: boolean }
export interface LoadMoreDetail { /** Items held now. */ count: number }
export interface UploadDetail { files: File[]; items: GalleryItem[] }
export interface UploadErrorDetail { file: File | null; reason: 'type' | 'size' | 'count' | 'read' }
export interface ChangeDetail { items: GalleryItem[] }
export interface ItemErrorDetail { index: number; item: GalleryItem | null; /** Why: `load` (media failed to load) or the invalid input's reason. */ reason?: string; input?: unknown }

/** Event name → detail type, for every event `<media-gallery>` and its parts fire. */
export interface GalleryEventMap {
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
}

export type GalleryEventName = keyof GalleryEventMap;

/** The events a listener may cancel with `preventDefault()` to revert the UI change. */
export const CANCELABLE: ReadonlySet<GalleryEventName> = new Set(['select', 'like', 'favorite', 'download', 'share', 'delete']);

/**
 * Dispatches a public event from `target`: bubbling, composed, cancelable where the contract says.
 * @returns `false` when a listener called `preventDefault()` (the caller then reverts).
 */
export function fire<K extends GalleryEventName>(target: EventTarget, type: K, detail: GalleryEventMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: CANCELABLE.has(type) }));
}

// `select` and `change` are left out: the DOM's own map already types them as plain `Event`.
// Listeners cast: `el.addEventListener('select', (e) => (e as CustomEvent<SelectDetail>).detail)`.
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
  }
}
