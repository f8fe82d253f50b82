import { describe, expect, it } from 'vitest';
import * as source from '../src/index.js';
import { fixture } from './helpers.js';

describe('the library API (src/index.ts, and the built package by its name)', () => {
  it('exports each stage of the experiment path, for studies that reuse them', () => {
    for (const stage of [
      'loadExperiment',
      'planExperiment',
      'replicationsLeft',
      'openCheckpoint',
      'dispatch',
      'createCollector',
      'writeTables',
      'writeAnalyses',
      'mergeShards',
      'runExperiment',
    ]) {
      expect(typeof (source as Record<string, unknown>)[stage], stage).toBe('function');
    }
  });

  it('built, it runs a scenario as the sources do, bit for bit', async () => {
    // dist/ is package.json's "main", built by `pretest`.
    const built = (await import('../dist/index.js')) as unknown as typeof source;
    const summaryOf = (api: typeof source) => {
      const { scenario } = api.loadScenario(fixture('tiny.yaml'));
      return api.summarizeRun(api.simulateRecorded(api.compileWorld(scenario), 11));
    };
    const summary = summaryOf(source);
    expect(summaryOf(built)).toEqual(summary);
    expect(built.VERSION).toBe(source.VERSION);
  });
});
