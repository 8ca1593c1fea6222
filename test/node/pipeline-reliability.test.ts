/**
 * What a user sees when runs are interrupted, killed, blocked or raced: atomic outputs,
 * the settings fingerprint and output stamps in the cache, cached vs retried errors, the
 * lock file, and libvips threads.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, link, mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { LOCK_FILE, prepare, PrepareError, type PrepareOptions } from '../../src/pipeline/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.resolve(repo, '../shared/fixtures');
const cli = path.join(repo, 'src/pipeline/cli.ts');
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

let tmp: string;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'mg-reliability-'));
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

const NAMES = ['Aqua.jpg', 'Blinds.jpg', 'Dune.jpg', 'Elephants.jpg', 'Garden.jpg', 'Storm.jpg'];
async function photos(input: string, names = NAMES, width = 700): Promise<void> {
  for (const name of names) await sharp(path.join(fixtures, 'photos', name)).resize({ width }).jpeg().toFile(path.join(input, name));
}

const fast: Partial<PrepareOptions> = { widths: [160, 320], maxEdge: 600, concurrency: 2 };
const fastArgs = ['--widths', '160,320', '--max-edge', '600'];

async function sha(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** Every file under `dir` (relative path → sha256), dot-files included. */
async function contents(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => !e.isDirectory()).map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
  return Object.fromEntries(await Promise.all(files.sort().map(async (f) => [path.relative(dir, f), await sha(f)] as const)));
}

/** Runs the CLI from source with a non-TTY stdout/stderr. */
function mg(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => (stdout += b));
  child.stderr!.on('data', (b: Buffer) => (stderr += b));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Resolves once the child has printed a line matching `re` on stdout. */
function whenPrinted(child: ChildProcess, re: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (b: Buffer) => {
      buf += b;
      if (re.test(buf)) {
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.on('close', () => reject(new Error(`exited before printing ${re}: ${buf}`)));
  });
}

const temps = (files: Record<string, string>) => Object.keys(files).filter((f) => /\.tmp-\d+-/.test(f));
const outputsOf = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([f]) => f.startsWith('media')));

describe('atomic outputs', () => {
  test('--force replaces outputs by rename: a hard link to an old output keeps its bytes; no temporary files remain', async () => {
    const { input, out } = await dirs();
    await photos(input, ['Aqua.jpg']);
    await prepare({ input, out, ...fast });
    const web = path.join(out, 'media/Aqua.jpg.webp');
    const before = await sha(web);
    const kept = path.join(out, '..', 'kept.webp');
    await link(web, kept); // e.g. a web server or backup holding the old file

    const r = await prepare({ input, out, ...fast, quality: 30, force: true });
    assert.equal(r.processed, 1);
    assert.notEqual(await sha(web), before, 'the output was re-encoded');
    assert.equal(await sha(kept), before, 'the old file was replaced, not overwritten in place');
    assert.deepEqual(temps(await contents(out)), []);
  });
});

