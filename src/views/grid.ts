import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { keyOf } from '../model/store.js';
import type { GalleryItem } from '../model/items.js';
import type { GalleryLabels } from '../model/labels.js';
import type { Layout, Responsive } from '../layout.js';
import { serverStyle, styleProps } from '../directives/style-props.js';
import { tileContent } from './tile.js';
import { placePinned, tileEl, type TileKeys } from './tile-keys.js';
import type { ActionButtons } from './tile-actions.js';

/** What one render of the grid needs: the layout, what to render, and the tile options. */
export interface GridView {
  layout: Layout;
  item: (i: number) => GalleryItem;
  count: number;
  /** Indices to render (visible band, overscan, tab stop) and the range on screen. */
  indices: number[];
  onScreen: [number, number];
  /** This render is a jump past everything rendered before, or just after one: tiles not already showing their media get no `src` yet (`TileOptions.defer`; see `TileKeys.deferred`). */
  deferMedia?: boolean;
  focus: number;
  /** A tile in the grid has keyboard focus (`TileKeys.assign`'s `still` is not used then, so nothing it is in moves). */
  tileFocused: boolean;
  selected: number | null;
  label: string;
  gapX: number;
  gapY: number;
  /** Right-to-left: tiles are placed from the right edge (mirrored), as the text runs. */
  rtl: boolean;
  /** Touch mode: the tiles show their action buttons, at touch size. */
  touch: boolean;
  /**
   * Before the grid's width is known (server-side rendering, a hidden container): the first
   * tiles in CSS grid flow, columns per breakpoint by container queries, each cell sized by
   * `aspect-ratio`, so they show at their size with no script and no measurement.
   */
  flow: { columns: Responsive; count: number; ratio: (i: number) => number | undefined } | null;
  failed: (i: number) => boolean;
  tile: {
    objectFit: string; l: GalleryLabels; showLikeDislike: boolean; showFavoriteButton: boolean;
    /** Upload mode's tile editing: the delete button, and the caption button with it. */
    showEditButton: boolean; showDeleteButton: boolean; actionLabel: string;
    /** The action buttons' renderer, once its chunk has loaded (`TileOptions.actions`). */
    actions: ActionButtons | null;
  };
  /** Layers positioned over the tiles (upload progress, the caption editor). */
  overlay?: unknown;
  onFocusIn: (e: FocusEvent) => void;
  /** Focus left a tile: the host renders again if the tiles are out of order (see `still` below). */
  onFocusOut: (e: FocusEvent) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  /** Recycles tile elements between renders (see `TileKeys`). */
  keys: TileKeys;
  /** Listens, in the capture phase, to the tiles' clicks, keys and media loads (one listener for all tiles). */
  tileEvents: EventListenerObject & AddEventListenerOptions;
}

/** The first tiles of a gallery rendered before its width is known: four rows of the widest breakpoint's columns (12–60). */
export function flowCount(columns: Responsive, total: number): number {
  return Math.min(total, Math.min(60, Math.max(12, Math.max(...columns) * 4)));
}

/**
 * The grid: a `role="list"` of tiles in item order, their elements recycled between renders
 * (`TileKeys`: a tile that stays keeps its element, one coming into view reuses one that left).
 * Measured: absolutely positioned from the inline start (mirrored in RTL), geometry written
 * through CSSOM. Before measurement: CSS grid flow (see `flow`).
 */
export function gridView(v: GridView): TemplateResult {
  const l = v.layout, n = v.count, t = v.tile, sx = v.rtl ? -1 : 1, flow = v.flow;
  const used = new Set<string>();
  const idOf = (i: number) => {
    const k = keyOf(v.item(i));
    if (!used.has(k)) { used.add(k); return k; }
    return `${k}@${i}`;
  };
  const indices = flow ? Array.from({ length: flow.count }, (_, i) => i) : v.indices;
  // The focused tab stop stays at the end of the list its element is at (see `placePinned`).
  if (!flow && v.tileFocused && indices.includes(v.focus)) placePinned(indices, v.focus, v.keys.end(keyOf(v.item(v.focus))));
  // A fling renders with no element moved (out of order, for a moment: `TileKeys.assign`); the
  // render after it puts them back in order, unless a tile holds focus (it could be the one moved:
  // it renders `still` while the tiles are out of order, and in order once focus has left).
  const still = !flow && (v.tileFocused ? v.keys.scrambled : !!v.deferMedia);
  const ids = indices.map(idOf), { keys, order } = v.keys.assign(ids, ids[indices.indexOf(v.focus)], still), defer = v.keys.deferred(ids, !flow && !!v.deferMedia);
  v.keys.scrambled = order.some((j, q) => q > 0 && indices[order[q - 1]] > indices[j]);
  const [s0, s1] = flow ? [0, flow.count] : v.onScreen;
  const props: Record<string, string | null> = { height: flow ? null : `${l.height}px`, '--_gap-x': `${v.gapX}px`, '--_gap-y': `${v.gapY}px` };
  if (flow) flow.columns.forEach((c, b) => (props[`--_c${b}`] = String(c)));
  const geometry = (i: number) => {
    if (!flow) return { transform: `translate(${sx * l.x[i]}px,${l.y[i]}px)`, width: `${l.w[i]}px`, height: `${l.h[i]}px` };
    const r = l.kind === 'grid' ? undefined : flow.ratio(i);
    return { 'aspect-ratio': r ? String(r) : null };
  };
  return html`<div class="grid ${flow ? 'flow' : ''} ${v.touch ? 'touch' : ''}" part="grid" role="list" aria-label=${v.label} style=${serverStyle(props)} ${styleProps(props)}
    @focusin=${v.onFocusIn} @focusout=${v.onFocusOut} @keydown=${(e: KeyboardEvent) => { v.tileEvents.handleEvent(e); v.onKeyDown(e); }} @click=${v.tileEvents} @load=${v.tileEvents} @error=${v.tileEvents} @loadeddata=${v.tileEvents}>
    ${repeat(order, (j) => keys[j], (j, _, i = indices[j], g = geometry(i)) => html`<div class="tile" part="thumb" role="listitem" data-index=${i} aria-setsize=${n} aria-posinset=${i + 1}
      ?selected=${v.selected === i} style=${serverStyle(g)} ${tileEl(g, ids[j])}>${tileContent(v.item(i), {
        index: i, total: n, l: t.l, objectFit: t.objectFit, active: i === v.focus, selected: v.selected === i, priority: i >= s0 && i < s1, defer: defer[j],
        width: flow ? 0 : l.w[i], failed: v.failed(i), loaded: false, showLikeDislike: t.showLikeDislike, showFavoriteButton: t.showFavoriteButton,
        showEditButton: t.showEditButton, showDeleteButton: t.showDeleteButton, showCaptionButton: t.showDeleteButton, actionLabel: t.actionLabel, actions: t.actions,
      })}</div>`)}
    ${v.overlay ?? nothing}
  </div>`;
}

/** The index of the gallery tile an event passed through, or -1. */
export function tileIndexOf(e: Event): number {
  for (const n of e.composedPath()) {
    const el = n as HTMLElement;
    if (el.classList?.contains('tile') && el.parentElement?.classList.contains('grid')) return Number(el.dataset.index);
  }
  return -1;
}
