import { html, nothing } from 'lit';
import type { GalleryItem } from './model/items.js';
import type { GalleryLabels } from './model/labels.js';
import { emit } from './events/gallery-events.js';
import { sendRequest, type GalleryRequest, type RequestAction, type RequestData } from './events/requests.js';
import { downloadItem, shareItem } from './actions.js';
import { icons } from './preview-icons.js';

/** What the actions read from the preview, and the changes a standalone preview makes to itself. */
export interface PreviewActionsOptions {
  items(): readonly GalleryItem[];
  index(): number;
  labels(): GalleryLabels;
  /** Standalone: show item `i`. */
  show(i: number): void;
  /** Standalone: close the modal. */
  hide(): void;
  /** Standalone: keep a changed item (an accepted like or favorite). */
  keep(i: number, item: GalleryItem): void;
  toast(text: string): void;
}

/**
 * The preview's user actions. Inside a host each one is a private request (the host dispatches
 * the one public event and sets the preview's properties on its next render); when nobody
 * handles the request the preview is standalone and acts as its own host: it dispatches the
 * public event and, unless a listener cancelled it, applies the change itself.
 */
export class PreviewActions {
  constructor(private el: HTMLElement, private o: PreviewActionsOptions) {}

  /** Sends a private request; `null` when nobody hosts the preview. */
  private _ask<A extends RequestAction>(action: A, index: number, item: GalleryItem, data: RequestData[A]): GalleryRequest<A> | null {
    const r = sendRequest(this.el, action, index, item, data);
    return r.handled ? r : null;
  }

  private get _at(): [number, GalleryItem | undefined] {
    const i = this.o.index();
    return [i, this.o.items()[i]];
  }

  /** Moves to item `index` (arrows, swipe, strip, slideshow, Home/End): `select`, cancelable. */
  go(index: number): void {
    const item = this.o.items()[index];
    if (!item || index === this.o.index()) return;
    if (!this._ask('go', index, item, {}) && emit(this.el, 'select', { index, item, selected: true })) this.o.show(index);
  }

  /** The user closed the modal (after the close animation): `preview-close`. */
  close(): void {
    const [index, item] = this._at;
    if (item && this._ask('close', index, item, {})) return;
    emit(this.el, 'preview-close', { index });
    this.o.hide();
  }

  like(liked: boolean | null): void {
    const [index, item] = this._at;
    if (!item || this._ask('like', index, item, { liked })) return;
    const next = { ...item, liked };
    if (emit(this.el, 'like', { index, item: next, liked })) this.o.keep(index, next);
  }

  favorite(favorite: boolean): void {
    const [index, item] = this._at;
    if (!item || this._ask('favorite', index, item, { favorite })) return;
    const next = { ...item, favorite };
    if (emit(this.el, 'favorite', { index, item: next, favorite })) this.o.keep(index, next);
  }

  notify(type: 'edit' | 'action' | 'delete'): void {
    const [index, item] = this._at;
    if (item && !this._ask(type, index, item, {})) emit(this.el, type, { index, item });
  }

  /** Download and share ask leave first; when a listener cancels, the page does it. */
  async perform(type: 'download' | 'share'): Promise<void> {
    const [index, item] = this._at;
    if (!item) return;
    const r = this._ask(type, index, item, {});
    if (!(r ? r.accepted : emit(this.el, type, { index, item }))) return;
    const l = this.o.labels();
    if (type === 'download') {
      if ((await downloadItem(item)) === 'failed') this.o.toast(l.downloadFailed);
    } else {
      const r = await shareItem(item);
      if (r === 'copied') this.o.toast(l.shareCopied);
      else if (r === 'refused') this.o.toast(l.shareFailed);
    }
  }

  /** Large media failed to load: `item-error` with the item's index in the preview's list. */
  mediaError(item: GalleryItem, index: number): void {
    if (!this._ask('media-error', index, item, {})) emit(this.el, 'item-error', { index, item, reason: 'load' });
  }
}

/** The preview's switches that decide which toolbar buttons show (its public properties). */
export interface ToolbarFlags {
  modal: boolean;
  /** Hosted inline (`preview-mode="inline"`): a Close button as in the modal. */
  closable: boolean;
  hideCloseButton: boolean;
  showLikeDislike: boolean;
  showFavoriteButton: boolean;
  showEditButton: boolean;
  /** Upload mode: a Delete button (the host fires `delete`, cancelable, and shows the neighbour). */
  showDeleteButton: boolean;
  showDownloadButton: boolean;
  showShareButton: boolean;
  showFullscreenButton: boolean;
  actionLabel: string;
}

