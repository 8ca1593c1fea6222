/**
 * Atomic output files: everything the pipeline writes goes to a temporary file in the
 * destination's own folder (`.<name>.tmp-<pid>-<random>`, a dot-file so it is never
 * served or walked) and is then `rename`d into place. Readers, and hard links to the old
 * file, see the old or the new bytes, never a partial file; a failed or interrupted write
 * leaves the old file as it was.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { ioReason, TransientError } from './errors.js';

/** Temporary files being written right now (absolute paths), removed on interruption. */
const live = new Set<string>();

/** A fresh temporary path next to `file`: `.<name>.tmp-<pid>-<8 hex>`. */
export function tempPath(file: string): string {
  // Long names stay under the usual 255-byte limit once the suffix is added.
  const base = path.basename(file).slice(0, 200);
  return path.join(path.dirname(file), `.${base}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** True for a name made by {@link tempPath}. */
export function isTempName(name: string): boolean {
  return /^\..*\.tmp-\d+-[0-9a-f]{8}$/.test(name);
}

async function viaTemp(file: string, fill: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = tempPath(file);
  live.add(tmp);
  try {
    await fill(tmp);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  } finally {
    live.delete(tmp);
  }
}

/**
 * Writes `data` to `file` atomically (temporary file in the same folder, then `rename`).
 * @throws the Node I/O error (the temporary file is removed)
 */
export function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  return viaTemp(file, (tmp) => writeFile(tmp, data));
}

/**
 * Copies the whole of an open input file to `dest` atomically (from the handle, so the
 * bytes copied are those of the file that was checked, whatever its path points to now).
 * @throws the Node I/O error (the temporary file is removed)
 */
export function copyFromHandleAtomic(fh: FileHandle, dest: string): Promise<void> {
  return viaTemp(dest, (tmp) => pipeline(fh.createReadStream({ start: 0, autoClose: false }), createWriteStream(tmp, { mode: 0o644 })));
}

/**
 * Removes every temporary file still being written, synchronously (for signal and exit
 * handlers). Best effort: errors are ignored.
 */
export function removeTempsSync(): void {
  for (const tmp of live) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or removed
    }
  }
  live.clear();
}

/**
 * Deletes temporary files (names made by {@link tempPath}) anywhere under `dir`: what a
 * killed run (SIGKILL, power loss) left behind. Only call it while holding the folder's
 * lock. Best effort; returns how many were removed.
 */
export async function sweepTemps(dir: string): Promise<number> {
  let removed = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries.map(async (e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) removed += await sweepTemps(p);
      else if (isTempName(e.name) && (await rm(p, { force: true }).then(() => true, () => false))) removed++;
    }),
  );
  return removed;
}

/**
 * The outputs of one input, committed one by one into an output folder and rolled back
 * together when any of them fails, so a failed input leaves no orphans.
 */
export class OutputSet {
  /** Output-relative paths renamed into place so far. */
  readonly written: string[] = [];

  constructor(readonly outDir: string) {}

  private async commit(rel: string, put: (abs: string) => Promise<void>): Promise<void> {
    const abs = path.join(this.outDir, ...rel.split('/'));
    try {
      await mkdir(path.dirname(abs), { recursive: true });
      await put(abs);
    } catch (err) {
      throw new TransientError(`could not write ${rel}: ${ioReason(err)}`);
    }
    this.written.push(rel);
  }

  /**
   * Writes `data` as `rel` (output-relative, `/` separators), creating folders.
   * @throws TransientError "could not write <rel>: <ERRNO> (…)"
   */
  write(rel: string, data: Buffer): Promise<void> {
    return this.commit(rel, (abs) => writeFileAtomic(abs, data));
  }

  /**
   * Copies the whole of the open input file `fh` as `rel`, creating folders.
   * @throws TransientError "could not write <rel>: <ERRNO> (…)"
   */
  copy(rel: string, fh: FileHandle): Promise<void> {
    return this.commit(rel, (abs) => copyFromHandleAtomic(fh, abs));
  }

  /** Deletes every output written so far (best effort). */
  async rollback(): Promise<void> {
    await Promise.all(this.written.map((rel) => rm(path.join(this.outDir, ...rel.split('/')), { force: true }).catch(() => undefined)));
    this.written.length = 0;
  }
}
