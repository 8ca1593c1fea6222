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
  /** The first and last ids of the last render. */
  private _ends: [string?, string?] = [];
  private _next = 0;
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

  /**
   * One key per entry of `ids` (item keys, unique), in the same order. Keys of items that left
   * are handed out so that Lit's `repeat` moves only the reused tiles, never one that stays
   * (moving an element would take focus from it): tiles coming in before the first tile that
   * stays take the keys of those that left from the end, in order; tiles coming in after it take
   * those that left from the start, the last tile first. After a jump (nothing stays) they take
   * them in order: no tile moves. So they do when the only tile that stays is `pinned` (the tab
   * stop, kept while scrolled away) at the same end of the list before and after: without this,
   * every jump of a gallery scrolled away from its tab stop moved (removed and re-inserted) all
   * its other tiles, each then styled, laid out and painted afresh.
   */
  assign(ids: readonly string[], pinned?: string): number[] {
    const last = this._last, now = new Map<string, number>(), out: (number | undefined)[] = ids.map((id) => last.get(id));
    const kept = new Set<number>();
    for (const k of out) if (k !== undefined) kept.add(k);
    const free: number[] = [];
    for (const k of last.values()) if (!kept.has(k)) free.push(k);
    let head = 0, tail = free.length - 1;
    const [first, end] = this._ends;
    const pinnedOnly = pinned !== undefined && kept.size === 1 && last.has(pinned) &&
      ((ids[0] === pinned && first === pinned) || (ids[ids.length - 1] === pinned && end === pinned));
    // Nothing stays (a jump), or only the pinned tab stop at the same end: the others in the same
    // order as before, so nothing moves at all.
    const inOrder = kept.size === 0 || pinnedOnly;
    if (inOrder) ids.forEach((_, j) => out[j] ??= head <= tail ? free[head++] : this._next++);
    const front = inOrder ? 0 : out.findIndex((k) => k !== undefined);
    for (let j = 0; j < front; j++) out[j] = head <= tail ? free[tail--] : this._next++;
    for (let j = ids.length - 1; j > front; j--) if (out[j] === undefined) out[j] = head <= tail ? free[head++] : this._next++;
    ids.forEach((id, j) => now.set(id, out[j]!));
    this._last = now;
    this._ends = [ids[0], ids[ids.length - 1]];
    return out as number[];
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
