/**
 * media-gallery/pipeline: turns a folder of photos and videos into thumbnails,
 * placeholders and a `gallery.json` manifest for `<media-gallery src>`.
 *
 * Node-only (sharp, child processes); the browser bundle never imports this module.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { OutputSet, removeTempsSync, sweepTemps, writeFileAtomic } from './atomic.js';
import { loadCache, outputsIntact, saveCache, saveCacheSync, stampOutputs, type CacheEntry, type CacheFile } from './cache.js';
import { sidecarNames } from './captions.js';
import { classify, MediaError, PrepareError } from './errors.js';
import { isInside, pruneEmptyDirs } from './fsutil.js';
import { onInterrupt } from './interrupt.js';
import { acquireLock, LOCK_FILE } from './lock.js';
import { manifestItems } from './manifest.js';
import { renderImage, type MediaRecord } from './media.js';
import { packageVersion as packageVersionOf, realpathLoose, renderSettings, settingsFingerprint, threadsPerFile, validate } from './options.js';
import { renderSvg } from './svg.js';
import { detectFfmpeg, renderVideo, type FfmpegStatus } from './video.js';
import { naturalCompare, walk, type WalkEntry } from './walk.js';
import type { FileProblem, Manifest, PrepareOptions, PrepareResult } from './types.js';

export type * from './types.js';
export { MediaError, PrepareError, TransientError } from './errors.js';
export { serve, type ServeOptions, type ServeHandle } from './serve.js';
export { DEFAULTS, packageVersion } from './options.js';
export { LOCK_FILE } from './lock.js';

/** Name of the manifest written in the output folder. */
export const MANIFEST_FILE = 'gallery.json';

/**
 * Prepares a folder of media for `<media-gallery>`.
 *
 * Walks `options.input` (sub-folders with `recursive`), renders every image once
 * (EXIF orientation applied, 8-bit sRGB, web copy with long edge ≤ `maxEdge`, thumbnails
 * at `widths` never upscaled, in `format`), copies SVGs and videos (videos get a poster
 * when ffmpeg runs), reads captions from sidecars or embedded metadata, and writes
 * `<out>/gallery.json`: `{version: 1, generator, items: ManifestItem[]}` with URLs
 * relative to it. Outputs live under `<out>/media/`. Every file is written to a temporary
 * file and renamed into place, so an interrupted run never leaves a partial file.
 *
 * Safety: symlinks whose real path is outside `input` are not followed (reported in
 * `warnings`) unless `followSymlinks`; FIFOs, sockets and devices are never opened
 * (reported too). Only one run at a time per output folder: `<out>/.media-gallery.lock`
 * is held for the run and removed on return, on error, and on SIGINT/SIGTERM.
 *
 * Incremental: `<out>/.media-gallery-cache.json` remembers each input's size, mtime, the
 * settings fingerprint and each output's size and mtime; unchanged inputs whose outputs
 * are intact cost no image work, anything else is rendered again, removed inputs leave
 * the manifest and their outputs are deleted. Inputs are only read.
 *
 * Bad files (empty, truncated, corrupt, not an image, over the pixel limit) land in
 * `errors` and are cached; failures that say nothing about the file (an output that cannot
 * be written, ffmpeg timing out) land in `errors` with `transient: true` and are retried
 * next run. Neither stops the run. Unsupported file types land in `skipped`.
 *
 * @returns counts, problems and the manifest (see {@link PrepareResult})
 * @throws PrepareError when the input folder is missing (`ENOINPUT`), the output folder
 *   is inside the input folder without `allowInside` (`EINSIDE`), an option is invalid
 *   (`EOPTION`), or another run holds the output folder's lock (`ELOCKED`); I/O errors
 *   on the output folder itself (creating it, writing gallery.json) are rethrown.
 */
