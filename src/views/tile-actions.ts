/**
 * A tile's action buttons: like, dislike, favorite, edit, the `action-label` button, and upload
 * mode's caption and delete buttons, with their styles. A chunk of its own (`tile-actions.js`
 * beside the CDN entry; a bundler splits it likewise): a gallery loads it when it first shows
 * any of them (`show-like-dislike`, `show-favorite-button`, `show-edit-button`, `action-label`,
 * `interactive`), so a gallery that only shows photos never downloads it, and so does a
 * standalone `<gallery-thumb>` (`controllers/tile-actions-loader.ts`). Their icons stay in `icons.ts` (the entry): the preview and upload mode draw them
 * too, and their chunks then need not wait for this one.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { GalleryItem } from '../model/items.js';
import { fmt } from '../model/labels.js';
import { icons } from '../icons.js';
import type { TileOptions } from './tile.js';
import { tileActionStyles } from '../../styles/tile-actions.styles.js';

/** The buttons' styles, for the shadow root that shows them (the gallery adds them when it loads this chunk). */
export const actionStyles = tileActionStyles;

/** The per-item buttons. Each name says which item it acts on ("Like Leaf ribs"); no `title` repeats it. */
export function actionButtons(item: GalleryItem, name: string, o: TileOptions, tab: number) {
  const l = o.l;
  const on = (action: string) => fmt(l.onItem, { action, item: name });
  const b: TemplateResult[] = [];
  const pressed = (p: boolean) => (p ? 'true' : 'false');
  if (o.showLikeDislike) {
    b.push(html`<button class="btn" part="button like" data-act="like" tabindex=${tab} aria-label=${on(l.like)} aria-pressed=${pressed(item.liked === true)}>${icons.like}</button>`);
    b.push(html`<button class="btn" part="button dislike" data-act="dislike" tabindex=${tab} aria-label=${on(l.dislike)} aria-pressed=${pressed(item.liked === false)}>${icons.dislike}</button>`);
  }
  if (o.showFavoriteButton) b.push(html`<button class="btn" part="button favorite" data-act="favorite" tabindex=${tab} aria-label=${on(l.favorite)} aria-pressed=${pressed(!!item.favorite)}>${icons.star}</button>`);
  if (o.showEditButton) b.push(html`<button class="btn" part="button edit" data-act="edit" tabindex=${tab} aria-label=${on(l.edit)}>${icons.edit}</button>`);
  // The visible label starts the name (WCAG 2.5.3, label in name).
  if (o.actionLabel) b.push(html`<button class="btn" part="button action" data-act="action" tabindex=${tab} aria-label=${on(o.actionLabel)}>${o.actionLabel}</button>`);
  if (o.showCaptionButton) b.push(html`<button class="btn" part="button caption-edit" data-act="caption" tabindex=${tab} aria-label=${on(l.editCaption)}>${icons.caption}</button>`);
  if (o.showDeleteButton) b.push(html`<button class="btn" part="button delete" data-act="delete" tabindex=${tab} aria-label=${on(l.delete)}>${icons.trash}</button>`);
  if (!b.length) return nothing;
  return html`<div class="actions ${item.liked != null || item.favorite ? 'pinned' : ''}" part="actions">${b}</div>`;
}

/** The renderer `TileOptions.actions` takes. */
export type ActionButtons = typeof actionButtons;