describe('interrupted and killed runs', () => {
  test('Ctrl-C during a run with other settings: gallery.json intact, no lock or temporary files, and the next run re-renders what it changed', async () => {
    const { input, out } = await dirs();
    await photos(input);
    const reference = path.join(out, '..', 'reference');
    await prepare({ input, out: reference, ...fast });
    const first = await prepare({ input, out, ...fast });
    const manifest = await readFile(path.join(out, 'gallery.json'), 'utf8');

    const run = mg(['prepare', input, '--out', out, ...fastArgs, '-q', '40', '--force', '-c', '1']);
    await whenPrinted(run.child, /processed/);
    run.child.kill('SIGINT');
    const stopped = await run.done;
    assert.equal(stopped.signal, 'SIGINT', 'dies of the signal, like an uncaught Ctrl-C');
    assert.equal(await readFile(path.join(out, 'gallery.json'), 'utf8'), manifest, 'the last complete manifest stays');
    const after = await contents(out);
    assert.deepEqual(temps(after), []);
    assert.equal(existsSync(path.join(out, LOCK_FILE)), false);
    assert.notDeepEqual(outputsOf(after), outputsOf(await contents(reference)), 'the interrupted run did change outputs');

    const next = await prepare({ input, out, ...fast });
    assert.ok(next.processed >= 1 && next.processed + next.cached === NAMES.length, `${next.processed} processed`);
    assert.deepEqual(next.manifest, first.manifest);
    assert.deepEqual(outputsOf(await contents(out)), outputsOf(await contents(reference)), 'every output is the default-settings one');
  });

  test('a killed run (SIGKILL): the next run takes over its stale lock with a note, sweeps its temporaries, re-renders what it overwrote', async () => {
    const { input, out } = await dirs();
    await photos(input);
    const reference = path.join(out, '..', 'reference');
    await prepare({ input, out: reference, ...fast });
    await prepare({ input, out, ...fast });

    const run = mg(['prepare', input, '--out', out, ...fastArgs, '-q', '40', '--force', '-c', '1']);
    await whenPrinted(run.child, /processed/);
    const pid = run.child.pid;
    run.child.kill('SIGKILL'); // no clean-up at all: the cache still describes the old outputs
    await run.done;
    assert.ok(existsSync(path.join(out, LOCK_FILE)), 'a killed run leaves its lock');
    // What a run killed mid-write leaves behind.
    await writeFile(path.join(out, 'media', `.Storm.jpg.webp.tmp-${pid}-0123abcd`), 'partial');

    const next = mg(['prepare', input, '--out', out, ...fastArgs, '--json']);
    const r = await next.done;
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.deepEqual(summary.warnings.map((w: { path: string }) => w.path), [LOCK_FILE]);
    assert.match(summary.warnings[0].reason, new RegExp(`^took over a stale lock left by pid ${pid} \\(started .+\\), which is no longer running$`));
    assert.ok(summary.summary.processed >= 1, 'outputs overwritten by the killed run are rendered again');
    const files = await contents(out);
    assert.deepEqual(temps(files), []);
    assert.equal(existsSync(path.join(out, LOCK_FILE)), false);
    assert.deepEqual(outputsOf(files), outputsOf(await contents(reference)));
  });

  test('a truncated (partial) output is rendered again', async () => {
    const { input, out } = await dirs();
    await photos(input, ['Dune.jpg']);
    await prepare({ input, out, ...fast });
    const thumb = path.join(out, 'media/Dune.jpg.320w.webp');
    const whole = await sha(thumb);
    await truncate(thumb, Math.floor((await stat(thumb)).size / 2));
    const r = await prepare({ input, out, ...fast });
    assert.deepEqual([r.processed, r.cached], [1, 0]);
    assert.equal(await sha(thumb), whole);
  });
});

describe('errors: cached or retried', () => {
  test('an output blocked by a folder is "could not write …: EISDIR", not cached, leaves no orphans, and works once the folder is gone', async () => {
    const { input, out } = await dirs();
    await photos(input, ['Aqua.jpg', 'Wood.jpg']);
    const blocker = path.join(out, 'media/Aqua.jpg.webp');
    await mkdir(blocker, { recursive: true });
    await writeFile(path.join(blocker, 'notes.txt'), 'someone else’s folder');

    const blocked = mg(['prepare', input, '--out', out, ...fastArgs]);
    const r = await blocked.done;
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^error: Aqua\.jpg: could not write media\/Aqua\.jpg\.webp: EISDIR \(illegal operation on a directory\) \(not cached: retried next run\)$/m);
    assert.doesNotMatch(r.stderr, /corrupt|undecodable/);
    assert.deepEqual(
      Object.keys(outputsOf(await contents(out))),
      ['media/Aqua.jpg.webp/notes.txt', 'media/Wood.jpg.160w.webp', 'media/Wood.jpg.320w.webp', 'media/Wood.jpg.webp'],
      'no Aqua thumbnails or temporary files left',
    );
    assert.deepEqual(JSON.parse(await readFile(path.join(out, 'gallery.json'), 'utf8')).items.map((i: { download: string }) => i.download), ['Wood.jpg']);

    const still = await prepare({ input, out, ...fast });
    assert.deepEqual(still.errors, [{ path: 'Aqua.jpg', reason: 'could not write media/Aqua.jpg.webp: EISDIR (illegal operation on a directory)', transient: true }]);
    assert.deepEqual([still.processed, still.cached], [0, 1], 'tried again, not re-reported from the cache');

    await rm(blocker, { recursive: true });
    const fixed = await prepare({ input, out, ...fast });
    assert.deepEqual(fixed.errors, []);
    assert.deepEqual([fixed.processed, fixed.cached], [1, 1]);
    assert.deepEqual(fixed.manifest.items.map((i) => i.download), ['Aqua.jpg', 'Wood.jpg']);
  });

  test('an ffmpeg timeout is reported as such, not cached, and the video is processed on the next run', { timeout: 30_000 }, async () => {
    const { input, out } = await dirs();
    await copyFile(path.join(fixtures, 'video/ladybird-pan.webm'), path.join(input, 'clip.webm'));
    // An "ffmpeg" that answers -version and then hangs on every real job.
    const slow = path.join(tmp, 'slow-ffmpeg');
    await writeFile(slow, '#!/bin/sh\ncase "$*" in *-version*) echo "ffmpeg version 0-hang"; exit 0;; esac\nexec sleep 30\n');
    await chmod(slow, 0o755);

    const r = await prepare({ input, out, ffmpeg: slow, ffmpegTimeoutMs: 300 });
    assert.deepEqual(r.errors, [{ path: 'clip.webm', reason: 'ffmpeg timed out after 0.3 s', transient: true }]);
    assert.deepEqual(r.manifest.items, []);

    const next = await prepare({ input, out, ffmpeg: hasFfmpeg ? 'ffmpeg' : false });
    assert.deepEqual(next.errors, []);
    assert.deepEqual([next.processed, next.cached], [1, 0]);
    if (hasFfmpeg) assert.equal(next.manifest.items[0]!.poster, 'media/clip.webm.poster.webp');
  });
});

