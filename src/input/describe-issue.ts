import type { z } from 'zod';
import { describeValue } from './errors.js';
import { unknownFieldHint } from './suggest.js';

/**
 * Turns a zod issue into "expected ..., found ..." wording, and the path it concerns.
 * zod's own messages are written for developers; these are for people editing YAML.
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  vocabulary?: Map<string, string[]>,
): { path: string; message: string }[] {
  const path = issue.path.map(String).join('.');
  const found = describeValue((issue as { input?: unknown }).input);
  switch (issue.code) {
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) {
        return [
          { path, message: `expected ${article(issue.expected)}, found nothing (this field is required)` },
        ];
      }
      return [{ path, message: `expected ${article(issue.expected)}, found ${found}` }];
    case 'too_small': {
      const bound = `${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
      if (issue.origin === 'array')
        return [{ path, message: `expected at least ${issue.minimum} entries, found ${found}` }];
      if (issue.origin === 'string') return [{ path, message: `expected non-empty text, found ${found}` }];
      return [{ path, message: `expected a number ${bound}, found ${found}` }];
    }
    case 'too_big': {
      const bound = `${issue.inclusive ? '≤' : '<'} ${issue.maximum}`;
      if (issue.origin === 'array')
        return [{ path, message: `expected at most ${issue.maximum} entries, found ${found}` }];
      return [{ path, message: `expected a number ${bound}, found ${found}` }];
    }
    case 'invalid_value':
      return [
        {
          path,
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${found}`,
        },
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: `unknown field${unknownFieldHint(key, path, vocabulary) || ' (check the spelling; `cica-sim schema` lists every field)'}`,
      }));
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (discriminator && options) {
        const value = (issue as { input?: Record<string, unknown> }).input?.[discriminator];
        return [
          {
            path: path.endsWith(discriminator) ? path : `${path}.${discriminator}`,
            message: `expected one of ${options.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(value)}`,
          },
        ];
      }
      // One branch matched the value's shape and failed inside it (factors: a mapping, not "all"):
      // its own problems, where they are, say more than the list of alternatives.
      const branches = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
      const inside = branches.filter((branch) => branch.some((inner) => inner.path.length > 0));
      if (inside.length === 1 && branches.length > 1)
        return inside[0].flatMap((inner) =>
          describeIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, vocabulary),
        );
      return [{ path, message: `expected ${unionAlternatives(issue)}, found ${found}` }];
    }
    case 'invalid_key': {
      const inner = issue.issues[0] as { message?: string } | undefined;
      return [
        {
          path,
          message: `the key ${found} is not valid: expected ${inner?.message?.replace(/^Invalid string: must match pattern .*$/, 'an id: a letter, then letters, digits, "_" or "-"') ?? 'a valid key'}`,
        },
      ];
    }
    case 'invalid_format':
      return [
        { path, message: `expected ${issue.message.replace(/^Invalid string: /, '')}, found ${found}` },
      ];
    case 'not_multiple_of':
      return [{ path, message: `expected a multiple of ${issue.divisor}, found ${found}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

function article(expected: string): string {
  const words: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
  };
  return words[expected] ?? expected;
}

function unionAlternatives(issue: z.core.$ZodIssue): string {
  const branches = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
  const expected = branches
    .map((branch) => branch[0])
    .filter((first): first is z.core.$ZodIssue => first !== undefined)
    .map((first) => (first.code === 'invalid_type' ? article(first.expected) : first.message))
    .filter((text, index, all) => all.indexOf(text) === index);
  return expected.length ? expected.join(' or ') : 'a valid value';
}
