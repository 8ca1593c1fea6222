import { expect } from '@open-wc/testing';
import { atWidth, breakpointOf, computeLayout, moveRows, nearestTile, parseGap, parseHeight, parseResponsive, rowsPerPage, visibleRange, type Layout, type LayoutOptions } from '../src/layout.js';

describe('layout: breakpoints and responsive values', () => {
  it('maps container widths to breakpoints at the contract edges', () => {
    expect([0, 575, 576, 767, 768, 991, 992, 1199, 1200, 1399, 1400, 1599, 1600].map(breakpointOf)).to.deep.equal(['xs', 'xs', 'sm', 'sm', 'md', 'md', 'lg', 'lg', 'xl', 'xl', 'xxl', 'xxl', 'xll']);
  });

  it('parses a number, a list (last value fills the rest) and a dict (missing keys take the next smaller)', () => {
    expect(parseResponsive(3)).to.deep.equal([3, 3, 3, 3, 3, 3, 3]);
    expect(parseResponsive('3')).to.deep.equal([3, 3, 3, 3, 3, 3, 3]);
    expect(parseResponsive('1 2 3')).to.deep.equal([1, 2, 3, 3, 3, 3, 3]);
    expect(parseResponsive([2, 4])).to.deep.equal([2, 4, 4, 4, 4, 4, 4]);
    expect(parseResponsive('{"xs":1,"md":3}')).to.deep.equal([1, 1, 3, 3, 3, 3, 3]);
    expect(parseResponsive({ sm: 2, xl: 5 })).to.deep.equal([1, 2, 2, 2, 5, 5, 5]);
    // LikeableGallery's xll key (≥1600) beside xs…xxl.
    expect(parseResponsive({ xs: 1, xxl: 4, xll: 6 })).to.deep.equal([1, 1, 1, 1, 1, 4, 6]);
  });

  it('rejects invalid values instead of guessing', () => {
    for (const v of ['', 'abc', '0', '{bad json', [0, 2], { md: -1 }, null]) expect(parseResponsive(v), String(v)).to.equal(null);
  });

  it('picks the value at a container width', () => {
    const r = parseResponsive({ xs: 1, md: 3, xl: 6 })!;
    expect([300, 700, 800, 1000, 1300].map((w) => atWidth(r, w))).to.deep.equal([1, 1, 3, 3, 6]);
  });

  it('parses gap and height', () => {
    expect(parseGap(12)).to.deep.equal({ x: 12, y: 12 });
    expect(parseGap('4 10')).to.deep.equal({ x: 4, y: 10 });
    expect(parseGap([4, 30])).to.deep.equal({ x: 4, y: 30 });
    expect(parseGap('[4, 30]')).to.deep.equal({ x: 4, y: 30 });
    expect(parseGap('junk')).to.deep.equal({ x: 8, y: 8 });
    expect(parseHeight(400)).to.equal('400px');
    expect(parseHeight('400')).to.equal('400px');
    expect(parseHeight('60vh')).to.equal('60vh');
    expect(parseHeight('auto')).to.equal(null);
  });
});

