import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Fullscreen for one element via the Fullscreen API, with a fallback where it is missing or
 * refused (iPhone Safari, sandboxed iframes): the `pseudo-fullscreen` attribute, which the
 * element's CSS turns into a fixed, viewport-filling layer.
 */
export class FullscreenController implements ReactiveController {
  /** Whether the element is fullscreen (real or fallback). */
  active = false;

  constructor(private host: ReactiveControllerHost & HTMLElement, private target: () => HTMLElement | null = () => host) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this._sync);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this._sync);
    if (this.host.hasAttribute('pseudo-fullscreen')) this.host.removeAttribute('pseudo-fullscreen');
  }

  private get _el() {
    return this.target() ?? this.host;
  }

  private _sync = () => {
    const el = this._el;
    const root = el.getRootNode() as Document | ShadowRoot;
    const real = root.fullscreenElement === el;
    const next = real || this.host.hasAttribute('pseudo-fullscreen');
    if (next !== this.active) {
      this.active = next;
      this.host.requestUpdate();
    }
  };

  async toggle(): Promise<void> {
    if (this.active) return this.exit();
    const el = this._el;
    if (document.fullscreenEnabled && el.requestFullscreen) {
      try {
        await el.requestFullscreen();
        return;
      } catch { /* refused: use the fallback */ }
    }
    this.host.setAttribute('pseudo-fullscreen', '');
    this._sync();
  }

  async exit(): Promise<void> {
    if (this.host.hasAttribute('pseudo-fullscreen')) {
      this.host.removeAttribute('pseudo-fullscreen');
      this._sync();
    }
    const root = this._el.getRootNode() as Document | ShadowRoot;
    if (root.fullscreenElement === this._el) await document.exitFullscreen().catch(() => undefined);
  }
}
