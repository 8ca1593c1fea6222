import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { GalleryItem } from './model/items.js';
import { GalleryStore } from './model/store.js';
import { defaultLabels, fmt, type GalleryLabels } from './model/labels.js';
import { icons } from './preview-icons.js';
import { ZoomPanController } from './controllers/zoom-pan.js';
import { GestureController } from './controllers/gestures.js';
import { WheelZoomController } from './controllers/wheel-zoom.js';
import { MediaLoader } from './controllers/media-loader.js';
import { ModalController } from './controllers/modal.js';
import { SlideshowController } from './controllers/slideshow.js';
import { FullscreenController } from './controllers/fullscreen.js';
import { isRtl } from './dom.js';
import { StripController } from './preview-strip.js';
import { slideView } from './preview-slide.js';
import { PreviewActions, renderToolbar } from './preview-actions.js';
import { panStep, previewKeyHandler } from './preview-keys.js';
import { FocusTrapController } from './controllers/focus-trap.js';
import { OverflowController } from './controllers/overflow.js';
import { IdleUiController } from './controllers/idle-ui.js';
import { boolDefaultOn, boolOn } from './converters.js';
import { previewStyles } from '../styles/gallery-preview.styles.js';
import type { GalleryEventName, GalleryListener } from './events/gallery-events.js';
import { PlaceholdersController } from './controllers/placeholders.js';


/**
 * The large view: the image or video, previous/next, caption, "3 / 12" counter, a virtualized
 * thumbnail strip, a toolbar, zoom and pan, swipe gestures, fullscreen and an optional slideshow.
 *
 * Inside `<media-gallery>` it is a modal `<dialog>` over the page (`modal`) and the gallery
 * dispatches the events; alone it is an inline image viewer (`src` and `caption`, or `items`
 * and `selected-index`), the counterpart of Gradio's `gr.Image` in display mode, and dispatches
 * them itself.
 *
 * @summary Image and video viewer with zoom, pan and swipe.
 * @fires {CustomEvent<SelectDetail>} select - `{index, item, selected: true}` when the user moves to another item. Cancelable: the preview stays.
 * @fires {CustomEvent<PreviewCloseDetail>} preview-close - `{index}` when the user closes the modal preview (Escape, close button, swipe down).
 * @fires {CustomEvent<LikeDetail>} like - `{index, item, liked}` from the like/dislike buttons. Cancelable.
 * @fires {CustomEvent<FavoriteDetail>} favorite - `{index, item, favorite}` from the star. Cancelable.
 * @fires {CustomEvent<ItemDetail>} edit - `{index, item}` from the edit button.
 * @fires {CustomEvent<ItemDetail>} action - `{index, item}` from the action button.
 * @fires {CustomEvent<ItemDetail>} download - `{index, item}` before downloading. Cancelable: then the page downloads.
 * @fires {CustomEvent<ItemDetail>} share - `{index, item}` before sharing. Cancelable: then the page shares.
 * @fires {CustomEvent<ItemErrorDetail>} item-error - `{index, item, reason: 'load'}` when the large media fails to load.
 * @csspart preview - The dialog (modal) or region (inline).
 * @csspart stage - The area the image is shown, zoomed and swiped in.
 * @csspart image - The large image or video.
 * @csspart error - The tile shown instead of media that failed to load.
 * @csspart caption - The full caption.
 * @csspart strip - The thumbnail strip.
 * @csspart toolbar - The toolbar.
 * @csspart button - Every button.
 * @cssprop --gallery-overlay-background - Background behind the image.
 * @cssprop --gallery-preview-height - Height of the inline (non-modal) viewer, default 480px.
 */
