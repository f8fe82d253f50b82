import type { CompiledRule } from '../../rules/compile.js';
import { NO, YES } from '../../rules/votes.js';
import type { RunState } from '../state.js';
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
  const row = voteRow * n;
  // Each no toward each yes, in member order (kernels penalise).
  const { fromList, toList } = state;
  let no = 0;
  let yes = 0;
  for (let m = 0; m < state.memberCount[o]; m++) {
    const i = state.memberList[o * n + m];
    const vote = state.votes[row + i];
    if (vote === NO) fromList[no++] = i;
    else if (vote === YES) toList[yes++] = i;
  }
  if (no > 0 && yes > 0) state.trust.kernels.penalise(state.step, fromList, no, toList, yes, penalty);
}
