import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { normalizeItem, type GalleryItem, type GalleryItemInput } from './model/items.js';
import { emit, type GalleryEventName, type GalleryListener } from './events/gallery-events.js';
import { sendRequest, type RequestAction, type RequestData } from './events/requests.js';
import { tileAct, tileContent, tileLoad, type TileRequest } from './views/tile.js';
import { tileActionsLoader } from './controllers/tile-actions-loader.js';
import { boolOn } from './converters.js';
import { icons } from './icons.js';
import { defaultLabels, type GalleryLabels } from './model/labels.js';
import { thumbStyles } from '../styles/gallery-thumb.styles.js';
import { PlaceholdersController } from './controllers/placeholders.js';

/**
 * One tile: an image or video thumbnail, its caption, and per-item action buttons.
 * Inside `<media-gallery>` the gallery positions and recycles it; alone it is a single tile.
 *
 * The image shows the item's placeholder (a data URL, or a ThumbHash once its decoder chunk has loaded) until it has loaded, uses
 * `loading="lazy"`, `decoding="async"` and the item's `srcset`/`sizes`. A failed load turns
 * the tile into an error tile with the caption, and fires `item-error`. Its action buttons load
 * as a chunk of their own once one shows (`tile-actions.js` beside the CDN entry); `updateComplete`
 * waits for it.
 *
 * @summary Gallery tile.
 * Inside `<media-gallery>` the gallery dispatches every event; alone, the tile does:
 * @fires {CustomEvent<SelectDetail>} select - `{index, item, selected}` when the tile is activated (click, Enter, Space); `selected` toggles. Cancelable: the selection stays.
 * @fires {CustomEvent<LikeDetail>} like - `{index, item, liked: true|false|null}` from the like/dislike buttons. Cancelable: the tile reverts.
 * @fires {CustomEvent<FavoriteDetail>} favorite - `{index, item, favorite}` from the star button. Cancelable: the tile reverts.
 * @fires {CustomEvent<ItemDetail>} edit - `{index, item}` from the edit button.
 * @fires {CustomEvent<ItemDetail>} action - `{index, item}` from the action button.
 * @fires {CustomEvent<ItemDetail>} delete - `{index, item}` from the delete button. Cancelable.
 * @fires {CustomEvent<ItemErrorDetail>} item-error - `{index, item, reason: 'load'}` when the thumbnail fails to load.
 * @csspart image - The `<img>` (or `<video>`) element.
 * @csspart caption - The one-line caption over the bottom of the tile.
 * @csspart button - Each action button.
 * @csspart actions - The group of action buttons.
 * @cssprop --gallery-thumb-width - Width of a standalone tile (default 200px).
 * @cssprop --gallery-thumb-height - Height of a standalone tile (default 200px).
 * @cssprop --gallery-thumb-background - Tile background while loading.
 * @cssprop --gallery-caption-color - Caption text colour.
 * @cssprop --gallery-caption-background - Caption background (a gradient by default).
 */