export class GalleryPreview extends LitElement {
  static override styles = previewStyles;
  static override properties = {
    items: { attribute: false },
    src: { type: String },
    caption: { type: String },
    index: { type: Number, attribute: 'selected-index' },
    open: { type: Boolean, reflect: true },
    modal: { type: Boolean, reflect: true },
    loop: { attribute: 'loop', converter: boolDefaultOn },
    labels: { attribute: false },
    showDownloadButton: { attribute: 'show-download-button', converter: boolDefaultOn },
    showShareButton: { attribute: 'show-share-button', converter: boolOn },
    showFullscreenButton: { attribute: 'show-fullscreen-button', converter: boolDefaultOn },
    showLikeDislike: { attribute: 'show-like-dislike', converter: boolOn },
    showFavoriteButton: { attribute: 'show-favorite-button', converter: boolOn },
    showEditButton: { attribute: 'show-edit-button', converter: boolOn },
    showDeleteButton: { attribute: 'show-delete-button', converter: boolOn },
    hideCloseButton: { attribute: 'hide-close-button', converter: boolOn },
    actionLabel: { type: String, attribute: 'action-label' },
    wheelZoom: { attribute: 'wheel-zoom', converter: boolOn },
    slideshow: { type: Number },
    idleHide: { type: Number, attribute: 'idle-hide' },
    store: { attribute: false },
    closable: { attribute: false },
    touch: { type: Boolean, reflect: true },
  };

  /** Items to show (any input form of the contract); alternatively `src` and `caption`. */ declare items: unknown[];
  /** URL of the one image or video to show when `items` is empty. */ declare src: string;
  /** Caption of `src`. */ declare caption: string;
  /** Index of the item shown. */ declare index: number;
  /** Modal only: whether the dialog is open. */ declare open: boolean;
  /** Render as a modal dialog over the page (set by `<media-gallery>`). */ declare modal: boolean;
  /** Previous/next wrap around at the ends. Default true; `loop="false"` turns it off. */ declare loop: boolean;
  /** Strings shown and announced, merged over the English defaults. */ declare labels: Partial<GalleryLabels>;
  declare showDownloadButton: boolean;
  declare showShareButton: boolean;
  declare showFullscreenButton: boolean;
  declare showLikeDislike: boolean;
  declare showFavoriteButton: boolean;
  declare showEditButton: boolean;
  /** A Delete button (fires `delete`, cancelable; inside `<media-gallery interactive>` the gallery removes the item). */ declare showDeleteButton: boolean;
  declare hideCloseButton: boolean;
  /** Label of the action button; no button when empty. */ declare actionLabel: string;
  /** Plain mouse wheel zooms (otherwise ctrl/⌘ + wheel or a trackpad pinch). */ declare wheelZoom: boolean;
  /** Slideshow interval in ms; 0 (default) hides the slideshow button. */ declare slideshow: number;
  /** Fade the controls out after this many ms without input (0, the default: never); any input shows them. */ declare idleHide: number;
  /** @internal A host's item store: shown as it is (no normalising); requests go to the host instead of public events. The host re-sets `items` when the store changes. */ declare store: GalleryStore | null;
  /** @internal Set by a host that shows the preview inline (`preview-mode="inline"`): Close and Escape close it. */ declare closable: boolean;
  /** Touch mode (set by the host): 44 px buttons. `(pointer: coarse)` alone does the same. */ declare touch: boolean;
  /** @internal Set by a host: where tile `index` is on screen, for the open/close animation. */
  tileRect: ((index: number) => DOMRect | null) | null = null;

  /** Standalone: the items built from `items` or `src` + `caption`, rebuilt when those change. */
  private _own = new GalleryStore();
  private _seen: readonly GalleryItem[] | null = null;
  private _rtl = false;
  private _toast = '';
  private _toastTimer = 0;

