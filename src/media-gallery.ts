import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { inheritKey, itemKey, itemsFromChildren, normalizeItems, resolveItem, type GalleryItem } from './items.js';
import { fire, type GalleryEventName } from './events.js';
import { icons } from './icons.js';
import { defaultLabels, type GalleryLabels } from './labels.js';
import { atWidth, computeLayout, moveRows, parseGap, parseHeight, parseResponsive, rowsPerPage, visibleRange, type Layout, type LayoutKind } from './layout.js';
import { acceptAttr, accepts, parseSize } from './upload.js';
import { ViewportController } from './controllers/viewport.js';
import { FullscreenController } from './controllers/fullscreen.js';
import type { GalleryThumb } from './gallery-thumb.js';
import { galleryStyles } from '../styles/media-gallery.styles.js';

const boolOn = { fromAttribute: (v: string | null) => v !== null && v !== 'false' };
const boolDefaultOn = { fromAttribute: (v: string | null) => v !== 'false' };
const indexOrNull = {
  fromAttribute: (v: string | null) => (v === null || v === '' || v === 'null' || Number.isNaN(Number(v)) ? null : Number(v)),
  toAttribute: (v: number | null) => (v == null ? null : String(v)),
};
/** Events of the inner elements that the gallery re-fires from itself with its own state. */
const FORWARDED: GalleryEventName[] = ['select', 'like', 'favorite', 'edit', 'action', 'download', 'share', 'delete', 'item-error', 'preview-close'];
const OVERSCAN = 0.5;

/**
 * The whole gallery: a virtualized grid (or masonry, or justified rows) of thumbnails, a
 * modal preview, a toolbar, Load more and an upload mode. The web counterpart of Gradio's
 * `gr.Gallery`; see the README for every attribute.
 *
 * Items come from the `items` property, else from `src` (a JSON array or `{items: [...]}`),
 * else from light-DOM children (`<img>`, `<video>`, `<a href><img></a>`, `<gallery-thumb>`).
 *
 * @summary Image and video gallery.
 * @slot - Light-DOM `<img>`, `<video>`, `<a><img></a>` or `<gallery-thumb>` children, read as items when neither `items` nor `src` is set.
 * @slot empty - Content shown when there are no items.
 * @fires select - `{index, item, selected}` on a tile click/Enter/Space or a move in the preview; `selected: false` when the selection is cleared. Cancelable.
 * @fires preview-open - `{index, item}` when the user opens the preview.
 * @fires preview-close - `{index}` when the user closes the preview.
 * @fires like - `{index, item, liked: true|false|null}`. Cancelable: the like reverts.
 * @fires favorite - `{index, item, favorite}`. Cancelable: the star reverts.
 * @fires edit - `{index, item}`.
 * @fires action - `{index, item}` from the button labelled `action-label`.
 * @fires load-more - `{count}` (items held now); once per pending request.
 * @fires download - `{index, item}`. Cancelable: then the page downloads.
 * @fires share - `{index, item}`. Cancelable: then the page shares.
 * @fires upload - `{files, items}` after files are added in upload mode.
 * @fires upload-error - `{file, reason: 'type'|'size'|'count'|'read'}` for a refused file.
 * @fires delete - `{index, item}`. Cancelable: the item stays.
 * @fires change - `{items}` after a user edit of the list (upload, delete).
 * @fires item-error - `{index, item, reason}`: media failed to load (`reason: 'load'`), or an input was invalid (`item: null`, `index` is its position in the input).
 * @csspart grid - The grid of tiles.
 * @csspart thumb - Each tile (`<gallery-thumb>`); its `image`, `caption`, `button` parts are exported.
 * @csspart image - Each tile's image.
 * @csspart caption - Each tile's caption.
 * @csspart preview - The preview dialog.
 * @csspart strip - The preview's thumbnail strip.
 * @csspart toolbar - The gallery's and the preview's toolbars.
 * @csspart button - Every button.
 * @csspart load-more - The Load more button.
 * @csspart dropzone - The upload drop zone.
 * @csspart label - The label above the grid.
 * @csspart empty - The empty state.
 * @cssprop --gallery-radius - Corner radius of tiles (default 10px).
 * @cssprop --gallery-background - Container background.
 * @cssprop --gallery-text-color - Text colour.
 * @cssprop --gallery-muted-color - Secondary text colour.
 * @cssprop --gallery-border-color - Container and empty-state border.
 * @cssprop --gallery-thumb-background - Tile background while loading.
 * @cssprop --gallery-caption-color - Caption text colour on tiles.
 * @cssprop --gallery-caption-background - Caption background on tiles.
 * @cssprop --gallery-accent-color - Selection ring and active toggles.
 * @cssprop --gallery-focus-ring - Focus outline (a CSS `outline` value).
 * @cssprop --gallery-overlay-background - Preview background.
 * @cssprop --gallery-toolbar-background - Toolbar background.
 * @cssprop --gallery-toolbar-color - Toolbar icon colour.
 * @cssprop --gallery-font-family - Font.
 */
