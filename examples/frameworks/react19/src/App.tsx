// React 19, the tags directly: `media-gallery/react-jsx` registers them and types them in
// JSX.IntrinsicElements. Properties are set as properties (items takes an array); events are
// the lower-case `on<event>` props React 19 turns into addEventListener.
import { useState } from 'react';
import 'media-gallery/react-jsx';
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
        <media-gallery
          id="g"
          items={items}
          columns={3}
          showLikeDislike
          label="React 19"
          onlike={onLike}
          onselect={(e) => setSelected(String(e.detail.index))}
        />
      )}
    </main>
  );
}
