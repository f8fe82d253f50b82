import type { CompiledRule } from './compile.js';

/** A compiled rule in a few words, for traces: "consensus", "quota count ≥ 19 veto …". */
export function describeCompiledRule(rule: CompiledRule): string {
  switch (rule.kind) {
    case 'unanimity':
    case 'consensus':
      return rule.kind;
    case 'consensus-minus':
      return `consensus-minus ${rule.k}`;
    case 'opt-in':
      return `opt-in ≥ ${rule.minParticipants}`;
    case 'quota': {
      const parts: string[] = [];
      if (rule.minCount > 0) parts.push(`count ≥ ${+rule.minCount.toFixed(2)}`);
      if (rule.minWeight > 0) parts.push(`weight ≥ ${+rule.minWeight.toFixed(2)}`);
      if (rule.minPopulation > 0) parts.push(`population ≥ ${+rule.minPopulation.toFixed(1)}`);
      if (rule.veto.length > 0) parts.push(`${rule.veto.length} vetoes`);
      if (rule.blockingMinority > 0) parts.push(`blocking minority ${rule.blockingMinority}`);
      return `quota ${parts.join(', ')}`;
    }
  }
}