export class MediaGallery extends LitElement {
  static override styles = galleryStyles;
  static override properties = {
    items: { attribute: false, noAccessor: true },
    src: { type: String },
    label: { type: String },
    showLabel: { attribute: 'show-label', converter: boolDefaultOn },
    container: { converter: boolDefaultOn },
    columns: {},
    rows: {},
    height: {},
    gap: {},
    layout: { type: String, reflect: true },
    rowHeight: { type: Number, attribute: 'row-height' },
    allowPreview: { attribute: 'allow-preview', converter: boolDefaultOn },
    preview: { type: Boolean, reflect: true },
    selectedIndex: { attribute: 'selected-index', converter: indexOrNull, reflect: true },
    objectFit: { type: String, attribute: 'object-fit' },
    showDownloadButton: { attribute: 'show-download-button', converter: boolDefaultOn },
    showShareButton: { attribute: 'show-share-button', converter: boolOn },
    showFullscreenButton: { attribute: 'show-fullscreen-button', converter: boolDefaultOn },
    showLikeDislike: { attribute: 'show-like-dislike', converter: boolOn },
    showFavoriteButton: { attribute: 'show-favorite-button', converter: boolOn },
    showEditButton: { attribute: 'show-edit-button', converter: boolOn },
    hideCloseButton: { attribute: 'hide-close-button', converter: boolOn },
    actionLabel: { type: String, attribute: 'action-label' },
    hasMore: { attribute: 'has-more', converter: boolOn },
    loadMoreLabel: { type: String, attribute: 'load-more-label' },
    interactive: { converter: boolOn },
    fileTypes: { type: String, attribute: 'file-types' },
    sources: { type: String },
    maxFileSize: { attribute: 'max-file-size' },
    maxFiles: { type: Number, attribute: 'max-files' },
    loop: { converter: boolDefaultOn },
    history: { converter: boolOn },
    slideshow: { type: Number },
    wheelZoom: { attribute: 'wheel-zoom', converter: boolOn },
    labels: { attribute: false },
    loadingMore: { state: true },
    dragOver: { state: true },
    webcamOn: { state: true },
  };

  /** Source URL of a JSON array of items or a manifest `{items: [...]}`; relative item URLs resolve against it. */
  declare src: string;
  /** Label above the grid (Gradio's `label`). */
  declare label: string;
  declare showLabel: boolean;
  /** Draw the bordered container (default true; `container="false"` turns it off). */
  declare container: boolean;
  /** Number of columns: a number, a list per breakpoint (`"1 2 3"`), or a dict (`{"xs":1,"md":3}`). Default 2. */
  declare columns: unknown;
  /** Visible rows (same forms as `columns`): bounds the grid's height; it scrolls inside. */
  declare rows: unknown;
  /** Height: px number, any CSS length, or `auto` (the page scrolls). */
  declare height: unknown;
  /** Gap between tiles: px number or `"x y"`. Default 8. */
  declare gap: unknown;
  /** `grid` (square cells, default), `masonry` (columns, natural heights) or `justified` (rows of equal height). */
  declare layout: LayoutKind;
  /** Target row height of the justified layout, px (default 220). */
  declare rowHeight: number;
  declare allowPreview: boolean;
  /** Whether the preview is open. */
  declare preview: boolean;
  declare selectedIndex: number | null;
  /** CSS object-fit of the tiles: contain, cover (default), fill, none, scale-down. */
  declare objectFit: string;
  declare showDownloadButton: boolean;
  declare showShareButton: boolean;
  declare showFullscreenButton: boolean;
  declare showLikeDislike: boolean;
  declare showFavoriteButton: boolean;
  declare showEditButton: boolean;
  declare hideCloseButton: boolean;
  /** When set, each item gets an action button with this label. */
  declare actionLabel: string;
  declare hasMore: boolean;
  declare loadMoreLabel: string;
  /** Upload mode: a drop zone, paste and webcam sources, delete buttons. */
  declare interactive: boolean;
  /** Accepted uploads: `"image, video, .pdf"` (default image and video). */
  declare fileTypes: string;
  /** Upload sources: any of `upload webcam clipboard` (default `upload`). */
  declare sources: string;
  /** Largest upload: bytes or `"5MB"`. */
  declare maxFileSize: number | string | null;
  /** Most items the gallery accepts in upload mode (refused uploads fire `upload-error` with `count`). */
  declare maxFiles: number;
  declare loop: boolean;
  /** Deep links: opening an item adds `#gallery-<id>-<index>` to the URL; Back closes the preview. */
  declare history: boolean;
  /** Preview slideshow interval, ms (0: off). */
  declare slideshow: number;
  /** Plain mouse wheel zooms in the preview. */
  declare wheelZoom: boolean;
  /** Translations of the built-in strings. */
  declare labels: Partial<GalleryLabels>;
  declare loadingMore: boolean;
  declare dragOver: boolean;
  declare webcamOn: boolean;

