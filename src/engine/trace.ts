/**
 * The optional trace of a run: one record per proposal, shock, application and reform, telling
 * who did what and why (docs/MODEL.md §Trace). Phases build records only when a sink is set, so a
 * run without a trace allocates nothing for it.
 */
export type TraceVote = { state: string; vote: 'yes' | 'abstain' | 'no'; score: number };

export type TraceRecord =
  | {
      type: 'proposal';
      step: number;
      year: number;
      org: string;
      kind: 'cbm' | 'crisis';
      cbm: string;
      name: string;
      proposer: string;
      chair: string;
      amendments: { bindingness: number; cost: number; objectors: string[] }[];
      bindingness: number;
      cost: number;
      rule: string;
      votes: TraceVote[];
      passed: boolean;
      pivotal: string[];
      vetoes: string[];
      participants: string[];
    }
  | {
      type: 'implementation';
      step: number;
      year: number;
      org: string;
      cbm: string;
      /** false: adopted this step; true: a measure in force implemented again. */
      periodic: boolean;
      /** Bindingness and cost as adopted. */
      bindingness: number;
      cost: number;
      implemented: string[];
      defected: string[];
      /** Too few implemented: the measure is no longer in force. */
      lapsed: boolean;
    }
  | { type: 'shock'; step: number; year: number; kind: string; parties: string[]; magnitude: number }
  | {
      /** A dated event (docs/MODEL.md §Dated events): a founding, a status, a chair, a relation. */
      type: 'dated';
      step: number;
      year: number;
      kind: string;
      org?: string;
      state?: string;
      other?: string;
      relation?: string;
      intensity?: number;
      mayApply?: boolean;
    }
  | {
      type: 'application';
      step: number;
      year: number;
      org: string;
      state: string;
      votes: TraceVote[];
      admitted: boolean;
    }
  | {
      type: 'reform';
      step: number;
      year: number;
      org: string;
      rung: string;
      votes: TraceVote[];
      passed: boolean;
    }
  | { type: 'partnership'; step: number; year: number; org: string; partner: string; passed: boolean };

export type TraceSink = (record: TraceRecord) => void;