  private _zp = new ZoomPanController(this, {
    stage: () => this.renderRoot?.querySelector<HTMLElement>('.stage') ?? null,
    natural: (i) => this._media.size(this._list[i]),
    current: () => this.index,
    zoomable: () => !!this._current && this._current.type !== 'video',
  });
  private _actions = new PreviewActions(this, {
    items: () => this._list,
    index: () => this.index,
    labels: () => this._l,
    show: (i) => (this.index = i),
    hide: () => (this.open = false),
    keep: (i, item) => {
      this._own.replace(i, item);
      this._seen = this._own.items;
      this.requestUpdate();
    },
    toast: (text) => this._showToast(text),
  });
  private _media = new MediaLoader(this, () => { this._zp.layout(); this._zp.set(this._zp.state); }, (item, i) => this._actions.mediaError(item, i));
  private _stageInput = [new GestureController(this, this._zp, {
    rtl: () => this._rtl,
    go: (d) => this._go(d),
    // Swipe down closes a modal; anywhere else the image goes back.
    close: () => (this.modal && this.open ? void this._requestClose() : this._zp.setDrag(0, 0)),
  }), new WheelZoomController(this, this._zp, () => this.wheelZoom)];
  private _fullscreen: FullscreenController = new FullscreenController(this, (): HTMLElement | null => (this.modal ? this._dialog : this));
  private _autoplay = new SlideshowController(this, {
    interval: () => this.slideshow,
    count: () => this._list.length,
    held: () => this._zp.zoomed,
    advance: () => {
      const j = this._step(1);
      if (j >= 0) this._actions.go(j);
      return j >= 0;
    },
    root: () => this.shadowRoot,
  });
  private _modalCtl = new ModalController(this, this._zp, {
    dialog: () => this._dialog,
    modal: () => this.modal,
    open: () => this.open,
    tileRect: () => this.tileRect?.(this.index) ?? null,
    opened: () => this.renderRoot.querySelector<HTMLElement>('.frame')?.focus({ preventScroll: true }),
    closed: () => void this._fullscreen.exit(),
  });
  private _stripCtl = new StripController(this, {
    items: () => this._list,
    index: () => this.index,
    labels: () => this._l,
    go: (i) => this._actions.go(i),
    loop: () => this.loop,
    element: () => this.renderRoot?.querySelector<HTMLElement>('.strip') ?? null,
  });
  /** After the modal controller: the frame is measured once the dialog is open. */
  private _overflow = new OverflowController(this, () => this.renderRoot?.querySelector('.frame') ?? null);

  constructor() {
    super();
    Object.assign(this, {
      items: [], src: '', caption: '', index: 0, open: false, modal: false, loop: true, labels: {}, showDownloadButton: true,
      showShareButton: false, showFullscreenButton: true, showLikeDislike: false, showFavoriteButton: false,
      showEditButton: false, showDeleteButton: false, hideCloseButton: false, actionLabel: '', wheelZoom: false,
      slideshow: 0, store: null, closable: false, touch: false, idleHide: 0,
    });
    // Tab cycles inside the open modal, both ways, in every engine.
    new FocusTrapController(this, () => (this.modal && this.open ? this._dialog : null));
    new IdleUiController(this, () => this.idleHide, () => this.open || !(this.modal || this.closable));
    new PlaceholdersController(this); // ThumbHash placeholders (strip, slides) once decoded
  }

  /** The items shown: the host's store, else the preview's own. */
  private get _list(): readonly GalleryItem[] {
    return (this.store ?? this._own).items;
  }

  private get _current(): GalleryItem | undefined {
    return this._list[this.index];
  }

  private get _l(): GalleryLabels {
    return { ...defaultLabels, ...this.labels };
  }

