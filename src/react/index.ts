/**
 * `media-gallery/react`: React components for the four elements, built with `@lit/react`, for
 * React 18 and 19 (and SSR: the wrappers set properties and attach listeners in effects, so
 * they survive hydration). Each event is a typed camel-case prop: `onLike`, `onSelect`,
 * `onPreviewOpen`, … with the `CustomEvent<…Detail>` the element dispatches. Importing this
 * module registers the four tags.
 *
 * ```tsx
 * import { MediaGallery } from 'media-gallery/react';
 * <MediaGallery items={items} columns={3} onLike={(e) => setLiked(e.detail.liked)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import '../../elements/media-gallery.js';
import '../../elements/gallery-preview.js';
import { MediaGallery as MediaGalleryElement } from '../media-gallery.js';
import { GalleryThumb as GalleryThumbElement } from '../gallery-thumb.js';
import { GalleryPreview as GalleryPreviewElement } from '../gallery-preview.js';
import { GalleryToolbar as GalleryToolbarElement } from '../gallery-toolbar.js';
import type { GalleryEventMap, GalleryEventName } from '../events/gallery-events.js';
import type { GalleryElementProps, GalleryPreviewEventName, GalleryThumbEventName, MediaGalleryEventName, PascalEvent } from '../framework-types.js';

/**
 * The element as the wrapper's props see it: `items` (and a tile's `item`) take any accepted
 * input form, as their setters do (the getters return normal items); internal members and
 * Lit's own are left out. The `ref` is the element itself.
 */
export type PropsView<E extends HTMLElement> = HTMLElement & GalleryElementProps<E>;

/** `{onLike: 'like', onPreviewOpen: 'preview-open', …}` typed for @lit/react. */
type EventProps<N extends GalleryEventName> = { [K in N as `on${PascalEvent<K>}`]: EventName<GalleryEventMap[K]> };

function events<N extends GalleryEventName>(names: readonly N[]): EventProps<N> {
  const out: Record<string, string> = {};
  for (const name of names) out[`on${name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`] = name;
  return out as EventProps<N>;
}

const GALLERY_EVENTS = [
  'select', 'preview-open', 'preview-close', 'like', 'favorite', 'edit', 'action', 'load-more', 'download', 'share',
  'upload', 'upload-error', 'delete', 'change', 'item-error', 'clear', 'stream',
] as const satisfies readonly MediaGalleryEventName[];
const THUMB_EVENTS = ['select', 'like', 'favorite', 'edit', 'action', 'delete', 'item-error'] as const satisfies readonly GalleryThumbEventName[];
const PREVIEW_EVENTS = ['select', 'preview-close', 'like', 'favorite', 'edit', 'action', 'download', 'share', 'item-error'] as const satisfies readonly GalleryPreviewEventName[];

/** `<media-gallery>`: `items`, every attribute as a prop, and `onSelect` … `onStream`. */
export const MediaGallery: ReactWebComponent<PropsView<MediaGalleryElement>, EventProps<MediaGalleryEventName>> = createComponent({
  react: React,
  tagName: 'media-gallery',
  elementClass: MediaGalleryElement as unknown as new () => PropsView<MediaGalleryElement>,
  events: events(GALLERY_EVENTS),
  displayName: 'MediaGallery',
});

/** A standalone `<gallery-thumb>`. */
export const GalleryThumb: ReactWebComponent<PropsView<GalleryThumbElement>, EventProps<GalleryThumbEventName>> = createComponent({
  react: React,
  tagName: 'gallery-thumb',
  elementClass: GalleryThumbElement as unknown as new () => PropsView<GalleryThumbElement>,
  events: events(THUMB_EVENTS),
  displayName: 'GalleryThumb',
});

/** A standalone `<gallery-preview>` (the viewer without a grid). */
export const GalleryPreview: ReactWebComponent<PropsView<GalleryPreviewElement>, EventProps<GalleryPreviewEventName>> = createComponent({
  react: React,
  tagName: 'gallery-preview',
  elementClass: GalleryPreviewElement as unknown as new () => PropsView<GalleryPreviewElement>,
  events: events(PREVIEW_EVENTS),
  displayName: 'GalleryPreview',
});

/** `<gallery-toolbar>`: a roving-tabindex toolbar for your own buttons. */
export const GalleryToolbar: ReactWebComponent<PropsView<GalleryToolbarElement>, Record<never, never>> = createComponent({
  react: React,
  tagName: 'gallery-toolbar',
  elementClass: GalleryToolbarElement as unknown as new () => PropsView<GalleryToolbarElement>,
  events: {},
  displayName: 'GalleryToolbar',
});

export type { MediaGalleryElement, GalleryThumbElement, GalleryPreviewElement, GalleryToolbarElement };
export type * from '../events/gallery-events.js';
export type { GalleryItem, GalleryItemInput } from '../model/items.js';
