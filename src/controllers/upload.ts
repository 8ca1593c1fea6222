import type { ReactiveControllerHost } from 'lit';
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
 * Upload mode's rules and its own inputs: the file chooser and the Paste button (a drop or a
 * paste anywhere on the gallery: file-drop.ts). Checks type, size and count (`max-files="1"`
 * replaces the item, as gr.Image); makes one item per accepted file on a blob URL from the
 * registry; lists each refusal (the host's live region announces it); Clear.
 */
export class UploadController {
  /** Refused files, newest last, until the user dismisses them. */
  refused: Refusal[] = [];
  private _id = 0;

  constructor(private host: UploadHost, private store: GalleryStore, private port: UploadPort) {}

  /** The `accept` list from `file-types`. */
  get accept(): string {
    return acceptAttr(this.host.fileTypes);
  }

  /** The enabled sources: `upload`, `webcam`, `clipboard` (default all three, as gr.Image). */
  get sources(): string[] {
    return (this.host.sources ?? 'upload webcam clipboard').split(/[\s,]+/).filter(Boolean);
  }

  /** Upload mode, not disabled. */
  get on(): boolean {
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
    if (!this.on) return;
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
    if (!this.on || !this.store.length) return;
    this.store.replaceAll([]);
    this.host.requestUpdate('items');
    emit(this.host, 'clear', {});
    emit(this.host, 'change', { items: [] });
  }

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

  onInputChange = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    input.value = '';
  };
}
