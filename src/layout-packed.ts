/**
 * Masonry and justified layouts, placed in reading order only as far as they are read: the
 * first screen of 100,000 items places (and reads the aspect ratio of) the few dozen it shows,
 * the rest follows as the page scrolls or in idle time (`complete`). A change from index `i`
 * on (a ratio learnt, an item removed, an invalid input found) re-places from `i` only, keeping
 * what is before it. Values are those of placing every item in one loop, to the bit.
 *
 * Pure module: no DOM. All lengths are CSS pixels. Used through `computeLayout` (`./layout.ts`).
 */
import type { Layout } from './layout.js';

/** What placing needs, resolved and clamped by `computeLayout`. */
export interface PackOptions {
  kind: 'masonry' | 'justified';
  width: number;
  /** Masonry: the column count. */
  columns: number;
  /** Masonry: the column width. */
  cw: number;
  gx: number;
  gy: number;
  /** Extra height below each image (a caption line), px. */
  cap: number;
  /** Justified: the target row height, px. */
  target: number;
}

/** Aspect ratio (width / height) of item `i`; anything not a positive number counts as square. */
export type RatioOf = (i: number) => number;

/**
 * A read-only array-like whose value at index `i` is `at(i)`, computed when read; `undefined`
 * outside `0..length-1`, as a typed array. Reads go through a Proxy (tens of ns each): meant
 * for the few hundred tiles of a render, not for loops over every item (`./layout.ts`
 * computes a grid's from its cell instead). A grid's values, and masonry's and justified's.
 */
export function computed(length: number, at: (i: number) => number): ArrayLike<number> {
  const target = {
    length,
    *[Symbol.iterator]() {
      for (let i = 0; i < length; i++) yield at(i);
    },
  };
  return new Proxy(target as ArrayLike<number>, {
    get(t, key) {
      if (typeof key === 'string') {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          const i = +key;
          return i < length && Math.floor(i) === i ? at(i) : undefined;
        }
      }
      return Reflect.get(t, key);
    },
  });
}

const grow = <T extends Float64Array | Int32Array>(a: T, n: number, keep: number): T => {
  const b = new (a.constructor as { new (n: number): T })(n);
  b.set(a.subarray(0, keep));
  return b;
};

/** The placing state of one layout, shared by the `Layout` objects made from it while only the items change. */
export class Packer {
  X = new Float64Array(0); Y = new Float64Array(0); W = new Float64Array(0); H = new Float64Array(0);
  /** Masonry: column; justified: row. */
  L = new Int32Array(0);
  /** Max bottom of items 0..i. */
  B = new Float64Array(0);
  /** A lower bound of the top of every item from i on (the shortest column, or the row's top), non-decreasing. */
  F = new Float64Array(0);
  /** Masonry: the column's height (its gap below included) once item i is in it. */
  A = new Float64Array(0);
  /** Items placed: 0..done-1. */
  done = 0;
  private _col = new Float64Array(0);
  private _y = 0;
  private _row = 0;
  /** Sum of the vertical space items 0..done-1 take (height plus gap), for estimating the rest. */
  private _sum = 0;

  constructor(readonly o: PackOptions, public count: number, public ratio: RatioOf) {
    this._col = new Float64Array(o.kind === 'masonry' ? o.columns : 0);
    this.resize(count, ratio, 0);
  }

  /** New item count and ratios; items from `from` on are placed again when read. */
  resize(count: number, ratio: RatioOf, from: number): void {
    let keep = Math.min(this.done, from, count);
    // A justified last row keeps the target height: with another count it is placed again.
    if (this.o.kind === 'justified' && count !== this.count && this.done && this.done === this.count) keep = Math.min(keep, this.done - 1);
    this.count = count;
    this.ratio = ratio;
    if (keep < this.done) this._rewind(keep);
  }

  /** Room for `n` items in the arrays: they grow as items are placed (doubling), not to the item count up front. */
  private _fit(n: number): void {
    if (this.X.length >= n) return;
    const size = Math.min(this.count, Math.max(n, 256, this.X.length * 2));
    for (const k of ['X', 'Y', 'W', 'H', 'B', 'F', 'A', 'L'] as const) (this as Record<typeof k, Float64Array | Int32Array>)[k] = grow(this[k], size, this.done);
  }

  private _r(i: number): number {
    const v = this.ratio(i);
    return v > 0 && Number.isFinite(v) ? v : 1;
  }

  /** The lowest top an item not placed yet can have. */
  private _next(): number {
    if (this.o.kind === 'justified') return this._y;
    let m = Infinity;
    for (const h of this._col) m = Math.min(m, h);
    return m === Infinity ? 0 : m;
  }

