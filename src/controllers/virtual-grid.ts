import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { atWidth, computeLayout, parseHeight, parseResponsive, visibleRange, type Layout, type LayoutKind } from '../layout.js';
import type { GalleryStore } from '../model/store.js';
import { ViewportController } from './viewport.js';
import { afterFirstScreen, whenIdle } from '../dom.js';

/** What the layout depends on besides the items, read from the host's properties. */
export interface GridOptions {
  kind: LayoutKind;
  /** `height` (px number or CSS length), and `rows` (same forms as columns), which bound the grid's height. */
  height: unknown;
  rows: unknown;
  /** Columns at a container width. */
  columnsAt(width: number): number;
  gap: { x: number; y: number };
  rowHeight: number;
}

/** After a jump, the grid renders again (with media) once it has not jumped for this long (ms). */
const SETTLE_MS = 80;

/** Overscan above and below the viewport, as a fraction of its height (at least 200 px). */
const OVERSCAN = 0.5;

/**
 * A scroll this fast counts as a jump: a viewport's height in this many ms or less (800 px in
 * 50 ms, 16,000 px/s). A tile then crosses the screen in three frames or fewer, too soon for its
 * image to load and show: starting the loads and laying out the overscan would only cost frames.
 */
const FAST_MS = 50;

/**
 * The virtualized grid: caches the layout (laid out again when the width, columns, gap or
 * row height change; from the first index touched when the items or a learnt ratio do), tells which tiles to render (the visible
 * band plus overscan, plus the pinned tab stop wherever it is), and scrolls to an index.
 */
export class VirtualGridController implements ReactiveController {
  readonly viewport: ViewportController;
  private _cache: Layout | null = null;
  private _cacheKey = '';
  private _version = -1;
  private _completing = false;
  private _lastBand: { top: number; bottom: number } | null = null;
  private _settle?: ReturnType<typeof setTimeout>;
  /** A jump happened less than SETTLE_MS ago: renders meanwhile (any cause) set no media `src` on tiles not already showing theirs (`TileKeys.deferred`). */
  private _deferring = false;
  /** Tiles were rendered last time (the first render with tiles has no overscan). */
  private _shown = false;
  /** The overscan is rendered: not from the first tiles until their screen is done (`afterFirstScreen`) or the grid scrolls. */
  private _overscan = false;
  /** When the first tiles rendered (ms, performance.now()). */
  private _firstAt = 0;

  constructor(
    private host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    private store: GalleryStore,
    private options: () => GridOptions,
  ) {
    host.addController(this);
    this.viewport = new ViewportController(host);
  }

  hostConnected(): void {}

  /** A removed gallery keeps no settle timer; back in the page, its next render sets media sources. */
  hostDisconnected(): void {
    clearTimeout(this._settle);
    this._deferring = false;
  }

  /**
   * The current layout. Masonry and justified are placed as far as the render reads (the
   * band in view), then to the end in idle time; a change of the items or of a learnt ratio
   * places again from the first index it touched only.
   */
  layout(): Layout {
    const o = this.options();
    const width = this.viewport.width;
    const cols = o.columnsAt(width);
    const key = `${o.kind}|${width}|${cols}|${o.gap.x},${o.gap.y}|${o.rowHeight}`, v = this.store.version;
    if (this._cache && key === this._cacheKey && v === this._version) return this._cache;
    const prev = key === this._cacheKey ? this._cache ?? undefined : undefined;
    // A grid's cells are all alike: it reads no ratio (and stores nothing per item).
    this._cache = computeLayout(this.store.length, (i) => this.store.ratioAt(i) ?? 1, { kind: o.kind, width, columns: cols, gap: o.gap, rowHeight: o.rowHeight }, prev, prev ? this.store.changedFrom(this._version) : 0);
    this._cacheKey = key;
    this._version = v;
    if (this._cache.complete) this._completeIdle();
    return this._cache;
  }

  /** Places the rest of a masonry or justified layout in idle time (steps of 4–12 ms), then renders again with its exact height. */
  private _completeIdle() {
    if (this._completing) return;
    this._completing = true;
    const step = (d?: IdleDeadline) => {
      const l = this.layout(), h = l.height;
      if (!l.complete || l.complete(performance.now() + Math.max(4, Math.min(12, d?.timeRemaining() ?? 8)))) {
        this._completing = false;
        if (l.height !== h) this.host.requestUpdate();
      } else whenIdle(step, 200, 1);
    };
    afterFirstScreen(() => whenIdle(step, 200, 1));
  }

