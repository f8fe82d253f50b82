import { describe, expect, it } from 'vitest';
import { createRunRandom } from '../../src/engine/random.js';
import { createRng } from '../../src/util/rng.js';

describe('the random streams of a run', () => {
  it('one per purpose and organisation, each the stream of "seed/purpose/org"', () => {
    const random = createRunRandom(7, ['CICA', 'SCO']);
    expect(random.votes).toHaveLength(2);
    expect(random.votes[1].next()).toBe(createRng('7/votes/SCO').next());
    expect(random.events.next()).toBe(createRng('7/events').next());
  });

  it("drawing more from one organisation's stream leaves the others' draws as they were", () => {
    const a = createRunRandom(7, ['CICA', 'SCO']);
    const b = createRunRandom(7, ['CICA', 'SCO']);
    for (let k = 0; k < 10; k++) a.votes[0].next(); // CICA votes more in run a
    expect([a.votes[1].next(), a.agenda[0].next()]).toEqual([b.votes[1].next(), b.agenda[0].next()]);
    // Streams differ by purpose and by seed.
    expect(a.implementation[1].next()).not.toBe(a.reform[1].next());
    expect(createRunRandom(8, ['CICA']).votes[0].next()).not.toBe(
      createRunRandom(7, ['CICA']).votes[0].next(),
    );
  });
});
