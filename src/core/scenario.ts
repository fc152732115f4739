/**
 * The scenario format: what a scenario file holds once parsed.
 *
 * The schema is zod (pure, so it may live in core); `src/content` loads YAML, checks it against
 * this schema, resolves cross-references and turns every problem into an error that names the
 * file, the path inside it and the fix. Every text a player reads holds English and Russian.
 */
import { z } from 'zod';

/** A text in both languages of the game. */
export const TextSchema = z
  .object({
    en: z.string().trim().min(1, 'English text is empty: write the English text'),
    ru: z.string().trim().min(1, 'Russian text is empty: write the Russian text'),
  })
  .strict();
export type Text = z.infer<typeof TextSchema>;

export const IdSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*$/,
    'ids are lower-case letters, digits and hyphens, starting with a letter',
  );

/** Delegations are ISO 3166 alpha-2 codes in lower case: `ru`, `by`, `kz`, `kg`, `tj`, `am`, `az`… */
export const DelegationIdSchema = z
  .string()
  .regex(/^[a-z]{2}$/, 'delegation ids are ISO 3166 alpha-2 codes in lower case, e.g. "am"');

export const METRICS = [
  'credibility',
  'cohesion',
  'borderSecurity',
  'stratcom',
  'international',
] as const;
export const MetricIdSchema = z.enum(METRICS);
export type MetricId = z.infer<typeof MetricIdSchema>;

/**
 * Responses to a crisis, from the weakest to the strongest. `object` opposes any collective action;
 * `standAside` neither joins nor blocks (the December 2010 practice).
 */
export const RESPONSE_KINDS = [
  'object',
  'standAside',
  'statement',
  'humanitarian',
  'monitoring',
  'militaryTechnical',
  'peacekeepers',
  'crrf',
] as const;
export const ResponseKindSchema = z.enum(RESPONSE_KINDS);
export type ResponseKind = z.infer<typeof ResponseKindSchema>;
/** Strength of a response: object −1, stand aside 0, statement 1 … CRRF contingent 6. */
export const responseLevel = (kind: ResponseKind): number => RESPONSE_KINDS.indexOf(kind) - 1;

/** A partial date: `2022`, `2022-09` or `2022-09-13`. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are written YYYY, YYYY-MM or YYYY-MM-DD');

export const SourceSchema = z
  .object({
    id: IdSchema,
    title: z.string().min(1),
    publisher: z.string().min(1).optional(),
    url: z.string().url('a source needs a full address starting with https:// or http://'),
    /** When the source was published (or the figure dated). */
    date: DateSchema,
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

/** A reference to a source id declared in the scenario's `sources` list. */
export const SourceRefSchema = IdSchema;

const Weight = z.number().min(-1).max(1);
const Score = z.number().int().min(0).max(100);

export const ActorSchema = z.object({ id: IdSchema, name: TextSchema }).strict();
export type Actor = z.infer<typeof ActorSchema>;

/** Checkable conditions, used by objectives. Each `type` is a pure function in core/rules/conditions. */
export type Condition =
  | { type: 'proposalAdopted'; proposal: string }
  | { type: 'proposalNotAdopted'; proposal: string }
  | { type: 'amendmentAdopted'; proposal: string; amendment: string }
  | { type: 'metricAtLeast'; metric: MetricId; value: number }
  | { type: 'metricAtMost'; metric: MetricId; value: number }
  | { type: 'crisisHonoured'; crisis: string }
  | { type: 'crisisNotHonoured'; crisis: string }
  | { type: 'ownResponseAtLeast'; crisis: string; response: ResponseKind }
  | { type: 'ownResponseAtMost'; crisis: string; response: ResponseKind }
  | { type: 'commitmentsKept'; atLeast: number }
  | { type: 'capitalAtLeast'; value: number }
  | { type: 'notFrozen'; delegation: string }
  | { type: 'allOf'; of: Condition[] }
  | { type: 'anyOf'; of: Condition[] };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('proposalAdopted'), proposal: IdSchema }).strict(),
    z.object({ type: z.literal('proposalNotAdopted'), proposal: IdSchema }).strict(),
    z
      .object({ type: z.literal('amendmentAdopted'), proposal: IdSchema, amendment: IdSchema })
      .strict(),
    z.object({ type: z.literal('metricAtLeast'), metric: MetricIdSchema, value: Score }).strict(),
    z.object({ type: z.literal('metricAtMost'), metric: MetricIdSchema, value: Score }).strict(),
    z.object({ type: z.literal('crisisHonoured'), crisis: IdSchema }).strict(),
    z.object({ type: z.literal('crisisNotHonoured'), crisis: IdSchema }).strict(),
    z
      .object({
        type: z.literal('ownResponseAtLeast'),
        crisis: IdSchema,
        response: ResponseKindSchema,
      })
      .strict(),
    z
      .object({
        type: z.literal('ownResponseAtMost'),
        crisis: IdSchema,
        response: ResponseKindSchema,
      })
      .strict(),
    z.object({ type: z.literal('commitmentsKept'), atLeast: z.number().int().min(1) }).strict(),
    z.object({ type: z.literal('capitalAtLeast'), value: Score }).strict(),
    z.object({ type: z.literal('notFrozen'), delegation: DelegationIdSchema }).strict(),
    z.object({ type: z.literal('allOf'), of: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ type: z.literal('anyOf'), of: z.array(ConditionSchema).min(1) }).strict(),
  ]),
);

