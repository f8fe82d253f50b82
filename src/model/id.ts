import { z } from 'zod';

/** An identifier of a state, organisation, CBM or voting-body member, used as a key and in field paths. */
export const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'an id: a letter, then letters, digits, "_" or "-"')
  .describe('an identifier: a letter, then letters, digits, "_" or "-" (states use ISO 3166-1 alpha-3)')
  .meta({ id: 'Id' });
