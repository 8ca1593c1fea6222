/**
 * `media-gallery` command line: `prepare <input> --out <dir>` and `serve <dir>`. Started by
 * `./cli.ts`, which first checks that the pipeline's optional peer dependencies are installed.
 *
 * Exit codes: 0 success (bad files are reported but do not fail the run), 1 bad files
 * with `--strict`, 2 usage errors or a run that could not start (missing input, output
 * inside input, output folder locked by another run, port in use). Interrupted by
 * SIGINT/SIGTERM, it removes its lock and temporary files and dies of the signal (130/143).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import path from 'node:path';
import { prepare, packageVersion, PrepareError, DEFAULTS } from './index.js';
import { onInterrupt } from './interrupt.js';
import { serve } from './serve.js';
import type { PrepareOptions, PrepareResult, ProgressEvent } from './types.js';

function int(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}.`);
    return n;
  };
}

function widthList(value: string): number[] {
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  const nums = parts.map(Number);
  if (!parts.length || !nums.every((n) => Number.isInteger(n) && n > 0)) {
    throw new InvalidArgumentError('widths must be a comma-separated list of positive integers, e.g. 320,640,1280.');
  }
  return nums;
}

/** Control characters in names would garble the terminal: show them escaped. */
function safe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A path relative to the working directory when it lies below it, else absolute. */
function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

interface PrepareFlags {
  out: string;
  recursive?: boolean;
  followSymlinks?: boolean;
  format: PrepareOptions['format'];
  widths: number[];
  maxEdge: number;
  quality?: number;
  placeholder: PrepareOptions['placeholder'];
  sort: PrepareOptions['sort'];
  sizes: string;
  concurrency?: number;
  force?: boolean;
  allowInside?: boolean;
  ffmpeg: string | boolean;
  ffmpegTimeout: number;
  json?: boolean;
  strict?: boolean;
  serve?: boolean;
  port: number;
  host: string;
}

function summaryJson(r: PrepareResult) {
  return {
    ok: true,
    manifest: r.manifestPath,
    summary: {
      items: r.manifest.items.length,
      processed: r.processed,
      cached: r.cached,
      skipped: r.skipped.length,
      errors: r.errors.length,
      warnings: r.warnings.length,
      removed: r.removed.length,
    },
    errors: r.errors,
    skipped: r.skipped,
    warnings: r.warnings,
    removed: r.removed,
    durationMs: r.durationMs,
  };
}

async function runPrepare(input: string, flags: PrepareFlags): Promise<number> {
  const json = Boolean(flags.json);
  const tty = !json && Boolean(process.stderr.isTTY);
  let bar: cliProgress.SingleBar | undefined;
  let unbar: (() => void) | undefined;
  const onStart = (total: number) => {
    if (tty && total > 0) {
      bar = new cliProgress.SingleBar(
        { format: '{bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { file: '' });
      unbar = onInterrupt(() => bar?.stop()); // Ctrl-C: give the terminal its cursor back
    }
  };
  const onProgress = (e: ProgressEvent) => {
    if (json) return;
    if (bar) {
      bar.update(e.done, { file: safe(e.path) });
      return;
    }
    const note = e.reason ? ` (${safe(e.reason)})` : '';
    process.stdout.write(`[${e.done}/${e.total}] ${e.status} ${safe(e.path)}${note}\n`);
  };
  const options: PrepareOptions = {
    input,
    out: flags.out,
    recursive: Boolean(flags.recursive),
    followSymlinks: Boolean(flags.followSymlinks),
    format: flags.format,
    widths: flags.widths,
    maxEdge: flags.maxEdge,
    placeholder: flags.placeholder,
    sort: flags.sort,
    sizes: flags.sizes,
    force: Boolean(flags.force),
    allowInside: Boolean(flags.allowInside),
    ffmpeg: flags.ffmpeg === false ? false : flags.ffmpeg === true ? 'ffmpeg' : flags.ffmpeg,
    ffmpegTimeoutMs: flags.ffmpegTimeout * 1000,
    onStart,
    onProgress,
  };
  if (flags.quality !== undefined) options.quality = flags.quality;
  if (flags.concurrency !== undefined) options.concurrency = flags.concurrency;

  let result: PrepareResult;
  try {
    result = await prepare(options);
  } catch (err) {
    bar?.stop();
    unbar?.();
    const message = (err as Error).message;
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: message, code: (err as PrepareError).code ?? 'EFAIL' })}\n`);
    else process.stderr.write(`media-gallery: ${safe(message)}\n`);
    return 2;
  }
  bar?.stop();
  unbar?.();
  const failed = Boolean(flags.strict) && result.errors.length > 0;
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...summaryJson(result), ok: !failed })}\n`);
  } else {
    const err = process.stderr;
    for (const e of result.errors) err.write(`error: ${safe(e.path)}: ${safe(e.reason)}${e.transient ? ' (not cached: retried next run)' : ''}\n`);
    for (const w of result.warnings) err.write(`warning: ${safe(w.path)}: ${safe(w.reason)}\n`);
    if (tty) for (const s of result.skipped) err.write(`skipped: ${safe(s.path)}: ${s.reason}\n`);
    const n = result.manifest.items.length;
    process.stdout.write(
      `${n} item${n === 1 ? '' : 's'}: ${result.processed} processed, ${result.cached} cached, ` +
        `${result.skipped.length} skipped, ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}` +
        `${result.removed.length ? `, ${result.removed.length} removed` : ''} -> ` +
        `${safe(displayPath(result.manifestPath))} (${(result.durationMs / 1000).toFixed(1)} s)\n`,
    );
  }
  if (failed) return 1;
  if (flags.serve) return runServe(flags.out, { port: flags.port, host: flags.host, json });
  return 0;
}

