import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../elements/gallery-thumb.js';
import type { GalleryThumb } from '../src/gallery-thumb.js';
import { record } from './helpers.js';

const photo = '/examples/photos/LadyBird.jpg';

describe('<gallery-thumb> alone', () => {
  it('renders from src/caption attributes with a labelled button and the caption', async () => {
    const el = await fixture<GalleryThumb>(html`<gallery-thumb src=${photo} caption="Ladybird"></gallery-thumb>`);
    const img = el.shadowRoot!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(photo);
    expect(img.alt).to.equal('Ladybird');
    expect(el.shadowRoot!.querySelector('[part=caption]')!.textContent).to.equal('Ladybird');
    expect(el.getBoundingClientRect().width).to.equal(200);
    await expect(el).to.be.accessible();
  });

  it('toggles its own selection and fires select', async () => {
    const el = await fixture<GalleryThumb>(html`<gallery-thumb src=${photo} index="4"></gallery-thumb>`);
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('.main')!.click());
    const e = await oneEvent(el, 'select');
    expect(e.detail).to.include({ index: 4, selected: true });
    expect(e.target).to.equal(el);
    await el.updateComplete;
    expect(el.selected).to.equal(true);
    expect(el.hasAttribute('selected')).to.equal(true);
  });

  it('like and favorite update the tile unless cancelled', async () => {
    const el = await fixture<GalleryThumb>(html`<gallery-thumb show-like-dislike show-favorite-button .item=${{ src: photo, caption: 'x' }}></gallery-thumb>`);
    const pressed = (part: string) => el.shadowRoot!.querySelector(`[part~=${part}]`)!.getAttribute('aria-pressed');
    const likes = record(el, ['like']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=like]')!.click();
    await el.updateComplete;
    expect(pressed('like')).to.equal('true');
    expect(likes.map((x) => x.detail.liked)).to.deep.equal([true]);
    expect(likes[0].detail.item).to.include({ src: photo, liked: true });
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('favorite', cancel, { capture: true });
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=favorite]')!.click();
      await el.updateComplete;
    } finally {
      document.removeEventListener('favorite', cancel, { capture: true });
    }
    expect(pressed('favorite')).to.equal('false');
    expect(pressed('like')).to.equal('true');
  });

  it('shows a video poster with a play badge', async () => {
    const el = await fixture<GalleryThumb>(html`<gallery-thumb .item=${{ src: '/examples/video/storm-pan.mp4', poster: photo, type: 'video', caption: 'Storm' }}></gallery-thumb>`);
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('src')).to.equal(photo);
    expect(el.shadowRoot!.querySelector('.badge')).to.exist;
    expect(el.shadowRoot!.querySelector('.main')!.getAttribute('aria-label')).to.equal('Storm, video');
  });

  it('validates its item: a wrong-typed field is dropped, not shown', async () => {
    const el = await fixture<GalleryThumb>(html`<gallery-thumb show-like-dislike .item=${{ src: photo, type: 'image', caption: 'x', liked: 'yes', width: '300', height: 200 }}></gallery-thumb>`);
    expect(el.shadowRoot!.querySelector('[part~=like]')!.getAttribute('aria-pressed')).to.equal('false');
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('width')).to.equal('300');
  });

  it('sets loaded once the image has loaded; the placeholder is no longer shown; focus() moves to its button', async () => {
    const ph = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';
    const el = await fixture<GalleryThumb>(html`<gallery-thumb .item=${{ src: `${photo}?alone=${Date.now()}`, placeholder: ph, caption: 'x' }}></gallery-thumb>`);
    // One tile inside its own shadow root, as in a gallery.
    expect(el.shadowRoot!.querySelector('.tile > .main > img.media')).to.exist;
    await waitUntil(() => el.loaded, 'loaded', { timeout: 8000 });
    await el.updateComplete;
    expect(el.hasAttribute('loaded')).to.equal(true);
    expect(el.failed).to.equal(false);
    const shown = el.shadowRoot!.querySelector('.ph');
    expect(shown === null || getComputedStyle(shown).display === 'none', 'placeholder hidden').to.equal(true);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('.main'));
  });

  it('turns into an error tile and fires item-error when the image fails', async () => {
    const ev = oneEvent(document, 'item-error');
    const el = await fixture<GalleryThumb>(html`<gallery-thumb src="/missing/nothing.jpg" caption="Gone"></gallery-thumb>`);
    const e = await ev;
    expect(e.detail.item.src).to.equal('/missing/nothing.jpg');
    await el.updateComplete;
    expect(el.failed).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('Gone');
    await expect(el).to.be.accessible();
  });
});
