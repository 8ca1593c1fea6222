import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { acceptAttr, accepts, parseSize } from '../upload.js';
import type { UploadErrorReason } from '../events/gallery-events.js';
import type { GalleryItem } from '../model/items.js';

/** What upload mode reads from and does to its host. */
export interface UploadHost extends ReactiveControllerHost, HTMLElement {
  readonly interactive: boolean;
  readonly fileTypes: string;
  readonly sources: string;
  readonly maxFileSize: number | string | null;
  readonly maxFiles: number;
}

/** What upload mode does to its host beyond its public API. */
export interface UploadPort {
  count(): number;
  /** Appends the accepted files' items as a user edit: fires `upload` and `change`. */
  addUploaded(files: File[], items: GalleryItem[]): void;
  refuse(file: File | null, reason: UploadErrorReason): void;
}

/**
 * Upload mode's inputs: the file chooser, drag and drop, paste (the `clipboard` source) and the
 * Paste button. Checks type, size and count; makes one item per accepted file, on a blob URL.
 */
export class UploadController implements ReactiveController {
  /** A drag with files is over the drop zone. */
  dragOver = false;

  constructor(private host: UploadHost, private port: UploadPort) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('paste', this.onPaste);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('paste', this.onPaste);
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
    const h = this.host, p = this.port;
    const accept = this.accept;
    const max = parseSize(h.maxFileSize);
    const good: File[] = [];
    for (const f of files) {
      if (!accepts(f, accept)) p.refuse(f, 'type');
      else if (max != null && f.size > max) p.refuse(f, 'size');
      else if (h.maxFiles > 0 && p.count() + good.length >= h.maxFiles) p.refuse(f, 'count');
      else good.push(f);
    }
    if (!good.length) return;
    const items: GalleryItem[] = good.map((f) => ({
      src: URL.createObjectURL(f),
      type: f.type.startsWith('video/') ? 'video' : 'image',
      caption: f.name,
      download: f.name,
    }));
    p.addUploaded(good, items);
  }

  private onPaste = (e: ClipboardEvent) => {
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
      this.port.refuse(null, 'read');
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
