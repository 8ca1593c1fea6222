import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GalleryItem } from '../model/items.js';
import type { Size } from '../zoom.js';

/** How many neighbours' images stay preloaded (oldest dropped first). */
const CACHE = 6;

/**
 * The preview's large media: natural sizes learnt on load, which sources have decoded (the
 * placeholder goes then), which failed (an error tile with Retry), and a small bounded cache of
 * preloaded neighbours. State is keyed by `src`; new items from the page clear the failures.
 */
export class MediaLoader implements ReactiveController {
  private _natural = new Map<string, Size>();
  private _decoded = new Set<string>();
  private _failures = new Set<string>();
  private _cache = new Map<string, HTMLImageElement>();

  /**
   * @param onSize a natural size was learnt (geometry only: no render needed).
   * @param onError media failed for the first time (the preview reports it).
   */
  constructor(private host: ReactiveControllerHost, private onSize: () => void, private onError: (item: GalleryItem, index: number) => void) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const img of this._cache.values()) img.src = '';
    this._cache.clear();
  }

  /** The natural size of an item's media: learnt (declared first for srcset), else its declared width/height, else zeros. */
  size(it: GalleryItem | undefined): Size {
    if (!it) return { width: 0, height: 0 };
    const declared = it.width && it.height ? { width: it.width, height: it.height } : null;
    // With srcset, naturalWidth is density-corrected to the candidate chosen: the declared size is the truth.
    if (declared && it.srcset) return declared;
    return this._natural.get(it.src) ?? declared ?? { width: 0, height: 0 };
  }

  ready(it: GalleryItem): boolean { return this._decoded.has(it.src); }
  failed(it: GalleryItem): boolean { return this._failures.has(it.src); }

  /** `load` / `loadedmetadata` of a rendered image or video. */
  loaded(e: Event, it: GalleryItem): void {
    const el = e.target as HTMLImageElement | HTMLVideoElement;
    const img = el instanceof HTMLImageElement;
    this._learn(it.src, img ? el.naturalWidth : el.videoWidth, img ? el.naturalHeight : el.videoHeight);
    const done = () => {
      if (this._decoded.has(it.src)) return;
      this._decoded.add(it.src);
      this.host.requestUpdate();
    };
    if (img && el.decode) el.decode().then(done, done);
    else done();
  }

  /** `error` of a rendered image or video: shows the error tile, reports it once. */
  error(it: GalleryItem, index: number): void {
    if (this._failures.has(it.src)) return;
    this._failures.add(it.src);
    this._cache.delete(it.src);
    this.host.requestUpdate();
    this.onError(it, index);
  }

  /** Loads a failed item again (its Retry button). */
  retry(it: GalleryItem): void {
    if (this._failures.delete(it.src)) this.host.requestUpdate();
  }

  /** The page set new items or a new `src`: failed media get another try. */
  clearFailures(): void {
    this._failures.clear();
  }

  /** Fetches and decodes images not yet shown (the neighbours), `width` px wide for srcset. */
  preload(items: Array<GalleryItem | undefined>, width: number): void {
    for (const it of items) {
      if (!it || it.type === 'video' || this._decoded.has(it.src) || this._failures.has(it.src)) continue;
      const hit = this._cache.get(it.src);
      if (hit) {
        this._cache.delete(it.src);
        this._cache.set(it.src, hit);
        continue;
      }
      const img = new Image();
      img.decoding = 'async';
      if (it.srcset) {
        img.sizes = `${Math.ceil(width || 1000)}px`;
        img.srcset = it.srcset;
      }
      img.src = it.src;
      img.decode?.().then(() => this._learn(it.src, img.naturalWidth, img.naturalHeight), () => undefined);
      this._cache.set(it.src, img);
      while (this._cache.size > CACHE) {
        const [oldest, old] = this._cache.entries().next().value!;
        old.src = '';
        this._cache.delete(oldest);
      }
    }
  }

  private _learn(src: string, width: number, height: number) {
    if (!width || !height) return;
    const prev = this._natural.get(src);
    if (prev && prev.width === width && prev.height === height) return;
    this._natural.set(src, { width, height });
    this.onSize();
  }
}
