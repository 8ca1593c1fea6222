import { expect } from '@open-wc/testing';
import { downloadName, inferType, itemsFromChildren, normalizeItem, normalizeItems, resolveItem } from '../src/model/items.js';
import { GalleryStore, keyOf } from '../src/model/store.js';

describe('items: normalizeItem', () => {
  it('turns a URL string into an image item', () => {
    expect(normalizeItem('a/b.jpg')).to.deep.equal({ src: 'a/b.jpg', type: 'image' });
  });

  it('infers video from the extension, ignoring a query', () => {
    expect(normalizeItem('clip.webm?x=1')).to.deep.include({ type: 'video' });
    expect(inferType('x.MP4')).to.equal('video');
    expect(inferType('x.png')).to.equal('image');
    expect(inferType('blob:abc', 'video/mp4')).to.equal('video');
  });

  it('reads a [src, caption] tuple', () => {
    expect(normalizeItem(['p.jpg', 'A cat'])).to.deep.equal({ src: 'p.jpg', type: 'image', caption: 'A cat' });
  });

  it("reads Gradio's image payload with orig_name as the download name", () => {
    const it = normalizeItem({ image: { url: 'https://h/file=x.png', orig_name: 'cat.png', path: '/tmp/x.png' }, caption: 'cat', liked: true, meta: { id: 7 } });
    expect(it).to.deep.equal({ src: 'https://h/file=x.png', type: 'image', caption: 'cat', download: 'cat.png', liked: true, meta: { id: 7 } });
  });

  it("reads Gradio's video payload and a bare-string image payload", () => {
    expect(normalizeItem({ video: { url: 'v.bin', mime_type: 'video/mp4' }, caption: null })).to.deep.equal({ src: 'v.bin', type: 'video' });
    expect(normalizeItem({ image: 'p.jpg' })).to.deep.equal({ src: 'p.jpg', type: 'image' });
  });

  it('keeps GalleryItem fields and drops invalid sizes', () => {
    const it = normalizeItem({ src: 's.jpg', thumb: 't.jpg', width: 400, height: 300, favorite: true, liked: null, alt: 'x', placeholder: 'abc' });
    expect(it).to.deep.equal({ src: 's.jpg', type: 'image', thumb: 't.jpg', width: 400, height: 300, favorite: true, liked: null, alt: 'x', placeholder: 'abc' });
    expect(normalizeItem({ src: 's.jpg', width: -1, height: 'x' })).to.deep.equal({ src: 's.jpg', type: 'image' });
  });

  it('says why an input is invalid', () => {
    expect(normalizeItem(42)).to.be.a('string').and.match(/got number/);
    expect(normalizeItem(null)).to.match(/got null/);
    expect(normalizeItem({})).to.match(/no src/);
    expect(normalizeItem({ image: {} })).to.match(/no image url/);
    expect(normalizeItem('  ')).to.match(/empty/);
  });
});

describe('items: normalizeItems', () => {
  it('skips invalid entries and reports their positions', () => {
    const { items, invalid } = normalizeItems(['a.jpg', 5, { src: 'b.png' }, { nope: 1 }]);
    expect(items.map((i) => i.src)).to.deep.equal(['a.jpg', 'b.png']);
    expect(invalid.map((i) => i.index)).to.deep.equal([1, 3]);
  });

  it('reports a non-array instead of throwing', () => {
    const { items, invalid } = normalizeItems('a.jpg' as unknown as unknown[]);
    expect(items).to.have.length(0);
    expect(invalid[0].reason).to.match(/not an array/);
  });

  it('returns an already-normal item by identity, so the page gets its own objects back', () => {
    const a = { src: 'a.jpg', type: 'image' as const };
    const { items } = normalizeItems([a]);
    expect(items[0]).to.equal(a);
  });
});

