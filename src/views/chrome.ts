import { html, nothing, type TemplateResult } from 'lit';
import type { GalleryLabels } from '../model/labels.js';
import { icons } from '../icons.js';
import { loadToolbarSoon } from '../toolbar-loader.js';

/**
 * The gallery's header: its label and a Fullscreen button. The button's name changes with the
 * state ("Fullscreen" / "Exit fullscreen"); it carries no `aria-pressed` as well (one or the
 * other, never both) and no `title` repeating its name. Its `<gallery-toolbar>` is a chunk of
 * its own, loaded once the first screen with it has painted: until then the button shows and
 * works as it is (the gallery's styles lay the undefined toolbar out as the defined one).
 */
export function headerView(o: { label: string; toolbarLabel: string; fullscreen: { active: boolean; toggle(): unknown } | null; l: GalleryLabels }): TemplateResult | typeof nothing {
  const { l, fullscreen: fs } = o;
  if (!o.label && !fs) return nothing;
  if (fs) loadToolbarSoon();
  return html`<div class="header">
    ${o.label ? html`<span class="label" part="label">${o.label}</span>` : nothing}
    ${fs ? html`<gallery-toolbar part="toolbar" exportparts="button" plain label=${o.toolbarLabel}>
      <button class="btn" part="button fullscreen" aria-label=${fs.active ? l.exitFullscreen : l.fullscreen}
        @click=${() => fs.toggle()}>${fs.active ? icons.exitFullscreen : icons.fullscreen}</button>
    </gallery-toolbar>` : nothing}
  </div>`;
}

/** The Load more button: busy (spinner, `aria-busy`) while a request is pending. */
export function loadMoreView(o: { label: string; pending: boolean; request: () => void; l: GalleryLabels }): TemplateResult {
  return html`<div class="more"><button class="btn" part="button load-more" aria-busy=${o.pending ? 'true' : 'false'}
    @click=${o.request}>${o.pending ? html`<span class="spinner" aria-hidden="true"></span>${o.l.loading}` : o.label || o.l.loadMore}</button></div>`;
}
