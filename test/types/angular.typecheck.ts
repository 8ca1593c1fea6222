// Type-level test (run by `npm run typecheck`): the shape of Angular's template type-check
// block under `strictTemplates` (strictDomEventTypes): for `<media-gallery (select)="on($event)">`
// Angular emits `document.createElement("media-gallery").addEventListener("select", ($event) => …)`,
// so `$event` comes from HTMLElementTagNameMap (elements/*.ts) and the element classes' typed
// addEventListener overloads: `select` and `change` too, which the DOM types as plain `Event`.
import '../../elements/media-gallery.js';
import '../../elements/gallery-preview.js';
import type { ChangeDetail, LikeDetail, SelectDetail } from '../../src/events/gallery-events.js';

declare function onSelect(e: CustomEvent<SelectDetail>): void;
declare function onChange(e: CustomEvent<ChangeDetail>): void;
declare function onLike(e: CustomEvent<LikeDetail>): void;

const g = document.createElement('media-gallery');
g.addEventListener('select', ($event) => onSelect($event));
g.addEventListener('change', ($event) => onChange($event));
g.addEventListener('like', ($event) => onLike($event));
// @ts-expect-error: a like is not a selection
g.addEventListener('like', ($event) => onSelect($event));
document.createElement('gallery-thumb').addEventListener('select', ($event) => onSelect($event));
document.createElement('gallery-preview').addEventListener('select', ($event) => onSelect($event));
g.items = ['a.jpg'];
