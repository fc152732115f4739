/**
 * The event vocabulary: one zod schema per event, dot-namespaced by source. Every change to a
 * conference is one of these, sent through `send()` — from a human, an AI delegation or the network.
 * Each event names the acting `seat`: `chair`, a delegation id, `clock` or `system`.
 */
import { z } from 'zod';
import { DelegationIdSchema, IdSchema, ResponseKindSchema, TextSchema } from './scenario';

const ChairSeat = z.literal('chair', { error: 'only the chair may send chair.* events' });
const ClockSeat = z.literal('clock', { error: 'clock.* events come from the clock seat' });
const SystemSeat = z.literal('system', { error: 'system.* events come from the system seat' });

/** The reasons an AI attaches to a decision, so a player can ask "why?". */
/** A short bilingual label (checked for length, not trimmed: AI reasons are many and small). */
const LabelSchema = z
  .object({ en: z.string().min(1).max(300), ru: z.string().min(1).max(300) })
  .strict();
export const FactorSchema = z.object({ label: LabelSchema, value: z.number().finite() }).strict();
export type Factor = z.infer<typeof FactorSchema>;
export const WhySchema = z
  .object({
    summary: z
      .object({ en: z.string().min(1).max(1500), ru: z.string().min(1).max(1500) })
      .strict(),
    factors: z.array(FactorSchema).max(6),
  })
  .strict();
export type Why = z.infer<typeof WhySchema>;

const base = <T extends string, S extends z.ZodType>(type: T, seat: S) =>
  z.object({ type: z.literal(type), seat, why: WhySchema.optional() });
const chair = <T extends string>(type: T) => base(type, ChairSeat);
const delegate = <T extends string>(type: T) => base(type, DelegationIdSchema);

export const CHOICES = ['yes', 'no', 'abstain', 'standAside'] as const;
export const ChoiceSchema = z.enum(CHOICES);
export type Choice = z.infer<typeof ChoiceSchema>;

export const POINT_KINDS = [
  'order',
  'personalPrivilege',
  'parliamentaryInquiry',
  'information',
] as const;
export const PointKindSchema = z.enum(POINT_KINDS);
export type PointKind = z.infer<typeof PointKindSchema>;

export const MOTION_KINDS = [
  'moderatedCaucus',
  'unmoderatedCaucus',
  'closeDebate',
  'setSpeakingTime',
  'suspendMeeting',
  'postponeProposal',
] as const;

export const MotionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('moderatedCaucus'),
      minutes: z.number().int().min(1).max(30),
      speakingSeconds: z.number().int().min(15).max(300),
    })
    .strict(),
  z
    .object({ kind: z.literal('unmoderatedCaucus'), minutes: z.number().int().min(1).max(30) })
    .strict(),
  z.object({ kind: z.literal('closeDebate') }).strict(),
  z
    .object({ kind: z.literal('setSpeakingTime'), seconds: z.number().int().min(15).max(600) })
    .strict(),
  z.object({ kind: z.literal('suspendMeeting') }).strict(),
  z.object({ kind: z.literal('postponeProposal'), proposal: IdSchema }).strict(),
]);
export type Motion = z.infer<typeof MotionSchema>;
export type MotionKind = Motion['kind'];
/** A motion of this kind, filled in with the durations (and the proposal) given. */
export const motionOfKind = (
  kind: MotionKind,
  o: { minutes: number; speakingSeconds: number; seconds: number; proposal: string },
): Motion => {
  switch (kind) {
    case 'moderatedCaucus':
      return { kind, minutes: o.minutes, speakingSeconds: o.speakingSeconds };
    case 'unmoderatedCaucus':
      return { kind, minutes: o.minutes };
    case 'setSpeakingTime':
      return { kind, seconds: o.seconds };
    case 'postponeProposal':
      return { kind, proposal: o.proposal };
    default:
      return { kind };
  }
};

// MOTION_KINDS lists exactly the kinds of MotionSchema: a compile error otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const motionKindsListed: Same<MotionKind, (typeof MOTION_KINDS)[number]> = true;
void motionKindsListed;

/** What a delegation may promise or give in an offer. */
export const TermSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('vote'), proposal: IdSchema, choice: z.enum(['yes', 'standAside']) })
    .strict(),
  z.object({ type: z.literal('response'), crisis: IdSchema, atLeast: ResponseKindSchema }).strict(),
  z.object({ type: z.literal('capital'), amount: z.number().int().min(1).max(30) }).strict(),
  z.object({ type: z.literal('amendment'), proposal: IdSchema, amendment: IdSchema }).strict(),
]);
export type Term = z.infer<typeof TermSchema>;

