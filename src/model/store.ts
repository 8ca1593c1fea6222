/**
 * The one owner of a host's items: normalised once, keyed stably, with per-key runtime state
 * (learnt aspect ratio, failed load). Parts receive its items; they never normalise or copy.
 *
 * A lazy assignment (`set(inputs, base, true)`) copies the list and normalises an input only
 * when an item at or after its position is read (`at`, `keyAt`, …), or when `settle()` or
 * `items` asks for all: what is shown first costs the same for 1,000 items as for 100,000.
 * Every item still passes every check before anything reads it; an invalid input is found
 * (and kept in `invalid`) when normalisation reaches it.
 *
 * Pure module: no DOM.
 */
import { normalizeItem, normalizeItems, resolveItem, type GalleryItem, type InvalidInput } from './items.js';
import { afterFirstScreen, whenIdle } from '../dom.js';

/** What the store learnt about one item's media while the page ran. */
export interface ItemState {
  /** Natural width / height of the thumbnail, learnt on load (for items without width/height). */
  ratio?: number;
  /** The thumbnail failed to load (its `item-error` was reported once). */
  failed?: boolean;
  /** The lowest index the ratio was learnt at (entries sharing a key share the state). */
  from?: number;
}

/** The stable key of an item: `id`, else `src`. Two entries with one key share their state. */
export const keyOf = (item: GalleryItem): string => (item.id != null ? `id:${item.id}` : `src:${item.src}`);

/** A lazy `set` of at most this many inputs normalises them all at once, as an eager one does. */
export const LAZY_MIN = 500;

/**
 * Whether `input` may normalise to an item with the key `id:v` (`byId`) or `src:v`, read
 * without normalising it: true for every input that does (whichever of `src`, `url`, `path`,
 * `image`, `video` or a tuple's first entry gives its src), and for some that do not, which
 * normalising then tells apart.
 */
function mayHaveKey(input: unknown, byId: boolean, v: string): boolean {
  if (Array.isArray(input)) return mayHaveKey(input[0], byId, v);
  if (typeof input !== 'object' || input === null) return !byId && input === v;
  const o = input as Record<string, unknown>;
  if (byId) return o.id === v;
  return o.src === v || o.url === v || o.path === v || (o.image !== undefined && fileHas(o.image, v)) || (o.video !== undefined && fileHas(o.video, v));
}

/** Whether a Gradio file (`image`/`video`: a URL or `{url, path}`) may give the src `v`. */
const fileHas = (f: unknown, v: string): boolean =>
  f === v || (typeof f === 'object' && f !== null && ((f as { url?: unknown }).url === v || (f as { path?: unknown }).path === v));

export class GalleryStore {
  /** Bumped on every change of `items` (a lazy assignment's length included) or of a ratio, for caches keyed on it. */
  version = 0;
  /** The first index each of the last versions changed (`changedFrom`), oldest first. */
  private _from: number[] = [];
  /** The inputs of the last assignment skipped as invalid, so far (a lazy one finds more as it goes). */
  invalid: InvalidInput[] = [];
  private _state = new Map<string, ItemState>();
  /** The normalised items: all of them, or while a lazy assignment is pending, those before `_next`. */
  private _items: GalleryItem[] = [];
  /** A lazy assignment's own copy of its inputs; null when every input is normalised. */
  private _raw: unknown[] | null = null;
  /** The position in `_raw` of the next input to normalise. */
  private _next = 0;

  /** The normalised items, in order (normalising the rest of a lazy assignment first). Replaced, never mutated, on every change but that. */
  get items(): readonly GalleryItem[] {
    this.settle();
    return this._items;
  }

  /** How many items there are; while a lazy assignment is pending, at most this many (inputs not yet reached may be invalid). */
  get length(): number {
    return this._raw ? this._items.length + this._raw.length - this._next : this._items.length;
  }

  /**
   * The first index whose item or ratio may differ from what it was at `version`: items
   * before it are the same, with the same ratios. `Infinity` when nothing changed; 0 when
   * everything may have (a new assignment), or `version` is too old to tell.
   */
  changedFrom(version: number): number {
    const back = this.version - version, log = this._from;
    if (back <= 0) return Infinity;
    if (back > log.length) return 0;
    let m = Infinity;
    for (let k = log.length - back; k < log.length; k++) m = Math.min(m, log[k]);
    return m;
  }

  private _bump(from: number): void {
    this.version++;
    this._from.push(from);
    if (this._from.length > 32) this._from.shift();
  }

  /** Whether a lazy assignment has inputs left to normalise. */
  get pending(): boolean {
    return this._raw !== null;
  }

  at(index: number): GalleryItem | undefined {
    if (!Number.isInteger(index) || index < 0) return undefined;
    if (this._raw && index >= this._items.length) this._fill(index + 1, Infinity);
    return this._items[index];
  }

  /**
   * Normalises what a lazy assignment has left: all of it, or until `performance.now()`
   * passes `deadline` (in steps of 256 inputs).
   * @returns whether nothing is left.
   */
  settle(deadline = Infinity): boolean {
    if (this._raw) this._fill(Infinity, deadline);
    return !this._raw;
  }

