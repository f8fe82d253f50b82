import type { ReportData } from './gather.js';
import { differenceOf } from './gather.js';

/** A difference whose 95% interval excludes zero: lower or higher, by how much. */
export interface ClearChange {
  metric: string;
  direction: 'lower' | 'higher';
  mean: number;
  low: number;
  high: number;
  /** The share of pairs (with uncertainty: of parameter draws) in which the change goes this way. */
  holds: number | null;
}

/** What the runs say of one variant against the reference, for one organisation. */
export interface Finding {
  org: string;
  variant: string;
  clear: ClearChange[];
  /** Charted metrics whose interval includes zero. */
  unclear: string[];
}

/**
 * Judges each variant against the reference at the first sweep point, metric by metric: a change
 * is clear where its paired 95% interval excludes zero. Metrics without an interval (undefined
 * for the organisation) are left out.
 */
export function judgeFindings(data: ReportData): Finding[] {
  return data.orgs.flatMap((org) =>
    data.manifest.variants.slice(1).map((variant) => {
      const finding: Finding = { org, variant, clear: [], unclear: [] };
      for (const metric of data.metrics) {
        const d = differenceOf(data, org, variant, metric);
        if (!d || d.ci95_low === null || d.ci95_high === null) continue;
        const { ci95_low: low, ci95_high: high } = d;
        if (low > 0 || high < 0)
          finding.clear.push({
            metric,
            direction: high < 0 ? 'lower' : 'higher',
            mean: d.mean_difference ?? Number.NaN,
            low,
            high,
            holds: high < 0 ? d.share_negative : d.share_positive,
          });
        else finding.unclear.push(metric);
      }
      return finding;
    }),
  );
}
