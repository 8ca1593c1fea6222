import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { keyOf } from '../model/store.js';
import type { GalleryItem } from '../model/items.js';
import type { GalleryLabels } from '../model/labels.js';
import type { Layout } from '../layout.js';
import { styleProps } from '../directives/style-props.js';

/** What one render of the grid needs: the layout, what to render, and the tile options. */
export interface GridView {
  layout: Layout;
  items: readonly GalleryItem[];
  /** Indices to render (visible band, overscan, tab stop) and the range on screen. */
  indices: number[];
  onScreen: [number, number];
  focus: number;
  selected: number | null;
  label: string;
  gapX: number;
  /** Right-to-left: tiles are placed from the right edge (mirrored), as the text runs. */
  rtl: boolean;
  /** Touch mode: the tiles show their action buttons, at touch size. */
  touch: boolean;
  tile: {
    objectFit: string; labels: Partial<GalleryLabels>; showLikeDislike: boolean; showFavoriteButton: boolean;
    /** Upload mode's tile editing: the delete button, and the caption button with it. */
    showEditButton: boolean; showDeleteButton: boolean; actionLabel: string;
  };
  /** Layers positioned over the tiles (upload progress, the caption editor). */
  overlay?: unknown;
  onFocusIn: (e: FocusEvent) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}

/**
 * The grid: a `role="list"` of absolutely positioned tiles (from the inline start: mirrored in RTL), keyed by item key (a key repeated
 * in the rendered range gets its position), geometry written through CSSOM.
 */
export function gridView(v: GridView): TemplateResult {
  const l = v.layout, n = l.count, items = v.items, t = v.tile, sx = v.rtl ? -1 : 1;
  const used = new Set<string>();
  const keyFor = (i: number) => {
    const k = keyOf(items[i]);
    if (!used.has(k)) { used.add(k); return k; }
    return `${k}@${i}`;
  };
  return html`<div class="grid" part="grid" role="list" aria-label=${v.label}
    ${styleProps({ height: `${l.height}px`, '--_gap-x': `${v.gapX}px` })} @focusin=${v.onFocusIn} @keydown=${v.onKeyDown}>
    ${repeat(v.indices, keyFor, (i) => html`<gallery-thumb part="thumb" exportparts="image, caption, button, actions"
      role="listitem" aria-setsize=${n} aria-posinset=${i + 1}
      ${styleProps({ transform: `translate(${sx * l.x[i]}px,${l.y[i]}px)`, width: `${l.w[i]}px`, height: `${l.h[i]}px` })}
      .entry=${items[i]} .index=${i} .total=${n} .objectFit=${t.objectFit} .labels=${t.labels}
      .selected=${v.selected === i} .active=${i === v.focus} .priority=${i >= v.onScreen[0] && i < v.onScreen[1]} .tileWidth=${l.w[i]}
      .showLikeDislike=${t.showLikeDislike} .showFavoriteButton=${t.showFavoriteButton} .showEditButton=${t.showEditButton}
      .showDeleteButton=${t.showDeleteButton} .captionButton=${t.showDeleteButton} .actionLabel=${t.actionLabel} .touch=${v.touch}></gallery-thumb>`)}
    ${v.overlay ?? nothing}
  </div>`;
}
