// The store's lazy assignment (set(inputs, base, true)): normalised when read, never shown
// unchecked, ending with the very items and invalid entries an eager assignment gives.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { VirtualGridController } from '../src/controllers/virtual-grid.js';
import { normalizeItems } from '../src/model/items.js';
import { GalleryStore, LAZY_MIN } from '../src/model/store.js';

const N = LAZY_MIN + 1000;
const typed = (i: number) => ({ src: `/p/${i}.jpg`, type: 'image' as const, width: 4, height: 3 });

function lazyStore(list: unknown[]) {
  const s = new GalleryStore();
  expect(s.set(list, undefined, true)).to.deep.equal([]);
  return s;
}

describe('store: lazy assignment', () => {
  it('normalises nothing up front and an item when it (or one after it) is read', () => {
    const list = Array.from({ length: N }, (_, i) => typed(i));
    const s = lazyStore(list);
    expect([s.pending, s.length]).to.deep.equal([true, N]);
    expect(s.at(10)).to.equal(list[10]);
    expect(s.keyAt(11)).to.equal('src:/p/11.jpg');
    expect(s.ratioAt(12)).to.equal(4 / 3);
    expect(s.pending).to.equal(true);
    expect(s.at(N - 1)).to.equal(list[N - 1]);
    expect([s.pending, s.length, s.invalid]).to.deep.equal([false, N, []]);
  });

  it('finds invalid inputs when it reaches them: the length shrinks, the version moves, indices before stay', () => {
    const list: unknown[] = Array.from({ length: N }, (_, i) => typed(i));
    list[5] = 'javascript:alert(1)';
    list[N - 500] = 42;
    const s = lazyStore(list);
    const v = s.version;
    const fourth = s.at(4);
    expect([s.length, s.invalid.length, s.version]).to.deep.equal([N, 0, v]);
    expect(s.at(5)).to.equal(list[6]);
    expect([s.length, s.invalid.map((x) => x.index), s.version]).to.deep.equal([N - 1, [5], v + 1]);
    expect(s.items).to.have.length(N - 2);
    expect(s.invalid.map((x) => [x.index, x.input])).to.deep.equal([[5, list[5]], [N - 500, 42]]);
    expect(s.at(4)).to.equal(fourth);
    expect(s.length).to.equal(N - 2);
  });

  it('tells the first index a change touched since a version (a layout keeps what is before it)', () => {
    const list: unknown[] = Array.from({ length: N }, (_, i) => ({ src: `/p/${i}.jpg` }));
    list[300] = 42;
    const s = lazyStore(list);
    const v0 = s.version;
    expect(s.changedFrom(v0)).to.equal(Infinity);
    s.at(299);
    expect(s.changedFrom(v0)).to.equal(Infinity); // read, nothing changed
    s.at(400); // finds the invalid input: index 300 on moves down one
    expect(s.changedFrom(v0)).to.equal(300);
    const v1 = s.version;
    expect(s.learnRatio(120, 4, 3)).to.equal(true);
    expect(s.learnRatio(120, 4, 3)).to.equal(false); // the same ratio again: no change
    expect([s.changedFrom(v1), s.changedFrom(v0)]).to.deep.equal([120, 120]);
    const v2 = s.version;
    s.replace(50, { ...s.at(50)!, liked: true });
    s.remove(60);
    expect(s.changedFrom(v2)).to.equal(50);
    s.set([{ src: '/a.jpg' }]);
    expect(s.changedFrom(v2)).to.equal(0);
    expect(s.changedFrom(v2 - 1000)).to.equal(0); // too old to tell: everything
  });

  it('a ratio learnt by a later entry sharing the key is learnt again by the earlier one, from its index', () => {
    const s = new GalleryStore();
    s.set(['/a.jpg', '/b.jpg', '/a.jpg', '/c.jpg']);
    const v0 = s.version;
    expect(s.learnRatio(2, 4, 3)).to.equal(true);
    expect([s.changedFrom(v0), s.ratioAt(0)]).to.deep.equal([2, 4 / 3]);
    const v1 = s.version;
    // Entry 0 shares the ratio but was laid out before it was known: its own load re-places from 0.
    expect(s.learnRatio(0, 4, 3)).to.equal(true);
    expect(s.changedFrom(v1)).to.equal(0);
    expect([s.learnRatio(0, 4, 3), s.learnRatio(2, 4, 3)]).to.deep.equal([false, false]);
  });

  it('settles in steps until a deadline, or all at once', () => {
    const s = lazyStore(Array.from({ length: N }, (_, i) => (i % 2 ? `p/${i}.jpg` : typed(i))));
    expect(s.settle(performance.now() - 1)).to.equal(false);
    expect(s.pending).to.equal(true);
    expect(s.settle()).to.equal(true);
    expect(s.pending).to.equal(false);
    expect(s.items.map((x) => x.type)).to.deep.equal(Array(N).fill('image'));
  });

  it('keeps its own copy of the list: the page changing its array later changes nothing', () => {
    const list: unknown[] = Array.from({ length: N }, (_, i) => typed(i));
    const s = lazyStore(list);
    list[100] = 'javascript:alert(1)';
    list.length = 10;
    expect(s.length).to.equal(N);
    expect(s.at(100)).to.deep.equal(typed(100));
  });

  it('looks a key up without normalising when no input can hold it, and normalises when one may', () => {
    const list: unknown[] = Array.from({ length: N }, (_, i) => typed(i));
    list[N - 10] = { src: 'far.jpg', id: 'far' };
    list[N - 5] = ['tuple.jpg', 'Tuple'];
    list[N - 3] = { image: { url: 'gradio.png' } };
    const s = lazyStore(list);
    expect(s.indexOfKey('src:missing.jpg', 0)).to.equal(-1);
    expect(s.indexOfKey('id:missing', 0)).to.equal(-1);
    expect(s.pending).to.equal(true);
    expect(s.indexOfKey('src:/p/3.jpg', 3)).to.equal(3);
    expect(s.indexOfKey('id:far', 0)).to.equal(N - 10);
    expect(s.pending).to.equal(false);
    for (const [key, at] of [['src:tuple.jpg', N - 5], ['src:gradio.png', N - 3]] as const) {
      const t = lazyStore(list);
      expect(t.indexOfKey(key, 0), key).to.equal(at);
    }
  });

  it('is eager for short lists, with a base URL, and for lists it cannot copy', () => {
    const short = new GalleryStore();
    expect(short.set(['a.jpg', 5], undefined, true).map((x) => x.index)).to.deep.equal([1]);
    expect(short.pending).to.equal(false);
    const based = new GalleryStore();
    based.set(Array.from({ length: N }, (_, i) => `p/${i}.jpg`), 'https://h/m/', true);
    expect([based.pending, based.at(0)!.src]).to.deep.equal([false, 'https://h/m/p/0.jpg']);
    const list: unknown[] = Array.from({ length: N }, (_, i) => typed(i));
    Object.defineProperty(list, N - 500, { get() { throw new Error('boom'); } });
    const hostile = new GalleryStore();
    expect(hostile.set(list, undefined, true).map((x) => x.index)).to.deep.equal([N - 500]);
    expect([hostile.pending, hostile.length]).to.deep.equal([false, N - 1]);
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(new GalleryStore().set(proxy, undefined, true)[0].reason).to.match(/cannot be read/);
  });

  it('edits (replace, remove) work on the whole list', () => {
    const list: unknown[] = Array.from({ length: N }, (_, i) => typed(i));
    list[N - 1] = 7;
    const s = lazyStore(list);
    s.replace(1, { ...typed(1), liked: true });
    expect([s.pending, s.length, s.at(1)!.liked]).to.deep.equal([false, N - 1, true]);
    expect(s.remove(0)).to.equal(list[0]);
    expect(s.length).to.equal(N - 2);
  });

  it('ends with the items and invalid entries of an eager assignment, whatever is read first', () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 99 }).map((i) => `p/${i}.jpg`),
      fc.integer({ min: 0, max: 99 }).map((i) => ({ src: `/p/${i}.jpg`, width: 3, height: 2 })),
      fc.integer({ min: 0, max: 99 }).map((i) => ({ src: `/p/${i}.jpg`, type: 'image', id: `i${i}` })),
      fc.constantFrom<unknown>(5, null, '', 'javascript:x', { src: 'a.jpg', width: 'x' }, ['t.jpg', 'T'], { image: { url: 'g.png' }, caption: 'G' }, { nope: 1 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(N + 10), { maxLength: 6 }), (pattern, reads) => {
        const list = Array.from({ length: N }, (_, i) => pattern[i % pattern.length]);
        const eager = normalizeItems(list);
        const s = lazyStore(list);
        for (const i of reads) {
          const it = s.at(i);
          if (it) expect(it).to.deep.equal(eager.items[i]);
          else expect(i).to.be.at.least(eager.items.length);
          expect(s.length).to.be.at.least(eager.items.length);
        }
        const e = new GalleryStore();
        e.set(list);
        for (const key of ['src:p/7.jpg', 'id:i9', 'src:g.png', 'src:/p/3.jpg']) expect(s.indexOfKey(key, 3), key).to.equal(e.indexOfKey(key, 3));
        expect(s.items).to.have.length(eager.items.length);
        s.items.forEach((x, i) => expect(x).to.deep.equal(eager.items[i]));
        expect(s.invalid.map((x) => [x.index, x.reason])).to.deep.equal(eager.invalid.map((x) => [x.index, x.reason]));
      }),
      { numRuns: 60 },
    );
  });

  it('the virtual grid normalises what it renders, and lays out again when that finds invalid inputs', () => {
    const list: unknown[] = Array.from({ length: 100_000 }, (_, i) => (i < 300 && i % 3 === 1 ? { src: 'javascript:x' } : typed(i)));
    const s = new GalleryStore();
    s.set(list, undefined, true);
    const host = { addController() {}, renderRoot: document.createElement('div') } as unknown as ConstructorParameters<typeof VirtualGridController>[0];
    const grid = new VirtualGridController(host, s, () => ({ kind: 'grid', height: 800, rows: null, columnsAt: () => 6, gap: { x: 8, y: 8 }, rowHeight: 220 }));
    Object.assign(grid.viewport, { width: 1264, top: 0, bottom: 800, viewport: 800 });
    const { indices } = grid.range(0);
    expect(indices.length).to.be.greaterThan(20);
    for (const i of indices) expect(s.at(i), String(i)).to.deep.equal(typed(i + Math.min(100, Math.floor((i + 1) / 2))));
    expect(grid.layout().count).to.equal(s.length);
    expect(s.pending).to.equal(true);
    expect(s.length).to.be.lessThan(100_000);
  });
});
