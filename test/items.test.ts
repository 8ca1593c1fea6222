import { expect } from '@open-wc/testing';
import { downloadName, inferType, inheritKey, itemKey, itemsFromChildren, normalizeItem, normalizeItems, resolveItem } from '../src/items.js';

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

  it('returns an already-normal item by identity, so re-setting a list is cheap', () => {
    const a = { src: 'a.jpg', type: 'image' as const };
    const { items } = normalizeItems([a]);
    expect(items[0]).to.equal(a);
    const b = { image: { url: 'b.jpg' } };
    const first = normalizeItems([b]).items[0];
    expect(normalizeItems([b]).items[0]).to.equal(first);
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

  it('itemKey is stable per object, distinct for equal copies, and inherited by an updated copy', () => {
    const a = { src: 'a' }, b = { src: 'a' };
    expect(itemKey(a)).to.equal(itemKey(a));
    expect(itemKey(a)).to.not.equal(itemKey(b));
    const liked = { ...a, liked: true };
    inheritKey(a, liked);
    expect(itemKey(liked)).to.equal(itemKey(a));
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
