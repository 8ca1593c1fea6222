// React 19, rendered on the server (react-dom/server) and hydrated (hydrateRoot), through the
// wrappers of `media-gallery/react`. React 19 hydrating a bare <media-gallery> tag neither
// sets its properties nor attaches its on<event> listeners (facebook/react#31108, #29037):
// the gallery stays empty and deaf. The wrappers set properties and listeners in layout
// effects, which run after hydration as after a client render.
import { useState } from 'react';
import { MediaGallery } from 'media-gallery/react';
import type { GalleryItemInput, LikeDetail } from 'media-gallery';
import { FIRST, SECOND } from './items.js';

export function App({ initiallyShown }: { initiallyShown: boolean }) {
  const [items, setItems] = useState<GalleryItemInput[]>(FIRST);
  const [liked, setLiked] = useState('none');
  const [selected, setSelected] = useState('none');
  const [shown, setShown] = useState(initiallyShown);
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
          label="React 19 SSR"
          onLike={onLike}
          onSelect={(e) => setSelected(String(e.detail.index))}
        />
      )}
    </main>
  );
}
