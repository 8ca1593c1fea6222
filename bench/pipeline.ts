/**
 * `npm run bench:pipeline [-- --runs 3 --concurrency 2 --input DIR]`
 *
 * Prepares the fixture photos cold and warm and compares with bare loops of sharp
 * calls that write the same files (web copy capped at 2560 px + 320/640/1280 px WebP
 * thumbnails, never upscaled) at the same concurrency. Each measurement runs in its own
 * Node process so peak RSS (ru_maxrss) is that variant's. Prints a markdown table, and
 * the load average at start: numbers from a busy machine are not comparable.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { prepare } from '../src/pipeline/index.js';
import { threadsPerFile } from '../src/pipeline/options.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const WIDTHS = [320, 640, 1280];
const MAX_EDGE = 2560;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const input = path.resolve(arg('input', path.join(repo, '../shared/fixtures/photos')));
const concurrency = Number(arg('concurrency', String(os.availableParallelism())));
const runs = Number(arg('runs', '3'));

async function images(): Promise<string[]> {
  return (await readdir(input))
    .filter((f) => /\.(jpe?g|png|webp|avif|gif|tiff?)$/i.test(f))
    .sort()
    .map((f) => path.join(input, f));
}

async function pool<T>(items: T[], n: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** The floor: one sharp call per output, straight from the file (what a hand-written script does). */
async function bareLoop(out: string): Promise<number> {
  const files = await images();
  await pool(files, concurrency, async (file, i) => {
    const { width = 0, height = 0, orientation = 1 } = await sharp(file).metadata();
    const w = Math.min(orientation >= 5 ? height : width, MAX_EDGE);
    const jobs = [sharp(file).rotate().resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true }).toColourspace('srgb').webp().toFile(path.join(out, `${i}.webp`))];
    for (const tw of WIDTHS) {
      if (tw >= w) continue;
      jobs.push(sharp(file).rotate().resize({ width: tw }).toColourspace('srgb').webp().toFile(path.join(out, `${i}.${tw}.webp`)));
    }
    await Promise.all(jobs);
  });
  return files.length;
}

/** A tighter floor: decode once to raw pixels, then encode every output from memory. */
async function bareDecodeOnce(out: string): Promise<number> {
  const files = await images();
  await pool(files, concurrency, async (file, i) => {
    const { data, info } = await sharp(file)
      .rotate()
      .resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
    const jobs = [sharp(data, raw).webp().toFile(path.join(out, `${i}.webp`))];
    for (const tw of WIDTHS) {
      if (tw >= info.width) continue;
      jobs.push(sharp(data, raw).resize({ width: tw }).webp().toFile(path.join(out, `${i}.${tw}.webp`)));
    }
    await Promise.all(jobs);
  });
  return files.length;
}

interface Measure {
  images: number;
  seconds: number;
  rssMB: number;
}

/** Child mode: run one variant, print a JSON Measure. */
async function child(variant: string, out: string): Promise<void> {
  const t = performance.now();
  let count: number;
  if (variant === 'bare') count = await bareLoop(out);
  else if (variant === 'bare-once') count = await bareDecodeOnce(out);
  else {
    const r = await prepare({ input, out, concurrency, widths: WIDTHS, maxEdge: MAX_EDGE });
    count = r.manifest.items.length;
    if (variant === 'warm' && r.processed !== 0) throw new Error(`warm run processed ${r.processed} files`);
  }
  const seconds = (performance.now() - t) / 1000;
  const m: Measure = { images: count, seconds, rssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

function runChild(variant: string, out: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', variant, '--out', out, '--input', input, '--concurrency', String(concurrency)], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buf = '';
    p.stdout.on('data', (b: Buffer) => (buf += b));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(buf.trim().split('\n').pop()!) as Measure) : reject(new Error(`${variant} exited ${code}`))));
  });
}