export const EVENT_SCHEMAS = {
  // chair.*
  'chair.openRollCall': chair('chair.openRollCall'),
  'chair.closeRollCall': chair('chair.closeRollCall'),
  'chair.adoptAgenda': chair('chair.adoptAgenda').extend({
    order: z.array(IdSchema).min(1).max(40).optional(),
  }),
  'chair.recognize': chair('chair.recognize').extend({ delegation: DelegationIdSchema }),
  'chair.endSpeech': chair('chair.endSpeech'),
  'chair.rulePoint': chair('chair.rulePoint').extend({
    ruling: z.enum(['wellTaken', 'notWellTaken', 'answered', 'outOfOrder']),
  }),
  'chair.putMotion': chair('chair.putMotion').extend({ index: z.number().int().min(0).max(50) }),
  'chair.ruleMotionOutOfOrder': chair('chair.ruleMotionOutOfOrder').extend({
    index: z.number().int().min(0).max(50),
  }),
  'chair.closeMotionVote': chair('chair.closeMotionVote'),
  'chair.openVoting': chair('chair.openVoting'),
  'chair.closeBallot': chair('chair.closeBallot'),
  'chair.nextItem': chair('chair.nextItem'),
  'chair.injectCrisis': chair('chair.injectCrisis').extend({ crisis: IdSchema }),
  'chair.closeResponses': chair('chair.closeResponses'),
  'chair.announce': chair('chair.announce').extend({ text: TextSchema }),
  'chair.pause': chair('chair.pause'),
  'chair.resume': chair('chair.resume'),
  'chair.endConference': chair('chair.endConference'),
  // delegate.*
  'delegate.answerRollCall': delegate('delegate.answerRollCall').extend({
    status: z.enum(['present', 'presentAndVoting']),
  }),
  'delegate.joinSpeakers': delegate('delegate.joinSpeakers'),
  'delegate.leaveSpeakers': delegate('delegate.leaveSpeakers'),
  'delegate.speak': delegate('delegate.speak').extend({
    proposal: IdSchema.optional(),
    stance: z.enum(['support', 'oppose', 'undecided']),
    text: z.string().max(800).optional(),
  }),
  'delegate.yield': delegate('delegate.yield').extend({
    to: z.union([z.literal('chair'), z.literal('questions'), DelegationIdSchema]),
  }),
  'delegate.raisePoint': delegate('delegate.raisePoint').extend({
    point: PointKindSchema,
    text: z.string().max(400).optional(),
    /** A point of order about the threshold a motion needs. */
    claim: z
      .object({
        motion: z.enum(MOTION_KINDS),
        threshold: z.enum(['majority', 'twoThirds']),
      })
      .strict()
      .optional(),
  }),
  'delegate.move': delegate('delegate.move').extend({ motion: MotionSchema }),
  'delegate.voteMotion': delegate('delegate.voteMotion').extend({ choice: z.enum(['yes', 'no']) }),
  'delegate.proposeAmendment': delegate('delegate.proposeAmendment').extend({
    proposal: IdSchema,
    amendment: IdSchema,
  }),
  'delegate.acceptAmendment': delegate('delegate.acceptAmendment').extend({
    proposal: IdSchema,
    amendment: IdSchema,
  }),
  'delegate.withdrawAmendment': delegate('delegate.withdrawAmendment').extend({
    proposal: IdSchema,
    amendment: IdSchema,
  }),
  'delegate.makeOffer': delegate('delegate.makeOffer').extend({
    to: DelegationIdSchema,
    give: z.array(TermSchema).min(1).max(4),
    want: z.array(TermSchema).min(1).max(4),
  }),
  'delegate.acceptOffer': delegate('delegate.acceptOffer').extend({
    offer: z.number().int().min(0),
  }),
  'delegate.rejectOffer': delegate('delegate.rejectOffer').extend({
    offer: z.number().int().min(0),
  }),
  'delegate.withdrawOffer': delegate('delegate.withdrawOffer').extend({
    offer: z.number().int().min(0),
  }),
  'delegate.vote': delegate('delegate.vote').extend({ choice: ChoiceSchema }),
  'delegate.respond': delegate('delegate.respond').extend({
    crisis: IdSchema,
    response: ResponseKindSchema,
  }),
  /** A private message to another delegation, or to the sender's own team (`team`). */
  'delegate.message': delegate('delegate.message').extend({
    to: z.union([z.literal('team'), DelegationIdSchema]),
    text: z
      .string()
      .trim()
      .min(1, 'the message is empty')
      .max(500, 'a message holds at most 500 characters'),
  }),
  // clock.*
  'clock.tick': base('clock.tick', ClockSeat).extend({
    seconds: z.number().int().min(1).max(3600),
  }),
  // system.*
  'system.seatControl': base('system.seatControl', SystemSeat).extend({
    delegation: DelegationIdSchema,
    controller: z.enum(['human', 'ai']),
  }),
} as const;

