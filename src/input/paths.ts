/**
 * Field paths: `organisations.CICA.rules.default`, `parameters.trust.forgetting`, `events.0.year`.
 * One path language for overrides in scenarios, for experiments' `set:` and sweeps, and for
 * error messages. A numeric segment indexes a list.
 */

/** Keys that would reach into JavaScript's object machinery instead of the data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits a path; returns a reason instead when the path is malformed. */
export function parsePath(path: string): string[] | { error: string } {
  if (path.trim() === '')
    return { error: 'expected a field path such as parameters.trust.forgetting, found an empty path' };
  const segments = path.split('.');
  for (const segment of segments) {
    if (segment === '') return { error: `expected a field path without empty segments, found "${path}"` };
    if (FORBIDDEN_KEYS.has(segment)) return { error: `"${segment}" is not allowed in a field path` };
  }
  return segments;
}

/**
 * Sets `value` at `segments` inside `target`, creating mappings on the way. Returns a reason
 * when the path goes through something that is not a mapping or list.
 */
export function setByPath(
  target: Record<string, unknown>,
  segments: string[],
  value: unknown,
): string | undefined {
  let node: unknown = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i];
    const container = node as Record<string, unknown>;
    let next = Array.isArray(container) ? container[Number(segment)] : container[segment];
    if (next === undefined) {
      next = {};
      if (Array.isArray(container)) {
        return `${segments.slice(0, i + 1).join('.')} is past the end of a list`;
      }
      container[segment] = next;
    }
    if (typeof next !== 'object' || next === null) {
      return `${segments.slice(0, i + 1).join('.')} is a ${typeof next}, not a mapping or list`;
    }
    node = next;
  }
  const last = segments[segments.length - 1];
  if (Array.isArray(node)) {
    const index = Number(last);
    if (!Number.isInteger(index) || index < 0 || index > node.length) {
      return `expected a list index from 0 to ${node.length}, found "${last}"`;
    }
    node[index] = value;
  } else {
    (node as Record<string, unknown>)[last] = value;
  }
  return undefined;
}

/**
 * Deep merge for `extends:`: mappings merge key by key, anything else (numbers, text, lists)
 * in `over` replaces what `base` had. Neither input is modified.
 */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return structuredClone(over);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(over)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    merged[key] = key in merged ? deepMerge(merged[key], value) : structuredClone(value);
  }
  return merged;
}

/** Every key path in `data` whose value is not a mapping (the leaves and lists a merge replaces). */
export function replacedPaths(data: unknown, prefix = ''): string[] {
  if (!isPlainObject(data)) return [prefix];
  const paths: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    paths.push(...replacedPaths(value, prefix === '' ? key : `${prefix}.${key}`));
  }
  return paths;
}