  private _items: GalleryItem[] = [];
  private itemsSet = false;
  private layoutCache: Layout | null = null;
  private layoutKey = '';
  /** Aspect ratios learnt from loaded thumbnails of items without width/height. */
  private ratios = new WeakMap<GalleryItem, number>();
  private ratioCount = 0;
  private focusIndex = 0;
  private pendingCount = -1;
  private srcToken = 0;
  private io?: IntersectionObserver;
  private viewport = new ViewportController(this);
  private fullscreen = new FullscreenController(this);
  private mo?: MutationObserver;
  private stream: MediaStream | null = null;
  private pushedHash = false;

  constructor() {
    super();
    this.src = '';
    this.label = '';
    this.showLabel = true;
    this.container = true;
    this.columns = 2;
    this.rows = null;
    this.height = null;
    this.gap = 8;
    this.layout = 'grid';
    this.rowHeight = 220;
    this.allowPreview = true;
    this.preview = false;
    this.selectedIndex = null;
    this.objectFit = 'cover';
    this.showDownloadButton = true;
    this.showShareButton = false;
    this.showFullscreenButton = true;
    this.showLikeDislike = false;
    this.showFavoriteButton = false;
    this.showEditButton = false;
    this.hideCloseButton = false;
    this.actionLabel = '';
    this.hasMore = false;
    this.loadMoreLabel = '';
    this.interactive = false;
    this.fileTypes = '';
    this.sources = 'upload';
    this.maxFileSize = null;
    this.maxFiles = 0;
    this.loop = true;
    this.history = false;
    this.slideshow = 0;
    this.wheelZoom = false;
    this.labels = {};
    this.loadingMore = false;
    this.dragOver = false;
    this.webcamOn = false;
  }

  /**
   * The items shown, normalised. Set any input form of the contract (URL strings,
   * `[src, caption]`, Gradio payloads, `GalleryItem`s); invalid entries are skipped with one
   * console warning and an `item-error` each.
   */
  get items(): GalleryItem[] {
    return this._items;
  }

  set items(value: unknown[]) {
    this.itemsSet = true;
    this.setItems(value);
  }

  private setItems(value: unknown, base?: string) {
    const old = this._items;
    const { items, invalid } = normalizeItems(value as unknown[]);
    this._items = base ? items.map((it) => resolveItem(it, base)) : items;
    if (invalid.length) {
      console.warn(`<media-gallery>: skipped ${invalid.length} invalid item(s):`, invalid.map((x) => `#${x.index}: ${x.reason}`).join('; '));
      queueMicrotask(() => invalid.forEach((x) => fire(this, 'item-error', { index: x.index, item: null, reason: x.reason, input: x.input })));
    }
    this.requestUpdate('items', old);
  }

  private get l(): GalleryLabels {
    return { ...defaultLabels, ...this.labels };
  }

