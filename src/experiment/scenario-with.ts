import { parsePath, setByPath } from '../input/paths.js';
import { type Scenario, ScenarioSchema } from '../scenario/schema.js';

/**
 * A scenario with some fields set to drawn values: a copy, the values set by path (where
 * `applies` allows), then checked and normalised by the schema as loading would. Sensitivity
 * studies (a sample point) and experiments with uncertainty (a replication's draw) both use it;
 * the paths and the values' ranges were checked when the file was loaded.
 */
export function scenarioWith(
  base: Scenario,
  paths: readonly string[],
  values: readonly unknown[],
  applies?: readonly boolean[],
): Scenario {
  const data = structuredClone(base) as unknown as Record<string, unknown>;
  paths.forEach((path, d) => {
    if (applies && !applies[d]) return;
    setByPath(data, parsePath(path) as string[], structuredClone(values[d]));
  });
  return ScenarioSchema.parse(data);
}
