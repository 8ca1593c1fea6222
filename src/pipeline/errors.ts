/**
 * A media file that cannot be used: the file itself is bad (empty, corrupt, truncated, not
 * an image, over the pixel limit). `message` is the reason shown to the user. Permanent:
 * cached, and re-reported without decoding again until the file or the settings change.
 */
export class MediaError extends Error {
  override name = 'MediaError';
}

/**
 * A failure that says nothing about the file: an output that cannot be written (a folder
 * in the way, disk full, no permission), an input that cannot be read right now, ffmpeg
 * timing out. `message` is the reason shown to the user. Never cached: the next run tries
 * again.
 */
export class TransientError extends Error {
  override name = 'TransientError';
}

/**
 * A run that cannot start: missing input folder, output inside the input, bad option,
 * output folder locked by another run. `code` is stable for programs: `ENOINPUT`,
 * `EINSIDE`, `EOPTION`, `ELOCKED`.
 */
export class PrepareError extends Error {
  override name = 'PrepareError';
  constructor(
    message: string,
    readonly code: 'ENOINPUT' | 'EINSIDE' | 'EOPTION' | 'ELOCKED',
  ) {
    super(message);
  }
}

/**
 * `EISDIR (illegal operation on a directory)` from a Node file system error, or its plain
 * message when it has no errno code.
 */
export function ioReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (!e?.code) return String(e?.message ?? err).split('\n')[0]!;
  // Node's messages read "EISDIR: illegal operation on a directory, rename 'a' -> 'b'".
  const m = /^[A-Z0-9_]+: ([^,]+)/.exec(e.message ?? '');
  return m ? `${e.code} (${m[1]})` : e.code;
}

/**
 * Sorts any error thrown while processing one file into the two classes above.
 * `MediaError` and `TransientError` pass through; a Node errno error becomes
 * `TransientError` ("could not process: EACCES (…)"); anything else is treated as
 * transient too (not cached), so an unexpected failure is retried rather than remembered.
 */
export function classify(err: unknown): MediaError | TransientError {
  if (err instanceof MediaError || err instanceof TransientError) return err;
  return new TransientError(`could not process: ${ioReason(err)}`);
}
