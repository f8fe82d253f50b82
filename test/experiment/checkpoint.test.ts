import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckpointStore, openCheckpoint, readState } from '../../src/experiment/checkpoint.js';
import { loadExperiment } from '../../src/experiment/load.js';
import { planExperiment } from '../../src/experiment/plan.js';
import { fixture } from '../helpers.js';

const experiment = loadExperiment(fixture('experiment.yaml'));
const plan = planExperiment(experiment);
const dir = mkdtempSync(join(tmpdir(), 'cica-checkpoint-'));
const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

function open(out: string, resume = false): CheckpointStore {
  const store = openCheckpoint(experiment, plan, { out, threads: 1, resume, force: false });
  if ('complete' in store) throw new Error('unexpectedly complete');
  return store;
}

describe('the checkpoint stage', () => {
  it('starts a directory: the runs header, a running manifest, nothing done', () => {
    const out = join(dir, 'fresh');
    const store = open(out);
    expect(readFileSync(store.runsPath, 'utf8')).toMatch(/^variant,point,replication,seed,org,members,/);
    expect(store.progress).toMatchObject({ done: 0, failures: [] });
    expect(store.progress.runsBytes).toBe(readFileSync(store.runsPath).length);
    expect(manifestOf(out)).toMatchObject({ status: 'running', jobs: { total: 24, done: 0, shard: null } });
  });

  it('keeps what is done on interrupting, and a resume cuts runs.csv back to the checkpoint', () => {
    const out = join(dir, 'resumed');
    const store = open(out);
    appendFileSync(store.runsPath, 'kept row\n');
    store.progress.runsBytes += 'kept row\n'.length;
    store.progress.done = 4;
    store.interrupt();
    expect(manifestOf(out)).toMatchObject({ status: 'interrupted', jobs: { done: 4 } });
    // Rows written after the checkpoint belong to runs it does not count.
    appendFileSync(store.runsPath, 'lost row\n');
    const again = open(out, true);
    expect(again.progress.done).toBe(4);
    expect(readFileSync(again.runsPath, 'utf8')).toMatch(/kept row\n$/);
    expect(() => open(out)).toThrow(/add --resume to continue it/);
  });

  it('finishes: the tables written, runs.csv under its name, state.json, the manifest complete', () => {
    const out = join(dir, 'finished');
    const store = open(out);
    store.progress.done = 24;
    let wrote = false;
    store.finish(() => {
      wrote = existsSync(join(out, 'runs.csv.partial'));
    });
    expect(wrote).toBe(true); // the tables are written while runs.csv is still partial
    expect(existsSync(join(out, 'runs.csv'))).toBe(true);
    expect(existsSync(join(out, 'checkpoint.json'))).toBe(false);
    expect(readState(out).done).toBe(24);
    expect(manifestOf(out)).toMatchObject({ status: 'complete', jobs: { done: 24 } });
    expect(readFileSync(join(out, 'failures.csv'), 'utf8')).toBe('variant,point,replication,seed,message\n');
    // A finished directory is reported complete, not reopened.
    expect(
      'complete' in openCheckpoint(experiment, plan, { out, threads: 1, resume: true, force: false }),
    ).toBe(true);
  });
});
