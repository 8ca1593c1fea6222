/**
 * The blob URLs a gallery made for its uploads, with the `File` behind each: the form's data
 * carries the file of an item whose `src` is one of them, and each URL is revoked once no item
 * references it (the page replaced `items`, the user deleted or replaced the item, or the
 * element was removed). An element put back into the page gets fresh URLs for the same files.
 */
import type { GalleryItem } from './items.js';

const urlsOf = (it: GalleryItem) => [it.src, it.thumb, it.poster];

export class ObjectUrlRegistry {
  private _files = new Map<string, File>();
  /** Revoked on removal from the page, by old URL: re-made if the element comes back. */
  private _parked = new Map<string, File>();

  /** Makes a blob URL for `file` and remembers it. */
  create(file: File): string {
    const url = URL.createObjectURL(file);
    this._files.set(url, file);
    return url;
  }

  /** The uploaded file behind `url`, if this registry made it. */
  file(url: string | undefined): File | undefined {
    return url ? this._files.get(url) : undefined;
  }

  /** How many URLs are alive (not revoked). */
  get size(): number {
    return this._files.size;
  }

  /** Revokes every URL that none of `items` references. */
  sweep(items: readonly GalleryItem[]): void {
    if (!this._files.size) return;
    const used = new Set<string | undefined>(items.flatMap(urlsOf));
    for (const url of [...this._files.keys()]) {
      if (!used.has(url)) {
        URL.revokeObjectURL(url);
        this._files.delete(url);
      }
    }
  }

  /** The element left the page: revoke all, keeping the files in case it comes back. */
  park(): void {
    for (const [url, file] of this._files) {
      URL.revokeObjectURL(url);
      this._parked.set(url, file);
    }
    this._files.clear();
  }

  /**
   * The element is back: new URLs for the parked files that `items` still reference.
   * @returns the items with their URLs replaced, or `null` when nothing changed.
   */
  unpark(items: readonly GalleryItem[]): GalleryItem[] | null {
    if (!this._parked.size) return null;
    const fresh = new Map<string, string>();
    const swap = (u: string | undefined) => {
      const f = u ? this._parked.get(u) : undefined;
      if (!u || !f) return u;
      if (!fresh.has(u)) fresh.set(u, this.create(f));
      return fresh.get(u);
    };
    const out = items.map((it) => {
      const [src, thumb, poster] = urlsOf(it).map(swap);
      if (src === it.src && thumb === it.thumb && poster === it.poster) return it;
      const next: GalleryItem = { ...it, src: src! };
      if (thumb) next.thumb = thumb;
      if (poster) next.poster = poster;
      return next;
    });
    this._parked.clear();
    return fresh.size ? out : null;
  }
}
