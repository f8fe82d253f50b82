import type { CompiledRule } from './compile.js';
import { NO, YES } from './votes.js';
import type { VotingBody } from './voting-body.js';

/**
 * Whether a proposal passes under `rule`, given the votes of one body: `votes[voteOffset +
 * state]` is YES, ABSTAIN or NO for each member of `body`; weight and population feed quota
 * conditions. Allocates nothing.
 */
export function passes(rule: CompiledRule, body: VotingBody, votes: Int8Array, voteOffset: number): boolean {
  const { members, memberOffset, count, weight, weightOffset, population } = body;
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
  if (rule.kind !== 'quota') return passesByCount(rule, yes, no, count);
  switch (rule.kind) {
    case 'quota': {
      for (let v = 0; v < rule.veto.length; v++) if (votes[voteOffset + rule.veto[v]] === NO) return false;
      const quotaMet =
        yes >= rule.minCount && yesWeight >= rule.minWeight && yesPopulation >= rule.minPopulation;
      // A blocking-minority clause (EU Council): fewer than m "no" votes cannot block.
      const blockable = rule.blockingMinority === 0 || no >= rule.blockingMinority;
      return quotaMet || !blockable;
    }
  }
}

/**
 * The verdict of a rule that looks only at how many voted yes and no (every kind but a quota), from
 * those counts: what `passes` decides, so a caller that knows the counts can ask "and if one more
 * said yes?" without counting again.
 */
export function passesByCount(
  rule: Exclude<CompiledRule, { kind: 'quota' }>,
  yes: number,
  no: number,
  count: number,
): boolean {
  switch (rule.kind) {
    case 'unanimity':
      return yes === count;
    case 'consensus':
      return no === 0;
    case 'consensus-minus':
      return no <= rule.k;
    case 'opt-in':
      return yes >= rule.minParticipants;
  }
}

/**
 * Decides a proposal (see `passes`) and marks who is bound by it: on return
 * `participants[participantOffset + state]` is 1 for every member bound by (and so implementing)
 * the decision, 0 otherwise — all members when it binds all, everyone but the objectors under
 * consensus-minus-k, only those who opted in under opt-in, nobody when it failed.
 */
export function decide(
  rule: CompiledRule,
  body: VotingBody,
  votes: Int8Array,
  voteOffset: number,
  participants: Uint8Array,
  participantOffset: number,
): boolean {
  const { members, memberOffset, count } = body;
  const passed = passes(rule, body, votes, voteOffset);
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

/**
 * Who was pivotal: on return `pivotal[pivotalOffset + state]` is 1 for each member whose own vote
 * changing would have changed the outcome — to "no" when the proposal passed, to "yes" when it
 * failed. A member pivotal in a failed vote that it voted "no" on is one who blocked it: the
 * simulation counts these as vetoes. The votes are restored before returning.
 */
export function markPivotal(
  rule: CompiledRule,
  body: VotingBody,
  votes: Int8Array,
  voteOffset: number,
  pivotal: Uint8Array,
  pivotalOffset: number,
): void {
  const { members, memberOffset, count } = body;
  const passed = passes(rule, body, votes, voteOffset);
  const flipTo = passed ? NO : YES;
  for (let m = 0; m < count; m++) {
    const state = members[memberOffset + m];
    const cast = votes[voteOffset + state];
    let flips = 0;
    if (cast !== flipTo) {
      votes[voteOffset + state] = flipTo;
      const after = passes(rule, body, votes, voteOffset);
      votes[voteOffset + state] = cast;
      flips = after !== passed ? 1 : 0;
    }
    pivotal[pivotalOffset + state] = flips;
  }
}

/**
 * Veto holders: on return `holds[holdsOffset + state]` is 1 for each member whose "no" alone
 * blocks a proposal that every other member supports — under unanimity and consensus every
 * member, under consensus-minus-k (k ≥ 1) nobody, under a quota its veto list and anyone the quota
 * cannot do without. It depends only on the rule and the membership. `votes` is scratch space.
 */
export function markVetoHolders(
  rule: CompiledRule,
  body: VotingBody,
  votes: Int8Array,
  voteOffset: number,
  holds: Uint8Array,
  holdsOffset: number,
): void {
  const { members, memberOffset, count } = body;
  for (let m = 0; m < count; m++) votes[voteOffset + members[memberOffset + m]] = YES;
  for (let m = 0; m < count; m++) {
    const state = members[memberOffset + m];
    votes[voteOffset + state] = NO;
    holds[holdsOffset + state] = passes(rule, body, votes, voteOffset) ? 0 : 1;
    votes[voteOffset + state] = YES;
  }
}
