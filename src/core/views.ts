/**
 * What each seat may see. Secrets are filtered here, by a function, never by the UI: a
 * delegation's private brief, objectives, offers and commitments never reach another delegation.
 * The chair (teacher or facilitator) sees everything; an observer (projector) sees the public record.
 */
import { currentPhase, type Conference } from './conference';
import { debriefOf, objectivesOf, scoreOf, type Debrief, type ObjectiveResult } from './debrief';
import { reputation } from './rules/negotiation';
import type { Text } from './scenario';
import type { ConferenceContext, CrisisState } from './state';

export type ViewRole = 'delegation' | 'chair' | 'observer';

export interface PublicDelegation {
  presence: ConferenceContext['delegations'][string]['presence'];
  capital: number;
  frozen: boolean;
  reputation: number;
  controller: 'human' | 'ai';
}

export interface PrivateBrief {
  delegation: string;
  brief: Text;
  objectives: ObjectiveResult[];
  relations: Record<string, number>;
}

export interface ConferenceView {
  seat: string;
  role: ViewRole;
  scenario: string;
  profile: ConferenceContext['profile'];
  seed: number;
  phase: string;
  seq: number;
  clock: number;
  paused: boolean;
  ended: boolean;
  item: number;
  agenda: string[];
  metrics: ConferenceContext['metrics'];
  history: ConferenceContext['history'];
  delegations: Record<string, PublicDelegation>;
  speakers: string[];
  speaker: ConferenceContext['speaker'];
  speakingTime: number;
  statements: ConferenceContext['statements'];
  point: ConferenceContext['point'];
  motions: ConferenceContext['motions'];
  motionVote: ConferenceContext['motionVote'];
  caucus: ConferenceContext['caucus'];
  amendments: ConferenceContext['amendments'];
  ballots: ConferenceContext['ballots'];
  ballot: number;
  closed: ConferenceContext['closed'];
  outcomes: ConferenceContext['outcomes'];
  crisis: string | null;
  /** Pledges stay sealed until the council decides; a member sees its own. */
  crises: Record<string, CrisisState & { responded: number }>;
  offers: ConferenceContext['offers'];
  commitments: ConferenceContext['commitments'];
  decisions: ConferenceContext['decisions'];
  announcements: ConferenceContext['announcements'];
  /** Messages to or from this delegation (team messages: its own team); the chair reads all. */
  messages: ConferenceContext['messages'];
  rulings: ConferenceContext['rulings'];
  /** Own brief for a delegation; every brief for the chair; none for an observer. */
  briefs: PrivateBrief[];
  /** At the end: scores for all; objective details only where the seat may see the brief. */
  debrief: Debrief | null;
}

const OFFER_DECISIONS = new Set([
  'delegate.makeOffer',
  'delegate.acceptOffer',
  'delegate.rejectOffer',
  'delegate.withdrawOffer',
]);

export const roleOf = (conf: Conference, seat: string): ViewRole =>
  seat === 'chair' ? 'chair' : conf.env.delegation.has(seat) ? 'delegation' : 'observer';

