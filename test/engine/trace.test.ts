import { describe, expect, it } from 'vitest';
import { valueAt } from '../../src/engine/simulate.js';
import type { TraceRecord } from '../../src/engine/trace.js';
import { compileWorld } from '../../src/engine/world.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { loadScenario } from '../../src/scenario/load.js';
import { repoFile } from '../helpers.js';

const world = compileWorld(loadScenario(repoFile('scenarios/asia-2025.yaml')).scenario);

describe('the trace', () => {
  it('does not change the run', () => {
    const plain = simulateRecorded(world, 3).values;
    const traced = simulateRecorded(world, 3, { trace: () => {} }).values;
    expect(Buffer.from(traced.buffer).equals(Buffer.from(plain.buffer))).toBe(true);
  });

  it('agrees with the time series: one record per proposal, implementation, application, reform; verdicts and counts match', () => {
    for (const seed of [1, 3, 5]) {
      const records: TraceRecord[] = [];
      const result = simulateRecorded(world, seed, { trace: (r) => records.push(r) });
      const { steps, orgIds } = result;
      const column = (step: number, o: number, name: string) => valueAt(result, step, o, name);
      for (let step = 1; step <= steps; step++) {
        orgIds.forEach((org, o) => {
          const here = records.filter((r) => r.step === step && r.type !== 'shock' && r.org === org);
          // A joint CBM is implemented once, recorded under both organisations ("CICA+SCO").
          const implementations = records.filter(
            (r) => r.step === step && r.type === 'implementation' && r.org.split('+').includes(org),
          );
          const proposals = here.filter((r) => r.type === 'proposal');
          expect(proposals.length).toBe(column(step, o, 'proposals'));
          expect(proposals.filter((r) => r.type === 'proposal' && r.passed).length).toBe(
            column(step, o, 'adopted'),
          );
          // One record per measure adopted, and one per measure in force that came due.
          expect(implementations.filter((r) => r.type === 'implementation' && !r.periodic).length).toBe(
            column(step, o, 'adopted'),
          );
          // Implementations and obligations: each implementer and each participant of every record.
          const sum = (f: (r: Extract<TraceRecord, { type: 'implementation' }>) => number) =>
            implementations.reduce((t, r) => t + (r.type === 'implementation' ? f(r) : 0), 0);
          if (!implementations.some((r) => r.type === 'implementation' && r.org.includes('+'))) {
            expect(sum((r) => r.implemented.length)).toBe(column(step, o, 'cbms_implemented'));
            expect(sum((r) => r.implemented.length + r.defected.length)).toBe(column(step, o, 'obligations'));
          }
          const vetoes = proposals.reduce((sum, r) => sum + (r.type === 'proposal' ? r.vetoes.length : 0), 0);
          expect(vetoes).toBe(column(step, o, 'vetoes'));
          const amendments = proposals.reduce(
            (sum, r) => sum + (r.type === 'proposal' ? r.amendments.length : 0),
            0,
          );
          expect(amendments).toBe(column(step, o, 'amendments'));
          expect(here.filter((r) => r.type === 'application').length).toBe(column(step, o, 'applications'));
          expect(here.filter((r) => r.type === 'application' && r.admitted).length).toBe(
            column(step, o, 'admissions'),
          );
          expect(here.filter((r) => r.type === 'reform' && r.passed).length).toBe(column(step, o, 'reforms'));
          for (const r of proposals) {
            if (r.type !== 'proposal') continue;
            expect(r.votes.length).toBe(column(step, o, 'members'));
            // The proposer votes yes (a joint CBM's proposer may belong to the partner organisation only).
            const own = r.votes.find((v) => v.state === r.proposer);
            if (own) expect(own.vote).toBe('yes');
          }
        });
      }
    }
  });
});
