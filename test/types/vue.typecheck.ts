// Type-level test (run by `npm run typecheck`): `media-gallery/vue` registers the four tags in
// Vue's GlobalComponents, so vue-tsc checks their props and `@event` payloads. Without
// src/vue.ts, `GlobalComponents['media-gallery']` is TS2339.
import type { GlobalComponents } from 'vue';
import { isCustomElement } from '../../src/vue.js';

type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]> extends { $props: infer P } ? P : never;
type Emit<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]> extends { $emit: infer E } ? E : never;

const ok: boolean = isCustomElement('media-gallery') && !isCustomElement('div');
void ok;

const props: Props<'media-gallery'> = {
  items: ['a.jpg', ['b.jpg', 'B']],
  columns: 3,
  layout: 'grid',
  onSelect: (e) => { const s: boolean = e.detail.selected; void s; },
  onChange: (e) => { const n: number = e.detail.items.length; void n; },
  onLike: (e) => { const l: boolean | null = e.detail.liked; void l; },
  onPreviewOpen: (e) => { const i: number = e.detail.index; void i; },
  onUploadError: (e) => { const f: File | null = e.detail.file; void f; },
};
void props;

// @ts-expect-error: the payload of `like` is a LikeDetail
const wrong: Props<'media-gallery'> = { onLike: (e) => e.detail.selected };
void wrong;
// @ts-expect-error: items takes the accepted input forms only
const badItems: Props<'media-gallery'> = { items: [42] };
void badItems;

declare const emit: Emit<'media-gallery'>;
declare const like: CustomEvent<import('../../src/events/gallery-events.js').LikeDetail>;
emit('like', like);
// @ts-expect-error: `like` carries a LikeDetail event, not a string
emit('like', 'x');

const thumb: Props<'gallery-thumb'> = { item: 'a.jpg', onDelete: (e) => { const i: number = e.detail.index; void i; } };
void thumb;
const preview: Props<'gallery-preview'> = { open: true, onPreviewClose: (e) => { const i: number = e.detail.index; void i; } };
void preview;
