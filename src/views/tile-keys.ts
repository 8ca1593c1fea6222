import { noChange } from 'lit';
import { directive, type ElementPart } from 'lit/directive.js';
import { StylePropsDirective, type StyleProps } from '../directives/style-props.js';

/**
 * Keys for the rendered tiles (Lit `repeat` keys) that recycle a tile's DOM: an item rendered
 * in the previous render keeps its key (its tile stays as it is: no reload, no flicker, focus
 * kept); an item coming into view takes the key of one that left, so `repeat` updates that
 * tile's attributes in place instead of creating one and removing the other. While scrolling,
 * every new row reuses a row that scrolled out: no element is created or dropped.
 */
export class TileKeys {
  private _last = new Map<string, number>();
  /** The first and last ids of the last render, in DOM order. */
  private _ends: [string?, string?] = [];
  private _next = 0;
  /**
   * The last render's tiles are not in index order in the DOM (a `still` render, or the focused
   * tab stop kept at one end): set by the grid view. While a tile holds focus it renders `still`
   * then, so no element moves; once focus leaves, it renders them in order again.
   */
  scrambled = false;
  /** Items whose tiles were last rendered with their media `src`. */
  private _media = new Set<string>();

  /**
   * Which of the tiles for `ids` render without their media `src` when `defer` is asked (a
   * jump, or just after one): those not already showing it. A tile that stays in view through
   * a jump (the tab stop, a tile at the edge) keeps its image: taking its `src` away would
   * blank it until the jump settles, then load it again.
   */
  deferred(ids: readonly string[], defer: boolean): boolean[] {
    const out = ids.map((id) => defer && !this._media.has(id));
    this._media = new Set(ids.filter((_, j) => !out[j]));
    return out;
  }

  /** Whether the element of `id` was first (true) or last (false) in the DOM in the last render. */
  end(id: string): boolean | undefined {
    return this._ends[0] === id ? true : this._ends[1] === id ? false : undefined;
  }

  /**
   * One key per entry of `ids` (item keys, unique), in the same order. Keys of items that left
   * are handed out so that Lit's `repeat` moves as few tiles as it can and never one that
   * stays while others are reused around it (moving an element takes focus from it): tiles
   * coming in before the first tile that stays take the keys of those that left from the end,
   * in order; tiles coming in after it take those that left from the start, the last tile first
   * (`repeat` then moves each reused tile once, as its old head or tail matches the new tail or
   * head). After a jump (nothing stays) they take them in order: no tile moves. When the only
   * tile that stays is `pinned` (the tab stop, kept while scrolled away), now first or last,
   * the others are handed out so that only those on the far side of it move: without this a jump
   * away from the tab stop moved (removed and re-inserted) every other tile, each then styled,
   * laid out and painted afresh, or the tab stop itself.
   *
   * `still`: no element moves at all. Tiles coming in take the keys of those that left in order,
   * and `order` (the positions in `ids` to render, in that order) follows where their elements
   * are in the DOM, new ones last; otherwise `order` is `ids`' own. For a fling (`deferMedia`):
   * moving a reused tile from one end of the list to the other is a removal and an insertion,
   * each then styled, laid out and painted afresh, 11–16 of them a frame in a masonry fling at
   * 4× throttling. The next render that is not `still` puts them back in `ids` order.
   */
  assign(ids: readonly string[], pinned?: string, still = false): { keys: number[]; order: number[] } {
    const last = this._last, now = new Map<string, number>(), out: (number | undefined)[] = ids.map((id) => last.get(id));
    const kept = new Set<number>();
    for (const k of out) if (k !== undefined) kept.add(k);
    const free: number[] = [];
    for (const k of last.values()) if (!kept.has(k)) free.push(k);
    const n = ids.length, p = pinned === undefined ? -1 : ids.indexOf(pinned);
    const pinnedOnly = kept.size === 1 && p >= 0 && last.has(pinned!) && (p === 0 || p === n - 1);
    if (kept.size === 0 || pinnedOnly || still) {
      // Nothing stays (a jump): in the old order, nothing moves. Only the tab stop stays, now
      // first: the tiles that were after it stay in order behind it, those before it move to
      // the end one by one (old head = new tail); now last: those after it move to the front
      // (old tail = new head), those before it stay in order. New keys go between the two
      // groups, and a group that needs to move is cut first when fewer tiles are needed.
      let hand = free;
      if (pinnedOnly && !still) {
        const at = [...last.keys()].indexOf(pinned!), before = free.slice(0, at), after = free.slice(at), m = n - 1;
        const fresh = Array.from({ length: m - free.length }, () => this._next++);
        hand = p ? [...after.reverse(), ...fresh, ...before].slice(-m) : [...after, ...fresh, ...before.reverse()].slice(0, m);
      }
      let k = 0;
      ids.forEach((_, j) => (out[j] ??= k < hand.length ? hand[k++] : this._next++));
    } else {
      let head = 0, tail = free.length - 1;
      const front = out.findIndex((o) => o !== undefined);
      for (let j = 0; j < front; j++) out[j] = head <= tail ? free[tail--] : this._next++;
      for (let j = n - 1; j > front; j--) if (out[j] === undefined) out[j] = head <= tail ? free[head++] : this._next++;
    }
    const order = ids.map((_, j) => j);
    if (still) {
      const pos = new Map<number, number>();
      for (const k of last.values()) pos.set(k, pos.size);
      order.sort((a, b) => (pos.get(out[a]!) ?? Infinity) - (pos.get(out[b]!) ?? Infinity) || a - b);
    }
    // `_last` in DOM order: the free keys above are handed out in that order.
    for (const j of order) now.set(ids[j], out[j]!);
    this._last = now;
    this._ends = [ids[order[0]], ids[order[n - 1]]];
    return { keys: out as number[], order };
  }
}

/**
 * On a tile's element: its geometry (`styleProps`), and, when the tile is reused for another
 * item (`id` changed), it drops the state the previous item's media had set on it (`loaded`,
 * `instant`), so the new item shows its placeholder, not the old picture, until its own media
 * loads. One directive for both: one instance per tile.
 */
class TileDirective extends StylePropsDirective {
  private _id?: string;
  override render(_props: StyleProps, _id?: string): unknown {
    return noChange;
  }
  override update(part: ElementPart, [props, id]: [StyleProps, string?]): unknown {
    if (this._id !== undefined && this._id !== id) {
      part.element.removeAttribute('loaded');
      part.element.removeAttribute('instant');
    }
    this._id = id;
    return super.update(part, [props]);
  }
}
export const tileEl = directive(TileDirective);

/**
 * Moves the focused tab stop `pinned` within `indices` (the band in index order, with the tab
 * stop first or last when out of it) so that Lit's `repeat` never moves its element, which would
 * take focus from it: `was` is where its element was in the DOM in the last render (first: true,
 * last: false; `TileKeys.end`). Once first it is never made last, and once last it stays last,
 * in the band too (`repeat` moves an element that goes from first to last, and one that was last
 * and has tiles put after it that were before it). Out of index order there, its
 * `aria-posinset` still says where it is, and the grid renders without moving anything until
 * focus leaves it (`TileKeys.scrambled`). A tab stop without focus stays in index order (a
 * moved element loses nothing then).
 */
export function placePinned(indices: number[], pinned: number, was: boolean | undefined): void {
  const at = indices.indexOf(pinned);
  if (at < 0 || was === undefined || (was ? at !== indices.length - 1 : at === indices.length - 1)) return;
  indices.splice(at, 1);
  if (was) indices.unshift(pinned);
  else indices.push(pinned);
}
