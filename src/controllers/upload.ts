import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { acceptAttr, accepts, parseSize } from '../upload.js';
import { emit, type UploadErrorReason } from '../events/gallery-events.js';
import type { GalleryStore } from '../model/store.js';
import type { GalleryItem } from '../model/items.js';

/** What upload mode reads from and does to its host. */
export interface UploadHost extends ReactiveControllerHost, HTMLElement {
  readonly interactive: boolean;
  readonly fileTypes: string;
  readonly sources: string;
  readonly maxFileSize: number | string | null;
  readonly maxFiles: number;
  requestUpdate(name?: PropertyKey): void;
}


/**
 * Upload mode's inputs: the file chooser, drag and drop, paste (the `clipboard` source) and the
 * Paste button. Checks type, size and count; makes one item per accepted file, on a blob URL.
 */
export class UploadController implements ReactiveController {
  /** A drag with files is over the drop zone. */
  dragOver = false;

  constructor(private host: UploadHost, private store: GalleryStore) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('paste', this._onPaste);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('paste', this._onPaste);
  }

  /** The `accept` list from `file-types`. */
  get accept(): string {
    return acceptAttr(this.host.fileTypes);
  }

  /** The enabled sources: `upload`, `webcam`, `clipboard`. */
  get sources(): string[] {
    return (this.host.sources || 'upload').split(/[\s,]+/).filter(Boolean);
  }

  /** Adds files as a user upload. */
  add(files: File[]): void {
    const h = this.host;
    const refuse = (file: File | null, reason: UploadErrorReason) => emit(h, 'upload-error', { file, reason });
    const accept = this.accept;
    const max = parseSize(h.maxFileSize);
    const good: File[] = [];
    for (const f of files) {
      if (!accepts(f, accept)) refuse(f, 'type');
      else if (max != null && f.size > max) refuse(f, 'size');
      else if (h.maxFiles > 0 && this.store.length + good.length >= h.maxFiles) refuse(f, 'count');
      else good.push(f);
    }
    if (!good.length) return;
    const items: GalleryItem[] = good.map((f) => ({
      src: URL.createObjectURL(f),
      type: f.type.startsWith('video/') ? 'video' : 'image',
      caption: f.name,
      download: f.name,
    }));
    this.store.replaceAll([...this.store.items, ...items]);
    h.requestUpdate('items');
    emit(h, 'upload', { files: good, items });
    emit(h, 'change', { items: this.store.items as GalleryItem[] });
  }

  private _onPaste = (e: ClipboardEvent) => {
    if (!this.host.interactive || !this.sources.includes('clipboard')) return;
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
      emit(this.host, 'upload-error', { file: null, reason: 'read' });
    }
  }

  onDragOver = (e: DragEvent): void => {
    e.preventDefault();
    if (!this.dragOver) {
      this.dragOver = true;
      this.host.requestUpdate();
    }
  };

  onDragLeave = (): void => {
    this.dragOver = false;
    this.host.requestUpdate();
  };

  onDrop = (e: DragEvent): void => {
    e.preventDefault();
    this.onDragLeave();
    this.add([...(e.dataTransfer?.files ?? [])]);
  };

  onInputChange = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    input.value = '';
  };
}