type Schemas = typeof EVENT_SCHEMAS;
export type EventType = keyof Schemas;
export type ConferenceEvent = { [K in EventType]: z.infer<Schemas[K]> }[EventType];
export type EventOf<K extends EventType> = Extract<ConferenceEvent, { type: K }>;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

export type ParseResult = { ok: true; event: ConferenceEvent } | { ok: false; reason: string };

const describe = (issues: z.core.$ZodIssue[]): string =>
  issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
    .join('; ');

const WITHOUT_WHY = Object.fromEntries(
  Object.entries(EVENT_SCHEMAS).map(([type, schema]) => [
    type,
    (schema as unknown as z.ZodObject<{ why: z.ZodType }>).omit({ why: true }),
  ]),
) as unknown as Record<EventType, z.ZodType<Record<string, unknown>>>;

/** A plain object with exactly these own keys (as a strict zod object requires). */
const hasExactly = (x: unknown, keys: readonly string[]): x is Record<string, unknown> => {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.keys(x).length !== keys.length) return false;
  for (const k of keys) if (!Object.hasOwn(x, k)) return false;
  return true;
};
const isText = (x: unknown, max: number): x is string =>
  typeof x === 'string' && x.length >= 1 && x.length <= max;
const isBilingual = (x: unknown, max: number): x is { en: string; ru: string } =>
  hasExactly(x, ['en', 'ru']) && isText(x.en, max) && isText(x.ru, max);

/**
 * `WhySchema`, checked by hand: an AI's reasons ride on most events, and checking them through
 * zod was three quarters of the cost of parsing one. Returns a copy when the reasons are certainly
 * valid, and null otherwise (zod then checks them and says what is wrong). A property test holds it
 * to `WhySchema`: whatever it accepts, zod accepts with the same result.
 */
const quickWhy = (w: unknown): Why | null => {
  if (!hasExactly(w, ['summary', 'factors'])) return null;
  const { summary, factors } = w;
  if (!isBilingual(summary, 1500) || !Array.isArray(factors) || factors.length > 6) return null;
  const out: Factor[] = [];
  for (const f of factors as unknown[]) {
    if (!hasExactly(f, ['label', 'value']) || !isBilingual(f.label, 300)) return null;
    if (typeof f.value !== 'number' || !Number.isFinite(f.value)) return null;
    out.push({ label: { en: f.label.en, ru: f.label.ru }, value: f.value });
  }
  return { summary: { en: summary.en, ru: summary.ru }, factors: out };
};

/** Parses untrusted input into an event, or says what is wrong with it. Never throws. */
export const parseEvent = (raw: unknown): ParseResult => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'an event must be an object with a "type" and a "seat"' };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') return { ok: false, reason: 'the event has no "type"' };
  if (!Object.hasOwn(EVENT_SCHEMAS, type))
    return { ok: false, reason: `unknown event type "${type.slice(0, 60)}"` };
  const schema = EVENT_SCHEMAS[type as EventType] as z.ZodType<ConferenceEvent>;
  const rawWhy = (raw as { why?: unknown }).why;
  const why = rawWhy === undefined ? null : quickWhy(rawWhy);
  if (why) {
    // The same event schema without `why` (unknown keys are dropped, so `why` is ignored).
    const r = WITHOUT_WHY[type as EventType].safeParse(raw);
    if (r.success) {
      // zod's order of keys: type, seat, why, then the event's own fields.
      const event = { type: r.data.type, seat: r.data.seat, why } as Record<string, unknown>;
      for (const k in r.data) if (k !== 'type' && k !== 'seat') event[k] = r.data[k];
      return { ok: true, event: event as ConferenceEvent };
    }
  }
  const r = schema.safeParse(raw);
  if (!r.success) return { ok: false, reason: `malformed ${type}: ${describe(r.error.issues)}` };
  return { ok: true, event: r.data };
};

export const ConferenceEventSchema = z.discriminatedUnion(
  'type',
  Object.values(EVENT_SCHEMAS) as unknown as [Schemas[EventType], ...Schemas[EventType][]],
);
