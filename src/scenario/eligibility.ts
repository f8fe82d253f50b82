import type { Actor, Organisation } from './schema.js';

/**
 * Whether a state may be a member of an organisation under its eligibility rule
 * (`organisations.<ID>.eligibility`): "none" admits anyone; `territoryIn` admits a state with
 * territory in at least one of the listed regions (CICA: territory at least partly in Asia).
 */
export function isEligible(org: Pick<Organisation, 'eligibility'>, actor: Pick<Actor, 'territory'>): boolean {
  const rule = org.eligibility;
  if (rule === 'none') return true;
  return actor.territory.some((region) => rule.territoryIn.includes(region));
}

/** The rule in words, for messages: "territory in Asia". */
export function describeEligibility(org: Pick<Organisation, 'eligibility'>): string {
  const rule = org.eligibility;
  return rule === 'none' ? 'anyone' : `territory in ${rule.territoryIn.join(' or ')}`;
}
