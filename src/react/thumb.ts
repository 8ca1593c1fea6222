/**
 * The `GalleryThumb` wrapper of `media-gallery/react`, in a module of its own that registers
 * `<gallery-thumb>` (a standalone tile; the gallery renders its own tiles without it): left out
 * by bundlers when an app does not use it (package.json `sideEffects` does not name it).
 */
import * as React from 'react';
import { createComponent, type ReactWebComponent } from '@lit/react';
import '../../elements/gallery-thumb.js';
import { GalleryThumb as GalleryThumbElement } from '../gallery-thumb.js';
import type { GalleryThumbEventName } from '../framework-types.js';
import { events, type EventProps, type PropsView } from './shared.js';

const THUMB_EVENTS = ['select', 'like', 'favorite', 'edit', 'action', 'delete', 'item-error'] as const satisfies readonly GalleryThumbEventName[];

/** A standalone `<gallery-thumb>`. */
export const GalleryThumb: ReactWebComponent<PropsView<GalleryThumbElement>, EventProps<GalleryThumbEventName>> = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'gallery-thumb',
  elementClass: GalleryThumbElement as unknown as new () => PropsView<GalleryThumbElement>,
  events: /* @__PURE__ */ events(THUMB_EVENTS),
  displayName: 'GalleryThumb',
});

export type { GalleryThumbElement };
