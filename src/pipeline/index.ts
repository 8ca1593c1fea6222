/**
 * media-gallery/pipeline: turns a folder of photos and videos into thumbnails,
 * placeholders and a `gallery.json` manifest for `<media-gallery src>`.
 *
 * Node-only (sharp, child processes); the browser bundle never imports this module.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { access, mkdir, realpath, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_VERSION, loadCache, saveCache, type CacheEntry } from './cache.js';
import { cleanText, readSidecars, sidecarNames } from './captions.js';
import { MediaError, PrepareError } from './errors.js';
import { isInside, pruneEmptyDirs, toUrl, writeFileAtomic } from './fsutil.js';
import { renderImage, renderSvg, renderVideo, type MediaRecord, type RenderSettings } from './media.js';
import { detectFfmpeg, type FfmpegStatus } from './video.js';
import { naturalCompare, walk, type WalkEntry } from './walk.js';
import type {
  FileProblem,
  Manifest,
  ManifestItem,
  OutputFormat,
  PlaceholderKind,
  PrepareOptions,
  PrepareResult,
  SortOrder,
} from './types.js';

export type * from './types.js';
export { MediaError, PrepareError } from './errors.js';
export { serve, type ServeOptions, type ServeHandle } from './serve.js';

/** Name of the manifest written in the output folder. */
export const MANIFEST_FILE = 'gallery.json';

/** Default option values of {@link prepare}. */
export const DEFAULTS = {
  format: 'webp' as OutputFormat,
  widths: [320, 640, 1280],
  maxEdge: 2560,
  placeholder: 'thumbhash' as PlaceholderKind,
  sort: 'name' as SortOrder,
  sizes: '(min-width: 768px) 33vw, 50vw',
};

const FORMATS: readonly OutputFormat[] = ['webp', 'avif', 'jpeg', 'png'];
const PLACEHOLDERS: readonly PlaceholderKind[] = ['thumbhash', 'lqip', 'none'];
const SORTS: readonly SortOrder[] = ['name', 'date'];

let cachedVersion: string | undefined;
/** The package version, read from the package.json above this module (`0.0.0` if not found). */
export function packageVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = path.join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'media-gallery' && pkg.version) return (cachedVersion = pkg.version);
      } catch {
        // keep looking
      }
    }
    dir = path.dirname(dir);
  }
  return (cachedVersion = '0.0.0');
}

function validate(o: PrepareOptions): Required<Pick<PrepareOptions, 'format' | 'widths' | 'maxEdge' | 'placeholder' | 'sort' | 'sizes' | 'concurrency'>> {
  const format = o.format ?? DEFAULTS.format;
  if (!FORMATS.includes(format)) throw new PrepareError(`format must be one of ${FORMATS.join(', ')} (got ${String(format)})`, 'EOPTION');
  const placeholder = o.placeholder ?? DEFAULTS.placeholder;
  if (!PLACEHOLDERS.includes(placeholder)) throw new PrepareError(`placeholder must be one of ${PLACEHOLDERS.join(', ')}`, 'EOPTION');
  const sort = o.sort ?? DEFAULTS.sort;
  if (!SORTS.includes(sort)) throw new PrepareError(`sort must be one of ${SORTS.join(', ')}`, 'EOPTION');
  const widths = [...new Set(o.widths ?? DEFAULTS.widths)].sort((a, b) => a - b);
  if (!widths.every((w) => Number.isInteger(w) && w > 0 && w <= 16384)) throw new PrepareError('widths must be integers between 1 and 16384', 'EOPTION');
  const maxEdge = o.maxEdge ?? DEFAULTS.maxEdge;
  if (!Number.isInteger(maxEdge) || maxEdge < 16 || maxEdge > 16384) throw new PrepareError('maxEdge must be an integer between 16 and 16384', 'EOPTION');
  if (o.quality !== undefined && (!Number.isInteger(o.quality) || o.quality < 1 || o.quality > 100)) throw new PrepareError('quality must be an integer between 1 and 100', 'EOPTION');
  const concurrency = o.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new PrepareError('concurrency must be a positive integer', 'EOPTION');
  return { format, widths, maxEdge, placeholder, sort, sizes: o.sizes ?? DEFAULTS.sizes, concurrency };
}

