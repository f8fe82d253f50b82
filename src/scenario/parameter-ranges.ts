/**
 * The range each parameter is sampled over when a sensitivity study asks for the documented ranges
 * (`factors: all`, or a factor written `{}`), shown in docs/PARAMETERS.md. The schema's own bounds
 * say what is allowed; these say what is plausible — *assumption* throughout: no parameter of the
 * model has been measured, so each range is the modeller's judgement of how far the default could
 * reasonably be off. The rule of thumb, unless a row says otherwise: a factor of two either way
 * for rates, weights and evidence (on a log scale where the range spans that much), and a
 * symmetric interval inside the meaningful bounds for shares and thresholds. The one calibrated
 * value, enlargement.openness (0.6 in the built-in world, docs/VALIDATION.md), is sampled around
 * its calibration.
 *
 * Not sampled by default: switches (`enabled`, `hazards`, `chairChampions`: turning a mechanism
 * off is a structural choice, compared with a variant), lists (`initialRange`,
 * `levelThresholds`: sample their elements by path, e.g. `parameters.agenda.levelThresholds.4`)
 * and the formula. A test checks that every other parameter has a row, that each range lies
 * within the schema's bounds, and that it holds the default.
 */
export type SampledRange =
  | { min: number; max: number; scale?: 'linear' | 'log' }
  | { values: (number | boolean)[] };

export const NOT_SAMPLED = [
  'trust.initialRange',
  'voting.formula',
  'agenda.levelThresholds',
  'amendment.enabled',
  'institutions.enabled',
  'institutions.chairChampions',
  'enlargement.enabled',
  'partnerships.enabled',
  'events.hazards',
] as const;

export const PARAMETER_RANGES: Record<string, SampledRange> = {
  'trust.priorStrength': { min: 10, max: 90, scale: 'log' },
  'trust.forgetting': { min: 0.95, max: 0.995 },
  'trust.sharedMembership': { min: 0, max: 0.05 },
  'trust.relationEffect.conflict': { min: -0.5, max: -0.2 },
  'trust.relationEffect.dispute': { min: -0.35, max: -0.1 },
  'trust.relationEffect.rivalry': { min: -0.35, max: -0.1 },
  'trust.relationEffect.alignment': { min: 0.05, max: 0.2 },
  'trust.relationEffect.alliance': { min: 0.1, max: 0.35 },
  'trust.implementationEvidence': { min: 0.05, max: 0.2, scale: 'log' },
  'trust.defectionEvidence': { min: 0.1, max: 0.4, scale: 'log' },
  'trust.cheapTalk': { min: 0.1, max: 0.4, scale: 'log' },
  'trust.signalWeight': { min: 4, max: 16, scale: 'log' },
  'trust.adversarySignal': { min: 0, max: 2 },
  'trust.overruledPenalty': { min: 0, max: 0.2 },
  'trust.cohesionThreshold': { min: 0.45, max: 0.55 },
  'trust.blockingPenalty': { min: 0, max: 0.2 },
  'voting.temperature': { min: 0.05, max: 0.2, scale: 'log' },
  'voting.abstention': { min: 0.5, max: 2, scale: 'log' },
  'voting.sovereigntyWeight': { min: 0.5, max: 2, scale: 'log' },
  'voting.proposerTrustWeight': { min: 0, max: 0.6 },
  'voting.memberTrustWeight': { min: 0.25, max: 1 },
  'voting.leaderWeight': { min: 0, max: 0.4 },
  'voting.leaderCapability': { min: 0.6, max: 0.9 },
  'agenda.capabilityWeight': { min: 1, max: 4, scale: 'log' },
  'amendment.rounds': { values: [1, 2, 3, 4, 5] },
  'amendment.objectionThreshold': { min: 0.05, max: 0.2 },
  'amendment.bindingnessCut': { min: 0.1, max: 0.4 },
  'amendment.costCut': { min: 0.1, max: 0.3 },
  'amendment.benefitElasticity': { min: 0, max: 1 },
  'institutions.interest': { min: 0, max: 0.4 },
  'institutions.recordWeight': { min: 0.25, max: 1 },
  'institutions.retryYears': { min: 0.5, max: 2 },
  'institutions.recordUpdate': { min: 0.1, max: 0.5 },
  'institutions.initialRecord': { min: 0.4, max: 0.6 },
  'enlargement.applicationRate': { min: 0.05, max: 0.2, scale: 'log' },
  'enlargement.interest': { min: -0.3, max: 0.3 },
  'enlargement.membershipBindingness': { min: 0.15, max: 0.45 },
  'enlargement.openness': { min: 0.2, max: 1 },
  'enlargement.trustWeight': { min: 0.5, max: 2, scale: 'log' },
  'enlargement.crowding': { min: 0.1, max: 0.6 },
  'enlargement.reapplyYears': { min: 1, max: 5 },
  'partnerships.proposalRate': { min: 0.15, max: 0.6, scale: 'log' },
  'partnerships.interest': { min: 0, max: 0.2 },
  'partnerships.jointAgenda': { values: [0, 1, 2] },
  'implementation.probability': { min: 0.85, max: 0.97 },
  'implementation.capabilityWeight': { min: 0.75, max: 3 },
  'implementation.sovereigntyWeight': { min: 1, max: 4 },
  'implementation.costWeight': { min: 1, max: 4 },
  'implementation.adversaryWeight': { min: 0.75, max: 3 },
  'implementation.adversaryBelow': { min: 0.3, max: 0.5 },
  'implementation.overruledWeight': { min: 0.5, max: 2 },
  'implementation.periodYears': { min: 0.5, max: 2 },
  'implementation.lapseBelow': { min: 0.3, max: 0.7 },
  'events.clashEvidence': { min: 2.5, max: 10, scale: 'log' },
  'events.cyberEvidence': { min: 1, max: 4, scale: 'log' },
  'events.clashRate': { min: 0.15, max: 0.6, scale: 'log' },
  'events.cyberRate': { min: 0.1, max: 0.4, scale: 'log' },
  'events.pandemicRate': { min: 0.01, max: 0.06 },
  'events.terrorRate': { min: 0.15, max: 0.6, scale: 'log' },
  'events.pandemicShift': { min: 0.1, max: 0.3 },
  'events.terrorShift': { min: 0.05, max: 0.25 },
  'events.salienceRecovery': { min: 0.25, max: 0.75 },
};

/** A range in words, for docs/PARAMETERS.md. */
export function describeRange(range: SampledRange): string {
  if ('values' in range) return `{${range.values.join(', ')}}`;
  return `[${range.min}, ${range.max}]${range.scale === 'log' ? ' log' : ''}`;
}