export async function prepare(options: PrepareOptions): Promise<PrepareResult> {
  const started = performance.now();
  const o = validate(options);
  const input = await realpathLoose(options.input);
  const out = await realpathLoose(options.out);
  try {
    if (!(await stat(input)).isDirectory()) throw new Error();
  } catch {
    throw new PrepareError(`input folder not found: ${options.input}`, 'ENOINPUT');
  }
  if (isInside(out, input) && !options.allowInside) {
    throw new PrepareError(
      `output folder ${options.out} is inside the input folder ${options.input}; choose another folder or pass allowInside (--allow-inside)`,
      'EINSIDE',
    );
  }
  if (isInside(input, out)) {
    throw new PrepareError(`input folder ${options.input} is inside the output folder ${options.out}`, 'EINSIDE');
  }
  await mkdir(out, { recursive: true });
  const lock = await acquireLock(out);
  let cache: CacheFile | undefined;
  // Ctrl-C: keep the work done so far, leave no temporary files, free the folder.
  const unregister = onInterrupt(() => {
    if (cache) saveCacheSync(out, cache);
    removeTempsSync();
    lock.releaseSync();
  });
  const threadsBefore = sharp.concurrency();
  try {
    // A stale lock means the last run died without cleaning up (killed): sweep its temporaries.
    if (lock.note) await sweepTemps(out);
    cache = await loadCache(out);
    const result = await run(options, o, input, out, cache, started);
    if (lock.note) result.warnings.unshift({ path: LOCK_FILE, reason: lock.note });
    return result;
  } finally {
    sharp.concurrency(threadsBefore);
    unregister();
    await lock.release();
  }
}

