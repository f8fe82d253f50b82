import type { TableDeclaration } from './registry.js';

/**
 * vetoes.csv: vetoes each state used in each organisation, per run, and its blocks under any rule
 * (a pivotal "no" on a failed CBM); states that never vetoed nor blocked are left out.
 */
export interface VetoRow {
  variant: string;
  point: string;
  org: string;
  state: string;
  subregion: string;
  mean_vetoes: number;
  share_of_runs: number;
  runs: number;
  mean_blocks: number;
  share_of_runs_blocking: number;
}
export const VETOES: TableDeclaration<VetoRow> = {
  name: 'vetoes',
  file: 'vetoes.csv',
  description:
    'vetoes each state used in each organisation (mean per run, share of runs with any), then its blocks under any rule — a "no" that was pivotal to a CBM\'s failure (mean per run, share of runs with any)',
  columns: {
    variant: 'id',
    point: 'id',
    org: 'id',
    state: 'id',
    subregion: 'text',
    mean_vetoes: 'number',
    share_of_runs: 'number',
    runs: 'number',
    mean_blocks: 'number',
    share_of_runs_blocking: 'number',
  },
};

/** trust.csv: the final trust of each state in each other, 5th, 50th and 95th percentiles over runs. */
export interface TrustRow {
  variant: string;
  point: string;
  truster: string;
  truster_subregion: string;
  trusted: string;
  trusted_subregion: string;
  /** The pair's structural trust at the start (empty for worlds too large to keep it). */
  initial: number | null;
  p05: number;
  p50: number;
  p95: number;
  runs: number;
}
export const TRUST: TableDeclaration<TrustRow> = {
  name: 'trust',
  file: 'trust.csv',
  description:
    'trust of each state in each other: structural at the start, and the 5th, 50th and 95th percentiles over runs at the end',
  columns: {
    variant: 'id',
    point: 'id',
    truster: 'id',
    truster_subregion: 'text',
    trusted: 'id',
    trusted_subregion: 'text',
    initial: 'number',
    p05: 'number',
    p50: 'number',
    p95: 'number',
    runs: 'number',
  },
};

/**
 * milestones.csv: for each rung of each ladder, the share of runs that had reached it by the end
 * of each year (held_at_start: the share holding it before the first step).
 */
export interface MilestoneRow {
  variant: string;
  point: string;
  org: string;
  rung: string;
  order: number;
  held_at_start: number;
  year: number;
  share_reached: number;
  runs: number;
}
export const MILESTONES: TableDeclaration<MilestoneRow> = {
  name: 'milestones',
  file: 'milestones.csv',
  description: 'the share of runs that reached each rung of each ladder by the end of each year',
  columns: {
    variant: 'id',
    point: 'id',
    org: 'id',
    rung: 'text',
    order: 'number',
    held_at_start: 'number',
    year: 'number',
    share_reached: 'number',
    runs: 'number',
  },
};

/** admissions.csv: each state admitted in at least one run: the share of runs, and the median year among those. */
export interface AdmissionRow {
  variant: string;
  point: string;
  org: string;
  state: string;
  share_admitted: number;
  median_year_when_admitted: number;
  runs: number;
}
export const ADMISSIONS: TableDeclaration<AdmissionRow> = {
  name: 'admissions',
  file: 'admissions.csv',
  description: 'each state admitted in some run: the share of runs that admitted it, and the median year',
  columns: {
    variant: 'id',
    point: 'id',
    org: 'id',
    state: 'id',
    share_admitted: 'number',
    median_year_when_admitted: 'number',
    runs: 'number',
  },
};

/** checks.csv: for each fact checked, the share of runs that reproduced it. */
export interface CheckRow {
  variant: string;
  point: string;
  fact: string;
  org: string;
  reproduced: number;
  runs: number;
  share: number;
}
export const CHECKS: TableDeclaration<CheckRow> = {
  name: 'checks',
  file: 'checks.csv',
  description: 'each fact checked against history: the runs that reproduced it, and their share',
  columns: {
    variant: 'id',
    point: 'id',
    fact: 'text',
    org: 'id',
    reproduced: 'number',
    runs: 'number',
    share: 'number',
  },
};

/** scores.csv: each fact scored against the null baselines (the history study; docs/VALIDATION.md). */
export interface ScoreRow {
  variant: string;
  point: string;
  org: string;
  fact: string;
  /** calibration, holdout, or all (the experiment sets no calibration window). */
  period: string;
  /** brier (a yes/no fact) or crps (a count). */
  score: string;
  model_score: number | null;
  baseline: string;
  baseline_score: number | null;
  skill: number | null;
  /** Why a fact is not scored, when it is not. */
  note: string;
}
export const SCORES: TableDeclaration<ScoreRow> = {
  name: 'scores',
  file: 'scores.csv',
  description:
    'each fact checked against history, scored (Brier for yes/no facts, CRPS for counts) for the model and for each null baseline, with skill = 1 − model score / baseline score',
  columns: {
    variant: 'id',
    point: 'id',
    org: 'id',
    fact: 'text',
    period: 'id',
    score: 'id',
    model_score: 'number',
    baseline: 'id',
    baseline_score: 'number',
    skill: 'number',
    note: 'text',
  },
};

/** power.csv: each member's voting power under each variant's rule (analyses.power). */
export interface PowerRow {
  variant: string;
  org: string;
  kind: string;
  rule: string;
  member: string;
  banzhaf: number;
  shapley_shubik: number;
  passage_probability: number;
  method: string;
}
export const POWER: TableDeclaration<PowerRow> = {
  name: 'power',
  file: 'power.csv',
  description:
    "each member's voting power (Banzhaf, Shapley–Shubik) under each variant's rule, and the rule's passage probability",
  columns: {
    variant: 'id',
    org: 'id',
    kind: 'id',
    rule: 'text',
    member: 'id',
    banzhaf: 'number',
    shapley_shubik: 'number',
    passage_probability: 'number',
    method: 'id',
  },
};

/** failures.csv: one row per failed run (a header only when none failed). */
export interface FailureRow {
  variant: string;
  point: string;
  replication: number;
  seed: number;
  message: string;
}
export const FAILURES: TableDeclaration<FailureRow> = {
  name: 'failures',
  file: 'failures.csv',
  description: 'runs that threw, left out of every other table',
  columns: { variant: 'id', point: 'id', replication: 'number', seed: 'number', message: 'string' },
};