/** What the toolbar shows and does besides the item actions. */
export interface ToolbarView {
  item: GalleryItem;
  labels: GalleryLabels;
  flags: ToolbarFlags;
  actions: PreviewActions;
  /** Zoom buttons (images only): whether each can act, and zooming by a factor. */
  zoom: { out: boolean; in: boolean; by(factor: number): void } | null;
  /** The slideshow button, when there is a slideshow. */
  slideshow: { playing: boolean; toggle(): void } | null;
  fullscreen: { active: boolean; toggle(): unknown };
  close(): unknown;
  /** Narrow (≤ 480 px): every button but Close goes into a "More actions" disclosure. */
  overflow: { narrow: boolean; expanded: boolean; toggle(): void };
}

/**
 * The preview's toolbar: zoom, slideshow, like/dislike, favorite, edit, action, download, share,
 * fullscreen, close. Names only (no `title` repeating them); toggles say their state with
 * `aria-pressed`, and Slideshow and Fullscreen by a changing name instead (never both). When
 * narrow, the bar holds More actions and Close, and the rest shows in a group under it.
 */
export function renderToolbar(v: ToolbarView): unknown {
  const { item: it, labels: l, flags: f, actions: a, zoom, slideshow: show, fullscreen: fs, overflow: o } = v;
  const btn = (part: string, label: string, icon: unknown, click: () => unknown, pressed?: boolean, disabled = false) =>
    html`<button class="btn" part="button ${part}" aria-label=${label} aria-pressed=${pressed === undefined ? nothing : String(pressed)}
      ?disabled=${disabled} data-slideshow=${part === 'slideshow' ? '' : nothing} @click=${click}>${icon}</button>`;
  const rest = html`
    ${zoom ? html`${btn('zoom-out', l.zoomOut, icons.zoomOut, () => zoom.by(1 / 1.5), undefined, !zoom.out)}${btn('zoom-in', l.zoomIn, icons.zoomIn, () => zoom.by(1.5), undefined, !zoom.in)}` : nothing}
    ${show ? btn('slideshow', show.playing ? l.pause : l.slideshow, show.playing ? icons.pause : icons.slideshow, show.toggle) : nothing}
    ${f.showLikeDislike ? html`${btn('like', l.like, icons.like, () => a.like(it.liked === true ? null : true), it.liked === true)}${btn('dislike', l.dislike, icons.dislike, () => a.like(it.liked === false ? null : false), it.liked === false)}` : nothing}
    ${f.showFavoriteButton ? btn('favorite', l.favorite, icons.star, () => a.favorite(!it.favorite), !!it.favorite) : nothing}
    ${f.showEditButton ? btn('edit', l.edit, icons.edit, () => a.notify('edit')) : nothing}
    ${f.actionLabel ? html`<button class="btn" part="button action" @click=${() => a.notify('action')}>${f.actionLabel}</button>` : nothing}
    ${f.showDeleteButton ? btn('delete', l.delete, icons.trash, () => a.notify('delete')) : nothing}
    ${f.showDownloadButton ? btn('download', l.download, icons.download, () => a.perform('download')) : nothing}
    ${f.showShareButton ? btn('share', l.share, icons.share, () => a.perform('share')) : nothing}
    ${f.showFullscreenButton ? btn('fullscreen', fs.active ? l.exitFullscreen : l.fullscreen, fs.active ? icons.exitFullscreen : icons.fullscreen, () => fs.toggle()) : nothing}`;
  const close = (f.modal || f.closable) && !f.hideCloseButton ? btn('close', l.close, icons.close, v.close) : nothing;
  if (!o.narrow) return html`<gallery-toolbar part="toolbar" exportparts="button" label=${l.preview}>${rest}${close}</gallery-toolbar>`;
  return html`<gallery-toolbar part="toolbar" exportparts="button" label=${l.preview}>
      <button class="btn" part="button more" aria-label=${l.moreActions} aria-expanded=${o.expanded ? 'true' : 'false'} aria-controls="more" @click=${o.toggle}>${icons.more}</button>${close}
    </gallery-toolbar>
    <div class="more-menu" id="more" part="menu" role="group" aria-label=${l.moreActions} ?hidden=${!o.expanded}>${rest}</div>`;
}
