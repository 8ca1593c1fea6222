/**
 * `media-gallery/vue`: registers the four tags (`<gallery-preview>` from its own chunk when
 * the browser is idle, or sooner when a gallery needs it; import
 * `media-gallery/elements/gallery-preview.js` to have a standalone viewer registered up
 * front), gives Vue's compiler the `isCustomElement` test, and types the tags in Vue
 * templates: `GlobalComponents` entries, so `vue-tsc` (with
 * `strictTemplates`) checks props (`:items`, `columns`, …) and gives `@like`, `@select`,
 * `@preview-open` … handlers their `CustomEvent<…Detail>`.
 *
 * ```ts
 * // vite.config.ts
 * import vue from '@vitejs/plugin-vue';
 * import { isCustomElement } from 'media-gallery/vue';
 * export default { plugins: [vue({ template: { compilerOptions: { isCustomElement } } })] };
 * // main.ts
 * import 'media-gallery/vue';
 * ```
 */
import '../elements/media-gallery.js';
import '../elements/gallery-thumb.js';
import '../elements/gallery-toolbar.js';
import { preloadPreview } from './preview-loader.js';
import type { HTMLAttributes } from 'vue';
import type { GalleryEventMap } from './events/gallery-events.js';
import type { CamelEventProps, GalleryElementProps, GalleryElements, GalleryTagName } from './framework-types.js';

// A standalone <gallery-preview> with no gallery: registered soon in any case (never on the server).
preloadPreview();

const TAGS: ReadonlySet<string> = new Set(['media-gallery', 'gallery-thumb', 'gallery-preview', 'gallery-toolbar']);

/** For Vue's `compilerOptions.isCustomElement`: true for this package's four tags. */
export function isCustomElement(tag: string): boolean {
  return TAGS.has(tag);
}

/**
 * A custom element as Vue's template type-checker sees a component: the element instance,
 * with `$props` (attributes, its properties, `on…` listeners) and `$emit` (its events with
 * their payloads). The pattern of Vue's guide, "Non-Vue Web Components and TypeScript".
 */
export type VueCustomElement<T extends GalleryTagName> = new () => GalleryElements[T]['element'] & {
  /** @deprecated Template type-checking only: not a property of the element. */
  $props: Omit<HTMLAttributes, keyof CamelEventProps<GalleryElements[T]['events']> | keyof GalleryElementProps<GalleryElements[T]['element']>> &
    GalleryElementProps<GalleryElements[T]['element']> & CamelEventProps<GalleryElements[T]['events']>;
  /** @deprecated Template type-checking only: not a method of the element. */
  $emit: VueEmit<GalleryElements[T]['events']>;
};

type Union2Intersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
type VueEmit<N extends keyof GalleryEventMap> = [N] extends [never]
  ? (event: never) => void
  : Union2Intersection<{ [K in N]: (event: K, payload: GalleryEventMap[K]) => void }[N]>;

declare module 'vue' {
  interface GlobalComponents {
    'media-gallery': VueCustomElement<'media-gallery'>;
    'gallery-thumb': VueCustomElement<'gallery-thumb'>;
    'gallery-preview': VueCustomElement<'gallery-preview'>;
    'gallery-toolbar': VueCustomElement<'gallery-toolbar'>;
  }
}
