/**
 * Layout maths for the grid: breakpoints, per-breakpoint values, and the three layouts
 * (`grid`, `masonry`, `justified`) as flat typed arrays that the virtualizer queries.
 *
 * Pure module: no DOM. All lengths are CSS pixels.
 */

/** Breakpoint names in ascending order, matched against the container's width. */
export const BREAKPOINTS = ['xs', 'sm', 'md', 'lg', 'xl', 'xxl', 'xll'] as const;
export type Breakpoint = (typeof BREAKPOINTS)[number];
/** Minimum container width of each breakpoint, px (xs <576, sm ≥576 … xxl ≥1400, xll ≥1600 as LikeableGallery). */
export const BREAKPOINT_MIN: Record<Breakpoint, number> = { xs: 0, sm: 576, md: 768, lg: 992, xl: 1200, xxl: 1400, xll: 1600 };

/** Most columns (and rows) a layout takes; larger values are clamped to it. */
export const MAX_COLUMNS = 64;
/** Narrowest tile, px: columns that would make tiles narrower are dropped (a tile below this shows nothing useful and a screen of them is thousands of elements). */
export const MIN_TILE = 24;
/** Largest gap, px. */
export const MAX_GAP = 256;

/** A value per breakpoint after parsing: always one entry per breakpoint, xs..xll. */
export type Responsive = readonly number[];

/** The breakpoint a container width falls in. */
export function breakpointOf(width: number): Breakpoint {
  let bp: Breakpoint = 'xs';
  for (const b of BREAKPOINTS) if (width >= BREAKPOINT_MIN[b]) bp = b;
  return bp;
}

/**
 * Parses the contract's forms of `columns`/`rows`: a number (`3`), a list by breakpoint
 * (`"1 2 3"` or `[1, 2, 3]`: fills by position, its last value fills the rest), or a dict
 * (`{"xs":1,"md":3}` or its JSON: a missing key takes the next smaller one set, xs defaults to 1).
 *
 * @returns one positive integer per breakpoint (xs..xll), or `null` when the value is empty or invalid.
 */
export function parseResponsive(value: unknown): Responsive | null {
  if (value == null || value === '') return null;
  if (typeof value === 'string') {
    const s = value.trim();
    if (s.startsWith('{') || s.startsWith('[')) {
      try {
        return parseResponsive(JSON.parse(s));
      } catch {
        return null;
      }
    }
    const parts = s.split(/[\s,]+/).filter(Boolean).map(Number);
    return parts.length === 1 ? parseResponsive(parts[0]) : parseResponsive(parts);
  }
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 1;
  if (typeof value === 'number') return ok(value) ? Array(BREAKPOINTS.length).fill(Math.floor(value)) : null;
  if (Array.isArray(value)) {
    if (!value.length || !value.every(ok)) return null;
    return BREAKPOINTS.map((_, i) => Math.floor(value[Math.min(i, value.length - 1)]));
  }
  if (typeof value === 'object') {
    const dict = value as Record<string, unknown>;
    const out: number[] = [];
    let last = 1;
    for (const b of BREAKPOINTS) {
      const v = dict[b];
      if (v !== undefined) {
        if (!ok(v)) return null;
        last = Math.floor(v);
      }
      out.push(last);
    }
    return out;
  }
  return null;
}

/** The value of a parsed responsive setting at a container width. */
export function atWidth(r: Responsive, width: number): number {
  return Math.min(MAX_COLUMNS, r[BREAKPOINTS.indexOf(breakpointOf(width))]);
}

/** Parses `gap`: a px number, `"x y"` or Gradio's `[x, y]` (column gap, row gap). Invalid parts fall back to 8. */
export function parseGap(value: unknown): { x: number; y: number } {
  const nums = (typeof value === 'number' ? [value] : Array.isArray(value) ? value.map((p) => (typeof p === 'number' ? p : parseFloat(p))) : String(value ?? '').trim().replace(/^\[|\]$/g, '').split(/[\s,]+/).map((p) => parseFloat(p)))
    .map((n) => (Number.isFinite(n) && n >= 0 ? n : NaN));
  const x = Number.isNaN(nums[0]) || nums[0] === undefined ? 8 : nums[0];
  const y = nums.length > 1 && !Number.isNaN(nums[1]) ? nums[1] : x;
  return { x: Math.min(MAX_GAP, x), y: Math.min(MAX_GAP, y) };
}

/** Parses `height`: a px number (`400`, `"400"`), any CSS length (`"60vh"`), or `auto` (`null`). */
export function parseHeight(value: unknown): string | null {
  if (value == null || value === '' || value === 'auto') return null;
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? `${Math.min(value, 100_000)}px` : null;
  const s = String(value).trim();
  // Any other string goes to CSS as one property value through CSSOM, which drops an invalid one.
  return /^\d+(\.\d+)?$/.test(s) ? `${Math.min(Number(s), 100_000)}px` : s;
}

export type LayoutKind = 'grid' | 'masonry' | 'justified';

/** Aspect ratio (width / height) per item; `NaN`/0 when unknown (treated as square). */
export type Ratios = ArrayLike<number>;

