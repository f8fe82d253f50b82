import type { CompiledRule } from '../../rules/compile.js';
import { NO, YES } from '../../rules/votes.js';
import type { RunState } from '../state.js';
import { addEvidence } from '../trust.js';
import type { World } from '../world.js';

/**
 * Being overruled costs trust (docs/MODEL.md §Deciding): when organisation o adopts something in
 * its name over a member's "no" — a measure, a reform, an admission; under every rule but opt-in,
 * which adopts a measure only for those who opt in — that member adds `trust.overruledPenalty` of
 * negative evidence toward each member that voted yes (the votes in row `voteRow`). Consensus and
 * unanimity never overrule anyone.
 */
export function resentOverruling(
  world: World,
  state: RunState,
  o: number,
  rule: CompiledRule,
  voteRow: number,
): void {
  const penalty = world.parameters.trust.overruledPenalty;
  if (penalty === 0 || rule.kind === 'opt-in') return;
  const { n } = world;
  const count = state.memberCount[o];
  const row = voteRow * n;
  for (let a = 0; a < count; a++) {
    const i = state.memberList[o * n + a];
    if (state.votes[row + i] !== NO) continue;
    for (let b = 0; b < count; b++) {
      const j = state.memberList[o * n + b];
      if (state.votes[row + j] === YES) addEvidence(state.trust, i, j, state.step, 0, penalty);
    }
  }
}
