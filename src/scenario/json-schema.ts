import { z } from 'zod';
import { ExperimentSchema } from '../experiment/schema.js';
import { ScenarioFileSchema } from './schema.js';
import { VotingBodySchema } from './voting-body.js';

/** The JSON Schema of a scenario file, for editors (`# yaml-language-server: $schema=...`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioFileSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'cica-sim scenario',
  };
}

/** The JSON Schema of an experiment file. */
export function experimentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ExperimentSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'cica-sim experiment',
  };
}

/** The JSON Schema of a voting-body file (cica-sim power). */
export function votingBodyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(VotingBodySchema, { io: 'input', unrepresentable: 'any' }),
    title: 'cica-sim voting body',
  };
}
