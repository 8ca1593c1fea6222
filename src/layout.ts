/**
 * Layout maths for the grid: the three layouts (`grid` on demand, `masonry` and `justified`
 * placed as far as they are read, `./layout-packed.ts`) that the virtualizer queries, and moves through them by rows.
 * The settings they take (breakpoints, `columns`, `gap`, `height`) are parsed in
 * `./breakpoints.ts`, re-exported here.
 *
 * Pure module: no DOM. All lengths are CSS pixels.
 */
import { MAX_COLUMNS, MAX_GAP, MIN_TILE } from './breakpoints.js';
import { computed, Packer, type PackOptions, type RatioOf } from './layout-packed.js';

export * from './breakpoints.js';

export type LayoutKind = 'grid' | 'masonry' | 'justified';
export type { RatioOf } from './layout-packed.js';

/** Aspect ratio (width / height) per item; `NaN`/0 when unknown (treated as square). */
export type Ratios = ArrayLike<number>;

/**
 * A computed layout: one rectangle per item, in reading order, and the total height.
 *
 * Read the per-item values by index (`l.x[i]`). Masonry and justified layouts hold them in
 * typed arrays, filled in reading order as far as they are read; a grid (equal cells) holds none: its values are computed from the index when
 * read, so a grid of 100,000 items costs as little to lay out as one of 10.
 */
export interface Layout {
  kind: LayoutKind;
  count: number;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  w: ArrayLike<number>;
  h: ArrayLike<number>;
  /** Total content height, px. */
  height: number;
  /** Columns of a grid or masonry layout. */
  columns: number;
  /** For grid: the row height (cell edge); for justified: the target row height. */
  rowHeight: number;
  /** max bottom of items 0..i: non-decreasing, for binary search of the first visible item. */
  maxBottom: ArrayLike<number>;
  /** A lower bound of the top of items i..n-1 (grid: their min top), non-decreasing, for binary search of the last visible item. */
  minTop: ArrayLike<number>;
  /** Masonry and justified: places items until the next would start at or below `bottom` (px); returns how many are placed. */
  reach?(bottom: number): number;
  /** Masonry and justified: places the items not placed yet, until `performance.now()` passes `deadline`; returns whether all are. */
  complete?(deadline?: number): boolean;
  /** Masonry: column of each item. Justified: row of each item. Grid: row of each item. */
  lane: ArrayLike<number>;
  /** Grid only: the cell every item takes and the gaps, from which the values above are computed. */
  cell?: GridCell;
}

/** The geometry of a grid layout: cell width and height (caption included) and the gaps, px. */
export interface GridCell {
  w: number;
  h: number;
  gapX: number;
  gapY: number;
}

export interface LayoutOptions {
  kind: LayoutKind;
  /** Container inner width, px. */
  width: number;
  columns: number;
  gap: { x: number; y: number };
  /** Grid cell aspect (width / height); 1 gives square tiles like Gradio. */
  cellAspect?: number;
  /** Justified: the target row height, px. */
  rowHeight?: number;
  /** Extra height per tile below the image (a caption line outside the image), px. */
  captionHeight?: number;
}

const packers = new WeakMap<Layout, Packer>();

/**
 * Lays `count` items out.
 * - `grid`: `columns` equal cells of `cellAspect`, computed per index when read (no per-item
 *   arrays: O(1) whatever `count`).
 * - `masonry`: `columns` equal-width columns, each item placed in the shortest column, its
 *   height from its aspect ratio.
 * - `justified`: rows filled left to right until their height at full width would drop to
 *   `rowHeight`, then scaled to fill the width exactly (the last row keeps `rowHeight`).
 *
 * Masonry and justified place items (and read their ratios, an array or a function of the
 * index) in order, only as far as they are read: `reach(bottom)` places until the band above
 * `bottom` is complete, `complete(deadline)` places the rest (in steps), and `height` is an
 * estimate from the items placed until every item is. Given the layout it replaces (`prev`,
 * laid out with the same options) and the first index whose ratio or item may have changed
 * (`from`), the items before it are kept as placed.
 */
