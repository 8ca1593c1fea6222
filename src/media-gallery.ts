import { LitElement, html, nothing, type PropertyDeclaration, type PropertyValues } from 'lit';
import type { GalleryItem } from './model/items.js';
import { GalleryStore } from './model/store.js';
import { defaultLabels, type GalleryLabels } from './model/labels.js';
import { emit, reportInvalid, type GalleryEventName, type GalleryListener } from './events/gallery-events.js';
import { icons } from './icons.js';
import { atWidth, parseGap, parseResponsive, type Layout, type LayoutKind } from './layout.js';
import { styleProps } from './directives/style-props.js';
import { VirtualGridController } from './controllers/virtual-grid.js';
import { RovingGridController } from './controllers/roving-grid.js';
import { LoadMoreController } from './controllers/load-more.js';
import { DeepLinkController } from './controllers/deep-link.js';
import { SrcLoaderController } from './controllers/src-loader.js';
import { ChildrenController } from './controllers/children.js';
import { tileActionsLoader, uploadModeLoader } from './controllers/gallery-chunks.js';
import type { UploadHandler } from './controllers/transfer.js';
import { ItemActionsController } from './controllers/item-actions.js';
import { FullscreenController } from './controllers/fullscreen.js';
import { TouchModeController } from './controllers/touch-mode.js';
import { FocusKeeperController } from './controllers/focus-keeper.js';
import { AnnouncerController } from './controllers/announcer.js';
import { OnDemandController } from './controllers/on-demand.js';
import { headerView, loadMoreView } from './views/chrome.js';
import { isRtl } from './dom.js';
import { loadPreview, preloadPreview } from './preview-loader.js';
import { flowCount, gridView, tileIndexOf } from './views/grid.js';
import { TileEventsController } from './controllers/tile-events.js';
import { boolDefaultOn, boolOn, indexOrNull } from './converters.js';
import { galleryStyles } from '../styles/media-gallery.styles.js';
import { FormControlMixin } from './mixins/form-control.js';

