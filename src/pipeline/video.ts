import { spawn } from 'node:child_process';
import { MediaError } from './errors.js';

/** Whether ffmpeg can be run, and how. */
export interface FfmpegStatus {
  available: boolean;
  /** Command or path passed to `spawn`. */
  command: string;
  /** Why it is unavailable (shown in the "poster skipped" warning). */
  reason?: string;
}

interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

function run(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
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
      resolve({ code, stdout: Buffer.concat(out), stderr: err });
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
 * @throws MediaError when ffmpeg cannot decode any frame (corrupt or not a video)
 */
export async function extractPosterFrame(command: string, file: string): Promise<Buffer> {
  let last = '';
  for (const seek of ['1', '0']) {
    const r = await run(
      command,
      ['-hide_banner', '-loglevel', 'error', '-nostdin', '-ss', seek, '-i', file, '-frames:v', '1', '-an', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
      60000,
    );
    if (r.code === 0 && r.stdout.length > 0) return r.stdout;
    last = r.stderr.trim().split('\n').pop() ?? `exit ${r.code}`;
  }
  throw new MediaError(`cannot read video: ${last || 'no frame decoded'}`);
}
