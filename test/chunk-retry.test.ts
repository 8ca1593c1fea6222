// A chunk the network fails: the gallery says so on the console, keeps working without it, and
// tries it again after a back-off (1 s, then longer), not on each update, then shows what it
// holds. The dev server fails the chunk's first request on purpose (`fail-requests`, see
// web-test-runner.config.mjs); runs on the sources and on the CDN bundle (`test:cdn`). Firefox
// keeps a failed module fetch, so there each test fails without the `?retry=n` URL of
// src/chunk-import.ts, and the first one also if the preview's chunk imported the toolbar's.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GalleryThumb } from '../src/gallery-thumb.js';
import { executeServerCommand } from '@web/test-runner-commands';
import '../elements/media-gallery.js';
import { frames, mainOf, mount, tileAt, tileButton, tiles } from './helpers.js';

const photo = (name: string) => `/examples/photos/${name}`;
const items = [photo('Aqua.jpg'), photo('Dune.jpg'), photo('Garden.jpg')];

/** Fails the next `times` requests for a chunk (a pattern for the end of its path, before `.js` or `.ts`); resolves to how many requests asked for it so far. */
async function failChunk(name: string, times: number): Promise<number> {
  const r = await executeServerCommand<{ requests: number }, { pattern: string; times: number }>('fail-requests', { pattern: `/${name}\\.(js|ts)$`, times });
  return r!.requests;
}

/** console.error calls, while `run` runs. */
async function withErrors(run: (errors: unknown[][]) => Promise<void>): Promise<void> {
  const errors: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => { errors.push(args); };
  try { await run(errors); } finally { console.error = original; }
}

describe('a chunk that fails to load', () => {
  // First: every gallery loads the preview's chunk when the browser is idle, and one with a
  // header the toolbar's after its first screen.
  it('the toolbar and the preview both fail: reported, each tried again by itself, and a click on a tile then opens the preview with its toolbar', async () => {
    await failChunk('gallery-toolbar', 1);
    await failChunk('gallery-preview', 1);
    await withErrors(async (errors) => {
      const el = await mount(html`<media-gallery label="Trip" columns="3" .items=${items}></media-gallery>`);
      await waitUntil(() => errors.length >= 2, 'both failures are reported', { timeout: 5000 });
      expect(customElements.get('gallery-preview')).to.equal(undefined);
      // The preview's chunk does not import the toolbar's (whose failed fetch the browser keeps),
      // so each loads once tried again.
      await customElements.whenDefined('gallery-preview');
      await customElements.whenDefined('gallery-toolbar');
      expect(await failChunk('gallery-preview', 0)).to.be.at.least(2);
      expect(await failChunk('gallery-toolbar', 0)).to.be.at.least(2);
      mainOf(tileAt(el, 1)).click();
      await el.updateComplete;
      const preview = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('gallery-preview')!;
      await preview.updateComplete;
      await waitUntil(() => preview.shadowRoot!.querySelector('dialog')?.open, 'the preview opens');
      const bar = preview.shadowRoot!.querySelector('gallery-toolbar')!;
      await waitUntil(() => bar.shadowRoot, 'its toolbar is upgraded');
      expect(errors.length).to.equal(2);
    });
  });

  it("the tiles' action buttons: reported, the grid still shows, tried again after a back-off, then shown", async () => {
    await failChunk('tile-actions', 1);
    await withErrors(async (errors) => {
      const el = await mount(html`<media-gallery show-favorite-button columns="3" .items=${items}></media-gallery>`);
      await waitUntil(() => errors.length > 0, 'the failure is reported', { timeout: 4000 });
      expect(String(errors[0][0])).to.match(/could not be loaded; trying again in 1 s/);
      // Which chunk (Chromium and Firefox name its URL in their error).
      expect(String(errors[0][0])).to.match(/the chunk \S*tile-actions\S* could not/);
      // The grid renders without the buttons meanwhile.
      expect(tiles(el).length).to.equal(3);
      expect(tileButton(tileAt(el, 0), 'favorite')).to.equal(null);
      // Updates during the back-off (a user changing the layout) ask for the chunk each time,
      // and none of them fetches it again.
      for (const columns of [2, 3, 2, 3, 2]) {
        el.columns = columns;
        await el.updateComplete;
        await frames(1);
      }
      expect(await failChunk('tile-actions', 0)).to.equal(1);
      await waitUntil(() => tileButton(tileAt(el, 0), 'favorite'), 'the favorite button shows after the retry', { timeout: 5000 });
      expect(await failChunk('tile-actions', 0)).to.equal(2);
      expect(errors.length).to.equal(1);
      tileButton(tileAt(el, 1), 'favorite').click();
      await el.updateComplete;
      expect(tileButton(tileAt(el, 1), 'favorite').getAttribute('aria-pressed')).to.equal('true');
      // A standalone <gallery-thumb> loaded after that failure gets its buttons too: its chunk
      // does not import the buttons' chunk (whose failed fetch Firefox keeps), it asks the loader.
      await import('../elements/gallery-thumb.js');
      const thumb = await fixture<GalleryThumb>(html`<gallery-thumb show-favorite-button .item=${{ src: items[0], caption: 'Aqua' }}></gallery-thumb>`);
      expect(thumb.shadowRoot!.querySelector('[part~=favorite]')).to.exist;
      expect(errors.length).to.equal(1);
    });
  });

  it('upload mode: reported, the items still show, tried again after a back-off, then the drop zone shows', async () => {
    await failChunk('upload-mode', 1);
    await withErrors(async (errors) => {
      const el = await mount(html`<media-gallery interactive columns="3" .items=${items}></media-gallery>`);
      await waitUntil(() => errors.length > 0, 'the failure is reported', { timeout: 4000 });
      expect(tiles(el).length).to.equal(3);
      expect(el.shadowRoot!.querySelector('[part=dropzone]')).to.equal(null);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=dropzone]'), 'the drop zone shows after the retry', { timeout: 5000 });
      expect(await failChunk('upload-mode', 0)).to.equal(2);
      expect(tiles(el).length).to.equal(3);
    });
  });

  it('the ThumbHash decoder: reported, the tile shows without a placeholder, then with it once a retry has loaded it', async () => {
    await failChunk('(?:src|cdn)/thumbhash', 1);
    await withErrors(async (errors) => {
      // An image that does not arrive during the test (/slow/ answers after 8 s): the placeholder
      // stays. Looked at before its first screen is done (mount() would wait 1 s for it).
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:800px"><media-gallery columns="2" .items=${[{ src: `/slow/a.jpg?${Date.now()}`, placeholder: 'nasKNZh2h3dwiHiHeHh4h3aAl/eI' }]}></media-gallery></div>`);
      const el = wrap.querySelector('media-gallery')!;
      await el.updateComplete;
      const ph = () => {
        const layer = tileAt(el, 0).querySelector('.ph');
        return layer ? getComputedStyle(layer).backgroundImage : 'none';
      };
      await waitUntil(() => errors.length > 0, 'the failure is reported', { timeout: 4000 });
      expect(ph()).to.equal('none');
      await waitUntil(() => ph().startsWith('url("data:image/png;base64,'), 'the decoded ThumbHash shows after the retry', { timeout: 5000 });
      expect(await failChunk('(?:src|cdn)/thumbhash', 0)).to.equal(2);
    });
  });
});
