import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/errors.js';
import { LOCK_DIR, LOCK_HOLDER, lockDirectory, lockHolder, lostLock } from '../../src/tables/lock.js';

const root = mkdtempSync(join(tmpdir(), 'cica-lock-'));
// A live process on this host that is not this one.
const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
afterAll(() => sleeper.kill());

/** A lock as another process would have left it: its folder (aged `ageMs`) and its holder file. */
function foreignLock(dir: string, holder: { host: string; pid: number }, ageMs = 0) {
  mkdirSync(join(dir, LOCK_DIR), { recursive: true });
  writeFileSync(
    join(dir, LOCK_HOLDER),
    JSON.stringify({ ...holder, since: '2026-12-01T10:00:00.000Z', command: 'cica-sim experiment x.yaml' }),
  );
  const then = new Date(Date.now() - ageMs);
  utimesSync(join(dir, LOCK_DIR), then, then);
}

function conflictOf(take: () => unknown): string {
  try {
    take();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected a conflict');
}

describe('lockDirectory', () => {
  it('creates the directory, says who holds it, nests within one process, and leaves nothing on release', () => {
    const dir = join(root, 'fresh');
    const outer = lockDirectory(dir, { command: 'cica-sim experiment e.yaml' });
    expect(lockHolder(dir)).toMatchObject({
      host: hostname(),
      pid: process.pid,
      command: 'cica-sim experiment e.yaml',
    });
    expect(outer.tookOverFrom).toBeNull();
    const inner = lockDirectory(dir, { command: 'cica-sim report' });
    writeFileSync(join(dir, 'runs.csv'), 'x\n');
    inner.release();
    // Still held by the outer one.
    expect(existsSync(join(dir, LOCK_DIR))).toBe(true);
    outer.release();
    outer.release();
    expect(readdirSync(dir)).toEqual(['runs.csv']);
  });

  it('removes a directory it made when nothing was written into it', () => {
    const dir = join(root, 'unused');
    lockDirectory(dir, { command: 'c' }).release();
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses while a live process on this host holds the lock, whatever its age, naming it', () => {
    const dir = join(root, 'held');
    foreignLock(dir, { host: hostname(), pid: sleeper.pid as number }, 3_600_000);
    expect(conflictOf(() => lockDirectory(dir, { command: 'c' }))).toBe(
      `${dir}: this directory is being written by process ${sleeper.pid} on host ${hostname()}, since 2026-12-01T10:00:00.000Z (cica-sim experiment x.yaml); wait for it to finish or stop it, or choose another --out. A holder that died leaves a lock that the next command takes over: at once on the same host, after 60 s on shared storage`,
    );
  });

  it('takes over at once from a process of this host that is gone, and says whose lock it was', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    const pid = gone.pid as number;
    await new Promise((resolve) => gone.on('exit', resolve));
    const dir = join(root, 'dead-holder');
    foreignLock(dir, { host: hostname(), pid });
    const lock = lockDirectory(dir, { command: 'c' });
    expect(lock.tookOverFrom).toMatchObject({ host: hostname(), pid });
    expect(lockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('on shared storage: refuses a fresh lock of another host, takes over one not refreshed for the stale time', () => {
    const fresh = join(root, 'other-host-fresh');
    foreignLock(fresh, { host: 'node-17', pid: 4242 });
    expect(conflictOf(() => lockDirectory(fresh, { command: 'c' }))).toMatch(
      /by process 4242 on host node-17/,
    );
    const stale = join(root, 'other-host-stale');
    foreignLock(stale, { host: 'node-17', pid: 4242 }, 61_000);
    const lock = lockDirectory(stale, { command: 'c' });
    expect(lock.tookOverFrom).toMatchObject({ host: 'node-17', pid: 4242 });
    lock.release();
  });

  it('check() throws the conflict once another process has taken the lock over', () => {
    const dir = join(root, 'taken');
    const lock = lockDirectory(dir, { command: 'c' });
    expect(() => lock.check()).not.toThrow();
    // Another holder wrote its file: this process no longer holds the lock.
    writeFileSync(
      join(dir, LOCK_HOLDER),
      JSON.stringify({ host: 'node-3', pid: 1, since: 's', command: 'cica-sim merge' }),
    );
    expect(conflictOf(() => lock.check())).toBe(
      `${dir}: another process took over this directory's lock (process 1 on host node-3, since s (cica-sim merge)); this one stopped writing. Run the command again once that one has finished, with --resume to continue an experiment`,
    );
    expect(lostLock()?.message).toBe(conflictOf(() => lock.check()));
    // Released, a lost lock leaves the new holder's files alone.
    lock.release();
    expect(lockHolder(dir)?.host).toBe('node-3');
    expect(lostLock()).toBeNull();
  });
});
