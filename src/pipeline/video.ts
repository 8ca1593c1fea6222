import { spawn } from 'node:child_process';
import type { FileHandle } from 'node:fs/promises';
import sharp from 'sharp';
import type { OutputSet } from './atomic.js';
import { ioReason, MediaError, TransientError } from './errors.js';
import { decodeError, encode, EXT, openInput, outputBase, type MediaRecord, type RenderSettings } from './media.js';
import { makePlaceholder } from './placeholders.js';

/** Whether ffmpeg can be run, and how. */
export interface FfmpegStatus {
  available: boolean;
  /** Command or path passed to `spawn`. */
  command: string;
  /** Why it is unavailable (shown in the "poster skipped" warning). */
  reason?: string;
  /** Longest time one ffmpeg call may take, in milliseconds (default 60 000). */
  timeoutMs?: number;
}

/** Default limit of one ffmpeg call, in milliseconds. */
export const FFMPEG_TIMEOUT_MS = 60_000;

interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

function run(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 20000) err += b.toString();
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: err, timedOut });
    });
  });
}

/**
 * Checks that `command` (a name looked up on PATH, or a path) runs as ffmpeg.
 * `false` means posters are turned off. Never throws.
 */
export async function detectFfmpeg(command: string | false): Promise<FfmpegStatus> {
  if (command === false) return { available: false, command: '', reason: 'ffmpeg disabled' };
  try {
    const r = await run(command, ['-hide_banner', '-version'], 10000);
    if (r.code === 0 && /ffmpeg version/i.test(r.stdout.toString())) return { available: true, command };
    return { available: false, command, reason: `ffmpeg not usable (${command} exited ${r.code})` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { available: false, command, reason: code === 'ENOENT' ? 'ffmpeg not found' : `ffmpeg not usable: ${(err as Error).message}` };
  }
}

/**
 * Extracts one frame as PNG bytes: the frame at 1 s (past fade-ins), or the first frame
 * for clips shorter than that. Rotation metadata is applied by ffmpeg.
 *
 * @param command ffmpeg command or path
 * @param file absolute video path
 * @param timeoutMs limit of each ffmpeg call (it is killed after that)
 * @throws MediaError when ffmpeg cannot decode any frame (corrupt or not a video);
 *   TransientError when ffmpeg timed out or could not be started
 */
export async function extractPosterFrame(command: string, file: string, timeoutMs = FFMPEG_TIMEOUT_MS): Promise<Buffer> {
  let last = '';
  for (const seek of ['1', '0']) {
    let r: RunResult;
    try {
      r = await run(
        command,
        ['-hide_banner', '-loglevel', 'error', '-nostdin', '-ss', seek, '-i', file, '-frames:v', '1', '-an', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
        timeoutMs,
      );
    } catch (err) {
      throw new TransientError(`could not run ffmpeg: ${ioReason(err)}`);
    }
    if (r.timedOut) throw new TransientError(`ffmpeg timed out after ${timeoutMs / 1000} s`);
    if (r.code === 0 && r.stdout.length > 0) return r.stdout;
    last = r.stderr.trim().split('\n').pop() ?? `exit ${r.code}`;
  }
  throw new MediaError(`cannot read video: ${last || 'no frame decoded'}`);
}

/** ISO base media (MP4, M4V, QuickTime) top-level boxes a file can start with. */
const BMFF_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid', 'styp', 'sidx', 'junk', 'pdin']);

/**
 * Checks the container signature of an open video without ffmpeg: an MP4/QuickTime box
 * header or the EBML magic of WebM/Matroska.
 * @throws MediaError for an empty file or one with neither signature; TransientError
 *   when the file cannot be read
 */
export async function checkVideoSignature(fh: FileHandle): Promise<void> {
  const head = Buffer.alloc(12);
  let n: number;
  try {
    n = (await fh.read(head, 0, 12, 0)).bytesRead;
  } catch (err) {
    throw new TransientError(`could not read the file: ${ioReason(err)}`);
  }
  if (n === 0) throw new MediaError('empty file (0 bytes)');
  const ebml = n >= 4 && head.readUInt32BE(0) === 0x1a45dfa3;
  const bmff = n >= 8 && BMFF_BOXES.has(head.toString('latin1', 4, 8));
  if (!ebml && !bmff) throw new MediaError('cannot read video: not an MP4, QuickTime or WebM file (no container signature)');
}

/**
 * Publishes a video: checks its container signature, then copies it to `media/<rel>`
 * through `outs`. When ffmpeg is available the video must also decode: a poster frame
 * `media/<rel>.poster.<ext>` (capped at `maxEdge`) is written and gives the item's size
 * and placeholder. Without ffmpeg the record has `posterSkipped: true` and no size (the
 * caller warns that the video was not verified).
 *
 * @throws MediaError for empty files, files without a video signature, or files ffmpeg
 *   cannot decode (permanent); TransientError when ffmpeg times out or an output cannot
 *   be written
 */
export async function renderVideo(abs: string, rel: string, s: RenderSettings, ffmpeg: FfmpegStatus, outs: OutputSet): Promise<MediaRecord> {
  const { fh } = await openInput(abs);
  try {
    await checkVideoSignature(fh);
    return await publish(fh, abs, rel, s, ffmpeg, outs);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

async function publish(fh: FileHandle, abs: string, rel: string, s: RenderSettings, ffmpeg: FfmpegStatus, outs: OutputSet): Promise<MediaRecord> {
  const src = outputBase(rel);
  // Without a poster there is no still image: `thumb` stays unset (the element shows the video).
  const record: MediaRecord = { type: 'video', src, srcset: [], embedded: {}, outputs: [src] };
  if (!ffmpeg.available) {
    await outs.copy(src, fh);
    record.posterSkipped = true;
    return record;
  }
  const frame = await extractPosterFrame(ffmpeg.command, abs, ffmpeg.timeoutMs);
  const poster = `${src}.poster.${EXT[s.format]}`;
  let bytes: Buffer;
  let placeholder: string | undefined;
  try {
    const decoded = await sharp(frame)
      .resize(s.maxEdge, s.maxEdge, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height, channels } = decoded.info;
    const raw = () => sharp(decoded.data, { raw: { width, height, channels: channels as 3 | 4 } });
    [placeholder, bytes] = await Promise.all([makePlaceholder(s.placeholder, raw()), encode(raw(), s, channels === 4).toBuffer()]);
    // The video's intrinsic size is the decoded frame's (ffmpeg applies rotation metadata).
    const fm = await sharp(frame).metadata();
    record.width = fm.width ?? width;
    record.height = fm.height ?? height;
  } catch (err) {
    throw decodeError(err);
  }
  await outs.copy(src, fh);
  await outs.write(poster, bytes);
  record.poster = poster;
  record.thumb = poster;
  record.outputs.push(poster);
  if (placeholder) record.placeholder = placeholder;
  return record;
}
