import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { GalleryItem } from './model/items.js';
import { fmt, type GalleryLabels } from './model/labels.js';
import { icons } from './icons.js';
import { placeholderCss } from './placeholder.js';
import { RovingListController } from './controllers/roving-list.js';
import { isRtl } from './dom.js';
import { reducedMotion } from './controllers/modal.js';

/** Gap between thumbnails and padding at the ends, px (as in the stylesheet). */
const GAP = 6;
const PAD = 12;
/** Thumbnails rendered beyond each end of the visible part. */
const OVERSCAN = 4;

/** What the strip reads from and does to the preview. */
export interface StripOptions {
  items(): readonly GalleryItem[];
  index(): number;
  labels(): GalleryLabels;
  /** Moves to item `i` as a user action. */
  go(i: number): void;
  loop(): boolean;
  /** The rendered strip element, if any. */
  element(): HTMLElement | null;
}

/**
 * The preview's thumbnail strip, virtualized: only the thumbnails in view (plus a few) exist,
 * positioned by CSS from a `--i` custom property written through CSSOM. One tab stop (the
 * current item); arrows, Home and End move through the items and focus follows. The current
 * thumbnail is kept centred.
 */
export class StripController implements ReactiveController {
  private _scroll = 0;
  private _width = 0;
  private _size = 0;
  private _el: HTMLElement | null = null;
  private _ro?: ResizeObserver;
  private _shown = -1;

  constructor(private host: ReactiveControllerHost, private o: StripOptions) {
    host.addController(this);
    new RovingListController(host, {
      target: () => this._el,
      count: () => o.items().length,
      current: () => o.index(),
      element: (i) => this._el?.querySelector<HTMLElement>(`[data-index="${i}"]`) ?? null,
      move: (i) => {
        o.go(i);
        return o.index() === i;
      },
      wrap: () => o.loop(),
    });
  }

  private get _pitch() {
    return (this._size || 56) + GAP;
  }

  hostUpdated(): void {
    const found = this.o.element();
    const el = found?.isConnected ? found : null;
    const fresh = el !== this._el;
    if (fresh) {
      if (this._el) this._ro?.unobserve(this._el);
      this._el = el;
      if (el) {
        (this._ro ??= new ResizeObserver((e) => this._resized(e[e.length - 1].contentRect))).observe(el);
        this._resized(el.getBoundingClientRect());
      }
    }
    if (!el) {
      this._shown = -1;
      return;
    }
    const list = this.o.items();
    el.querySelector<HTMLElement>('.strip-inner')?.style.setProperty('--n', String(list.length));
    for (const b of el.querySelectorAll<HTMLElement>('button[data-index]')) {
      const i = Number(b.dataset.index);
      b.style.setProperty('--i', String(i));
      const ph = placeholderCss(list[i]?.placeholder);
      const img = b.querySelector('img');
      if (img) {
        img.style.backgroundImage = ph ?? '';
        img.style.backgroundSize = ph ? 'cover' : '';
        img.style.backgroundPosition = ph ? 'center' : '';
      }
    }
    const index = this.o.index();
    if (index !== this._shown) {
      this._center(!fresh && this._shown >= 0);
      this._shown = index;
    }
  }

  hostDisconnected(): void {
    this._ro?.disconnect();
    this._ro = undefined;
    this._el = null;
    this._shown = -1;
  }

  private _resized(r: { width: number; height: number }) {
    const size = Math.max(0, r.height - 20);
    if (r.width === this._width && size === this._size) return;
    this._width = r.width;
    this._size = size;
    this.host.requestUpdate();
  }

  /** Scrolls the current thumbnail to the middle. */
  private _center(smooth: boolean) {
    const el = this._el;
    if (!el) return;
    const left = Math.max(0, PAD + this.o.index() * this._pitch + this._pitch / 2 - el.clientWidth / 2);
    // Right-to-left, the strip starts at the right: scrollLeft runs from 0 down to negative values.
    el.scrollTo({ left: isRtl(el) ? -left : left, behavior: smooth && !reducedMotion() ? 'smooth' : 'instant' });
  }

  private _onScroll = (e: Event) => {
    const left = Math.abs((e.target as HTMLElement).scrollLeft);
    if (Math.abs(left - this._scroll) > 8) {
      this._scroll = left;
      this.host.requestUpdate();
    }
  };

  render(): unknown {
    const list = this.o.items();
    if (list.length < 2) return nothing;
    const index = this.o.index();
    const pitch = this._pitch;
    const first = Math.max(0, Math.floor((this._scroll - PAD) / pitch) - OVERSCAN);
    const last = Math.min(list.length, Math.ceil((this._scroll + (this._width || 800)) / pitch) + OVERSCAN);
    // In index order, the current one included: a focused thumbnail is never moved in the DOM
    // (a move would blur it) as the range scrolls over it.
    const range: number[] = index < first ? [index] : [];
    for (let i = first; i < last; i++) range.push(i);
    if (index >= last) range.push(index);
    const l = this.o.labels();
    return html`<div class="strip" part="strip" role="group" aria-label=${l.thumbnails} @scroll=${this._onScroll}>
      <div class="strip-inner">
        ${repeat(range, (i) => i, (i) => {
          const it = list[i];
          const thumb = it.type === 'video' ? it.poster ?? it.thumb : it.thumb ?? it.src;
          return html`<button class="t" part="button strip-thumb" data-index=${i} tabindex=${i === index ? 0 : -1}
            aria-current=${i === index ? 'true' : 'false'} aria-label=${fmt(l.itemOf, { type: it.type === 'video' ? l.video : l.image, n: i + 1, total: list.length })}
            @click=${() => this.o.go(i)}>
            ${thumb ? html`<img src=${thumb} alt="" loading="lazy" decoding="async" />` : nothing}
            ${it.type === 'video' ? html`<span class="v">${icons.play}</span>` : nothing}
          </button>`;
        })}
      </div>
    </div>`;
  }
}
