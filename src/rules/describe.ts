import type { CompiledRule } from './compile.js';
import type { Rule } from './schema.js';

/**
 * A rule in a few words: "consensus-minus 1". As written (for tables and headings), a quota
 * gives its thresholds as written, shares in per cent: "quota count ≥ 66.67%, veto CHN RUS".
 * Compiled for one body (for traces), it gives the absolute thresholds of that body:
 * "quota count ≥ 18, 2 vetoes".
 */
export function describeRule(rule: Rule | CompiledRule): string {
  switch (rule.kind) {
    case 'unanimity':
    case 'consensus':
      return rule.kind;
    case 'consensus-minus':
      return `consensus-minus ${rule.k}`;
    case 'opt-in':
      return `opt-in ≥ ${rule.minParticipants}`;
    case 'quota':
      return `quota ${('yes' in rule ? writtenQuota(rule) : compiledQuota(rule)).join(', ')}`;
  }
}

function writtenQuota(rule: Extract<Rule, { kind: 'quota' }>): string[] {
  const parts = (['count', 'weight', 'population'] as const)
    .filter((key) => rule.yes[key] !== undefined)
    .map((key) => {
      const t = rule.yes[key];
      return `${key} ≥ ${typeof t === 'number' ? t : `${+((t as { share: number }).share * 100).toFixed(2)}%`}`;
    });
  if (rule.veto?.length) parts.push(`veto ${rule.veto.join(' ')}`);
  if (rule.blockingMinority) parts.push(`blocking minority ${rule.blockingMinority}`);
  return parts;
}

function compiledQuota(rule: Extract<CompiledRule, { kind: 'quota' }>): string[] {
  const parts: string[] = [];
  if (rule.minCount > 0) parts.push(`count ≥ ${+rule.minCount.toFixed(2)}`);
  if (rule.minWeight > 0) parts.push(`weight ≥ ${+rule.minWeight.toFixed(2)}`);
  if (rule.minPopulation > 0) parts.push(`population ≥ ${+rule.minPopulation.toFixed(1)}`);
  if (rule.veto.length > 0) parts.push(`${rule.veto.length} vetoes`);
  if (rule.blockingMinority > 0) parts.push(`blocking minority ${rule.blockingMinority}`);
  return parts;
}