describe('layout: grid', () => {
  const l = computeLayout(10, [], { kind: 'grid', width: 316, columns: 3, gap: { x: 8, y: 8 } });
  it('places square cells row by row with the gap', () => {
    expect(l.w[0]).to.equal(100);
    expect([l.x[0], l.x[1], l.x[2], l.x[3]]).to.deep.equal([0, 108, 216, 0]);
    expect([l.y[2], l.y[3], l.y[9]]).to.deep.equal([0, 108, 324]);
    expect(l.height).to.equal(4 * 100 + 3 * 8);
  });

  it('finds exactly the rows in a band', () => {
    expect(visibleRange(l, 0, 100)).to.deep.equal([0, 3]);
    expect(visibleRange(l, 110, 200)).to.deep.equal([3, 6]);
    expect(visibleRange(l, 104, 108)).to.deep.equal([3, 3]); // the gap between rows
    expect(visibleRange(l, 0, 10_000)).to.deep.equal([0, 10]);
  });

  it('moves by rows keeping the column, clamping at the ends', () => {
    expect(moveRows(l, 1, 1)).to.equal(4);
    expect(moveRows(l, 4, -1)).to.equal(1);
    expect(moveRows(l, 1, -1)).to.equal(1);
    expect(moveRows(l, 7, 1)).to.equal(9); // no tile below column 1 in the last row: go to the last tile
    expect(moveRows(l, 9, 1)).to.equal(9);
    expect(moveRows(l, 2, 10)).to.equal(9);
    expect(moveRows(l, 8, -10)).to.equal(2);
  });

  it('rowsPerPage counts whole rows in a viewport', () => {
    expect(rowsPerPage(l, 330, 8)).to.equal(3);
    expect(rowsPerPage(l, 50, 8)).to.equal(1);
  });

  it('handles zero items and zero width', () => {
    expect(computeLayout(0, [], { kind: 'grid', width: 300, columns: 3, gap: { x: 8, y: 8 } }).height).to.equal(0);
    const z = computeLayout(3, [], { kind: 'grid', width: 0, columns: 3, gap: { x: 8, y: 8 } });
    expect(z.w[0]).to.equal(0);
  });
});

/**
 * The grid as it was laid out before it was computed on demand: every rectangle in arrays
 * (the same expressions), for comparing the on-demand grid with.
 */
function gridArrays(count: number, o: LayoutOptions) {
  const width = Math.max(0, o.width), gx = Math.min(256, Math.max(0, o.gap.x || 0)), gy = Math.min(256, Math.max(0, o.gap.y || 0));
  let columns = Math.min(64, Math.max(1, Math.floor(o.columns) || 1));
  if (width > 0) columns = Math.max(1, Math.min(columns, Math.floor((width + gx) / (24 + gx))));
  const cw = Math.max(0, (width - gx * (columns - 1)) / columns);
  const ch = cw / (o.cellAspect && o.cellAspect > 0 ? o.cellAspect : 1) + (o.captionHeight ?? 0);
  const X = new Float64Array(count), Y = new Float64Array(count), W = new Float64Array(count), H = new Float64Array(count), lane = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / columns), c = i % columns;
    X[i] = c * (cw + gx); Y[i] = r * (ch + gy); W[i] = cw; H[i] = ch; lane[i] = r;
  }
  const rowsN = Math.ceil(count / columns);
  const maxBottom = new Float64Array(count), minTop = new Float64Array(count);
  let m = -Infinity;
  for (let i = 0; i < count; i++) maxBottom[i] = m = Math.max(m, Y[i] + H[i]);
  m = Infinity;
  for (let i = count - 1; i >= 0; i--) minTop[i] = m = Math.min(m, Y[i]);
  const height = rowsN ? rowsN * ch + (rowsN - 1) * gy : 0;
  return { kind: 'grid', count, x: X, y: Y, w: W, h: H, lane, maxBottom, minTop, height, columns, rowHeight: ch } as Layout;
}

/** visibleRange and nearestTile over the arrays, as before (no cell: the item-by-item paths). */
const nearestBrute = (l: Layout, px: number, py: number) => {
  let best = -1, dist = Infinity;
  for (let i = 0; i < l.count; i++) {
    const dx = l.x[i] + l.w[i] / 2 - px, dy = l.y[i] + l.h[i] / 2 - py, q = dx * dx + dy * dy;
    if (q < dist) { dist = q; best = i; }
  }
  return best;
};

