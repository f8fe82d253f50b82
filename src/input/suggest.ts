import { z } from 'zod';

/**
 * "Did you mean …?" for names a user misspelt: the closest of the names that exist, by edit
 * distance (Levenshtein), when it is close enough to be a typo — by default at most one edit per
 * four letters, and at least one.
 */
export function closestName(
  word: string,
  candidates: Iterable<string>,
  limit = Math.max(1, Math.floor(word.length / 4)),
): string | undefined {
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}

type JsonNode = {
  properties?: Record<string, JsonNode>;
  additionalProperties?: JsonNode | boolean;
  items?: JsonNode;
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
  allOf?: JsonNode[];
  $ref?: string;
  $defs?: Record<string, JsonNode>;
};

/**
 * Every field name a file kind allows, with the paths where it may stand (records of ids as `*`):
 * `power` → [`analyses.power`]. Built once per schema from its JSON Schema.
 */
export function fieldVocabulary(schema: z.ZodType): Map<string, string[]> {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
  const vocabulary = new Map<string, string[]>();
  const seen = new Set<JsonNode>();
  const walk = (node: JsonNode | boolean | undefined, path: string) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (node.$ref?.startsWith('#/$defs/')) walk(root.$defs?.[node.$ref.slice('#/$defs/'.length)], path);
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const at = path ? `${path}.${name}` : name;
      vocabulary.set(name, [...(vocabulary.get(name) ?? []), at]);
      walk(child, at);
    }
    walk(node.additionalProperties, path ? `${path}.*` : '*');
    walk(node.items, path ? `${path}.*` : '*');
    for (const alternative of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
      walk(alternative, path);
  };
  walk(root, '');
  return vocabulary;
}

/**
 * The hint for an unknown field `key` under `parent` (its path, dot-separated): where it belongs
 * if the file kind has it elsewhere, else the closest name among its would-be siblings, else the
 * closest name anywhere, else nothing.
 */
export function unknownFieldHint(
  key: string,
  parent: string,
  vocabulary: Map<string, string[]> | undefined,
): string {
  if (!vocabulary) return '';
  const elsewhere = vocabulary.get(key);
  if (elsewhere && elsewhere.length > 0)
    return `; \`${key}\` belongs at ${elsewhere
      .slice(0, 3)
      .map((p) => `\`${p}\``)
      .join(', ')}`;
  const siblings = [...vocabulary]
    .filter(([, paths]) => paths.some((p) => parentMatches(p, parent)))
    .map(([name]) => name);
  // Among the fields that may stand here, a looser match (one edit per three letters) is still
  // likely the one meant.
  const closest =
    closestName(key, siblings, Math.max(1, Math.floor(key.length / 3))) ??
    closestName(key, vocabulary.keys());
  return closest ? `; did you mean \`${closest}\`?` : '';
}

/** Whether a vocabulary path (records as `*`) is a field directly under `parent`. */
function parentMatches(path: string, parent: string): boolean {
  const segments = path.split('.');
  const wanted = parent === '' ? [] : parent.split('.');
  if (segments.length !== wanted.length + 1) return false;
  return wanted.every((segment, k) => segments[k] === '*' || segments[k] === segment);
}
