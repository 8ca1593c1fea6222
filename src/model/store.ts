/**
 * The one owner of a host's items: normalised once, keyed stably, with per-key runtime state
 * (learnt aspect ratio, failed load). Parts receive its items; they never normalise or copy.
 *
 * Pure module: no DOM.
 */
import { normalizeItems, resolveItem, type GalleryItem, type InvalidInput } from './items.js';

/** What the store learnt about one item's media while the page ran. */
export interface ItemState {
  /** Natural width / height of the thumbnail, learnt on load (for items without width/height). */
  ratio?: number;
  /** The thumbnail failed to load (its `item-error` was reported once). */
  failed?: boolean;
}

/** The stable key of an item: `id`, else `src`. Two entries with one key share their state. */
export const keyOf = (item: GalleryItem): string => (item.id != null ? `id:${item.id}` : `src:${item.src}`);

export class GalleryStore {
  /** The normalised items, in order. Replaced (never mutated) on every change. */
  items: readonly GalleryItem[] = [];
  /** Bumped on every change of `items` or of a ratio, for caches keyed on it. */
  version = 0;
  private _state = new Map<string, ItemState>();

  get length(): number {
    return this.items.length;
  }

  at(index: number): GalleryItem | undefined {
    return Number.isInteger(index) ? this.items[index] : undefined;
  }

  keyAt(index: number): string | null {
    const it = this.at(index);
    return it ? keyOf(it) : null;
  }

  /**
   * Replaces the items from any input forms. `base` resolves relative URLs (a manifest's URL).
   * @returns the inputs skipped as invalid.
   */
  set(inputs: unknown, base?: string): InvalidInput[] {
    const { items, invalid } = normalizeItems(inputs as unknown[]);
    if (base) {
      for (let i = 0; i < items.length; i++) {
        try {
          items[i] = resolveItem(items[i], base);
        } catch (err) {
          invalid.push({ index: i, input: items[i], reason: `bad URL (${(err as Error).message})` });
        }
      }
    }
    this.replaceAll(items);
    return invalid;
  }

  /** Replaces the items with already-normal ones (an edit of the list by the user). */
  replaceAll(items: readonly GalleryItem[]): void {
    this.items = items;
    this.version++;
  }

  /** Replaces one item (a like, a favorite): its key, so its state, stays. */
  replace(index: number, item: GalleryItem): void {
    const list = this.items.slice();
    list[index] = item;
    this.replaceAll(list);
  }

  /** Removes one item. @returns it. */
  remove(index: number): GalleryItem | undefined {
    const it = this.items[index];
    if (!it) return undefined;
    const list = this.items.slice();
    list.splice(index, 1);
    this.replaceAll(list);
    return it;
  }

  /**
   * Where the item with `key` is now, the one nearest `near` when several share it.
   * @returns its index, or -1.
   */
  indexOfKey(key: string | null, near = 0): number {
    if (key == null) return -1;
    // Compared field by field, no key string built per item: a key missing from 100,000
    // new items (a new gallery) costs a read or two per item.
    const byId = key.startsWith('id:');
    if (!byId && !key.startsWith('src:')) return -1;
    const v = key.slice(byId ? 3 : 4);
    const has = byId ? (it: GalleryItem) => it.id != null && `${it.id}` === v : (it: GalleryItem) => it.id == null && it.src === v;
    const list = this.items;
    const n = list.length;
    const start = Math.min(Math.max(0, near), n - 1);
    for (let d = 0; d < n; d++) {
      const a = start - d, b = start + d;
      if (b < n && has(list[b])) return b;
      if (a >= 0 && a !== b && has(list[a])) return a;
      if (a < 0 && b >= n) break;
    }
    return -1;
  }

  /** Runtime state of the item at `index` (created on first use). */
  stateAt(index: number): ItemState | undefined {
    const it = this.at(index);
    if (!it) return undefined;
    const k = keyOf(it);
    let s = this._state.get(k);
    if (!s) this._state.set(k, (s = {}));
    return s;
  }

  /** The aspect ratio (width / height) to lay the item out with: its own size, else a learnt one. */
  ratioAt(index: number): number | undefined {
    const it = this.items[index];
    if (!it) return undefined;
    if (it.width && it.height) return it.width / it.height;
    return this._state.get(keyOf(it))?.ratio;
  }

  /**
   * Learns an item's aspect ratio from its loaded media.
   * @returns whether it changed (the layout then needs recomputing).
   */
  learnRatio(index: number, width: number, height: number): boolean {
    const it = this.items[index];
    if (!it || !(width > 0) || !(height > 0) || (it.width && it.height)) return false;
    const s = this.stateAt(index)!;
    const r = width / height;
    if (s.ratio === r) return false;
    s.ratio = r;
    this.version++;
    return true;
  }

  /** Whether the item at `index` failed to load (its tile shows an error). */
  failedAt(index: number): boolean {
    const it = this.items[index];
    return !!it && this._state.get(keyOf(it))?.failed === true;
  }

  /** Records a failed load. @returns false when it was already recorded. */
  fail(index: number): boolean {
    const s = this.stateAt(index);
    if (!s || s.failed) return false;
    s.failed = true;
    return true;
  }
}