async function run(
  options: PrepareOptions,
  o: ReturnType<typeof validate>,
  input: string,
  out: string,
  cache: CacheFile,
  started: number,
): Promise<PrepareResult> {
  const settings = renderSettings(o, options.quality);
  const fingerprint = settingsFingerprint(settings);
  const warnings: FileProblem[] = [];
  const files = await walk(input, {
    recursive: options.recursive ?? false,
    exclude: [out],
    followSymlinks: options.followSymlinks ?? false,
    onDirError: (rel, err) => warnings.push({ path: rel, reason: `cannot read folder: ${err.message}` }),
    onSkip: (rel, reason) => warnings.push({ path: rel, reason }),
  });
  const present = new Map(files.map((f) => [f.rel, f.abs]));
  const media = files.filter((f) => f.kind === 'raster' || f.kind === 'svg' || f.kind === 'video');
  const mediaRels = new Set(media.map((f) => f.rel));
  // photo.jpg.txt, photo.jpg.json, photo.json: sidecars are not reported as unsupported.
  const sidecars = new Set<string>();
  for (const m of media) {
    const names = sidecarNames(m.rel);
    sidecars.add(names.txt);
    for (const j of names.json) sidecars.add(j);
  }
  const skippedFiles = files.filter((f) => f.kind === 'other' || (f.kind === 'sidecar' && !sidecars.has(f.rel)));

  const total = media.length + skippedFiles.length;
  options.onStart?.(total);
  let done = 0;
  const skipped: FileProblem[] = [];
  const errors: FileProblem[] = [];
  for (const f of skippedFiles.sort((a, b) => naturalCompare(a.rel, b.rel))) {
    const reason = 'unsupported file type';
    skipped.push({ path: f.rel, reason });
    options.onProgress?.({ path: f.rel, status: 'skipped', done: ++done, total, reason });
  }

  let ffmpegP: Promise<FfmpegStatus> | undefined;
  const ffmpeg = () => (ffmpegP ??= detectFfmpeg(options.ffmpeg ?? 'ffmpeg').then((st) => ({ ...st, timeoutMs: o.ffmpegTimeoutMs })));

  let processed = 0;
  let cachedCount = 0;
  let staleCount = 0;
  // Save the cache now and then during long runs, so an interrupted run keeps its work.
  let lastSave = performance.now();
  let saving: Promise<void> | undefined;
  const checkpoint = () => {
    if (saving || performance.now() - lastSave < 10_000) return;
    lastSave = performance.now();
    saving = saveCache(out, cache)
      .catch(() => undefined)
      .finally(() => {
        saving = undefined;
      });
  };
  const results = new Map<string, { entry: WalkEntry; record: MediaRecord }>();
  const removeOutputs = (files: string[]) => Promise.all(files.map((x) => rm(path.join(out, ...x.split('/')), { force: true })));

  async function render(f: WalkEntry, prev: CacheEntry | undefined): Promise<{ entry?: CacheEntry; transient?: string }> {
    const outs = new OutputSet(out);
    let entry: CacheEntry | undefined = { size: f.size, mtimeMs: f.mtimeMs, settings: fingerprint };
    let transient: string | undefined;
    try {
      if (f.kind === 'raster') entry.record = await renderImage(f.abs, f.rel, settings, outs);
      else if (f.kind === 'svg') entry.record = await renderSvg(f.abs, f.rel, settings, outs);
      else entry.record = await renderVideo(f.abs, f.rel, settings, await ffmpeg(), outs);
      entry.stamps = await stampOutputs(out, entry.record.outputs);
    } catch (err) {
      staleCount += outs.written.length;
      await outs.rollback(); // a failed input leaves no outputs behind
      const e = classify(err);
      if (e instanceof MediaError) entry = { size: f.size, mtimeMs: f.mtimeMs, settings: fingerprint, error: e.message };
      else [entry, transient] = [undefined, e.message];
    }
    if (prev?.record) {
      // Outputs of the previous render that this one did not rewrite (other format or widths).
      const keep = new Set(entry?.record?.outputs ?? []);
      const stale = prev.record.outputs.filter((x) => !keep.has(x));
      staleCount += stale.length;
      await removeOutputs(stale);
    }
    // Transient failures are not remembered: the next run tries again.
    if (entry) cache.entries[f.rel] = entry;
    else delete cache.entries[f.rel];
    checkpoint();
    return transient === undefined ? { entry } : { transient };
  }

  async function handle(f: WalkEntry): Promise<void> {
    const prev = cache.entries[f.rel];
    const same = prev && !options.force && prev.size === f.size && prev.mtimeMs === f.mtimeMs && prev.settings === fingerprint;
    let entry: CacheEntry | undefined;
    let fromCache = false;
    if (same && prev.error !== undefined) {
      entry = prev;
      fromCache = true;
    } else if (same && prev.record && (await outputsIntact(out, prev.record.outputs, prev.stamps))) {
      // A video cached without its poster is redone once ffmpeg becomes available.
      if (!(prev.record.posterSkipped && (await ffmpeg()).available)) {
        entry = prev;
        fromCache = true;
      }
    }
    if (!entry) {
      const r = await render(f, prev);
      if (r.transient !== undefined) {
        errors.push({ path: f.rel, reason: r.transient, transient: true });
        options.onProgress?.({ path: f.rel, status: 'error', done: ++done, total, reason: r.transient });
        return;
      }
      entry = r.entry!;
    }
    if (entry.error !== undefined) {
      errors.push({ path: f.rel, reason: entry.error });
      options.onProgress?.({ path: f.rel, status: 'error', done: ++done, total, reason: entry.error });
      return;
    }
    const record = entry.record!;
    if (record.posterSkipped) {
      const st = await ffmpeg();
      warnings.push({ path: f.rel, reason: `poster skipped: ${st.reason ?? 'ffmpeg not found'}; video not verified (only its container signature was checked)` });
    }
    results.set(f.rel, { entry: f, record });
    if (fromCache) cachedCount++;
    else processed++;
    options.onProgress?.({ path: f.rel, status: fromCache ? 'cached' : 'processed', done: ++done, total });
  }

  // Bounded pool: `concurrency` files in flight, and libvips threads per operation so that
  // files × threads stays within the CPU count.
  const queue = [...media].sort((a, b) => naturalCompare(a.rel, b.rel));
  const lanes = Math.min(o.concurrency, queue.length);
  sharp.concurrency(threadsPerFile(lanes, sharp.concurrency()));
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < queue.length) await handle(queue[next++]!);
    }),
  );

  // Inputs that are gone: drop from the cache and delete their outputs.
  const removed: string[] = [];
  for (const rel of Object.keys(cache.entries)) {
    if (mediaRels.has(rel)) continue;
    const gone = cache.entries[rel]!;
    delete cache.entries[rel];
    if (gone.record) {
      removed.push(rel);
      staleCount += gone.record.outputs.length;
      await removeOutputs(gone.record.outputs);
    }
  }
  if (staleCount) await pruneEmptyDirs(path.join(out, 'media'));
  await saving;

  const items = await manifestItems(results, present, o, warnings);
  errors.sort((a, b) => naturalCompare(a.path, b.path));
  warnings.sort((a, b) => naturalCompare(a.path, b.path));
  removed.sort(naturalCompare);

  const manifest: Manifest = { version: 1, generator: `media-gallery ${packageVersionOf()}`, items };
  const manifestPath = path.join(out, MANIFEST_FILE);
  await writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await saveCache(out, cache);

  return {
    manifestPath,
    manifest,
    processed,
    cached: cachedCount,
    skipped,
    errors,
    warnings,
    removed,
    durationMs: Math.round(performance.now() - started),
  };
}
