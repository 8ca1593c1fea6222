/**
 * prepare() on real fixture photos and on files derived from them with sharp:
 * sizes, orientation, colour space, formats, placeholders, captions, incremental runs,
 * bad files, names, ordering, output location.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { thumbHashToApproximateAspectRatio, thumbHashToRGBA } from 'thumbhash';
import { prepare, PrepareError, type ManifestItem, type PrepareOptions } from '../../src/pipeline/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const photos = path.resolve(repo, '../shared/fixtures/photos');

let tmp: string;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'mg-pipeline-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let n = 0;
/** A fresh pair of input/output folders. */
async function dirs(): Promise<{ input: string; out: string }> {
  const base = path.join(tmp, String(++n));
  const input = path.join(base, 'in');
  await mkdir(input, { recursive: true });
  return { input, out: path.join(base, 'out') };
}

/** A fixture photo shrunk so tests stay fast (still a real photograph). */
async function photo(name: string, dest: string, width = 900): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true });
  const img = sharp(path.join(photos, name)).resize({ width });
  await (dest.endsWith('.png') ? img.png() : img.jpeg({ quality: 85 })).toFile(dest);
}

const fast: Partial<PrepareOptions> = { widths: [160, 320], maxEdge: 600, concurrency: 2 };

function run(input: string, out: string, extra: Partial<PrepareOptions> = {}) {
  return prepare({ input, out, ...fast, ...extra });
}

/** Output path of a manifest URL (relative to gallery.json, percent-encoded). */
function fileOf(out: string, url: string | undefined): string {
  assert.ok(url, 'URL present');
  return path.join(out, ...url.split('/').map(decodeURIComponent));
}

function parseSrcset(srcset: string): Array<{ url: string; w: number }> {
  return srcset.split(', ').map((c) => {
    const m = /^(\S+) (\d+)w$/.exec(c);
    assert.ok(m, `srcset candidate "${c}"`);
    return { url: m[1]!, w: Number(m[2]) };
  });
}