/** End-to-end wall time of the command on a warm cache, Node start-up included. */
function cliWall(out: string): Promise<number> {
  const dist = path.join(repo, 'dist/src/pipeline/cli.js');
  return import('node:fs').then(
    ({ existsSync }) =>
      new Promise((resolve, reject) => {
        const args = existsSync(dist) ? [dist] : ['--import', 'tsx', path.join(repo, 'src/pipeline/cli.ts')];
        const t = performance.now();
        const p = spawn(process.execPath, [...args, 'prepare', input, '--out', out, '--json'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
        p.on('error', reject);
        p.on('close', (code) => (code === 0 ? resolve((performance.now() - t) / 1000) : reject(new Error(`cli exited ${code}`))));
      }),
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const childVariant = process.argv.includes('--child') ? arg('child', '') : '';
  if (childVariant) return child(childVariant, arg('out', ''));

  const loadAtStart = os.loadavg()[0]!;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'mg-bench-'));
  const rows: Array<{ name: string; m: Measure }> = [];
  let cliWarm = 0;
  try {
    const results: Record<string, Measure[]> = { bare: [], 'bare-once': [], cold: [], warm: [] };
    for (let r = 0; r < runs; r++) {
      // Interleave variants so drift (thermal, page cache) hits all of them alike.
      for (const v of ['bare', 'bare-once'] as const) {
        const out = path.join(tmp, `${v}-${r}`);
        await import('node:fs/promises').then((fs) => fs.mkdir(out, { recursive: true }));
        results[v]!.push(await runChild(v, out));
        await rm(out, { recursive: true, force: true });
      }
      const out = path.join(tmp, `mg-${r}`);
      results.cold!.push(await runChild('cold', out));
      results.warm!.push(await runChild('warm', out));
      if (r === runs - 1) cliWarm = await cliWall(out);
      await rm(out, { recursive: true, force: true });
    }
    const pick = (v: string): Measure => {
      const ms = results[v]!;
      return { images: ms[0]!.images, seconds: median(ms.map((m) => m.seconds)), rssMB: Math.max(...ms.map((m) => m.rssMB)) };
    };
    rows.push({ name: 'bare sharp loop (one call per output)', m: pick('bare') });
    rows.push({ name: 'bare sharp, decode once', m: pick('bare-once') });
    rows.push({ name: 'media-gallery prepare, cold', m: pick('cold') });
    rows.push({ name: 'media-gallery prepare, warm', m: pick('warm') });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const bare = rows[0]!.m.seconds;
  const cold = rows[2]!.m.seconds;
  const threads = threadsPerFile(concurrency, sharp.concurrency());
  console.log(`\nInput: ${rows[0]!.m.images} images from ${path.relative(process.cwd(), input) || input}; outputs: ${MAX_EDGE}px web copy + ${WIDTHS.join('/')} WebP; concurrency ${concurrency}; ${os.availableParallelism()} CPUs; libvips threads: ${sharp.concurrency()} for the bare loops, ${threads} per file in prepare; sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}; Node ${process.version}; median of ${runs} runs, each in its own process; 1-min load average at start ${loadAtStart.toFixed(2)}.\n`);
  console.log('| run | images/s | total s | vs bare loop | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|');
  for (const { name, m } of rows) {
    const ratio = `${((m.seconds / bare) * 100).toFixed(1)}%`;
    console.log(`| ${name} | ${(m.images / m.seconds).toFixed(2)} | ${m.seconds.toFixed(3)} | ${ratio} | ${m.rssMB.toFixed(0)} |`);
  }
  console.log(`\nCold vs bare loop: ${(((cold - bare) / bare) * 100).toFixed(1)}% (aim: within +10%).`);
  console.log(`Warm vs cold: ${((rows[3]!.m.seconds / cold) * 100).toFixed(2)}% (aim: under 5%).`);
  console.log(`Warm end-to-end command (node start-up, sharp load, walk, cache check, manifest): ${cliWarm.toFixed(2)} s = ${((cliWarm / cold) * 100).toFixed(1)}% of cold.`);
}

await main();
