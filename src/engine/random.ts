import { createRng, type Rng } from '../util/rng.js';

/**
 * The random streams of one run, one per purpose and organisation, all derived from the run's seed
 * ("seed/votes/CICA", ...). Why several: experiments compare variants under the same seed (common
 * random numbers). With one stream, any change — CICA adopting one more measure, so drawing one
 * more implementation — would shift every later draw of every organisation, and unrelated parts of
 * the world would differ between variants by chance alone. With a stream per purpose and
 * organisation, a change to CICA leaves SCO's and ASEAN's draws as they were; what differs
 * between variants is what the change caused.
 */
export interface RunRandom {
  /** Events drawn from hazards. */
  events: Rng;
  /** Per organisation (by index): which CBMs are tabled and by whom. */
  agenda: Rng[];
  /** Per organisation: the members' votes. */
  votes: Rng[];
  /** Per organisation: who implements what was adopted. */
  implementation: Rng[];
  /** Per organisation: the members' votes on reforms. */
  reform: Rng[];
  /** Per organisation: candidates' applications and the members' votes on admitting them. */
  enlargement: Rng[];
  /** Partnership proposals and votes, and the choice of joint CBMs. */
  partnership: Rng;
}

export function createRunRandom(seed: number | string, orgIds: readonly string[]): RunRandom {
  const stream = (purpose: string, org?: string) =>
    createRng(org === undefined ? `${seed}/${purpose}` : `${seed}/${purpose}/${org}`);
  return {
    events: stream('events'),
    agenda: orgIds.map((org) => stream('agenda', org)),
    votes: orgIds.map((org) => stream('votes', org)),
    implementation: orgIds.map((org) => stream('implementation', org)),
    reform: orgIds.map((org) => stream('reform', org)),
    enlargement: orgIds.map((org) => stream('enlargement', org)),
    partnership: stream('partnership'),
  };
}