async function sha(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

describe('prepare: images', () => {
  test('writes web copies and thumbnails at the requested widths, with intrinsic sizes and a manifest', async () => {
    const { input, out } = await dirs();
    await photo('Aqua.jpg', path.join(input, 'Aqua.jpg'));
    await photo('Arc-Colors-Transparent-Wallpaper.png', path.join(input, 'Arc.png'));
    const before = { a: await sha(path.join(input, 'Aqua.jpg')), b: await sha(path.join(input, 'Arc.png')) };

    const r = await run(input, out);
    assert.equal(r.processed, 2);
    assert.equal(r.cached, 0);
    assert.deepEqual(r.errors, []);
    const manifest = JSON.parse(await readFile(path.join(out, 'gallery.json'), 'utf8'));
    assert.equal(manifest.version, 1);
    assert.match(manifest.generator, /^media-gallery \d+\.\d+\.\d+/);
    assert.deepEqual(manifest, r.manifest);
    assert.deepEqual(manifest.items.map((i: ManifestItem) => i.download), ['Aqua.jpg', 'Arc.png']);

    for (const item of manifest.items as ManifestItem[]) {
      assert.equal(item.type, 'image');
      const full = await sharp(fileOf(out, item.src)).metadata();
      assert.equal(full.format, 'webp');
      assert.equal(Math.max(full.width!, full.height!), 600, 'long edge capped at maxEdge');
      assert.equal(item.width, full.width);
      assert.equal(item.height, full.height);
      const candidates = parseSrcset(item.srcset!);
      assert.deepEqual(candidates.map((c) => c.w), [160, 320, 600]);
      for (const c of candidates) {
        const m = await sharp(fileOf(out, c.url)).metadata();
        assert.equal(m.width, c.w, `${c.url} is ${c.w} px wide`);
        assert.equal(m.format, 'webp');
        assert.ok(Math.abs(m.width! / m.height! - item.width! / item.height!) < 0.02, 'aspect ratio kept');
      }
      assert.equal(item.thumb, candidates[1]!.url, 'thumb is the middle width');
      assert.equal(item.sizes, '(min-width: 768px) 33vw, 50vw');
      assert.match(item.id, /^[\w-]{16}$/);
    }
    // The transparent PNG keeps its alpha channel in WebP.
    assert.equal((await sharp(fileOf(out, manifest.items[1].src)).metadata()).hasAlpha, true);
    // Originals untouched.
    assert.equal(await sha(path.join(input, 'Aqua.jpg')), before.a);
    assert.equal(await sha(path.join(input, 'Arc.png')), before.b);
  });

  test('reads WebP, AVIF, TIFF, GIF and PNG inputs as well as JPEG', async () => {
    const { input, out } = await dirs();
    const src = sharp(path.join(photos, 'FreshFlower.jpg')).resize({ width: 240 });
    await src.clone().webp().toFile(path.join(input, 'a.webp'));
    await src.clone().avif().toFile(path.join(input, 'b.avif'));
    await src.clone().tiff().toFile(path.join(input, 'c.tiff'));
    await src.clone().gif().toFile(path.join(input, 'd.gif'));
    await src.clone().png().toFile(path.join(input, 'e.png'));
    const r = await run(input, out, { widths: [120] });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.manifest.items.map((i) => [i.download, i.width]), [['a.webp', 240], ['b.avif', 240], ['c.tiff', 240], ['d.gif', 240], ['e.png', 240]]);
    for (const item of r.manifest.items) assert.equal((await sharp(fileOf(out, item.thumb)).metadata()).width, 120);
  });

  test('never upscales: a small image gets only the smaller widths and its own size', async () => {
    const { input, out } = await dirs();
    await photo('Storm.jpg', path.join(input, 'small.jpg'), 250);
    const r = await run(input, out, { widths: [160, 320, 640], maxEdge: 2560 });
    const item = r.manifest.items[0]!;
    assert.equal(item.width, 250);
    assert.deepEqual(parseSrcset(item.srcset!).map((c) => c.w), [160, 250]);
    assert.equal((await sharp(fileOf(out, item.src)).metadata()).width, 250);
    assert.equal(existsSync(fileOf(out, item.src.replace(/\.webp$/, '.320w.webp'))), false);
  });

  test('applies EXIF orientation and records the rotated size', async () => {
    const { input, out } = await dirs();
    // Left half red, right half blue, stored 300x200 with orientation 6 (display rotated 90° clockwise).
    const red = await sharp({ create: { width: 150, height: 200, channels: 3, background: '#ff0000' } }).png().toBuffer();
    const blue = await sharp({ create: { width: 150, height: 200, channels: 3, background: '#0000ff' } }).png().toBuffer();
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#000' } })
      .composite([{ input: red, left: 0, top: 0 }, { input: blue, left: 150, top: 0 }])
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 95 })
      .toFile(path.join(input, 'rotated.jpg'));
    assert.equal((await sharp(path.join(input, 'rotated.jpg')).metadata()).orientation, 6);

    const r = await run(input, out, { format: 'png' });
    const item = r.manifest.items[0]!;
    assert.equal(item.width, 200);
    assert.equal(item.height, 300);
    assert.deepEqual([item.meta.originalWidth, item.meta.originalHeight], [200, 300]);
    const full = sharp(fileOf(out, item.src));
    const m = await full.metadata();
    assert.deepEqual([m.width, m.height], [200, 300]);
    assert.ok(m.orientation === undefined || m.orientation === 1);
    const { data } = await full.raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * 200 + x) * m.channels!, (y * 200 + x) * m.channels! + 3)];
    assert.ok(px(100, 20)[0]! > 200 && px(100, 20)[2]! < 60, 'top is red after rotation');
    assert.ok(px(100, 280)[2]! > 200 && px(100, 280)[0]! < 60, 'bottom is blue after rotation');
  });

  test('converts CMYK and 16-bit inputs to 8-bit sRGB', async () => {
    const { input, out } = await dirs();
    await sharp(path.join(photos, 'GreenMeadow.jpg')).resize({ width: 400 }).toColourspace('cmyk').jpeg().toFile(path.join(input, 'cmyk.jpg'));
    await sharp(path.join(photos, 'Gulp.png')).resize({ width: 400 }).toColourspace('rgb16').png().toFile(path.join(input, 'deep.png'));
    assert.equal((await sharp(path.join(input, 'cmyk.jpg')).metadata()).space, 'cmyk');
    assert.equal((await sharp(path.join(input, 'deep.png')).metadata()).depth, 'ushort');

    const r = await run(input, out, { format: 'png' });
    assert.equal(r.processed, 2);
    for (const item of r.manifest.items) {
      for (const c of parseSrcset(item.srcset!)) {
        const m = await sharp(fileOf(out, c.url)).metadata();
        assert.equal(m.space, 'srgb', `${item.download} ${c.w}w`);
        assert.equal(m.depth, 'uchar');
        assert.ok(m.channels === 3 || m.channels === 4);
      }
    }
    // The CMYK meadow is still green after conversion.
    const cmykItem = r.manifest.items.find((i) => i.download === 'cmyk.jpg')!;
    const { channels } = await sharp(fileOf(out, cmykItem.src)).stats();
    assert.ok(channels[1]!.mean > channels[2]!.mean, 'green dominates blue');
  });

  test('portrait crops keep their orientation and width-based thumbnails', async () => {
    const { input, out } = await dirs();
    await sharp(path.join(photos, 'LadyBird.jpg')).extract({ left: 400, top: 0, width: 600, height: 900 }).jpeg().toFile(path.join(input, 'portrait.jpg'));
    const r = await run(input, out);
    const item = r.manifest.items[0]!;
    assert.deepEqual([item.width, item.height], [400, 600]);
    const thumb = await sharp(fileOf(out, item.thumb)).metadata();
    assert.deepEqual([thumb.width, thumb.height], [320, 480]);
  });

  test('writes avif, jpeg and png when asked; jpeg flattens transparency onto white', async () => {
    for (const format of ['avif', 'jpeg', 'png'] as const) {
      const { input, out } = await dirs();
      await photo('Arc-Colors-Transparent-Wallpaper.png', path.join(input, 'arc.png'), 300);
      const r = await run(input, out, { format, widths: [100] });
      const item = r.manifest.items[0]!;
      const ext = { avif: 'avif', jpeg: 'jpg', png: 'png' }[format];
      assert.ok(item.src.endsWith(`.${ext}`), item.src);
      const m = await sharp(fileOf(out, item.src)).metadata();
      assert.equal(m.format, format === 'avif' ? 'heif' : format);
      if (format === 'jpeg') {
        assert.equal(m.hasAlpha, false);
        const { data } = await sharp(fileOf(out, item.src)).raw().toBuffer({ resolveWithObject: true });
        assert.ok(data[0]! > 240 && data[1]! > 240 && data[2]! > 240, 'transparent corner is white');
      }
    }
  });
});

