import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadScenario } from '../../src/scenario/load.js';
import { NOT_SAMPLED, PARAMETER_RANGES } from '../../src/scenario/parameter-ranges.js';
import { ParametersSchema } from '../../src/scenario/schema.js';
import { repoFile } from '../helpers.js';

interface Node {
  type?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, Node>;
}

/** Every leaf of the parameters' schema, by its path under `parameters.`. */
function leaves(node: Node, prefix = ''): [string, Node][] {
  return Object.entries(node.properties ?? {}).flatMap(([name, child]) =>
    child.properties ? leaves(child, `${prefix}${name}.`) : [[`${prefix}${name}`, child] as [string, Node]],
  );
}

const schema = z.toJSONSchema(ParametersSchema, { io: 'input', unrepresentable: 'any' }) as Node;
const builtin = loadScenario(repoFile('scenarios/asia-2025.yaml')).scenario.parameters;
const valueAt = (path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], builtin);

describe('the sampled range of every parameter (docs/PARAMETERS.md)', () => {
  const all = leaves(schema);

  it('every parameter has a range, or is named as not sampled (a switch, a list, the formula); nothing else', () => {
    expect(all.length).toBeGreaterThan(60);
    const named = [...Object.keys(PARAMETER_RANGES), ...NOT_SAMPLED].sort();
    expect(named).toEqual(all.map(([path]) => path).sort());
    for (const path of NOT_SAMPLED) {
      const node = all.find(([p]) => p === path)?.[1] as Node;
      expect(['boolean', 'array', 'string', undefined], path).toContain(node.type);
    }
  });

  it.each(Object.entries(PARAMETER_RANGES))(
    '%s: inside the schema, around its default and the built-in value',
    (path, range) => {
      const node = all.find(([p]) => p === path)?.[1] as Node;
      const values = 'values' in range ? range.values : [range.min, range.max];
      if (!('values' in range)) {
        expect(range.min).toBeLessThan(range.max);
        if (range.scale === 'log') expect(range.min).toBeGreaterThan(0);
      }
      // A whole-number parameter is sampled from a list.
      if (node.type === 'integer') expect('values' in range).toBe(true);
      for (const v of values as number[]) {
        if (node.minimum !== undefined) expect(v).toBeGreaterThanOrEqual(node.minimum);
        if (node.maximum !== undefined) expect(v).toBeLessThanOrEqual(node.maximum);
        if (node.exclusiveMinimum !== undefined) expect(v).toBeGreaterThan(node.exclusiveMinimum);
        if (node.exclusiveMaximum !== undefined) expect(v).toBeLessThan(node.exclusiveMaximum);
      }
      const holds = (v: unknown) =>
        'values' in range
          ? (range.values as unknown[]).includes(v)
          : (v as number) >= range.min && (v as number) <= range.max;
      expect(holds(node.default), `default ${node.default}`).toBe(true);
      expect(holds(valueAt(path)), `built-in ${valueAt(path)}`).toBe(true);
    },
  );
});
