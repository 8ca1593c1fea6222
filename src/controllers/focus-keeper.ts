import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where the focus keeper puts focus back. */
export interface FocusKeeperPort {
  /** How many items (tiles) there are. */
  count(): number;
  /** The grid's tab stop. */
  tabStop(): number;
  /** The index of the first item the last Load more asked for (-1: none). */
  firstNew(): number;
  /** Focuses the tile at `index` (scrolled into view). */
  focus(index: number): void;
}

/**
 * Keeps keyboard focus inside the gallery when one of its updates removes the focused part: a
 * deleted tile, Load more gone with `has-more`, a tile whose item the page replaced. Without it
 * focus falls to `<body>` and a keyboard or screen reader user starts again from the top of the
 * page. Focus goes to the first item the last Load more brought (when Load more had it), else to
 * the grid's tab stop, else to what remains (Load more, the upload button, the empty state).
 * Focus that the page moved elsewhere on purpose is left alone.
 */
export class FocusKeeperController implements ReactiveController {
  private _lost: Element | null = null;

  constructor(private host: ReactiveControllerHost & HTMLElement, private port: FocusKeeperPort) {
    host.addController(this);
  }

  hostUpdate(): void {
    this._lost = this.host.shadowRoot?.activeElement ?? null;
  }

  hostUpdated(): void {
    const lost = this._lost;
    this._lost = null;
    if (!lost || lost.isConnected) return;
    // Focus already went to another of our parts (the preview, a tile): nothing was lost.
    if (this.host.shadowRoot?.activeElement?.isConnected) return;
    const now = document.activeElement;
    if (now && now !== document.body && now !== document.documentElement && now !== this.host) return;
    const n = this.port.count(), at = this.port.firstNew();
    if (n) this.port.focus(lost.matches('[part~=load-more]') && at >= 0 ? Math.min(at, n - 1) : Math.min(this.port.tabStop(), n - 1));
    else this.host.shadowRoot?.querySelector<HTMLElement>('[part~=load-more], .dropzone button, [part=empty]')?.focus();
  }
}
