import { z } from 'zod';
import { DIMENSIONS } from '../model/dimensions.js';
import { Id } from '../model/id.js';
import { PROPOSAL_KINDS, RELATION_KINDS } from '../model/proposals.js';
import { RuleSchema } from '../rules/schema.js';

/**
 * The scenario format. `ScenarioSchema` describes a complete scenario after `extends`, tables
 * and overrides are resolved (what the engine compiles); `ScenarioFileSchema` describes one file
 * as a user writes it, where fields may come from a parent or a table. The JSON Schema that
 * editors use is generated from the file schema (`cica-sim schema`).
 */

export { Id };

const probability = z.number().min(0).max(1);
const share = z.number().min(0).max(1);

const Salience = z
  .strictObject(
    Object.fromEntries(DIMENSIONS.map((d) => [d, share])) as Record<
      (typeof DIMENSIONS)[number],
      typeof share
    >,
  )
  .describe('how much the state cares about each CBM dimension, each in [0, 1]');

export const ActorSchema = z.strictObject({
  name: z.string().min(1),
  subregion: z.string().min(1).describe('a modelling grouping, e.g. "Central Asia"'),
  // Bounds far above any state keep sums over thousands of states finite.
  population: z.number().min(0).max(1e6).describe('population in millions'),
  gdp: z.number().min(0).max(1e9).describe('GDP in current US$ billions'),
  military: z.number().min(0).max(1e9).describe('military spending in current US$ billions'),
  energy: z.enum(['exporter', 'importer']).describe('net energy exporter or importer'),
  groups: z
    .array(z.string().min(1))
    .default([])
    .describe('other organisations the state belongs to (OIC, EAEU, ...); shared groups raise initial trust'),
  salience: Salience,
  sovereignty: probability.describe('sovereignty sensitivity: resistance to binding commitments, in [0, 1]'),
  territory: z
    .array(z.string().min(1))
    .default([])
    .describe('the continents the state has territory in (Asia, Europe, ...), for eligibility rules'),
});

export const RelationSchema = z.strictObject({
  a: Id,
  b: Id,
  kind: z.enum(RELATION_KINDS),
  intensity: probability.describe('a modelling judgement in [0, 1]'),
  note: z.string().optional(),
});

const Rules = z
  .strictObject({
    default: RuleSchema.describe('the rule for every kind of proposal not named here'),
    ...(Object.fromEntries(PROPOSAL_KINDS.map((k) => [k, RuleSchema.optional()])) as Record<
      (typeof PROPOSAL_KINDS)[number],
      z.ZodOptional<typeof RuleSchema>
    >),
  })
  .describe('decision rule per kind of proposal (cbm, reform, accession, partnership, crisis)');

export const RungSchema = z.strictObject({
  name: z.string().min(1),
  requires: z
    .strictObject({
      meanTrust: probability.default(0).describe('mean trust among members at least this'),
      cbmsImplemented: z
        .int()
        .min(0)
        .default(0)
        .describe('implementations in this organisation since the run began'),
      yearsSinceReform: z
        .number()
        .min(0)
        .max(100)
        .default(2)
        .describe('years since the last rung was reached'),
    })
    .prefault({})
    .describe('prerequisites besides the previous rung'),
  bindingness: probability.default(0.3).describe('how much sovereignty the rung asks of members, in [0, 1]'),
  effects: z
    .strictObject({
      implementation: z
        .number()
        .min(-5)
        .max(5)
        .default(0)
        .describe('added to the logit of the chance of implementing (monitoring: a Secretariat)'),
      amendmentRounds: z.int().min(0).max(20).default(0).describe('more rounds of amendment (mediation)'),
      agendaSize: z.int().min(0).max(20).default(0).describe('more CBM proposals each step'),
      sidePayment: z
        .number()
        .min(0)
        .max(10)
        .default(0)
        .describe('a Fund: added to the score of members who would lose'),
      rules: z
        .record(z.string(), RuleSchema)
        .optional()
        .describe('new rules for kinds of proposal, e.g. { cbm: { kind: quota, ... } }'),
    })
    .prefault({})
    .describe('what reaching the rung changes, from then on'),
});

