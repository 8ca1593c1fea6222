/** What the React wrappers share: the props view of an element and the event-prop map. */
import type { EventName } from '@lit/react';
import type { GalleryEventMap, GalleryEventName } from '../events/gallery-events.js';
import type { GalleryElementProps, PascalEvent } from '../framework-types.js';

/**
 * The element as the wrapper's props see it: `items` (and a tile's `item`) take any accepted
 * input form, as their setters do (the getters return normal items); internal members and
 * Lit's own are left out. The `ref` is the element itself.
 */
export type PropsView<E extends HTMLElement> = HTMLElement & GalleryElementProps<E>;

/** `{onLike: 'like', onPreviewOpen: 'preview-open', …}` typed for @lit/react. */
export type EventProps<N extends GalleryEventName> = { [K in N as `on${PascalEvent<K>}`]: EventName<GalleryEventMap[K]> };

/** The event props of `names`: `select` → `onSelect`, `preview-open` → `onPreviewOpen`. */
export function events<N extends GalleryEventName>(names: readonly N[]): EventProps<N> {
  const out: Record<string, string> = {};
  for (const name of names) out[`on${name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`] = name;
  return out as EventProps<N>;
}
