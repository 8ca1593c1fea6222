import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ZoomPanController } from './zoom-pan.js';

export const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** What the modal controller reads from the preview. */
export interface ModalOptions {
  dialog(): HTMLDialogElement | null;
  modal(): boolean;
  open(): boolean;
  /** Where the tile of the item shown is on screen (from the host), for the animations. */
  tileRect(): DOMRect | null;
  /** The dialog was shown: put focus in it. */
  opened(): void;
  /** The dialog was closed. */
  closed(): void;
}

const FADE = '.top, .caption, .strip, .nav';

/**
 * The modal `<dialog>`: `showModal()` when `open` turns on and `close()` when it turns off, and
 * the open/close animation between the tile and the stage (transform and opacity only; none
 * with `prefers-reduced-motion`).
 */
export class ModalController implements ReactiveController {
  /** Whether the close animation runs. */
  animating = false;

  constructor(host: ReactiveControllerHost, private zp: ZoomPanController, private o: ModalOptions) {
    host.addController(this);
  }

  hostUpdated(): void {
    const d = this.o.dialog();
    if (!this.o.modal() || !d) return;
    if (this.o.open() && !d.open) {
      d.showModal();
      this.zp.measure();
      this.o.opened();
      this._animateOpen(d);
    } else if (!this.o.open() && d.open) {
      d.close();
      this.o.closed();
    }
  }

  /** Transform that maps the fitted image onto the tile's rectangle. */
  private _originTransform(d: HTMLDialogElement): string | null {
    const r = this.o.tileRect();
    const stage = d.querySelector('.stage')?.getBoundingClientRect();
    const fit = this.zp.fit;
    if (!r || !stage || !fit.width || !r.width) return null;
    const s = Math.max(r.width / fit.width, r.height / fit.height);
    const dx = r.left + r.width / 2 - (stage.left + stage.width / 2);
    const dy = r.top + r.height / 2 - (stage.top + stage.height / 2);
    return `translate(${dx}px, ${dy}px) scale(${s})`;
  }

  private _animateOpen(d: HTMLDialogElement) {
    if (reducedMotion()) return;
    const from = this._originTransform(d);
    const opts = { duration: 240, easing: 'cubic-bezier(0.2, 0, 0, 1)' };
    d.querySelector('.backdrop')?.animate({ opacity: [0, 1] }, opts);
    for (const el of d.querySelectorAll(FADE)) el.animate({ opacity: [0, 1] }, opts);
    d.querySelector('.slide.current .zoomer')?.animate(from ? { transform: [from, 'none'] } : { opacity: [0, 1], transform: ['scale(0.96)', 'none'] }, opts);
  }

  /** Plays the close animation (the image back onto its tile); resolves when it has finished. */
  async animateClose(): Promise<void> {
    const d = this.o.dialog();
    if (!d || reducedMotion()) return;
    this.animating = true;
    this.zp.freeze(true);
    this.zp.reset();
    this.zp.flush();
    const to = this._originTransform(d);
    const opts = { duration: 200, easing: 'cubic-bezier(0.3, 0, 0.8, 0.15)', fill: 'forwards' as const };
    const anims: Animation[] = [];
    const bg = d.querySelector('.backdrop');
    // The backdrop may be partly faded by a drag down: start from there.
    if (bg) anims.push(bg.animate({ opacity: [1 - this.zp.closeProgress, 0] }, opts));
    for (const el of d.querySelectorAll(FADE)) anims.push(el.animate({ opacity: [1, 0] }, opts));
    const slide = d.querySelector('.slide.current .zoomer');
    if (slide) anims.push(slide.animate(to ? { transform: ['none', to] } : { opacity: [1, 0] }, opts));
    await Promise.all(anims.map((a) => a.finished.catch(() => undefined)));
    this.animating = false;
    this.zp.freeze(false);
    // Clear the held end state after the dialog has closed.
    requestAnimationFrame(() => anims.forEach((a) => a.cancel()));
  }
}
