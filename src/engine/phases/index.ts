import type { Phase } from '../phase.js';
import { tableProposals } from './agenda.js';
import { assessTrust } from './assess.js';
import { decideProposals } from './decide.js';
import { deliberate } from './deliberate.js';
import { enlarge } from './enlarge.js';
import { applyEvents } from './events.js';
import { implementMeasures } from './implement.js';
import { formPartnerships } from './partner.js';
import { reformInstitutions } from './reform.js';
import { castVotes } from './vote.js';

export {
  applyEvents,
  assessTrust,
  castVotes,
  decideProposals,
  deliberate,
  enlarge,
  formPartnerships,
  implementMeasures,
  reformInstitutions,
  tableProposals,
};

/**
 * The phases of one step, in the order they run: what happens in the world first, then
 * applications for membership are decided, then each
 * organisation takes stock, tables CBMs, amends them, votes, decides, implements what it adopted,
 * and, when the next rung of its ladder is within reach, votes on climbing it; last,
 * organisations may take up partnerships with one another.
 */
export const DEFAULT_PHASES: readonly Phase[] = [
  { name: 'applyEvents', mechanism: 'events and shocks (events:, parameters.events)', run: applyEvents },
  { name: 'enlarge', mechanism: 'enlargement (parameters.enlargement)', run: enlarge, keepsSalience: true },
  {
    name: 'assessTrust',
    mechanism: 'trust assessment (parameters.trust)',
    run: assessTrust,
    keepsSalience: true,
  },
  {
    name: 'tableProposals',
    mechanism: 'the agenda (parameters.agenda)',
    run: tableProposals,
    keepsSalience: true,
  },
  {
    name: 'deliberate',
    mechanism: 'deliberation and amendment (parameters.amendment)',
    run: deliberate,
    keepsSalience: true,
  },
  { name: 'castVotes', mechanism: 'voting (parameters.voting)', run: castVotes, keepsSalience: true },
  {
    name: 'decideProposals',
    mechanism: 'decision rules (organisations.<ID>.rules)',
    run: decideProposals,
    keepsSalience: true,
  },
  {
    name: 'implementMeasures',
    mechanism: 'implementation (parameters.implementation)',
    run: implementMeasures,
    keepsSalience: true,
  },
  {
    name: 'reformInstitutions',
    mechanism: 'institutional reform (parameters.institutions)',
    run: reformInstitutions,
    keepsSalience: true,
  },
  {
    name: 'formPartnerships',
    mechanism: 'partnerships (parameters.partnerships)',
    run: formPartnerships,
    keepsSalience: true,
  },
];
