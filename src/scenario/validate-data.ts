import type { z } from 'zod';
import { describeIssue } from '../input/describe-issue.js';
import { closestName, fieldVocabulary } from '../input/suggest.js';
import { checkReferences, type PathProblem } from './check-references.js';
import { type Scenario, ScenarioFileSchema, ScenarioSchema } from './schema.js';

/**
 * A scenario's data, resolved from its files (or built by the playground), checked: the schema,
 * then every reference — both in one pass, so schema errors do not hide reference errors. The
 * problems carry field paths; the loader adds files and lines. No file is read here, so the
 * browser's playground checks its sets with the messages the CLI gives.
 */
export function validateScenarioData(
  data: Record<string, unknown>,
): { scenario: Scenario } | { problems: PathProblem[] } {
  const parsed = ScenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const described = parsed.error.issues.flatMap((issue) => describeIssue(issue, scenarioVocabulary()));
    const schemaProblems = unknownActors(described, data);
    return { problems: [...schemaProblems, ...referencesDespite(data, schemaProblems)] };
  }
  const problems = checkReferences(parsed.data);
  return problems.length > 0 ? { problems } : { scenario: parsed.data };
}

let vocabulary: Map<string, string[]> | undefined;
/** The scenario's field names, for "did you mean" (built on the first unknown field). */
export function scenarioVocabulary(): Map<string, string[]> {
  vocabulary ??= fieldVocabulary(ScenarioFileSchema);
  return vocabulary;
}

/**
 * An actor that lacks most required fields is, far more often than not, a misspelt id in an
 * override or a child file (`actors.JPNN.sovereignty: 0.4`): one problem naming it, with the
 * closest existing id, stands for its "this field is required" list.
 */
function unknownActors(
  problems: { path: string; message: string }[],
  data: Record<string, unknown>,
): { path: string; message: string }[] {
  const missing = new Map<string, number>();
  for (const { path, message } of problems) {
    const match = /^actors\.([^.]+)\.[^.]+$/.exec(path);
    if (match && message.endsWith('(this field is required)'))
      missing.set(match[1], (missing.get(match[1]) ?? 0) + 1);
  }
  const actors = Object.keys((data.actors as Record<string, unknown>) ?? {});
  const known = actors.filter((id) => !missing.has(id));
  const unknown = [...missing].filter(([, count]) => count >= 3).map(([id]) => id);
  if (unknown.length === 0) return problems;
  const rest = problems.filter(({ path }) => !unknown.some((id) => path.startsWith(`actors.${id}.`)));
  return [
    ...unknown.map((id) => {
      const closest = closestName(id, known);
      return {
        path: `actors.${id}`,
        message: `unknown actor "${id}"${closest ? ` (did you mean ${closest}?)` : ''}: it is in no actor table or parent file, and a new actor needs name, subregion, population, gdp, military, energy, salience and sovereignty`,
      };
    }),
    ...rest,
  ];
}

/**
 * The reference problems of a scenario that failed its schema, so that one pass shows both (an
 * unknown state id as well as a value out of range): each top-level section that passes its own
 * schema is checked as parsed, a broken one as its defaults when it has some, else as written;
 * problems under a path the schema already reported are left out, and if the sections are too
 * broken to check, none are added.
 */
function referencesDespite(
  data: Record<string, unknown>,
  schemaProblems: { path: string }[],
): { path: string; message: string }[] {
  const sections: Record<string, unknown> = { ...data };
  for (const [key, schema] of Object.entries(ScenarioSchema.shape)) {
    const section = (schema as z.ZodType).safeParse(data[key]);
    // A broken section with defaults (parameters) is checked as its defaults; one without, as written.
    const fallback = section.success ? section : (schema as z.ZodType).safeParse(undefined);
    if (fallback.success) sections[key] = fallback.data;
  }
  const reported = schemaProblems.map((p) => p.path);
  try {
    return checkReferences(sections as Scenario).filter(
      ({ path }) => !reported.some((r) => path === r || path.startsWith(`${r}.`) || r.startsWith(`${path}.`)),
    );
  } catch {
    return [];
  }
}