export class GalleryThumb extends LitElement {
  static override styles = thumbStyles;
  /** @internal */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: false };
  static override properties = {
    item: { attribute: false },
    entry: { attribute: false },
    src: { type: String },
    caption: { type: String },
    index: { type: Number },
    total: { type: Number },
    objectFit: { type: String, attribute: 'object-fit' },
    selected: { type: Boolean, reflect: true },
    active: { attribute: false },
    showLikeDislike: { attribute: 'show-like-dislike', converter: boolOn },
    showFavoriteButton: { attribute: 'show-favorite-button', converter: boolOn },
    showEditButton: { attribute: 'show-edit-button', converter: boolOn },
    showDeleteButton: { attribute: 'show-delete-button', converter: boolOn },
    actionLabel: { type: String, attribute: 'action-label' },
    priority: { attribute: false },
    tileWidth: { type: Number, attribute: false },
    labels: { attribute: false },
    failed: { type: Boolean, reflect: true },
    loaded: { type: Boolean, reflect: true },
    touch: { type: Boolean, reflect: true },
  };

  /** The item shown (any input form of the contract, normalised); alternatively set `src` (and `caption`) attributes. */
  declare item: GalleryItemInput | null;
  /** @internal Set by `<media-gallery>`: the already-normal item from its store. */
  declare entry: GalleryItem | null;
  declare src: string;
  declare caption: string;
  /** Position in the gallery (0-based), passed back in events. */
  declare index: number;
  /** Number of items in the gallery, for the accessible name ("Image 3 of 12"). */
  declare total: number;
  /** CSS `object-fit` of the thumbnail: contain, cover, fill, none, scale-down. */
  declare objectFit: string;
  /** Reflects the gallery's selection. */
  declare selected: boolean;
  /** @internal Holds the gallery's single tab stop (roving tabindex). Standalone tiles are always tabbable. */
  declare active: boolean;
  declare showLikeDislike: boolean;
  declare showFavoriteButton: boolean;
  declare showEditButton: boolean;
  declare showDeleteButton: boolean;
  declare actionLabel: string;
  /** @internal On-screen tile: `fetchpriority="high"`. */
  declare priority: boolean;
  /** @internal The tile's width in CSS px, set by the gallery's layout: the `sizes` of the srcset, so small tiles load small candidates. */
  declare tileWidth: number;
  declare labels: Partial<GalleryLabels>;
  /** Set when the thumbnail failed to load (an error tile is shown). */
  declare failed: boolean;
  /** Set once the thumbnail has loaded. */
  declare loaded: boolean;
  /**
   * Touch mode: the action buttons always show, at 44 px. Set by `<media-gallery>` when hover is
   * unavailable or a touch is seen; without it, `(hover: none)` alone shows them too.
   */
  declare touch: boolean;
  private _resolved: GalleryItem | null = null;
  // The action buttons are a chunk of their own, as in the gallery (loaded once one shows).
  private _actions = tileActionsLoader(this, () => this.showDeleteButton);

  constructor() {
    super();
    this.item = null;
    this.entry = null;
    this.src = '';
    this.caption = '';
    this.index = 0;
    this.total = 0;
    this.objectFit = 'cover';
    this.selected = false;
    this.active = true;
    this.showLikeDislike = false;
    this.showFavoriteButton = false;
    this.showEditButton = false;
    this.showDeleteButton = false;
    this.actionLabel = '';
    this.priority = false;
    this.tileWidth = 0;
    this.labels = {};
    this.failed = false;
    this.loaded = false;
    this.touch = false;
    new PlaceholdersController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'group');
  }

  /** The item in use: the gallery's, else `item` normalised, else one from `src`/`caption`. */
  private _resolve(): GalleryItem | null {
    if (this.entry) return this.entry;
    const input = this.item ?? (this.src ? { src: this.src, caption: this.caption || undefined } : null);
    if (input == null) return null;
    const it = normalizeItem(input);
    if (typeof it === 'string') {
      console.warn(`<gallery-thumb>: invalid item: ${it}`);
      return null;
    }
    return it;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    void this._actions.load();
    if (changed.has('entry') || changed.has('item') || changed.has('src') || changed.has('caption')) {
      const prev = this._resolved;
      const cur = (this._resolved = this._resolve());
      // Same media (e.g. only `liked` changed): keep the loaded state and avoid a flash.
      const sameMedia = prev && cur && prev.src === cur.src && prev.thumb === cur.thumb && prev.poster === cur.poster;
      if (!sameMedia) {
        this.failed = false;
        this.loaded = false;
        this._shownAt = performance.now();
        this._instant = false;
      }
    }
  }

  /** Resolves after the update and, while the action buttons' chunk is loading, once it has loaded and rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let p = this._actions.pending; p; p = this._actions.pending) done = await p.then(() => super.getUpdateComplete());
    return done;
  }

  /** Moves focus to the tile's main button. */
  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector('.main') as HTMLElement | null)?.focus(options);
  }

  /** When the current media was set: a load soon after (from cache) shows without a fade. */
  private _shownAt = 0;
  private _instant = false;

  /** Clicks, keys and media loads inside the tile (the capture phase: media events do not bubble). */
  private _events = {
    capture: true,
    handleEvent: (e: Event) => {
      const item = this._resolved;
      if (!item) return;
      const load = tileLoad(e);
      if (load?.ok) {
        // A fade only helps an image that arrives late.
        this._instant = performance.now() - this._shownAt < 100;
        this.loaded = true;
        // Tells a masonry or justified gallery the aspect ratio of an item that had no width/height.
        if (load.width && load.height) sendRequest(this, 'media-size', this.index, item, { width: load.width, height: load.height });
      } else if (load) {
        this._fail();
      } else {
        const r = tileAct(e, item);
        if (r) this._act(r);
      }
    },
  };

  /** The media failed to load (or the tile to render): an error tile, and the host hears of it once. */
  private _fail() {
    if (this.failed) return;
    this.failed = true;
    this._ask('media-error', {}, (it) => emit(this, 'item-error', { index: this.index, item: it, reason: 'load' }));
  }

  /**
   * Sends a request to the host; a tile with no host (standalone) runs `alone` instead, which
   * dispatches the public event itself.
   */
  private _ask<A extends RequestAction>(action: A, data: RequestData[A], alone: (item: GalleryItem) => void) {
    const item = this._resolved;
    if (!item) return;
    if (!sendRequest(this, action, this.index, item, data).handled) alone(item);
  }

  private _act(r: TileRequest) {
    const index = this.index;
    switch (r.action) {
      case 'activate':
        return this._ask('activate', {}, (item) => {
          const selected = !this.selected;
          if (emit(this, 'select', { index, item, selected })) this.selected = selected;
        });
      case 'like':
        return this._ask('like', r.data, (item) => {
          const next = { ...item, ...r.data };
          if (emit(this, 'like', { index, item: next, liked: r.data.liked })) this.item = next;
        });
      case 'favorite':
        return this._ask('favorite', r.data, (item) => {
          const next = { ...item, ...r.data };
          if (emit(this, 'favorite', { index, item: next, favorite: r.data.favorite })) this.item = next;
        });
      case 'edit': case 'action': case 'delete': {
        const type = r.action;
        return this._ask(type, {}, (item) => emit(this, type, { index, item }));
      }
      case 'caption': return this._ask('caption', {}, () => undefined);
    }
  }

  override render() {
    const item = this._resolved;
    if (!item) return nothing;
    try {
      return html`<div class="tile ${this.touch ? 'touch' : ''}" ?selected=${this.selected} ?loaded=${this.loaded} ?instant=${this._instant}
        @click=${this._events} @keydown=${this._events} @load=${this._events} @error=${this._events} @loadeddata=${this._events}>${tileContent(item, {
          index: this.index, total: this.total, l: { ...defaultLabels, ...this.labels }, objectFit: this.objectFit, active: this.active, selected: this.selected,
          priority: this.priority, width: this.tileWidth, failed: this.failed, loaded: this.loaded, showLikeDislike: this.showLikeDislike,
          showFavoriteButton: this.showFavoriteButton, showEditButton: this.showEditButton, showDeleteButton: this.showDeleteButton, showCaptionButton: false, actionLabel: this.actionLabel, actions: this._actions.value,
        })}</div>`;
    } catch (err) {
      // Whatever went wrong, the tile becomes an error tile (once) instead of a blank or a
      // render loop, and the host hears of it as a media error.
      console.error('<gallery-thumb>: could not render item', this.index, err);
      queueMicrotask(() => this._fail());
      return html`<div class="tile"><span class="error" part="error">${icons.broken}<span>${(this.labels.loadError ?? defaultLabels.loadError)}</span></span></div>`;
    }
  }
}

// Typed listeners for the tile's events, `select` included.
export interface GalleryThumb {
  addEventListener<K extends GalleryEventName>(type: K, listener: GalleryListener<GalleryThumb, K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: GalleryThumb, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}