describe('prepare: placeholders', () => {
  test('thumbhash (default) is base64 that decodes to the image aspect ratio', async () => {
    const { input, out } = await dirs();
    await photo('Elephants.jpg', path.join(input, 'e.jpg'), 400);
    const r = await run(input, out);
    const item = r.manifest.items[0]!;
    assert.ok(item.placeholder && !item.placeholder.startsWith('data:'));
    const hash = Buffer.from(item.placeholder, 'base64');
    assert.equal(hash.toString('base64'), item.placeholder, 'valid base64');
    const decoded = thumbHashToRGBA(hash);
    assert.ok(decoded.w > 0 && decoded.h > 0);
    assert.ok(Math.abs(thumbHashToApproximateAspectRatio(hash) - item.width! / item.height!) < 0.2);
  });

  test('lqip is a tiny WebP data URL; none leaves it out', async () => {
    const { input, out } = await dirs();
    await photo('Elephants.jpg', path.join(input, 'e.jpg'), 400);
    const lqip = (await run(input, out, { placeholder: 'lqip' })).manifest.items[0]!;
    assert.match(lqip.placeholder!, /^data:image\/webp;base64,/);
    const img = await sharp(Buffer.from(lqip.placeholder!.split(',')[1]!, 'base64')).metadata();
    assert.equal(img.format, 'webp');
    assert.equal(Math.max(img.width!, img.height!), 20);
    assert.ok(lqip.placeholder!.length < 1000);
    const none = (await run(input, out, { placeholder: 'none' })).manifest.items[0]!;
    assert.equal(none.placeholder, undefined);
  });
});

