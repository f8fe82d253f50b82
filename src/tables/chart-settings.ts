/** The kinds of chart an experiment can draw; all that apply by default. */
export const CHART_KINDS = [
  'findings',
  'membership',
  'over-time',
  'by-variant',
  'difference',
  'sweep',
  'milestones',
  'vetoes',
  'admissions',
  'trust',
  'power',
] as const;

/** Output tables a custom chart may use, as `data: { name: runs }`. */
export const CHART_TABLES = [
  'runs',
  'timeseries',
  'compare',
  'points',
  'summaries',
  'vetoes',
  'trust',
  'milestones',
  'admissions',
  'power',
] as const;

/** The metrics charted when an experiment does not say: how often, how ambitiously, with what trust and cohesion, at what vetoes. */
export const KEY_METRICS = ['adoption_rate', 'ambition', 'mean_trust', 'cohesion', 'vetoes'] as const;

/** What an experiment's charts are to show, resolved: kept in the manifest so `cica-sim report` can redraw them. */
export interface ChartSettings {
  kinds: (typeof CHART_KINDS)[number][];
  metrics: string[];
  /** null: every organisation. */
  orgs: string[] | null;
  /** Custom Vega-Lite specs by name, read from their files. */
  custom: Record<string, Record<string, unknown>>;
}

export const DEFAULT_CHART_SETTINGS: ChartSettings = {
  kinds: [...CHART_KINDS],
  metrics: [...KEY_METRICS],
  orgs: null,
  custom: {},
};
