import type { ReactiveController } from 'lit';
import type { GalleryItem } from '../model/items.js';
import type { GalleryStore } from '../model/store.js';
import { defaultLabels, fmt, type GalleryLabels } from '../model/labels.js';
import { ObjectUrlRegistry } from '../model/object-urls.js';
import type { UploadErrorReason } from '../events/gallery-events.js';
import type { Layout } from '../layout.js';
import { UploadController, type UploadHost } from './upload.js';
import { WebcamController } from './webcam.js';
import { FormController, type FormHost } from './form.js';
import { TransferController, type TransferHost } from './transfer.js';
import { EditingController, type EditingPort } from './editing.js';
import { DragReorderController, type DragReorderPort } from './drag-reorder.js';
import { TouchReorderController } from './touch-reorder.js';
import { FileDropController } from './file-drop.js';
import { dropzone, gridOverlay } from '../views/dropzone.js';
import { uploadStyles } from '../../styles/upload.styles.js';
import { adoptStyles } from '../dom.js';

/** Everything upload mode reads from `<media-gallery>`. */
export interface UploadModeHost extends UploadHost, FormHost, TransferHost {
  readonly labels: Partial<GalleryLabels>;
  readonly webcamMirror: boolean;
  readonly webcamConstraints: unknown;
  readonly streaming: boolean;
  readonly streamEvery: number;
}

/** The grid facts the editing needs, and a way to set items without events. */
export type UploadModePort = Omit<EditingPort, 'enabled' | 'movedText' | 'captionSaved'> & Pick<DragReorderPort, 'scroller'> & { setItems(items: GalleryItem[]): void };

/**
 * Upload mode and the form control, put together for the host: the inputs (chooser, drop,
 * paste, webcam), server upload, list editing (keys, caption, drag), the form association and
 * the blob-URL registry. The host renders {@link render} and {@link overlay}, and forwards its
 * form callbacks here.
 */
export class UploadMode implements ReactiveController {
  readonly urls = new ObjectUrlRegistry();
  readonly upload: UploadController;
  readonly webcam: WebcamController;
  readonly form: FormController;
  readonly transfer: TransferController;
  readonly editing: EditingController;
  readonly drop: FileDropController;
  private _parkTimer = 0;
  /** The user edited the list (a `change` fired) since the page last set it: light-DOM children are not read again. */
  edited = false;

  constructor(private host: UploadModeHost, private store: GalleryStore, port: UploadModePort) {
    host.addController(this);
    const announce = port.announce;
    this.transfer = new TransferController(host, store, announce, () => this._l);
    this.upload = new UploadController(host, store, {
      urls: this.urls,
      disabled: () => this.form.disabled,
      refusal: (file, reason) => this._refusal(file, reason),
      send: (src, file) => this.transfer.enabled && (this.transfer.start(src, file), true),
    });
    this.webcam = new WebcamController(host, (file) => this.upload.add([file]), () => this.upload.refuse(null, 'camera'));
    this.form = new FormController(host, store, this.urls, {
      setItems: (list, user) => { port.setItems(list); this.edited = user; },
      pending: () => this.transfer.pending,
    });
    const enabled = () => host.interactive && !this.form.disabled;
    this.drop = new FileDropController(host, { on: enabled, paste: () => this.upload.sources.includes('clipboard'), add: (files) => this.upload.add(files) });
    const say = (t: 'moved' | 'lifted', it: GalleryItem, n: number) => fmt(this._l[t], { item: it.caption || it.download || it.src, n, total: store.length });
    this.editing = new EditingController(host, store, { ...port, enabled, captionSaved: () => this._l.captionSaved, movedText: (it, n) => say('moved', it, n) });
    const drag = new DragReorderController(host, { ...port, enabled, move: this.editing.move, cancelled: () => announce(this._l.moveCancelled) });
    new TouchReorderController(host, drag, { enabled, indexFromEvent: port.indexFromEvent, lifted: (i) => announce(say('lifted', store.items[i], i + 1)) });
  }

  private get _l(): GalleryLabels {
    return { ...defaultLabels, ...this.host.labels };
  }

  private _refusal(file: string, reason: UploadErrorReason): string {
    const l = this._l;
    if (reason === 'camera') return l.cameraError;
    if (!file) return l.pasteError;
    const why = { type: l.refusedType, size: l.refusedSize, count: l.refusedCount }[reason as 'type'] ?? l.refusedOther;
    return fmt(l.refused, { file, reason: why });
  }

  private _onChange = () => (this.edited = true);

  /** The page set the items (or the form reset them): what the form resets to. */
  pageSet(items: readonly GalleryItem[]): void {
    this.edited = false;
    this.form.defaults(items);
  }

  hostConnected(): void {
    adoptStyles(this.host.renderRoot, uploadStyles, 'upload');
    this.host.addEventListener('change', this._onChange);
    clearTimeout(this._parkTimer);
    const back = this.urls.unpark(this.store.items);
    if (back) {
      this.store.replaceAll(back);
      this.host.requestUpdate('items');
    }
  }

  hostDisconnected(): void {
    this.host.removeEventListener('change', this._onChange);
    // Moved within the page (removed and re-added in one task): keep the URLs.
    this._parkTimer = window.setTimeout(() => !this.host.isConnected && this.urls.park());
  }

  private _version = -1;
  hostUpdate(): void {
    if (this.store.version === this._version) return;
    this._version = this.store.version;
    if (this.host.isConnected) this.urls.sweep(this.store.items);
    this.transfer.sweep(this.store.items);
  }

  /** The controls above the grid (upload mode only). */
  render(pick: () => void): unknown {
    const f = this.form;
    return dropzone({
      l: this._l, up: this.upload, dragOver: this.drop.dragOver, cam: this.webcam, disabled: f.disabled, mirror: this.host.webcamMirror !== false,
      count: this.store.length, invalid: f.touched ? f.message : '', pick,
    });
  }

  /** Progress bars and the caption editor over the tiles. */
  overlay(layout: Layout, indices: number[], rtl: boolean): unknown {
    const t = this.transfer, e = this.editing;
    if (!this.host.interactive || (!t.pending && e.captionIndex < 0 && !this._anyJob(indices))) return null;
    return gridOverlay({
      l: this._l, layout, items: this.store.items, indices, rtl, state: t.stateOf,
      cancel: (src) => t.cancel(src), retry: (src) => t.retry(src), caption: e.captionIndex,
      commit: e.endCaption, cancelCaption: () => e.endCaption(null),
    });
  }

  private _anyJob(indices: number[]) {
    return indices.some((i) => this.store.items[i] && this.transfer.stateOf(this.store.items[i]));
  }
}
