import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/load.js';
import { runExperiment } from '../../src/experiment/run-experiment.js';
import { cli, expectSameTables, fixture, repoFile } from '../helpers.js';
import { recordCount } from './counts.js';

/**
 * Interruptions at random moments, many times over: each sequence stops an experiment, resumes
 * it, stops it again... until it completes, and must end with exactly the tables of a run that
 * was never interrupted. In process, "stop" is the CLI's own stop request at a random poll; from
 * outside, SIGINT, SIGTERM (a clean stop) or SIGKILL (no chance to checkpoint) at a random time,
 * with checkpoints every 20 ms so that kills land between checkpoints with rows past them.
 * INTERRUPT_RUNS scales the number of sequences.
 */
const SCALE = Number(process.env.INTERRUPT_RUNS ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'cica-interrupt-'));
const random = seedrandom('interruptions');
const tiny = fixture('experiment.yaml');

describe('interrupted at random moments, --resume yields exactly the uninterrupted result', () => {
  it('stopped by request at random points (in process)', async () => {
    const experiment = loadExperiment(tiny, { replications: 20 });
    const reference = join(dir, 'reference');
    await runExperiment(experiment, { out: reference, threads: 2 });
    let interruptions = 0;
    for (let sequence = 0; sequence < 8 * SCALE; sequence++) {
      const out = join(dir, `request-${sequence}`);
      for (let attempt = 0; ; attempt++) {
        let polls = 0;
        const stopAt = Math.floor(random() * 12);
        const outcome = await runExperiment(experiment, {
          out,
          threads: 1 + Math.floor(random() * 3),
          resume: attempt > 0,
          shouldStop: () => polls++ >= stopAt,
        });
        if (outcome.status === 'complete') break;
        interruptions++;
      }
      expectSameTables(reference, out);
    }
    recordCount('interruptions survived (stop requests, in process)', interruptions);
    expect(interruptions).toBeGreaterThanOrEqual(8 * SCALE);
  }, 300_000);

  it('SIGINT, SIGTERM and SIGKILL at random times (the CLI)', async () => {
    const args = ['experiment', tiny, '--replications', '30000', '--quiet', '--no-report', '--threads', '2'];
    const reference = join(dir, 'cli-reference');
    const started = performance.now();
    expect(cli(...args, '--out', reference).code).toBe(0);
    // Signals land at random moments within the uninterrupted run's time, whatever this machine's speed.
    const duration = performance.now() - started;
    const signals = ['SIGINT', 'SIGTERM', 'SIGKILL'] as const;
    const survived: Record<string, number> = { SIGINT: 0, SIGTERM: 0, SIGKILL: 0 };
    for (let sequence = 0; sequence < 4 * SCALE; sequence++) {
      const out = join(dir, `signal-${sequence}`);
      for (let attempt = 0; attempt < 12; attempt++) {
        const signal = signals[(sequence + attempt) % signals.length]; // each signal, in turn
        const delay = duration * (0.05 + 0.6 * random());
        const resume = existsSync(join(out, 'manifest.json')) ? ['--resume'] : [];
        const code = await new Promise<number | null>((resolve) => {
          const child = spawn(
            process.execPath,
            [repoFile('dist/cli/main.js'), ...args, '--out', out, ...resume],
            {
              cwd: repoFile('.'),
              env: { ...process.env, CICA_SIM_CHECKPOINT_MS: '20' },
              stdio: 'ignore',
            },
          );
          const timer = setTimeout(() => child.kill(signal), delay);
          child.on('exit', (status, killedBy) => {
            clearTimeout(timer);
            // Killed by the signal itself: 128 + its number, as a shell reports it.
            resolve(killedBy ? 128 + constants.signals[killedBy] : status);
          });
        });
        if (code === 0) break;
        // A clean stop exits 130; before the CLI has loaded and set its handlers (the first few
        // hundred ms) a signal ends it outright, with nothing yet written to lose.
        const outright = 128 + constants.signals[signal];
        expect([130, outright], `${signal} after ${delay.toFixed(0)} ms`).toContain(code);
        if (signal === 'SIGKILL') expect(code).toBe(137);
        survived[signal]++;
      }
      // A last resume completes whatever the twelfth interruption left.
      if (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status !== 'complete')
        expect(cli(...args, '--out', out, '--resume').code).toBe(0);
      expectSameTables(reference, out);
    }
    for (const signal of signals)
      recordCount(`interruptions survived (${signal}, the CLI)`, survived[signal]);
    expect(survived.SIGINT + survived.SIGTERM + survived.SIGKILL).toBeGreaterThanOrEqual(4 * SCALE);
  }, 300_000);
});
