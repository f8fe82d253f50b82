import type { Phase } from '../phase.js';
import { tableProposals } from './agenda.js';
import { assessTrust } from './assess.js';
import { decideProposals } from './decide.js';
import { deliberate } from './deliberate.js';
import { applyScheduledEvents } from './events.js';
import { implementMeasures } from './implement.js';
import { castVotes } from './vote.js';

export {
  applyScheduledEvents,
  assessTrust,
  castVotes,
  decideProposals,
  deliberate,
  implementMeasures,
  tableProposals,
};

/**
 * The phases of one step, in the order they run: what happens in the world first, then each
 * organisation takes stock, tables CBMs, amends them, votes, decides, and implements what it adopted.
 */
export const DEFAULT_PHASES: readonly Phase[] = [
  applyScheduledEvents,
  assessTrust,
  tableProposals,
  deliberate,
  castVotes,
  decideProposals,
  implementMeasures,
];
