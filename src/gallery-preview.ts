import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { altOf, type GalleryItem } from './model/items.js';
import { GalleryStore } from './model/store.js';
import { emit } from './events/gallery-events.js';
import { sendRequest, type RequestAction, type RequestData, type GalleryRequest } from './events/requests.js';
import { icons } from './icons.js';
import { defaultLabels, fmt, type GalleryLabels } from './model/labels.js';
import { placeholderUrl } from './placeholder.js';
import { downloadItem, shareItem } from './actions.js';
import { GestureController, type GestureHost } from './controllers/gestures.js';
import { FullscreenController } from './controllers/fullscreen.js';
import { clampPan, fitSize, maxScale, oneToOne, zoomAt, type Size, type ZoomState } from './zoom.js';
import { previewStyles } from '../styles/gallery-preview.styles.js';

const boolOn = { fromAttribute: (v: string | null) => v !== null && v !== 'false' };
const boolDefaultOn = { fromAttribute: (v: string | null) => v !== 'false' };
const STRIP_GAP = 6;
const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The large view: the image or video, previous/next, caption, "3 / 12" counter, a virtualized
 * thumbnail strip, a toolbar, zoom and pan, swipe gestures, fullscreen and an optional slideshow.
 *
 * Inside `<media-gallery>` it is a modal `<dialog>` over the page (`modal`); alone it is an
 * inline image viewer (`src` and `caption`, or `items` and `selected-index`), the counterpart
 * of Gradio's `gr.Image` in display mode.
 *
 * @summary Image and video viewer with zoom, pan and swipe.
 * @fires select - `{index, item, selected: true}` when the user moves to another item. Cancelable: the preview stays.
 * @fires preview-close - `{index}` when the user closes the modal preview (Escape, close button, swipe down).
 * @fires like - `{index, item, liked}` from the like/dislike buttons. Cancelable.
 * @fires favorite - `{index, item, favorite}` from the star. Cancelable.
 * @fires edit - `{index, item}` from the edit button.
 * @fires action - `{index, item}` from the action button.
 * @fires download - `{index, item}` before downloading. Cancelable: then the page downloads.
 * @fires share - `{index, item}` before sharing. Cancelable: then the page shares.
 * @fires item-error - `{index, item, reason: 'load'}` when the large media fails to load.
 * @csspart preview - The dialog (modal) or frame (inline).
 * @csspart image - The large image or video.
 * @csspart caption - The full caption.
 * @csspart strip - The thumbnail strip.
 * @csspart toolbar - The toolbar.
 * @csspart button - Every button.
 * @cssprop --gallery-overlay-background - Background behind the image.
 * @cssprop --gallery-preview-height - Height of the inline (non-modal) viewer, default 480px.
 */
