import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { InputError } from '../input/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { describeWriteFailure } from '../util/output-error.js';

/**
 * One writer per output directory (docs/RELIABILITY.md §One writer). A command that writes a
 * directory — experiment, merge, chart, report, run --out — holds its lock from before its first
 * write to its last. The lock is proper-lockfile's: a directory made atomically with mkdir (which
 * is atomic on network filesystems too), its modification time refreshed while the holder runs.
 * Beside it, a small file says who holds it, so a second writer can be told.
 *
 * A holder that is gone leaves a stale lock, recognised two ways:
 *   - on the same host, its process no longer exists;
 *   - on shared storage (another node), its time has not been refreshed for STALE_MS.
 * A writer that finds a stale lock takes it over and is told whose it was.
 */
export const LOCK_DIR = '.cica-sim.lock';
export const LOCK_HOLDER = '.cica-sim.lock-holder.json';
/** What the lock adds to a directory: left alone by --force, and by the "is it empty?" check. */
export const LOCK_ENTRIES: readonly string[] = [LOCK_DIR, LOCK_HOLDER];

/**
 * How long a lock whose time is not refreshed stays valid (refreshed every half of it). Long
 * enough for a busy node and some clock skew; CICA_SIM_LOCK_STALE_MS sets it (tests use 2 s).
 */
const STALE_MS = Math.max(2000, Number(process.env.CICA_SIM_LOCK_STALE_MS ?? 60_000));

export interface LockHolder {
  host: string;
  pid: number;
  /** When it took the lock (ISO 8601). */
  since: string;
  command: string;
}

export interface DirectoryLock {
  dir: string;
  /** The stale holder this lock was taken over from, if it was. */
  tookOverFrom: LockHolder | null;
  /** Throws the conflict (exit 2) when another process has taken the lock over meanwhile. */
  check(): void;
  release(): void;
}

export interface LockOptions {
  /** What this process is doing, shown to a second writer ("cica-sim experiment x.yaml"). */
  command: string;
  /** Called once if the lock is lost to another process while held (the CLI stops at once). */
  onLost?: (error: InputError) => void;
}

interface HeldLock {
  count: number;
  /** This lock made the directory: on release, an empty one is removed again. */
  created: boolean;
  lost: InputError | null;
  onLost: ((error: InputError) => void)[];
  tookOverFrom: LockHolder | null;
}

/** Locks held by this process, by resolved directory: taking one again nests (a count). */
const held = new Map<string, HeldLock>();

/** Takes the lock of `dir` (created if missing), or throws the conflict as bad input (exit 2). */
export function lockDirectory(dir: string, options: LockOptions): DirectoryLock {
  const key = resolve(dir);
  const existing = held.get(key);
  const lock = existing ?? acquire(key, options);
  lock.count++;
  if (options.onLost) lock.onLost.push(options.onLost);
  let released = false;
  return {
    dir,
    tookOverFrom: lock.tookOverFrom,
    check: () => {
      const lost = verify(key, lock);
      if (lost) throw lost;
    },
    release: () => {
      if (released) return;
      released = true;
      if (--lock.count > 0) return;
      held.delete(key);
      if (lock.lost) return;
      rmSync(join(key, LOCK_HOLDER), { force: true });
      try {
        lockfile.unlockSync(key, lockOptions(key));
        // Nothing was written (the command failed first): leave no empty directory behind.
        if (lock.created && readdirSync(key).length === 0) rmdirSync(key);
      } catch {
        // Already gone (the directory was removed): nothing is held.
      }
    },
  };
}

/** The conflict that a lost lock, or an error a concurrent writer caused, is reported as. */
export function lostLock(): InputError | null {
  for (const [dir, lock] of held) {
    const lost = verify(dir, lock);
    if (lost) return lost;
  }
  return null;
}

/**
 * Whether `lock` is still this process's: not lost as the refresh timer saw it, and not taken over
 * before the timer noticed (this process blocked past STALE_MS, another one took the lock).
 */
function verify(dir: string, lock: HeldLock): InputError | null {
  if (!lock.lost) {
    const holder = lockHolder(dir);
    if (holder && (holder.pid !== process.pid || holder.host !== hostname())) lock.lost = lostError(dir);
  }
  return lock.lost;
}

/** Who holds the lock of `dir`, as its holder file says (null: nobody, or unreadable). */
export function lockHolder(dir: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(join(dir, LOCK_HOLDER), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function acquire(dir: string, options: LockOptions): HeldLock {
  const created = !existsSync(dir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw conflictOrWriteError(dir, error, 'cannot create the output directory');
  }
  const lockPath = join(dir, LOCK_DIR);
  const previous = lockHolder(dir);
  const present = existsSync(lockPath);
  if (present && previous && previous.host === hostname()) {
    // On this host a holder is alive or gone for certain, whatever the lock's age says. (Our own
    // process id, in a lock this process does not hold, is an earlier process's: ids are reused.)
    if (previous.pid !== process.pid && isAlive(previous.pid)) throw conflict(dir, previous);
    rmSync(lockPath, { recursive: true, force: true });
  }
  const lock: HeldLock = { count: 0, created, lost: null, onLost: [], tookOverFrom: null };
  try {
    lockfile.lockSync(dir, {
      ...lockOptions(dir),
      stale: STALE_MS,
      onCompromised: () => {
        lock.lost = lostError(dir);
        for (const listener of lock.onLost) listener(lock.lost);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw conflict(dir, lockHolder(dir));
    throw conflictOrWriteError(dir, error, 'cannot lock the output directory');
  }
  // A lock that was there and is ours now was stale: its holder is gone.
  if (present) lock.tookOverFrom = previous ?? { host: 'unknown', pid: 0, since: 'unknown', command: '' };
  const holder: LockHolder = {
    host: hostname(),
    pid: process.pid,
    since: new Date().toISOString(),
    command: options.command,
  };
  writeFileAtomic(join(dir, LOCK_HOLDER), `${JSON.stringify(holder)}\n`);
  held.set(dir, lock);
  return lock;
}

function lockOptions(dir: string) {
  return { lockfilePath: join(dir, LOCK_DIR), realpath: false };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Says who holds the lock of `dir`, and what to do. */
export function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another cica-sim process';
  return `process ${holder.pid} on host ${holder.host}, since ${holder.since}${holder.command ? ` (${holder.command})` : ''}`;
}

function conflict(dir: string, holder: LockHolder | null): InputError {
  return new InputError([
    {
      location: { file: dir },
      path: '',
      message: `this directory is being written by ${describeHolder(holder)}; wait for it to finish or stop it, or choose another --out. A holder that died leaves a lock that the next command takes over: at once on the same host, after ${STALE_MS / 1000} s on shared storage`,
    },
  ]);
}

function lostError(dir: string): InputError {
  return new InputError([
    {
      location: { file: dir },
      path: '',
      message: `another process took over this directory's lock (${describeHolder(lockHolder(dir))}); this one stopped writing. Run the command again once that one has finished, with --resume to continue an experiment`,
    },
  ]);
}

/** A write error where the directory vanished under us is the conflict it is, not a bug. */
function conflictOrWriteError(dir: string, error: unknown, what: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTEMPTY' || code === 'EEXIST') return conflict(dir, lockHolder(dir));
  return new InputError([
    { location: { file: dir }, path: '', message: `${what}: ${describeWriteFailure(error)}` },
  ]);
}