const Rung = z.union([
  z
    .string()
    .min(1)
    .transform((name) => RungSchema.parse({ name })),
  RungSchema,
]);

export const OrganisationSchema = z.strictObject({
  name: z.string().optional(),
  members: z.array(Id).min(1).describe('member states: they vote'),
  observers: z.array(Id).default([]).describe('observer states: they attend, do not vote'),
  partners: z.array(Id).default([]).describe('dialogue partners'),
  weights: z
    .record(Id, z.number().min(0).max(1e9))
    .default({})
    .describe('voting weight per member for quota rules with a weight condition (default 1)'),
  rules: Rules,
  catalogue: z
    .union([z.literal('all'), z.array(Id).min(1)])
    .default('all')
    .describe('the CBMs this organisation may put on its agenda: ids from `cbms`, or "all"'),
  agendaSize: z.int().min(0).max(100).default(2).describe('CBM proposals put to a vote each step'),
  coordinators: z
    .strictObject(
      Object.fromEntries(DIMENSIONS.map((d) => [d, z.array(Id).optional()])) as Record<
        (typeof DIMENSIONS)[number],
        z.ZodOptional<z.ZodArray<typeof Id>>
      >,
    )
    .default({})
    .describe('member states that coordinate CBMs of a dimension: they propose and champion them'),
  chair: z
    .strictObject({
      order: z
        .array(Id)
        .min(1)
        .optional()
        .describe('the rotation, in order (default: the members as listed)'),
      termYears: z.number().gt(0).max(100).default(2).describe('years each chair serves'),
    })
    .prefault({})
    .describe('the rotating chair, who amends proposals before votes'),
  ladder: z
    .array(Rung)
    .default([])
    .describe('institutional ladder, in order: names, or { name, requires, bindingness, effects }'),
  stage: z.int().min(0).default(0).describe('how many rungs of the ladder are already reached'),
  applicants: z
    .enum(['observers', 'eligible'])
    .default('observers')
    .describe(
      'who considers applying of its own accord: its observers and dialogue partners (default), or every eligible state that is not a member',
    ),
  eligibility: z
    .union([
      z.literal('none').describe('no rule: any state may join (also to waive a rule for a counterfactual)'),
      z
        .strictObject({
          territoryIn: z
            .array(z.string().min(1))
            .min(1)
            .describe('a member must have territory in at least one of these (actors.<ID>.territory)'),
          note: z.string().optional(),
        })
        .describe('who may be a member'),
    ])
    .default('none')
    .describe(
      'who may join: members, scheduled applications and candidates must meet it ("none": anyone, e.g. a counterfactual)',
    ),
});

const benefit = z.number().min(0).max(10);

export const CbmSchema = z.strictObject({
  name: z.string().min(1),
  dimension: z.enum(DIMENSIONS),
  level: z.int().min(1).describe('complexity level; level L needs trust above agenda.levelThresholds[L-1]'),
  benefit: z
    .strictObject(
      Object.fromEntries(DIMENSIONS.map((d) => [d, benefit.optional()])) as Record<
        (typeof DIMENSIONS)[number],
        z.ZodOptional<typeof benefit>
      >,
    )
    .describe('benefit to a participant per dimension (weighted by its salience)'),
  cost: z.number().min(0).max(10).describe('cost of taking part'),
  bindingness: probability.describe('0 = a declaration, 1 = a binding commitment'),
});

const BorderClashEvent = z
  .strictObject({
    year: z.int(),
    kind: z.literal('border-clash'),
    parties: z.array(Id).min(2),
    magnitude: z.number().min(0).max(10).default(1),
  })
  .describe('a clash between the parties: negative evidence between each pair');

const ApplicationEvent = z
  .strictObject({
    year: z.int(),
    kind: z.literal('application'),
    state: Id.describe('the state that applies'),
    org: Id.describe('the organisation it applies to'),
  })
  .describe('a state applies for membership; admission is voted under the accession rule');

