// A preview that has not arrived (its chunk still loading on a slow network, or failed): the
// gallery has opened it (`preview` is true, `preview-open` fired) but nothing holds focus but
// the tile. Simulated by taking the `gallery-preview` tag before the chunk can: the gallery then
// renders an element that never opens. This file runs in a page of its own, so no other test
// sees that stand-in.
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../elements/media-gallery.js';
import type { MediaGallery } from '../src/media-gallery.js';
import { deepActive, mainOf, mount, recordCapture, tileAt } from './helpers.js';

customElements.define('gallery-preview', class extends HTMLElement {});

const photo = (n: string) => `/examples/photos/${n}`;

describe('a preview still loading', () => {
  before(() => setViewport({ width: 1000, height: 800 }));

  it('Escape on the tile cancels it: preview-close fires, the tile keeps focus, nothing opens later', async () => {
    const el = await mount(html`<media-gallery .items=${[photo('Aqua.jpg'), photo('Dune.jpg'), photo('Wood.jpg')]}></media-gallery>`);
    const log = recordCapture(['select', 'preview-open', 'preview-close']);
    const button = mainOf(tileAt(el, 1));
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => log.some((e) => e.type === 'preview-open'), 'preview-open');
    expect((el as MediaGallery).preview).to.equal(true);
    expect(deepActive()).to.equal(button);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => log.some((e) => e.type === 'preview-close'), 'preview-close');
    log.stop();
    expect(log.map((e) => [e.type, e.detail.index])).to.deep.equal([['select', 1], ['preview-open', 1], ['preview-close', 1]]);
    await el.updateComplete;
    expect(el.preview).to.equal(false);
    expect(el.selectedIndex).to.equal(1);
    expect(deepActive()).to.equal(mainOf(tileAt(el, 1)));
    expect(el.shadowRoot!.querySelector('gallery-preview')?.hasAttribute('open') ?? false).to.equal(false);
  });

  it('Escape on a tile with no preview open fires nothing and keeps focus', async () => {
    const el = await mount(html`<media-gallery .items=${[photo('Aqua.jpg'), photo('Dune.jpg')]}></media-gallery>`);
    const log = recordCapture(['select', 'preview-open', 'preview-close']);
    const button = mainOf(tileAt(el, 0));
    button.focus();
    // The key's keyup reaches the document after the gallery has handled its keydown.
    const released = new Promise<void>((r) => document.addEventListener('keyup', () => r(), { once: true, capture: true }));
    await sendKeys({ press: 'Escape' });
    await released;
    log.stop();
    expect(log).to.have.length(0);
    expect(el.preview).to.equal(false);
    expect(deepActive()).to.equal(button);
  });
});
