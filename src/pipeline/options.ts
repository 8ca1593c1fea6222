import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_VERSION } from './cache.js';
import { PrepareError } from './errors.js';
import type { RenderSettings } from './media.js';
import type { OutputFormat, PlaceholderKind, PrepareOptions, SortOrder } from './types.js';
import { FFMPEG_TIMEOUT_MS } from './video.js';

/** Default option values of `prepare`. */
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

/** Options after defaults and validation. */
export type ValidOptions = Required<Pick<PrepareOptions, 'format' | 'widths' | 'maxEdge' | 'placeholder' | 'sort' | 'sizes' | 'concurrency' | 'ffmpegTimeoutMs'>>;

/**
 * Applies defaults and checks every option.
 * @throws PrepareError `EOPTION` naming the bad option
 */
export function validate(o: PrepareOptions): ValidOptions {
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
  const ffmpegTimeoutMs = o.ffmpegTimeoutMs ?? FFMPEG_TIMEOUT_MS;
  if (!(ffmpegTimeoutMs > 0)) throw new PrepareError('ffmpegTimeoutMs must be a positive number of milliseconds', 'EOPTION');
  return { format, widths, maxEdge, placeholder, sort, sizes: o.sizes ?? DEFAULTS.sizes, concurrency, ffmpegTimeoutMs };
}

/** The settings that decide output bytes. */
export function renderSettings(o: ValidOptions, quality: number | undefined): RenderSettings {
  const settings: RenderSettings = { format: o.format, widths: o.widths, maxEdge: o.maxEdge, placeholder: o.placeholder };
  if (quality !== undefined) settings.quality = quality;
  return settings;
}

/**
 * Fingerprint of the render settings (16 hex digits): a hash of the cache version,
 * format, widths, max edge, quality and placeholder kind. Stored with every cache entry;
 * an entry made with another fingerprint is rendered again.
 */
export function settingsFingerprint(s: RenderSettings): string {
  const canonical = { v: CACHE_VERSION, format: s.format, widths: s.widths, maxEdge: s.maxEdge, quality: s.quality ?? null, placeholder: s.placeholder };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16);
}

/**
 * libvips threads per operation for a run with `filesInFlight` files at once:
 * `floor(cores / filesInFlight)`, so files in flight × threads ≤ cores
 * (`os.availableParallelism()`), never more than `current` (sharp's setting before the
 * run: its default is the core count, but 1 on glibc Linux without jemalloc, to limit
 * memory fragmentation, and an application may have lowered it), never less than 1.
 */
export function threadsPerFile(filesInFlight: number, current: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(current, Math.floor(cores / Math.max(1, filesInFlight))));
}

/** Resolves a path that may not exist yet through the real path of its nearest existing ancestor. */
export async function realpathLoose(p: string): Promise<string> {
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