const PandemicEvent = z
  .strictObject({
    year: z.int(),
    kind: z.literal('pandemic'),
    magnitude: z.number().min(0).max(10).default(1),
  })
  .describe('a pandemic: every state cares more about new threats and the human dimension for a while');

const TerroristAttackEvent = z
  .strictObject({
    year: z.int(),
    kind: z.literal('terrorist-attack'),
    state: Id.describe('the state struck'),
    magnitude: z.number().min(0).max(10).default(1),
  })
  .describe("a terrorist attack: the state's subregion cares more about new threats for a while");

const CyberIncidentEvent = z
  .strictObject({
    year: z.int(),
    kind: z.literal('cyber-incident'),
    parties: z.array(Id).min(2),
    magnitude: z.number().min(0).max(10).default(1),
  })
  .describe('a cyber incident between the parties: negative evidence between each pair');

// Dated changes of the world's institutions and relations (docs/MODEL.md §Dated events): what a
// historical scenario takes as given, on the dates it happened.
const FoundingEvent = z
  .strictObject({
    year: z.int(),
    kind: z.literal('founding'),
    org: Id.describe('the organisation founded'),
  })
  .describe(
    'an organisation is founded: before this year it has no members and does nothing; its listed members join',
  );

const StatusEvent = z
  .strictObject({
    year: z.int(),
    kind: z.literal('status'),
    state: Id.describe('the state granted (or losing) the status'),
    org: Id.describe('the organisation'),
    status: z
      .enum(['observer', 'partner', 'none'])
      .describe('observer or dialogue partner (it may then apply of its own accord, if eligible), or none'),
  })
  .describe("a state's status in an organisation changes: observer, dialogue partner, or none");

const ChairEvent = z
  .strictObject({
    year: z.int(),
    kind: z.literal('chair'),
    org: Id.describe('the organisation'),
    state: Id.describe('its chair from this year, until the next chair event'),
  })
  .describe("an organisation's chair from this year on, in place of the rotation");

const RelationEvent = z
  .strictObject({
    year: z.int(),
    kind: z.literal('relation'),
    a: Id,
    b: Id,
    relation: z
      .enum([...RELATION_KINDS, 'none'])
      .describe(
        'the relation between a and b from this year on, replacing any they had ("none": no relation)',
      ),
    intensity: probability.default(1).describe('a modelling judgement in [0, 1]'),
  })
  .describe(
    'the relation between two states changes: their structural trust and their clash or cyber hazard follow',
  );

export const EventSchema = z.discriminatedUnion('kind', [
  BorderClashEvent,
  ApplicationEvent,
  PandemicEvent,
  TerroristAttackEvent,
  CyberIncidentEvent,
  FoundingEvent,
  StatusEvent,
  ChairEvent,
  RelationEvent,
]);

const relationEffect = z.number().min(-1).max(1);