describe('one run per output folder', () => {
  test('a second run fails naming the lock file and the pid holding it; the lock goes when the run ends, fails or is stopped', async () => {
    const { input, out } = await dirs();
    await photos(input);
    const lockFile = path.join(out, LOCK_FILE);

    // Two runs at once in one process: one wins, the other is refused.
    const both = await Promise.allSettled([prepare({ input, out, ...fast }), prepare({ input, out, ...fast })]);
    assert.deepEqual(both.map((b) => b.status).sort(), ['fulfilled', 'rejected']);
    const refused = (both.find((b) => b.status === 'rejected') as PromiseRejectedResult).reason;
    assert.ok(refused instanceof PrepareError && refused.code === 'ELOCKED');
    assert.ok(refused.message.includes(lockFile) && refused.message.includes(`pid ${process.pid}`), refused.message);
    assert.equal(existsSync(lockFile), false, 'released after the run');

    // Held by a live process (this one): the command refuses with exit 2 and leaves it alone.
    const held = `${JSON.stringify({ pid: process.pid, host: os.hostname(), started: '2030-01-01T00:00:00.000Z' })}\n`;
    await writeFile(lockFile, held);
    const text = await mg(['prepare', input, '--out', out, ...fastArgs]).done;
    assert.equal(text.code, 2);
    assert.equal(
      text.stderr,
      `media-gallery: output folder is locked by another media-gallery run (pid ${process.pid} on this machine, started 2030-01-01T00:00:00.000Z): ${lockFile}; wait for it to finish, or delete the lock file if no such run is active\n`,
    );
    const json = await mg(['prepare', input, '--out', out, ...fastArgs, '--json']).done;
    assert.equal(json.code, 2);
    assert.equal(JSON.parse(json.stdout).code, 'ELOCKED');
    assert.equal(await readFile(lockFile, 'utf8'), held);
    await rm(lockFile);

    // Stopped by SIGTERM: the lock goes with it.
    const stopped = mg(['prepare', input, '--out', out, ...fastArgs, '--force', '-c', '1']);
    await whenPrinted(stopped.child, /processed/);
    stopped.child.kill('SIGTERM');
    assert.equal((await stopped.done).signal, 'SIGTERM');
    assert.equal(existsSync(lockFile), false);

    // A run that fails (gallery.json cannot be written) releases the lock too.
    await rm(path.join(out, 'gallery.json'));
    await mkdir(path.join(out, 'gallery.json'));
    await assert.rejects(prepare({ input, out, ...fast }), /EISDIR/);
    assert.equal(existsSync(lockFile), false);
  });
});

describe('concurrency', () => {
  test('files in flight × libvips threads stay within the CPU count during a run; the thread setting is restored after', async () => {
    const { input, out } = await dirs();
    await photos(input, ['Aqua.jpg', 'Dune.jpg', 'Wood.jpg'], 300);
    const cores = os.availableParallelism();
    const original = sharp.concurrency();
    // sharp's default on macOS, Windows and musl (glibc Linux defaults to 1 thread).
    sharp.concurrency(cores);
    try {
      for (const concurrency of [1, 2]) {
        const seen = new Set<number>();
        await prepare({ input, out, ...fast, concurrency, force: true, onProgress: () => seen.add(sharp.concurrency()) });
        assert.deepEqual([...seen], [Math.max(1, Math.floor(cores / concurrency))], `concurrency ${concurrency}`);
        assert.equal(sharp.concurrency(), cores, 'restored');
      }
      // A lower setting chosen by the application is not raised.
      sharp.concurrency(1);
      const seen = new Set<number>();
      await prepare({ input, out, ...fast, concurrency: 1, force: true, onProgress: () => seen.add(sharp.concurrency()) });
      assert.deepEqual([...seen], [1]);
    } finally {
      sharp.concurrency(original);
    }
  });
});