describe('prepare: captions and alt text', () => {
  test('sidecars, then EXIF/XMP, else nothing; text is stored verbatim, never as HTML', async () => {
    const { input, out } = await dirs();
    const base = await sharp(path.join(photos, 'Dune.jpg')).resize({ width: 300 }).jpeg().toBuffer();
    await writeFile(path.join(input, 'a-txt.jpg'), base);
    await writeFile(path.join(input, 'a-txt.jpg.txt'), '  Dunes at <b>dusk</b> & "wind"\n');
    await writeFile(path.join(input, 'b-json.jpg'), base);
    await writeFile(path.join(input, 'b-json.json'), JSON.stringify({ caption: 'From JSON', alt: 'Sand ridges', other: 1 }));
    await writeFile(path.join(input, 'c-jpgjson.jpg'), base);
    await writeFile(path.join(input, 'c-jpgjson.jpg.json'), JSON.stringify({ alt: 'Only alt' }));
    await sharp(base).withExif({ IFD0: { ImageDescription: 'EXIF description' } }).jpeg().toFile(path.join(input, 'd-exif.jpg'));
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">' +
      '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">XMP title</rdf:li></rdf:Alt></dc:title>' +
      '<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">XMP alt</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>' +
      '</rdf:Description></rdf:RDF></x:xmpmeta>';
    await sharp(base).withXmp(xmp).jpeg().toFile(path.join(input, 'e-xmp.jpg'));
    await sharp(base).withExif({ IFD0: { ImageDescription: 'EXIF loses' } }).jpeg().toFile(path.join(input, 'f-both.jpg'));
    await writeFile(path.join(input, 'f-both.jpg.txt'), 'Sidecar wins');
    await sharp(base).withExif({ IFD0: { ImageDescription: 'OLYMPUS DIGITAL CAMERA' } }).jpeg().toFile(path.join(input, 'g-none.jpg'));
    // The real Wood.jpg carries the EXIF description "KONICA MINOLTA DIGITAL CAMERA".
    await copyFile(path.join(photos, 'Wood.jpg'), path.join(input, 'g-konica.jpg'));
    await writeFile(path.join(input, 'h-bad.jpg'), base);
    await writeFile(path.join(input, 'h-bad.jpg.json'), '{not json');

    const r = await run(input, out);
    const by = Object.fromEntries(r.manifest.items.map((i) => [i.download, i]));
    assert.equal(by['a-txt.jpg']!.caption, 'Dunes at <b>dusk</b> & "wind"');
    assert.deepEqual([by['b-json.jpg']!.caption, by['b-json.jpg']!.alt], ['From JSON', 'Sand ridges']);
    assert.deepEqual([by['c-jpgjson.jpg']!.caption, by['c-jpgjson.jpg']!.alt], [undefined, 'Only alt']);
    assert.equal(by['d-exif.jpg']!.caption, 'EXIF description');
    assert.deepEqual([by['e-xmp.jpg']!.caption, by['e-xmp.jpg']!.alt], ['XMP title', 'XMP alt']);
    assert.equal(by['f-both.jpg']!.caption, 'Sidecar wins');
    assert.equal('caption' in by['g-none.jpg']!, false, 'camera default descriptions are not captions');
    assert.equal('caption' in by['g-konica.jpg']!, false, 'vendor boilerplate is not a caption');
    assert.equal(by['h-bad.jpg']!.caption, undefined);
    assert.ok(r.warnings.some((w) => w.path === 'h-bad.jpg' && /h-bad\.jpg\.json/.test(w.reason)));
    // Sidecars are not reported as unsupported files.
    assert.deepEqual(r.skipped, []);
    // The manifest is data: the caption's markup survives as literal text in the JSON.
    const raw = await readFile(path.join(out, 'gallery.json'), 'utf8');
    assert.ok(raw.includes('"caption": "Dunes at <b>dusk</b> & \\"wind\\""'));
  });
});