const TrustParameters = z.strictObject({
  priorStrength: z
    .number()
    .min(0.1)
    .max(1000)
    .default(30)
    .describe("pseudo-observations behind each pair's structural trust, the baseline evidence returns to"),
  forgetting: probability
    .default(0.98)
    .describe(
      'share of the evidence gathered in the run kept from one step to the next (the structural baseline is never forgotten)',
    ),
  initialRange: z
    .tuple([probability, probability])
    .default([0.05, 0.95])
    .describe('structural trust is kept inside [low, high]: no pair starts in certainty'),
  sharedMembership: z
    .number()
    .min(0)
    .max(0.2)
    .default(0.02)
    .describe('initial trust added per organisation or group two states share'),
  relationEffect: z
    .strictObject({
      conflict: relationEffect.default(-0.35),
      dispute: relationEffect.default(-0.2),
      rivalry: relationEffect.default(-0.2),
      alignment: relationEffect.default(0.1),
      alliance: relationEffect.default(0.2),
    } satisfies Record<(typeof RELATION_KINDS)[number], unknown>)
    .prefault({})
    .describe('initial trust added per unit of relation intensity, by kind'),
  implementationEvidence: z
    .number()
    .min(0)
    .max(100)
    .default(0.1)
    .describe(
      'positive evidence between two participants who both implemented a measure, per unit of signal',
    ),
  defectionEvidence: z
    .number()
    .min(0)
    .max(100)
    .default(0.2)
    .describe(
      'negative evidence toward a participant who did not implement, from each who did, per unit of signal',
    ),
  cheapTalk: z
    .number()
    .min(0)
    .max(10)
    .default(0.2)
    .describe('the signal of a costless, non-binding measure (costly signals: Kydd 2005)'),
  signalWeight: z
    .number()
    .min(0)
    .max(100)
    .default(8)
    .describe('signal added per unit of cost × bindingness, as adopted'),
  adversarySignal: z
    .number()
    .min(0)
    .max(10)
    .default(1)
    .describe(
      'the signal is multiplied by 1 + this × how much the implementer distrusts a fellow participant',
    ),
  overruledPenalty: z
    .number()
    .min(0)
    .max(100)
    .default(0.1)
    .describe(
      "negative evidence from each member that voted no on a measure adopted in the organisation's name toward each that voted yes (0: off)",
    ),
  cohesionThreshold: probability.default(0.5).describe('trust above which a pair counts as cohesive'),
  blockingPenalty: z
    .number()
    .min(0)
    .default(0.1)
    .describe(
      'negative evidence from each supporter of a failed proposal toward each member that voted no (0: off)',
    ),
});

const VotingParameters = z.strictObject({
  temperature: z
    .number()
    .gt(0)
    .max(100)
    .default(0.1)
    .describe('scale of the logistic vote: lower is more decisive'),
  abstention: z
    .number()
    .min(0)
    .max(20)
    .default(1)
    .describe('width of the abstention band on the logit scale'),
  sovereigntyWeight: z
    .number()
    .min(0)
    .max(10)
    .default(1)
    .describe('how much sovereignty sensitivity raises the cost of binding measures'),
  proposerTrustWeight: z
    .number()
    .min(-10)
    .max(10)
    .default(0.3)
    .describe("how much a member's trust in the proposer (above or below ½) adds to its interest"),
  memberTrustWeight: z
    .number()
    .min(-10)
    .max(10)
    .default(0.5)
    .describe("how much a member's mean trust in the other members (above or below ½) adds to its interest"),
  leaderWeight: z
    .number()
    .min(-10)
    .max(10)
    .default(0.2)
    .describe(
      "how much a leading power's expected vote (P(yes) − P(no)) weighs on the score of a member allied or aligned with it",
    ),
  leaderCapability: probability
    .default(0.75)
    .describe('capability (0–1) from which a state leads those allied or aligned with it'),
  formula: z
    .string()
    .min(1)
    .optional()
    .describe(
      'replaces the built-in score of a proposal; variables: builtin, benefit, cost, bindingness, sovereignty, trust_proposer, trust_members, salience_<dimension>, benefit_<dimension>',
    ),
});

const AgendaParameters = z.strictObject({
  levelThresholds: z
    .array(probability)
    .min(1)
    .default([0, 0.45, 0.5, 0.55, 0.6])
    .describe('mean trust among members needed to table a CBM of level 1, 2, ...'),
  capabilityWeight: z
    .number()
    .min(0)
    .max(100)
    .default(2)
    .describe("a member's chance of proposing is proportional to 1 + this × its capability (0–1)"),
});

const AmendmentParameters = z.strictObject({
  enabled: z.boolean().default(true).describe('whether the chair amends proposals before votes'),
  rounds: z.int().min(0).max(50).default(3).describe('most amendments to one proposal'),
  objectionThreshold: probability
    .default(0.1)
    .describe('a member whose chance of voting no is at least this counts as a likely objector'),
  bindingnessCut: probability.default(0.25).describe('share of bindingness removed by one amendment'),
  costCut: probability.default(0.2).describe('share of cost removed by one amendment'),
  benefitElasticity: z
    .number()
    .min(0)
    .max(5)
    .default(0.5)
    .describe(
      'benefit delivered scales with (bindingness as amended / as tabled) to this power: dilution costs substance',
    ),
});

