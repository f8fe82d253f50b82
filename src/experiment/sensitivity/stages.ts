import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readTable } from '../../tables/registry.js';
import { MORRIS_INDICES, type MorrisIndexRow } from '../../tables/sensitivity-tables.js';
import { pointValues, studyDesign } from './design.js';
import type { ResolvedSensitivity } from './load.js';
import { runSensitivity, type SensitivityOutcome, type SensitivityRunOptions } from './run.js';

/** Where a study's second stage writes, inside the first's directory. */
export const SOBOL_STAGE_DIR = 'sobol';

/**
 * The factors that matter most after a Morris screening: each factor's μ* divided by the largest
 * μ* of the same output (so outputs of different units compare), its score the largest of these
 * over the outputs; the `top` highest scores, highest first (ties by the order of the file).
 */
export function rankFactors(
  rows: readonly MorrisIndexRow[],
  factors: readonly string[],
  top: number,
): string[] {
  const largest = new Map<string, number>();
  for (const r of rows) largest.set(r.output, Math.max(largest.get(r.output) ?? 0, r.mu_star));
  const score = new Map(factors.map((f) => [f, 0]));
  for (const r of rows) {
    const scale = largest.get(r.output) ?? 0;
    if (scale > 0) score.set(r.factor, Math.max(score.get(r.factor) ?? 0, r.mu_star / scale));
  }
  return [...factors]
    .map((factor, order) => ({ factor, order, score: score.get(factor) ?? 0 }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, top)
    .map((f) => f.factor);
}

/** The Sobol' stage of a study: the same scenarios, variants and outputs, over the chosen factors. */
export function sobolStage(study: ResolvedSensitivity, chosen: readonly string[]): ResolvedSensitivity {
  const stage = study.sobolStage as NonNullable<ResolvedSensitivity['sobolStage']>;
  const factors = chosen.map(
    (path) => study.factors.find((f) => f.path === path) as ResolvedSensitivity['factors'][number],
  );
  const design = studyDesign(
    { method: 'sobol', size: stage.samples, levels: study.levels },
    factors.length,
    study.seed,
  );
  const hash = createHash('sha256')
    .update(
      JSON.stringify({
        first: study.hash,
        stage: 'sobol',
        factors: chosen,
        samples: stage.samples,
        replications: stage.replications,
      }),
    )
    .digest('hex');
  return {
    ...study,
    name: `${study.name}-sobol`,
    hash: `sha256:${hash}`,
    method: 'sobol',
    size: stage.samples,
    replications: stage.replications,
    factors,
    design,
    values: pointValues(design, factors),
    sobolStage: null,
  };
}

/**
 * Runs a study, and when it is a screening with a second stage and the screening is complete
 * (not a shard), the Sobol' stage on the factors it found to matter most, in DIR/sobol.
 */
export async function runStudyStages(
  study: ResolvedSensitivity,
  options: SensitivityRunOptions,
): Promise<{
  screening: SensitivityOutcome;
  sobol: SensitivityOutcome | null;
  sobolStudy: ResolvedSensitivity | null;
}> {
  const screening = await runSensitivity(study, options);
  if (!study.sobolStage || screening.status !== 'complete' || options.shard)
    return { screening, sobol: null, sobolStudy: null };
  const chosen = rankFactors(
    readTable(options.out, MORRIS_INDICES),
    study.factors.map((f) => f.path),
    study.sobolStage.top,
  );
  const sobolStudy = sobolStage(study, chosen);
  // The screening's --resume and --force cleared or kept its directory, this one with it.
  const sobol = await runSensitivity(sobolStudy, {
    ...options,
    out: join(options.out, SOBOL_STAGE_DIR),
    resume: true,
    force: false,
    command: `${options.command ?? `cica-sim sensitivity ${study.file}`} (Sobol' stage)`,
  });
  return { screening, sobol, sobolStudy };
}
