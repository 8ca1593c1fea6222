/** A media file that cannot be used; `message` is the reason shown to the user. */
export class MediaError extends Error {
  override name = 'MediaError';
}

/**
 * A run that cannot start: missing input folder, output inside the input, bad option.
 * `code` is stable for programs: `ENOINPUT`, `EINSIDE`, `EOPTION`.
 */
export class PrepareError extends Error {
  override name = 'PrepareError';
  constructor(
    message: string,
    readonly code: 'ENOINPUT' | 'EINSIDE' | 'EOPTION',
  ) {
    super(message);
  }
}
