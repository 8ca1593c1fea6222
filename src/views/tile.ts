import { html, nothing, type TemplateResult } from 'lit';
import { altOf, type GalleryItem } from '../model/items.js';
import { fmt, type GalleryLabels } from '../model/labels.js';
import { icons } from '../icons.js';
import { placeholderCss } from '../placeholder.js';
import { serverStyle, styleProps } from '../directives/style-props.js';
import type { RequestAction, RequestData } from '../events/requests.js';
import type { ActionButtons } from './tile-actions.js';

/** The `object-fit` values a tile accepts; anything else is `cover`. */
const FITS = new Set(['contain', 'cover', 'fill', 'none', 'scale-down']);

/** What one tile shows besides its item. */
export interface TileOptions {
  index: number;
  /** Items in the gallery, for the fallback name ("Image 3 of 12"). */
  total: number;
  /** The labels, defaults filled in. */
  l: GalleryLabels;
  objectFit: string;
  /** Holds the tab stop (roving tabindex): its buttons are tabbable. */
  active: boolean;
  selected: boolean;
  /** On-screen tile: `fetchpriority="high"` (all tiles load lazily: the browser starts those in view at once, and decodes them off the first frame). */
  priority: boolean;
  /**
   * Rendered during or just after a jump (a fast fling, a scrollbar drag) and not already
   * showing its media: the media gets no `src` yet (the image is not displayed, the button
   * carries its alt), so a fling across thousands of items requests none of the images it only
   * flashes past; the grid sets it once it has not jumped for 80 ms
   * (`VirtualGridController.range`, `TileKeys.deferred`).
   */
  defer?: boolean;
  /** Width in CSS px (the `sizes` of a srcset); 0: unknown. */
  width: number;
  /** The media failed to load: an error tile. */
  failed: boolean;
  /** The media has loaded: no placeholder. */
  loaded: boolean;
  showLikeDislike: boolean;
  showFavoriteButton: boolean;
  showEditButton: boolean;
  showDeleteButton: boolean;
  /** Upload mode in a gallery: the button that opens its inline caption editor. */
  showCaptionButton: boolean;
  actionLabel: string;
  /**
   * Renders the action buttons (`views/tile-actions.ts`, a chunk of its own). `null` while it
   * has not loaded: the tile shows without them, and its renderer loads it when any is asked for.
   */
  actions: ActionButtons | null;
}

/**
 * The inside of one tile: the main button (placeholder, image or video, play badge, caption)
 * and the action buttons (when `o.actions` has loaded). No listeners: each button names what it does in `data-act`, and the
 * element that renders tiles (the gallery's grid, a standalone `<gallery-thumb>`) listens once
 * for all of them (`tileAct`, `tileLoad`). Shared by both, so both look and behave the same.
 */
