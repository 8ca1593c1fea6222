// React 18 through the wrappers of `media-gallery/react` (@lit/react): React 18 only sets
// attributes and never listens to custom events on a tag, so the wrapper sets `items` as a
// property and attaches the typed camel-case event props.
import { useState } from 'react';
import { MediaGallery } from 'media-gallery/react';
import type { GalleryItemInput, LikeDetail } from 'media-gallery';
import { FIRST, SECOND } from './items.js';

export function App() {
  const [items, setItems] = useState<GalleryItemInput[]>(FIRST);
  const [liked, setLiked] = useState('none');
  const [selected, setSelected] = useState('none');
  const [shown, setShown] = useState(!location.search.includes('empty'));
  const onLike = (e: CustomEvent<LikeDetail>) => setLiked(`${e.detail.index} ${e.detail.liked}`);
  return (
    <main>
      <p>
        Liked: <output id="liked">{liked}</output> Selected: <output id="selected">{selected}</output>
      </p>
      <button id="swap" onClick={() => setItems(SECOND)}>New photos</button>
      <button id="toggle" onClick={() => setShown((s) => !s)}>{shown ? 'Unmount' : 'Mount'}</button>
      {shown && (
        <MediaGallery
          id="g"
          items={items}
          columns={3}
          showLikeDislike
          label="React 18"
          onLike={onLike}
          onSelect={(e) => setSelected(String(e.detail.index))}
        />
      )}
    </main>
  );
}