/** Resolves a path that may not exist yet through the real path of its nearest existing ancestor. */
async function realpathLoose(p: string): Promise<string> {
  const rest: string[] = [];
  let cur = path.resolve(p);
  for (;;) {
    try {
      return path.join(await realpath(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return path.resolve(p);
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

function stableId(rel: string): string {
  return createHash('sha256').update(rel).digest('base64url').slice(0, 16);
}

async function outputsExist(outDir: string, files: string[]): Promise<boolean> {
  try {
    await Promise.all(files.map((f) => access(path.join(outDir, f))));
    return true;
  } catch {
    return false;
  }
}

/**
 * Prepares a folder of media for `<media-gallery>`.
 *
 * Walks `options.input` (sub-folders with `recursive`), renders every image once
 * (EXIF orientation applied, 8-bit sRGB, web copy with long edge ≤ `maxEdge`, thumbnails
 * at `widths` never upscaled, in `format`), copies SVGs and videos (videos get a poster
 * when ffmpeg runs), reads captions from sidecars or embedded metadata, and writes
 * `<out>/gallery.json` atomically: `{version: 1, generator, items: ManifestItem[]}` with
 * URLs relative to it. Outputs live under `<out>/media/`.
 *
 * Incremental: `<out>/.media-gallery-cache.json` remembers each input's size, mtime and
 * render settings; unchanged inputs cost no image work, changed ones are re-rendered,
 * removed ones leave the manifest and their outputs are deleted. Inputs are only read.
 *
 * Bad files (empty, truncated, corrupt, not an image) land in `errors` with a reason and
 * never stop the run; unsupported file types land in `skipped`.
 *
 * @returns counts, problems and the manifest (see {@link PrepareResult})
 * @throws PrepareError when the input folder is missing (`ENOINPUT`), the output folder
 *   is inside the input folder without `allowInside` (`EINSIDE`), or an option is
 *   invalid (`EOPTION`); other I/O errors on the output folder are rethrown.
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

  const settings: RenderSettings = { format: o.format, widths: o.widths, maxEdge: o.maxEdge, placeholder: o.placeholder };
  if (options.quality !== undefined) settings.quality = options.quality;
  const settingsKey = createHash('sha256')
    .update(JSON.stringify({ v: CACHE_VERSION, ...settings }))
    .digest('hex')
    .slice(0, 16);

  const cache = await loadCache(out);
  const unreadable: FileProblem[] = [];
  const files = await walk(input, options.recursive ?? false, [out], (rel, err) =>
    unreadable.push({ path: rel, reason: `cannot read folder: ${err.message}` }),
  );
  const present = new Set(files.map((f) => f.rel));
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
  const warnings: FileProblem[] = [...unreadable];
  for (const f of skippedFiles.sort((a, b) => naturalCompare(a.rel, b.rel))) {
    const reason = 'unsupported file type';
    skipped.push({ path: f.rel, reason });
    options.onProgress?.({ path: f.rel, status: 'skipped', done: ++done, total, reason });
  }

  let ffmpegP: Promise<FfmpegStatus> | undefined;
  const ffmpeg = () => (ffmpegP ??= detectFfmpeg(options.ffmpeg ?? 'ffmpeg'));

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
  const transient = new Set<string>();
  const results = new Map<string, { entry: WalkEntry; record: MediaRecord }>();

  async function handle(f: WalkEntry): Promise<void> {
    const prev = cache.entries[f.rel];
    const same = prev && !options.force && prev.size === f.size && prev.mtimeMs === f.mtimeMs && prev.settings === settingsKey;
    let entry: CacheEntry | undefined;
    let fromCache = false;
    if (same && prev.error !== undefined) {
      entry = prev;
      fromCache = true;
    } else if (same && prev.record && (await outputsExist(out, prev.record.outputs))) {
      // A video cached without its poster is redone once ffmpeg becomes available.
      if (!(prev.record.posterSkipped && (await ffmpeg()).available)) {
        entry = prev;
        fromCache = true;
      }
    }
    if (!entry) {
      entry = { size: f.size, mtimeMs: f.mtimeMs, settings: settingsKey };
      try {
        if (f.kind === 'raster') entry.record = await renderImage(f.abs, f.rel, out, settings);
        else if (f.kind === 'svg') entry.record = await renderSvg(f.abs, f.rel, out, settings);
        else entry.record = await renderVideo(f.abs, f.rel, out, settings, await ffmpeg());
      } catch (err) {
        // MediaError: the file itself is bad. Anything else (permissions, I/O) is still
        // reported per file, but not cached, so the next run tries again.
        entry.error = err instanceof MediaError ? err.message : `cannot process: ${(err as Error)?.message ?? String(err)}`;
        if (!(err instanceof MediaError)) transient.add(f.rel);
      }
      if (prev?.record) {
        // Outputs of the previous render that this one did not rewrite (other format or widths).
        const keep = new Set(entry.record?.outputs ?? []);
        const stale = prev.record.outputs.filter((x) => !keep.has(x));
        staleCount += stale.length;
        await Promise.all(stale.map((x) => rm(path.join(out, x), { force: true })));
      }
      if (transient.has(f.rel)) delete cache.entries[f.rel];
      else cache.entries[f.rel] = entry;
      checkpoint();
    }
    if (entry.error !== undefined) {
      errors.push({ path: f.rel, reason: entry.error });
      options.onProgress?.({ path: f.rel, status: 'error', done: ++done, total, reason: entry.error });
      return;
    }
    const record = entry.record!;
    if (record.posterSkipped) {
      const st = await ffmpeg();
      warnings.push({ path: f.rel, reason: `poster skipped: ${st.reason ?? 'ffmpeg not found'}` });
    }
    results.set(f.rel, { entry: f, record });
    if (fromCache) cachedCount++;
    else processed++;
    options.onProgress?.({ path: f.rel, status: fromCache ? 'cached' : 'processed', done: ++done, total });
  }

  // Bounded pool: `concurrency` files in flight, each using libvips' own threads.
  const queue = [...media].sort((a, b) => naturalCompare(a.rel, b.rel));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(o.concurrency, queue.length) }, async () => {
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
      await Promise.all(gone.record.outputs.map((x) => rm(path.join(out, x), { force: true })));
    }
  }
  if (staleCount) await pruneEmptyDirs(path.join(out, 'media'));
  await saving;

  // Captions: sidecars are read every run (cheap), embedded text comes from the cache.
  const items: Array<{ item: ManifestItem; rel: string; time: number }> = [];
  await Promise.all(
    [...results].map(async ([rel, { entry, record }]) => {
      const side = await readSidecars(input, rel, present);
      for (const w of side.warnings) warnings.push({ path: rel, reason: w });
      // Embedded text is filtered again so caches written by older versions benefit too.
      const caption = side.caption ?? cleanText(record.embedded.caption);
      const alt = side.alt ?? cleanText(record.embedded.alt);
      const item = toItem(rel, record, o.sizes, caption, alt);
      const time = record.embedded.date ? Date.parse(record.embedded.date) : entry.mtimeMs;
      items.push({ item, rel, time });
    }),
  );
  items.sort((a, b) => (o.sort === 'date' && a.time !== b.time ? a.time - b.time : naturalCompare(a.rel, b.rel)));
  errors.sort((a, b) => naturalCompare(a.path, b.path));
  warnings.sort((a, b) => naturalCompare(a.path, b.path));
  removed.sort(naturalCompare);

  const manifest: Manifest = { version: 1, generator: `media-gallery ${packageVersion()}`, items: items.map((x) => x.item) };
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

/** Builds the manifest item of one rendered input. */
function toItem(rel: string, r: MediaRecord, sizes: string, caption?: string, alt?: string): ManifestItem {
  // Keys are assigned in reading order so gallery.json stays easy to scan.
  const item = { id: stableId(rel), type: r.type, src: toUrl(r.src) } as ManifestItem;
  if (r.thumb) item.thumb = toUrl(r.thumb);
  if (r.srcset.length > 1) {
    item.srcset = r.srcset.map((c) => `${toUrl(c.file)} ${c.width}w`).join(', ');
    item.sizes = sizes;
  }
  if (r.width !== undefined && r.height !== undefined) {
    item.width = r.width;
    item.height = r.height;
  }
  if (r.placeholder) item.placeholder = r.placeholder;
  if (r.poster) item.poster = toUrl(r.poster);
  if (caption) item.caption = caption;
  if (alt) item.alt = alt;
  item.download = path.posix.basename(rel);
  item.meta = { path: rel };
  if (r.originalWidth) item.meta.originalWidth = r.originalWidth;
  if (r.originalHeight) item.meta.originalHeight = r.originalHeight;
  if (r.embedded.date) item.meta.date = r.embedded.date;
  if (r.animated) item.meta.animated = true;
  return item;
}
