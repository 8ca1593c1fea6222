import { css } from 'lit';

/**
 * Upload mode: drop zone, webcam, drop target, refused list, per-tile progress, caption editor,
 * reorder marks, form states. Not in the gallery's static styles: upload mode's chunk adopts
 * them into the gallery's shadow root when it loads (`src/controllers/upload-mode.ts`), before
 * it renders anything that uses them.
 */
export const uploadStyles = css`
  .dropzone {
    display: grid;
    place-items: center;
    gap: 10px;
    padding: 22px;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 14px;
    text-align: center;
    transition: border-color var(--_dur) var(--_ease), background-color var(--_dur) var(--_ease);
  }
  .dropzone.over { border-color: var(--_accent); background: color-mix(in srgb, var(--_accent) 8%, transparent); }
  .dropzone .row { display: flex; flex-wrap: wrap; justify-content: center; gap: 8px; }
  .dropzone .btn { border: 1px solid var(--_border); color: var(--_fg); }
  .webcam { display: grid; gap: 8px; justify-items: center; }
  .webcam video { max-width: 100%; max-height: 320px; border-radius: var(--_radius); background: #000; }
  .dropzone { cursor: pointer; }
  .dropzone .browse {
    display: grid; place-items: center; gap: 6px; padding: 6px 12px; border: 0; border-radius: var(--_radius);
    background: none; color: inherit; font: inherit; cursor: pointer;
  }
  .dropzone .browse svg { width: 28px; height: 28px; }
  .dropzone .browse:focus-visible { outline: var(--_focus); outline-offset: 2px; }
  .wrap { --_invalid: var(--gallery-invalid-color, light-dark(#b91c1c, #f87171)); }
  .droptarget {
    position: absolute; inset: 0; z-index: 3; display: grid; place-content: center; justify-items: center; gap: 8px;
    border: 3px dashed var(--_accent); border-radius: calc(var(--_radius) + 4px);
    background: color-mix(in srgb, var(--_bg, Canvas) 82%, transparent); color: var(--_fg); font-size: 15px; pointer-events: none;
  }
  .droptarget svg { width: 36px; height: 36px; }
  .refused { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; justify-items: stretch; width: min(100%, 520px); cursor: auto; }
  .refused li {
    display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 4px 4px 4px 10px;
    border-inline-start: 3px solid var(--_invalid); border-radius: 6px; background: color-mix(in srgb, var(--_invalid) 10%, transparent);
    color: var(--_fg); text-align: start;
  }
  .refused .btn { width: 28px; height: 28px; border: 0; }
  .invalid { margin: 0; color: var(--_invalid); font-weight: 600; }
  /* Red once the message shows (a submit was tried), not on a fresh page or while uploads run; pages may style media-gallery:invalid. */
  .dropzone.show-invalid { border-color: var(--_invalid); }
  :host([disabled]) .dropzone, :host(:disabled) .dropzone { opacity: 0.55; cursor: not-allowed; }
  .webcam video.mirror { transform: scaleX(-1); }
  .webcam .camera { display: flex; gap: 6px; align-items: center; color: var(--_fg); }
  .grid > .transfer, .grid > .caption-editor { position: absolute; top: 0; inset-inline-start: 0; z-index: 2; box-sizing: border-box; }
  .transfer {
    display: flex; align-items: center; gap: 6px; padding: 6px 8px; border-radius: 0 0 var(--_radius) var(--_radius);
    background: rgb(17 17 17); color: #fff; font-size: 12px;
  }
  .transfer progress { flex: 1; min-width: 0; height: 8px; accent-color: var(--_accent); }
  .transfer .status { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .transfer.failed { background: color-mix(in srgb, var(--_invalid) 85%, black); }
  .transfer .btn { height: 28px; min-width: 28px; padding: 0 8px; border: 1px solid rgb(255 255 255 / 0.5); color: #fff; }
  .caption-editor { padding: 4px 8px; border: 2px solid var(--_accent); border-radius: 6px; font: 13px var(--_font); background: Canvas; color: CanvasText; }
  .grid > .tile[data-dragging] { opacity: 0.45; }
  /* Lifted by a long press (touch reorder): raised, and only it stops the page's touch scrolling. */
  .grid > .tile[data-lifted] {
    opacity: 0.9; scale: 1.06; z-index: 2; touch-action: none; box-shadow: 0 10px 28px rgb(0 0 0 / 0.45);
    outline: 3px solid var(--_accent); outline-offset: 2px; border-radius: var(--_radius);
  }
  .grid > .tile[data-drop-target] { outline: 3px solid var(--_accent); outline-offset: 2px; z-index: 1; }
  @media (forced-colors: active) {
    .dropzone { border-color: CanvasText; }
    .droptarget, .refused li { border-color: Highlight; }
    .grid > .tile[data-drop-target], .grid > .tile[data-lifted] { outline-color: Highlight; }
  }
`;
