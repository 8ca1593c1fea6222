import { html, nothing, type TemplateResult } from 'lit';
import { icons } from '../icons.js';
import type { GalleryLabels } from '../model/labels.js';
import type { UploadController } from '../controllers/upload.js';
import type { WebcamController } from '../controllers/webcam.js';

/** Upload mode's drop zone: the file chooser, webcam and paste buttons, and the live camera. */
export function dropzone(l: GalleryLabels, up: UploadController, cam: WebcamController, pick: () => void): TemplateResult {
  const src = up.sources;
  return html`<div class="dropzone ${up.dragOver ? 'over' : ''}" part="dropzone"
    @dragover=${up.onDragOver} @dragleave=${up.onDragLeave} @drop=${up.onDrop}>
    ${icons.upload}<span>${l.dropHere}</span>
    <div class="row">
      ${src.includes('upload') ? html`<button class="btn" part="button upload" @click=${pick}>${icons.upload}${l.upload}</button>
        <input type="file" hidden multiple accept=${up.accept} @change=${up.onInputChange} />` : nothing}
      ${src.includes('webcam') ? html`<button class="btn" part="button webcam" @click=${cam.toggle}>${icons.camera}${l.webcam}</button>` : nothing}
      ${src.includes('clipboard') ? html`<button class="btn" part="button paste" @click=${() => up.paste()}>${icons.paste}${l.paste}</button>` : nothing}
    </div>
    ${cam.on ? html`<div class="webcam"><video muted playsinline></video><button class="btn" part="button capture" @click=${cam.capture}>${icons.camera}${l.capture}</button></div>` : nothing}
  </div>`;
}
