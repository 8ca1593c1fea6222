import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { altOf, normalizeItem, type GalleryItem } from './items.js';
import { fire } from './events.js';
import { icons } from './icons.js';
import { defaultLabels, fmt, type GalleryLabels } from './labels.js';
import { placeholderUrl } from './placeholder.js';
import { thumbStyles } from '../styles/gallery-thumb.styles.js';

const boolOn = { fromAttribute: (v: string | null) => v !== null && v !== 'false' };

/**
 * One tile: an image or video thumbnail, its caption, and per-item action buttons.
 * Inside `<media-gallery>` the gallery positions and recycles it; alone it is a single tile.
 *
 * The image shows the item's placeholder (ThumbHash or data URL) until it has loaded, uses
 * `loading="lazy"`, `decoding="async"` and the item's `srcset`/`sizes`. A failed load turns
 * the tile into an error tile with the caption, and fires `item-error`.
 *
 * @summary Gallery tile.
 * @fires select - `{index, item, selected}` when the tile is activated (click, Enter, Space). Cancelable.
 * @fires like - `{index, item, liked: true|false|null}` from the like/dislike buttons. Cancelable: the tile reverts.
 * @fires favorite - `{index, item, favorite}` from the star button. Cancelable: the tile reverts.
 * @fires edit - `{index, item}` from the edit button.
 * @fires action - `{index, item}` from the action button.
 * @fires delete - `{index, item}` from the delete button (upload mode). Cancelable.
 * @fires item-error - `{index, item, reason: 'load'}` when the thumbnail fails to load.
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
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: false };
  static override properties = {
    item: { attribute: false },
    src: { type: String },
    caption: { type: String },
    index: { type: Number },
    total: { type: Number },
    objectFit: { type: String, attribute: 'object-fit' },
    selected: { type: Boolean, reflect: true },
    active: { type: Boolean },
    showLikeDislike: { attribute: 'show-like-dislike', converter: boolOn },
    showFavoriteButton: { attribute: 'show-favorite-button', converter: boolOn },
    showEditButton: { attribute: 'show-edit-button', converter: boolOn },
    showDeleteButton: { attribute: 'show-delete-button', converter: boolOn },
    actionLabel: { type: String, attribute: 'action-label' },
    priority: { type: Boolean },
    tileWidth: { type: Number, attribute: false },
    labels: { attribute: false },
    failed: { type: Boolean, reflect: true },
    loaded: { type: Boolean, reflect: true },
  };

  /** The item shown; alternatively set `src` (and `caption`) attributes. */
  declare item: GalleryItem | null;
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
  /** Holds the gallery's single tab stop (roving tabindex). Standalone tiles are always tabbable. */
  declare active: boolean;
  declare showLikeDislike: boolean;
  declare showFavoriteButton: boolean;
  declare showEditButton: boolean;
  declare showDeleteButton: boolean;
  declare actionLabel: string;
  /** First-screen tile: eager loading with `fetchpriority="high"`. */
  declare priority: boolean;
  /** The tile's width in CSS px, set by the gallery's layout: the `sizes` of the srcset, so small tiles load small candidates. */
  declare tileWidth: number;
  declare labels: Partial<GalleryLabels>;
  /** Set when the thumbnail failed to load (an error tile is shown). */
  declare failed: boolean;
  /** Set once the thumbnail has loaded. */
  declare loaded: boolean;
  /** Set by `<media-gallery>`, which then positions the tile and handles its events. */
  inGallery = false;

  constructor() {
    super();
    this.item = null;
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
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.inGallery && !this.hasAttribute('role')) this.setAttribute('role', 'group');
  }

  /** The item in use: `item`, else one built from the `src`/`caption` attributes. */
  get current(): GalleryItem | null {
    if (this.item) return this.item;
    if (!this.src) return null;
    const it = normalizeItem({ src: this.src, caption: this.caption || undefined });
    return typeof it === 'string' ? null : it;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('item') || changed.has('src')) {
      const prev = changed.get('item') as GalleryItem | null | undefined;
      const cur = this.current;
      // Same media (e.g. only `liked` changed): keep the loaded state and avoid a flash.
      const sameMedia = prev && cur && prev.src === cur.src && prev.thumb === cur.thumb && prev.poster === cur.poster;
      if (!sameMedia) {
        this.failed = false;
        this.loaded = false;
        this.shownAt = performance.now();
        this.removeAttribute('instant');
      }
    }
  }

  /** Moves focus to the tile's main button. */
  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector('.main') as HTMLElement | null)?.focus(options);
  }

  private get l(): GalleryLabels {
    return { ...defaultLabels, ...this.labels };
  }

  /** When the current media was set: a load soon after (from cache) shows without a fade. */
  private shownAt = 0;

  private onLoad = (e: Event) => {
    // A fade only helps an image that arrives late; on a fast scroll through cached tiles,
    // dozens of fading layers at once cost frames. `instant` turns the opacity transition off.
    if (performance.now() - this.shownAt < 100) this.setAttribute('instant', '');
    this.loaded = true;
    const m = e.target as HTMLImageElement | HTMLVideoElement;
    const width = 'naturalWidth' in m ? m.naturalWidth : m.videoWidth;
    const height = 'naturalHeight' in m ? m.naturalHeight : m.videoHeight;
    // Tells a masonry or justified gallery the aspect ratio of an item that had no width/height.
    if (width && height) this.dispatchEvent(new CustomEvent('thumb-size', { detail: { width, height }, bubbles: true }));
  };

  private onError = () => {
    if (this.failed) return;
    this.failed = true;
    const item = this.current;
    if (item) fire(this, 'item-error', { index: this.index, item, reason: 'load' });
  };

  private emitUpdate(type: 'like' | 'favorite', patch: Partial<GalleryItem>) {
    const item = this.current;
    if (!item) return;
    const next = { ...item, ...patch };
    const detail = type === 'like'
      ? { index: this.index, item: next, liked: next.liked ?? null }
      : { index: this.index, item: next, favorite: !!next.favorite };
    const ok = fire(this, type, detail as never);
    if (ok && !this.inGallery) this.item = next;
  }

  private onActivate = () => {
    const item = this.current;
    if (!item) return;
    const selected = this.inGallery ? true : !this.selected;
    if (fire(this, 'select', { index: this.index, item, selected }) && !this.inGallery) this.selected = selected;
  };

  private onKey = (e: KeyboardEvent) => {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      if (!e.repeat) this.onActivate();
    }
  };

  private actionButtons(item: GalleryItem) {
    const l = this.l;
    const tab = this.active ? 0 : -1;
    const i = { index: this.index, item };
    const b: unknown[] = [];
    if (this.showLikeDislike) {
      b.push(html`<button class="btn" part="button like" tabindex=${tab} aria-label=${l.like} title=${l.like} aria-pressed=${item.liked === true ? 'true' : 'false'}
        @click=${() => this.emitUpdate('like', { liked: item.liked === true ? null : true })}>${icons.like}</button>`);
      b.push(html`<button class="btn" part="button dislike" tabindex=${tab} aria-label=${l.dislike} title=${l.dislike} aria-pressed=${item.liked === false ? 'true' : 'false'}
        @click=${() => this.emitUpdate('like', { liked: item.liked === false ? null : false })}>${icons.dislike}</button>`);
    }
    if (this.showFavoriteButton) {
      b.push(html`<button class="btn" part="button favorite" tabindex=${tab} aria-label=${l.favorite} title=${l.favorite} aria-pressed=${item.favorite ? 'true' : 'false'}
        @click=${() => this.emitUpdate('favorite', { favorite: !item.favorite })}>${icons.star}</button>`);
    }
    if (this.showEditButton) {
      b.push(html`<button class="btn" part="button edit" tabindex=${tab} aria-label=${l.edit} title=${l.edit} @click=${() => fire(this, 'edit', i)}>${icons.edit}</button>`);
    }
    if (this.actionLabel) {
      b.push(html`<button class="btn" part="button action" tabindex=${tab} @click=${() => fire(this, 'action', i)}>${this.actionLabel}</button>`);
    }
    if (this.showDeleteButton) {
      b.push(html`<button class="btn" part="button delete" tabindex=${tab} aria-label=${l.delete} title=${l.delete} @click=${() => fire(this, 'delete', i)}>${icons.trash}</button>`);
    }
    return b;
  }

  override render() {
    const item = this.current;
    if (!item) return nothing;
    const l = this.l;
    const isVideo = item.type === 'video';
    const alt = altOf(item);
    // The button's name: the image's alt (plus a caption that says more), else "Image 3 of 12".
    const fallback = fmt(l.itemOf, { type: isVideo ? l.video : l.image, n: this.index + 1, total: this.total || 1 });
    const captionIsAlt = !!item.caption && item.caption === alt;
    const ph = this.loaded || this.failed ? null : placeholderUrl(item.placeholder);
    const fit = this.objectFit || 'cover';
    const actions = this.actionButtons(item);
    const pinned = item.liked != null || item.favorite;
    let media: unknown;
    if (this.failed) {
      media = html`<span class="error" part="error">${icons.broken}<span>${l.loadError}</span>${item.caption ? html`<span>${item.caption}</span>` : nothing}</span>`;
    } else if (isVideo && !item.poster && !item.thumb) {
      media = html`<video class="media" part="image" muted playsinline preload="metadata" src=${`${item.src}#t=0.1`}
        @loadeddata=${this.onLoad} @error=${this.onError} aria-hidden="true"></video>`;
    } else {
      const thumbSrc = isVideo ? (item.poster ?? item.thumb!) : (item.thumb ?? item.src);
      media = html`<img class="media" part="image" src=${thumbSrc} alt=${alt}
        srcset=${!isVideo && item.srcset ? item.srcset : nothing}
        sizes=${!isVideo && item.srcset ? (this.tileWidth ? `${Math.ceil(this.tileWidth)}px` : item.sizes ?? '200px') : nothing}
        width=${item.width ?? nothing} height=${item.height ?? nothing}
        loading=${this.priority ? 'eager' : 'lazy'} decoding="async" fetchpriority=${this.priority ? 'high' : 'auto'} draggable="false"
        @load=${this.onLoad} @error=${this.onError} />`;
    }
    return html`
      <button class="main" style=${`--_fit:${fit}`} tabindex=${this.active ? 0 : -1} aria-label=${this.failed || (alt && !isVideo) ? nothing : alt || fallback}
        aria-current=${this.selected ? 'true' : 'false'} @click=${this.onActivate} @keydown=${this.onKey}>
        ${ph ? html`<span class="ph" style=${`background-image:url("${ph}")`}></span>` : nothing}
        ${media}
        ${isVideo && !this.failed ? html`<span class="badge">${icons.play}</span>` : nothing}
        ${item.caption && !this.failed ? html`<span class="caption" part="caption" aria-hidden=${captionIsAlt ? 'true' : nothing}>${item.caption}</span>` : nothing}
      </button>
      ${actions.length ? html`<div class="actions ${pinned ? 'pinned' : ''}" part="actions">${actions}</div>` : nothing}
    `;
  }
}
