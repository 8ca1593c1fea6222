// The tile recycling under Lit's real `repeat`: a focused tab stop kept rendered while the rows
// around it jump and scroll is never moved in the DOM (a move takes focus from it), whatever
// the sequence; tiles that stay are never re-inserted after a jump that keeps only the tab stop.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TileKeys } from '../src/views/tile-keys.js';
import { placePinned } from '../src/controllers/virtual-grid.js';

describe('tile recycling with the tab stop kept while scrolled away', () => {
  it('never moves the focused tab stop element, over random scrolls and jumps', () => {
    const host = document.createElement('div');
    document.body.append(host);
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const N = 3_000;
    try {
      for (let trial = 0; trial < 60; trial++) {
        const keys = new TileKeys();
        const P = Math.floor(rnd() * N);
        let pin: ReturnType<typeof placePinned> = null, start = Math.max(0, P - 10), focused: HTMLElement | null = null;
        let moves = 0;
        const mo = new MutationObserver((records) => {
          for (const r of records) r.addedNodes.forEach((n) => n === focused && moves++);
        });
        mo.observe(host, { childList: true });
        for (let step = 0; step < 40; step++) {
          if (step > 0) {
            const r = rnd();
            // A small scroll, a jump next to the tab stop (back into view), or anywhere.
            start = r < 0.4 ? start + Math.floor((rnd() - 0.5) * 12) : r < 0.55 ? P - Math.floor(rnd() * 20) : Math.floor(rnd() * N);
            start = Math.max(0, Math.min(N - 20, start));
          }
          const end = Math.min(N, start + 8 + Math.floor(rnd() * 20));
          const indices = Array.from({ length: end - start }, (_, k) => start + k);
          pin = placePinned(indices, P, pin);
          const ids = indices.map(String), k = keys.assign(ids, String(P)).keys;
          render(html`${repeat(indices, (_, j) => k[j], (i) => html`<button data-i=${i}>${i}</button>`)}`, host);
          const el = host.querySelector<HTMLElement>(`[data-i="${P}"]`);
          expect(el, `trial ${trial} step ${step}: the tab stop is rendered`).to.not.equal(null);
          if (!focused) { focused = el; el!.focus(); mo.takeRecords(); }
          expect(el === focused, `trial ${trial} step ${step}: the same element`).to.equal(true);
          expect(document.activeElement === focused, `trial ${trial} step ${step}: still focused`).to.equal(true);
          // Every other tile is rendered in index order.
          const others = [...host.querySelectorAll<HTMLElement>('button')].map((b) => Number(b.dataset.i)).filter((i) => i !== P);
          expect(others, 'the other tiles in index order').to.deep.equal([...others].sort((a, b) => a - b));
        }
        mo.takeRecords().forEach((r) => r.addedNodes.forEach((n) => n === focused && moves++));
        mo.disconnect();
        expect(moves, `trial ${trial}: the tab stop element was re-inserted`).to.equal(0);
        render(html``, host);
      }
    } finally {
      host.remove();
    }
  });

  it('moves no element in a still render (a fling), and puts them back in index order after it', () => {
    const host = document.createElement('div');
    document.body.append(host);
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const moves: Node[] = [];
    const removed = new Set<Node>();
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        r.removedNodes.forEach((n) => removed.add(n));
        r.addedNodes.forEach((n) => removed.has(n) && moves.push(n));
      }
    });
    const keys = new TileKeys();
    const show = (start: number, still: boolean) => {
      const indices = Array.from({ length: 10 + Math.floor(rnd() * 15) }, (_, k) => start + k);
      const ids = indices.map(String), { keys: k, order } = keys.assign(ids, undefined, still);
      render(html`${repeat(order, (j) => k[j], (j) => html`<b data-i=${indices[j]}></b>`)}`, host);
      return [...host.children].map((b) => Number((b as HTMLElement).dataset.i));
    };
    try {
      let start = 0;
      show(start, false);
      for (let fling = 0; fling < 40; fling++) {
        mo.observe(host, { childList: true });
        for (let f = 0; f < 8; f++) {
          start = Math.max(0, start + Math.floor((rnd() - 0.3) * 30));
          const shown = show(start, true);
          expect(new Set(shown).size, 'each index once').to.equal(shown.length);
        }
        mo.takeRecords().forEach((r) => { r.removedNodes.forEach((n) => removed.add(n)); r.addedNodes.forEach((n) => removed.has(n) && moves.push(n)); });
        mo.disconnect();
        expect(moves.length, `fling ${fling}: elements moved during it`).to.equal(0);
        const after = show(start, false);
        expect(after, `fling ${fling}: in index order after it`).to.deep.equal([...after].sort((a, b) => a - b));
        expect(keys.scrambled).to.equal(false);
      }
    } finally {
      mo.disconnect();
      host.remove();
    }
  });
});