export function computeLayout(count: number, ratios: Ratios | RatioOf, o: LayoutOptions, prev?: Layout, from = 0): Layout {
  const width = Math.max(0, o.width);
  const gx = Math.min(MAX_GAP, Math.max(0, o.gap.x || 0)), gy = Math.min(MAX_GAP, Math.max(0, o.gap.y || 0));
  const cap = o.captionHeight ?? 0;
  // 1..64 columns, and never tiles narrower than MIN_TILE (a huge `columns` would lay out
  // thousands of 0 px tiles, all "visible", and defeat virtualization).
  let columns = Math.min(MAX_COLUMNS, Math.max(1, Math.floor(o.columns) || 1));
  if (width > 0) columns = Math.max(1, Math.min(columns, Math.floor((width + gx) / (MIN_TILE + gx))));
  const cw = Math.max(0, (width - gx * (columns - 1)) / columns);
  if (o.kind === 'grid') return gridLayout(count, columns, { w: cw, h: cw / (o.cellAspect && o.cellAspect > 0 ? o.cellAspect : 1) + cap, gapX: gx, gapY: gy });
  const ratio: RatioOf = typeof ratios === 'function' ? ratios : (i) => ratios[i];
  const po: PackOptions = { kind: o.kind, width, columns, cw, gx, gy, cap, target: Math.min(4000, Math.max(20, o.rowHeight || 200)) };
  let p = prev && packers.get(prev);
  if (p && JSON.stringify(p.o) === JSON.stringify(po)) p.resize(count, ratio, from);
  else p = new Packer(po, count, ratio);
  const l = o.kind === 'justified' ? p.layout(0, po.target) : p.layout(columns, cw);
  packers.set(l, p);
  return l;
}

/** The grid of `count` equal cells in `columns` columns, with nothing stored per item. */
function gridLayout(count: number, columns: number, cell: GridCell): Layout {
  const { w, h, gapX, gapY } = cell;
  // The same expressions as an array-filling loop would use, so values are bit-identical.
  const row = (i: number) => Math.floor(i / columns);
  const top = (i: number) => row(i) * (h + gapY);
  const rowsN = Math.ceil(count / columns);
  return {
    kind: 'grid', count, columns, rowHeight: h, cell,
    height: rowsN ? rowsN * h + (rowsN - 1) * gapY : 0,
    x: computed(count, (i) => (i % columns) * (w + gapX)),
    y: computed(count, top),
    w: computed(count, () => w),
    h: computed(count, () => h),
    lane: computed(count, row),
    maxBottom: computed(count, (i) => top(i) + h),
    minTop: computed(count, top),
  };
}

/** The first row `r` in `0..rows` for which `test(r)` holds (`test` is false, then true). O(log rows). */
function firstRow(rows: number, test: (r: number) => boolean): number {
  let lo = 0, hi = rows;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The index range `[start, end)` of items that may intersect the band `[top, bottom)` (px,
 * content coordinates). A superset for masonry, exact for grid and justified. O(log n).
 */
export function visibleRange(l: Layout, top: number, bottom: number): [number, number] {
  const n = l.count;
  const g = l.cell;
  if (g) {
    // Grid: search rows (not items); the row tops and bottoms are those of its items.
    const cols = l.columns, rows = Math.ceil(n / cols), step = g.h + g.gapY;
    const start = Math.min(n, firstRow(rows, (r) => r * step + g.h > top) * cols);
    const end = Math.min(n, firstRow(rows, (r) => r * step >= bottom) * cols);
    return [start, Math.max(start, end)];
  }
  // Masonry, justified: placed as far as the band reaches (the rest starts below it).
  const placed = l.reach ? l.reach(bottom) : n;
  // first i with maxBottom[i] > top
  let lo = 0, hi = placed;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (l.maxBottom[mid] > top) hi = mid;
    else lo = mid + 1;
  }
  const start = lo;
  // first i with minTop[i] >= bottom
  lo = start; hi = placed;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (l.minTop[mid] >= bottom) hi = mid;
    else lo = mid + 1;
  }
  return [start, Math.max(start, lo)];
}

