/**
 * What `prepare` refuses to publish or open: symlinks out of the input folder, FIFOs,
 * sockets and devices, pixel bombs, "videos" that are not videos.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, symlinkSync, unlinkSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { prepare } from '../../src/pipeline/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.resolve(repo, '../shared/fixtures');
const cli = path.join(repo, 'src/pipeline/cli.ts');

let tmp: string;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'mg-safety-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let n = 0;
async function dirs(): Promise<{ base: string; input: string; out: string }> {
  const base = path.join(tmp, String(++n));
  const input = path.join(base, 'in');
  await mkdir(input, { recursive: true });
  return { base, input, out: path.join(base, 'out') };
}

async function photo(name: string, dest: string, width = 300): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true });
  await sharp(path.join(fixtures, 'photos', name)).resize({ width }).jpeg().toFile(dest);
}

/** Runs the CLI from source with `--json` and parses its one document. */
function mgJson(args: string[]): Promise<{ code: number | null; json: Record<string, any>; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args, '--json'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, json: JSON.parse(stdout), stderr }));
  });
}

/** Every file under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort();
}

const small = ['--widths', '100', '--max-edge', '200', '--no-ffmpeg'];
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\n';
const OUTSIDE = 'skipped: symbolic link to a file outside the input folder (--follow-symlinks to include it)';

describe('symlinks', () => {
  test('links out of the input folder are reported and not published; links inside are; --follow-symlinks opts in', async () => {
    const { base, input, out } = await dirs();
    const outside = path.join(base, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'passwd'), PASSWD);
    await photo('Aqua.jpg', path.join(outside, 'far.jpg'));
    await writeFile(path.join(outside, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>');

    await photo('Storm.jpg', path.join(input, 'secret.jpg'));
    await symlink(path.join(outside, 'passwd'), path.join(input, 'secret.jpg.txt')); // a caption sidecar
    await symlink(path.join(outside, 'passwd'), path.join(input, 'clip.mp4'));
    await symlink(path.join(outside, 'far.jpg'), path.join(input, 'far.jpg'));
    await symlink('../outside/logo.svg', path.join(input, 'logo.svg'));
    // Inside the folder: followed as before.
    await photo('Wood.jpg', path.join(input, 'sub/real.jpg'));
    await writeFile(path.join(input, 'sub/caption.txt'), 'Caption through an inside link');
    await symlink('sub/real.jpg', path.join(input, 'alias.jpg'));
    await symlink(path.join(input, 'sub/caption.txt'), path.join(input, 'alias.jpg.txt'));

    const r = await mgJson(['prepare', input, '--out', out, ...small]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json.warnings, [
      { path: 'clip.mp4', reason: OUTSIDE },
      { path: 'far.jpg', reason: OUTSIDE },
      { path: 'logo.svg', reason: OUTSIDE },
      { path: 'secret.jpg.txt', reason: OUTSIDE },
    ]);
    assert.deepEqual(r.json.errors, []);
    const raw = await readFile(path.join(out, 'gallery.json'), 'utf8');
    assert.doesNotMatch(raw, /root:x:0/, 'the link target is not a caption');
    const items = JSON.parse(raw).items;
    assert.deepEqual(
      items.map((i: { download: string; caption?: string }) => [i.download, i.caption]),
      [['alias.jpg', 'Caption through an inside link'], ['secret.jpg', undefined]],
    );
    assert.deepEqual(await tree(path.join(out, 'media')), ['alias.jpg.100w.webp', 'alias.jpg.webp', 'secret.jpg.100w.webp', 'secret.jpg.webp']);

    // Opting in publishes the outside image and SVG; a "video" that is not one still is not.
    const follow = await mgJson(['prepare', input, '--out', out, ...small, '--follow-symlinks']);
    assert.equal(follow.code, 0, follow.stderr);
    assert.deepEqual(follow.json.errors, [{ path: 'clip.mp4', reason: 'cannot read video: not an MP4, QuickTime or WebM file (no container signature)' }]);
    const followed = JSON.parse(await readFile(path.join(out, 'gallery.json'), 'utf8')).items;
    assert.deepEqual(followed.map((i: { download: string }) => i.download), ['alias.jpg', 'far.jpg', 'logo.svg', 'secret.jpg']);
    assert.equal(followed[3].caption, PASSWD.trim(), 'followed on request');
    assert.equal(existsSync(path.join(out, 'media/clip.mp4')), false);

    // Dropping the flag unpublishes them again.
    const again = await mgJson(['prepare', input, '--out', out, ...small]);
    assert.deepEqual(again.json.removed, ['far.jpg', 'logo.svg']);
    assert.doesNotMatch(await readFile(path.join(out, 'gallery.json'), 'utf8'), /root:x:0/);
    assert.deepEqual(await tree(path.join(out, 'media')), ['alias.jpg.100w.webp', 'alias.jpg.webp', 'secret.jpg.100w.webp', 'secret.jpg.webp']);
  });
});

describe('special files and hostile inputs', () => {
  test('a file swapped for a symlink after the walk is not read through it', async () => {
    const { base, input, out } = await dirs();
    await writeFile(path.join(base, 'passwd'), PASSWD);
    await photo('Wood.jpg', path.join(input, 'photo.jpg'));
    await copyFile(path.join(fixtures, 'video/storm-pan.mp4'), path.join(input, 'clip.mp4'));
    const swap = () => {
      for (const name of ['photo.jpg', 'clip.mp4']) {
        unlinkSync(path.join(input, name));
        symlinkSync(path.join(base, 'passwd'), path.join(input, name));
      }
    };
    // onStart runs after the walk and before any file is read.
    const r = await prepare({ input, out, ffmpeg: false, onStart: swap });
    assert.deepEqual(r.errors, [
      { path: 'clip.mp4', reason: 'could not read the file: ELOOP (too many symbolic links encountered)', transient: true },
      { path: 'photo.jpg', reason: 'could not read the file: ELOOP (too many symbolic links encountered)', transient: true },
    ]);
    assert.deepEqual(await tree(out), ['.media-gallery-cache.json', 'gallery.json']);
    // The next walk sees the links for what they are.
    const next = await prepare({ input, out, ffmpeg: false });
    assert.deepEqual(next.warnings.map((w) => [w.path, w.reason]), [['clip.mp4', OUTSIDE], ['photo.jpg', OUTSIDE]]);
  });

  test('FIFOs, sockets and devices are reported as warnings and never opened', async () => {
    const { input, out } = await dirs();
    await photo('Garden.jpg', path.join(input, 'good.jpg'));
    assert.equal(spawnSync('mkfifo', [path.join(input, 'stuck.jpg')]).status, 0, 'mkfifo');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(input, 'live.sock'), resolve));
    await symlink('/dev/null', path.join(input, 'null.jpg'));
    try {
      // Reading the FIFO would block forever: a finished run shows it was not opened.
      const r = await prepare({ input, out, widths: [100], maxEdge: 200, followSymlinks: true });
      assert.deepEqual(r.warnings, [
        { path: 'live.sock', reason: 'skipped: not a regular file (socket)' },
        { path: 'null.jpg', reason: 'skipped: not a regular file (character device)' },
        { path: 'stuck.jpg', reason: 'skipped: not a regular file (FIFO)' },
      ]);
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.manifest.items.map((i) => i.download), ['good.jpg']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a pixel bomb is reported as over the pixel limit, not as corrupt; other files are still processed', async () => {
    const { input, out } = await dirs();
    await photo('Dune.jpg', path.join(input, 'good.jpg'));
    // A 30000×30000 greyscale PNG header with a token of pixel data: cheap to write, and
    // its header alone says it is over sharp's limitInputPixels (16383×16383).
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(30000, 0);
    ihdr.writeUInt32BE(30000, 4);
    ihdr[8] = 8; // bit depth; colour type 0 (grey), no interlace
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(30001))), chunk('IEND', Buffer.alloc(0))]);
    await writeFile(path.join(input, 'bomb.png'), png);

    const r = await prepare({ input, out, widths: [100], maxEdge: 200 });
    assert.deepEqual(r.errors, [{ path: 'bomb.png', reason: 'over the pixel limit (30000×30000 = 900000000 pixels > limitInputPixels 268402689)' }]);
    assert.deepEqual(r.manifest.items.map((i) => i.download), ['good.jpg']);
    // A bad file, not a passing problem: cached, re-reported without decoding.
    const again = await prepare({ input, out, widths: [100], maxEdge: 200 });
    assert.deepEqual([again.errors, again.cached, again.processed], [r.errors, 1, 0]);
  });

  test('a ".mp4" that is not a video is an error, not a published copy, even without ffmpeg', async () => {
    const { input, out } = await dirs();
    await writeFile(path.join(input, 'clip.mp4'), PASSWD);
    await writeFile(path.join(input, 'empty.webm'), '');
    const r = await prepare({ input, out, ffmpeg: false });
    assert.deepEqual(r.errors, [
      { path: 'clip.mp4', reason: 'cannot read video: not an MP4, QuickTime or WebM file (no container signature)' },
      { path: 'empty.webm', reason: 'empty file (0 bytes)' },
    ]);
    assert.deepEqual(r.warnings, []);
    assert.equal(r.manifest.items.length, 0);
    assert.equal(existsSync(path.join(out, 'media/clip.mp4')), false);
  });
});