export class GalleryPreview extends LitElement implements GestureHost {
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
    hideCloseButton: { attribute: 'hide-close-button', converter: boolOn },
    actionLabel: { type: String, attribute: 'action-label' },
    wheelZoom: { attribute: 'wheel-zoom', converter: boolOn },
    slideshow: { type: Number },
    zoom: { state: true },
    dragX: { state: true },
    dragY: { state: true },
    dragging: { state: true },
    playing: { state: true },
    toast: { state: true },
    stageSize: { state: true },
    store: { attribute: false },
  };

  /** Items to show (any input form of the contract); alternatively `src` and `caption`. */
  declare items: unknown[];
  declare src: string;
  declare caption: string;
  /** Index of the item shown. */
  declare index: number;
  /** Modal only: whether the dialog is open. */
  declare open: boolean;
  /** Render as a modal dialog over the page (set by `<media-gallery>`). */
  declare modal: boolean;
  /** Previous/next wrap around at the ends. Default true; `loop="false"` turns it off. */
  declare loop: boolean;
  declare labels: Partial<GalleryLabels>;
  declare showDownloadButton: boolean;
  declare showShareButton: boolean;
  declare showFullscreenButton: boolean;
  declare showLikeDislike: boolean;
  declare showFavoriteButton: boolean;
  declare showEditButton: boolean;
  declare hideCloseButton: boolean;
  declare actionLabel: string;
  /** Plain mouse wheel zooms (otherwise ctrl/⌘ + wheel or a trackpad pinch). */
  declare wheelZoom: boolean;
  /** Slideshow interval in ms; 0 (default) hides the slideshow button. */
  declare slideshow: number;
  declare zoom: ZoomState;
  declare dragX: number;
  declare dragY: number;
  declare dragging: boolean;
  /** Whether the slideshow is running. */
  declare playing: boolean;
  declare toast: string;
  declare stageSize: Size;
  /**
   * Set by a host (`<media-gallery>`): its item store. The preview then shows `store.items` as
   * they are (no normalising) and sends private requests instead of public events.
   * @internal
   */
  declare store: GalleryStore | null;
  /**
   * Set by a host: where tile `index` is on screen, for the open/close animation.
   * @internal
   */
  tileRect: ((index: number) => DOMRect | null) | null = null;
  /** Standalone: the items built from `items` or `src` + `caption`, rebuilt when those change. */
  private own = new GalleryStore();

  private gestures = new GestureController(this);
  private fullscreen: FullscreenController = new FullscreenController(this, (): HTMLElement | null => (this.modal ? this.dialog : this));
  private natural = new Map<string, Size>();
  private ready = new Set<string>();
  private failed = new Set<string>();
  private resize?: ResizeObserver;
  private stripScroll = 0;
  private stripWidth = 0;
  private timer = 0;
  private hovering = false;
  private focusHeld = false;
  private toastTimer = 0;
  private animating = false;

  constructor() {
    super();
    this.items = [];
    this.src = '';
    this.caption = '';
    this.index = 0;
    this.open = false;
    this.modal = false;
    this.loop = true;
    this.labels = {};
    this.showDownloadButton = true;
    this.showShareButton = false;
    this.showFullscreenButton = true;
    this.showLikeDislike = false;
    this.showFavoriteButton = false;
    this.showEditButton = false;
    this.hideCloseButton = false;
    this.actionLabel = '';
    this.wheelZoom = false;
    this.slideshow = 0;
    this.zoom = { scale: 1, x: 0, y: 0 };
    this.dragX = 0;
    this.dragY = 0;
    this.dragging = false;
    this.playing = false;
    this.toast = '';
    this.stageSize = { width: 0, height: 0 };
    this.store = null;
  }

  /** The items shown: the host's store, else the preview's own. */
  get list(): readonly GalleryItem[] {
    return (this.store ?? this.own).items;
  }

  get current(): GalleryItem | undefined {
    return this.list[this.index];
  }

  private get l(): GalleryLabels {
    return { ...defaultLabels, ...this.labels };
  }

  get fitSize(): Size {
    const it = this.current;
    return fitSize(it ? this.naturalOf(it) : { width: 0, height: 0 }, this.stageSize);
  }

  get maxZoom(): number {
    const it = this.current;
    return it ? maxScale(this.naturalOf(it), this.fitSize) : 4;
  }

  private naturalOf(it: GalleryItem): Size {
    return this.natural.get(it.src) ?? (it.width && it.height ? { width: it.width, height: it.height } : { width: 0, height: 0 });
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.schedule);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.schedule);
    this.resize?.disconnect();
    this.resize = undefined;
    clearTimeout(this.timer);
    clearTimeout(this.toastTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.store && (!this.hasUpdated || changed.has('items') || changed.has('src') || changed.has('caption') || changed.has('store'))) {
      this.own.set(this.items?.length ? this.items : this.src ? [{ src: this.src, caption: this.caption || undefined }] : []);
      this.failed.clear();
    }
    const n = this.list.length;
    if (n && (this.index < 0 || this.index >= n || !Number.isInteger(this.index))) this.index = Math.min(n - 1, Math.max(0, Math.floor(this.index) || 0));
    if (changed.has('index')) {
      this.zoom = { scale: 1, x: 0, y: 0 };
      this.schedule();
    }
    if (changed.has('open') && !this.open) this.playing = false;
    // The stage or the image's natural size may have changed under a zoomed image (window
    // resized, toolbar wrapped, full-resolution image loaded): keep the pan within the edges.
    if (this.zoom.scale > 1) {
      const z = clampPan(this.zoom, this.fitSize, this.stageSize);
      if (z.x !== this.zoom.x || z.y !== this.zoom.y) this.zoom = z;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    this.gestures.attach(stage);
    if (stage && !this.resize && this.isConnected) {
      this.resize = new ResizeObserver(() => this.measure());
      this.resize.observe(stage);
      this.measure();
    }
    const d = this.dialog;
    if (this.modal && d) {
      if (this.open && !d.open) {
        d.showModal();
        this.renderRoot.querySelector<HTMLElement>('.frame')?.focus({ preventScroll: true });
        this.measure();
        this.animateOpen();
        this.scrollStrip(false);
      } else if (!this.open && d.open) {
        d.close();
        void this.fullscreen.exit();
      }
    }
    if (changed.has('index')) {
      this.scrollStrip(changed.get('index') !== undefined);
      for (const v of this.renderRoot.querySelectorAll<HTMLVideoElement>('.slide:not(.current) video')) v.pause();
    }
    // Neighbours only while something is shown: a closed modal preview fetches nothing.
    if ((changed.has('index') || changed.has('open')) && (this.open || !this.modal)) this.preloadNeighbours();
  }

  private measure() {
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (!stage) return;
    const r = stage.getBoundingClientRect();
    if (r.width !== this.stageSize.width || r.height !== this.stageSize.height) this.stageSize = { width: r.width, height: r.height };
    const strip = this.renderRoot.querySelector<HTMLElement>('.strip');
    if (strip && strip.clientWidth !== this.stripWidth) {
      this.stripWidth = strip.clientWidth;
      this.requestUpdate();
    }
  }

  // ---- navigation -------------------------------------------------------------------

  /** Index `delta` steps away, wrapping when `loop`; `-1` when there is none. */
  private step(delta: number): number {
    const n = this.list.length;
    const j = this.index + delta;
    if (j >= 0 && j < n) return j;
    return this.loop && n > 1 ? (j + n) % n : -1;
  }

  /**
   * Sends a private request to the host. @returns `null` when nobody hosts the preview (it
   * then acts as its own host), else the answered request.
   */
  private ask<A extends RequestAction>(action: A, index: number, item: GalleryItem, data: RequestData[A]): GalleryRequest<A> | null {
    const r = sendRequest(this, action, index, item, data);
    return r.handled ? r : null;
  }

  /** Moves to item `index` as a user action: the host's `select` (cancelable). */
  goTo(index: number): void {
    const item = this.list[index];
    if (!item || index === this.index) return;
    if (!this.ask('go', index, item, {}) && emit(this, 'select', { index, item, selected: true })) this.index = index;
  }

  /** Previous (`-1`) or next (`1`) item, as a user action. */
  go(delta: 1 | -1): void {
    const j = this.step(delta);
    if (j >= 0) this.goTo(j);
  }

  /** Closes the modal preview as a user action: animates to the tile, then fires `preview-close`. */
  async requestClose(): Promise<void> {
    if (!this.modal || !this.open || this.animating) return;
    await this.animateClose();
    this.dragY = 0;
    this.closed();
  }

  /** The user closed the modal: the host closes it, or, standalone, the preview does. */
  private closed() {
    const item = this.list[this.index];
    if (item && this.ask('close', this.index, item, {})) return;
    emit(this, 'preview-close', { index: this.index });
    this.open = false;
  }

  toggleZoom(p: { x: number; y: number }): void {
    const it = this.current;
    if (!it || it.type === 'video') return;
    if (this.zoom.scale > 1.01) this.zoom = { scale: 1, x: 0, y: 0 };
    else this.zoom = zoomAt(this.zoom, Math.max(2, oneToOne(this.naturalOf(it), this.fitSize)), p, this.fitSize, this.stageSize, this.maxZoom);
  }

  /** Zooms by a factor around the stage centre (`+`/`-` keys and buttons); factor 0 resets. */
  zoomBy(factor: number): void {
    if (this.current?.type === 'video') return;
    this.zoom = factor === 0 ? { scale: 1, x: 0, y: 0 } : zoomAt(this.zoom, this.zoom.scale * factor, { x: 0, y: 0 }, this.fitSize, this.stageSize, this.maxZoom);
  }

  private onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.composedPath()[0] as HTMLElement;
    const inField = t.localName === 'input' || t.localName === 'textarea' || t.isContentEditable;
    const inVideo = t.localName === 'video';
    if (inField) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const n = this.list.length;
    let handled = true;
    switch (e.key) {
      case 'ArrowLeft': if (inVideo) return; this.go(rtl ? 1 : -1); break;
      case 'ArrowRight': if (inVideo) return; this.go(rtl ? -1 : 1); break;
      case 'Home': this.goTo(0); break;
      case 'End': this.goTo(n - 1); break;
      case 'Escape':
        // The fallback fullscreen has no browser UI to leave it: Escape does, as it does for the real one.
        if (this.hasAttribute('pseudo-fullscreen')) void this.fullscreen.exit();
        else if (this.modal) void this.requestClose();
        else handled = false;
        break;
      case '+': case '=': this.zoomBy(1.5); break;
      case '-': case '_': this.zoomBy(1 / 1.5); break;
      case '0': this.zoomBy(0); break;
      case 'f': case 'F': if (this.showFullscreenButton) void this.fullscreen.toggle(); break;
      default: handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  private onDialogClose = () => {
    // Closed by the browser (a close request we did not intercept): still a user action.
    if (!this.open) return;
    this.closed();
    // The dialog is closed already; a host re-opens it if it keeps `open`.
    if (this.open) this.requestUpdate();
  };

  private onCancel = (e: Event) => {
    // Escape on a modal dialog: close through our own path (animation, event).
    e.preventDefault();
    void this.requestClose();
  };

  // ---- slideshow ----------------------------------------------------------------------

  private schedule = () => {
    clearTimeout(this.timer);
    if (!this.playing || !this.slideshow || this.list.length < 2) return;
    if (document.hidden || this.hovering || this.focusHeld || this.zoom.scale > 1) return;
    this.timer = window.setTimeout(() => {
      const j = this.step(1);
      if (j < 0) this.playing = false;
      else this.goTo(j);
      this.schedule();
    }, Math.max(500, this.slideshow));
  };

  private togglePlay = () => {
    this.playing = !this.playing;
    this.updateComplete.then(this.schedule);
  };

  /**
   * Keyboard focus on a control other than the frame (which holds focus while the preview is
   * simply open) and the play button pauses the slideshow: the strip, a toolbar button, a
   * video. Read from the shadow root's active element once focus has settled, since focusout
   * arrives with no related target in some browsers (Firefox) even when focus stays inside.
   */
  private onFocusChange = () => {
    setTimeout(() => {
      const a = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
      const held = !!a && !a.classList.contains('frame') && !a.hasAttribute('data-slideshow');
      if (held !== this.focusHeld) {
        this.focusHeld = held;
        this.schedule();
      }
    });
  };

  private setHover(on: boolean) {
    this.hovering = on;
    this.schedule();
  }

  // ---- media --------------------------------------------------------------------------

  private onMediaLoad(e: Event, it: GalleryItem) {
    const el = e.target as HTMLImageElement | HTMLVideoElement;
    const size = el instanceof HTMLImageElement ? { width: el.naturalWidth, height: el.naturalHeight } : { width: el.videoWidth, height: el.videoHeight };
    if (size.width && size.height) {
      const prev = this.natural.get(it.src);
      if (!prev || prev.width !== size.width) {
        this.natural.set(it.src, size);
        this.requestUpdate();
      }
    }
    const done = () => {
      this.ready.add(it.src);
      this.requestUpdate();
    };
    if (el instanceof HTMLImageElement && el.decode) el.decode().then(done, done);
    else done();
  }

  private onMediaError(it: GalleryItem, index: number) {
    if (this.failed.has(it.src)) return;
    this.failed.add(it.src);
    this.requestUpdate();
    if (!this.ask('media-error', index, it, {})) emit(this, 'item-error', { index, item: it, reason: 'load' });
  }

  private preloadNeighbours() {
    for (const d of [1, -1]) {
      const j = this.step(d);
      const it = this.list[j];
      if (!it || it.type === 'video' || this.ready.has(it.src)) continue;
      const img = new Image();
      img.decoding = 'async';
      if (it.srcset) {
        img.sizes = `${Math.ceil(this.stageSize.width || 1000)}px`;
        img.srcset = it.srcset;
      }
      img.src = it.src;
      img.decode?.().catch(() => undefined);
    }
  }

  private sizesFor(): string {
    // Ask for the candidate that covers the zoomed width; quantised so the choice changes rarely.
    const w = this.fitSize.width * Math.pow(1.5, Math.ceil(Math.log(this.zoom.scale) / Math.log(1.5)));
    return `${Math.ceil(Math.max(w, 1))}px`;
  }

  // ---- toolbar actions ------------------------------------------------------------

  private like(liked: boolean | null) {
    const item = this.current, index = this.index;
    if (!item || this.ask('like', index, item, { liked })) return;
    const next = { ...item, liked };
    if (emit(this, 'like', { index, item: next, liked })) this.replaceOwn(index, next);
  }

  private favorite(favorite: boolean) {
    const item = this.current, index = this.index;
    if (!item || this.ask('favorite', index, item, { favorite })) return;
    const next = { ...item, favorite };
    if (emit(this, 'favorite', { index, item: next, favorite })) this.replaceOwn(index, next);
  }

  /** Standalone: applies an accepted like/favorite to the preview's own items. */
  private replaceOwn(index: number, item: GalleryItem) {
    this.own.replace(index, item);
    this.requestUpdate();
  }

  /** Edit and action: the host's event, or the preview's own when standalone. */
  private notify(type: 'edit' | 'action') {
    const item = this.current, index = this.index;
    if (item && !this.ask(type, index, item, {})) emit(this, type, { index, item });
  }

  /** Download and share ask leave first (the host's event, or our own); a cancel leaves it to the page. */
  private allowed(type: 'download' | 'share', item: GalleryItem): boolean {
    const r = this.ask(type, this.index, item, {});
    return r ? r.accepted : emit(this, type, { index: this.index, item });
  }

  private async onDownload() {
    const item = this.current;
    if (!item || !this.allowed('download', item)) return;
    await downloadItem(item);
  }

  private async onShare() {
    const item = this.current;
    if (!item || !this.allowed('share', item)) return;
    const r = await shareItem(item);
    if (r === 'copied') this.showToast(this.l.shareCopied);
  }

  private showToast(text: string) {
    this.toast = text;
    clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (this.toast = ''), 2000);
  }

  // ---- animation ------------------------------------------------------------------

  /** Transform that maps the fitted image onto the tile's rectangle. */
  private originTransform(): string | null {
    const r = this.tileRect?.(this.index);
    const stage = this.renderRoot.querySelector('.stage')?.getBoundingClientRect();
    const fit = this.fitSize;
    if (!r || !stage || !fit.width || !r.width) return null;
    const s = Math.max(r.width / fit.width, r.height / fit.height);
    const dx = r.left + r.width / 2 - (stage.left + stage.width / 2);
    const dy = r.top + r.height / 2 - (stage.top + stage.height / 2);
    return `translate(${dx}px, ${dy}px) scale(${s})`;
  }

  private animateOpen() {
    if (reducedMotion()) return;
    const slide = this.renderRoot.querySelector<HTMLElement>('.slide.current .zoomer');
    const bg = this.renderRoot.querySelector<HTMLElement>('.backdrop');
    const from = this.originTransform();
    const opts = { duration: 240, easing: 'cubic-bezier(0.2, 0, 0, 1)' };
    bg?.animate({ opacity: [0, 1] }, opts);
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.top, .caption, .strip, .nav')) el.animate({ opacity: [0, 1] }, opts);
    if (slide) slide.animate(from ? { transform: [from, 'none'] } : { opacity: [0, 1], transform: ['scale(0.96)', 'none'] }, opts);
  }

  private async animateClose() {
    if (reducedMotion()) return;
    this.animating = true;
    this.zoom = { scale: 1, x: 0, y: 0 };
    await this.updateComplete;
    const slide = this.renderRoot.querySelector<HTMLElement>('.slide.current .zoomer');
    const to = this.originTransform();
    const opts = { duration: 200, easing: 'cubic-bezier(0.3, 0, 0.8, 0.15)', fill: 'forwards' as const };
    const anims: Animation[] = [];
    const bg = this.renderRoot.querySelector<HTMLElement>('.backdrop');
    if (bg) anims.push(bg.animate({ opacity: [getComputedStyle(bg).opacity, '0'] }, opts));
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.top, .caption, .strip, .nav')) anims.push(el.animate({ opacity: [1, 0] }, opts));
    if (slide) anims.push(slide.animate(to ? { transform: [getComputedStyle(slide).transform, to] } : { opacity: [1, 0] }, opts));
    await Promise.all(anims.map((a) => a.finished.catch(() => undefined)));
    this.animating = false;
    // Clear the held end state after the dialog has closed.
    requestAnimationFrame(() => anims.forEach((a) => a.cancel()));
  }

  // ---- strip ----------------------------------------------------------------------

  private scrollStrip(smooth: boolean) {
    const strip = this.renderRoot.querySelector<HTMLElement>('.strip');
    if (!strip) return;
    const size = this.stripSize();
    const left = this.index * (size + STRIP_GAP) + size / 2 - strip.clientWidth / 2;
    strip.scrollTo({ left: Math.max(0, left), behavior: smooth && !reducedMotion() ? 'smooth' : 'instant' });
  }

  private stripSize(): number {
    const v = parseFloat(getComputedStyle(this).getPropertyValue('--_strip-size'));
    return Number.isFinite(v) && v > 0 ? v : 56;
  }

  private onStripScroll = (e: Event) => {
    const left = (e.target as HTMLElement).scrollLeft;
    if (Math.abs(left - this.stripScroll) > 8) {
      this.stripScroll = left;
      this.requestUpdate();
    }
  };

  private renderStrip(list: readonly GalleryItem[]) {
    if (list.length < 2) return nothing;
    const size = this.stripSize(), pitch = size + STRIP_GAP;
    const width = this.stripWidth || 800;
    const pad = 12;
    const first = Math.max(0, Math.floor((this.stripScroll - pad) / pitch) - 4);
    const last = Math.min(list.length, Math.ceil((this.stripScroll + width) / pitch) + 4);
    const range: number[] = [];
    for (let i = first; i < last; i++) range.push(i);
    if (this.index < first || this.index >= last) range.push(this.index);
    const l = this.l;
    return html`<div class="strip" part="strip" role="group" aria-label=${l.thumbnails} @scroll=${this.onStripScroll}>
      <div class="strip-inner" style=${`width:${list.length * pitch - STRIP_GAP + pad * 2}px`}>
        ${repeat(range, (i) => i, (i) => {
          const it = list[i];
          const thumb = it.type === 'video' ? it.poster ?? it.thumb : it.thumb ?? it.src;
          const ph = placeholderUrl(it.placeholder);
          return html`<button class="t" part="button strip-thumb" style=${`left:${pad + i * pitch}px`} tabindex=${i === this.index ? 0 : -1}
            aria-current=${i === this.index ? 'true' : 'false'} aria-label=${fmt(l.itemOf, { type: it.type === 'video' ? l.video : l.image, n: i + 1, total: list.length })}
            @click=${() => this.goTo(i)}>
            ${thumb ? html`<img src=${thumb} alt="" loading="lazy" decoding="async" style=${ph ? `background:url("${ph}") center/cover` : ''} />` : nothing}
            ${it.type === 'video' ? html`<span class="v">${icons.play}</span>` : nothing}
          </button>`;
        })}
      </div>
    </div>`;
  }

  // ---- render -------------------------------------------------------------------------

  private renderSlide(it: GalleryItem, k: number, i: number) {
    const current = k === 0;
    const nat = this.naturalOf(it);
    const fit = fitSize(nat, this.stageSize);
    const sized = nat.width > 0 && this.stageSize.width > 0;
    const z = current ? this.zoom : { scale: 1, x: 0, y: 0 };
    const box = sized ? `width:${fit.width}px;height:${fit.height}px;` : '';
    const tf = `transform:translate(-50%,-50%) translate(${z.x}px,${z.y}px) scale(${z.scale})`;
    const phUrl = it.type === 'video' ? null : it.thumb ?? placeholderUrl(it.placeholder);
    const isReady = this.ready.has(it.src);
    const failed = this.failed.has(it.src);
    const alt = altOf(it);
    let media: unknown;
    if (failed) {
      media = html`<div class="error" part="error">${icons.broken}<span>${this.l.loadError}</span></div>`;
    } else if (it.type === 'video') {
      media = html`<video class="media ${sized ? 'sized' : ''}" part="image" style=${box + 'transform:translate(-50%,-50%)'} src=${it.src} poster=${it.poster ?? nothing}
        controls playsinline preload="metadata" aria-label=${alt || this.l.video}
        @loadedmetadata=${(e: Event) => this.onMediaLoad(e, it)} @error=${() => this.onMediaError(it, i)}></video>`;
    } else {
      media = html`
        ${phUrl && !isReady ? html`<img class="media ph ${sized ? 'sized' : ''}" style=${box + tf} src=${phUrl} alt="" aria-hidden="true" draggable="false" />` : nothing}
        <img class="media large ${sized ? 'sized' : ''} ${isReady ? 'ready' : ''}" part="image" style=${box + tf} src=${it.src}
          srcset=${it.srcset ?? nothing} sizes=${it.srcset ? (current ? this.sizesFor() : `${Math.ceil(fit.width) || 1000}px`) : nothing}
          alt=${alt} draggable="false" decoding="async" fetchpriority=${current ? 'high' : 'low'}
          @load=${(e: Event) => this.onMediaLoad(e, it)} @error=${() => this.onMediaError(it, i)} />`;
    }
    const offset = `transform:translateX(calc(${k * 100}% + ${k * 16}px))`;
    return html`<div class="slide ${current ? 'current' : ''}" style=${offset} ?inert=${!current} aria-hidden=${current ? 'false' : 'true'} data-index=${i}>
      <div class="zoomer" style="position:absolute;inset:0">${media}</div>
    </div>`;
  }

  private renderToolbar(it: GalleryItem) {
    const l = this.l;
    const isImage = it.type !== 'video';
    const fs = this.fullscreen.active;
    return html`<gallery-toolbar part="toolbar" exportparts="button" label=${l.preview}>
      ${isImage ? html`
        <button class="btn" part="button" aria-label=${l.zoomOut} title=${l.zoomOut} ?disabled=${this.zoom.scale <= 1} @click=${() => this.zoomBy(1 / 1.5)}>${icons.zoomOut}</button>
        <button class="btn" part="button" aria-label=${l.zoomIn} title=${l.zoomIn} ?disabled=${this.zoom.scale >= this.maxZoom - 0.01} @click=${() => this.zoomBy(1.5)}>${icons.zoomIn}</button>` : nothing}
      ${this.slideshow > 0 && this.list.length > 1 ? html`<button class="btn" part="button slideshow" data-slideshow aria-label=${this.playing ? l.pause : l.slideshow} title=${this.playing ? l.pause : l.slideshow}
        aria-pressed=${this.playing ? 'true' : 'false'} @click=${this.togglePlay}>${this.playing ? icons.pause : icons.slideshow}</button>` : nothing}
      ${this.showLikeDislike ? html`
        <button class="btn" part="button like" aria-label=${l.like} title=${l.like} aria-pressed=${it.liked === true ? 'true' : 'false'} @click=${() => this.like(it.liked === true ? null : true)}>${icons.like}</button>
        <button class="btn" part="button dislike" aria-label=${l.dislike} title=${l.dislike} aria-pressed=${it.liked === false ? 'true' : 'false'} @click=${() => this.like(it.liked === false ? null : false)}>${icons.dislike}</button>` : nothing}
      ${this.showFavoriteButton ? html`<button class="btn" part="button favorite" aria-label=${l.favorite} title=${l.favorite} aria-pressed=${it.favorite ? 'true' : 'false'} @click=${() => this.favorite(!it.favorite)}>${icons.star}</button>` : nothing}
      ${this.showEditButton ? html`<button class="btn" part="button edit" aria-label=${l.edit} title=${l.edit} @click=${() => this.notify('edit')}>${icons.edit}</button>` : nothing}
      ${this.actionLabel ? html`<button class="btn" part="button action" @click=${() => this.notify('action')}>${this.actionLabel}</button>` : nothing}
      ${this.showDownloadButton ? html`<button class="btn" part="button download" aria-label=${l.download} title=${l.download} @click=${this.onDownload}>${icons.download}</button>` : nothing}
      ${this.showShareButton ? html`<button class="btn" part="button share" aria-label=${l.share} title=${l.share} @click=${this.onShare}>${icons.share}</button>` : nothing}
      ${this.showFullscreenButton ? html`<button class="btn" part="button fullscreen" aria-label=${fs ? l.exitFullscreen : l.fullscreen} title=${fs ? l.exitFullscreen : l.fullscreen}
        aria-pressed=${fs ? 'true' : 'false'} @click=${() => this.fullscreen.toggle()}>${fs ? icons.exitFullscreen : icons.fullscreen}</button>` : nothing}
      ${this.modal && !this.hideCloseButton ? html`<button class="btn" part="button close" aria-label=${l.close} title=${l.close} @click=${() => this.requestClose()}>${icons.close}</button>` : nothing}
    </gallery-toolbar>`;
  }

  private renderFrame() {
    const list = this.list;
    const it = list[this.index];
    const l = this.l;
    if (!it) return html`<div class="frame"><div class="backdrop"></div></div>`;
    const n = list.length;
    const type = it.type === 'video' ? l.video : l.image;
    const name = fmt(l.itemOf, { type, n: this.index + 1, total: n });
    const slides: Array<[GalleryItem, number, number]> = [];
    for (const k of [-1, 0, 1]) {
      const j = k === 0 ? this.index : this.step(k);
      if (j >= 0 && (k === 0 || j !== this.index) && !slides.some((s) => s[2] === j)) slides.push([list[j], k, j]);
    }
    const zoomed = this.zoom.scale > 1.01;
    const closeProgress = Math.min(1, this.dragY / Math.max(1, this.stageSize.height * 0.6));
    const prev = this.step(-1), next = this.step(1);
    const rtl = getComputedStyle(this).direction === 'rtl';
    return html`<div class="frame" tabindex="-1" @keydown=${this.onKeyDown} @focusin=${this.onFocusChange} @focusout=${this.onFocusChange}>
      <div class="backdrop" style=${closeProgress ? `opacity:${1 - closeProgress}` : ''}></div>
      <div class="top">
        <span class="counter" aria-hidden="true">${n > 1 ? `${this.index + 1} / ${n}` : ''}</span>
        ${this.renderToolbar(it)}
      </div>
      <div class="stage ${zoomed ? 'zoomed' : ''} ${this.dragging || this.animating ? '' : 'animate'}" part="stage"
        @pointerenter=${() => this.setHover(true)} @pointerleave=${() => this.setHover(false)}>
        <div class="track" style=${`transform:translate(${rtl ? -this.dragX : this.dragX}px, ${this.dragY}px) scale(${1 - closeProgress * 0.25})`}>
          ${repeat(slides, (s) => s[2], ([item, k, j]) => this.renderSlide(item, rtl ? -k : k, j))}
        </div>
        ${n > 1 ? html`
          <button class="btn nav prev" part="button previous" aria-label=${l.previous} title=${l.previous} ?disabled=${prev < 0} @click=${() => this.go(-1)}>${rtl ? icons.next : icons.prev}</button>
          <button class="btn nav next" part="button next" aria-label=${l.next} title=${l.next} ?disabled=${next < 0} @click=${() => this.go(1)}>${rtl ? icons.prev : icons.next}</button>` : nothing}
        ${this.toast ? html`<div class="toast" role="status">${this.toast}</div>` : nothing}
      </div>
      <div class="caption" part="caption" ?hidden=${!it.caption}>${it.caption ?? ''}</div>
      ${this.renderStrip(list)}
      <div class="sr" aria-live="polite" aria-atomic="true">${this.open || !this.modal ? `${name}${it.caption ? `: ${it.caption}` : ''}` : ''}</div>
    </div>`;
  }

  override render() {
    const it = this.current;
    const l = this.l;
    const label = it ? `${fmt(l.itemOf, { type: it.type === 'video' ? l.video : l.image, n: this.index + 1, total: this.list.length })}${it.caption ? `: ${it.caption}` : ''}` : l.preview;
    if (this.modal) {
      return html`<dialog part="preview" aria-label=${label} @cancel=${this.onCancel} @close=${this.onDialogClose}>
        ${this.open ? this.renderFrame() : nothing}
      </dialog>`;
    }
    return html`<div part="preview" role="region" aria-roledescription="image viewer" aria-label=${label} style="position:absolute;inset:0">${this.renderFrame()}</div>`;
  }
}