describe('items: helpers', () => {
  it('downloadName uses download, else the decoded last path segment', () => {
    expect(downloadName({ src: 'x', download: 'n.png' })).to.equal('n.png');
    expect(downloadName({ src: 'https://h/a/My%20Photo.jpg?x=1' })).to.equal('My Photo.jpg');
  });

  it('resolveItem resolves src, thumb, poster and every srcset candidate', () => {
    const it = resolveItem({ src: 'full/a.webp', thumb: 't/a.webp', srcset: 't/a-320.webp 320w, t/a-640.webp 640w', poster: 'p.jpg' }, 'https://h/g/gallery.json');
    expect(it.src).to.equal('https://h/g/full/a.webp');
    expect(it.thumb).to.equal('https://h/g/t/a.webp');
    expect(it.poster).to.equal('https://h/g/p.jpg');
    expect(it.srcset).to.equal('https://h/g/t/a-320.webp 320w, https://h/g/t/a-640.webp 640w');
  });

  it('validates typed items too: no shortcut for inputs that already have a type', () => {
    const { items, invalid } = normalizeItems([
      { src: 'a.jpg', type: 'image', placeholder: 12345, width: '300', height: 200, liked: 'yes', favorite: 1, caption: { x: 1 } },
      { src: 5, type: 'image' },
      { src: 'b.jpg', type: 'image', tracks: 'nope' },
      ['c.jpg', 'C', true],
    ]);
    expect(items[0]).to.deep.equal({ src: 'a.jpg', type: 'image', width: 300, height: 200 });
    expect(invalid.map((x) => x.index)).to.deep.equal([1, 2]);
    expect(items[1]).to.deep.equal({ src: 'c.jpg', type: 'image', caption: 'C', liked: true });
  });

  it('keeps an already-normal object by identity, and copies one with a field to fix', () => {
    const ok = { src: 'a.jpg', type: 'image' as const, caption: 'A', meta: { id: 7 } };
    const fix = { src: 'b.jpg', type: 'image' as const, width: '10', height: 10 };
    const { items } = normalizeItems([ok, fix]);
    expect(items[0]).to.equal(ok);
    expect(items[1]).to.not.equal(fix);
  });

  it('turns a throwing getter or a revoked Proxy into an invalid entry, never a throw', () => {
    const bad = { get src(): string { throw new Error('boom'); } };
    const { proxy, revoke } = Proxy.revocable({ src: 'x.jpg' }, {});
    revoke();
    const { items, invalid } = normalizeItems([bad, proxy, 'ok.jpg']);
    expect(items.map((x) => x.src)).to.deep.equal(['ok.jpg']);
    expect(invalid.map((x) => x.index)).to.deep.equal([0, 1]);
  });

  it('the store keys items by id, else src, and finds a key nearest a position', () => {
    const s = new GalleryStore();
    s.set(['a.jpg', { src: 'b.jpg', id: 'B' }, 'a.jpg', 'c.jpg']);
    expect(keyOf(s.items[1])).to.equal('id:B');
    expect(s.indexOfKey('src:a.jpg', 3)).to.equal(2);
    expect(s.indexOfKey('src:a.jpg', 0)).to.equal(0);
    expect(s.indexOfKey('src:zzz.jpg', 0)).to.equal(-1);
    s.learnRatio(3, 300, 200);
    s.replace(3, { ...s.items[3], liked: true });
    expect(s.ratioAt(3)).to.equal(1.5);
  });

  it('a Proxy whose length is no array length yields no items and no throw', () => {
    for (const length of [-1, 1.5, 'abc', NaN, 0]) {
      const list = new Proxy(['a.jpg'], { get: (t, k) => (k === 'length' ? length : Reflect.get(t, k)) });
      expect(() => normalizeItems(list)).not.to.throw();
      expect(normalizeItems(list).items.length, String(length)).to.be.at.most(1);
    }
    expect(normalizeItems(new Proxy(['a.jpg', 5, 'b.jpg'], {})).items.map((x) => x.src)).to.deep.equal(['a.jpg', 'b.jpg']);
  });

  it('the store finds a key in a new array without building keys: by id whatever the src, by src only without id', () => {
    const s = new GalleryStore();
    s.set([{ src: 'a.jpg', id: 'A' }, 'b.jpg', { src: 'c.jpg', id: 'C' }]);
    const selected = s.keyAt(2)!, focused = s.keyAt(1)!;
    expect([selected, focused]).to.deep.equal(['id:C', 'src:b.jpg']);
    // A new array of new objects: the item with id C has another src and moved to index 4.
    s.set(['x.jpg', { src: 'b.jpg', id: 'B' }, 'y.jpg', 'b.jpg', { src: 'moved.jpg', id: 'C' }, { src: 'p/id:C' }]);
    expect(s.indexOfKey(selected, 2)).to.equal(4);
    // An item with an id is not found by its src; the plain 'b.jpg' is.
    expect(s.indexOfKey(focused, 1)).to.equal(3);
    // A src holding an id key's text is a src.
    expect(s.indexOfKey('src:p/id:C', 0)).to.equal(5);
    expect(s.indexOfKey('id:nope', 3)).to.equal(-1);
    expect(s.indexOfKey('neither', 0)).to.equal(-1);
    expect(s.indexOfKey(null, 0)).to.equal(-1);
    expect(new GalleryStore().indexOfKey('src:a.jpg', 0)).to.equal(-1);
  });

  it('the store finds the copy nearest a position when several items share a key, across 100,000 items', () => {
    const s = new GalleryStore();
    const list = Array.from({ length: 100_000 }, (_, i) => ({ src: `p/${i}.jpg`, width: 4, height: 3, type: 'image' as const }));
    list[10] = list[99_990] = { src: 'p/same.jpg', width: 4, height: 3, type: 'image' };
    list[70_000] = { src: 'p/other.jpg', width: 4, height: 3, type: 'image', id: 'far' } as (typeof list)[number];
    s.set(list);
    expect(s.indexOfKey('src:p/same.jpg', 0)).to.equal(10);
    expect(s.indexOfKey('src:p/same.jpg', 90_000)).to.equal(99_990);
    expect(s.indexOfKey('id:far', 0)).to.equal(70_000);
    expect(s.indexOfKey('src:p/missing.jpg', 50_000)).to.equal(-1);
  });

  it('itemsFromChildren reads img, video, a>img and gallery-thumb children', () => {
    const host = document.createElement('div');
    host.innerHTML = `<img src="a.jpg" alt="A" width="40" height="30"><video src="v.mp4" poster="p.jpg" title="V"></video>
      <a href="big.jpg" download="big.jpg"><img src="small.jpg" alt="B"></a><gallery-thumb src="c.jpg" caption="C"></gallery-thumb><p>ignored</p>`;
    const items = normalizeItems(itemsFromChildren(host)).items;
    expect(items).to.have.length(4);
    expect(items[0]).to.include({ src: 'a.jpg', alt: 'A', caption: 'A', width: 40, height: 30 });
    expect(items[1]).to.include({ src: 'v.mp4', type: 'video', poster: 'p.jpg', caption: 'V' });
    expect(items[2]).to.include({ src: 'big.jpg', thumb: 'small.jpg', download: 'big.jpg' });
    expect(items[3]).to.include({ src: 'c.jpg', caption: 'C' });
  });
});
