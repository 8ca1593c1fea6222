/**
 * `media-gallery/react-jsx`: the four tags typed in React 19's JSX, for using them directly
 * (`<media-gallery items={items} onlike={…} />`) without a wrapper. React 19 sets a prop as a
 * property when the element has it (so `items` takes an array) and turns `on<name>` into
 * `addEventListener('<name>')` with the name as written: the event props are lower-case
 * (`onlike`, `onselect`, `onpreview-open`), since `onLike` would listen for `Like`. React's own
 * camel-case `onSelect` / `onChange` (synthetic events of form fields) are left out of these
 * tags' props, so writing them is a type error rather than a listener that never fires.
 * Importing this module registers `<media-gallery>`, `<gallery-thumb>` and `<gallery-toolbar>`
 * at once and `<gallery-preview>` from its own chunk when the browser is idle (a gallery loads
 * it sooner when needed; import `media-gallery/elements/gallery-preview.js` to have a
 * standalone viewer registered up front). React 18 sets only attributes and never listens to
 * custom events: use `media-gallery/react` there.
 *
 * ```tsx
 * import 'media-gallery/react-jsx';
 * <media-gallery items={items} columns={3} onlike={(e) => console.log(e.detail.liked)} />
 * ```
 */
import type * as React from 'react';
import '../elements/media-gallery.js';
import '../elements/gallery-thumb.js';
import '../elements/gallery-toolbar.js';
import { preloadPreview } from './preview-loader.js';
import type { GalleryElementProps, GalleryElements, GalleryTagName, LowerEventProps } from './framework-types.js';

// A standalone <gallery-preview> with no gallery: registered soon in any case (never on the server).
preloadPreview();

/** The JSX props of tag `T` in React 19. */
export type ReactIntrinsicProps<T extends GalleryTagName> = Omit<
  React.DetailedHTMLProps<React.HTMLAttributes<GalleryElements[T]['element']>, GalleryElements[T]['element']>,
  'onSelect' | 'onChange' | keyof GalleryElementProps<GalleryElements[T]['element']>
> &
  GalleryElementProps<GalleryElements[T]['element']> &
  LowerEventProps<GalleryElements[T]['events']> & {
    /** React 19 passes `class` through to a custom element as the attribute. */
    class?: string;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'media-gallery': ReactIntrinsicProps<'media-gallery'>;
      'gallery-thumb': ReactIntrinsicProps<'gallery-thumb'>;
      'gallery-preview': ReactIntrinsicProps<'gallery-preview'>;
      'gallery-toolbar': ReactIntrinsicProps<'gallery-toolbar'>;
    }
  }
}