export const viewFor = (conf: Conference, seat: string): ConferenceView => {
  const ctx = conf.snapshot.context;
  const env = conf.env;
  const role = roleOf(conf, seat);
  const all = role === 'chair';
  const involves = (x: { from?: string; to?: string; by?: string }) =>
    x.from === seat || x.to === seat || x.by === seat;

  const delegations: Record<string, PublicDelegation> = {};
  for (const [id, d] of Object.entries(ctx.delegations))
    delegations[id] = {
      presence: d.presence,
      capital: d.capital,
      frozen: d.frozen,
      reputation: reputation(d.kept, d.broken),
      controller: d.controller,
    };

  const crises: ConferenceView['crises'] = {};
  for (const [id, c] of Object.entries(ctx.crises)) {
    const sealed = c.status === 'open' && !all;
    const responses = sealed
      ? Object.fromEntries(Object.entries(c.responses).filter(([d]) => d === seat))
      : { ...c.responses };
    crises[id] = { ...c, responses, responded: Object.keys(c.responses).length };
  }

  const mayRead = (d: string) => all || d === seat;
  const briefs: PrivateBrief[] = env.scenario.delegations
    .filter((d) => mayRead(d.id))
    .map((d) => ({
      delegation: d.id,
      brief: d.brief,
      objectives: objectivesOf(ctx, env, d.id),
      relations: { ...ctx.delegations[d.id]!.relations },
    }));

  let debrief: Debrief | null = null;
  if (ctx.ended) {
    const full = debriefOf(conf);
    debrief = {
      ...full,
      scores: full.scores.map((s) => (mayRead(s.delegation) ? s : { ...s, objectives: [] })),
      commitments: full.commitments,
    };
  }

  return {
    seat,
    role,
    scenario: ctx.scenario,
    profile: ctx.profile,
    seed: ctx.seed,
    phase: currentPhase(conf),
    seq: ctx.seq,
    clock: ctx.clock,
    paused: ctx.paused,
    ended: ctx.ended,
    item: ctx.item,
    agenda: ctx.agenda,
    metrics: ctx.metrics,
    history: ctx.history,
    delegations,
    speakers: ctx.speakers,
    speaker: ctx.speaker,
    speakingTime: ctx.speakingTime,
    statements: ctx.statements,
    point: ctx.point,
    motions: ctx.motions,
    motionVote: ctx.motionVote,
    caucus: ctx.caucus,
    amendments: ctx.amendments,
    ballots: ctx.ballots,
    ballot: ctx.ballot,
    closed: ctx.closed,
    outcomes: ctx.outcomes,
    crisis: ctx.crisis,
    crises,
    offers: all ? ctx.offers : ctx.offers.filter(involves),
    // Commitments are private to the two parties until the end, when said-versus-did is public.
    commitments: all || ctx.ended ? ctx.commitments : ctx.commitments.filter(involves),
    decisions: all
      ? ctx.decisions
      : ctx.decisions.filter((d) => {
          if (!OFFER_DECISIONS.has(d.type))
            return (
              d.type !== 'delegate.respond' ||
              !ctx.crisis ||
              ctx.crises[ctx.crisis]?.status !== 'open' ||
              d.seat === seat
            );
          const offer =
            d.type === 'delegate.makeOffer' ? ctx.offers.find((o) => o.seq === d.seq) : undefined;
          return d.seat === seat || (offer !== undefined && offer.to === seat);
        }),
    announcements: ctx.announcements,
    messages: all ? ctx.messages : ctx.messages.filter((m) => m.from === seat || m.to === seat),
    rulings: ctx.rulings,
    briefs,
    debrief,
  };
};

export { scoreOf };

// ── patches ─────────────────────────────────────────────────────────────────────────────────

/**
 * What changed in one seat's view since the last one sent (`base` is that view's `seq`): keys
 * whose value changed, and the items added at the end of lists that only grew. The logs of a
 * conference (decisions, statements, ballots closed, metric history…) grow with every event, so a
 * patch is a few hundred bytes where a whole view late in a game is over 100 KB.
 */
export interface ViewPatch {
  base: number;
  seq: number;
  set: Partial<Record<keyof ConferenceView, unknown>>;
  append: Partial<Record<keyof ConferenceView, unknown[]>>;
}

/** The patch from `prev` to `next` (views of the same seat). Items are compared by identity. */
export const viewPatch = (prev: ConferenceView, next: ConferenceView): ViewPatch => {
  const set: ViewPatch['set'] = {};
  const append: ViewPatch['append'] = {};
  for (const key of Object.keys(next) as (keyof ConferenceView)[]) {
    const a = prev[key] as unknown;
    const b = next[key] as unknown;
    if (a === b) continue;
    if (Array.isArray(a) && Array.isArray(b) && b.length >= a.length) {
      let prefix = true;
      for (let i = 0; i < a.length && prefix; i++) prefix = a[i] === b[i];
      if (prefix) {
        if (b.length > a.length) append[key] = b.slice(a.length);
        continue;
      }
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) set[key] = b;
  }
  return { base: prev.seq, seq: next.seq, set, append };
};

/** The view after a patch, or null when the patch is not for this view (ask for a whole one). */
export const applyViewPatch = (view: ConferenceView, patch: ViewPatch): ConferenceView | null => {
  if (view.seq !== patch.base) return null;
  const next = { ...view, ...patch.set } as Record<string, unknown>;
  for (const [key, items] of Object.entries(patch.append))
    next[key] = [...((view as unknown as Record<string, unknown[]>)[key] ?? []), ...items!];
  return next as unknown as ConferenceView;
};
