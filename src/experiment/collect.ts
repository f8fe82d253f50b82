import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { addFailedRun, addPairs } from '../metrics/aggregate.js';
import { mergePackedWorld } from '../metrics/packed-world.js';
import { OutputError } from '../util/output-error.js';
import type { Progress } from './checkpoint.js';
import { worldIndex } from './jobs.js';
import type { ResolvedExperiment } from './load.js';
import type { ExperimentPlan } from './plan.js';
import type { Superblock } from './scheduler.js';
import { jobSeed } from './seeds.js';

export interface Collector {
  /** Takes in one superblock, in order: its statistics, rows, pairs and failures. */
  takeIn(superblock: Superblock): void;
  close(): void;
}

/**
 * The collect stage. A superblock (the same replications of every world) is taken in strictly in
 * order: each world's statistics merge into the aggregate; rows (to runs.csv.partial), paired
 * differences and failures follow job order, run by run. A failed run is listed and left out of
 * every table. `progress` is the checkpoint's, updated in place.
 */
export function createCollector(
  experiment: ResolvedExperiment,
  plan: ExperimentPlan,
  progress: Progress,
  runsPath: string,
): Collector {
  const { space } = plan;
  const { aggregate } = progress;
  const runsFile = openSync(runsPath, 'a');
  progress.runsBytes = statSync(runsPath).size;
  return {
    takeIn: (superblock) => {
      superblock.pieces.forEach((pieces, w) => {
        for (const piece of pieces) if (piece.statistics) mergePackedWorld(aggregate, w, piece.statistics);
      });
      const runsOf = superblock.pieces.map((pieces) => pieces.flatMap((piece) => piece.runs));
      let rows = '';
      for (let k = 0; k < superblock.count; k++) {
        const replication = superblock.first + k;
        for (let point = 0; point < space.points; point++) {
          for (let variant = 0; variant < space.variants; variant++) {
            const run = runsOf[worldIndex(space, variant, point)][k];
            if ('failure' in run) {
              progress.failures.push({
                variant: experiment.variants[variant],
                point: experiment.points[point].id,
                replication,
                seed: jobSeed(space.seed, replication),
                message: run.failure,
              });
              addFailedRun(aggregate, variant, point);
            } else {
              rows += run.rows;
              addPairs(aggregate, variant, point, run.summary);
            }
          }
        }
      }
      try {
        progress.runsBytes += writeSync(runsFile, rows);
      } catch (error) {
        throw new OutputError(runsPath, error);
      }
      progress.done += superblock.count * plan.perReplication;
    },
    close: () => closeSync(runsFile),
  };
}
