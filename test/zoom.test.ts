import { expect } from '@open-wc/testing';
import { clampPan, dragCloses, fitSize, maxScale, oneToOne, swipeOutcome, zoomAt } from '../src/zoom.js';

describe('zoom maths', () => {
  const stage = { width: 800, height: 600 };
  const natural = { width: 2400, height: 1200 };
  const fit = fitSize(natural, stage);

  it('fits an image inside the stage keeping its ratio', () => {
    expect(fit).to.deep.equal({ width: 800, height: 400 });
    expect(oneToOne(natural, fit)).to.equal(3);
    expect(maxScale(natural, fit)).to.equal(4);
    expect(maxScale({ width: 8000, height: 4000 }, fit)).to.equal(10);
  });

  it('clamps the pan so no gap opens at an edge', () => {
    // at 2x the image is 1600x800: it may move ±400 horizontally and ±100 vertically
    expect(clampPan({ scale: 2, x: 1000, y: -1000 }, fit, stage)).to.deep.equal({ scale: 2, x: 400, y: -100 });
    expect(clampPan({ scale: 1, x: 50, y: 50 }, fit, stage)).to.deep.equal({ scale: 1, x: 0, y: 0 });
  });

  it('zooms around a point, keeping it still, within [1, max]', () => {
    const z = zoomAt({ scale: 1, x: 0, y: 0 }, 2, { x: 100, y: 0 }, fit, stage, 4);
    expect(z).to.deep.equal({ scale: 2, x: -100, y: 0 });
    expect(zoomAt(z, 99, { x: 0, y: 0 }, fit, stage, 4).scale).to.equal(4);
    expect(zoomAt(z, 0.2, { x: 0, y: 0 }, fit, stage, 4)).to.deep.equal({ scale: 1, x: 0, y: 0 });
  });

  it('decides swipes by distance or flick velocity', () => {
    expect(swipeOutcome(-200, 0, 800)).to.equal(1);
    expect(swipeOutcome(200, 0, 800)).to.equal(-1);
    expect(swipeOutcome(-100, 0, 800)).to.equal(0);
    expect(swipeOutcome(-60, -0.8, 800)).to.equal(1);
    expect(swipeOutcome(-10, -2, 800)).to.equal(0);
  });

  it('closes on a long or fast downward drag', () => {
    expect(dragCloses(120, 0, 600)).to.equal(true);
    expect(dragCloses(60, 0, 600)).to.equal(false);
    expect(dragCloses(60, 1, 600)).to.equal(true);
  });
});