async function runServe(dir: string, flags: { port: number; host: string; json?: boolean }): Promise<number> {
  try {
    const handle = await serve({ dir, port: flags.port, host: flags.host });
    if (flags.json) process.stdout.write(`${JSON.stringify({ ok: true, url: handle.url, bundleFound: handle.bundleFound })}\n`);
    else {
      if (!handle.bundleFound) {
        process.stderr.write('warning: dist/cdn/media-gallery.js not found (run `npm run build`); the page needs it to render\n');
      }
      process.stdout.write(`Serving ${safe(dir)} at ${handle.url}  (Ctrl+C to stop)\n`);
    }
    const stop = () => {
      void handle.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return await new Promise<number>(() => {}); // runs until a signal
  } catch (err) {
    process.stderr.write(`media-gallery: ${safe((err as Error).message)}\n`);
    return 2;
  }
}

/** Builds the commander program. */
function program(): Command {
  const cmd = new Command('media-gallery')
    .description('Prepare folders of photos and videos for <media-gallery>, and serve them.')
    .version(packageVersion())
    // --help and --version exit 0; usage errors exit 2. Set before adding subcommands,
    // which copy it.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

  const port = () => new Option('--port <n>', 'port to listen on').default(8123).argParser(int('port', 0));
  const host = () => new Option('--host <addr>', 'interface to listen on').default('127.0.0.1');

  cmd
    .command('prepare')
    .description('turn a folder of media into thumbnails, placeholders and gallery.json')
    .argument('<input>', 'folder of photos and videos')
    .requiredOption('-o, --out <dir>', 'output folder (not inside <input>)')
    .option('-r, --recursive', 'include sub-folders')
    .option('--follow-symlinks', 'also follow symlinked files whose target is outside <input>')
    .addOption(new Option('-f, --format <format>', 'thumbnail and web copy format').choices(['webp', 'avif', 'jpeg', 'png']).default(DEFAULTS.format))
    .option('-w, --widths <list>', 'thumbnail widths in px, comma-separated (never upscaled)', widthList, DEFAULTS.widths)
    .option('--max-edge <px>', 'longest edge of the full-size web copy', int('max-edge', 16), DEFAULTS.maxEdge)
    .option('-q, --quality <1-100>', 'encoder quality (default: the encoder default)', int('quality', 1))
    .addOption(new Option('-p, --placeholder <kind>', 'placeholder kind').choices(['thumbhash', 'lqip', 'none']).default(DEFAULTS.placeholder))
    .addOption(new Option('-s, --sort <order>', 'manifest order').choices(['name', 'date']).default(DEFAULTS.sort))
    .option('--sizes <sizes>', 'sizes attribute stored with each srcset', DEFAULTS.sizes)
    .option('-c, --concurrency <n>', 'files processed at once (default: CPU count; libvips threads per file = cores / n)', int('concurrency', 1))
    .option('--force', 'ignore the cache and process every file again')
    .option('--allow-inside', 'allow the output folder inside the input folder')
    .option('--ffmpeg <path>', 'ffmpeg binary for video posters', 'ffmpeg')
    .option('--no-ffmpeg', 'do not make video posters')
    .option('--ffmpeg-timeout <s>', 'seconds one ffmpeg call may take', int('ffmpeg-timeout', 1), 60)
    .option('--json', 'print one JSON summary on stdout instead of progress and text')
    .option('--strict', 'exit with code 1 when any file could not be processed')
    .option('--serve', 'serve the output folder after preparing it')
    .addOption(port())
    .addOption(host())
    .action(async (input: string, flags: PrepareFlags) => {
      process.exitCode = await runPrepare(input, flags);
    });

  cmd
    .command('serve')
    .description('serve a prepared folder with a generated index.html')
    .argument('<dir>', 'folder written by prepare')
    .addOption(port())
    .addOption(host())
    .option('--json', 'print the URL as JSON')
    .action(async (dir: string, flags: { port: number; host: string; json?: boolean }) => {
      process.exitCode = await runServe(dir, flags);
    });

  return cmd;
}

await program().parseAsync(process.argv);