describe('prepare: incremental runs', () => {
  test('unchanged inputs do no image work; changed, removed and re-captioned files update the manifest', async () => {
    const { input, out } = await dirs();
    await photo('Aqua.jpg', path.join(input, 'one.jpg'), 500);
    await photo('Storm.jpg', path.join(input, 'two.jpg'), 500);
    await photo('Wood.jpg', path.join(input, 'three.jpg'), 500);

    const first = await run(input, out);
    assert.deepEqual([first.processed, first.cached], [3, 0]);
    const srcOf = (r: typeof first, name: string) => r.manifest.items.find((i) => i.download === name)!;
    const twoFiles = parseSrcset(srcOf(first, 'two.jpg').srcset!).map((c) => fileOf(out, c.url));
    const mtimes = await Promise.all(twoFiles.map(async (f) => (await stat(f)).mtimeMs));

    const second = await run(input, out);
    assert.deepEqual([second.processed, second.cached], [0, 3]);
    assert.deepEqual(second.manifest, first.manifest);
    assert.deepEqual(await Promise.all(twoFiles.map(async (f) => (await stat(f)).mtimeMs)), mtimes, 'outputs not rewritten');

    // Change one file (new content, portrait), remove another, caption a third.
    await sharp(path.join(photos, 'Garden.jpg')).resize(300, 450).jpeg().toFile(path.join(input, 'one.jpg'));
    const future = new Date(Date.now() + 5000);
    await utimes(path.join(input, 'one.jpg'), future, future);
    const threeOutputs = parseSrcset(srcOf(first, 'three.jpg').srcset!).map((c) => fileOf(out, c.url));
    await rm(path.join(input, 'three.jpg'));
    await writeFile(path.join(input, 'two.jpg.txt'), 'Now captioned');

    const third = await run(input, out);
    assert.deepEqual([third.processed, third.cached], [1, 1]);
    assert.deepEqual(third.removed, ['three.jpg']);
    assert.deepEqual(third.manifest.items.map((i) => i.download), ['one.jpg', 'two.jpg']);
    assert.deepEqual([srcOf(third, 'one.jpg').width, srcOf(third, 'one.jpg').height], [300, 450]);
    assert.equal(srcOf(third, 'two.jpg').caption, 'Now captioned');
    for (const f of threeOutputs) assert.equal(existsSync(f), false, `${f} deleted`);

    // A deleted output is regenerated; --force redoes everything.
    await rm(fileOf(out, srcOf(third, 'two.jpg').thumb));
    const fourth = await run(input, out);
    assert.deepEqual([fourth.processed, fourth.cached], [1, 1]);
    assert.ok(existsSync(fileOf(out, srcOf(third, 'two.jpg').thumb)));
    const forced = await run(input, out, { force: true });
    assert.deepEqual([forced.processed, forced.cached], [2, 0]);
  });

  test('changing render options re-renders and deletes outputs that are no longer used', async () => {
    const { input, out } = await dirs();
    await photo('Aqua.jpg', path.join(input, 'a.jpg'), 500);
    const first = await run(input, out, { widths: [100, 200] });
    const old = parseSrcset(first.manifest.items[0]!.srcset!).map((c) => fileOf(out, c.url));
    const second = await run(input, out, { widths: [150], format: 'jpeg' });
    assert.equal(second.processed, 1);
    for (const f of old) assert.equal(existsSync(f), false, `${path.basename(f)} removed`);
    const files = (await readdir(path.join(out, 'media'))).sort();
    assert.deepEqual(files, ['a.jpg.150w.jpg', 'a.jpg.jpg']);
  });
});

