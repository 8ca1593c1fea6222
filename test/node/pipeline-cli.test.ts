/**
 * The `media-gallery` command (run as a child process, as a user would), video posters
 * with and without ffmpeg on PATH, and `serve`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { prepare, serve } from '../../src/pipeline/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.resolve(repo, '../shared/fixtures');
const cli = path.join(repo, 'src/pipeline/cli.ts');
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

let tmp: string;
let noFfmpegPath: string;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'mg-cli-'));
  // A PATH holding only node: ffmpeg cannot be found on it.
  noFfmpegPath = path.join(tmp, 'bin');
  await mkdir(noFfmpegPath);
  await symlink(process.execPath, path.join(noFfmpegPath, 'node'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let n = 0;
async function dirs(): Promise<{ input: string; out: string }> {
  const base = path.join(tmp, String(++n));
  const input = path.join(base, 'in');
  await mkdir(input, { recursive: true });
  return { input, out: path.join(base, 'out') };
}

async function photo(name: string, dest: string, width = 400): Promise<void> {
  await sharp(path.join(fixtures, 'photos', name)).resize({ width }).jpeg().toFile(dest);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source (tsx) with a non-TTY stdout/stderr. */
function mg(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const small = ['--widths', '100,200', '--max-edge', '400'];

describe('media-gallery prepare (CLI)', () => {
  test('plain progress lines off a TTY, errors on stderr, exit 0 with bad files, 1 with --strict', async () => {
    const { input, out } = await dirs();
    await photo('Aqua.jpg', path.join(input, 'good photo.jpg'));
    await writeFile(path.join(input, 'empty.jpg'), '');
    const plain = await mg(['prepare', input, '--out', out, ...small]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /^\[\d\/2\] processed good photo\.jpg$/m);
    assert.match(plain.stdout, /^\[\d\/2\] error empty\.jpg \(empty file \(0 bytes\)\)$/m);
    assert.match(plain.stdout, /1 item: 1 processed, 0 cached, 0 skipped, 1 error/);
    assert.match(plain.stderr, /^error: empty\.jpg: empty file \(0 bytes\)$/m);
    const manifest = JSON.parse(await readFile(path.join(out, 'gallery.json'), 'utf8'));
    assert.equal(manifest.items.length, 1);
    assert.equal(manifest.items[0].src, 'media/good%20photo.jpg.webp');

    const strict = await mg(['prepare', input, '--out', out, ...small, '--strict', '--json']);
    assert.equal(strict.code, 1);
    const summary = JSON.parse(strict.stdout);
    assert.equal(summary.ok, false);
    assert.deepEqual(summary.summary, { items: 1, processed: 0, cached: 1, skipped: 0, errors: 1, warnings: 0, removed: 0 });
    assert.deepEqual(summary.errors, [{ path: 'empty.jpg', reason: 'empty file (0 bytes)' }]);
  });

  test('--json prints only one JSON document; options reach the output', async () => {
    const { input, out } = await dirs();
    await photo('Storm.jpg', path.join(input, 's.jpg'), 500);
    const r = await mg(['prepare', input, '--out', out, '--json', '--format', 'jpeg', '--widths', '120,240', '--max-edge', '300', '--placeholder', 'lqip', '--concurrency', '1', '--sizes', '100vw']);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.equal(summary.ok, true);
    assert.equal(summary.summary.processed, 1);
    const item = JSON.parse(await readFile(path.join(out, 'gallery.json'), 'utf8')).items[0];
    assert.equal(item.srcset, 'media/s.jpg.120w.jpg 120w, media/s.jpg.240w.jpg 240w, media/s.jpg.jpg 300w');
    assert.equal(item.sizes, '100vw');
    assert.match(item.placeholder, /^data:image\/webp;base64,/);
    assert.equal((await sharp(path.join(out, 'media/s.jpg.jpg')).metadata()).format, 'jpeg');
  });

  test('usage errors exit 2: output inside input, bad option values, missing input', async () => {
    const { input } = await dirs();
    await photo('Aqua.jpg', path.join(input, 'a.jpg'));
    const inside = await mg(['prepare', input, '--out', path.join(input, 'web')]);
    assert.equal(inside.code, 2);
    assert.match(inside.stderr, /inside the input folder/);
    assert.equal(existsSync(path.join(input, 'web')), false);
    const allowed = await mg(['prepare', input, '--out', path.join(input, 'web'), '--allow-inside', ...small, '--json']);
    assert.equal(allowed.code, 0, allowed.stderr);
    const badFormat = await mg(['prepare', input, '--out', path.join(tmp, 'o'), '--format', 'gif']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /Allowed choices are webp, avif, jpeg, png/);
    const badWidths = await mg(['prepare', input, '--out', path.join(tmp, 'o'), '--widths', '320,abc']);
    assert.equal(badWidths.code, 2);
    const missing = await mg(['prepare', path.join(tmp, 'nope'), '--out', path.join(tmp, 'o'), '--json']);
    assert.equal(missing.code, 2);
    assert.equal(JSON.parse(missing.stdout).code, 'ENOINPUT');
  });
});

describe('videos', () => {
  test('without ffmpeg on PATH: copied, "poster skipped: ffmpeg not found"; with ffmpeg: poster frame and size', async () => {
    const { input, out } = await dirs();
    await copyFile(path.join(fixtures, 'video/ladybird-pan.webm'), path.join(input, 'lady bird.webm'));
    await copyFile(path.join(fixtures, 'video/storm-pan.mp4'), path.join(input, 'storm.mp4'));
    await writeFile(path.join(input, 'empty.mov'), '');

    const without = await mg(['prepare', input, '--out', out, '--json'], { PATH: noFfmpegPath });
    assert.equal(without.code, 0, without.stderr);
    const s1 = JSON.parse(without.stdout);
    const unverified = 'poster skipped: ffmpeg not found; video not verified (only its container signature was checked)';
    assert.deepEqual(s1.warnings, [
      { path: 'lady bird.webm', reason: unverified },
      { path: 'storm.mp4', reason: unverified },
    ]);
    assert.deepEqual(s1.errors, [{ path: 'empty.mov', reason: 'empty file (0 bytes)' }]);
    let items = JSON.parse(await readFile(path.join(out, 'gallery.json'), 'utf8')).items;
    assert.deepEqual(
      items.map((i: { type: string; src: string; poster?: string; thumb?: string; width?: number }) => [i.type, i.src, i.poster, i.thumb, i.width]),
      [
        ['video', 'media/lady%20bird.webm', undefined, undefined, undefined],
        ['video', 'media/storm.mp4', undefined, undefined, undefined],
      ],
    );
    assert.deepEqual(await readFile(path.join(out, 'media/storm.mp4')), await readFile(path.join(input, 'storm.mp4')));

    // The API reports the same when pointed at a missing binary.
    const api = await prepare({ input, out: path.join(out, '..', 'api'), ffmpeg: path.join(tmp, 'no-such-ffmpeg') });
    assert.equal(api.warnings.length, 2);
    assert.ok(api.warnings.every((w) => w.reason === unverified));

    if (!hasFfmpeg) return; // CI installs ffmpeg; the rest needs it.
    const withFf = await mg(['prepare', input, '--out', out, '--json']);
    assert.equal(withFf.code, 0, withFf.stderr);
    const s2 = JSON.parse(withFf.stdout);
    assert.equal(s2.summary.processed, 2, 'videos cached without a poster are redone once ffmpeg is there');
    assert.deepEqual(s2.warnings, []);
    items = JSON.parse(await readFile(path.join(out, 'gallery.json'), 'utf8')).items;
    const lady = items[0];
    assert.equal(lady.poster, 'media/lady%20bird.webm.poster.webp');
    assert.equal(lady.thumb, lady.poster);
    assert.deepEqual([lady.width, lady.height], [640, 400]);
    assert.ok(lady.placeholder);
    const poster = await sharp(path.join(out, 'media/lady bird.webm.poster.webp')).metadata();
    assert.deepEqual([poster.format, poster.width, poster.height], ['webp', 640, 400]);
    assert.deepEqual([items[1].width, items[1].height], [640, 426]);
  });

  test('a corrupt video is reported when ffmpeg can check it', { skip: !hasFfmpeg && 'ffmpeg not on PATH' }, async () => {
    const { input, out } = await dirs();
    const bytes = await readFile(path.join(fixtures, 'video/storm-pan.mp4'));
    await writeFile(path.join(input, 'broken.mp4'), Buffer.concat([Buffer.from('garbage'), bytes.subarray(5000, 9000)]));
    const r = await prepare({ input, out });
    assert.deepEqual(r.errors.map((e) => e.path), ['broken.mp4']);
    assert.match(r.errors[0]!.reason, /cannot read video/);
    assert.equal(r.manifest.items.length, 0);
  });
});

describe('serve', () => {
  test('serve() writes a page that loads the bundle and points <media-gallery> at gallery.json; files are served', async () => {
    const { input, out } = await dirs();
    await photo('Garden.jpg', path.join(input, '<script>alert(1)<script> & café.jpg'));
    await prepare({ input, out, widths: [100], maxEdge: 300 });
    const bundle = path.join(tmp, 'fake-bundle.js');
    await writeFile(bundle, 'customElements.define("x-fake", class extends HTMLElement {});\n');
    const handle = await serve({ dir: out, port: 0, bundle });
    try {
      assert.match(handle.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(handle.url);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<script type="module" src="media-gallery\.js"><\/script>/);
      assert.match(html, /<media-gallery src="gallery\.json" columns='\{"xs":2,"md":4\}'/);
      assert.doesNotMatch(html, /alert|café|Garden/, 'no file names in the page');
      const js = await fetch(new URL('media-gallery.js', handle.url));
      assert.equal(js.status, 200);
      assert.match(js.headers.get('content-type') ?? '', /javascript/);
      const manifest = (await (await fetch(new URL('gallery.json', handle.url))).json()) as { items: Array<{ src: string }> };
      const img = await fetch(new URL(manifest.items[0]!.src, new URL('gallery.json', handle.url)));
      assert.equal(img.status, 200);
      assert.equal(img.headers.get('content-type'), 'image/webp');
      assert.equal((await fetch(new URL('.media-gallery-cache.json', handle.url))).status, 404);
    } finally {
      await handle.close();
    }
    // A page the user wrote is never overwritten.
    await writeFile(path.join(out, 'index.html'), '<!doctype html><p>mine</p>');
    const again = await serve({ dir: out, port: 0, bundle });
    await again.close();
    assert.equal(await readFile(path.join(out, 'index.html'), 'utf8'), '<!doctype html><p>mine</p>');
  });

  test('`media-gallery serve <dir>` prints the URL and serves until stopped', async () => {
    const { input, out } = await dirs();
    await photo('Wood.jpg', path.join(input, 'w.jpg'));
    await prepare({ input, out, widths: [100], maxEdge: 300 });
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', out, '--port', '0', '--json'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (b: Buffer) => {
          buf += b;
          if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
        });
        child.on('close', (code) => reject(new Error(`serve exited ${code}`)));
      });
      const { url } = JSON.parse(line) as { url: string };
      const res = await fetch(new URL('gallery.json', url));
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { items: unknown[] }).items.length, 1);
      assert.ok(existsSync(path.join(out, 'index.html')));
    } finally {
      child.kill('SIGTERM');
    }
  });
});