  /**
   * Normalises the rest of a lazy assignment in idle time after the first screen (steps of 4–12 ms), then calls `done`
   * with its invalid inputs, once. Nothing is called if another assignment replaced it first.
   */
  settleIdle(done: (invalid: InvalidInput[]) => void): void {
    const assignment = this.invalid;
    const idle = (f: (d?: IdleDeadline) => void) => whenIdle(f, 200, 1);
    const step = (d?: IdleDeadline) => {
      if (this.invalid !== assignment) return;
      if (!this.settle(performance.now() + Math.max(4, Math.min(12, d?.timeRemaining() ?? 8)))) return void idle(step);
      done(this.invalid);
    };
    // Not before the first screen has painted, then in idle time.
    afterFirstScreen(() => idle(step));
  }

  keyAt(index: number): string | null {
    const it = this.at(index);
    return it ? keyOf(it) : null;
  }

  /**
   * Replaces the items from any input forms. `base` resolves relative URLs (a manifest's URL).
   * `lazy`: a list of more than {@link LAZY_MIN} inputs (without `base`) is copied and left
   * to normalise when read; its invalid inputs are found then (see `invalid`, `pending`).
   * @returns the inputs skipped as invalid (of a lazy assignment: none yet).
   */
  set(inputs: unknown, base?: string, lazy = false): InvalidInput[] {
    this._raw = null;
    if (lazy && !base) {
      const raw = copyOf(inputs);
      if (raw) {
        this._items = [];
        this._raw = raw;
        this._next = 0;
        this.invalid = [];
        this._bump(0);
        return [];
      }
    }
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
    this.invalid = invalid;
    return invalid;
  }

  /** Replaces the items with already-normal ones (an edit of the list by the user). */
  replaceAll(items: readonly GalleryItem[], from = 0): void {
    this._raw = null;
    this._items = items as GalleryItem[];
    this._bump(from);
  }

  /** Normalises a lazy assignment's inputs until `count` items are known, all inputs are read, or `deadline` passes. */
  private _fill(count: number, deadline: number): void {
    const raw = this._raw!, items = this._items, n = raw.length, found = this.invalid.length;
    let i = this._next, first = -1;
    while (i < n && items.length < count) {
      const input = raw[i];
      let r: GalleryItem | string;
      try {
        r = normalizeItem(input);
      } catch (err) {
        // A throwing getter or a revoked Proxy: that entry is invalid, the rest still render.
        r = `unreadable input (${(err as Error)?.message ?? err})`;
      }
      if (typeof r === 'string') {
        this.invalid.push({ index: i, input, reason: r });
        if (first < 0) first = items.length;
      }
      else items.push(r);
      i++;
      if ((i & 255) === 0 && deadline !== Infinity && performance.now() > deadline) break;
    }
    this._next = i;
    if (i >= n) this._raw = null;
    // An invalid input found: every later index moves down one, the length is one less.
    if (this.invalid.length !== found) this._bump(first);
  }

  /** Replaces one item (a like, a favorite): its key, so its state, stays. */
  replace(index: number, item: GalleryItem): void {
    const list = this.items.slice();
    list[index] = item;
    this.replaceAll(list, index);
  }

  /** Removes one item. @returns it. */
  remove(index: number): GalleryItem | undefined {
    const it = this.items[index];
    if (!it) return undefined;
    const list = this.items.slice();
    list.splice(index, 1);
    this.replaceAll(list, index);
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
    // Inputs not normalised yet are looked at as they are: only when one of them may hold
    // the key (a selection followed into a reordered list) is the rest normalised.
    const raw = this._raw;
    if (raw) {
      for (let i = this._next; i < raw.length; i++) {
        if (mayHaveKey(raw[i], byId, v)) {
          this.settle();
          break;
        }
      }
    }
    const list = this._items;
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
    const it = this.at(index);
    if (!it) return undefined;
    if (it.width && it.height) return it.width / it.height;
    return this._state.get(keyOf(it))?.ratio;
  }

  /**
   * Learns an item's aspect ratio from its loaded media.
   * @returns whether it changed (the layout then needs recomputing).
   */
  learnRatio(index: number, width: number, height: number): boolean {
    const it = this.at(index);
    if (!it || !(width > 0) || !(height > 0) || (it.width && it.height)) return false;
    const s = this.stateAt(index)!;
    const r = width / height;
    // Entries sharing a key share the ratio: one learnt at a later index leaves an earlier entry
    // laid out without it (a change reaches later items only) until that entry's own load says so.
    if (s.ratio === r && (s.from ?? Infinity) <= index) return false;
    s.ratio = r;
    s.from = Math.min(s.from ?? Infinity, index);
    this._bump(index);
    return true;
  }

  /** Whether the item at `index` failed to load (its tile shows an error). */
  failedAt(index: number): boolean {
    const it = this.at(index);
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

/**
 * A copy of a list of inputs, read index by index as `normalizeItems` reads them; null when
 * it is no array or cannot be read (a revoked Proxy, a throwing getter): the eager path then
 * reports each entry it cannot read.
 */
function copyOf(inputs: unknown): unknown[] | null {
  try {
    if (!Array.isArray(inputs)) return null;
    const list = inputs as unknown[], n = list.length;
    if (!Number.isSafeInteger(n) || n <= LAZY_MIN || n > 1 << 24) return null;
    // Native, no per-index script (a loop here cost ms of cold interpreter time at 10k); a
    // hole stays a hole and reads as `undefined`, as it would from the input.
    return list.slice();
  } catch {
    return null;
  }
}
