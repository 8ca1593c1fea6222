/**
 * Zoom and pan maths for the preview. Pure: no DOM. Lengths are CSS px; translations are the
 * offset of the image centre from the stage centre; `scale` 1 is "fit" (the image contained
 * in the stage).
 */

export interface Size { width: number; height: number }
export interface ZoomState { scale: number; x: number; y: number }

/** Not zoomed: the image contained in the stage, centred. */
export const FIT: ZoomState = { scale: 1, x: 0, y: 0 };

/** The size of an image of `natural` size contained in `stage` (object-fit: contain, never upscaled past the stage). */
export function fitSize(natural: Size, stage: Size): Size {
  if (!(natural.width > 0 && natural.height > 0 && stage.width > 0 && stage.height > 0)) return { width: stage.width, height: stage.height };
  const k = Math.min(stage.width / natural.width, stage.height / natural.height);
  return { width: natural.width * k, height: natural.height * k };
}

/** The scale at which one image pixel is one CSS pixel, relative to fit (≥ 1 only when the image is larger than the stage). */
export const oneToOne = (natural: Size, fit: Size): number => (fit.width > 0 ? natural.width / fit.width : 1);

/** Largest zoom allowed: 1:1 or 4× fit, whichever is larger. */
export const maxScale = (natural: Size, fit: Size): number => Math.max(4, oneToOne(natural, fit));

/** Keeps the zoomed image covering the stage: no gap may open between an image edge and the stage edge. */
export function clampPan(s: ZoomState, fit: Size, stage: Size): ZoomState {
  const mx = Math.max(0, (fit.width * s.scale - stage.width) / 2);
  const my = Math.max(0, (fit.height * s.scale - stage.height) / 2);
  return { scale: s.scale, x: Math.min(mx, Math.max(-mx, s.x)), y: Math.min(my, Math.max(-my, s.y)) };
}

/**
 * Zooms to `scale` keeping the point `p` (px from the stage centre) still, then clamps.
 * `scale` is bounded to [1, max].
 */
export function zoomAt(s: ZoomState, scale: number, p: { x: number; y: number }, fit: Size, stage: Size, max: number): ZoomState {
  const next = Math.min(max, Math.max(1, scale));
  if (next === 1) return { scale: 1, x: 0, y: 0 };
  const k = next / s.scale;
  return clampPan({ scale: next, x: p.x - (p.x - s.x) * k, y: p.y - (p.y - s.y) * k }, fit, stage);
}

/** What a released horizontal swipe does: `1` next, `-1` previous, `0` snap back. Distance is px, velocity px/ms. */
export function swipeOutcome(dx: number, velocity: number, stageWidth: number): -1 | 0 | 1 {
  if (Math.abs(dx) > stageWidth * 0.2 || (Math.abs(velocity) > 0.45 && Math.abs(dx) > 24)) return dx < 0 ? 1 : -1;
  return 0;
}

/** Whether a released downward drag closes the preview. */
export const dragCloses = (dy: number, velocity: number, stageHeight: number): boolean =>
  dy > stageHeight * 0.18 || (velocity > 0.5 && dy > 40);
