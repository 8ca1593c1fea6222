import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events/gallery-events.js';

/** The host: it renders the camera into its `.webcam video` and fires `upload-error` (`camera`) on a refusal. */
type WebcamHost = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/**
 * The webcam source: one camera stream at most (a second request while one is pending is
 * ignored), stopped on capture, on toggle and when the host is removed, including a stream
 * that arrives after the removal.
 */
export class WebcamController implements ReactiveController {
  private _stream: MediaStream | null = null;
  private _pending = false;
  private _connected = false;

  /** @param captured receives each captured frame, as a PNG file. */
  constructor(private host: WebcamHost, private captured: (file: File) => void) {
    host.addController(this);
  }

  private _video(): HTMLVideoElement | null {
    return this.host.renderRoot.querySelector('.webcam video');
  }

  /** Whether the camera is running. */
  get on(): boolean {
    return !!this._stream;
  }

  hostConnected(): void {
    this._connected = true;
  }

  hostDisconnected(): void {
    this._connected = false;
    this.stop();
  }

  toggle = (): void => {
    if (this._stream) this.stop();
    else void this.start();
  };

  async start(): Promise<void> {
    if (this._pending || this._stream) return;
    this._pending = true;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
      if (!this._connected) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      this._stream = stream;
      this.host.requestUpdate();
      await this.host.updateComplete;
      const v = this._video();
      if (v) {
        v.srcObject = stream;
        await v.play().catch(() => undefined);
      }
    } catch {
      emit(this.host, 'upload-error', { file: null, reason: 'camera' });
    } finally {
      this._pending = false;
    }
  }

  stop(): void {
    this._stream?.getTracks().forEach((t) => t.stop());
    if (this._stream) {
      this._stream = null;
      this.host.requestUpdate();
    }
  }

  /** Captures the current frame as a PNG, hands it to the host and stops the camera. */
  capture = (): void => {
    const v = this._video();
    if (!v || !v.videoWidth) return;
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    c.getContext('2d')!.drawImage(v, 0, 0);
    c.toBlob((b) => {
      if (b) this.captured(new File([b], `webcam-${Date.now()}.png`, { type: 'image/png' }));
      this.stop();
    }, 'image/png');
  };
}
