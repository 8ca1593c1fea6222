import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { acceptAttr, accepts, parseSize } from '../upload.js';
import { emit, type UploadErrorReason } from '../events/gallery-events.js';
import type { GalleryStore } from '../model/store.js';
import type { GalleryItem } from '../model/items.js';
import type { ObjectUrlRegistry } from '../model/object-urls.js';

/** What upload mode reads from and does to its host. */
export interface UploadHost extends ReactiveControllerHost, HTMLElement {
  readonly interactive: boolean;
  readonly fileTypes: string | readonly string[];
  readonly sources: string;
  readonly maxFileSize: number | string | null;
  readonly maxFiles: number;
  requestUpdate(name?: PropertyKey): void;
}

export interface UploadPort {
  urls: ObjectUrlRegistry;
  disabled(): boolean;
  /** The text of a refusal: `{file} not added: {reason}`. */
  refusal(name: string, reason: UploadErrorReason): string;
  /** Server upload, when `upload-url` or `uploadHandler` is set: returns false when off. */
  send(src: string, file: File): boolean;
}

/** One refused file (or failed source) listed under the drop zone until dismissed. */
export interface Refusal { id: number; text: string; reason: UploadErrorReason }

/**
 * Upload mode's inputs: the file chooser, a drop anywhere on the gallery, paste anywhere in
 * the focused gallery (the `clipboard` source) and the Paste button. Checks type, size and
 * count (`max-files="1"` replaces the item, as gr.Image); makes one item per accepted file on a
 * blob URL from the registry; lists and announces each refusal.
 */
export class UploadController implements ReactiveController {
  /** A drag with files is over the gallery. */
  dragOver = false;
  /** Refused files, newest last, until the user dismisses them. */
  refused: Refusal[] = [];
  private _depth = 0;
  private _id = 0;

  constructor(private host: UploadHost, private store: GalleryStore, private port: UploadPort) {
    host.addController(this);
  }

  hostConnected(): void {
    const h = this.host;
    h.addEventListener('paste', this._onPaste);
    h.addEventListener('dragenter', this._onDragEnter);
    h.addEventListener('dragover', this._onDragOver);
    h.addEventListener('dragleave', this._onDragLeave);
    h.addEventListener('drop', this._onDrop);
  }

  hostDisconnected(): void {
    const h = this.host;
    h.removeEventListener('paste', this._onPaste);
    h.removeEventListener('dragenter', this._onDragEnter);
    h.removeEventListener('dragover', this._onDragOver);
    h.removeEventListener('dragleave', this._onDragLeave);
    h.removeEventListener('drop', this._onDrop);
  }

  /** The `accept` list from `file-types`. */
  get accept(): string {
    return acceptAttr(this.host.fileTypes);
  }

  /** The enabled sources: `upload`, `webcam`, `clipboard` (default all three, as gr.Image). */
  get sources(): string[] {
    return (this.host.sources ?? 'upload webcam clipboard').split(/[\s,]+/).filter(Boolean);
  }

  private get _on(): boolean {
    return this.host.interactive && !this.port.disabled();
  }

  /** Lists and reports one refusal (`file: null` for a failed source); the host's announcer says it. */
  refuse(file: File | null, reason: UploadErrorReason): void {
    const text = this.port.refusal(file?.name ?? '', reason);
    this.refused = [...this.refused, { id: ++this._id, text, reason }].slice(-20);
    this.host.requestUpdate();
    emit(this.host, 'upload-error', { file, reason });
  }

  dismiss(id: number): void {
    this.refused = this.refused.filter((r) => r.id !== id);
    this.host.requestUpdate();
  }

  /** Adds files as a user upload. */
  add(files: File[]): void {
    const h = this.host;
    if (!this._on) return;
    const accept = this.accept;
    const max = parseSize(h.maxFileSize);
    const replace = h.maxFiles === 1;
    const good: File[] = [];
    for (const f of files) {
      if (!accepts(f, accept)) this.refuse(f, 'type');
      else if (max != null && f.size > max) this.refuse(f, 'size');
      else if (replace ? good.length >= 1 : h.maxFiles > 0 && this.store.length + good.length >= h.maxFiles) this.refuse(f, 'count');
      else good.push(f);
    }
    if (!good.length) return;
    const items: GalleryItem[] = good.map((f) => ({
      src: this.port.urls.create(f),
      type: f.type.startsWith('video/') ? 'video' : 'image',
      caption: f.name,
      download: f.name,
    }));
    this.store.replaceAll(replace ? items : [...this.store.items, ...items]);
    h.requestUpdate('items');
    const remote = items.map((it, i) => this.port.send(it.src, good[i]));
    // Without a server the files are stored once they are in the gallery; with one, `upload`
    // fires for each file when the server has it.
    if (!remote.some(Boolean)) emit(h, 'upload', { files: good, items });
    emit(h, 'change', { items: this.store.items as GalleryItem[] });
  }

  /** The user's Clear: no items, `clear` then `change`. */
  clear(): void {
    if (!this._on || !this.store.length) return;
    this.store.replaceAll([]);
    this.host.requestUpdate('items');
    emit(this.host, 'clear', {});
    emit(this.host, 'change', { items: [] });
  }

  private _onPaste = (e: ClipboardEvent) => {
    if (!this._on || !this.sources.includes('clipboard')) return;
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length) {
      e.preventDefault();
      this.add(files);
    }
  };

  /** The Paste button: reads images from the async clipboard. */
  async paste(): Promise<void> {
    try {
      const files: File[] = [];
      for (const entry of await navigator.clipboard.read()) {
        const type = entry.types.find((t) => t.startsWith('image/'));
        if (type) files.push(new File([await entry.getType(type)], `pasted.${type.split('/')[1]}`, { type }));
      }
      if (files.length) this.add(files);
    } catch {
      this.refuse(null, 'read');
    }
  }

  private _files = (e: DragEvent) => this._on && !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

  private _over(on: boolean) {
    if (this.dragOver !== on) {
      this.dragOver = on;
      this.host.requestUpdate();
    }
  }

  private _onDragEnter = (e: DragEvent) => {
    if (!this._files(e)) return;
    this._depth++;
    this._over(true);
  };

  private _onDragOver = (e: DragEvent) => {
    if (!this._files(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
    this._over(true);
  };

  private _onDragLeave = () => {
    if (this._depth > 0 && --this._depth === 0) this._over(false);
  };

  private _onDrop = (e: DragEvent) => {
    if (!this._files(e)) return;
    e.preventDefault();
    this._depth = 0;
    this._over(false);
    this.add([...(e.dataTransfer?.files ?? [])]);
  };

  onInputChange = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    input.value = '';
  };
}
