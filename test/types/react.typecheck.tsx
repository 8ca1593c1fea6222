// Type-level test (run by `npm run typecheck`): the React wrappers of `media-gallery/react`
// (@lit/react) have typed camel-case event props and element props. Fails without
// src/react/index.ts's event map (each `e.detail` would be `Event` without `detail`).
import { useRef } from 'react';
import { MediaGallery, GalleryThumb, GalleryPreview, GalleryToolbar, type MediaGalleryElement } from '../../src/react/index.js';
import type { GalleryItem } from '../../src/model/items.js';

export function App({ items }: { items: GalleryItem[] }) {
  const ref = useRef<MediaGalleryElement>(null);
  return (
    <>
      <MediaGallery
        ref={ref}
        items={['a.jpg', ['b.jpg', 'B'], ...items]}
        columns={3}
        layout="masonry"
        showLikeDislike
        className="g"
        onSelect={(e) => { const s: boolean = e.detail.selected; void s; }}
        onLike={(e) => { const l: boolean | null = e.detail.liked; void l; }}
        onFavorite={(e) => { const f: boolean = e.detail.favorite; void f; }}
        onEdit={(e) => { const i: number = e.detail.index; void i; }}
        onAction={(e) => { const i: GalleryItem = e.detail.item; void i; }}
        onLoadMore={(e) => { const n: number = e.detail.count; void n; }}
        onPreviewOpen={(e) => { const i: number = e.detail.index; void i; }}
        onPreviewClose={(e) => { const i: number = e.detail.index; void i; }}
        onDownload={(e) => { const i: number = e.detail.index; void i; }}
        onShare={(e) => { const i: number = e.detail.index; void i; }}
        onUpload={(e) => { const f: File[] = e.detail.files; void f; }}
        onUploadError={(e) => { const r: 'type' | 'size' | 'count' | 'read' | 'network' | 'camera' = e.detail.reason; void r; }}
        onDelete={(e) => { const i: number = e.detail.index; void i; }}
        onChange={(e) => { const n: number = e.detail.items.length; void n; }}
        onItemError={(e) => { const r: string = e.detail.reason; void r; }}
        onClear={(e) => { void e.detail; }}
        onStream={(e) => { const b: Blob = e.detail.blob; void b; }}
      />
      {/* @ts-expect-error: the payload is a LikeDetail, not a SelectDetail */}
      <MediaGallery onLike={(e) => e.detail.selected} />
      {/* @ts-expect-error: items takes the accepted input forms only */}
      <MediaGallery items={[42]} />
      {/* @ts-expect-error: a tile fires no load-more */}
      <GalleryThumb onLoadMore={() => undefined} />
      <GalleryThumb item="a.jpg" onDelete={(e) => e.detail.index} />
      <GalleryPreview open items={['a.jpg']} onPreviewClose={(e) => e.detail.index} />
      <GalleryToolbar label="Tools"><button>One</button></GalleryToolbar>
    </>
  );
}