/** A computed layout: one rectangle per item, in reading order, and the total height. */
export interface Layout {
  kind: LayoutKind;
  count: number;
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  h: Float64Array;
  /** Total content height, px. */
  height: number;
  /** Columns of a grid or masonry layout. */
  columns: number;
  /** For grid: the row height (cell edge); for justified: the target row height. */
  rowHeight: number;
  /** max bottom of items 0..i: non-decreasing, for binary search of the first visible item. */
  maxBottom: Float64Array;
  /** min top of items i..n-1: non-decreasing, for binary search of the last visible item. */
  minTop: Float64Array;
  /** Masonry: column of each item. Justified: row of each item. Grid: row of each item. */
  lane: Int32Array;
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

const ratioAt = (r: Ratios, i: number) => {
  const v = r[i];
  return v > 0 && Number.isFinite(v) ? v : 1;
};

/**
 * Lays `count` items out.
 * - `grid`: `columns` equal cells of `cellAspect`.
 * - `masonry`: `columns` equal-width columns, each item placed in the shortest column, its
 *   height from its aspect ratio.
 * - `justified`: rows filled left to right until their height at full width would drop to
 *   `rowHeight`, then scaled to fill the width exactly (the last row keeps `rowHeight`).
 */
export function computeLayout(count: number, ratios: Ratios, o: LayoutOptions): Layout {
  const width = Math.max(0, o.width);
  const gx = Math.min(MAX_GAP, Math.max(0, o.gap.x || 0)), gy = Math.min(MAX_GAP, Math.max(0, o.gap.y || 0));
  const cap = o.captionHeight ?? 0;
  const X = new Float64Array(count), Y = new Float64Array(count), W = new Float64Array(count), H = new Float64Array(count);
  const lane = new Int32Array(count);
  let height = 0;
  // 1..64 columns, and never tiles narrower than MIN_TILE (a huge `columns` would lay out
  // thousands of 0 px tiles, all "visible", and defeat virtualization).
  let columns = Math.min(MAX_COLUMNS, Math.max(1, Math.floor(o.columns) || 1));
  if (width > 0) columns = Math.max(1, Math.min(columns, Math.floor((width + gx) / (MIN_TILE + gx))));
  let rowHeight = 0;
  if (o.kind === 'justified') {
    const target = Math.min(4000, Math.max(20, o.rowHeight || 200));
    rowHeight = target;
    columns = 0;
    let start = 0, y = 0, row = 0;
    while (start < count) {
      let sum = 0, end = start;
      // Add items until the row, scaled to fill the width, would be no taller than the target.
      while (end < count) {
        sum += ratioAt(ratios, end);
        end++;
        const h = (width - gx * (end - start - 1)) / sum;
        if (h <= target) break;
      }
      const n = end - start;
      let h = (width - gx * (n - 1)) / sum;
      const last = end >= count && h > target;
      if (last) h = target;
      let x = 0;
      for (let i = start; i < end; i++) {
        const w = last ? ratioAt(ratios, i) * h : i === end - 1 ? width - x : ratioAt(ratios, i) * h;
        X[i] = x; Y[i] = y; W[i] = Math.max(0, w); H[i] = h + cap; lane[i] = row;
        x += w + gx;
      }
      y += h + cap + gy;
      row++;
      start = end;
    }
    height = count ? y - gy : 0;
  } else {
    const cw = Math.max(0, (width - gx * (columns - 1)) / columns);
    if (o.kind === 'grid') {
      const ch = cw / (o.cellAspect && o.cellAspect > 0 ? o.cellAspect : 1) + cap;
      rowHeight = ch;
      for (let i = 0; i < count; i++) {
        const r = Math.floor(i / columns), c = i % columns;
        X[i] = c * (cw + gx); Y[i] = r * (ch + gy); W[i] = cw; H[i] = ch; lane[i] = r;
      }
      const rowsN = Math.ceil(count / columns);
      height = rowsN ? rowsN * ch + (rowsN - 1) * gy : 0;
    } else {
      const colH = new Float64Array(columns);
      for (let i = 0; i < count; i++) {
        let c = 0;
        for (let k = 1; k < columns; k++) if (colH[k] < colH[c] - 0.5) c = k;
        const h = cw / ratioAt(ratios, i) + cap;
        X[i] = c * (cw + gx); Y[i] = colH[c]; W[i] = cw; H[i] = h; lane[i] = c;
        colH[c] += h + gy;
      }
      for (let c = 0; c < columns; c++) height = Math.max(height, colH[c] - gy);
      height = Math.max(0, height);
      rowHeight = cw;
    }
  }
  const maxBottom = new Float64Array(count), minTop = new Float64Array(count);
  let m = -Infinity;
  for (let i = 0; i < count; i++) maxBottom[i] = m = Math.max(m, Y[i] + H[i]);
  m = Infinity;
  for (let i = count - 1; i >= 0; i--) minTop[i] = m = Math.min(m, Y[i]);
  return { kind: o.kind, count, x: X, y: Y, w: W, h: H, height, columns, rowHeight, maxBottom, minTop, lane };
}

/**
 * The index range `[start, end)` of items that may intersect the band `[top, bottom)` (px,
 * content coordinates). A superset for masonry, exact for grid and justified. O(log n).
 */
export function visibleRange(l: Layout, top: number, bottom: number): [number, number] {
  const n = l.count;
  // first i with maxBottom[i] > top
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (l.maxBottom[mid] > top) hi = mid;
    else lo = mid + 1;
  }
  const start = lo;
  // first i with minTop[i] >= bottom
  lo = start; hi = n;
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
  for (let i = 0; i < l.count; i++) {
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
