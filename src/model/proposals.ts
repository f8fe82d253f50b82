/**
 * The kinds of proposal an organisation votes on. Each organisation maps kinds to decision
 * rules (`organisations.<ID>.rules`), with `default` for the kinds it does not name.
 */
export const PROPOSAL_KINDS = ['cbm', 'reform', 'accession', 'partnership', 'crisis'] as const;

export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** Kinds of bilateral relation in the data; the first three lower initial trust, the last two raise it. */
export const RELATION_KINDS = ['conflict', 'dispute', 'rivalry', 'alignment', 'alliance'] as const;

export type RelationKind = (typeof RELATION_KINDS)[number];
