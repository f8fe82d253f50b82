import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../src/engine/trace.js';
import { compileWorld, type World } from '../../src/engine/world.js';
import { simulateRecorded } from '../../src/metrics/simulate-recorded.js';
import { summarizeRun } from '../../src/metrics/summarize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { repoFile } from '../helpers.js';

/**
 * The built-in world's answers come from who the states are (the credible-model issue): checked
 * over many seeds, against independently computed statistics (ranks, rates from the trace,
 * paired differences beyond three standard errors).
 */
const builtIn = (overrides: Record<string, unknown> = {}, years = 10) =>
  compileWorld(loadScenario(repoFile('scenarios/asia-2025.yaml'), { overrides }).scenario, { years });
const SEEDS = Array.from({ length: 20 }, (_, i) => 100 + i);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function spearman(a: number[], b: number[]): number {
  // Average ranks for ties (many pairs share one structural trust).
  const ranks = (xs: number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    for (let k = 0; k < order.length; ) {
      let end = k;
      while (end + 1 < order.length && order[end + 1][0] === order[k][0]) end++;
      for (let m = k; m <= end; m++) r[order[m][1]] = (k + end) / 2;
      k = end + 1;
    }
    return r;
  };
  const [ra, rb] = [ranks(a), ranks(b)];
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const [ma, mb] = [mean(ra), mean(rb)];
  let num = 0;
  let da = 0;
  let db = 0;
  for (let k = 0; k < ra.length; k++) {
    num += (ra[k] - ma) * (rb[k] - mb);
    da += (ra[k] - ma) ** 2;
    db += (rb[k] - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

describe('trust comes from who the states are', () => {
  const world = builtIn();
  const { n } = world;
  const cica = world.orgIds.indexOf('CICA');
  const members = Array.from(world.memberList.subarray(cica * n, cica * n + world.memberCount[cica]));
  const idx = (id: string) => world.stateIndex.get(id) as number;
  const runs = SEEDS.map((seed) => simulateRecorded(world, seed).finalTrust as Float64Array);

  it('after ten years, member pairs still rank as their structure ranks them, not collapsed to one level', () => {
    const initial: number[] = [];
    for (const i of members)
      for (const j of members) if (i !== j) initial.push(world.structuralTrust[i * n + j]);
    const rhos = runs.map((final) => {
      const values: number[] = [];
      for (const i of members) for (const j of members) if (i !== j) values.push(final[i * n + j]);
      return spearman(initial, values);
    });
    expect(median(rhos)).toBeGreaterThan(0.6);
    // The spread between the 5th and 95th percentile of pairs stays at least half the initial one.
    const spread = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.floor(0.95 * s.length)] - s[Math.floor(0.05 * s.length)];
    };
    const finals: number[] = [];
    for (const i of members) for (const j of members) if (i !== j) finals.push(runs[0][i * n + j]);
    expect(spread(finals)).toBeGreaterThan(spread(initial) / 2);
  });

  it.each([
    ['IND', 'PAK'],
    ['ISR', 'PSE'],
    ['RUS', 'UKR'],
  ])('a pair in conflict (%s–%s) stays well below neutral trust in the median run', (a, b) => {
    const final = median(runs.map((t) => t[idx(a) * n + idx(b)]));
    expect(world.structuralTrust[idx(a) * n + idx(b)]).toBeLessThan(0.3);
    expect(final).toBeLessThan(0.4);
  });
});

describe('compliance comes from who the states are and who takes part', () => {
  it('in the trace, high-sovereignty and low-capability states implement costly binding measures less often', () => {
    const world = builtIn();
    const records: Extract<TraceRecord, { type: 'implementation' }>[] = [];
    for (const seed of SEEDS.slice(0, 8))
      simulateRecorded(world, seed, {
        trace: (r) => {
          if (r.type === 'implementation' && r.cost * r.bindingness >= 0.05) records.push(r);
        },
      });
    const rate = (select: (i: number) => boolean) => {
      let done = 0;
      let due = 0;
      for (const r of records) {
        for (const id of r.implemented) {
          if (!select(world.stateIndex.get(id) as number)) continue;
          done++;
          due++;
        }
        for (const id of r.defected) if (select(world.stateIndex.get(id) as number)) due++;
      }
      return done / due;
    };
    expect(records.length).toBeGreaterThan(100);
    expect(rate((i) => world.sovereignty[i] >= 0.8)).toBeLessThan(
      rate((i) => world.sovereignty[i] <= 0.5) - 0.03,
    );
    expect(rate((i) => world.capability[i] < 0.3)).toBeLessThan(
      rate((i) => world.capability[i] > 0.7) - 0.03,
    );
  });

  it("an adversary's participation lowers compliance: Palestine complies less with Israel in CICA", () => {
    const withIsrael = builtIn({}, 8);
    const members = loadScenario(repoFile('scenarios/asia-2025.yaml')).scenario.organisations.CICA.members;
    // Israel as an observer instead: it takes no part in CICA's measures.
    const cica = loadScenario(repoFile('scenarios/asia-2025.yaml')).scenario.organisations.CICA;
    const withoutIsrael = builtIn(
      {
        'organisations.CICA.members': members.filter((id) => id !== 'ISR'),
        'organisations.CICA.observers': [...cica.observers, 'ISR'],
      },
      8,
    );
    const palestine = (w: World, seed: number) => {
      let done = 0;
      let due = 0;
      simulateRecorded(w, seed, {
        trace: (r) => {
          if (r.type !== 'implementation') return;
          if (r.implemented.includes('PSE')) done++;
          if (r.implemented.includes('PSE') || r.defected.includes('PSE')) due++;
        },
      });
      return done / due;
    };
    const d = SEEDS.map((seed) => palestine(withIsrael, seed) - palestine(withoutIsrael, seed));
    const mean = d.reduce((s, x) => s + x, 0) / d.length;
    const se = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1) / d.length);
    expect(mean).toBeLessThan(-3 * se);
  });
});

describe('rules: the trade-off between speed and cohesion', () => {
  it("consensus-minus-one adopts more than unanimity, and overruling costs the outvoted members' trust", () => {
    const isolated = { 'parameters.events.hazards': false, 'parameters.enlargement.enabled': false };
    const unanimity = builtIn({ ...isolated, 'organisations.CICA.rules.cbm': { kind: 'unanimity' } }, 8);
    const minusOne = { ...isolated, 'organisations.CICA.rules.cbm': { kind: 'consensus-minus', k: 1 } };
    const resentful = builtIn(minusOne, 8);
    const forgiving = builtIn({ ...minusOne, 'parameters.trust.overruledPenalty': 0 }, 8);
    const paired = (a: World, b: World, metric: string) => {
      const d = SEEDS.map(
        (seed) =>
          summarizeRun(simulateRecorded(b, seed)).CICA[metric] -
          summarizeRun(simulateRecorded(a, seed)).CICA[metric],
      ).filter(Number.isFinite);
      const mean = d.reduce((s, x) => s + x, 0) / d.length;
      return { mean, se: Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1) / d.length) };
    };
    const adoption = paired(unanimity, resentful, 'adopted');
    expect(adoption.mean).toBeGreaterThan(3 * adoption.se);
    const trust = paired(forgiving, resentful, 'mean_trust');
    expect(trust.mean).toBeLessThan(-3 * trust.se);
  });
});
