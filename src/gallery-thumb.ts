import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { altOf, normalizeItem, type GalleryItem, type GalleryItemInput } from './model/items.js';
import { emit, type GalleryEventName, type GalleryListener } from './events/gallery-events.js';
import { sendRequest, type RequestAction, type RequestData } from './events/requests.js';
import { boolOn } from './converters.js';
import { icons } from './icons.js';
import { defaultLabels, fmt, type GalleryLabels } from './model/labels.js';
import { placeholderCss } from './placeholder.js';
import { styleProps } from './directives/style-props.js';
import { thumbStyles } from '../styles/gallery-thumb.styles.js';

/** The `object-fit` values a tile accepts; anything else is `cover`. */
const FITS = new Set(['contain', 'cover', 'fill', 'none', 'scale-down']);

/**
 * One tile: an image or video thumbnail, its caption, and per-item action buttons.
 * Inside `<media-gallery>` the gallery positions and recycles it; alone it is a single tile.
 *
 * The image shows the item's placeholder (ThumbHash or data URL) until it has loaded, uses
 * `loading="lazy"`, `decoding="async"` and the item's `srcset`/`sizes`. A failed load turns
 * the tile into an error tile with the caption, and fires `item-error`.
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
    captionButton: { attribute: false },
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
  /** @internal Set by `<media-gallery>` in upload mode: a button that opens its inline caption editor. */
  declare captionButton: boolean;
  declare actionLabel: string;
  /** @internal First-screen tile: eager loading with `fetchpriority="high"`. */
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
    this.captionButton = false;
    this.actionLabel = '';
    this.priority = false;
    this.tileWidth = 0;
    this.labels = {};
    this.failed = false;
    this.loaded = false;
    this.touch = false;
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
    if (changed.has('entry') || changed.has('item') || changed.has('src') || changed.has('caption')) {
      const prev = this._resolved;
      const cur = (this._resolved = this._resolve());
      // Same media (e.g. only `liked` changed): keep the loaded state and avoid a flash.
      const sameMedia = prev && cur && prev.src === cur.src && prev.thumb === cur.thumb && prev.poster === cur.poster;
      if (!sameMedia) {
        this.failed = false;
        this.loaded = false;
        this._shownAt = performance.now();
        this.removeAttribute('instant');
      }
    }
  }

  /** Moves focus to the tile's main button. */
  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector('.main') as HTMLElement | null)?.focus(options);
  }

  private get _l(): GalleryLabels {
    return { ...defaultLabels, ...this.labels };
  }

  /** When the current media was set: a load soon after (from cache) shows without a fade. */
  private _shownAt = 0;

  private _onLoad = (e: Event) => {
    // A fade only helps an image that arrives late; on a fast scroll through cached tiles,
    // dozens of fading layers at once cost frames. `instant` turns the opacity transition off.
    if (performance.now() - this._shownAt < 100) this.setAttribute('instant', '');
    this.loaded = true;
    const m = e.target as HTMLImageElement | HTMLVideoElement;
    const width = 'naturalWidth' in m ? m.naturalWidth : m.videoWidth;
    const height = 'naturalHeight' in m ? m.naturalHeight : m.videoHeight;
    // Tells a masonry or justified gallery the aspect ratio of an item that had no width/height.
    const item = this._resolved;
    if (width && height && item) sendRequest(this, 'media-size', this.index, item, { width, height });
  };

  private _onError = () => {
    if (this.failed) return;
    this.failed = true;
    this._ask('media-error', {}, (item) => emit(this, 'item-error', { index: this.index, item, reason: 'load' }));
  };

  /**
   * Sends a request to the host; a tile with no host (standalone) runs `alone` instead, which
   * dispatches the public event itself.
   */
  private _ask<A extends RequestAction>(action: A, data: RequestData[A], alone: (item: GalleryItem) => void) {
    const item = this._resolved;
    if (!item) return;
    if (!sendRequest(this, action, this.index, item, data).handled) alone(item);
  }

  private _toggle(type: 'like' | 'favorite', patch: { liked: boolean | null } | { favorite: boolean }) {
    this._ask(type, patch as never, (item) => {
      const next = { ...item, ...patch };
      const ok = 'liked' in patch
        ? emit(this, 'like', { index: this.index, item: next, liked: patch.liked })
        : emit(this, 'favorite', { index: this.index, item: next, favorite: patch.favorite });
      if (ok) this.item = next;
    });
  }

  private _simple(type: 'edit' | 'action' | 'delete') {
    this._ask(type, {}, (item) => emit(this, type, { index: this.index, item }));
  }

  private _onActivate = () => {
    this._ask('activate', {}, (item) => {
      const selected = !this.selected;
      if (emit(this, 'select', { index: this.index, item, selected })) this.selected = selected;
    });
  };

  private _onKey = (e: KeyboardEvent) => {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      if (!e.repeat) this._onActivate();
    }
  };

  /**
   * The per-item buttons. Each name says which item it acts on ("Like Leaf ribs": twelve
   * identical "Like" buttons do not); no `title` repeats it.
   */
  private _actionButtons(item: GalleryItem, name: string) {
    const l = this._l;
    const tab = this.active ? 0 : -1;
    const on = (action: string) => fmt(l.onItem, { action, item: name });
    const b: unknown[] = [];
    if (this.showLikeDislike) {
      b.push(html`<button class="btn" part="button like" tabindex=${tab} aria-label=${on(l.like)} aria-pressed=${item.liked === true ? 'true' : 'false'}
        @click=${() => this._toggle('like', { liked: item.liked === true ? null : true })}>${icons.like}</button>`);
      b.push(html`<button class="btn" part="button dislike" tabindex=${tab} aria-label=${on(l.dislike)} aria-pressed=${item.liked === false ? 'true' : 'false'}
        @click=${() => this._toggle('like', { liked: item.liked === false ? null : false })}>${icons.dislike}</button>`);
    }
    if (this.showFavoriteButton) {
      b.push(html`<button class="btn" part="button favorite" tabindex=${tab} aria-label=${on(l.favorite)} aria-pressed=${item.favorite ? 'true' : 'false'}
        @click=${() => this._toggle('favorite', { favorite: !item.favorite })}>${icons.star}</button>`);
    }
    if (this.showEditButton) {
      b.push(html`<button class="btn" part="button edit" tabindex=${tab} aria-label=${on(l.edit)} @click=${() => this._simple('edit')}>${icons.edit}</button>`);
    }
    if (this.actionLabel) {
      // The visible label starts the name (WCAG 2.5.3, label in name).
      b.push(html`<button class="btn" part="button action" tabindex=${tab} aria-label=${on(this.actionLabel)} @click=${() => this._simple('action')}>${this.actionLabel}</button>`);
    }
    if (this.captionButton) {
      b.push(html`<button class="btn" part="button caption-edit" tabindex=${tab} aria-label=${on(l.editCaption)} @click=${() => this._ask('caption', {}, () => undefined)}>${icons.caption}</button>`);
    }
    if (this.showDeleteButton) {
      b.push(html`<button class="btn" part="button delete" tabindex=${tab} aria-label=${on(l.delete)} @click=${() => this._simple('delete')}>${icons.trash}</button>`);
    }
    return b;
  }

  override render() {
    const item = this._resolved;
    if (!item) return nothing;
    try {
      return this._renderTile(item);
    } catch (err) {
      // Whatever went wrong, the tile becomes an error tile (once) instead of a blank or a
      // render loop, and the host hears of it as a media error.
      console.error('<gallery-thumb>: could not render item', this.index, err);
      if (!this.failed) queueMicrotask(() => this._onError());
      return html`<span class="error" part="error">${icons.broken}<span>${this._l.loadError}</span></span>`;
    }
  }

  private _renderTile(item: GalleryItem) {
    const l = this._l;
    const isVideo = item.type === 'video';
    const alt = altOf(item);
    // The button's name: the image's alt (plus a caption that says more), else "Image 3 of 12".
    const fallback = fmt(l.itemOf, { type: isVideo ? l.video : l.image, n: this.index + 1, total: this.total || 1 });
    const captionIsAlt = !!item.caption && item.caption === alt;
    // A video says so ("Storm, video"); an image's alt names its button through the <img>.
    const label = isVideo ? (alt ? fmt(l.videoItem, { name: alt }) : fallback) : alt ? nothing : fallback;
    const ph = this.loaded || this.failed ? null : placeholderCss(item.placeholder);
    const fit = FITS.has(this.objectFit) ? this.objectFit : 'cover';
    const actions = this._actionButtons(item, item.caption || alt || fallback);
    const pinned = item.liked != null || item.favorite;
    let media: unknown;
    if (this.failed) {
      media = html`<span class="error" part="error">${icons.broken}<span>${l.loadError}</span>${item.caption ? html`<span>${item.caption}</span>` : nothing}</span>`;
    } else if (isVideo && !item.poster && !item.thumb) {
      media = html`<video class="media" part="image" muted playsinline preload="metadata" src=${`${item.src}#t=0.1`}
        @loadeddata=${this._onLoad} @error=${this._onError} aria-hidden="true"></video>`;
    } else {
      const thumbSrc = isVideo ? (item.poster ?? item.thumb!) : (item.thumb ?? item.src);
      media = html`<img class="media" part="image" src=${thumbSrc} alt=${alt}
        srcset=${!isVideo && item.srcset ? item.srcset : nothing}
        sizes=${!isVideo && item.srcset ? (this.tileWidth ? `${Math.ceil(this.tileWidth)}px` : item.sizes ?? '200px') : nothing}
        width=${item.width ?? nothing} height=${item.height ?? nothing}
        loading=${this.priority ? 'eager' : 'lazy'} decoding="async" fetchpriority=${this.priority ? 'high' : 'auto'} draggable="false"
        @load=${this._onLoad} @error=${this._onError} />`;
    }
    return html`
      <button class="main" ${styleProps({ '--_fit': fit })} tabindex=${this.active ? 0 : -1} aria-label=${this.failed ? nothing : label}
        aria-current=${this.selected ? 'true' : 'false'} @click=${this._onActivate} @keydown=${this._onKey}>
        ${ph ? html`<span class="ph" ${styleProps({ 'background-image': ph })}></span>` : nothing}
        ${media}
        ${isVideo && !this.failed ? html`<span class="badge">${icons.play}</span>` : nothing}
        ${item.caption && !this.failed ? html`<span class="caption" part="caption" aria-hidden=${captionIsAlt ? 'true' : nothing}>${item.caption}</span>` : nothing}
      </button>
      ${actions.length ? html`<div class="actions ${pinned ? 'pinned' : ''}" part="actions">${actions}</div>` : nothing}
    `;
  }
}

// Typed listeners for the tile's events, `select` included.
export interface GalleryThumb {
  addEventListener<K extends GalleryEventName>(type: K, listener: GalleryListener<GalleryThumb, K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: GalleryThumb, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}
