import type { Recorder } from '../engine/recorder.js';
import type { RunState } from '../engine/state.js';
import { memberTrustStats } from '../engine/trust.js';
import type { World } from '../engine/world.js';
import { DIMENSION_COLUMNS, DIMENSION_COUNT, DIMENSIONS } from '../model/dimensions.js';

/** The state, with its members' mean trust and cohesion for this step computed (once a step). */
function memberStats(world: World, state: RunState, o: number): RunState {
  if (state.memberStatsStep[o] !== state.step) {
    memberTrustStats(
      state.trust,
      state.memberList,
      o * world.n,
      state.memberCount[o],
      state.step,
      world.parameters.trust.cohesionThreshold,
      o,
      state.memberMeanTrust,
      state.memberCohesion,
    );
    state.memberStatsStep[o] = state.step;
  }
  return state;
}

/**
 * What is recorded for each organisation after each step: one named recorder per column of
 * timeseries.csv, in column order. Adding a metric is adding an entry here; the step loop knows
 * nothing of them (it calls the engine's Recorder interface).
 */
export const RECORDERS: readonly Recorder[] = [
  {
    name: 'members',
    description: 'member states',
    whole: 'final',
    record: (_world, state, o) => state.memberCount[o],
  },
  {
    name: 'proposals',
    description: 'CBM proposals put to a vote this step',
    whole: 'total',
    record: (_world, state, o) => state.proposals[o],
  },
  {
    name: 'adopted',
    description: 'proposals adopted this step',
    whole: 'total',
    record: (_world, state, o) => state.adopted[o],
  },
  {
    name: 'adoption_rate',
    description: 'adopted / proposals this step (empty when nothing was proposed)',
    whole: { weightedBy: 'proposals' },
    record: (_world, state, o) =>
      state.proposals[o] > 0 ? state.adopted[o] / state.proposals[o] : Number.NaN,
    emptyWhen: (_world, state, o) => state.proposals[o] === 0,
  },
  {
    name: 'ambition',
    description: 'mean bindingness × total benefit of what was adopted this step (empty when nothing was)',
    whole: { weightedBy: 'adopted' },
    record: (_world, state, o) =>
      state.adopted[o] > 0 ? state.ambitionSum[o] / state.adopted[o] : Number.NaN,
    emptyWhen: (_world, state, o) => state.adopted[o] === 0,
  },
  {
    name: 'mean_trust',
    description: 'mean trust over ordered pairs of distinct members, after the step',
    whole: 'final',
    record: (world, state, o) => memberStats(world, state, o).memberMeanTrust[o],
    emptyWhen: (_world, state, o) => state.memberCount[o] < 2,
  },
  {
    name: 'cohesion',
    description: 'share of ordered member pairs whose trust is above trust.cohesionThreshold',
    whole: 'final',
    record: (world, state, o) => memberStats(world, state, o).memberCohesion[o],
    emptyWhen: (_world, state, o) => state.memberCount[o] < 2,
  },
  {
    name: 'cbms_implemented',
    description:
      'implementations this step: each participant that carried out a measure (just adopted, or in force and due) counts once',
    whole: 'total',
    record: (_world, state, o) => state.implemented[o],
  },
  {
    name: 'obligations',
    description:
      'implementations due this step: participants of the measures adopted or due (compliance is implemented / this)',
    whole: 'total',
    record: (_world, state, o) => state.obligations[o],
  },
  {
    name: 'compliance',
    description: 'share of the implementations due this step that were carried out (empty when none was due)',
    whole: { weightedBy: 'obligations' },
    record: (_world, state, o) =>
      state.obligations[o] > 0 ? state.implemented[o] / state.obligations[o] : Number.NaN,
    emptyWhen: (_world, state, o) => state.obligations[o] === 0,
  },
  {
    name: 'cbms_in_force',
    description: 'measures in force after the step: adopted, and not lapsed',
    whole: 'final',
    record: (_world, state, o) => state.inForceCount[o],
  },
  {
    name: 'stage',
    description: 'rungs of the institutional ladder reached',
    whole: 'final',
    record: (_world, state, o) => state.stage[o],
  },
  {
    name: 'conflicts',
    description: 'conflict events this step between two or more members',
    whole: 'total',
    record: (_world, state, o) => state.conflicts[o],
  },
  {
    name: 'amendments',
    description: "amendments made by chairs to this step's proposals before the votes",
    whole: 'total',
    record: (_world, state, o) => state.amendments[o],
  },
  {
    name: 'reforms',
    description: 'rungs of the institutional ladder climbed this step',
    whole: 'total',
    record: (_world, state, o) => state.reforms[o],
  },
  {
    name: 'shocks',
    description: 'shocks this step touching a member: clashes, cyber incidents, pandemics, terrorist attacks',
    whole: 'total',
    record: (_world, state, o) => state.shocks[o],
  },
  {
    name: 'applications',
    description: 'applications for membership decided this step',
    whole: 'total',
    record: (_world, state, o) => state.applications[o],
  },
  {
    name: 'admissions',
    description: 'states admitted as members this step',
    whole: 'total',
    record: (_world, state, o) => state.admissions[o],
  },
  {
    name: 'partnerships',
    description: 'organisations this one is in partnership with, after the step',
    whole: 'final',
    record: (world, state, o) => {
      let partners = 0;
      for (let other = 0; other < world.orgCount; other++)
        partners += state.partnered[o * world.orgCount + other];
      return partners;
    },
  },
  {
    name: 'joint_adopted',
    description: 'joint CBMs with a partner organisation adopted this step (also counted in adopted)',
    whole: 'total',
    record: (_world, state, o) => state.jointAdopted[o],
  },
  {
    name: 'vetoes',
    description: 'vetoes used this step: "no" votes on failed proposals by members whose lone "no" blocks',
    whole: 'total',
    record: (_world, state, o) => state.vetoes[o],
  },
  {
    name: 'blocks',
    description:
      'blocks this step, under any rule: "no" votes on failed CBM proposals that were pivotal (a "yes" instead would have passed the measure)',
    whole: 'total',
    record: (_world, state, o) => state.blocks[o],
  },
  ...DIMENSIONS.map(
    (dimension, d): Recorder => ({
      name: `cbms_${DIMENSION_COLUMNS[dimension]}`,
      description: `implementations this step of CBMs in the ${dimension} dimension`,
      whole: 'total',
      record: (_world, state, o) => state.implementedByDimension[o * DIMENSION_COUNT + d],
    }),
  ),
];

export const METRIC_NAMES: readonly string[] = RECORDERS.map((recorder) => recorder.name);
