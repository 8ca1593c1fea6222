/**
 * One run per output folder: `<out>/.media-gallery.lock`, created with the `wx` flag
 * (fails if it exists) and holding `{"pid", "host", "started"}` of the run.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PrepareError } from './errors.js';

/** File name of the lock, in the output folder. */
export const LOCK_FILE = '.media-gallery.lock';

/** Contents of a lock file. */
export interface LockInfo {
  /** Process id of the run holding the lock. */
  pid: number;
  /** `os.hostname()` of the machine it runs on. */
  host: string;
  /** ISO 8601 start time of the run. */
  started: string;
}

/** A held lock. */
export interface Lock {
  /** Absolute path of the lock file. */
  file: string;
  /** Set when a stale lock (dead pid on this host) was taken over; says whose. */
  note?: string;
  /** Removes the lock file if it is still ours. Never throws. */
  release(): Promise<void>;
  /** Same, synchronously (for signal and exit handlers). */
  releaseSync(): void;
}

/** Lock files held or being taken by this process, with what they say (a second run in the same process is refused too). */
const ours = new Map<string, LockInfo>();

/** An empty or unparsable lock this old was left by a run that died while creating it. */
const HALF_WRITTEN_MS = 5000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, belongs to another user
  }
}

/** Why the lock `file` (holding `info`) may be taken over, or undefined if it is held. */
async function staleness(file: string, info: LockInfo | undefined): Promise<string | undefined> {
  if (!info) {
    const age = Date.now() - (await stat(file).then((s) => s.mtimeMs, () => 0));
    return age > HALF_WRITTEN_MS ? 'an unreadable lock' : undefined;
  }
  if (info.host !== os.hostname()) return undefined; // cannot tell whether it still runs
  // Our own pid in a lock this process is not taking: an earlier process (pids are reused).
  if (info.pid === process.pid) return `a lock of an earlier process with pid ${info.pid}`;
  return alive(info.pid) ? undefined : `a stale lock left by pid ${info.pid} (started ${info.started}), which is no longer running`;
}

/**
 * Reads a lock file; a lock created a moment ago by another run may still be empty (it is
 * created, then written), so an empty read is retried for up to half a second.
 */
async function readHeld(file: string): Promise<string | undefined> {
  for (let i = 0; ; i++) {
    const raw = await readFile(file, 'utf8').catch(() => undefined);
    if (raw !== '' || i === 20) return raw;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function parse(raw: string): LockInfo | undefined {
  try {
    const v = JSON.parse(raw) as LockInfo;
    if (Number.isInteger(v?.pid) && typeof v.host === 'string') return v;
  } catch {
    // fall through
  }
  return undefined;
}

function heldMessage(file: string, info: LockInfo | undefined): string {
  const who = info
    ? `pid ${info.pid} on ${info.host === os.hostname() ? 'this machine' : `host ${info.host}`}, started ${info.started}`
    : 'a run that is starting';
  return `output folder is locked by another media-gallery run (${who}): ${file}; wait for it to finish, or delete the lock file if no such run is active`;
}

/**
 * Takes the lock of `outDir` (which must exist).
 *
 * A lock whose pid is dead (same host), or an empty lock older than 5 s, is stale: it is
 * taken over and `note` says so. A lock held by a live process, by this process, or by
 * another host is respected.
 *
 * @throws PrepareError `ELOCKED` naming the lock file and the pid holding it
 * @throws the Node I/O error when the lock cannot be created for another reason
 */
export async function acquireLock(outDir: string): Promise<Lock> {
  const file = path.join(outDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  const held = ours.get(file);
  // Held, or being taken, by another run in this process (checked and marked with no await
  // in between, so two calls cannot both get past here).
  if (held) throw new PrepareError(heldMessage(file, held), 'ELOCKED');
  ours.set(file, info);
  try {
    return await take(file, `${JSON.stringify(info)}\n`);
  } catch (err) {
    ours.delete(file);
    throw err;
  }
}

async function take(file: string, body: string): Promise<Lock> {
  let note: string | undefined;
  let last: LockInfo | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fh;
    try {
      fh = await open(file, 'wx', 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fh) {
      try {
        await fh.writeFile(body);
      } catch (err) {
        await rm(file, { force: true }); // no empty lock left behind (e.g. ENOSPC)
        throw err;
      } finally {
        await fh.close();
      }
      return makeLock(file, body, note);
    }
    const raw = await readHeld(file);
    if (raw === undefined) continue; // released meanwhile: try again
    last = parse(raw);
    const stale = await staleness(file, last);
    if (!stale) break;
    // Move the stale lock aside (atomic), and check it is the one we judged: if another
    // run took it over first, we moved its fresh lock and must put it back.
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await rename(file, aside);
    } catch {
      continue;
    }
    const moved = await readFile(aside, 'utf8').catch(() => undefined);
    if (moved !== raw) {
      await link(aside, file).catch(() => undefined);
      await rm(aside, { force: true });
      last = moved === undefined ? undefined : parse(moved);
      break;
    }
    await rm(aside, { force: true });
    note = `took over ${stale}`;
  }
  throw new PrepareError(heldMessage(file, last), 'ELOCKED');
}

function makeLock(file: string, body: string, note: string | undefined): Lock {
  let released = false;
  const lock: Lock = {
    file,
    async release() {
      if (released) return;
      released = true;
      ours.delete(file);
      const raw = await readFile(file, 'utf8').catch(() => undefined);
      if (raw === body) await rm(file, { force: true }).catch(() => undefined);
    },
    releaseSync() {
      if (released) return;
      released = true;
      ours.delete(file);
      try {
        if (readFileSync(file, 'utf8') === body) unlinkSync(file);
      } catch {
        // gone already
      }
    },
  };
  if (note) lock.note = note;
  return lock;
}
