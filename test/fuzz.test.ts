// Property-based fuzzing (fast-check) of item normalisation and of the element: thousands of
// generated inputs, hostile ones included. Bounded to well under a minute per browser.
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../elements/media-gallery.js';
import type { MediaGallery } from '../src/media-gallery.js';
import { normalizeItems } from '../src/model/items.js';
import { allowedSrcset, allowedUrl } from '../src/model/urls.js';
import { MAX_ITEM_ERRORS } from '../src/events/gallery-events.js';
import { recordCapture, settle, tiles } from './helpers.js';

const url = fc.oneof(
  fc.constantFrom('/examples/photos/Aqua.jpg', 'a.jpg', '//h/b.png', 'data:image/png;base64,iVBORw0KGgo=', 'blob:http://x/1', 'https://example.com/v.mp4', ''),
  fc.constantFrom('javascript:alert(1)', 'java\tscript:x', ' JAVASCRIPT:x', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd', 'data:x");background:url(/e)'),
  fc.webUrl(),
  // Any text, less '%' (a stray escape only makes the test server log a decode error).
  fc.string().map((s) => s.replace(/%/g, '')),
);
const any = fc.anything({ maxDepth: 2, withBoxedValues: true, withNullPrototype: true, withObjectString: true });
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: any });
const itemLike = fc.record(
  {
    src: field(url), type: field(fc.constantFrom('image', 'video')), thumb: field(url), poster: field(url),
    srcset: field(fc.array(url, { maxLength: 3 }).map((us) => us.map((u, i) => `${u} ${(i + 1) * 320}w`).join(', '))),
    width: field(fc.oneof(fc.nat(5000), fc.nat(5000).map(String), fc.double())), height: field(fc.oneof(fc.nat(5000), fc.double())),
    placeholder: field(fc.oneof(url, fc.base64String({ minLength: 4, maxLength: 40 }))), caption: field(fc.string()), alt: field(fc.string()),
    liked: field(fc.constantFrom(true, false, null)), favorite: field(fc.boolean()), id: field(fc.string()),
    tracks: field(fc.array(fc.record({ src: url, srclang: fc.string() }), { maxLength: 2 })), meta: any,
    image: any, video: any,
  },
  { requiredKeys: [] },
);
const input = fc.oneof({ weight: 4, arbitrary: itemLike }, { weight: 2, arbitrary: url }, { weight: 1, arbitrary: fc.tuple(url, fc.string(), fc.constantFrom(true, false, null)) }, { weight: 1, arbitrary: any });

describe('fuzz: normalisation', () => {
  it('never throws; every item keeps its type contract and passes the URL policy; every input is accounted for', () => {
    let inputs = 0, valid = 0;
    fc.assert(
      fc.property(fc.array(input, { maxLength: 30 }), (list) => {
        const { items, invalid } = normalizeItems(list);
        inputs += list.length;
        valid += items.length;
        expect(items.length + invalid.length).to.equal(list.length);
        for (const it of items) {
          expect(it.src).to.be.a('string').and.not.equal('');
          expect(allowedUrl(it.src, 'media')).to.equal(true);
          expect(['image', 'video']).to.include(it.type);
          for (const k of ['thumb', 'poster', 'caption', 'alt', 'id', 'placeholder', 'srcset', 'sizes', 'download'] as const) {
            if (k in it) expect(it[k], k).to.be.a('string');
          }
          if (it.thumb) expect(allowedUrl(it.thumb)).to.equal(true);
          if (it.srcset) expect(allowedSrcset(it.srcset)).to.equal(true);
          if ('width' in it) expect(Number.isFinite(it.width) && it.width! > 0 && Number.isFinite(it.height) && it.height! > 0).to.equal(true);
          if ('liked' in it) expect([true, false, null]).to.include(it.liked);
          if ('favorite' in it) expect(it.favorite).to.be.a('boolean');
        }
        for (const x of invalid) expect(x.reason).to.be.a('string');
      }),
      { numRuns: 3000 },
    );
    // Shown in the test log: how much was generated.
    console.log(`fuzz normalisation: 3000 lists, ${inputs} inputs, ${valid} valid, ${inputs - valid} invalid`);
  });
});

describe('fuzz: the element', () => {
  it('renders every generated list: no throw, valid items shown, one item-error per invalid input (capped)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:600px"><media-gallery height="400" columns="4"></media-gallery></div>`);
    const el = wrap.firstElementChild as MediaGallery;
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(String(e.message));
    window.addEventListener('error', onError);
    let lists = 0, shown = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(input, { maxLength: 40 }), async (list) => {
          const seen = recordCapture(['item-error']);
          try {
            const expected = normalizeItems(list);
            el.items = list;
            await settle(el);
            await Promise.resolve();
            lists++;
            expect(el.items).to.have.length(expected.items.length);
            const count = tiles(el).length;
            shown += count;
            expect(count).to.equal(Math.min(expected.items.length, count));
            if (expected.items.length) expect(count).to.be.greaterThan(0);
            const invalid = seen.filter((x) => x.detail.item === null);
            expect(invalid.length).to.equal(Math.min(expected.invalid.length, MAX_ITEM_ERRORS) + (expected.invalid.length > MAX_ITEM_ERRORS ? 1 : 0));
          } finally {
            seen.stop();
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    console.log(`fuzz element: ${lists} lists set, ${shown} tiles rendered in all`);
  });
});