describe('layout: grid computed on demand', () => {
  const cases: [number, LayoutOptions][] = [];
  for (const width of [0, 1, 316, 333.5, 799, 1264, 1920])
    for (const columns of [1, 3, 6, 7, 1000])
      for (const gap of [{ x: 0, y: 0 }, { x: 8, y: 8 }, { x: 3.3, y: 17 }, { x: 300, y: 300 }])
        for (const count of [0, 1, 5, 6, 7, 100])
          cases.push([count, { kind: 'grid', width, columns, gap, ...(count === 7 ? { cellAspect: 16 / 9, captionHeight: 24 } : {}) }]);

  it('gives every rectangle, lane, height and column count the arrays gave, to the bit', () => {
    for (const [count, o] of cases) {
      const l = computeLayout(count, [], o), a = gridArrays(count, o);
      const what = JSON.stringify([count, o]);
      expect([l.count, l.height, l.columns, l.rowHeight], what).to.deep.equal([a.count, a.height, a.columns, a.rowHeight]);
      for (const k of ['x', 'y', 'w', 'h', 'lane', 'maxBottom', 'minTop'] as const) {
        expect(l[k].length, `${k} ${what}`).to.equal(count);
        expect(Array.from(l[k]), `${k} ${what}`).to.deep.equal(Array.from(a[k]));
      }
      expect(l.x[count], what).to.equal(undefined);
    }
  });

  it('stores nothing per item: 10 million cells cost no more than 10', () => {
    const t0 = performance.now();
    const l = computeLayout(10_000_000, [], { kind: 'grid', width: 1264, columns: 6, gap: { x: 8, y: 8 } });
    expect(performance.now() - t0).to.be.below(20);
    expect(l.count).to.equal(10_000_000);
    expect([l.x[9_999_999], l.y[9_999_999]]).to.deep.equal([3 * 212, 1_666_666 * 212]);
    expect(visibleRange(l, 1_000_000, 1_000_800)).to.deep.equal([Math.floor((1_000_000 - 204) / 212 + 1) * 6, Math.ceil(1_000_800 / 212) * 6]);
  });

  it('finds the same visible range as a search over the arrays, at the edges and in the gaps', () => {
    const wrong: string[] = [];
    for (const [count, o] of cases) {
      const l = computeLayout(count, [], o), a = gridArrays(count, o);
      const step = l.rowHeight + o.gap.y;
      const edges = [-Infinity, -1, 0, NaN, l.height, l.height + 1, Infinity];
      for (let r = 0; r < 5; r++) edges.push(r * step, r * step + l.rowHeight, r * step + l.rowHeight + 0.5, r * step - 0.25, (r + 0.5) * step);
      for (const top of edges) for (const bottom of edges) {
        const got = visibleRange(l, top, bottom), want = visibleRange(a, top, bottom);
        if (got[0] !== want[0] || got[1] !== want[1]) wrong.push(`${top}..${bottom} ${JSON.stringify([count, o])}: ${got} instead of ${want}`);
      }
    }
    // Collected, not asserted one by one: half a million comparisons.
    expect(wrong.slice(0, 5)).to.deep.equal([]);
  });

  it('finds the nearest tile as a search over every tile does', () => {
    const wrong: string[] = [];
    for (const [count, o] of cases) {
      const l = computeLayout(count, [], o), a = gridArrays(count, o);
      const xs = [-50, 0, 1, o.width / 3, o.width / 2, o.width - 1, o.width + 40, NaN];
      const ys = [-50, 0, l.rowHeight / 2, l.rowHeight + o.gap.y / 2, l.height / 2, l.height - 1, l.height + 500, NaN];
      for (const px of xs) for (const py of ys) {
        const want = nearestBrute(a, px, py), got = nearestTile(l, px, py, -7);
        if (got !== (want < 0 ? -7 : want)) wrong.push(`(${px}, ${py}) ${JSON.stringify([count, o])}: ${got} instead of ${want}`);
      }
    }
    expect(wrong.slice(0, 5)).to.deep.equal([]);
  });

  it('reads like an array: Array.from, undefined out of range', () => {
    const l = computeLayout(4, [], { kind: 'grid', width: 316, columns: 3, gap: { x: 8, y: 8 } });
    expect(Array.from(l.x)).to.deep.equal([0, 108, 216, 0]);
    expect(Array.from(l.lane)).to.deep.equal([0, 0, 0, 1]);
    expect([l.x[-1], l.x[4], l.x[1.5]]).to.deep.equal([undefined, undefined, undefined]);
  });
});

