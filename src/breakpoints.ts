/**
 * The gallery's layout settings: breakpoints by container width, and the parsers of
 * `columns`/`rows` (a value per breakpoint), `gap` and `height`, with their bounds.
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
