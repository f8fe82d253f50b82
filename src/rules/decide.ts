import type { CompiledRule } from './compile.js';
import { NO, YES } from './votes.js';

/**
 * Applies a decision rule to the votes of one body.
 *
 * - `members[0..count)` are the state indices of those who vote;
 * - `votes[voteOffset + state]` is YES, ABSTAIN or NO;
 * - `weight[weightOffset + state]` and `population[state]` feed quota conditions;
 * - on return `participants[participantOffset + state]` is 1 for every member bound by (and so
 *   implementing) the decision, 0 otherwise — all members when binding on all, the objectors
 *   left out under consensus-minus-k, only those who opted in under opt-in.
 *
 * Returns whether the proposal passed. Allocates nothing.
 */
export function decide(
  rule: CompiledRule,
  members: Int32Array,
  memberOffset: number,
  count: number,
  votes: Int8Array,
  voteOffset: number,
  weight: Float64Array,
  weightOffset: number,
  population: Float64Array,
  participants: Uint8Array,
  participantOffset: number,
): boolean {
  let yes = 0;
  let no = 0;
  let yesWeight = 0;
  let yesPopulation = 0;
  for (let m = 0; m < count; m++) {
    const state = members[memberOffset + m];
    const vote = votes[voteOffset + state];
    if (vote === YES) {
      yes++;
      yesWeight += weight[weightOffset + state];
      yesPopulation += population[state];
    } else if (vote === NO) {
      no++;
    }
  }

  let passed: boolean;
  switch (rule.kind) {
    case 'unanimity':
      passed = yes === count;
      break;
    case 'consensus':
      passed = no === 0;
      break;
    case 'consensus-minus':
      passed = no <= rule.k;
      break;
    case 'opt-in':
      passed = yes >= rule.minParticipants;
      break;
    case 'quota': {
      let vetoed = false;
      for (let v = 0; v < rule.veto.length; v++) if (votes[voteOffset + rule.veto[v]] === NO) vetoed = true;
      const quotaMet =
        yes >= rule.minCount && yesWeight >= rule.minWeight && yesPopulation >= rule.minPopulation;
      // A blocking-minority clause (EU Council): fewer than m "no" votes cannot block.
      const blockable = rule.blockingMinority === 0 || no >= rule.blockingMinority;
      passed = !vetoed && (quotaMet || !blockable);
      break;
    }
  }

  for (let m = 0; m < count; m++) {
    const state = members[memberOffset + m];
    let bound = 0;
    if (passed) {
      const vote = votes[voteOffset + state];
      if (rule.kind === 'opt-in') bound = vote === YES ? 1 : 0;
      else if (rule.kind === 'consensus-minus') bound = vote === NO ? 0 : 1;
      else bound = 1;
    }
    participants[participantOffset + state] = bound;
  }
  return passed;
}