  /**
   * Indices to render now, in index order: the band in view plus overscan, and `pinned` (the
   * tab stop) even when out of view, first or last (the grid view may move it to the other end
   * while it has focus: `placePinned`).
   * `onScreen` is the range in view (`fetchpriority="high"`). The first tiles come without
   * overscan: it follows once their screen is done (painted, its thumbnails loaded or 1 s
   * passed; `afterFirstScreen`), when idle, or as soon as the grid scrolls. `deferMedia`: this render
   * jumps past everything rendered before (or scrolls faster than a viewport per FAST_MS), or
   * follows one by less than 80 ms: its tiles not already showing their media set no `src`; the
   * grid renders again (with them) once it has not jumped for 80 ms.
   */
  range(pinned: number): { indices: number[]; onScreen: [number, number]; deferMedia: boolean } {
    const vp = this.viewport, last = this._lastBand;
    // A jump past everything rendered (a fast fling, a scrollbar drag): this frame renders what
    // is in view only; overscan comes back with the next frame that is not a jump.
    // So does a scroll faster than a viewport per FAST_MS, measured from the scroll events of
    // this frame and the one before (a fling; not a layout shift, not a resize).
    const fast = performance.now() - vp.scrolledAt < 50 && vp.speed * FAST_MS > vp.viewport;
    // Never the first tiles (the gallery was empty, or its last render had no width): a page
    // that moved meanwhile has not scrolled past anything shown, and its first screen loads at once.
    const jumped = vp.width > 0 && this._shown && last !== null && (fast || vp.bottom < last.top || vp.top > last.bottom);
    // The first tiles of a gallery: the first screen only, so it paints in the frame the items
    // arrive in; the overscan follows once that screen is done (`afterFirstScreen`), when idle.
    const first = vp.width > 0 && this.store.length > 0 && !this._shown;
    this._shown = vp.width > 0 && this.store.length > 0;
    if (first) {
      this._overscan = false;
      this._firstAt = performance.now();
      afterFirstScreen(() => whenIdle(() => ((this._overscan = true), this.host.requestUpdate()), 200, 50));
    }
    // Held until then (the thumbnails loaded, at most 1 s), unless a scroll event moved the grid meanwhile.
    if (vp.scrolledAt > this._firstAt) this._overscan = true;
    const over = jumped || !this._overscan ? 0 : Math.max(200, vp.viewport * OVERSCAN);
    if (jumped) {
      clearTimeout(this._settle);
      this._deferring = true;
      // Measured afresh: a scroll whose event has not been dispatched yet counts.
      this._settle = setTimeout(() => {
        this._deferring = false;
        this.viewport.measure(true);
      }, SETTLE_MS);
    }
    this._lastBand = { top: vp.top - over, bottom: vp.bottom + over };
    const band = (l: Layout) => (vp.width ? visibleRange(l, vp.top - over, vp.bottom + over) : [0, Math.min(l.count, 12)]);
    let l = this.layout();
    // A lazy assignment: normalise its inputs up to the last index rendered (and the tab
    // stop); an invalid one found on the way shortens the list, so lay out again until not.
    for (let seen = -1; this.store.pending && seen !== this.store.version; l = this.layout()) {
      seen = this.store.version;
      this.store.at(Math.max(band(l)[1], pinned + 1) - 1);
    }
    vp.rendered = { top: vp.top - over / 2, bottom: vp.bottom + over / 2 };
    const [start, end] = band(l);
    const indices: number[] = [];
    for (let i = start; i < end; i++) indices.push(i);
    if (pinned >= 0 && pinned < l.count) {
      if (pinned < start) indices.unshift(pinned);
      else if (pinned >= end) indices.push(pinned);
    }
    const onScreen = vp.width ? visibleRange(l, vp.top, vp.bottom) : [0, 12];
    return { indices, onScreen: onScreen as [number, number], deferMedia: this._deferring };
  }

  /** The height that bounds the grid (it scrolls inside), or null (the page scrolls). */
  boundedHeight(): string | null {
    const o = this.options();
    const h = parseHeight(o.height);
    if (h) return h;
    const r = parseResponsive(o.rows);
    const l = this.layout();
    if (!r || l.kind !== 'grid') return null;
    const rows = atWidth(r, this.viewport.width);
    return `${rows * l.rowHeight + (rows - 1) * o.gap.y}px`;
  }

  /** The rendered tile of index `i`, if any. */
  tile(i: number): HTMLElement | undefined {
    return this.host.renderRoot.querySelector<HTMLElement>(`.grid > .tile[data-index="${i}"]`) ?? undefined;
  }

  /** Where tile `i` is on screen (null: not rendered or off screen), for the preview's open/close animation. */
  tileRect = (i: number): DOMRect | null => {
    const r = this.tile(i)?.getBoundingClientRect();
    return !r || r.bottom < 0 || r.top > window.innerHeight ? null : r;
  };

  /**
   * Scrolls the grid's scroller (or the page) so tile `index` is in view.
   * @param block `nearest` (default), `center` or `start`.
   */
  scrollTo(index: number, block: 'nearest' | 'center' | 'start' = 'nearest'): void {
    const n = this.store.length;
    if (!n) return;
    const i = Math.min(n - 1, Math.max(0, Math.floor(Number.isFinite(index) ? index : 0)));
    const l = this.layout();
    const y = l.y[i], h = l.h[i];
    const vp = this.viewport;
    const top = vp.top, bottom = vp.top + vp.viewport;
    let delta = 0;
    if (block === 'start') delta = y - top;
    else if (block === 'center') delta = y + h / 2 - (top + bottom) / 2;
    else if (y < top) delta = y - top;
    else if (y + h > bottom) delta = Math.min(y - top, y + h - bottom);
    const s = vp.scrollElement;
    if (delta) {
      if (s) s.scrollTop += delta;
      else window.scrollBy({ top: delta, behavior: 'instant' as ScrollBehavior });
    }
    vp.measure(true);
  }
}
