import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/scenario/generate.js';
import { ScenarioFileSchema } from '../../src/scenario/schema.js';

describe('synthetic worlds', () => {
  it('the same seed gives the same world, another seed another; sizes as asked; valid scenario data', () => {
    const a = generateScenario({ states: 30, orgs: 3, seed: 1 });
    expect(generateScenario({ states: 30, orgs: 3, seed: 1 })).toEqual(a);
    expect(generateScenario({ states: 30, orgs: 3, seed: 2 })).not.toEqual(a);
    const world = a as {
      actors: Record<string, unknown>;
      organisations: Record<string, unknown>;
      years: number;
    };
    expect(Object.keys(world.actors)).toHaveLength(30);
    expect(Object.keys(world.actors)[0]).toBe('S01');
    expect(Object.keys(world.organisations)).toHaveLength(3);
    expect(world.years).toBe(10);
    expect(ScenarioFileSchema.safeParse(a).success).toBe(true);
  });
});
