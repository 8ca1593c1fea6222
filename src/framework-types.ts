/**
 * Types shared by the framework entries (`media-gallery/react`, `media-gallery/react-jsx`,
 * `media-gallery/vue`): which events each element fires, and the properties a template may set
 * on it. Types only; nothing here runs.
 */
import type { LitElement } from 'lit';
import type { GalleryEventMap, GalleryEventName } from './events/gallery-events.js';
import type { GalleryItemInput } from './model/items.js';
import type { MediaGallery } from './media-gallery.js';
import type { GalleryThumb } from './gallery-thumb.js';
import type { GalleryPreview } from './gallery-preview.js';
import type { GalleryToolbar } from './gallery-toolbar.js';

/** The events `<media-gallery>` fires: every public event. */
export type MediaGalleryEventName = GalleryEventName;
/** The events a standalone `<gallery-thumb>` fires. */
export type GalleryThumbEventName = 'select' | 'like' | 'favorite' | 'edit' | 'action' | 'delete' | 'item-error';
/** The events a standalone `<gallery-preview>` fires. */
export type GalleryPreviewEventName = 'select' | 'preview-close' | 'like' | 'favorite' | 'edit' | 'action' | 'download' | 'share' | 'item-error';
/** `<gallery-toolbar>` fires none of its own. */
export type GalleryToolbarEventName = never;

/** Tag → element class, event names. */
export interface GalleryElements {
  'media-gallery': { element: MediaGallery; events: MediaGalleryEventName };
  'gallery-thumb': { element: GalleryThumb; events: GalleryThumbEventName };
  'gallery-preview': { element: GalleryPreview; events: GalleryPreviewEventName };
  'gallery-toolbar': { element: GalleryToolbar; events: GalleryToolbarEventName };
}
export type GalleryTagName = keyof GalleryElements;

/** Members that are public in TypeScript but documented `@internal` (not in the manifest). */
type Internal = 'store' | 'tileRect' | 'entry' | 'active' | 'priority' | 'tileWidth';

type DataKeys<E> = { [K in keyof E]: E[K] extends (...args: never[]) => unknown ? never : K }[keyof E];

/**
 * The properties a template may set on element `E`: its own public data members (not
 * HTMLElement's or Lit's, not methods, not internal ones); `items` as any accepted input form
 * (the getter returns normal items, the setter takes any of these).
 */
export type GalleryElementProps<E> = Partial<
  Omit<Pick<E, DataKeys<E>>, keyof LitElement | Internal | 'items' | 'item'> &
    ('items' extends keyof E ? { items: GalleryItemInput[] } : unknown) &
    ('item' extends keyof E ? { item: GalleryItemInput | null } : unknown)
>;

/** `preview-open` → `PreviewOpen`. */
export type PascalEvent<S extends string> = S extends `${infer A}-${infer B}` ? `${Capitalize<A>}${PascalEvent<Capitalize<B>>}` : Capitalize<S>;

/** `{ onLike?: (e: CustomEvent<LikeDetail>) => void, onPreviewOpen?: … }` for events `N`. */
export type CamelEventProps<N extends GalleryEventName> = { [K in N as `on${PascalEvent<K>}`]?: (event: GalleryEventMap[K]) => void };

/** `{ onlike?: …, 'onpreview-open'?: … }`: the props React 19 maps to `addEventListener(name)`. */
export type LowerEventProps<N extends GalleryEventName> = { [K in N as `on${K}`]?: (event: GalleryEventMap[K]) => void };