export function tileContent(item: GalleryItem, o: TileOptions): TemplateResult {
  const l = o.l;
  const isVideo = item.type === 'video';
  const alt = altOf(item);
  // The button's name: the image's alt (plus a caption that says more), else "Image 3 of 12".
  const fallback = fmt(l.itemOf, { type: isVideo ? l.video : l.image, n: o.index + 1, total: o.total || 1 });
  const captionIsAlt = !!item.caption && item.caption === alt;
  // A video says so ("Storm, video"); an image's alt names its button through the <img>.
  // (An image not given its src yet, `defer`, is not rendered: the button carries its alt.)
  const label = isVideo ? (alt ? fmt(l.videoItem, { name: alt }) : fallback) : alt ? (o.defer ? alt : nothing) : fallback;
  const ph = o.loaded || o.failed ? null : placeholderCss(item.placeholder);
  const fit = FITS.has(o.objectFit) ? o.objectFit : 'cover';
  const tab = o.active ? 0 : -1;
  const name = o.failed ? nothing : label, current = o.selected ? 'true' : 'false';
  // `object-fit` by attribute (`cover` is the stylesheet's default): no style directive per tile.
  const fitAttr = fit === 'cover' ? nothing : fit;
  const phPart = ph ? html`<span class="ph" style=${serverStyle({ 'background-image': ph })} ${styleProps({ 'background-image': ph })}></span>` : nothing;
  const caption = item.caption && !o.failed ? html`<span class="caption" part="caption" aria-hidden=${captionIsAlt ? 'true' : nothing}>${item.caption}</span>` : nothing;
  // An error tile says which item failed: its caption, else its alt (as a browser shows a broken image's alt).
  const error = o.failed ? html`<span class="error" part="error">${icons.broken}<span>${l.loadError}</span>${item.caption || alt ? html`<span>${item.caption || alt}</span>` : nothing}</span>` : nothing;
  const actions = o.actions ? o.actions(item, item.caption || alt || fallback, o, tab) : nothing;
  if (!isVideo) {
    // The common tile, an image: one template with the <img> in it (fewer parts to create). A
    // failed one keeps its button (and focus): the <img> loses its src (not displayed) and the
    // error shows in the caption's place.
    const set = !o.defer && !o.failed && item.srcset;
    return html`<button class="main" data-act="open" data-fit=${fitAttr} tabindex=${tab} aria-label=${name} aria-current=${current}>${phPart}<img
      class="media" part="image" src=${o.defer || o.failed ? nothing : item.thumb ?? item.src} alt=${alt} srcset=${set || nothing}
      sizes=${set ? (o.width ? `${Math.ceil(o.width)}px` : item.sizes ?? '200px') : nothing}
      width=${item.width ?? nothing} height=${item.height ?? nothing} loading="lazy" decoding="async"
      fetchpriority=${o.priority ? 'high' : 'auto'} draggable="false" />${o.failed ? error : caption}</button>${actions}`;
  }
  // A video: its <video> (a frame of it), or its poster or thumb as an <img>, and the play badge.
  const media = o.failed
    ? error
    : !item.poster && !item.thumb
      ? html`<video class="media" part="image" muted playsinline preload="metadata" src=${o.defer ? nothing : `${item.src}#t=0.1`} aria-hidden="true"></video>`
      : html`<img class="media" part="image" src=${o.defer ? nothing : (item.poster ?? item.thumb!)} alt=${alt}
      width=${item.width ?? nothing} height=${item.height ?? nothing} loading="lazy" decoding="async"
      fetchpriority=${o.priority ? 'high' : 'auto'} draggable="false" />`;
  return html`<button class="main" data-act="open" data-fit=${fitAttr} tabindex=${tab} aria-label=${name} aria-current=${current}>${phPart}${media}${o.failed ? nothing : html`<span class="badge">${icons.play}</span>`}${caption}</button>${actions}`;
}

/** A request a tile's button makes for `item`: the action and its data. */
export type TileRequest = { [A in RequestAction]: { action: A; data: RequestData[A] } }[RequestAction];

/**
 * The request of a click on a tile's button (`data-act`), or of Enter/Space on its main button
 * (a held key does not repeat it). `null`: the event is not a tile action.
 */
export function tileAct(e: Event, item: GalleryItem): TileRequest | null {
  const b = (e.composedPath()[0] as Element | undefined)?.closest?.<HTMLElement>('[data-act]');
  if (!b) return null;
  const act = b.dataset.act;
  if (e.type === 'keydown') {
    const k = (e as KeyboardEvent).key;
    if (act !== 'open' || (k !== 'Enter' && k !== ' ')) return null;
    // The button would click on its own (Space on key up): one activation, ours, never repeated.
    e.preventDefault();
    if ((e as KeyboardEvent).repeat) return null;
  } else if (e.type !== 'click') return null;
  switch (act) {
    case 'open': return { action: 'activate', data: {} };
    case 'like': return { action: 'like', data: { liked: item.liked === true ? null : true } };
    case 'dislike': return { action: 'like', data: { liked: item.liked === false ? null : false } };
    case 'favorite': return { action: 'favorite', data: { favorite: !item.favorite } };
    case 'edit': case 'action': case 'delete': case 'caption': return { action: act, data: {} };
    default: return null;
  }
}

/** When a tile's media settled: `load` with its natural size (px), or `error`. `null`: not a tile's media. */
export function tileLoad(e: Event): { ok: true; width: number; height: number } | { ok: false } | null {
  const m = e.target as HTMLImageElement | HTMLVideoElement;
  if (!(m instanceof Element) || !m.classList.contains('media')) return null;
  if (e.type === 'error') return { ok: false };
  if (e.type !== 'load' && e.type !== 'loadeddata') return null;
  return 'naturalWidth' in m ? { ok: true, width: m.naturalWidth, height: m.naturalHeight } : { ok: true, width: m.videoWidth, height: m.videoHeight };
}
