import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../elements/gallery-toolbar.js';
import type { GalleryToolbar } from '../src/gallery-toolbar.js';

describe('<gallery-toolbar>', () => {
  it('is a labelled toolbar with one tab stop and arrow keys, skipping disabled buttons', async () => {
    const el = await fixture<GalleryToolbar>(html`<gallery-toolbar label="Tools">
      <button>One</button><button disabled>Two</button><button>Three</button></gallery-toolbar>`);
    await el.updateComplete;
    const [one, , three] = [...el.querySelectorAll('button')];
    expect(el.getAttribute('aria-label')).to.equal('Tools');
    expect(el.getAttribute('role')).to.equal('toolbar');
    expect([one.tabIndex, three.tabIndex]).to.deep.equal([0, -1]);
    one.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(document.activeElement).to.equal(three);
    expect([one.tabIndex, three.tabIndex]).to.deep.equal([-1, 0]);
    await sendKeys({ press: 'ArrowRight' });
    expect(document.activeElement).to.equal(one); // wraps
    await sendKeys({ press: 'End' });
    expect(document.activeElement).to.equal(three);
    await expect(el).to.be.accessible();
  });
});