export const ObjectiveSchema = z
  .object({
    id: IdSchema,
    text: TextSchema,
    /** Why the delegation wants this: shown in the private brief. */
    why: TextSchema,
    points: z.number().int().min(1).max(50),
    check: ConditionSchema,
  })
  .strict();
export type Objective = z.infer<typeof ObjectiveSchema>;

/** A dated, sourced figure for the fact sheet. */
export const FigureSchema = z
  .object({
    value: z.number().nonnegative(),
    year: z.number().int().min(1990).max(2030),
    source: SourceRefSchema,
  })
  .strict();
export const SourcedTextSchema = z
  .object({ text: TextSchema, date: DateSchema, source: SourceRefSchema })
  .strict();
export type SourcedText = z.infer<typeof SourcedTextSchema>;

export const FactSheetSchema = z
  .object({
    /** Millions of people. */
    population: FigureSchema,
    /** US$ billions, current prices. */
    gdp: FigureSchema,
    /** US$ millions. */
    militarySpending: FigureSchema,
    /** Active armed forces, in words (figures are often ranges or estimates). */
    armedForces: SourcedTextSchema,
    bases: z.array(SourcedTextSchema),
    alignments: z.array(SourcedTextSchema),
  })
  .strict();
export type FactSheet = z.infer<typeof FactSheetSchema>;

export const TIE_KINDS = [
  'partnership',
  'base',
  'union',
  'economic',
  'rivalry',
  'conflict',
  'distance',
] as const;

export const TieSchema = z
  .object({
    id: IdSchema,
    /** An outside actor or another delegation. */
    with: IdSchema,
    kind: z.enum(TIE_KINDS),
    /** How much the tie weighs on decisions, 0–1. */
    strength: z.number().min(0).max(1),
    text: TextSchema,
    source: SourceRefSchema,
  })
  .strict();
export type Tie = z.infer<typeof TieSchema>;

export const DelegationSchema = z
  .object({
    id: DelegationIdSchema,
    name: TextSchema,
    /** Members vote; observers may speak and negotiate but never vote. */
    role: z.enum(['member', 'observer']).default('member'),
    capabilities: z.object({ military: Score, economic: Score, diplomatic: Score }).strict(),
    /** Political capital at the start. */
    capital: Score,
    interests: z
      .object({
        /** How much the delegation cares about each alliance metric, −1 to 1. */
        metrics: z.partialRecord(MetricIdSchema, Weight),
        /** How much it values good relations with each outside actor, −1 to 1. */
        actors: z.record(IdSchema, Weight).default({}),
      })
      .strict(),
    ties: z.array(TieSchema).default([]),
    constraints: z.array(TextSchema).default([]),
    /** Private: only this delegation (and the chair) sees it. */
    brief: TextSchema,
    objectives: z.array(ObjectiveSchema).min(1).max(4),
    factSheet: FactSheetSchema,
  })
  .strict();
export type DelegationDef = z.input<typeof DelegationSchema>;
export type Delegation = z.output<typeof DelegationSchema>;

/** What adopting a proposal means for one delegation, beyond the alliance metrics. */
export const StakeSchema = z
  .object({
    delegation: DelegationIdSchema,
    /** Political capital gained (positive) or spent (negative) if adopted. */
    capital: z.number().int().min(-30).max(30).default(0),
    /** Change in relations with outside actors if adopted, −20 to 20 each. */
    relations: z.record(IdSchema, z.number().min(-20).max(20)).default({}),
    /** Sovereignty cost for a host state, 0–1. */
    sovereignty: z.number().min(0).max(1).default(0),
    note: TextSchema,
  })
  .strict();
export type Stake = z.output<typeof StakeSchema>;

const MetricDeltas = z.partialRecord(MetricIdSchema, z.number().min(-30).max(30));

export const AmendmentSchema = z
  .object({
    id: IdSchema,
    title: TextSchema,
    text: TextSchema,
    /** Who would table it (an AI delegation uses this as a hint, players may table any). */
    proposedBy: DelegationIdSchema.optional(),
    /** Changes to the proposal's effects if the amendment is adopted. */
    effects: MetricDeltas.default({}),
    /** Replaces the named delegations' stakes if the amendment is adopted. */
    stakes: z.array(StakeSchema).default([]),
  })
  .strict();
export type Amendment = z.output<typeof AmendmentSchema>;

export const ProposalSchema = z
  .object({
    id: IdSchema,
    group: IdSchema,
    /** The seed article's numbering, e.g. "1a". */
    code: z.string().min(1),
    title: TextSchema,
    text: TextSchema,
    sponsor: DelegationIdSchema,
    effects: MetricDeltas,
    stakes: z.array(StakeSchema).default([]),
    /** States whose own consent is needed whatever the voting rule (e.g. host states). */
    consent: z.array(DelegationIdSchema).default([]),
    amendments: z.array(AmendmentSchema).default([]),
    notes: TextSchema.optional(),
    sources: z.array(SourceRefSchema).default([]),
  })
  .strict();
