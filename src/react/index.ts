/**
 * `media-gallery/react`: React components for the four elements, built with `@lit/react`, for
 * React 18 and 19 (and SSR: the wrappers set properties and attach listeners in effects, so
 * they survive hydration). Each event is a typed camel-case prop: `onLike`, `onSelect`,
 * `onPreviewOpen`, … with the `CustomEvent<…Detail>` the element dispatches. Importing this
 * module registers `<media-gallery>` and `<gallery-toolbar>`; the gallery renders its own
 * tiles and loads `<gallery-preview>` on demand. The `GalleryThumb` and `GalleryPreview`
 * wrappers (modules of their own, left out by bundlers when unused) register their tags.
 *
 * ```tsx
 * import { MediaGallery } from 'media-gallery/react';
 * <MediaGallery items={items} columns={3} onLike={(e) => setLiked(e.detail.liked)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type ReactWebComponent } from '@lit/react';
import '../../elements/media-gallery.js';
import '../../elements/gallery-toolbar.js';
import { MediaGallery as MediaGalleryElement } from '../media-gallery.js';
import { GalleryToolbar as GalleryToolbarElement } from '../gallery-toolbar.js';
import type { MediaGalleryEventName } from '../framework-types.js';
import { events, type EventProps, type PropsView } from './shared.js';

export { GalleryThumb, type GalleryThumbElement } from './thumb.js';
export { GalleryPreview, type GalleryPreviewElement } from './preview.js';
export type { PropsView } from './shared.js';

const GALLERY_EVENTS = [
  'select', 'preview-open', 'preview-close', 'like', 'favorite', 'edit', 'action', 'load-more', 'download', 'share',
  'upload', 'upload-error', 'delete', 'change', 'item-error', 'clear', 'stream',
] as const satisfies readonly MediaGalleryEventName[];

/** `<media-gallery>`: `items`, every attribute as a prop, and `onSelect` … `onStream`. */
export const MediaGallery: ReactWebComponent<PropsView<MediaGalleryElement>, EventProps<MediaGalleryEventName>> = createComponent({
  react: React,
  tagName: 'media-gallery',
  elementClass: MediaGalleryElement as unknown as new () => PropsView<MediaGalleryElement>,
  events: events(GALLERY_EVENTS),
  displayName: 'MediaGallery',
});

/** `<gallery-toolbar>`: a roving-tabindex toolbar for your own buttons. */
export const GalleryToolbar: ReactWebComponent<PropsView<GalleryToolbarElement>, Record<never, never>> = createComponent({
  react: React,
  tagName: 'gallery-toolbar',
  elementClass: GalleryToolbarElement as unknown as new () => PropsView<GalleryToolbarElement>,
  events: {},
  displayName: 'GalleryToolbar',
});

export type { MediaGalleryElement, GalleryToolbarElement };
export type * from '../events/gallery-events.js';
export type { GalleryItem, GalleryItemInput } from '../model/items.js';
