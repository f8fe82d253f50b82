import { join } from 'node:path';
import type { ExperimentAggregate } from '../metrics/aggregate.js';
import type { Check } from '../model/check.js';
import { FILES } from '../tables/files.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { admissionsTable, checksTable, milestonesTable, trustTable, vetoesTable } from './outcome-tables.js';
import { scoresTable } from './scores-table.js';
import { summariesTable } from './summaries-table.js';
import { compareTable, type ExperimentLayout, pointsTable, timeseriesTable } from './tables.js';

/**
 * The tables stage: every table computed from an experiment's aggregate, each written whole
 * (temporary file, then rename). A finished experiment and a merge of shards both end here.
 */
export function writeTables(
  out: string,
  aggregate: ExperimentAggregate,
  experiment: ExperimentLayout,
  checks: Check[],
  /** runs.csv as it stands (runs.csv.partial until the experiment is finished). */
  runsPath: string,
): void {
  writeFileAtomic(join(out, FILES.timeseries), timeseriesTable(aggregate, experiment));
  writeFileAtomic(join(out, FILES.compare), compareTable(aggregate, experiment));
  if (experiment.sweptPaths.length > 0) writeFileAtomic(join(out, FILES.points), pointsTable(experiment));
  writeFileAtomic(join(out, FILES.summaries), summariesTable(runsPath, experiment, aggregate.wholeRunNames));
  writeFileAtomic(join(out, FILES.vetoes), vetoesTable(aggregate, experiment));
  writeFileAtomic(join(out, FILES.trust), trustTable(aggregate, experiment));
  writeFileAtomic(join(out, FILES.milestones), milestonesTable(aggregate, experiment));
  writeFileAtomic(join(out, FILES.admissions), admissionsTable(aggregate, experiment));
  if (checks.length > 0) writeFileAtomic(join(out, FILES.checks), checksTable(aggregate, experiment, checks));
  // Facts that say how to score them are scored against the null baselines (docs/VALIDATION.md).
  if (checks.some((check) => check.baseline || check.unscored))
    writeFileAtomic(join(out, FILES.scores), scoresTable(aggregate, experiment, checks));
}