export type Proposal = z.output<typeof ProposalSchema>;

export const ResponseOptionSchema = z
  .object({
    kind: ResponseKindSchema,
    /** Political capital a member spends to give this response. */
    capital: z.number().int().min(0).max(40).default(0),
    /** Domestic cost, 0–1. */
    domestic: z.number().min(0).max(1).default(0),
    text: TextSchema,
  })
  .strict();
export type ResponseOption = z.output<typeof ResponseOptionSchema>;

export const CrisisStakeSchema = z
  .object({
    delegation: DelegationIdSchema,
    /** Extra utility per level of response (positive: inclined to act; negative: reluctant). */
    perLevel: z.number().min(-1).max(1),
    note: TextSchema,
  })
  .strict();

export const CrisisSchema = z
  .object({
    id: IdSchema,
    article: z.enum(['art2', 'art4']),
    requester: DelegationIdSchema,
    /** The outside actor the requester names, if any (relations with it are at stake). */
    against: IdSchema.optional(),
    title: TextSchema,
    text: TextSchema,
    location: z
      .object({
        name: TextSchema,
        lon: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
      })
      .strict(),
    /** When the crisis starts: after the given agenda item (0-based), or only when the chair injects it. */
    trigger: z.discriminatedUnion('type', [
      z.object({ type: z.literal('afterItem'), item: z.number().int().min(0) }).strict(),
      z.object({ type: z.literal('manual') }).strict(),
    ]),
    /** What the requester asks for. */
    asked: ResponseKindSchema,
    options: z.array(ResponseOptionSchema).min(2),
    stakes: z.array(CrisisStakeSchema).default([]),
    /** Relations lost with `against` per level of a member's response. */
    relationCost: z.number().min(0).max(10).default(2),
    /** The requester freezes its participation when its satisfaction falls below this (0–1). */
    freezeBelow: z.number().min(0).max(1).default(0.34),
    sources: z.array(SourceRefSchema).default([]),
  })
  .strict();
export type Crisis = z.output<typeof CrisisSchema>;

export const HistoryNoteSchema = z
  .object({
    date: DateSchema,
    text: TextSchema,
    sources: z.array(SourceRefSchema).min(1, 'every history note needs at least one source'),
  })
  .strict();

export const PositionSchema = z
  .object({
    /** Whose account this is: a delegation, an outside actor, or `csto`. */
    party: IdSchema,
    date: DateSchema,
    text: TextSchema,
    sources: z.array(SourceRefSchema).min(1, 'every stated position needs at least one source'),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    format: z.literal(1),
    id: IdSchema,
    title: TextSchema,
    summary: TextSchema,
    setting: z
      .object({
        /** The date the scenario is set. */
        date: DateSchema,
        place: TextSchema,
        /** What the date means for the facts ("facts as of …"). */
        note: TextSchema,
      })
      .strict(),
    length: z.object({ minutes: z.number().int().min(5).max(240) }).strict(),
    difficulty: z.enum(['introductory', 'standard', 'advanced']),
    briefing: TextSchema,
    sources: z.array(SourceSchema).min(1),
    actors: z.array(ActorSchema).default([]),
    metrics: z.record(MetricIdSchema, Score),
    groups: z.array(z.object({ id: IdSchema, title: TextSchema }).strict()).min(1),
    /** Agenda items in order; each holds proposals voted on in that item. */
    agenda: z
      .array(
        z.object({ id: IdSchema, title: TextSchema, proposals: z.array(IdSchema).min(1) }).strict(),
      )
      .min(1),
    delegations: z.array(DelegationSchema).min(2),
    proposals: z.array(ProposalSchema).min(1),
    crises: z.array(CrisisSchema).default([]),
    debrief: z
      .object({
        history: z.array(HistoryNoteSchema).min(1),
        positions: z.array(PositionSchema).default([]),
        simplifications: z.array(TextSchema).default([]),
        corrections: z
          .array(
            z
              .object({
                claim: TextSchema,
                correction: TextSchema,
                sources: z.array(SourceRefSchema).min(1),
              })
              .strict(),
          )
          .default([]),
      })
      .strict(),
  })
  .strict();
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

/** A proposal's amendment, by the proposal's id and its own; undefined when there is none such. */
export const amendmentOf = (
  s: Pick<Scenario, 'proposals'>,
  proposal: string,
  id: string | undefined,
): Amendment | undefined =>
  s.proposals.find((p) => p.id === proposal)?.amendments.find((a) => a.id === id);

export const GlossarySchema = z
  .object({
    format: z.literal(1),
    terms: z
      .array(
        z
          .object({
            id: IdSchema,
            term: TextSchema,
            definition: TextSchema,
            sources: z.array(z.string().url()).default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type Glossary = z.output<typeof GlossarySchema>;
