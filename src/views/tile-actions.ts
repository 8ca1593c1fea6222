/**
 * A tile's action buttons: like, dislike, favorite, edit, the `action-label` button, and upload
 * mode's caption and delete buttons, with their icons and styles. A chunk of its own
 * (`tile-actions.js` beside the CDN entry; a bundler splits it likewise): a gallery loads it when
 * it first shows any of them (`show-like-dislike`, `show-favorite-button`, `show-edit-button`,
 * `action-label`, `interactive`), so a gallery that only shows photos never downloads it. The
 * preview, upload mode and `<gallery-thumb>` import it.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { GalleryItem } from '../model/items.js';
import { fmt } from '../model/labels.js';
import { icon } from '../icons.js';
import type { TileOptions } from './tile.js';
import { tileActionStyles } from '../../styles/tile-actions.styles.js';

/** The buttons' styles, for the shadow root that shows them (the gallery adds them when it loads this chunk). */
export const actionStyles = tileActionStyles;

/** The per-item actions' icons (24×24, `currentColor`); the preview and upload mode use them too. */
export const actionIcons = {
  like: icon(svg`<path d="M7 11v9H4v-9h3Zm0 0 4-8a2.5 2.5 0 0 1 2.5 2.5V9h5.2a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.5 20H7"/>`),
  dislike: icon(svg`<path d="M17 13V4h3v9h-3Zm0 0-4 8a2.5 2.5 0 0 1-2.5-2.5V15H5.3a2 2 0 0 1-2-2.3l1.2-7A2 2 0 0 1 6.5 4H17"/>`),
  star: icon(svg`<path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9L12 3Z"/>`),
  edit: icon(svg`<path d="M4 20h4L19 9l-4-4L4 16v4Zm9-13 4 4"/>`),
  caption: icon(svg`<path d="M4 6h16M4 11h9M4 16h6m4 4 1-3 5-5 2 2-5 5-3 1Z"/>`),
  trash: icon(svg`<path d="M5 7h14M10 11v6m4-6v6M6 7l1 13h10l1-13M9 7V4h6v3"/>`),
};

/** The per-item buttons. Each name says which item it acts on ("Like Leaf ribs"); no `title` repeats it. */
export function actionButtons(item: GalleryItem, name: string, o: TileOptions, tab: number) {
  const l = o.l;
  const on = (action: string) => fmt(l.onItem, { action, item: name });
  const b: TemplateResult[] = [];
  const pressed = (p: boolean) => (p ? 'true' : 'false');
  if (o.showLikeDislike) {
    b.push(html`<button class="btn" part="button like" data-act="like" tabindex=${tab} aria-label=${on(l.like)} aria-pressed=${pressed(item.liked === true)}>${actionIcons.like}</button>`);
    b.push(html`<button class="btn" part="button dislike" data-act="dislike" tabindex=${tab} aria-label=${on(l.dislike)} aria-pressed=${pressed(item.liked === false)}>${actionIcons.dislike}</button>`);
  }
  if (o.showFavoriteButton) b.push(html`<button class="btn" part="button favorite" data-act="favorite" tabindex=${tab} aria-label=${on(l.favorite)} aria-pressed=${pressed(!!item.favorite)}>${actionIcons.star}</button>`);
  if (o.showEditButton) b.push(html`<button class="btn" part="button edit" data-act="edit" tabindex=${tab} aria-label=${on(l.edit)}>${actionIcons.edit}</button>`);
  // The visible label starts the name (WCAG 2.5.3, label in name).
  if (o.actionLabel) b.push(html`<button class="btn" part="button action" data-act="action" tabindex=${tab} aria-label=${on(o.actionLabel)}>${o.actionLabel}</button>`);
  if (o.showCaptionButton) b.push(html`<button class="btn" part="button caption-edit" data-act="caption" tabindex=${tab} aria-label=${on(l.editCaption)}>${actionIcons.caption}</button>`);
  if (o.showDeleteButton) b.push(html`<button class="btn" part="button delete" data-act="delete" tabindex=${tab} aria-label=${on(l.delete)}>${actionIcons.trash}</button>`);
  if (!b.length) return nothing;
  return html`<div class="actions ${item.liked != null || item.favorite ? 'pinned' : ''}" part="actions">${b}</div>`;
}

/** The renderer `TileOptions.actions` takes. */
export type ActionButtons = typeof actionButtons;