describe('prepare: bad input', () => {
  test('corrupt, truncated, zero-byte and non-image files are reported and skipped; good files still processed', async () => {
    const { input, out } = await dirs();
    await photo('Aqua.jpg', path.join(input, 'good.jpg'), 500);
    await photo('Gulp.png', path.join(input, 'good.png'), 500);
    await writeFile(path.join(input, 'empty.jpg'), '');
    await photo('Storm.jpg', path.join(input, 'truncated.jpg'), 800);
    const size = (await stat(path.join(input, 'truncated.jpg'))).size;
    await truncate(path.join(input, 'truncated.jpg'), Math.floor(size / 2));
    const png = await readFile(path.join(input, 'good.png'));
    const corrupt = Buffer.from(png);
    corrupt.fill(0x5a, 100, corrupt.length - 20); // valid signature, garbage data
    await writeFile(path.join(input, 'corrupt.png'), corrupt);
    await writeFile(path.join(input, 'text.jpg'), 'this is not an image\n');
    await writeFile(path.join(input, 'notes.md'), '# notes');

    const r = await run(input, out);
    assert.deepEqual(r.manifest.items.map((i) => i.download), ['good.jpg', 'good.png']);
    assert.equal(r.processed, 2);
    const reasons = Object.fromEntries(r.errors.map((e) => [e.path, e.reason]));
    assert.deepEqual(Object.keys(reasons).sort(), ['corrupt.png', 'empty.jpg', 'text.jpg', 'truncated.jpg']);
    assert.match(reasons['empty.jpg']!, /empty file/);
    assert.match(reasons['text.jpg']!, /not a recognised image/);
    assert.match(reasons['truncated.jpg']!, /truncated|premature|corrupt/i);
    assert.match(reasons['corrupt.png']!, /corrupt|truncated|undecodable/i);
    assert.deepEqual(r.skipped, [{ path: 'notes.md', reason: 'unsupported file type' }]);
    // No outputs for bad files.
    const outputs = await readdir(path.join(out, 'media'));
    assert.ok(outputs.every((f) => f.startsWith('good.')), outputs.join(', '));

    // Warm run reports the same errors without decoding again.
    const again = await run(input, out);
    assert.deepEqual(again.errors, r.errors);
    assert.deepEqual([again.processed, again.cached], [0, 2]);
  });

  test('refuses an output folder inside the input unless allowed, and never walks it', async () => {
    const { input } = await dirs();
    await photo('Aqua.jpg', path.join(input, 'a.jpg'), 300);
    const inside = path.join(input, 'web');
    await assert.rejects(run(input, inside), (err: unknown) => err instanceof PrepareError && err.code === 'EINSIDE');
    await assert.rejects(run(input, input), (err: unknown) => err instanceof PrepareError && err.code === 'EINSIDE');
    assert.equal(existsSync(inside), false);

    const r1 = await run(input, inside, { allowInside: true, recursive: true });
    const r2 = await run(input, inside, { allowInside: true, recursive: true });
    assert.deepEqual(r1.manifest.items.map((i) => i.download), ['a.jpg']);
    assert.deepEqual([r2.manifest.items.length, r2.cached, r2.skipped.length], [1, 1, 0], 'outputs are not inputs');

    await assert.rejects(run(path.join(input, 'missing'), path.join(tmp, 'x')), (err: unknown) => err instanceof PrepareError && err.code === 'ENOINPUT');
  });
});

