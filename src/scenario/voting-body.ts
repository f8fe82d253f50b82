import { z } from 'zod';
import { describeIssue } from '../input/describe-issue.js';
import { InputError, type InputProblem } from '../input/errors.js';
import { isPlainObject } from '../input/paths.js';
import { readYamlFile } from '../input/read-yaml.js';
import { locate } from '../input/source-map.js';
import { fieldVocabulary } from '../input/suggest.js';
import { Id } from '../model/id.js';
import type { GameMember } from '../rules/game.js';
import { type Rule, RuleSchema } from '../rules/schema.js';

/**
 * Voting-body files, for `cica-sim power`: a list of members (weight and population optional)
 * and one rule in the same language as scenarios' `organisations.<ID>.rules`.
 *
 *   members:
 *     - { id: AAA, weight: 3, population: 12.5 }
 *     - { id: BBB }
 *   rule: { kind: quota, yes: { count: 9, weight: { share: 0.6 } }, veto: [AAA] }
 */
export const VotingBodySchema = z.strictObject({
  name: z.string().optional(),
  members: z
    .array(
      z.strictObject({
        id: Id,
        weight: z.number().min(0).max(1e9).default(1).describe('voting weight for quota rules (default 1)'),
        population: z
          .number()
          .min(0)
          .max(1e6)
          .default(0)
          .describe('population, for population conditions (default 0)'),
      }),
    )
    .min(1),
  rule: RuleSchema,
});

export interface VotingBody {
  /** What to call this body in tables: its name, or where it came from. */
  label: string;
  members: GameMember[];
  rule: Rule;
}

/** Whether parsed YAML looks like a voting-body file (it has `rule` and `members` at the top). */
export function looksLikeVotingBody(data: unknown): boolean {
  return isPlainObject(data) && 'rule' in data && 'members' in data;
}

export function loadVotingBody(file: string): VotingBody {
  const source = readYamlFile(file);
  const parsed = VotingBodySchema.safeParse(source.data, { reportInput: true });
  const at = (path: string, message: string): InputProblem => ({
    location: locate(source.locations, path) ?? { file },
    path,
    message,
  });
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues
        .flatMap((issue) => describeIssue(issue, fieldVocabulary(VotingBodySchema)))
        .map((p) => at(p.path, p.message)),
    );
  const body = parsed.data;
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  body.members.forEach((member, i) => {
    if (seen.has(member.id)) problems.push(at(`members.${i}.id`, `${member.id} is listed twice`));
    seen.add(member.id);
  });
  if (body.rule.kind === 'quota') {
    body.rule.veto?.forEach((id, i) => {
      if (!seen.has(id)) problems.push(at(`rule.veto.${i}`, `expected a member id, found "${id}"`));
    });
  }
  if (problems.length) throw new InputError(problems);
  return { label: body.name ?? file, members: body.members, rule: body.rule };
}
