// Type-level test (run by `npm run typecheck`): the tags in React 19's JSX through
// `media-gallery/react-jsx`, with the lower-case `on<event>` props React 19 really listens
// with. Without src/react-jsx.ts every tag below is TS2339 (not in JSX.IntrinsicElements).
import '../../src/react-jsx.js';
import type { GalleryItem } from '../../src/model/items.js';

export function App({ items }: { items: GalleryItem[] }) {
  return (
    <>
      <media-gallery
        items={['a.jpg', ...items]}
        columns={3}
        layout="justified"
        class="g"
        onselect={(e) => { const s: boolean = e.detail.selected; void s; }}
        onchange={(e) => { const n: number = e.detail.items.length; void n; }}
        onlike={(e) => { const l: boolean | null = e.detail.liked; void l; }}
        onpreview-open={(e) => { const i: number = e.detail.index; void i; }}
        onload-more={(e) => { const n: number = e.detail.count; void n; }}
        onupload-error={(e) => { const f: File | null = e.detail.file; void f; }}
        onitem-error={(e) => { const r: string = e.detail.reason; void r; }}
      >
        <img src="a.jpg" alt="A" />
      </media-gallery>
      {/* @ts-expect-error: React 19 would listen for "Like": camel case is not offered */}
      <media-gallery onLike={() => undefined} />
      {/* @ts-expect-error: React's synthetic onSelect would never see the gallery's select */}
      <media-gallery onSelect={() => undefined} />
      {/* @ts-expect-error: the payload is a LikeDetail */}
      <media-gallery onlike={(e) => e.detail.selected} />
      {/* @ts-expect-error: items takes the accepted input forms only */}
      <media-gallery items={[{ nope: 1 }]} />
      <gallery-thumb item="a.jpg" ondelete={(e) => e.detail.index} />
      <gallery-preview open onpreview-close={(e) => e.detail.index} />
      <gallery-toolbar label="Tools" />
    </>
  );
}
