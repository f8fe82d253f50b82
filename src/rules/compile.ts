import type { QuotaThreshold, Rule } from './schema.js';

/**
 * A rule with its thresholds turned into absolute numbers for one body of members, so deciding
 * is arithmetic only. Shares are of the total over all members (count, weight or population).
 */
export type CompiledRule =
  | { kind: 'unanimity' }
  | { kind: 'consensus' }
  | { kind: 'consensus-minus'; k: number }
  | {
      kind: 'quota';
      /** Minimum yes count, yes weight and yes population; 0 where the rule sets no condition. */
      minCount: number;
      minWeight: number;
      minPopulation: number;
      /** Vetoing states, by state index. */
      veto: Int32Array;
      /** A proposal cannot be blocked by fewer "no" votes than this (0: no such clause). */
      blockingMinority: number;
    }
  | { kind: 'opt-in'; minParticipants: number };

export interface BodyTotals {
  count: number;
  weight: number;
  population: number;
}

/**
 * Floating-point shares (0.55 × 27 = 14.850000000000001) must not turn a met threshold into a
 * missed one; thresholds from shares are compared with this much slack.
 */
const SHARE_TOLERANCE = 1e-9;

function absolute(threshold: QuotaThreshold | undefined, total: number): number {
  if (threshold === undefined) return 0;
  if (typeof threshold === 'number') return threshold;
  return threshold.share * total * (1 - SHARE_TOLERANCE);
}

export function compileRule(rule: Rule, totals: BodyTotals, indexOf: (id: string) => number): CompiledRule {
  switch (rule.kind) {
    case 'unanimity':
    case 'consensus':
      return { kind: rule.kind };
    case 'consensus-minus':
      return { kind: rule.kind, k: rule.k };
    case 'opt-in':
      return { kind: rule.kind, minParticipants: rule.minParticipants };
    case 'quota':
      return {
        kind: 'quota',
        minCount: absolute(rule.yes.count, totals.count),
        minWeight: absolute(rule.yes.weight, totals.weight),
        minPopulation: absolute(rule.yes.population, totals.population),
        veto: Int32Array.from((rule.veto ?? []).map(indexOf)),
        blockingMinority: rule.blockingMinority ?? 0,
      };
  }
}
