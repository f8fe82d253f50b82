import { z } from 'zod';
import { ScenarioFileSchema } from './schema.js';

/** The JSON Schema of a scenario file, for editors (`# yaml-language-server: $schema=...`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioFileSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'cica-sim scenario',
  };
}