describe('layout: masonry', () => {
  // ratios: wide, tall, square, wide
  const l = computeLayout(4, [2, 0.5, 1, 2], { kind: 'masonry', width: 208, columns: 2, gap: { x: 8, y: 8 } });
  it('puts each item in the shortest column with its aspect ratio', () => {
    expect([l.x[0], l.y[0], l.h[0]]).to.deep.equal([0, 0, 50]);
    expect([l.x[1], l.y[1], l.h[1]]).to.deep.equal([108, 0, 200]);
    expect([l.x[2], l.y[2], l.h[2]]).to.deep.equal([0, 58, 100]); // column 0 was shorter
    expect([l.x[3], l.y[3]]).to.deep.equal([0, 166]);
    expect(l.height).to.equal(216);
  });

  it('treats unknown ratios as square', () => {
    const u = computeLayout(1, [NaN], { kind: 'masonry', width: 100, columns: 1, gap: { x: 0, y: 0 } });
    expect(u.h[0]).to.equal(100);
  });

  it('visibleRange returns a superset that contains every intersecting item', () => {
    const [s, e] = visibleRange(l, 170, 180);
    for (let i = 0; i < 4; i++) {
      const hit = l.y[i] < 180 && l.y[i] + l.h[i] > 170;
      if (hit) expect(i >= s && i < e, `item ${i}`).to.equal(true);
    }
  });

  it('moves up and down within a column', () => {
    expect(moveRows(l, 0, 1)).to.equal(2);
    expect(moveRows(l, 3, -1)).to.equal(2);
    expect(moveRows(l, 1, 1)).to.equal(1);
  });
});

describe('layout: justified', () => {
  const ratios = [1.5, 1.5, 1, 0.75, 2, 1.5];
  const l = computeLayout(6, ratios, { kind: 'justified', width: 600, columns: 0, gap: { x: 10, y: 10 }, rowHeight: 200 });
  it('fills each full row to the exact width with one height, keeping aspect ratios', () => {
    const row0 = [0, 1, 2, 3, 4, 5].filter((i) => l.lane[i] === 0);
    const h = l.h[row0[0]];
    for (const i of row0) expect(l.h[i]).to.be.closeTo(h, 1e-9);
    const last = row0[row0.length - 1];
    expect(l.x[last] + l.w[last]).to.be.closeTo(600, 1e-6);
    for (const i of row0.slice(0, -1)) expect(l.w[i] / l.h[i]).to.be.closeTo(ratios[i], 1e-9);
    expect(h).to.be.at.most(200);
  });

  it('keeps the target height in a short last row instead of stretching it', () => {
    const one = computeLayout(1, [1], { kind: 'justified', width: 600, columns: 0, gap: { x: 10, y: 10 }, rowHeight: 200 });
    expect(one.h[0]).to.equal(200);
    expect(one.w[0]).to.equal(200);
  });

  it('moves to the nearest item in the next row', () => {
    const i = 0;
    const below = moveRows(l, i, 1);
    expect(l.lane[below]).to.equal(l.lane[i] + 1);
    expect(moveRows(l, below, -1)).to.equal(0);
  });
});

