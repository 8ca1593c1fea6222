import { FIT, fitSize } from '../zoom.js';
import type { ZoomPanController, ZoomPanOptions } from './zoom-pan.js';

/** The srcset `sizes` bucket of a zoom: steps of 1.5×, so the candidate asked for changes rarely. */
const bucketOf = (scale: number): number => Math.ceil(Math.log(Math.max(1, scale)) / Math.log(1.5) - 1e-9);

/**
 * Writes the zoom-pan controller's state into the stage through CSSOM (`style.transform`, box
 * sizes, `sizes`), reading no style. The controller calls it at most once per animation frame
 * (`paint`) and after a render, a resize or a natural size learnt (`layout`).
 */
export class ZoomPainter {
  private _bucket = 0;

  constructor(private zp: ZoomPanController, private o: ZoomPanOptions) {}

  /** Box sizes and srcset `sizes` of every slide's media. */
  layout(stage: HTMLElement): void {
    const size = this.zp.stage;
    const cur = this.o.current();
    this._bucket = bucketOf(this.zp.state.scale);
    for (const slide of stage.querySelectorAll<HTMLElement>('.slide')) {
      const i = Number(slide.dataset.index);
      const nat = this.o.natural(i);
      const fit = fitSize(nat, size);
      const sized = nat.width > 0 && size.width > 0;
      for (const m of slide.querySelectorAll<HTMLElement>('.media')) {
        const s = m.style;
        s.width = sized ? `${fit.width}px` : '';
        s.height = sized ? `${fit.height}px` : '';
        s.maxWidth = s.maxHeight = sized ? 'none' : '';
        if (m instanceof HTMLImageElement && m.srcset) {
          // Ask for the candidate that covers the zoomed width; quantised so the choice changes rarely.
          const w = i === cur ? fit.width * Math.pow(1.5, this._bucket) : fit.width;
          m.sizes = `${Math.ceil(w) || 1000}px`;
        }
      }
    }
  }

  /** The transforms: track (swipe), backdrop (drag to close), media (zoom); `animate` allows transitions. */
  paint(stage: HTMLElement, animate: boolean): void {
    const zp = this.zp;
    if (bucketOf(zp.state.scale) !== this._bucket) this.layout(stage);
    stage.classList.toggle('zoomed', zp.zoomed);
    stage.classList.toggle('animate', animate);
    const p = zp.closeProgress;
    const track = stage.querySelector<HTMLElement>('.track');
    if (track) track.style.transform = `translate(${zp.dragX}px, ${zp.dragY}px) scale(${1 - p * 0.25})`;
    const backdrop = stage.parentElement?.querySelector<HTMLElement>('.backdrop');
    if (backdrop) backdrop.style.opacity = p ? String(1 - p) : '';
    for (const slide of stage.querySelectorAll<HTMLElement>('.slide')) {
      const z = slide.classList.contains('current') ? zp.state : FIT;
      for (const m of slide.querySelectorAll<HTMLElement>('.media')) {
        m.style.transform = m.localName === 'video' ? 'translate(-50%, -50%)' : `translate(-50%, -50%) translate(${z.x}px, ${z.y}px) scale(${z.scale})`;
      }
    }
  }
}