  private get _dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._toastTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.store && (!this.hasUpdated || changed.has('items') || changed.has('src') || changed.has('caption') || changed.has('store'))) {
      this._own.set(this.items?.length ? this.items : this.src ? [{ src: this.src, caption: this.caption || undefined }] : []);
    }
    // New items from the page (or the host): failed media get another try.
    if (this._list !== this._seen) {
      this._seen = this._list;
      this._media.clearFailures();
    }
    const n = this._list.length;
    if (n && (this.index < 0 || this.index >= n || !Number.isInteger(this.index))) this.index = Math.min(n - 1, Math.max(0, Math.floor(this.index) || 0));
    if (changed.has('index')) {
      this._zp.reset();
      this._autoplay.schedule();
    }
    if (changed.has('open') && !this.open) this._autoplay.stop();
    this._rtl = isRtl(this);
  }

  protected override updated(changed: PropertyValues<this>): void {
    for (const c of this._stageInput) c.attach(this.renderRoot.querySelector<HTMLElement>('.stage'));
    if (changed.has('index')) for (const v of this.renderRoot.querySelectorAll<HTMLVideoElement>('.slide:not(.current) video')) v.pause();
    // Neighbours only while something is shown: a closed modal preview fetches nothing.
    if (changed.has('open') && this.open && this.closable && !this.modal) this.renderRoot.querySelector<HTMLElement>('.frame')?.focus({ preventScroll: true });
    if (changed.has('index')) this._overflow.collapse();
    if ((changed.has('index') || changed.has('open')) && (this.open || (!this.modal && !this.closable))) {
      this._media.preload([this._list[this._step(1)], this._list[this._step(-1)]], this._zp.stage.width);
    }
  }

  /** Index `delta` steps away, wrapping when `loop`; `-1` when there is none. */
  private _step(delta: number): number {
    const n = this._list.length;
    const j = this.index + delta;
    if (j >= 0 && j < n) return j;
    return this.loop && n > 1 ? (j + n) % n : -1;
  }

  private _go(delta: 1 | -1): void {
    const j = this._step(delta);
    if (j >= 0) this._actions.go(j);
  }

  /** Closes the modal preview as a user action: animates to the tile, then tells the host. */
  private async _requestClose(): Promise<void> {
    if (this.closable && !this.modal) return this._actions.close();
    if (!this.modal || !this.open || this._modalCtl.animating) return;
    await this._modalCtl.animateClose();
    this._zp.setDrag(0, 0);
    this._actions.close();
  }

  private _showToast(text: string) {
    this._toast = text;
    this.requestUpdate();
    clearTimeout(this._toastTimer);
    this._toastTimer = window.setTimeout(() => {
      this._toast = '';
      this.requestUpdate();
    }, 2000);
  }

  private _onKeyDown = previewKeyHandler(this, {
    go: (d) => this._go(d),
    goTo: (i) => this._actions.go(i < 0 ? this._list.length - 1 : i),
    escape: () => {
      // An open More actions menu closes first, giving focus back to its button.
      if (this._overflow.collapse()) this.renderRoot.querySelector<HTMLElement>('[part~=more]')?.focus();
      // The fallback fullscreen has no browser UI to leave it: Escape does, as it does for the real one.
      else if (this.hasAttribute('pseudo-fullscreen')) void this._fullscreen.exit();
      else if (this.modal || this.closable) void this._requestClose();
      else return false;
      return true;
    },
    zoomBy: (f) => this._zoomBy(f),
    pan: (dx, dy) => panStep(this._zp, dx, dy),
    fullscreen: () => this.showFullscreenButton && void this._fullscreen.toggle(),
  });

  private _zoomBy(factor: number) {
    if (this._current?.type !== 'video') this._zp.zoomBy(factor);
  }

  private _onDialogClose = () => {
    // Closed by the browser (a close request we did not intercept): still a user action. Not
    // when the dialog is open again: a stale `close` from a close the page already undid.
    if (!this.open || this._dialog?.open) return;
    this._actions.close();
    if (this.open) this.requestUpdate();
  };

  private _onCancel = (e: Event) => {
    // Escape on a modal dialog: close through our own path (animation, request).
    e.preventDefault();
    void this._requestClose();
  };

  // ---- render ---------------------------------------------------------------------------

  /** A slide that cannot render becomes an error slide (never a blank or a render loop). */
  private _safeSlide(it: GalleryItem, k: number, i: number) {
    try { return this._renderSlide(it, k, i); } catch (err) { console.error('<gallery-preview>: could not render item', i, err); }
    return html`<div class="slide" data-k=${k} data-index=${i}><div class="error" part="error">${icons.broken}</div></div>`;
  }

  private _renderSlide(it: GalleryItem, k: number, i: number) {
    return slideView(it, k, i, { l: this._l, rtl: this._rtl, media: this._media });
  }

  /** "Image 3 of 12: caption". */
  private _name(it: GalleryItem): string {
    const l = this._l;
    return `${fmt(l.itemOf, { type: it.type === 'video' ? l.video : l.image, n: this.index + 1, total: this._list.length })}${it.caption ? `: ${it.caption}` : ''}`;
  }

  private _renderFrame() {
    const list = this._list;
    const it = list[this.index];
    const l = this._l;
    if (!it) return html`<div class="frame"><div class="backdrop"></div></div>`;
    const n = list.length;
    const slides: Array<[GalleryItem, number, number]> = [];
    for (const k of [-1, 0, 1]) {
      const j = k === 0 ? this.index : this._step(k);
      if (j >= 0 && (k === 0 || j !== this.index) && !slides.some((s) => s[2] === j)) slides.push([list[j], k, j]);
    }
    const prev = this._step(-1), next = this._step(1);
    const [toPrev, toNext] = this._rtl ? [icons.next, icons.prev] : [icons.prev, icons.next];
    return html`<div class="frame" tabindex="-1" @keydown=${this._onKeyDown} @focusin=${this._autoplay.focusChanged} @focusout=${this._autoplay.focusChanged}>
      <div class="backdrop"></div>
      <div class="top">
        <span class="counter" aria-hidden="true">${n > 1 ? `${this.index + 1} / ${n}` : ''}</span>
        ${renderToolbar({
          item: it, labels: l, flags: this, actions: this._actions, close: () => this._requestClose(), overflow: this._overflow,
          zoom: it.type === 'video' ? null : { out: this._zp.state.scale > 1, in: !this._zp.atMax, by: (f) => this._zoomBy(f) },
          slideshow: this.slideshow > 0 && n > 1 ? this._autoplay : null,
          fullscreen: this._fullscreen,
        })}
      </div>
      <div class="stage" part="stage" @pointerenter=${() => this._autoplay.hover(true)} @pointerleave=${() => this._autoplay.hover(false)}>
        <div class="track">${repeat(slides, (s) => s[2], ([item, k, j]) => this._safeSlide(item, k, j))}</div>
        ${n > 1 ? html`
          <button class="btn nav prev" part="button previous" aria-label=${l.previous} ?disabled=${prev < 0} @click=${() => this._go(-1)}>${toPrev}</button>
          <button class="btn nav next" part="button next" aria-label=${l.next} ?disabled=${next < 0} @click=${() => this._go(1)}>${toNext}</button>` : nothing}
        ${this._toast ? html`<div class="toast" role="status">${this._toast}</div>` : nothing}
      </div>
      <div class="caption" part="caption" ?hidden=${!it.caption}>${it.caption ?? ''}</div>
      ${this._stripCtl.render()}
      <div class="sr" aria-live="polite" aria-atomic="true">${this.open || !this.modal ? this._name(it) : ''}</div>
    </div>`;
  }

  override render() {
    const it = this._current;
    const label = it ? this._name(it) : this._l.preview;
    if (this.modal) {
      return html`<dialog part="preview" aria-label=${label} @cancel=${this._onCancel} @close=${this._onDialogClose}>
        ${this.open ? this._renderFrame() : nothing}
      </dialog>`;
    }
    return html`<div class="region" part="preview" role="region" aria-roledescription="image viewer" aria-label=${label}>${this._renderFrame()}</div>`;
  }
}

// Typed listeners for the preview's events, `select` included (Angular's strictTemplates
// types `(select)="…$event…"` through these).
export interface GalleryPreview {
  addEventListener<K extends GalleryEventName>(type: K, listener: GalleryListener<GalleryPreview, K>, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: GalleryPreview, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}