/** Masonry and justified as they were laid out before placing on read: every item in one loop (the same expressions). */
function packedArrays(count: number, ratios: number[], o: LayoutOptions) {
  const width = o.width, gx = o.gap.x, gy = o.gap.y, columns = o.columns, target = o.rowHeight ?? 200;
  const cw = (width - gx * (columns - 1)) / columns;
  const r = (i: number) => (ratios[i] > 0 && Number.isFinite(ratios[i]) ? ratios[i] : 1);
  const X: number[] = [], Y: number[] = [], W: number[] = [], H: number[] = [];
  let height = 0;
  if (o.kind === 'justified') {
    let start = 0, y = 0;
    while (start < count) {
      let sum = 0, end = start;
      while (end < count) { sum += r(end); end++; if ((width - gx * (end - start - 1)) / sum <= target) break; }
      let h = (width - gx * (end - start - 1)) / sum;
      const last = end >= count && h > target;
      if (last) h = target;
      let x = 0;
      for (let i = start; i < end; i++) {
        const w = last ? r(i) * h : i === end - 1 ? width - x : r(i) * h;
        X[i] = x; Y[i] = y; W[i] = Math.max(0, w); H[i] = h; x += w + gx;
      }
      y += h + gy; start = end;
    }
    height = count ? y - gy : 0;
  } else {
    const col = new Array<number>(columns).fill(0);
    for (let i = 0; i < count; i++) {
      let c = 0;
      for (let k = 1; k < columns; k++) if (col[k] < col[c] - 0.5) c = k;
      const h = cw / r(i);
      X[i] = c * (cw + gx); Y[i] = col[c]; W[i] = cw; H[i] = h; col[c] += h + gy;
    }
    for (const h of col) height = Math.max(height, h - gy);
  }
  return { x: X, y: Y, w: W, h: H, height };
}

describe('layout: masonry and justified placed as far as they are read', () => {
  const ratiosOf = (n: number) => Array.from({ length: n }, (_, i) => [1.5, 0.5, 1, NaN, 2.2, 0.75][i % 6] * (1 + (i % 5) / 13));
  const same = (l: Layout, a: ReturnType<typeof packedArrays>, n: number, what: string) => {
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(Array.from({ length: n }, (_, i) => l[k][i]), `${k} ${what}`).to.deep.equal(a[k]);
    expect(l.height, `height ${what}`).to.equal(a.height);
  };

  for (const kind of ['masonry', 'justified'] as const) {
    const o: LayoutOptions = { kind, width: 1000, columns: 4, gap: { x: 8, y: 8 }, rowHeight: 200 };

    it(`${kind}: gives every rectangle and the height one loop gave, to the bit`, () => {
      for (const n of [0, 1, 7, 100, 1000]) same(computeLayout(n, ratiosOf(n), o), packedArrays(n, ratiosOf(n), o), n, `${n}`);
    });

    it(`${kind}: the first screen of 100,000 items reads the ratios of the few dozen it shows; the rest is placed on request`, () => {
      const read = new Set<number>();
      const l = computeLayout(100_000, (i) => (read.add(i), 1 + (i % 7) / 10), o);
      const [s, e] = visibleRange(l, 0, 800);
      expect(s).to.equal(0);
      expect(e).to.be.within(4, 60);
      expect(read.size).to.be.below(80);
      // Estimated from what is placed meanwhile, within a few per cent; exact once complete.
      const estimate = l.height;
      expect(l.complete!()).to.equal(true);
      expect(read.size).to.equal(100_000);
      expect(Math.abs(estimate - l.height) / l.height).to.be.below(0.05);
    });

    it(`${kind}: a change from index i places again from i only, with the values of laying out afresh`, () => {
      const n = 300, r = ratiosOf(n);
      const l1 = computeLayout(n, r, o);
      l1.complete!();
      const r2 = r.slice();
      r2[100] = 3; // a ratio learnt
      const read = new Set<number>();
      const l2 = computeLayout(n, (i) => (read.add(i), r2[i]), o, l1, 100);
      same(l2, packedArrays(n, r2, o), n, 'ratio changed');
      // Items from 100 on (justified: from the start of its row) are read again, none before.
      expect(Math.min(...read)).to.be.within(kind === 'masonry' ? 100 : 94, 100);
      expect(read.size).to.equal(n - Math.min(...read));
      // Fewer items (an invalid input found near the end), then more again (Load more).
      const l3 = computeLayout(n - 3, r2, o, l2, n - 3);
      same(l3, packedArrays(n - 3, r2, o), n - 3, 'shorter');
      same(computeLayout(n, r2, o, l3, n - 3), packedArrays(n, r2, o), n, 'longer');
    });
  }
});
