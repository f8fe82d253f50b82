import { z } from 'zod';

/**
 * The JSON Schema of an input file's zod schema, for editors (`# yaml-language-server:
 * $schema=...`). The CLI's `schema` command prints each file kind's (cli/schema.ts).
 */
export function jsonSchemaOf(schema: z.ZodType, title: string): Record<string, unknown> {
  return { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title };
}
