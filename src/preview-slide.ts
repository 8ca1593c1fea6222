import { html, nothing, type TemplateResult } from 'lit';
import { altOf, type GalleryItem } from './model/items.js';
import type { GalleryLabels } from './model/labels.js';
import type { MediaLoader } from './controllers/media-loader.js';
import { icons } from './icons.js';
import { placeholderUrl } from './placeholder.js';

/**
 * One slide of the preview: item `i` at offset `k` from the current one (-1, 0, 1; mirrored in
 * right-to-left). An image shows its thumbnail (or placeholder) until the large one is decoded;
 * a video has native controls and its caption `tracks` as `<track>` elements (WCAG 1.2.2); a
 * failed item shows an error with Retry. The neighbours are `inert` and `aria-hidden`.
 */
export function slideView(it: GalleryItem, k: number, i: number, c: { l: GalleryLabels; rtl: boolean; media: MediaLoader }): TemplateResult {
  const current = k === 0;
  const { l, media: m } = c;
  const alt = altOf(it);
  let media: unknown;
  if (m.failed(it)) {
    media = html`<div class="error" part="error">${icons.broken}<span>${l.loadError}</span>
      <button class="btn retry" part="button retry" @click=${() => m.retry(it)}>${l.retry}</button></div>`;
  } else if (it.type === 'video') {
    media = html`<video class="media" part="image" src=${it.src} poster=${it.poster ?? nothing} controls playsinline preload="metadata"
      aria-label=${alt || l.video} @loadedmetadata=${(e: Event) => m.loaded(e, it)} @error=${() => m.error(it, i)}>
      ${(it.tracks ?? []).map((t) => html`<track src=${t.src} kind=${t.kind ?? 'subtitles'} srclang=${t.srclang ?? nothing} label=${t.label ?? nothing} />`)}
    </video>`;
  } else {
    const ready = m.ready(it);
    const ph = it.thumb ?? placeholderUrl(it.placeholder);
    media = html`
      ${ph && !ready ? html`<img class="media ph" src=${ph} alt="" aria-hidden="true" draggable="false" />` : nothing}
      <img class="media large ${ready ? 'ready' : ''}" part="image" src=${it.src} srcset=${it.srcset ?? nothing}
        alt=${alt} draggable="false" decoding="async" fetchpriority=${current ? 'high' : 'low'}
        @load=${(e: Event) => m.loaded(e, it)} @error=${() => m.error(it, i)} />`;
  }
  return html`<div class="slide ${current ? 'current' : ''}" data-k=${c.rtl ? -k : k} data-index=${i} ?inert=${!current} aria-hidden=${current ? 'false' : 'true'}>
    <div class="zoomer">${media}</div>
  </div>`;
}
