import { DIMENSION_COUNT } from '../model/dimensions.js';
import { LOGISTIC_GRID, logit } from '../util/logistic-draw.js';
import { arenaBytes } from './kernels/arena.js';
import type { MemberKernels } from './kernels/member-kernels.js';
import type { RunState } from './state.js';
import type { World } from './world.js';

/**
 * What the member kernels need in a run's arena (kernels/member-kernels.ts) beyond the trust
 * store and the pair loops' lists: the run's arrays that scoring, deliberation and compliance read
 * and write (allocated there by state.ts), the world's that they read (copied there once a run),
 * and a call's voters, uniform numbers and scratch.
 */
export function memberKernelBytes(world: World, maxProposals: number): number {
  const { n, orgCount, cbmCount } = world;
  const links = world.leaderState.length;
  return arenaBytes([
    // The run's: memberMark, salience, votes, salienceBenefit and its epochs, the stances and theirs.
    [orgCount * n, 1],
    [n * DIMENSION_COUNT, 8],
    [(maxProposals + 1) * n, 1],
    [n * cbmCount, 8],
    [n * cbmCount, 4],
    [n, 8],
    [n, 4],
    // The world's: benefits, sovereignty, leading powers (offsets, states, ties), σ's grid.
    [cbmCount * DIMENSION_COUNT, 8],
    [n, 8],
    [n + 1, 4],
    [links, 4],
    [links, 8],
    [LOGISTIC_GRID.values.length, 8],
    // A call's voters, their uniform numbers, the kernel's scratch.
    [n, 4],
    [n, 8],
    [n, 8],
    // Capability, copied; the participants' overruled flags (the run's); the coordinators, copied.
    [n, 8],
    [n, 1],
    [orgCount * n * DIMENSION_COUNT, 1],
  ]);
}

/**
 * The member kernels over the run's arena, with the world's arrays copied into it; null where the
 * arena is plain arrays (deliberation, the votes and compliance then run in JavaScript).
 */
export function createMemberKernels(world: World, state: RunState): MemberKernels | null {
  const { arena } = state;
  if (!arena.wasm) return null;
  const { n } = world;
  const copy = <T extends Float64Array | Int32Array | Uint8Array>(into: T, from: ArrayLike<number>): T => {
    into.set(from);
    return into;
  };
  const { voting, implementation } = world.parameters;
  return arena.memberKernels(
    state.trust,
    {
      salience: state.salience,
      cbmBenefit: copy(arena.f64(world.cbmBenefit.length), world.cbmBenefit),
      salienceBenefit: state.salienceBenefit,
      salienceBenefitAt: state.salienceBenefitAt,
      sovereignty: copy(arena.f64(n), world.sovereignty),
      meanTrustToMembers: state.meanTrustToMembers,
      memberMark: state.memberMark,
      leaderOffset: copy(arena.i32(n + 1), world.leaderOffset),
      leaderState: copy(arena.i32(world.leaderState.length), world.leaderState),
      leaderTie: copy(arena.f64(world.leaderTie.length), world.leaderTie),
      leaderStance: state.leaderStance,
      leaderStanceStamp: state.leaderStanceStamp,
      votes: state.votes,
      voters: arena.i32(n),
      uniforms: arena.f64(n),
      grid: copy(arena.f64(LOGISTIC_GRID.values.length), LOGISTIC_GRID.values),
      scratch: arena.f64(n),
      capability: copy(arena.f64(n), world.capability),
      lowestTrustToMembers: state.lowestTrustToMembers,
      participantList: state.participantList,
      implementedBy: state.implementedBy,
      participantOverruled: state.participantOverruled,
      participantPositive: state.participantPositive,
      participantNegative: state.participantNegative,
      memberList: state.memberList,
      coordinator: copy(arena.u8(world.coordinator.length), world.coordinator),
    },
    {
      n,
      cbmCount: world.cbmCount,
      dimensions: DIMENSION_COUNT,
      voting,
      implementation: { ...implementation, intercept: logit(implementation.probability) },
      signals: world.parameters.trust,
    },
  );
}