  // ---- lifecycle --------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('paste', this.onPaste);
    window.addEventListener('popstate', this.onPopState);
    if (!this.itemsSet && !this.src) {
      this.readChildren();
      this.mo = new MutationObserver(() => !this.itemsSet && !this.src && this.readChildren());
      this.mo.observe(this, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'href', 'alt', 'title', 'data-caption', 'poster'] });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('paste', this.onPaste);
    window.removeEventListener('popstate', this.onPopState);
    this.mo?.disconnect();
    this.mo = undefined;
    this.io?.disconnect();
    this.io = undefined;
    this.stopWebcam();
  }

  private readChildren() {
    const inputs = itemsFromChildren(this);
    if (inputs.length || this._items.length) this.setItems(inputs);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.loadSrc(this.src);
    const n = this._items.length;
    if (changed.has('items' as keyof MediaGallery)) {
      if (this.loadingMore && (n > this.pendingCount || !this.hasMore)) this.loadingMore = false;
      if (this.focusIndex >= n) this.focusIndex = Math.max(0, n - 1);
      if (this.selectedIndex != null && this.selectedIndex >= n) this.selectedIndex = n ? n - 1 : null;
    }
    if (changed.has('hasMore') && changed.get('hasMore') !== undefined) this.loadingMore = false;
    if (this.preview && (!n || !this.allowPreview)) this.preview = false;
    if (changed.has('preview') && this.preview && this.selectedIndex == null && n) this.selectedIndex = 0;
  }

  private async loadSrc(url: string) {
    const token = ++this.srcToken;
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const data: unknown = await res.json();
      if (token !== this.srcToken) return;
      const list = Array.isArray(data) ? data : (data as { items?: unknown[] })?.items;
      if (!Array.isArray(list)) throw new Error('expected a JSON array of items or {"items": [...]}');
      this.setItems(list, new URL(url, document.baseURI).href);
      this.openFromHash();
    } catch (err) {
      if (token !== this.srcToken) return;
      console.warn(`<media-gallery>: could not load items from ${url}:`, err);
      fire(this, 'item-error', { index: -1, item: null, reason: `src: ${(err as Error).message}` });
    }
  }

  protected override firstUpdated(): void {
    this.viewport.measure(true);
    this.openFromHash();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // An update can run after removal; observing then would leak.
    if (!this.isConnected) return;
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    this.viewport.observe(grid, scroller?.classList.contains('bounded') ? scroller : null);
    if (changed.has('height') || changed.has('rows') || changed.has('columns')) this.viewport.measure(false);
    // The grid was hidden (no items) when last measured: read its width now, so the first
    // screen of tiles renders in this frame instead of a 12-tile guess and a second frame.
    else if (!this.viewport.width && grid && this._items.length) this.viewport.measure(false);
    this.observeSentinel(scroller?.classList.contains('bounded') ? scroller : null);
    if (changed.has('preview') && this.history) this.syncHash(changed.get('preview') as boolean | undefined);
  }

  // ---- layout -------------------------------------------------------------------------

  private get gapXY() {
    return parseGap(this.gap);
  }

  private columnsAt(width: number): number {
    const r = parseResponsive(this.columns);
    return r ? atWidth(r, width) : 2;
  }

  /** The current layout, recomputed only when its inputs change. */
  private getLayout(): Layout {
    const width = this.viewport.width;
    const gap = this.gapXY;
    const cols = this.columnsAt(width);
    const kind: LayoutKind = this.layout === 'masonry' || this.layout === 'justified' ? this.layout : 'grid';
    const key = `${kind}|${width}|${cols}|${gap.x},${gap.y}|${this.rowHeight}|${this.ratioCount}`;
    if (this.layoutCache && this.layoutKey === key && this.layoutCache.count === this._items.length && this.layoutItems === this._items) return this.layoutCache;
    const items = this._items;
    const ratios = new Float64Array(items.length);
    if (kind !== 'grid') {
      for (let i = 0; i < items.length; i++) {
        const it = items[i];
        ratios[i] = it.width && it.height ? it.width / it.height : this.ratios.get(it) ?? 1;
      }
    }
    this.layoutCache = computeLayout(items.length, ratios, { kind, width, columns: cols, gap, rowHeight: this.rowHeight || 220 });
    this.layoutKey = key;
    this.layoutItems = items;
    return this.layoutCache;
  }
  private layoutItems: GalleryItem[] | null = null;

  private boundedHeight(l: Layout): string | null {
    const h = parseHeight(this.height);
    if (h) return h;
    const r = parseResponsive(this.rows);
    if (!r || l.kind !== 'grid') return null;
    const rows = atWidth(r, this.viewport.width);
    return `${rows * l.rowHeight + (rows - 1) * this.gapXY.y}px`;
  }

  // ---- public methods -------------------------------------------------------------

  /** Opens the preview at `index` (no events: a programmatic change). */
  open(index = this.selectedIndex ?? 0): void {
    if (!this._items[index] || !this.allowPreview) return;
    this.selectedIndex = index;
    this.preview = true;
  }

  /** Closes the preview (no events). */
  close(): void {
    this.preview = false;
  }

  /** Selects and shows the next item (wrapping when `loop`). */
  next(): void {
    this.stepSelection(1);
  }

  /** Selects and shows the previous item (wrapping when `loop`). */
  previous(): void {
    this.stepSelection(-1);
  }

  private stepSelection(d: number) {
    const n = this._items.length;
    if (!n) return;
    let j = (this.selectedIndex ?? (d > 0 ? -1 : n)) + d;
    if (j < 0 || j >= n) j = this.loop ? (j + n) % n : Math.min(n - 1, Math.max(0, j));
    this.selectedIndex = j;
    if (!this.preview) void this.scrollToIndex(j);
  }

  /**
   * Scrolls the grid (or the page) so the tile at `index` is in view, rendering it.
   * Resolves once it is in the DOM. Any index is valid; it is clamped to the items.
   */
  async scrollToIndex(index: number, block: 'nearest' | 'center' | 'start' = 'nearest'): Promise<void> {
    const n = this._items.length;
    if (!n) return;
    const i = Math.min(n - 1, Math.max(0, Math.floor(index)));
    const l = this.getLayout();
    const y = l.y[i], h = l.h[i];
    const s = this.viewport.scrollElement;
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
    if (!grid) return;
    const vp = this.viewport;
    const top = vp.top, bottom = vp.top + vp.viewport;
    let delta = 0;
    if (block === 'start') delta = y - top;
    else if (block === 'center') delta = y + h / 2 - (top + bottom) / 2;
    else if (y < top) delta = y - top;
    else if (y + h > bottom) delta = Math.min(y - top, y + h - bottom);
    if (delta) {
      if (s) s.scrollTop += delta;
      else window.scrollBy({ top: delta, behavior: 'instant' as ScrollBehavior });
    }
    this.viewport.measure(true);
    await this.updateComplete;
  }

  // ---- events from the tiles and the preview ------------------------------------------

  private thumbIndex(e: Event): number {
    const t = e.composedPath().find((n) => (n as Element).localName === 'gallery-thumb') as GalleryThumb | undefined;
    return t ? t.index : -1;
  }

  private onInner = (e: Event) => {
    if (e.target === this || !(e instanceof CustomEvent)) return;
    const type = e.type as GalleryEventName;
    if (!FORWARDED.includes(type)) return;
    e.stopPropagation();
    const d = e.detail as { index: number; item: GalleryItem };
    const fromPreview = (e.target as Element).localName === 'gallery-preview';
    const ok = this.handle(type, d, fromPreview);
    if (!ok) e.preventDefault();
  };

  /** Applies a user action from a tile or the preview; returns false when a listener cancelled it. */
  private handle(type: GalleryEventName, d: { index: number; item: GalleryItem } & Record<string, unknown>, fromPreview: boolean): boolean {
    const { index } = d;
    const item = this._items[index];
    switch (type) {
      case 'select': {
        if (!item) return false;
        if (fromPreview) {
          if (!fire(this, 'select', { index, item, selected: true })) return false;
          this.selectedIndex = index;
          this.focusIndex = index;
          if (this.history) this.syncHash(true);
          return true;
        }
        this.focusIndex = index;
        if (this.allowPreview) {
          if (!fire(this, 'select', { index, item, selected: true })) return false;
          this.selectedIndex = index;
          this.preview = true;
          fire(this, 'preview-open', { index, item });
          return true;
        }
        const selected = this.selectedIndex !== index;
        if (!fire(this, 'select', { index, item, selected })) return false;
        this.selectedIndex = selected ? index : null;
        return true;
      }
      case 'like':
      case 'favorite': {
        const next = d.item;
        const ok = fire(this, type, type === 'like' ? { index, item: next, liked: d.liked as boolean | null } : { index, item: next, favorite: d.favorite as boolean });
        if (ok) this.replaceItem(index, next);
        return ok;
      }
      case 'delete': {
        if (!item || !fire(this, 'delete', { index, item })) return false;
        const list = this._items.slice();
        list.splice(index, 1);
        if (item.src.startsWith('blob:')) URL.revokeObjectURL(item.src);
        this.setItems(list);
        fire(this, 'change', { items: this._items });
        return true;
      }
      case 'preview-close': {
        fire(this, 'preview-close', { index: this.selectedIndex ?? index });
        this.preview = false;
        void this.focusTile(this.selectedIndex ?? index);
        return true;
      }
      case 'item-error': {
        fire(this, 'item-error', { index, item: item ?? d.item, reason: (d as { reason?: string }).reason ?? 'load' });
        return true;
      }
      default:
        return item ? fire(this, type, { index, item } as never) : false;
    }
  }

  private replaceItem(index: number, next: GalleryItem) {
    const list = this._items.slice();
    inheritKey(list[index], next);
    list[index] = next;
    const old = this._items;
    this._items = list;
    this.layoutItems = list;
    this.requestUpdate('items', old);
  }

  private onThumbSize = (e: Event) => {
    const t = e.target as GalleryThumb;
    const { width, height } = (e as CustomEvent<{ width: number; height: number }>).detail;
    const it = this._items[t.index];
    if (!it || !width || !height || this.layout === 'grid' || !this.layout) return;
    if ((it.width && it.height) || this.ratios.get(it) === width / height) return;
    this.ratios.set(it, width / height);
    this.ratioCount++;
    this.requestUpdate();
  };

  // ---- keyboard (roving tabindex) ------------------------------------------------

  private onGridFocusIn = (e: FocusEvent) => {
    const i = this.thumbIndex(e);
    if (i >= 0 && i !== this.focusIndex) {
      this.focusIndex = i;
      this.requestUpdate();
    }
  };

  private onGridKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.metaKey || e.ctrlKey) return;
    const from = this.thumbIndex(e);
    if (from < 0 || (e.composedPath()[0] as Element).closest?.('.actions')) return;
    const l = this.getLayout();
    const n = this._items.length;
    const rtl = getComputedStyle(this).direction === 'rtl';
    let to = from;
    switch (e.key) {
      case 'ArrowRight': to = from + (rtl ? -1 : 1); break;
      case 'ArrowLeft': to = from + (rtl ? 1 : -1); break;
      case 'ArrowDown': to = moveRows(l, from, 1); break;
      case 'ArrowUp': to = moveRows(l, from, -1); break;
      case 'Home': to = 0; break;
      case 'End': to = n - 1; break;
      case 'PageDown': to = moveRows(l, from, rowsPerPage(l, this.viewport.viewport, this.gapXY.y)); break;
      case 'PageUp': to = moveRows(l, from, -rowsPerPage(l, this.viewport.viewport, this.gapXY.y)); break;
      case 'Escape':
        if (this.selectedIndex != null && !this.allowPreview) {
          const item = this._items[this.selectedIndex];
          if (item && fire(this, 'select', { index: this.selectedIndex, item, selected: false })) this.selectedIndex = null;
          break;
        }
        return;
      default: return;
    }
    e.preventDefault();
    to = Math.min(n - 1, Math.max(0, to));
    if (to !== from) void this.focusTile(to);
  };

  /** Moves the roving tab stop to `index`, scrolls it into view and focuses it. */
  private async focusTile(index: number) {
    if (!this._items.length) return;
    this.focusIndex = index;
    await this.scrollToIndex(index);
    const t = [...this.renderRoot.querySelectorAll<GalleryThumb>('.grid > gallery-thumb')].find((x) => x.index === index);
    if (t) {
      await t.updateComplete;
      t.focus({ preventScroll: true });
    }
  }

  // ---- load more --------------------------------------------------------------------

  private requestMore = () => {
    if (!this.hasMore || this.loadingMore) return;
    this.loadingMore = true;
    this.pendingCount = this._items.length;
    fire(this, 'load-more', { count: this._items.length });
  };

  private observeSentinel(root: HTMLElement | null) {
    const sentinel = this.renderRoot.querySelector('.sentinel');
    if (!sentinel || !this.hasMore) {
      this.io?.disconnect();
      this.io = undefined;
      return;
    }
    if (this.io && (this.io.root ?? null) === root && this.ioTarget === sentinel) return;
    this.io?.disconnect();
    this.ioTarget = sentinel;
    this.io = new IntersectionObserver((entries) => {
      if (entries.some((x) => x.isIntersecting) && this._items.length) this.requestMore();
    }, { root, rootMargin: '0px 0px 400px 0px' });
    this.io.observe(sentinel);
  }
  private ioTarget: Element | null = null;

  // ---- deep links -------------------------------------------------------------------

  private get hashPrefix() {
    return `#gallery-${this.id || 'media'}-`;
  }

  private openFromHash() {
    if (!this.history || !location.hash.startsWith(this.hashPrefix)) return;
    const i = Number(location.hash.slice(this.hashPrefix.length)) - 1;
    if (Number.isInteger(i) && this._items[i] && !this.preview) {
      this.open(i);
      this.pushedHash = false;
    }
  }

  private syncHash(wasOpen: boolean | undefined) {
    const hash = `${this.hashPrefix}${(this.selectedIndex ?? 0) + 1}`;
    if (this.preview) {
      if (location.hash === hash) return;
      if (location.hash.startsWith(this.hashPrefix)) history.replaceState(history.state, '', hash);
      else {
        history.pushState({ mediaGallery: this.id || 'media' }, '', hash);
        this.pushedHash = true;
      }
    } else if (wasOpen && location.hash.startsWith(this.hashPrefix)) {
      if (this.pushedHash) history.back();
      else history.replaceState(history.state, '', location.pathname + location.search);
      this.pushedHash = false;
    }
  }

  private onPopState = () => {
    if (!this.history) return;
    const ours = location.hash.startsWith(this.hashPrefix);
    if (this.preview && !ours) {
      this.pushedHash = false;
      const index = this.selectedIndex ?? 0;
      this.preview = false;
      fire(this, 'preview-close', { index });
      void this.focusTile(index);
    } else if (!this.preview && ours) {
      this.openFromHash();
    }
  };

  // ---- upload ------------------------------------------------------------------------

  private get accept() {
    return acceptAttr(this.fileTypes);
  }

  /** Adds files as a user upload: validates type, size and count, then fires `upload` and `change`. */
  addFiles(files: File[]): void {
    const accept = this.accept;
    const max = parseSize(this.maxFileSize);
    const good: File[] = [];
    for (const f of files) {
      if (!accepts(f, accept)) fire(this, 'upload-error', { file: f, reason: 'type' });
      else if (max != null && f.size > max) fire(this, 'upload-error', { file: f, reason: 'size' });
      else if (this.maxFiles > 0 && this._items.length + good.length >= this.maxFiles) fire(this, 'upload-error', { file: f, reason: 'count' });
      else good.push(f);
    }
    if (!good.length) return;
    const added: GalleryItem[] = good.map((f) => ({
      src: URL.createObjectURL(f),
      type: f.type.startsWith('video/') ? 'video' : 'image',
      caption: f.name,
      download: f.name,
    }));
    this.setItems([...this._items, ...added]);
    fire(this, 'upload', { files: good, items: added });
    fire(this, 'change', { items: this._items });
  }

  private get sourceList(): string[] {
    return (this.sources || 'upload').split(/[\s,]+/).filter(Boolean);
  }

  private onPaste = (e: ClipboardEvent) => {
    if (!this.interactive || !this.sourceList.includes('clipboard')) return;
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length) {
      e.preventDefault();
      this.addFiles(files);
    }
  };

  private async pasteFromClipboard() {
    try {
      const entries = await navigator.clipboard.read();
      const files: File[] = [];
      for (const entry of entries) {
        const type = entry.types.find((t) => t.startsWith('image/'));
        if (type) files.push(new File([await entry.getType(type)], `pasted.${type.split('/')[1]}`, { type }));
      }
      if (files.length) this.addFiles(files);
    } catch {
      fire(this, 'upload-error', { file: null, reason: 'read' });
    }
  }

  private onDrop = (e: DragEvent) => {
    e.preventDefault();
    this.dragOver = false;
    this.addFiles([...(e.dataTransfer?.files ?? [])]);
  };

  private async startWebcam() {
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
      this.webcamOn = true;
      await this.updateComplete;
      const v = this.renderRoot.querySelector<HTMLVideoElement>('.webcam video');
      if (v) {
        v.srcObject = this.stream;
        await v.play().catch(() => undefined);
      }
    } catch {
      fire(this, 'upload-error', { file: null, reason: 'read' });
    }
  }

  private stopWebcam() {
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.webcamOn = false;
  }

  private capture() {
    const v = this.renderRoot.querySelector<HTMLVideoElement>('.webcam video');
    if (!v || !v.videoWidth) return;
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    c.getContext('2d')!.drawImage(v, 0, 0);
    c.toBlob((b) => {
      if (b) this.addFiles([new File([b], `webcam-${Date.now()}.png`, { type: 'image/png' })]);
      this.stopWebcam();
    }, 'image/png');
  }

  private renderDropzone() {
    const l = this.l;
    const src = this.sourceList;
    return html`<div class="dropzone ${this.dragOver ? 'over' : ''}" part="dropzone"
      @dragover=${(e: DragEvent) => { e.preventDefault(); this.dragOver = true; }}
      @dragleave=${() => (this.dragOver = false)} @drop=${this.onDrop}>
      ${icons.upload}<span>${l.dropHere}</span>
      <div class="row">
        ${src.includes('upload') ? html`<button class="btn" part="button upload" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>${icons.upload}${l.upload}</button>
          <input type="file" hidden multiple accept=${this.accept} @change=${(e: Event) => { const i = e.target as HTMLInputElement; this.addFiles([...(i.files ?? [])]); i.value = ''; }} />` : nothing}
        ${src.includes('webcam') ? html`<button class="btn" part="button webcam" @click=${() => (this.webcamOn ? this.stopWebcam() : this.startWebcam())}>${icons.camera}${l.webcam}</button>` : nothing}
        ${src.includes('clipboard') ? html`<button class="btn" part="button paste" @click=${this.pasteFromClipboard}>${icons.paste}${l.paste}</button>` : nothing}
      </div>
      ${this.webcamOn ? html`<div class="webcam"><video muted playsinline></video><button class="btn" part="button capture" @click=${this.capture}>${icons.camera}${l.capture}</button></div>` : nothing}
    </div>`;
  }

  // ---- render -------------------------------------------------------------------------

  /** Where tile `i` is on screen, for the preview's open/close animation. */
  private tileRect = (i: number): DOMRect | null => {
    const t = [...this.renderRoot.querySelectorAll<GalleryThumb>('.grid > gallery-thumb')].find((x) => x.index === i);
    if (!t) return null;
    const r = t.getBoundingClientRect();
    return r.bottom < 0 || r.top > window.innerHeight ? null : r;
  };

  private renderGrid() {
    const l = this.getLayout();
    const n = l.count;
    const vp = this.viewport;
    const over = Math.max(200, vp.viewport * OVERSCAN);
    const top = vp.top - over, bottom = vp.bottom + over;
    this.viewport.rendered = { top: vp.top - over / 2, bottom: vp.bottom + over / 2 };
    const [start, end] = vp.width ? visibleRange(l, top, bottom) : [0, Math.min(n, 12)];
    const idx: number[] = [];
    for (let i = start; i < end; i++) idx.push(i);
    const focus = Math.min(this.focusIndex, n - 1);
    // The tab stop stays rendered while out of view, in index order: keyed repeat then never
    // moves it (moving a focused node would blur it).
    if (focus >= 0 && focus < start) idx.unshift(focus);
    else if (focus >= end) idx.push(focus);
    // Tiles on screen now load eagerly with fetchpriority=high; the overscan loads lazily.
    const [onScreenStart, onScreenEnd] = vp.width ? visibleRange(l, vp.top, vp.bottom) : [0, 12];
    const items = this._items;
    // Keys by item identity; a repeated object in the list gets a per-position key.
    const used = new Set<unknown>();
    const keyOf = (i: number) => {
      const k = itemKey(items[i]);
      if (!used.has(k)) { used.add(k); return k; }
      return `${k}@${i}`;
    };
    const fit = this.objectFit || 'cover';
    return html`<div class="grid" part="grid" role="list" aria-label=${this.label || this.l.gallery} style=${`height:${l.height}px;--_gap-x:${this.gapXY.x}px`}
      @focusin=${this.onGridFocusIn} @keydown=${this.onGridKeyDown} @thumb-size=${this.onThumbSize}>
      ${repeat(idx, keyOf, (i) => html`<gallery-thumb part="thumb" exportparts="image, caption, button, actions"
        role="listitem" aria-setsize=${n} aria-posinset=${i + 1}
        style=${`transform:translate(${l.x[i]}px,${l.y[i]}px);width:${l.w[i]}px;height:${l.h[i]}px`}
        .inGallery=${true} .item=${items[i]} .index=${i} .total=${n} .objectFit=${fit} .labels=${this.labels}
        .selected=${this.selectedIndex === i} .active=${i === focus} .priority=${i >= onScreenStart && i < onScreenEnd} .tileWidth=${l.w[i]}
        .showLikeDislike=${this.showLikeDislike} .showFavoriteButton=${this.showFavoriteButton} .showEditButton=${this.showEditButton}
        .showDeleteButton=${this.interactive} .actionLabel=${this.actionLabel ?? ''}></gallery-thumb>`)}
    </div>`;
  }

  override render() {
    const l = this.l;
    const n = this._items.length;
    const layout = this.getLayout();
    const bounded = this.boundedHeight(layout);
    const showHeader = (this.showLabel && this.label) || (this.showFullscreenButton && n);
    const fs = this.fullscreen.active;
    return html`<div class="wrap ${this.container ? 'container' : ''}" part="base"
      @select=${this.onInner} @like=${this.onInner} @favorite=${this.onInner} @edit=${this.onInner} @action=${this.onInner}
      @download=${this.onInner} @share=${this.onInner} @delete=${this.onInner} @item-error=${this.onInner} @preview-close=${this.onInner}>
      ${showHeader ? html`<div class="header">
        ${this.showLabel && this.label ? html`<span class="label" part="label">${this.label}</span>` : nothing}
        ${this.showFullscreenButton && n ? html`<gallery-toolbar part="toolbar" exportparts="button" plain label=${this.label || l.gallery}>
          <button class="btn" part="button fullscreen" aria-label=${fs ? l.exitFullscreen : l.fullscreen} title=${fs ? l.exitFullscreen : l.fullscreen}
            aria-pressed=${fs ? 'true' : 'false'} @click=${() => this.fullscreen.toggle()}>${fs ? icons.exitFullscreen : icons.fullscreen}</button>
        </gallery-toolbar>` : nothing}
      </div>` : nothing}
      ${this.interactive ? this.renderDropzone() : nothing}
      <div class="scroller ${bounded ? 'bounded' : ''}" style=${bounded ? `height:${bounded}` : ''} ?hidden=${!n}>
        ${this.renderGrid()}
        ${this.hasMore ? html`<div class="sentinel"></div>` : nothing}
      </div>
      ${n || this.interactive ? nothing : html`<div class="empty" part="empty"><slot name="empty">${icons.broken}<span>${l.empty}</span></slot></div>`}
      ${this.hasMore ? html`<div class="more"><button class="btn" part="button load-more" aria-busy=${this.loadingMore ? 'true' : 'false'}
        @click=${this.requestMore}>${this.loadingMore ? html`<span class="spinner" aria-hidden="true"></span>${l.loading}` : this.loadMoreLabel || l.loadMore}</button></div>` : nothing}
      <slot hidden></slot>
      ${this.allowPreview && n ? html`<gallery-preview part="preview" exportparts="strip, toolbar, button, caption, image: preview-image" modal .inGallery=${true}
        .items=${this._items} .index=${this.selectedIndex ?? 0} .open=${this.preview} .loop=${this.loop} .labels=${this.labels}
        .originRect=${this.tileRect} .slideshow=${this.slideshow || 0} .wheelZoom=${this.wheelZoom}
        .showDownloadButton=${this.showDownloadButton} .showShareButton=${this.showShareButton} .showFullscreenButton=${this.showFullscreenButton}
        .showLikeDislike=${this.showLikeDislike} .showFavoriteButton=${this.showFavoriteButton} .showEditButton=${this.showEditButton}
        .hideCloseButton=${this.hideCloseButton} .actionLabel=${this.actionLabel ?? ''}></gallery-preview>` : nothing}
    </div>`;
  }
}
