import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface FileDropPort {
  /** Upload mode, not disabled. */
  on(): boolean;
  /** The `clipboard` source is enabled. */
  paste(): boolean;
  /** Takes the dropped or pasted files as a user upload. */
  add(files: File[]): void;
}

/**
 * Files arriving anywhere on the gallery, not only on the drop zone: a drag with files over
 * any part of it (grid included) shows the drop target, a drop adds them; a paste with files
 * while focus is inside the gallery adds them (the `clipboard` source).
 */
export class FileDropController implements ReactiveController {
  /** A drag with files is over the gallery. */
  dragOver = false;
  private _depth = 0;

  constructor(private host: ReactiveControllerHost & HTMLElement, private port: FileDropPort) {
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
    this._depth = 0;
    this.dragOver = false;
  }

  private _onPaste = (e: ClipboardEvent) => {
    if (!this.port.on() || !this.port.paste()) return;
    const files = [...(e.clipboardData?.files ?? [])];
    if (files.length) {
      e.preventDefault();
      this.port.add(files);
    }
  };

  private _files = (e: DragEvent) => this.port.on() && !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

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
    this.port.add([...(e.dataTransfer?.files ?? [])]);
  };
}
