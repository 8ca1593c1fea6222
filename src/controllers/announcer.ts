import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { GalleryItem } from '../model/items.js';
import { fmt, type GalleryLabels } from '../model/labels.js';
import type { UploadErrorDetail } from '../events/gallery-events.js';

/**
 * A polite live region (`role="status"`) for what changes out of sight: the items Load more
 * added, a refused upload (it listens for the host's own `upload-error`), a deletion. Render it
 * once, always (a region must exist before its text changes to be announced).
 */
export class AnnouncerController implements ReactiveController {
  private _text = '';
  private _n = 0;

  constructor(private host: ReactiveControllerHost & HTMLElement, private labels: () => GalleryLabels) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('upload-error', this._onRefused);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('upload-error', this._onRefused);
  }

  /** The text announced last (for tests and pages that mirror it). */
  get text(): string {
    return this._text.trim();
  }

  /** Announces `text`; the same text twice is announced twice. */
  say(text: string): void {
    // A changed node is what a screen reader hears: alternate a trailing no-break space.
    this._text = text + (++this._n % 2 ? '' : '\u00a0');
    this.host.requestUpdate();
  }

  loaded(added: number): void {
    this.say(fmt(this.labels().loaded, { n: added }));
  }

  /** `item` was deleted from position `index` of `total`. */
  deleted(item: GalleryItem, index: number, total: number): void {
    const l = this.labels();
    this.say(fmt(l.deleted, { item: item.caption || item.alt || fmt(l.itemOf, { type: item.type === 'video' ? l.video : l.image, n: index + 1, total }) }));
  }

  private _onRefused = (e: Event) => {
    const d = (e as CustomEvent<UploadErrorDetail>).detail;
    const l = this.labels();
    // A failed server upload is announced by the transfer ("Upload of … failed"): the file was added.
    if (d.reason === 'network') return;
    if (!d.file) return this.say(d.reason === 'camera' ? l.cameraError : l.pasteError);
    const reason = d.reason === 'type' ? l.refusedType : d.reason === 'size' ? l.refusedSize : d.reason === 'count' ? l.refusedCount : l.refusedOther;
    this.say(fmt(l.refused, { file: d.file?.name ?? '', reason }).trim());
  };

  render(): unknown {
    return html`<div class="sr" role="status" aria-live="polite" aria-atomic="true">${this._text}</div>`;
  }
}
