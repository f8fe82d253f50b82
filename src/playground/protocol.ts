import type { GameMember } from '../rules/game.js';
import type { PowerResult } from '../rules/power/indices.js';
import type { Rule } from '../rules/schema.js';
import type { Scenario } from '../scenario/schema.js';
import type { ReplicationResult } from './runs.js';

/**
 * The messages between the page and its Web Workers. A worker is told the two sets' scenarios
 * once, then runs blocks of replications and answers run by run; or it computes voting power.
 */
export type ToWorker =
  | { type: 'init'; scenarios: [Scenario, Scenario]; years: number; seed: number }
  | { type: 'block'; replications: number[] }
  | { type: 'power'; bodies: { members: GameMember[]; rule: Rule }[] };

export type FromWorker =
  | { type: 'replication'; result: ReplicationResult }
  | { type: 'block-done' }
  | { type: 'power'; results: PowerResult[] }
  | { type: 'error'; message: string };