  /** Goes back to the state before item `i` (< done; justified: before its row), as it was when placed. */
  private _rewind(i: number): void {
    const { Y, H, L, A, o } = this;
    if (o.kind === 'justified') {
      while (i > 0 && L[i - 1] === L[i]) i--;
      this._y = i ? Y[i] : 0;
      this._row = i ? L[i] : 0;
    } else {
      // Each column's height after the last item before `i` in it (a few items back, typically).
      const col = this._col.fill(0), seen = new Uint8Array(col.length);
      for (let j = i - 1, left = col.length; j >= 0 && left; j--) if (!seen[L[j]]) { seen[L[j]] = 1; col[L[j]] = A[j]; left--; }
    }
    let sum = 0;
    for (let j = 0; j < i; j++) sum += H[j] + o.gy;
    this._sum = sum;
    this.done = i;
  }

  /** Places items until `i` is placed (justified: its whole row), or all are, or `performance.now()` passes `deadline`. */
  place(i: number, deadline = Infinity): void {
    const { o } = this;
    const until = Math.min(i + 1, this.count);
    let steps = 0;
    while (this.done < until) {
      if (o.kind === 'justified') this._placeRow();
      else this._placeOne();
      if ((++steps & 255) === 0 && deadline !== Infinity && performance.now() > deadline) break;
    }
  }

  private _placeOne(): void {
    const { o, _col: col } = this, i = this.done;
    let c = 0;
    for (let k = 1; k < col.length; k++) if (col[k] < col[c] - 0.5) c = k;
    const h = o.cw / this._r(i) + o.cap;
    this._fit(i + 1);
    this.F[i] = this._next();
    this.X[i] = c * (o.cw + o.gx); this.Y[i] = col[c]; this.W[i] = o.cw; this.H[i] = h; this.L[i] = c;
    col[c] += h + o.gy;
    this.A[i] = col[c];
    this._done(i);
  }

  private _placeRow(): void {
    const { o, count } = this, start = this.done, width = o.width;
    let sum = 0, end = start;
    // Add items until the row, scaled to fill the width, would be no taller than the target.
    while (end < count) {
      sum += this._r(end);
      end++;
      if ((width - o.gx * (end - start - 1)) / sum <= o.target) break;
    }
    const n = end - start;
    this._fit(end);
    let h = (width - o.gx * (n - 1)) / sum;
    const last = end >= count && h > o.target;
    if (last) h = o.target;
    let x = 0;
    for (let i = start; i < end; i++) {
      const w = last ? this._r(i) * h : i === end - 1 ? width - x : this._r(i) * h;
      this.X[i] = x; this.Y[i] = this._y; this.W[i] = Math.max(0, w); this.H[i] = h + o.cap; this.L[i] = this._row; this.F[i] = this._y;
      x += w + o.gx;
      this._done(i);
    }
    this._y += h + o.cap + o.gy;
    this._row++;
  }

  private _done(i: number): void {
    this.B[i] = Math.max(i ? this.B[i - 1] : -Infinity, this.Y[i] + this.H[i]);
    this._sum += this.H[i] + this.o.gy;
    this.done = i + 1;
  }

  /** Places items until the next one would start at or below `bottom` (px); returns how many are placed. */
  reach(bottom: number): number {
    while (this.done < this.count && this._next() < bottom) this.place(this.done);
    return this.done;
  }

  /** The content height: exact once every item is placed, else estimated from those placed (their mean height per item). */
  height(): number {
    const { o, done, count } = this;
    if (!count) return 0;
    if (o.kind === 'justified') {
      const exact = this._y - o.gy;
      if (done >= count) return exact;
      const per = done ? this._y / done : ((o.target + o.cap + o.gy) * o.target) / Math.max(1, o.width);
      return Math.max(0, this._y + (count - done) * per - o.gy);
    }
    let top = 0;
    for (const h of this._col) top = Math.max(top, h);
    if (done >= count) return Math.max(0, top - o.gy);
    const per = done ? this._sum / done : o.cw + o.cap + o.gy;
    let total = 0;
    for (const h of this._col) total += h;
    return Math.max(0, Math.max(top, (total + (count - done) * per) / this._col.length) - o.gy);
  }

  /** A `Layout` reading this state, placing what is read. */
  layout(columns: number, rowHeight: number): Layout {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const p = this, n = this.count;
    const read = (a: () => ArrayLike<number>) => computed(n, (i) => (p.place(i), a()[i]));
    return {
      kind: this.o.kind, count: n, columns, rowHeight,
      x: read(() => p.X), y: read(() => p.Y), w: read(() => p.W), h: read(() => p.H), lane: read(() => p.L),
      maxBottom: read(() => p.B), minTop: read(() => p.F),
      get height() { return p.height(); },
      reach: (bottom) => p.reach(bottom),
      complete: (deadline) => (p.place(p.count - 1, deadline), p.done >= p.count),
    };
  }
}
