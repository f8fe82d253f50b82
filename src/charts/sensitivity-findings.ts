import type { MorrisIndexRow, OutputRow, SobolIndexRow } from '../tables/sensitivity-tables.js';
import { factorLabel } from './specs/sensitivity.js';

/**
 * A finding's verdict from the shares of the parameter space where it is above and below zero:
 * robust when one sign holds at 90% of the points, dependent on the parameters when one holds at
 * half of them, no difference at most points when it is zero at more than half, else no
 * consistent sign.
 */
export function robustness(positive: number, negative: number): string {
  const share = Math.max(positive, negative);
  if (share >= 0.9) return 'robust';
  if (share >= 0.5) return 'depends on the parameters';
  return positive + negative < 0.5 ? 'no difference at most points' : 'no consistent sign';
}

function number(value: number | null): string {
  if (value === null) return '–';
  const size = Math.abs(value);
  if (size >= 10) return value.toFixed(1);
  if (size >= 1) return value.toFixed(2);
  if (size >= 0.01 || size === 0) return value.toFixed(3);
  return value.toPrecision(2);
}
/** Rounded down, so that a share under 90% never reads as 90% beside "depends on the parameters". */
const percent = (share: number | null) => (share === null ? '–' : `${Math.floor(share * 100)}%`);

/**
 * The findings of a two-stage study as a Markdown table, from its tables alone: each output's
 * mean and 5–95% range over the sampled parameter space and the share of it where the finding
 * keeps its sign (from the Sobol' stage's points when there is one: they fill the space evenly),
 * the factors the Morris screening found to matter (μ* at least a tenth of the largest), their
 * Sobol' total and first-order indices, and the share of the spread that is simulation noise.
 * docs/VALIDATION.md holds it, written by `npm run sensitivity-table` and checked by a test.
 */
export function sensitivityFindingsMarkdown(
  screening: { outputs: OutputRow[]; indices: MorrisIndexRow[] },
  sobol: { outputs: OutputRow[]; indices: SobolIndexRow[] } | null,
): string {
  const lines = [
    "| output | mean (5–95% over the parameter space) | sign over the parameter space | leading factors (Morris μ*) | Sobol' S_T (S_1) of the ten | noise |",
    '|---|---|---|---|---|---:|',
  ];
  for (const row of screening.outputs) {
    const spread = sobol?.outputs.find((o) => o.output === row.output) ?? row;
    const positive = spread.share_positive ?? 0;
    const negative = spread.share_negative ?? 0;
    const [first, second] = negative > positive ? ['below', 'above'] : ['above', 'below'];
    const holds = row.reference
      ? `${percent(Math.max(positive, negative))} ${first} 0, ${percent(Math.min(positive, negative))} ${second}: ${robustness(positive, negative)}`
      : '–';
    const morris = screening.indices
      .filter((r) => r.output === row.output)
      .sort((a, b) => b.mu_star - a.mu_star);
    const leading = morris
      .filter((r) => r.mu_star >= 0.1 * (morris[0]?.mu_star ?? 0))
      .slice(0, 4)
      .map((r) => `${factorLabel(r.factor)} ${number(r.mu_star)}`)
      .join(', ');
    const indices = (sobol?.indices ?? [])
      .filter((r) => r.output === row.output && r.total_low > 0.05)
      .sort((a, b) => b.total - a.total)
      .slice(0, 3)
      .map((r) => `${factorLabel(r.factor)} ${r.total.toFixed(2)} (${r.first.toFixed(2)})`)
      .join(', ');
    const name = row.reference
      ? `${row.output}: ${row.variant} − ${row.reference}, ${row.metric}`
      : `${row.output}`;
    lines.push(
      `| ${name} | ${number(spread.mean)} (${number(spread.p05)} to ${number(spread.p95)}) | ${holds} | ${leading} | ${indices || '–'} | ${percent(spread.noise_share)} |`,
    );
  }
  return lines.join('\n');
}
