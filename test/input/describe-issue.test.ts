import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue } from '../../src/input/describe-issue.js';

const Schema = z.strictObject({
  years: z.int().min(1),
  kind: z.enum(['unanimity', 'consensus']),
  members: z.array(z.string()).min(2),
  name: z.string(),
});

const messages = (input: unknown) =>
  (Schema.safeParse(input, { reportInput: true }).error?.issues ?? [])
    .flatMap((issue) => describeIssue(issue))
    .map((p) => `${p.path}: ${p.message}`);

describe("zod's issues in a user's words", () => {
  it('say what was expected and what was found, at the field path', () => {
    expect(messages({ years: 0, kind: 'majority', members: ['A'], extra: 1 })).toEqual([
      'years: expected a number ≥ 1, found 0',
      'kind: expected one of "unanimity", "consensus", found "majority"',
      'members: expected at least 2 entries, found a list of 1',
      'name: expected text, found nothing (this field is required)',
      expect.stringMatching(/^extra: /),
    ]);
  });
});
