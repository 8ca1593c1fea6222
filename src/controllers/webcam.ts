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
  private stream: MediaStream | null = null;
  private pending = false;
  private connected = false;

  /** @param captured receives each captured frame, as a PNG file. */
  constructor(private host: WebcamHost, private captured: (file: File) => void) {
    host.addController(this);
  }

  private video(): HTMLVideoElement | null {
    return this.host.renderRoot.querySelector('.webcam video');
  }

  /** Whether the camera is running. */
  get on(): boolean {
    return !!this.stream;
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  toggle = (): void => {
    if (this.stream) this.stop();
    else void this.start();
  };

  async start(): Promise<void> {
    if (this.pending || this.stream) return;
    this.pending = true;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
      if (!this.connected) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      this.stream = stream;
      this.host.requestUpdate();
      await this.host.updateComplete;
      const v = this.video();
      if (v) {
        v.srcObject = stream;
        await v.play().catch(() => undefined);
      }
    } catch {
      emit(this.host, 'upload-error', { file: null, reason: 'camera' });
    } finally {
      this.pending = false;
    }
  }

  stop(): void {
    this.stream?.getTracks().forEach((t) => t.stop());
    if (this.stream) {
      this.stream = null;
      this.host.requestUpdate();
    }
  }

  /** Captures the current frame as a PNG, hands it to the host and stops the camera. */
  capture = (): void => {
    const v = this.video();
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