const InstitutionParameters = z.strictObject({
  enabled: z.boolean().default(true).describe('whether organisations vote on reforms to climb their ladders'),
  interest: z.number().min(-10).max(10).default(0.2).describe("members' base interest in the next rung"),
  recordWeight: z
    .number()
    .min(-10)
    .max(10)
    .default(0.5)
    .describe(
      'how much the record of kept commitments (recent compliance, above or below ½) raises interest',
    ),
  retryYears: z
    .number()
    .min(0)
    .max(100)
    .default(1)
    .describe('years an organisation waits after a failed reform vote before the next'),
  recordUpdate: probability
    .default(0.25)
    .describe("weight of this step's compliance in the organisation's record (an exponential average)"),
  initialRecord: probability.default(0.5).describe("the organisation's record before its first step"),
  chairChampions: z
    .boolean()
    .default(true)
    .describe('whether the chair, who tables a reform, votes yes on it without a draw'),
});

const EnlargementParameters = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe('whether observers and dialogue partners apply of their own accord'),
  applicationRate: z
    .number()
    .min(0)
    .max(10)
    .default(0.1)
    .describe('applications a year by a candidate that wants to join (scaled by how much it wants to)'),
  interest: z.number().min(-10).max(10).default(0).describe("a candidate's base interest in joining"),
  membershipBindingness: probability.default(0.3).describe('sovereignty membership asks of a candidate'),
  openness: z.number().min(-10).max(10).default(0.2).describe("members' base willingness to admit"),
  trustWeight: z
    .number()
    .min(-10)
    .max(10)
    .default(1)
    .describe("how much a member's trust in the applicant counts"),
  crowding: z
    .number()
    .min(0)
    .max(10)
    .default(0.3)
    .describe('reluctance per unit of growth since the run began: more members, more voices (seed 004)'),
  reapplyYears: z
    .number()
    .min(0)
    .max(100)
    .default(3)
    .describe('years before a rejected candidate applies again'),
});

const PartnershipParameters = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe('whether organisations propose partnerships and table joint CBMs'),
  proposalRate: z
    .number()
    .min(0)
    .max(100)
    .default(0.3)
    .describe('partnership proposals a year between two organisations not yet partners'),
  interest: z.number().min(-10).max(10).default(0.1).describe("members' base interest in a partnership"),
  jointAgenda: z.int().min(0).max(10).default(1).describe('joint CBMs tabled each step by each partnership'),
});

const ImplementationParameters = z.strictObject({
  probability: probability
    .default(0.92)
    .describe(
      'chance of implementing a costless, non-binding measure for a state of middling capability, with no adversary taking part (the intercept of compliance)',
    ),
  capabilityWeight: z
    .number()
    .min(0)
    .max(20)
    .default(1.5)
    .describe('logit of compliance added per unit of capability above ½ (capacity to implement)'),
  sovereigntyWeight: z
    .number()
    .min(0)
    .max(20)
    .default(2)
    .describe('logit of compliance removed per unit of sovereignty sensitivity × bindingness'),
  costWeight: z.number().min(0).max(20).default(2).describe('logit of compliance removed per unit of cost'),
  adversaryWeight: z
    .number()
    .min(0)
    .max(20)
    .default(1.5)
    .describe(
      'logit removed per unit of adversity: distrust of the most distrusted fellow participant (the security dilemma)',
    ),
  adversaryBelow: z
    .number()
    .gt(0)
    .max(1)
    .default(0.4)
    .describe(
      'a fellow participant is an adversary when trust in it is below this; adversity = (this − trust) / this',
    ),
  overruledWeight: z
    .number()
    .min(0)
    .max(20)
    .default(1)
    .describe('logit removed for a member bound by a measure it voted against'),
  periodYears: z
    .number()
    .gt(0)
    .max(100)
    .default(1)
    .describe('a measure in force is implemented again by its participants every this many years'),
  lapseBelow: probability
    .default(0.5)
    .describe('a measure lapses when fewer than this share of its participants implement it'),
});

