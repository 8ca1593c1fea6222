/**
 * The `GalleryPreview` wrapper of `media-gallery/react`, in a module of its own that registers
 * `<gallery-preview>` (the viewer, with its gestures, zoom and strip): an app that uses it gets
 * the viewer up front, as a standalone viewer needs; an app that does not leaves this module
 * out (package.json `sideEffects` does not name it), and its galleries load the preview chunk
 * on demand (src/preview-loader.ts).
 */
import * as React from 'react';
import { createComponent, type ReactWebComponent } from '@lit/react';
import '../../elements/gallery-preview.js';
import { GalleryPreview as GalleryPreviewElement } from '../gallery-preview.js';
import type { GalleryPreviewEventName } from '../framework-types.js';
import { events, type EventProps, type PropsView } from './shared.js';

const PREVIEW_EVENTS = ['select', 'preview-close', 'like', 'favorite', 'edit', 'action', 'download', 'share', 'item-error'] as const satisfies readonly GalleryPreviewEventName[];

/** A standalone `<gallery-preview>` (the viewer without a grid). */
export const GalleryPreview: ReactWebComponent<PropsView<GalleryPreviewElement>, EventProps<GalleryPreviewEventName>> = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'gallery-preview',
  elementClass: GalleryPreviewElement as unknown as new () => PropsView<GalleryPreviewElement>,
  events: /* @__PURE__ */ events(PREVIEW_EVENTS),
  displayName: 'GalleryPreview',
});

export type { GalleryPreviewElement };
