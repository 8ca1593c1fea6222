import { isRtl } from './dom.js';

/** What the preview's keys do. */
export interface PreviewKeyActions {
  /** Previous (`-1`) or next (`1`) item. */
  go(delta: 1 | -1): void;
  /** Item `i` (Home: 0, End: -1 for the last). */
  goTo(i: number): void;
  /** Escape: `false` when there is nothing to leave (the key then goes on to the page). */
  escape(): boolean;
  /** `+`, `-`, `0` (factor 0 goes back to fit). */
  zoomBy(factor: number): void;
  /** `f`. */
  fullscreen(): void;
  /** Arrows: pan a zoomed image by steps (-1, 0, 1); `false` when it cannot move that way (fit, or at the edge). */
  pan(dx: number, dy: number): boolean;
}

/** What keyboard panning needs of the zoom (the preview's zoom-pan controller). */
export interface Pannable {
  readonly state: { x: number; y: number };
  readonly zoomed: boolean;
  readonly stage: { width: number; height: number };
  panTo(x: number, y: number): void;
}

/** Pans a zoomed image by a tenth of the stage per step; `false` at fit or at that edge (an arrow then changes item). */
export function panStep(zp: Pannable, dx: number, dy: number): boolean {
  const z = zp.state;
  if (!zp.zoomed) return false;
  zp.panTo(z.x - dx * Math.max(40, zp.stage.width / 10), z.y - dy * Math.max(40, zp.stage.height / 10));
  return Math.abs(zp.state.x - z.x) > 0.5 || Math.abs(zp.state.y - z.y) > 0.5;
}

/**
 * The preview's keyboard, on its frame: while zoomed the arrows pan (Left/Right change item only
 * at the image's edge); at fit Left/Right go to the previous/next item (swapped in right-to-left),
 * Home/End, Escape, `+`/`-`/`0` zoom, `f` fullscreen. Keys typed in a field are left alone, and
 * the arrows in a video's controls (seeking) too.
 */
export function previewKeyHandler(el: Element, a: PreviewKeyActions) {
  return (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.composedPath()[0] as HTMLElement;
    if (t.localName === 'input' || t.localName === 'textarea' || t.isContentEditable) return;
    const arrow = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
    const vertical = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
    if ((arrow || vertical) && t.localName === 'video') return;
    let handled = true;
    // Panning follows the screen (→ shows what is on the right); changing item follows the reading direction.
    if (arrow) a.pan(arrow, 0) || a.go((isRtl(el) ? -arrow : arrow) as 1 | -1);
    else if (vertical) handled = a.pan(0, vertical);
    else if (e.key === 'Home') a.goTo(0);
    else if (e.key === 'End') a.goTo(-1);
    else if (e.key === 'Escape') handled = a.escape();
    else if (e.key === '+' || e.key === '=') a.zoomBy(1.5);
    else if (e.key === '-' || e.key === '_') a.zoomBy(1 / 1.5);
    else if (e.key === '0') a.zoomBy(0);
    else if (e.key === 'f' || e.key === 'F') a.fullscreen();
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
}
