import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonSchemaOf } from '../../src/input/json-schema.js';

describe('jsonSchemaOf', () => {
  it('describes what a user may write: defaults make fields optional, and the title is set', () => {
    const schema = z.strictObject({
      name: z.string().describe('a name'),
      seed: z.int().min(0).default(1),
      when: z.date().optional(),
    });
    const json = jsonSchemaOf(schema, 'Example file');
    expect(json).toMatchObject({
      title: 'Example file',
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string', description: 'a name' },
        seed: { type: 'integer', minimum: 0, default: 1 },
      },
    });
    // A date cannot be written in JSON Schema: it is left open rather than failing.
    expect((json.properties as Record<string, unknown>).when).toEqual({});
  });
});
