import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GalleryStore } from '../model/store.js';
import { sendRequest } from '../events/requests.js';
import { tileAct, tileLoad } from '../views/tile.js';
import { afterFirstScreen, holdFirstScreen } from '../dom.js';
import { TileKeys } from '../views/tile-keys.js';

/** The longest the first screen's thumbnails hold the work that waits for them (ms). */
const FIRST_SCREEN_MS = 1000;

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/**
 * One listener for every tile of the grid (the grid binds it for `click`, `keydown`, and, in the
 * capture phase since they do not bubble, `load`, `error` and `loadeddata`): a button's action
 * or a media load becomes the tile's private request to the host (`events/requests.ts`), as a
 * standalone part's would. Tiles carry no listeners of their own, so they are cheap to create.
 */
export class TileEventsController implements ReactiveController, EventListenerObject {
  readonly capture = true;
  /** When the grid last rendered: a thumbnail that loads within 100 ms of it came from the cache and shows without a fade. */
  private _renderedAt = 0;
  private _swept = false;
  /** The first screen of tiles is done (painted, its thumbnails loaded or 1 s passed: `afterFirstScreen`): what is not needed for it (the preview element) may render now. */
  painted = false;
  /** The grid's tile keys: tile elements recycled between renders. */
  readonly keys = new TileKeys();

  constructor(private host: Host, private store: GalleryStore) {
    host.addController(this);
  }

  hostUpdate(): void {
    this._renderedAt = performance.now();
  }

  /**
   * After the first render that placed tiles: media that finished loading before the gallery
   * listened (server-rendered HTML, a page slower to run its script than to load its images)
   * fires no `load` again, so it is marked here from `complete`.
   */
  hostUpdated(): void {
    if (this._swept) return;
    const media = this.host.renderRoot.querySelectorAll<HTMLImageElement>('.grid:not(.flow) > .tile img.media');
    if (!media.length) return;
    this._swept = true;
    // The thumbnails on screen still loading hold what waits for the first screen (at most 1 s;
    // the page's, so other galleries' too), unless the gallery is out of the window (its lazy
    // images would not start: it would only hold the others for the whole second).
    const loading = [...media].filter((m) => m.getAttribute('fetchpriority') === 'high' && m.getAttribute('src') && !m.complete);
    const r = loading.length ? this.host.getBoundingClientRect() : null;
    if (r && r.bottom > 0 && r.top < innerHeight) {
      const settled = (m: HTMLImageElement) => new Promise<void>((done) => { const f = () => done(); m.addEventListener('load', f, { once: true }); m.addEventListener('error', f, { once: true }); });
      holdFirstScreen(Promise.all(loading.map(settled)), FIRST_SCREEN_MS);
    }
    afterFirstScreen(() => {
      this.painted = true;
      this.host.requestUpdate();
    });
    // An image without a src yet (rendered during a jump) is `complete` too: not a failure.
    for (const m of media) if (m.complete && m.getAttribute('src')) this._settled(m, m.naturalWidth > 0 ? { ok: true, width: m.naturalWidth, height: m.naturalHeight } : { ok: false });
  }

  handleEvent(e: Event): void {
    if (e.type === 'click' || e.type === 'keydown') {
      const tile = this._tileOf(e.target);
      const index = tile ? Number(tile.dataset.index) : -1;
      const item = this.store.at(index);
      const r = item && tileAct(e, item);
      if (r) sendRequest(tile!, r.action, index, item, r.data as never);
      return;
    }
    const r = tileLoad(e);
    if (r) this._settled(e.target as Element, r);
  }

  private _tileOf(t: EventTarget | null): HTMLElement | null {
    const tile = (t as Element | null)?.closest?.<HTMLElement>('.tile');
    return tile?.parentElement?.classList.contains('grid') ? tile : null;
  }

  private _settled(media: Element, r: NonNullable<ReturnType<typeof tileLoad>>) {
    const tile = this._tileOf(media);
    const index = tile ? Number(tile.dataset.index) : -1;
    const item = this.store.at(index);
    if (!tile || !item) return;
    if (r.ok) {
      // A fade only helps an image that arrives late; on a fast scroll through cached tiles,
      // dozens of fading layers at once cost frames.
      if (performance.now() - this._renderedAt < 100) tile.setAttribute('instant', '');
      tile.setAttribute('loaded', '');
      // Tells a masonry or justified layout the ratio of an item that had no width/height.
      if (r.width && r.height) sendRequest(tile, 'media-size', index, item, { width: r.width, height: r.height });
    } else if (!this.store.failedAt(index)) {
      sendRequest(tile, 'media-error', index, item, {});
      this.host.requestUpdate();
    }
  }
}
