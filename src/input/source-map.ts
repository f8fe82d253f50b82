import type { SourceLocation } from './errors.js';

/**
 * Where each field of a loaded document was written: field path (segments joined by ".")
 * → file, line, column. Ids cannot contain ".", so the joined path is unambiguous.
 */
export type SourceMap = Map<string, SourceLocation>;

/** The location of a path, or of its nearest ancestor that has one. */
export function locate(map: SourceMap, path: string): SourceLocation | undefined {
  let key = path;
  for (;;) {
    const found = map.get(key);
    if (found) return found;
    const cut = key.lastIndexOf('.');
    if (cut < 0) return map.get('');
    key = key.slice(0, cut);
  }
}

/**
 * The location of a path, else of the first field written below it, else of its nearest
 * ancestor: a field that exists only as the parent of what a user wrote (an override
 * `parameters.enlargment.crowding`, which makes `parameters.enlargment` unknown) is where the
 * user wrote its child, not where its grandparent stands in another file.
 */
export function locateWritten(map: SourceMap, path: string): SourceLocation | undefined {
  const exact = map.get(path);
  if (exact) return exact;
  const prefix = `${path}.`;
  for (const [key, location] of map) if (key.startsWith(prefix)) return location;
  return locate(map, path);
}

/** Removes every entry strictly below `path` (used when a value is replaced wholesale). */
export function dropDescendants(map: SourceMap, path: string): void {
  const prefix = path === '' ? '' : `${path}.`;
  for (const key of [...map.keys()]) {
    if (key.startsWith(prefix) && key !== path) map.delete(key);
  }
}

/** Re-roots every entry of `from` under `prefix` into `into`. */
export function mountSourceMap(into: SourceMap, from: SourceMap, prefix: string): void {
  for (const [key, location] of from) {
    into.set(key === '' ? prefix : `${prefix}.${key}`, location);
  }
}