/** The item whose centre is nearest to (`px`, `py`) in grid coordinates; `fallback` when there is none. */
export function nearestTile(l: Layout, px: number, py: number, fallback = -1): number {
  let best = fallback, dist = Infinity;
  const g = l.cell;
  const n = l.count;
  if (g) {
    if (!n) return fallback;
    // Grid: the nearest centre is in the cell the point rounds to or next to it, or the last
    // item (a short last row); the same distances, in index order, as over every item.
    const cols = l.columns, rows = Math.ceil(n / cols), sx = g.w + g.gapX, sy = g.h + g.gapY;
    const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Number.isNaN(v) ? 0 : v));
    const c0 = sx > 0 ? clamp(Math.round((px - g.w / 2) / sx), cols - 1) : 0;
    const r0 = sy > 0 ? clamp(Math.round((py - g.h / 2) / sy), rows - 1) : 0;
    const seen: number[] = [];
    for (let r = Math.max(0, r0 - 1); r <= Math.min(rows - 1, r0 + 1); r++) {
      for (let c = Math.max(0, c0 - 1); c <= Math.min(cols - 1, c0 + 1); c++) if (r * cols + c < n) seen.push(r * cols + c);
    }
    if (!seen.includes(n - 1)) seen.push(n - 1);
    for (const i of seen.sort((a, b) => a - b)) {
      const dx = (i % cols) * sx + g.w / 2 - px, dy = Math.floor(i / cols) * sy + g.h / 2 - py, q = dx * dx + dy * dy;
      if (q < dist) { dist = q; best = i; }
    }
    return best;
  }
  for (let i = 0; i < n; i++) {
    const dx = l.x[i] + l.w[i] / 2 - px, dy = l.y[i] + l.h[i] / 2 - py, q = dx * dx + dy * dy;
    if (q < dist) { dist = q; best = i; }
  }
  return best;
}

/**
 * The index keyboard focus moves to from `i` by `rows` rows (negative: up), keeping the
 * horizontal position: the same column in grid and masonry, the nearest centre in justified.
 * Clamps at the ends; returns `i` when there is nowhere to go.
 */
export function moveRows(l: Layout, i: number, rows: number): number {
  const n = l.count;
  if (!n || !rows) return i;
  if (l.kind === 'grid') {
    const col = i % l.columns;
    const j = i + rows * l.columns;
    if (j < 0) return col;
    if (j < n) return j;
    const inLastRow = Math.floor((n - 1) / l.columns) * l.columns + col;
    if (inLastRow < n) return inLastRow;
    return l.lane[n - 1] > l.lane[i] ? n - 1 : i;
  }
  const step = rows > 0 ? 1 : -1;
  let cur = i;
  for (let r = 0; r !== rows; r += step) {
    const next = l.kind === 'masonry' ? nextInLane(l, cur, step) : nextInRow(l, cur, step);
    if (next < 0) break;
    cur = next;
  }
  return cur;
}

function nextInLane(l: Layout, i: number, step: number): number {
  for (let j = i + step; j >= 0 && j < l.count; j += step) if (l.lane[j] === l.lane[i]) return j;
  return -1;
}

function nextInRow(l: Layout, i: number, step: number): number {
  const row = l.lane[i] + step;
  const cx = l.x[i] + l.w[i] / 2;
  let best = -1, bestD = Infinity;
  for (let j = i + step; j >= 0 && j < l.count; j += step) {
    if (l.lane[j] === row) {
      const d = Math.abs(l.x[j] + l.w[j] / 2 - cx);
      if (d < bestD) { bestD = d; best = j; }
    } else if ((step > 0 && l.lane[j] > row) || (step < 0 && l.lane[j] < row)) break;
  }
  return best;
}

/** How many rows make one screen of `viewport` px, at least 1 (for PageUp/PageDown). */
export function rowsPerPage(l: Layout, viewport: number, gapY: number): number {
  return Math.max(1, Math.floor((viewport + gapY) / Math.max(1, l.rowHeight + gapY)));
}
