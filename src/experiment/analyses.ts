import { join } from 'node:path';
import { FILES } from '../tables/files.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { ResolvedExperiment } from './load.js';
import { powerTable } from './power-table.js';

/**
 * The analyses stage: what the experiment file's `analyses:` asks for beside the runs, each
 * written as a table after the run tables. Today the voting power of each member under each
 * variant's rule (power.csv); sensitivity indices and historical scores are analyses too.
 */
export function writeAnalyses(out: string, experiment: ResolvedExperiment): void {
  const { power } = experiment.analyses;
  if (power) writeFileAtomic(join(out, FILES.power), powerTable(experiment, power));
}