describe('prepare: names, folders and order', () => {
  test('unicode, spaces and HTML/URL characters in names give working, encoded URLs', async () => {
    const { input, out } = await dirs();
    const names = ['café ünïcødé 日本.jpg', 'a b#c?d<e>&"f\'(1).jpg', '100%.jpg', 'comma, here.jpg'];
    for (const name of names) await photo('YellowFlower.jpg', path.join(input, name), 400);
    const r = await run(input, out);
    assert.deepEqual(r.errors, []);
    assert.equal(r.manifest.items.length, names.length);
    for (const item of r.manifest.items) {
      assert.ok(names.includes(item.download));
      for (const url of [item.src, item.thumb!, ...parseSrcset(item.srcset!).map((c) => c.url)]) {
        assert.doesNotMatch(url, /[ #?<>&"',()]|%(?![0-9A-F]{2})/, `${url} is encoded`);
        assert.doesNotMatch(url, /[ #?<>"]/);
        assert.ok(existsSync(fileOf(out, url)), `${url} exists`);
        assert.equal(new URL(url, 'http://x/gallery.json').pathname.split('/').map(decodeURIComponent).pop(), path.basename(fileOf(out, url)));
      }
    }
  });

  test('recursive walks sub-folders, natural sort by path, date sort by EXIF date then mtime', async () => {
    const { input, out } = await dirs();
    for (const name of ['img10.jpg', 'img2.jpg', 'Img1.jpg', 'sub/img3.jpg', '.hidden/x.jpg']) {
      await photo('Blinds.jpg', path.join(input, name), 200);
    }
    const flat = await run(input, out);
    assert.deepEqual(flat.manifest.items.map((i) => i.meta.path), ['Img1.jpg', 'img2.jpg', 'img10.jpg']);
    const deep = await run(input, out, { recursive: true });
    assert.deepEqual(deep.manifest.items.map((i) => i.meta.path), ['Img1.jpg', 'img2.jpg', 'img10.jpg', 'sub/img3.jpg']);
    const sub = deep.manifest.items[3]!;
    assert.ok(sub.src.startsWith('media/sub/'));
    assert.ok(existsSync(fileOf(out, sub.src)));

    // Dates: img10 has EXIF DateTimeOriginal in 2001; the others use their mtimes.
    await sharp(await sharp(path.join(photos, 'Blinds.jpg')).resize(200).jpeg().toBuffer())
      .withExif({ IFD2: { DateTimeOriginal: '2001:02:03 04:05:06' } })
      .jpeg()
      .toFile(path.join(input, 'img10.jpg'));
    const t = (s: string) => new Date(s);
    await utimes(path.join(input, 'img10.jpg'), t('2030-01-01'), t('2030-01-01'));
    await utimes(path.join(input, 'Img1.jpg'), t('2020-01-01'), t('2020-01-01'));
    await utimes(path.join(input, 'img2.jpg'), t('2010-01-01'), t('2010-01-01'));
    await utimes(path.join(input, 'sub/img3.jpg'), t('2015-01-01'), t('2015-01-01'));
    const byDate = await run(input, out, { recursive: true, sort: 'date' });
    assert.deepEqual(byDate.manifest.items.map((i) => i.meta.path), ['img10.jpg', 'img2.jpg', 'sub/img3.jpg', 'Img1.jpg']);
    assert.equal(byDate.manifest.items[0]!.meta.date, new Date('2001-02-03T04:05:06').toISOString());
  });

  test('ids are stable across runs and folders', async () => {
    const a = await dirs();
    const b = await dirs();
    await photo('Wood.jpg', path.join(a.input, 'w.jpg'), 200);
    await photo('Wood.jpg', path.join(b.input, 'w.jpg'), 200);
    const ra = await run(a.input, a.out);
    const rb = await run(b.input, b.out, { placeholder: 'none' });
    assert.equal(ra.manifest.items[0]!.id, rb.manifest.items[0]!.id);
  });
});

describe('prepare: SVG and animated images', () => {
  test('SVG is copied unchanged and sized from its viewBox', async () => {
    const { input, out } = await dirs();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150" width="100%"><rect width="300" height="150" fill="#3a6"/></svg>';
    await writeFile(path.join(input, 'logo.svg'), svg);
    await writeFile(path.join(input, 'broken.svg'), 'hello');
    const r = await run(input, out);
    const item = r.manifest.items[0]!;
    assert.deepEqual([item.width, item.height, item.src, item.thumb], [300, 150, 'media/logo.svg', 'media/logo.svg']);
    assert.equal(await readFile(fileOf(out, item.src), 'utf8'), svg);
    assert.ok(item.placeholder);
    assert.equal(item.srcset, undefined);
    assert.deepEqual(r.errors.map((e) => e.path), ['broken.svg']);
  });

  test('animated GIF: animated WebP web copy, still first-frame thumbnails; original kept for other formats', async () => {
    const { input, out } = await dirs();
    const frame = (name: string) => sharp(path.join(photos, name)).resize(320, 200, { fit: 'fill' }).raw().toBuffer();
    const frames = Buffer.concat([await frame('Aqua.jpg'), await frame('Storm.jpg'), await frame('Dune.jpg')]);
    await sharp(frames, { raw: { width: 320, height: 600, channels: 3, pageHeight: 200 } } as never)
      .gif({ delay: [200, 200, 200], loop: 0 })
      .toFile(path.join(input, 'anim.gif'));
    assert.equal((await sharp(path.join(input, 'anim.gif')).metadata()).pages, 3);

    const r = await run(input, out, { widths: [160] });
    const item = r.manifest.items[0]!;
    assert.equal(item.meta.animated, true);
    assert.deepEqual([item.width, item.height], [320, 200]);
    const full = await sharp(fileOf(out, item.src)).metadata();
    assert.deepEqual([full.format, full.pages], ['webp', 3]);
    const thumb = await sharp(fileOf(out, item.thumb)).metadata();
    assert.equal(thumb.pages ?? 1, 1);
    assert.equal(thumb.width, 160);

    const { out: out2 } = await dirs();
    const r2 = await run(input, out2, { widths: [160], format: 'jpeg' });
    const item2 = r2.manifest.items[0]!;
    assert.equal(item2.src, 'media/anim.gif');
    assert.equal(await sha(fileOf(out2, item2.src)), await sha(path.join(input, 'anim.gif')));
    assert.equal((await sharp(fileOf(out2, item2.thumb)).metadata()).format, 'jpeg');
  });
});
