import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GalleryItem } from '../model/items.js';
import type { GalleryStore } from '../model/store.js';
import { emit } from '../events/gallery-events.js';
import { postFile, safeUrl, type UploadHandler } from '../upload-transport.js';

export type { UploadHandler };

/** What a tile shows of its file's upload. */
export interface TransferState {
  status: 'uploading' | 'failed' | 'cancelled';
  /** Fraction sent, 0..1. */
  progress: number;
}

export interface TransferHost extends ReactiveControllerHost, HTMLElement {
  readonly uploadUrl: string;
  readonly uploadHandler: UploadHandler | null;
  requestUpdate(name?: PropertyKey): void;
}

/**
 * Server upload (`upload-url` or `uploadHandler`): each accepted file is sent while its tile
 * shows progress; the tile offers Cancel, and Retry after a failure or a cancel. When the
 * server answers, the item's `src` becomes the returned URL and `upload` then `change` fire;
 * a failure fires `upload-error` with `reason: 'network'`. Jobs are keyed by the item's blob URL.
 */
export class TransferController implements ReactiveController {
  private _jobs = new Map<string, { file: File; ctrl: AbortController; state: TransferState }>();

  constructor(private host: TransferHost, private store: GalleryStore, private announce: (text: string) => void, private labels: () => { uploadFailed: string; uploaded: string }) {
    host.addController(this);
  }

  get enabled(): boolean {
    return !!(this.host.uploadUrl || typeof this.host.uploadHandler === 'function');
  }

  /** The upload state of an item, if it has one. */
  stateOf = (item: GalleryItem): TransferState | undefined => this._jobs.get(item.src)?.state;

  /** How many uploads are running. */
  get pending(): number {
    let n = 0;
    for (const j of this._jobs.values()) if (j.state.status === 'uploading') n++;
    return n;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const src of [...this._jobs.keys()]) this.cancel(src);
  }

  /** Starts (or restarts) the upload of `file`, shown by the item whose `src` is `src`. */
  start(src: string, file: File): void {
    const h = this.host;
    const ctrl = new AbortController();
    const job = { file, ctrl, state: { status: 'uploading', progress: 0 } as TransferState };
    this._jobs.set(src, job);
    h.requestUpdate();
    const onProgress = (f: number) => {
      if (ctrl.signal.aborted || !(f >= 0)) return;
      job.state = { status: 'uploading', progress: Math.min(1, f) };
      h.requestUpdate();
    };
    const send = typeof h.uploadHandler === 'function' ? h.uploadHandler : (f: File, o: Parameters<UploadHandler>[1]) => postFile(h.uploadUrl, f, o);
    Promise.resolve()
      .then(() => send(file, { signal: ctrl.signal, onProgress }))
      .then((url) => {
        if (ctrl.signal.aborted) return;
        this._jobs.delete(src);
        this._stored(src, file, safeUrl(url, h.uploadHandler ? '' : h.uploadUrl));
      })
      .catch(() => {
        if (this._jobs.get(src) !== job || ctrl.signal.aborted) return;
        job.state = { status: 'failed', progress: 0 };
        h.requestUpdate();
        this.announce(this.labels().uploadFailed.replace('{file}', file.name));
        emit(h, 'upload-error', { file, reason: 'network' });
      });
  }

  private _stored(src: string, file: File, url: string) {
    const i = this.store.items.findIndex((x) => x.src === src);
    this.host.requestUpdate('items');
    if (i < 0) return;
    const item = { ...this.store.items[i], src: url };
    this.store.replace(i, item);
    this.announce(this.labels().uploaded.replace('{file}', file.name));
    emit(this.host, 'upload', { files: [file], items: [item] });
    emit(this.host, 'change', { items: this.store.items as GalleryItem[] });
  }

  /** The user's Cancel: the upload stops; the tile offers Retry (its file stays in the form's data). */
  cancel(src: string): void {
    const job = this._jobs.get(src);
    if (!job || job.state.status !== 'uploading') return;
    job.ctrl.abort();
    job.state = { status: 'cancelled', progress: 0 };
    this.host.requestUpdate();
  }

  retry(src: string): void {
    const job = this._jobs.get(src);
    if (job && job.state.status !== 'uploading') this.start(src, job.file);
  }

  /** Forgets jobs whose item is gone (aborting a running one). */
  sweep(items: readonly GalleryItem[]): void {
    if (!this._jobs.size) return;
    const live = new Set(items.map((x) => x.src));
    for (const [src, job] of this._jobs) {
      if (!live.has(src)) {
        job.ctrl.abort();
        this._jobs.delete(src);
      }
    }
  }
}
