// The tile recycling under Lit's real `repeat`: a focused tab stop kept rendered while the rows
// around it jump and scroll is never moved in the DOM (a move takes focus from it), whatever
// the sequence; tiles that stay are never re-inserted after a jump that keeps only the tab stop.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { placePinned, TileKeys } from '../src/views/tile-keys.js';
import { watchMoves } from './helpers.js';

/** The band `start..end-1` and the tab stop, first or last when out of it (`VirtualGridController.range`). */
const band = (start: number, end: number, tabStop: number) => {
  const indices = Array.from({ length: end - start }, (_, k) => start + k);
  if (tabStop < start) indices.unshift(tabStop);
  else if (tabStop >= end) indices.push(tabStop);
  return indices;
};

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
        let start = Math.max(0, P - 10), focused: HTMLElement | null = null;
        const moves = watchMoves(host);
        for (let step = 0; step < 40; step++) {
          if (step > 0) {
            const r = rnd();
            // A small scroll, a jump next to the tab stop (back into view), or anywhere.
            start = r < 0.4 ? start + Math.floor((rnd() - 0.5) * 12) : r < 0.55 ? P - Math.floor(rnd() * 20) : Math.floor(rnd() * N);
            start = Math.max(0, Math.min(N - 20, start));
          }
          const end = Math.min(N, start + 8 + Math.floor(rnd() * 20));
          const indices = band(start, end, P);
          placePinned(indices, P, keys.end(String(P)));
          const ids = indices.map(String), k = keys.assign(ids, String(P)).keys;
          render(html`${repeat(indices, (_, j) => k[j], (i) => html`<button data-i=${i}>${i}</button>`)}`, host);
          const el = host.querySelector<HTMLElement>(`[data-i="${P}"]`);
          expect(el, `trial ${trial} step ${step}: the tab stop is rendered`).to.not.equal(null);
          if (!focused) { focused = el; el!.focus(); moves.take(); }
          expect(el === focused, `trial ${trial} step ${step}: the same element`).to.equal(true);
          expect(document.activeElement === focused, `trial ${trial} step ${step}: still focused`).to.equal(true);
          // Every other tile is rendered in index order.
          const others = [...host.querySelectorAll<HTMLElement>('button')].map((b) => Number(b.dataset.i)).filter((i) => i !== P);
          expect(others, 'the other tiles in index order').to.deep.equal([...others].sort((a, b) => a - b));
        }
        expect(moves.take().includes(focused!), `trial ${trial}: the tab stop element was re-inserted`).to.equal(false);
        moves.stop();
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
    const moves = watchMoves(host);
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
        moves.take();
        for (let f = 0; f < 8; f++) {
          start = Math.max(0, start + Math.floor((rnd() - 0.3) * 30));
          const shown = show(start, true);
          expect(new Set(shown).size, 'each index once').to.equal(shown.length);
        }
        expect(moves.take().length, `fling ${fling}: elements moved during it`).to.equal(0);
        const after = show(start, false);
        expect(after, `fling ${fling}: in index order after it`).to.deep.equal([...after].sort((a, b) => a - b));
      }
    } finally {
      moves.stop();
      host.remove();
    }
  });

  /**
   * What the grid view does in each render (src/views/grid.ts, `VirtualGridController.range`),
   * under Lit's real `repeat`: `draw` renders rows `start..end-1` and the tab stop, and counts a
   * render that took focus from the focused tab stop (an arrow key renders with the new tab stop
   * before focusing it: the old one may go then, as focus moves on) and elements moved by a
   * still render.
   */
  const mirror = (host: HTMLElement) => {
    const keys = new TileKeys(), moves = watchMoves(host);
    const s = { lost: 0, stillMoves: 0 };
    const draw = (start: number, end: number, tabStop: number, deferring: boolean) => {
      const indices = band(start, end, tabStop);
      const active = document.activeElement as HTMLElement, focused = host.contains(active);
      const was = focused && active.dataset.i === String(tabStop) ? active : null;
      if (focused) placePinned(indices, tabStop, keys.end(String(tabStop)));
      const still = focused ? keys.scrambled : deferring;
      const ids = indices.map(String), { keys: k, order } = keys.assign(ids, String(tabStop), still);
      keys.scrambled = order.some((j, q) => q > 0 && indices[order[q - 1]] > indices[j]);
      moves.take();
      render(html`${repeat(order, (j) => k[j], (j) => html`<button data-i=${indices[j]} tabindex=${indices[j] === tabStop ? 0 : -1}>${indices[j]}</button>`)}`, host);
      if (still) s.stillMoves += moves.take().length;
      if (was && document.activeElement !== was) s.lost++;
    };
    return { s, draw, at: (i: number) => host.querySelector<HTMLElement>(`[data-i="${i}"]`), order: () => [...host.children].map((b) => Number((b as HTMLElement).dataset.i)), done: () => { moves.stop(); render(html``, host); } };
  };

  it('a click on a tile next to the focused tab stop kept last out of order keeps focus', () => {
    const host = document.createElement('div');
    document.body.append(host);
    try {
      const g = mirror(host);
      g.draw(85, 100, 98, false);
      g.at(98)!.focus();
      g.draw(50, 70, 98, true); // scrolled up: the tab stop last, after the rows
      g.draw(85, 100, 98, true); // and back: kept last, after 99
      expect(g.order().slice(-2), 'the tab stop kept last').to.deep.equal([99, 98]);
      g.at(99)!.focus(); // a click on 99: focus first, then it is the tab stop
      g.draw(85, 100, 99, false);
      expect(g.s.lost, 'focus taken').to.equal(0);
      expect(document.activeElement === g.at(99), '99 still focused').to.equal(true);
      g.done();
    } finally {
      host.remove();
    }
  });

  it('the grid\'s rules together: focus is never lost and, scrolled with nothing focused, the tiles end in reading order', () => {
    // Random slow scrolls, flings, jumps, arrow keys, clicks and blurs.
    const host = document.createElement('div'), outside = document.createElement('button');
    document.body.append(host, outside);
    let seed = 5;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const N = 400;
    try {
      for (let trial = 0; trial < 150; trial++) {
        const g = mirror(host);
        let tabStop = 100 + Math.floor(rnd() * 200), start = tabStop - 5, deferring = false;
        const draw = () => g.draw(start, Math.min(N, start + 10 + Math.floor(rnd() * 6)), tabStop, deferring);
        draw();
        for (let step = 0; step < 60; step++) {
          const r = rnd();
          if (r < 0.3) { start = Math.max(0, Math.min(N - 16, start + Math.floor((rnd() - 0.5) * 8))); deferring = false; draw(); }
          else if (r < 0.5) {
            deferring = true;
            const dir = rnd() < 0.5 ? -1 : 1;
            for (let f = 0; f < 1 + rnd() * 6; f++) { start = Math.max(0, Math.min(N - 16, start + dir * Math.floor(rnd() * 30))); draw(); }
            if (rnd() < 0.7) { deferring = false; draw(); }
          } else if (r < 0.62) { g.at(tabStop)?.focus(); draw(); }
          else if (r < 0.74) {
            // An arrow key: the tab stop moves to a neighbour in view, which takes focus.
            const next = Math.max(0, Math.min(N - 1, tabStop + (rnd() < 0.5 ? -1 : 1)));
            if (g.at(next)) { tabStop = next; draw(); g.at(next)!.focus(); draw(); }
          } else if (r < 0.8) {
            // A click: the tile takes focus first, then becomes the tab stop.
            const all = [...host.children] as HTMLElement[], b = all[Math.floor(rnd() * all.length)];
            b.focus();
            tabStop = Number(b.dataset.i);
            draw();
          } else if (r < 0.88) { outside.focus(); draw(); }
          else { start = Math.max(0, Math.min(N - 16, tabStop + Math.floor((rnd() - 0.5) * 60))); deferring = true; draw(); deferring = false; draw(); }
          if (!deferring && !host.contains(document.activeElement)) {
            const order = g.order();
            expect(order, `trial ${trial} step ${step}: reading order, settled with nothing focused`).to.deep.equal([...order].sort((a, b) => a - b));
          }
        }
        expect(g.s.lost, `trial ${trial}: renders that took focus from a tile`).to.equal(0);
        expect(g.s.stillMoves, `trial ${trial}: elements moved by still renders`).to.equal(0);
        outside.focus();
        g.done();
      }
    } finally {
      host.remove();
      outside.remove();
    }
  });
});