const rate = z.number().min(0).max(100);

const EventParameters = z.strictObject({
  clashEvidence: z
    .number()
    .min(0)
    .max(1000)
    .default(5)
    .describe('negative evidence per unit magnitude of a border clash'),
  cyberEvidence: z
    .number()
    .min(0)
    .max(1000)
    .default(2)
    .describe('negative evidence per unit magnitude of a cyber incident'),
  hazards: z
    .boolean()
    .default(true)
    .describe('whether events are also drawn at random (below), besides those scheduled'),
  clashRate: rate
    .default(0.3)
    .describe('clashes a year between a pair in conflict or dispute, at intensity 1 and trust 0'),
  cyberRate: rate.default(0.2).describe('cyber incidents a year between rivals, at intensity 1'),
  pandemicRate: rate.default(0.03).describe('pandemics a year'),
  terrorRate: rate.default(0.3).describe('terrorist attacks a year, anywhere'),
  pandemicShift: probability
    .default(0.2)
    .describe('added to every salience of new threats and of the human dimension'),
  terrorShift: probability
    .default(0.15)
    .describe("added to new-threats salience in the struck state's subregion"),
  salienceRecovery: probability.default(0.5).describe('share of a salience shift that fades in a year'),
});

export const ParametersSchema = z.strictObject({
  trust: TrustParameters.prefault({}),
  voting: VotingParameters.prefault({}),
  agenda: AgendaParameters.prefault({}),
  amendment: AmendmentParameters.prefault({}),
  institutions: InstitutionParameters.prefault({}),
  enlargement: EnlargementParameters.prefault({}),
  partnerships: PartnershipParameters.prefault({}),
  implementation: ImplementationParameters.prefault({}),
  events: EventParameters.prefault({}),
});

const scenarioFields = {
  name: z.string().min(1),
  description: z.string().optional(),
  startYear: z.int().min(1900).max(2200),
  years: z.int().min(1).max(1000).describe('horizon: how many years a run covers'),
  stepsPerYear: z.int().min(1).max(52).default(4),
  actors: z.record(Id, ActorSchema),
  relations: z.array(RelationSchema).default([]),
  organisations: z.record(Id, OrganisationSchema),
  cbms: z.record(Id, CbmSchema).describe('the catalogue of confidence-building measures'),
  events: z.array(EventSchema).default([]),
  partnerships: z
    .array(z.strictObject({ organisations: z.array(Id).length(2), note: z.string().optional() }))
    .default([])
    .describe('partnerships between organisations in force at the start (they table joint CBMs)'),
  parameters: ParametersSchema.prefault({}),
};

export const ScenarioSchema = z.strictObject(scenarioFields);

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type Cbm = z.infer<typeof CbmSchema>;
export type Parameters = z.infer<typeof ParametersSchema>;
export type Rung = z.infer<typeof RungSchema>;

/** One file as written: everything optional (a parent or a table may supply it), plus the file-only keys. */
export const ScenarioFileSchema = z
  .strictObject({
    extends: z.string().min(1).optional().describe('a scenario file (relative to this one) to start from'),
    actorTables: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'CSV tables of actors keyed by iso3 (relative to this file); `actors` entries override their fields',
      ),
    relationTables: z
      .array(z.string().min(1))
      .optional()
      .describe('CSV tables of relations (relative to this file), added before `relations`'),
    overrides: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('field path → value, applied last, e.g. "parameters.trust.forgetting": 0.95'),
    ...scenarioFields,
    actors: z.record(Id, ActorSchema.partial()).optional(),
    organisations: z.record(Id, OrganisationSchema.partial()).optional(),
  })
  .partial()
  .describe('A cica-sim scenario: states, relations, organisations, CBMs, events and parameters');
