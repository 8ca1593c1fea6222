import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events/gallery-events.js';
import { videoConstraints } from '../upload.js';

/** The host: it renders the camera into its `.webcam video`. */
type WebcamHost = ReactiveControllerHost & HTMLElement & {
  renderRoot: ParentNode;
  readonly webcamMirror: boolean;
  readonly webcamConstraints: unknown;
  readonly streaming: boolean;
  readonly streamEvery: number;
};

/**
 * The webcam source (gr.Image's): one camera stream at most (a second request while one is
 * pending is ignored), mirrored by default (what is shown is what is captured), with the page's
 * constraints and a device picker when there is more than one camera; while `streaming`, a
 * `stream` event every `stream-every` ms. The camera stops on capture, on a second press, when
 * the host is removed, including a stream that arrives after the removal.
 */
export class WebcamController implements ReactiveController {
  private _stream: MediaStream | null = null;
  private _pending = false;
  private _connected = false;
  private _timer = 0;
  /** Cameras to choose from (only filled when there are two or more). */
  devices: MediaDeviceInfo[] = [];
  /** The chosen camera's id ('' for the default). */
  deviceId = '';

  /** @param captured receives each captured frame, as a PNG file. @param failed a refused camera. */
  constructor(private host: WebcamHost, private captured: (file: File) => void, private failed: () => void) {
    host.addController(this);
  }

  /** Whether a camera API exists here (not in insecure contexts). */
  static get available(): boolean {
    return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
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

  hostUpdated(): void {
    const want = this.host.streaming && !!this._stream;
    if (want && !this._timer) this._timer = window.setInterval(this._frame, Math.max(50, this.host.streamEvery || 500));
    else if (!want && this._timer) this._clearTimer();
  }

  private _clearTimer() {
    clearInterval(this._timer);
    this._timer = 0;
  }

  toggle = (): void => {
    if (this._stream) this.stop();
    else void this.start();
  };

  /** Picks another camera: restarts the stream on it. */
  choose = (e: Event): void => {
    this.deviceId = (e.target as HTMLSelectElement).value;
    this.stop();
    void this.start();
  };

  async start(): Promise<void> {
    if (this._pending || this._stream) return;
    this._pending = true;
    try {
      const base = videoConstraints(this.host.webcamConstraints);
      const video = this.deviceId ? { ...(base === true ? {} : base), deviceId: { exact: this.deviceId } } : base;
      const stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
      if (!this._connected) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      this._stream = stream;
      const cams = (await navigator.mediaDevices.enumerateDevices().catch(() => [])).filter((d) => d.kind === 'videoinput');
      this.devices = cams.length > 1 ? cams : [];
      if (!this.deviceId) this.deviceId = stream.getVideoTracks()[0]?.getSettings().deviceId ?? '';
      this.host.requestUpdate();
      await this.host.updateComplete;
      const v = this._video();
      if (v && this._stream === stream) {
        v.srcObject = stream;
        await v.play().catch(() => undefined);
      }
    } catch {
      this.failed();
    } finally {
      this._pending = false;
    }
  }

  stop(): void {
    this._clearTimer();
    this._stream?.getTracks().forEach((t) => t.stop());
    if (this._stream) {
      this._stream = null;
      this.host.requestUpdate();
    }
  }

  /** The current frame on a canvas (mirrored like the view), or null before the first frame. */
  private _canvas(): HTMLCanvasElement | null {
    const v = this._video();
    if (!v || !v.videoWidth) return null;
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    const g = c.getContext('2d')!;
    if (this.host.webcamMirror) g.setTransform(-1, 0, 0, 1, c.width, 0);
    g.drawImage(v, 0, 0);
    return c;
  }

  private _frame = () => {
    const c = this._canvas();
    c?.toBlob((blob) => blob && this._stream && emit(this.host, 'stream', { blob, width: c.width, height: c.height }), 'image/jpeg', 0.85);
  };

  /** Captures the current frame as a PNG, hands it to the host and stops the camera. */
  capture = (): void => {
    const c = this._canvas();
    c?.toBlob((b) => {
      if (b) this.captured(new File([b], `webcam-${Date.now()}.png`, { type: 'image/png' }));
      this.stop();
    }, 'image/png');
  };
}
