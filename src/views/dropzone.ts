import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { icons } from '../upload-icons.js';
import { fmt, type GalleryLabels } from '../model/labels.js';
import type { Layout } from '../layout.js';
import type { GalleryItem } from '../model/items.js';
import { styleProps } from '../directives/style-props.js';
import type { UploadController } from '../controllers/upload.js';
import { WebcamController } from '../controllers/webcam.js';
import type { TransferState } from '../controllers/transfer.js';

/** What the upload view shows and calls. */
export interface DropzoneView {
  l: GalleryLabels;
  up: UploadController;
  /** Files are dragged over the gallery: the drop target shows. */
  dragOver: boolean;
  cam: WebcamController;
  disabled: boolean;
  mirror: boolean;
  count: number;
  /** The validation message, once the user tried to submit or edited the list. */
  invalid: string;
  pick(): void;
}

/**
 * Upload mode's controls: the drop zone (click or Enter on it opens the file chooser), webcam
 * (only where a camera API exists), paste and Clear buttons, the live camera with its picker,
 * the refused files (name and reason, dismissable; the host's live region announces them), the
 * validation message, and the drop target over the whole gallery while files are dragged over it.
 */
export function dropzone(v: DropzoneView): TemplateResult {
  const { l, up, cam } = v;
  const src = up.sources;
  const off = v.disabled;
  const zoneClick = (e: Event) => !off && !(e.composedPath()[0] as Element).closest?.('button, select, video, .refused') && v.pick();
  return html`<div class="dropzone ${v.dragOver ? 'over' : ''} ${v.invalid ? 'show-invalid' : ''}" part="dropzone" @click=${zoneClick}>
    ${src.includes('upload') ? html`<button class="browse" part="button upload" ?disabled=${off} @click=${v.pick}>${icons.upload}<span>${l.dropHere}</span></button>
      <input type="file" hidden multiple accept=${up.accept} @change=${up.onInputChange} />` : html`${icons.upload}`}
    <div class="row">
      ${src.includes('webcam') && WebcamController.available ? html`<button class="btn" part="button webcam" ?disabled=${off} aria-pressed=${cam.on ? 'true' : 'false'} @click=${cam.toggle}>${icons.camera}${l.webcam}</button>` : nothing}
      ${src.includes('clipboard') ? html`<button class="btn" part="button paste" ?disabled=${off} @click=${() => up.paste()}>${icons.paste}${l.paste}</button>` : nothing}
      ${v.count ? html`<button class="btn" part="button clear" ?disabled=${off} @click=${() => up.clear()}>${icons.trash}${l.clear}</button>` : nothing}
    </div>
    ${cam.on ? html`<div class="webcam">
      <video class=${v.mirror ? 'mirror' : ''} muted playsinline></video>
      ${cam.devices.length > 1 ? html`<label class="camera">${l.camera} <select part="camera-select" @change=${cam.choose}>
        ${cam.devices.map((d, i) => html`<option value=${d.deviceId} ?selected=${d.deviceId === cam.deviceId}>${d.label || `${l.camera} ${i + 1}`}</option>`)}
      </select></label>` : nothing}
      <button class="btn" part="button capture" @click=${cam.capture}>${icons.camera}${l.capture}</button>
    </div>` : nothing}
    ${up.refused.length ? html`<ul class="refused" part="refused">${repeat(up.refused, (r) => r.id, (r) => html`<li>
      <span>${r.text}</span><button class="btn" part="button dismiss" aria-label=${`${l.dismiss}: ${r.text}`} @click=${() => up.dismiss(r.id)}>${icons.close}</button>
    </li>`)}</ul>` : nothing}
    ${v.invalid ? html`<p class="invalid" part="validation">${v.invalid}</p>` : nothing}
  </div>
  ${v.dragOver ? html`<div class="droptarget" part="droptarget" aria-hidden="true">${icons.upload}<span>${l.dropTarget}</span></div>` : nothing}`;
}

/** What the grid overlay needs: per-tile upload progress and the inline caption editor. */
export interface GridOverlay {
  l: GalleryLabels;
  layout: Layout;
  items: readonly GalleryItem[];
  indices: number[];
  rtl: boolean;
  state(item: GalleryItem): TransferState | undefined;
  cancel(src: string): void;
  retry(src: string): void;
  caption: number;
  commit(value: string): void;
  cancelCaption(): void;
}

const name = (it: GalleryItem) => it.download ?? it.caption ?? it.src;

/** Layers over the grid's tiles, positioned like them (through CSSOM). */
export function gridOverlay(o: GridOverlay): unknown {
  const { l, layout: g, items } = o, sx = o.rtl ? -1 : 1;
  const at = (i: number, dy = 0, h?: number) => styleProps({ transform: `translate(${sx * g.x[i]}px,${g.y[i] + dy}px)`, width: `${g.w[i]}px`, height: h ? `${h}px` : null });
  const bars = o.indices.filter((i) => items[i] && o.state(items[i]));
  const c = o.caption, ci = items[c];
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Enter') { e.preventDefault(); o.commit((e.target as HTMLInputElement).value); }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); o.cancelCaption(); }
  };
  return html`${repeat(bars, (i) => items[i].src, (i) => {
    const it = items[i], s = o.state(it)!, f = name(it);
    const up = s.status === 'uploading';
    return html`<div class="transfer ${s.status}" part="transfer" ${at(i, Math.max(0, g.h[i] - 40), 40)}>
      ${up ? s.progress < 1 ? html`<progress max="1" .value=${s.progress} aria-label=${fmt(l.uploading, { file: f })}></progress>`
        // All sent, no answer yet (the server is storing it): an indeterminate bar, not a full one.
        : html`<progress aria-label=${fmt(l.uploading, { file: f })}></progress>`
        : html`<span class="status" title=${s.status === 'failed' ? fmt(l.uploadFailed, { file: f }) : l.uploadCancelled}>${s.status === 'failed' ? l.failed : l.uploadCancelled}</span>`}
      ${up ? html`<button class="btn" part="button cancel-upload" aria-label=${fmt(l.cancelUpload, { file: f })} @click=${() => o.cancel(it.src)}>${icons.close}</button>`
        : html`<button class="btn" part="button retry-upload" aria-label=${fmt(l.retryUpload, { file: f })} @click=${() => o.retry(it.src)}>${l.retry}</button>`}
    </div>`;
  })}
  ${ci ? html`<input class="caption-editor" part="caption-editor" aria-label=${fmt(l.captionOf, { item: name(ci) })} .value=${ci.caption ?? ''}
    ${at(c, Math.max(0, g.h[c] - 36), 36)} @keydown=${key} @blur=${(e: Event) => o.commit((e.target as HTMLInputElement).value)} />` : nothing}`;
}