/**
 * The whole gallery: a virtualized grid (or masonry, or justified rows) of thumbnails, a
 * modal preview, a toolbar, Load more and an upload mode. The web counterpart of Gradio's
 * `gr.Gallery`; see the README for every attribute.
 *
 * Items come from the `items` property, else from `src` (a JSON array or `{items: [...]}`),
 * else from light-DOM children (`<img>`, `<video>`, `<a href><img></a>`, `<gallery-thumb>`).
 * Every public event is dispatched by this element only, once per user action.
 *
 * @summary Image and video gallery.
 * @slot - Light-DOM `<img>`, `<video>`, `<a><img></a>` or `<gallery-thumb>` children, read as items when neither `items` nor `src` is set.
 * @slot empty - Content shown when there are no items.
 * @fires {CustomEvent<SelectDetail>} select - `{index, item, selected}` on a tile click/Enter/Space or a move in the preview; `selected: false` when the selection is cleared. Cancelable: the selection stays.
 * @fires {CustomEvent<ItemDetail>} preview-open - `{index, item}` when the user opens the preview.
 * @fires {CustomEvent<PreviewCloseDetail>} preview-close - `{index}` when the user closes the preview.
 * @fires {CustomEvent<LikeDetail>} like - `{index, item, liked: true|false|null}`; `item` has the new value. Cancelable: the like reverts.
 * @fires {CustomEvent<FavoriteDetail>} favorite - `{index, item, favorite}`. Cancelable: the star reverts.
 * @fires {CustomEvent<ItemDetail>} edit - `{index, item}`.
 * @fires {CustomEvent<ItemDetail>} action - `{index, item}` from the button labelled `action-label`.
 * @fires {CustomEvent<LoadMoreDetail>} load-more - `{count}` (items held now); once per pending request.
 * @fires {CustomEvent<ItemDetail>} download - `{index, item}`. Cancelable: then the page downloads.
 * @fires {CustomEvent<ItemDetail>} share - `{index, item}`. Cancelable: then the page shares.
 * @fires {CustomEvent<UploadDetail>} upload - `{files, items}` after files are added in upload mode.
 * @fires {CustomEvent<UploadErrorDetail>} upload-error - `{file, reason: 'type'|'size'|'count'|'read'|'camera'}` for a refused file or a failed source.
 * @fires {CustomEvent<ItemDetail>} delete - `{index, item}`. Cancelable: the item stays.
 * @fires {CustomEvent<ChangeDetail>} change - `{items}` after a user edit of the list (upload, delete).
 * @fires {CustomEvent<ItemErrorDetail>} item-error - `{index, item, reason}`: media failed to load (`reason: 'load'`), or an input was invalid (`item: null`, `index` is its position in the input, `input` the value); at most 100 per assignment, then one with `index: -1` and `count`.
 * @fires {CustomEvent<ClearDetail>} clear - `{}` when the user clears an upload gallery (the Clear button).
 * @fires {CustomEvent<StreamDetail>} stream - `{blob, width, height}` every `stream-every` ms while `streaming` is set and the webcam runs.
 * @csspart base - The container.
 * @csspart grid - The grid of tiles.
 * @csspart thumb - Each tile (a `role="listitem"` box holding its main button and its action buttons); the gallery renders tiles itself, with no shadow root each.
 * @csspart image - Each tile's image (or video).
 * @csspart caption - Each tile's caption.
 * @csspart actions - Each tile's group of action buttons.
 * @csspart error - An error tile's message (the media failed to load).
 * @csspart preview - The preview dialog.
 * @csspart strip - The preview's thumbnail strip.
 * @csspart toolbar - The gallery's and the preview's toolbars.
 * @csspart button - Every button.
 * @csspart load-more - The Load more button.
 * @csspart dropzone - The upload drop zone (click or Enter opens the file chooser).
 * @csspart refused - The list of refused files under the drop zone.
 * @csspart transfer - A tile's upload progress, with Cancel or Retry.
 * @csspart caption-editor - The inline caption input (F2 on a tile in upload mode).
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
export class MediaGallery extends FormControlMixin(LitElement) {
  static override styles = galleryStyles;
  static override properties = {
    items: { attribute: false, noAccessor: true },
    src: { type: String }, label: { type: String },
    showLabel: { attribute: 'show-label', converter: boolDefaultOn },
    container: { converter: boolDefaultOn },
    columns: {}, rows: {}, height: {}, gap: {},
    layout: { type: String, reflect: true },
    rowHeight: { type: Number, attribute: 'row-height' },
    allowPreview: { attribute: 'allow-preview', converter: boolDefaultOn },
    preview: { type: Boolean, reflect: true },
    selectedIndex: { attribute: 'selected-index', converter: indexOrNull, reflect: true, noAccessor: true },
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
    infiniteScroll: { attribute: 'infinite-scroll', converter: boolOn }, previewMode: { type: String, attribute: 'preview-mode', reflect: true }, idleHide: { type: Number, attribute: 'idle-hide' },
    loadMoreLabel: { type: String, attribute: 'load-more-label' },
    interactive: { converter: boolOn }, fileTypes: { attribute: 'file-types' }, sources: { type: String },
    maxFileSize: { attribute: 'max-file-size' }, maxFiles: { type: Number, attribute: 'max-files' },
    name: { type: String, reflect: true }, disabled: { type: Boolean, reflect: true }, required: { type: Boolean, reflect: true },
    uploadUrl: { type: String, attribute: 'upload-url' }, uploadHandler: { attribute: false }, webcamMirror: { attribute: 'webcam-mirror', converter: boolDefaultOn },
    webcamConstraints: { attribute: 'webcam-constraints' }, streaming: { converter: boolOn }, streamEvery: { type: Number, attribute: 'stream-every' },
    loop: { converter: boolDefaultOn }, history: { converter: boolOn }, slideshow: { type: Number },
    wheelZoom: { attribute: 'wheel-zoom', converter: boolOn }, labels: { attribute: false },
  };

  /** Source URL of a JSON array of items or a manifest `{items: [...]}`; relative item URLs resolve against it. `items` set by the page win over a late response. */ declare src: string;
  /** Label above the grid (Gradio's `label`). */ declare label: string;
  /** Show the label (default true). */ declare showLabel: boolean;
  /** Draw the bordered container (default true; `container="false"` turns it off). */ declare container: boolean;
  /** Number of columns: a number, a list per breakpoint (`"1 2 3"`), or a dict (`{"xs":1,"md":3}`). Default 2. */ declare columns: unknown;
  /** Visible rows (same forms as `columns`): bounds the grid's height; it scrolls inside. */ declare rows: unknown;
  /** Height: px number, any CSS length, or `auto` (the page scrolls). */ declare height: unknown;
  /** Gap between tiles: px number or `"x y"`. Default 8. */ declare gap: unknown;
  /** `grid` (square cells, default), `masonry` (columns, natural heights) or `justified` (rows of equal height). */ declare layout: LayoutKind;
  /** Target row height of the justified layout, px (default 220). */ declare rowHeight: number;
  /** Clicking a tile opens the preview (default true). Off: a click selects. */ declare allowPreview: boolean;
  /** Whether the preview is open. */ declare preview: boolean;
  /** Object-fit of the tiles: contain, cover (default), fill, none, scale-down. */ declare objectFit: string;
  /** Download button in the preview (default true). */ declare showDownloadButton: boolean;
  /** Share button in the preview (default false). */ declare showShareButton: boolean;
  /** Fullscreen buttons (default true). */ declare showFullscreenButton: boolean;
  /** Like and dislike buttons on tiles and in the preview. */ declare showLikeDislike: boolean;
  /** Favorite (star) button on tiles and in the preview. */ declare showFavoriteButton: boolean;
  /** Edit button on tiles and in the preview. */ declare showEditButton: boolean;
  /** Hide the preview's close button. */ declare hideCloseButton: boolean;
  /** When set, each item gets an action button with this label. */ declare actionLabel: string;
  /** Show Load more: the page has more items. */ declare hasMore: boolean;
  /** `load-more` also fires when the end of the grid scrolls into view (default off: only the button asks). */ declare infiniteScroll: boolean;
  /** `modal` (default): the preview covers the page; `inline`: it takes the gallery's box instead of the grid (Gradio's layout). */ declare previewMode: 'modal' | 'inline';
  /** Preview: fade its controls out after this many ms without input (default 0: never). */ declare idleHide: number;
  /** Label of the Load more button (default "Load more"). */ declare loadMoreLabel: string;
  /** Upload mode: a drop zone, paste and webcam sources, delete buttons. */ declare interactive: boolean;
  /** Accepted uploads: `"image, video, .pdf"` or a list (`['image', '.mp4']`); default image and video. */ declare fileTypes: string | string[];
  /** Upload sources: any of `upload webcam clipboard` (default `upload`). */ declare sources: string;
  /** Largest upload: bytes or `"5MB"`. */ declare maxFileSize: number | string | null;
  /** Most items the gallery accepts in upload mode (refused uploads fire `upload-error` with `count`); `1` replaces the item, as gr.Image. */ declare maxFiles: number;
  /** Form field name: the form's data carries each uploaded `File`, and each other item's URL, under it. */ declare name: string; /** Disabled form control: no uploads, no edits, not submitted. */ declare disabled: boolean; /** The form is invalid while the gallery is empty. */ declare required: boolean;
  /** POST each uploaded file here (multipart, field `file`); the response is the URL the item keeps. */ declare uploadUrl: string; /** A custom transport `(file, {signal, onProgress}) => Promise<url>`, used instead of `upload-url`. */ declare uploadHandler: UploadHandler | null;
  /** Mirror the webcam (default true). */ declare webcamMirror: boolean; /** JSON `MediaTrackConstraints` for the webcam. */ declare webcamConstraints: unknown; /** Fire `stream` while the webcam runs. */ declare streaming: boolean; /** ms between `stream` frames (500). */ declare streamEvery: number;
  /** Previous/next wrap around in the preview (default true). */ declare loop: boolean;
  /** Deep links: opening an item adds `#gallery-<id>-<index>` to the URL; Back closes the preview. */ declare history: boolean;
  /** Preview slideshow interval, ms (0: off). */ declare slideshow: number;
  /** Plain mouse wheel zooms in the preview. */ declare wheelZoom: boolean;
  /** Translations of the built-in strings. */ declare labels: Partial<GalleryLabels>;

  private _store = new GalleryStore();
  private _itemsSet = false;
  private _selected: number | null = null; private _openAtStart = false;
  private _grid = new VirtualGridController(this, this._store, () => ({
    kind: this.layout === 'masonry' || this.layout === 'justified' ? this.layout : 'grid',
    columnsAt: (w) => { const r = parseResponsive(this.columns); return r ? atWidth(r, w) : 2; },
    gap: this._gapXY, rowHeight: this.rowHeight || 220, height: this.height, rows: this.rows,
  }));
  private _roving = new RovingGridController(this, {
    count: () => this._store.length, layout: () => this._grid.layout(),
    pageMetrics: () => ({ viewport: this._grid.viewport.viewport, gapY: this._gapXY.y }),
    indexFromEvent: tileIndexOf, reveal: (i) => this._reveal(i), escape: () => (this.preview ? this._actions.close() : this._actions.clearSelection()), // a preview still loading: Escape cancels it
  });
  private _say = new AnnouncerController(this, () => this._l);
  private _actions = new ItemActionsController(this, this._store, { rove: (i, focus) => (focus ? void this._roving.focus(i) : (this._roving.index = i)), removed: (it, i, t) => this._say.deleted(it, i, t) });
  private _more = new LoadMoreController(this, { hasMore: () => this.hasMore, count: () => this._store.length, fire: (count) => emit(this, 'load-more', { count }), loaded: (a) => this._say.loaded(a) });
  private _touch = new TouchModeController(this);
  private _deepLink = new DeepLinkController(this, { count: () => this._store.length, open: (i) => this.open(i), closedByHistory: () => this._actions.close() });
  private _srcLoader = new SrcLoaderController(this, (list, base) => this._setItems(list, base));
  // Upload mode and the tiles' action buttons are chunks of their own, loaded when first wanted.
  private _upload = uploadModeLoader(this, this._store, { indexFromEvent: tileIndexOf, layout: () => this._grid.layout(), rtl: () => isRtl(this), tile: (i) => this._grid.tile(i),
    focus: (i) => void this._roving.focus(i), scroller: () => this.renderRoot.querySelector('.scroller.bounded'), setItems: (list) => this._setItems(list, undefined, false), announce: (t) => this._say.say(t) });
  private _tileActions = tileActionsLoader(this);
  private get _up() { return this._upload.value; }
  private _fullscreen = new FullscreenController(this);
  private _tiles = new TileEventsController(this, this._store);
  private _children: ChildrenController;

  constructor() {
    super();
    Object.assign(this, {
      src: '', label: '', showLabel: true, container: true, columns: 2, rows: null, height: null, gap: 8, layout: 'grid',
      rowHeight: 220, allowPreview: true, preview: false, objectFit: 'cover', showDownloadButton: true, showShareButton: false,
      showFullscreenButton: true, showLikeDislike: false, showFavoriteButton: false, showEditButton: false, hideCloseButton: false,
      actionLabel: '', hasMore: false, loadMoreLabel: '', interactive: false, fileTypes: '', sources: 'upload webcam clipboard', maxFileSize: null,
      maxFiles: 0, loop: true, history: false, slideshow: 0, wheelZoom: false, labels: {}, infiniteScroll: false, previewMode: 'modal', idleHide: 0,
      name: '', disabled: false, required: false, uploadUrl: '', uploadHandler: null, webcamMirror: true, webcamConstraints: null, streaming: false, streamEvery: 500,
    });
    this._children = new ChildrenController(this, () => !this._itemsSet && !this.src && !this._up?.edited, (inputs) => (inputs.length || this._store.length) && this._setItems(inputs));
    new FocusKeeperController(this, { count: () => this._store.length, tabStop: () => this._roving.index, firstNew: () => this._more.requestedAt, focus: (i) => void this._roving.focus(i) });
    new OnDemandController(this, () => this.allowPreview); // the preview's chunk on a pointer or focus; ThumbHash placeholders once decoded
  }

  /**
   * The items shown, normalised (`GalleryItem[]`). Set any input form of the contract (URL
   * strings, `[src, caption]`, Gradio payloads, `GalleryItem`s); invalid entries are skipped
   * with one console warning and an `item-error` each (in a list over 500, once idle after the
   * first screen: each item is checked when first shown). Selection and keyboard focus follow their item.
   */
  get items(): GalleryItem[] { return this._store.items as GalleryItem[]; }

  set items(value: unknown[]) { this._itemsSet = true; this._srcLoader.abort(); this._setItems(value); }

  /** @internal `requestUpdate('items')` compares no list: reading `items` would normalise all of a lazy one. */
  override requestUpdate(name?: PropertyKey, old?: unknown, o?: PropertyDeclaration, useNew?: boolean, value?: unknown): void {
    if (name === 'items' && !useNew) super.requestUpdate(name, undefined, o, true, {});
    else super.requestUpdate(name, old, o, useNew, value);
  }

  /** Index of the selected item (the one the preview shows), or `null`. Follows its item when `items` changes. */
  get selectedIndex(): number | null { return this._selected; }

  set selectedIndex(v: number | null) {
    const old = this._selected;
    // Only a whole, non-negative number selects (`-1`, `1.5`, `NaN`, `-Infinity` clear it).
    this._selected = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
    this.requestUpdate('selectedIndex', old);
  }

  private _setItems(value: unknown, base?: string, page = true) {
    const s = this._store;
    const selKey = this._selected != null ? s.keyAt(this._selected) : null;
    const focusKey = s.keyAt(this._roving.index);
    const invalid = s.set(value, base, true), j = selKey != null ? s.indexOfKey(selKey, this._selected!) : -1, f = s.indexOfKey(focusKey, this._roving.index);
    if (j >= 0) this.selectedIndex = j;
    if (f >= 0) this._roving.index = f;
    // A long list is normalised as it is shown, the rest when idle; its invalid inputs are reported then.
    if (s.pending) s.settleIdle((bad) => { reportInvalid(this, bad); this.requestUpdate('items'); });
    else reportInvalid(this, invalid);
    if (page) this._up?.pageSet(s.items);
    this.requestUpdate('items');
    if (base) this.updateComplete.then(() => this._deepLink.openFromHash());
  }

  private get _l(): GalleryLabels { return { ...defaultLabels, ...this.labels }; }

  private get _gapXY() { return parseGap(this.gap); }

  // ---- lifecycle --------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src && !this._itemsSet) void this._srcLoader.load(this.src);
    void this._upload.load(); // each once wanted (retried with back-off after a failure)
    void this._tileActions.load();
    const n = this._store.length;
    if (changed.has('items' as keyof MediaGallery)) {
      this._more.itemsChanged();
      if (this._roving.index >= n) this._roving.index = Math.max(0, n - 1);
    }
    const sel = this._selected;
    // An integer within the items, else null; one set before any item arrived waits for them.
    if (sel != null && (!Number.isInteger(sel) || sel < 0 || (n && sel >= n))) this._selected = null;
    if (changed.has('hasMore') && changed.get('hasMore') !== undefined) this._more.hasMoreChanged();
    // `selected-index` in the markup opens the preview once there are items (as in Gradio), unless allow-preview="false".
    if (!this.hasUpdated && this.hasAttribute('selected-index')) this._openAtStart = this.allowPreview;
    if (this._openAtStart && n && !(this._openAtStart = false) && this._selected != null) this.preview = true;
    if (this.preview && (!n || !this.allowPreview)) this.preview = false;
    if (changed.has('preview') && this.preview && this._selected == null && n) this._selected = 0;
  }

  protected override firstUpdated(): void {
    this._grid.viewport.measure(true);
    this._deepLink.openFromHash();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // An update can run after removal; observing then would leak.
    if (!this.isConnected) return;
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller.bounded');
    const vp = this._grid.viewport;
    vp.observe(grid, scroller);
    if (changed.has('height') || changed.has('rows') || changed.has('columns')) vp.measure(false);
    // The grid was hidden (no items) when last measured: read its width now, so the first
    // screen of tiles renders in this frame instead of a 12-tile guess and a second frame.
    else if (!vp.width && grid && this._store.length) vp.measure(false);
    this._more.observe(this.renderRoot.querySelector('.sentinel'), scroller);
    if (this.allowPreview && this._store.length) {
      if (this.preview) void loadPreview();
      else preloadPreview();
    }
    if (changed.has('preview') || changed.has('selectedIndex')) this._deepLink.sync(changed.has('preview') ? (changed.get('preview') as boolean | undefined) : undefined);
  }

  /** Opens the preview at `index` (no events: a programmatic change). */
  open(index = this._selected ?? 0): void {
    if (!this._store.at(index) || !this.allowPreview) return;
    this.selectedIndex = index;
    this.preview = true;
  }

  /** Closes the preview (no events). */
  close(): void { this.preview = false; }
  /** Selects and shows the next item (wrapping when `loop`). No events. */
  next(): void { this._step(1); }
  /** Selects and shows the previous item (wrapping when `loop`). No events. */
  previous(): void { this._step(-1); }

  /** @internal Form-associated callbacks: `form.reset()`, a disabled fieldset, back/forward restore. */
  formResetCallback(): void { this._up?.form.reset(); }
  /** @internal */ formDisabledCallback(d: boolean): void { void this._upload.load(true).then(() => { if (this._up) this._up.form.formDisabled = d; this.requestUpdate(); }); }
  /** @internal */ formStateRestoreCallback(state: unknown): void { void this._upload.load(true).then(() => this._up?.form.restore(state)); }

  /** Resolves after the update and, while a chunk it wants is loading (upload mode, the tiles' action buttons), once it has loaded and rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    const pending = () => this._upload.pending ?? this._tileActions.pending;
    for (let p = pending(); p; p = pending()) done = await p.then(() => super.getUpdateComplete());
    return done;
  }

  /**
   * Scrolls the grid (or the page) so the tile at `index` is in view, rendering it.
   * Resolves once it is in the DOM. Any number is accepted; it is clamped to the items.
   */
  async scrollToIndex(index: number, block: 'nearest' | 'center' | 'start' = 'nearest'): Promise<void> {
    this._grid.scrollTo(index, block);
    await this.updateComplete;
  }

  private _step(d: number) {
    const n = this._store.length;
    if (!n) return;
    let j = (this._selected ?? (d > 0 ? -1 : n)) + d;
    if (j < 0 || j >= n) j = this.loop ? (j + n) % n : Math.min(n - 1, Math.max(0, j));
    this.selectedIndex = j;
    if (!this.preview) void this.scrollToIndex(j);
  }

  private _reveal = async (i: number) => (await this.scrollToIndex(i), this._grid.tile(i)?.querySelector<HTMLElement>('.main') ?? null);
  /** Focus left a tile: tiles a fling left out of DOM order (kept so while a tile had focus) go back in order. */
  private _onTileBlur = () => void (this._tiles.keys.scrambled && this.requestUpdate());

  private _renderGrid(layout: Layout) {
    const focus = Math.min(this._roving.index, layout.count - 1), tileFocused = !!this.shadowRoot?.activeElement?.closest('.tile'), range = this._grid.range(focus), rtl = isRtl(this), s = this._store, gap = this._gapXY;
    const columns = parseResponsive(this.columns) ?? parseResponsive(2)!;
    return gridView({
      layout, item: (i: number) => s.at(i)!, count: s.length, ...range, focus, selected: this._selected, overlay: this._up?.overlay(layout, range.indices, rtl) ?? null,
      label: this.label || this._l.gallery, gapX: gap.x, gapY: gap.y, onFocusIn: this._roving.onFocusIn, onKeyDown: this._roving.onKeyDown, rtl, touch: this._touch.active,
      tileFocused, onFocusOut: this._onTileBlur,
      flow: this._grid.viewport.width ? null : { columns, count: flowCount(columns, s.length), ratio: (i) => s.ratioAt(i) }, failed: (i) => s.failedAt(i), tileEvents: this._tiles, keys: this._tiles.keys,
      tile: {
        objectFit: this.objectFit || 'cover', l: this._l, showLikeDislike: this.showLikeDislike, showFavoriteButton: this.showFavoriteButton,
        showEditButton: this.showEditButton, showDeleteButton: this.interactive && !!this._up && !this._up.form.disabled, actionLabel: this.actionLabel ?? '', actions: this._tileActions.value,
      },
    });
  }

  override render() {
    const l = this._l;
    const n = this._store.length;
    const layout = this._grid.layout();
    const bounded = this._grid.boundedHeight(), children = !n && this._children.pending; // children show until read (server-rendered HTML)
    const inline = this.previewMode === 'inline', inlineOpen = inline && this.preview && this.allowPreview && !!n;
    return html`<div class="wrap ${this.container ? 'container' : ''}" part="base">
      ${headerView({ label: this.showLabel ? this.label : '', toolbarLabel: this.label || l.gallery, fullscreen: this.showFullscreenButton && n ? this._fullscreen : null, l })}
      ${this.interactive && this._up ? this._up.render(() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()) : nothing}
      <div class="scroller ${bounded ? 'bounded' : ''} ${n ? '' : 'shut'} ${this._grid.viewport.width ? '' : 'flow'}" ${styleProps({ height: bounded })} ?hidden=${inlineOpen}>
        ${this._renderGrid(layout)}
        ${this.hasMore && this.infiniteScroll ? html`<div class="sentinel"></div>` : nothing}
      </div>
      ${n || this.interactive || children ? nothing : html`<div class="empty" part="empty" tabindex="-1"><slot name="empty">${icons.broken}<span>${l.empty}</span></slot></div>`}
      ${this.hasMore && !inlineOpen ? loadMoreView({ label: this.loadMoreLabel, pending: this._more.pending, request: this._more.request, l }) : nothing}
      <slot ?hidden=${!children}></slot>${this._say.render()}
      ${this.allowPreview && n && (this.preview || (this._tiles.painted && !this._store.pending)) ? html`<gallery-preview part="preview" exportparts="strip, toolbar, button, caption, image: preview-image" .modal=${!inline}
        .closable=${inline} ?hidden=${inline && !this.preview} ${styleProps({ '--gallery-preview-height': inline ? bounded ?? null : null })} .touch=${this._touch.active} .store=${this._store} .items=${this._store.items} .index=${this._selected ?? 0} .open=${this.preview} .loop=${this.loop} .labels=${this.labels}
        .tileRect=${this._grid.tileRect} .slideshow=${this.slideshow || 0} .wheelZoom=${this.wheelZoom} .idleHide=${this.idleHide || 0}
        .showDownloadButton=${this.showDownloadButton} .showShareButton=${this.showShareButton} .showFullscreenButton=${this.showFullscreenButton}
        .showLikeDislike=${this.showLikeDislike} .showFavoriteButton=${this.showFavoriteButton} .showEditButton=${this.showEditButton} .showDeleteButton=${this.interactive && !!this._up && !this._up.form.disabled}
        .hideCloseButton=${this.hideCloseButton} .actionLabel=${this.actionLabel ?? ''}></gallery-preview>` : nothing}
    </div>`;
  }
}

// Typed listeners for every gallery event, `select` and `change` included.
export interface MediaGallery {
  addEventListener<K extends GalleryEventName>(type: K, listener: GalleryListener<MediaGallery, K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: MediaGallery, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends GalleryEventName>(type: K, listener: GalleryListener<MediaGallery, K>, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: MediaGallery, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
