import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_DIR, LOCK_HOLDER } from '../../src/tables/lock.js';
import { cli, cliWith, expectSameTables, fixture, repoFile } from '../helpers.js';

/**
 * Two writers on one output directory (docs/RELIABILITY.md §One writer), as real processes: the
 * first is slowed (100 ms a run, 24 runs on one thread) so that the second surely starts while it
 * runs. Exactly one writes; the others exit 2 with a message, never a stack trace; the tables
 * are byte-identical to an undisturbed run; a dead holder's lock is taken over by --resume.
 */
const dir = mkdtempSync(join(tmpdir(), 'cica-writers-'));
const tiny = fixture('experiment.yaml');
const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const SLOW = { CICA_SIM_RUN_DELAY_MS: '100', CICA_SIM_CHECKPOINT_MS: '20' };
const args = (out: string, ...more: string[]) => [
  'experiment',
  tiny,
  '--out',
  out,
  '--threads',
  '1',
  '--quiet',
  '--no-report',
  ...more,
];

const reference = join(dir, 'reference');
expect(cli(...args(reference)).code).toBe(0);

interface Started {
  child: ChildProcess;
  done: Promise<{ code: number | null; stderr: string }>;
}

function start(cliArgs: string[], env: Record<string, string> = SLOW): Started {
  const child = spawn(process.execPath, [repoFile('dist/cli/main.js'), ...cliArgs], {
    cwd: repoFile('.'),
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
  return { child, done };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const holderPid = (out: string): number | null => {
  try {
    return JSON.parse(readFileSync(join(out, LOCK_HOLDER), 'utf8')).pid;
  } catch {
    return null;
  }
};
const runsDone = (out: string): number => {
  try {
    return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).jobs.done;
  } catch {
    return -1;
  }
};

/** Starts a slowed experiment on `out` and waits until it holds the lock and has written its manifest. */
async function firstWriter(out: string, ...more: string[]): Promise<Started> {
  return writerWith(SLOW, out, ...more);
}

async function writerWith(env: Record<string, string>, out: string, ...more: string[]): Promise<Started> {
  const first = start(args(out, ...more), env);
  await waitFor(() => holderPid(out) === first.child.pid && runsDone(out) >= 0, 'the first writer');
  return first;
}

function expectRefused(
  second: { code: number | null; stderr: string },
  out: string,
  pid: number | undefined,
) {
  expect(second.code, second.stderr).toBe(2);
  expect(second.stderr).toContain(
    `${out}: this directory is being written by process ${pid} on host ${hostname()}`,
  );
  expect(second.stderr).not.toMatch(STACK);
}

describe('one writer per output directory', () => {
  it.each([
    ['plain', []],
    ['--resume', ['--resume']],
    ['--force', ['--force']],
  ])(
    'a second experiment (%s) on a directory being written exits 2; the first finishes as if alone',
    async (_, more) => {
      const out = join(dir, `second-${more.join('') || 'plain'}`);
      const first = await firstWriter(out, ...more);
      expectRefused(cli(...args(out, ...more)), out, first.child.pid);
      expect((await first.done).code).toBe(0);
      expectSameTables(reference, out);
      expect(existsSync(join(out, LOCK_DIR))).toBe(false);
    },
    60_000,
  );

  it('merge into, and chart and report of, a directory being written exit 2', async () => {
    const shards = [1, 2].map((i) => join(dir, `shard-${i}`));
    for (const [i, shard] of shards.entries())
      expect(cli(...args(shard, '--shard', `${i + 1}/2`)).code).toBe(0);
    const out = join(dir, 'busy');
    // Slower still (half a second a run: 12 s in all), so that three commands, which load the
    // chart libraries, surely run while it writes even on a loaded machine.
    const first = await writerWith({ ...SLOW, CICA_SIM_RUN_DELAY_MS: '500' }, out);
    expectRefused(cli('merge', ...shards, '--out', out), out, first.child.pid);
    expectRefused(cli('chart', out), out, first.child.pid);
    expectRefused(cli('report', out), out, first.child.pid);
    expect((await first.done).code).toBe(0);
    expectSameTables(reference, out);
    // The shards merge, under their own lock, into what the undisturbed run wrote.
    const merged = join(dir, 'merged');
    expect(cli('merge', ...shards, '--out', merged).code).toBe(0);
    expectSameTables(reference, merged);
  }, 60_000);

  it('three experiments started at once on a new directory: one writes, two exit 2', async () => {
    const out = join(dir, 'three');
    const started = [0, 1, 2].map(() => start(args(out)));
    const results = await Promise.all(started.map((s) => s.done));
    const codes = results.map((r) => r.code).sort();
    expect(codes, results.map((r) => r.stderr).join('\n')).toEqual([0, 2, 2]);
    for (const result of results.filter((r) => r.code === 2)) {
      expect(result.stderr).toMatch(
        /this directory is being written by (process \d+ on host|another cica-sim process)/,
      );
      expect(result.stderr).not.toMatch(STACK);
    }
    expectSameTables(reference, out);
  }, 60_000);

  it('a SIGKILLed holder: --resume takes its lock over at once, says so, and finishes the same tables', async () => {
    const out = join(dir, 'killed');
    const first = await firstWriter(out);
    await waitFor(() => runsDone(out) >= 4, 'some runs to be checkpointed');
    first.child.kill('SIGKILL');
    await first.done;
    expect(holderPid(out)).toBe(first.child.pid);
    const resumed = cli(...args(out, '--resume'));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(
      `took over the lock of ${out} from process ${first.child.pid} on host ${hostname()}`,
    );
    expectSameTables(reference, out);
  }, 60_000);

  it('a holder on another node that stopped refreshing: --resume takes over after the stale time', () => {
    const out = join(dir, 'other-node');
    expect(cli(...args(out, '--stop-after', '8')).code).toBe(130);
    mkdirSync(join(out, LOCK_DIR));
    writeFileSync(
      join(out, LOCK_HOLDER),
      JSON.stringify({
        host: 'node-17',
        pid: 4242,
        since: '2026-12-01T10:00:00.000Z',
        command: 'cica-sim experiment',
      }),
    );
    // Refreshed just now: refused.
    const fresh = cliWith({ CICA_SIM_LOCK_STALE_MS: '5000' }, ...args(out, '--resume'));
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toMatch(
      /being written by process 4242 on host node-17, since 2026-12-01T10:00:00.000Z/,
    );
    // Not refreshed for longer than the stale time: taken over.
    const then = new Date(Date.now() - 10_000);
    utimesSync(join(out, LOCK_DIR), then, then);
    const resumed = cliWith({ CICA_SIM_LOCK_STALE_MS: '5000' }, ...args(out, '--resume'));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`took over the lock of ${out} from process 4242 on host node-17`);
    expectSameTables(reference, out);
  }, 60_000);
});
