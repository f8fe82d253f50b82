import type { Rule } from '../rules/schema.js';

/**
 * The rules a student picks from, as the consensus-rules study writes them
 * (experiments/consensus-rules.yaml): unanimity, consensus, consensus minus k, two thirds, the
 * EU's double majority and voluntary opt-in. `k` is the objections survived or the members needed.
 */
export interface Preset {
  id: string;
  label: string;
  rule(k: number): Rule;
}

export const PRESETS: readonly Preset[] = [
  { id: 'unanimity', label: 'unanimity (an abstention blocks)', rule: () => ({ kind: 'unanimity' }) },
  { id: 'consensus', label: 'consensus (no objection)', rule: () => ({ kind: 'consensus' }) },
  {
    id: 'consensus-minus',
    label: 'consensus minus k',
    rule: (k) => ({ kind: 'consensus-minus', k: Math.max(0, Math.round(k)) }),
  },
  {
    id: 'two-thirds',
    label: 'two thirds of the members',
    rule: () => ({ kind: 'quota', yes: { count: { share: 0.6667 } } }),
  },
  {
    id: 'double-majority',
    label: 'double majority (55% of members, 65% of population)',
    rule: () => ({ kind: 'quota', yes: { count: { share: 0.55 }, population: { share: 0.65 } } }),
  },
  {
    id: 'opt-in',
    label: 'voluntary opt-in (k members needed)',
    rule: (k) => ({ kind: 'opt-in', minParticipants: Math.max(1, Math.round(k)) }),
  },
];

/** Which preset a rule is, with its k; 'custom' when it is none of them. */
export function presetOf(rule: Rule): { id: string; k?: number } {
  if (rule.kind === 'consensus-minus') return { id: 'consensus-minus', k: rule.k };
  if (rule.kind === 'opt-in') return { id: 'opt-in', k: rule.minParticipants };
  const text = JSON.stringify(rule);
  const found = PRESETS.find((p) => JSON.stringify(p.rule(1)) === text);
  return { id: found?.id ?? 'custom' };
}
