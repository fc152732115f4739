/**
 * The conference context: everything that changes during a game, as plain JSON. The scenario (what
 * never changes) stays outside it, held by the machine built for that scenario.
 */
import type { Choice, Factor, Motion, MotionKind, PointKind, Term } from './events';
import type { ProfileId, Decision } from './profiles';
import type { MetricId, ResponseKind, Scenario, Text } from './scenario';
import { METRICS } from './scenario';

export type Presence = 'absent' | 'present' | 'presentAndVoting';
export type Controller = 'human' | 'ai';
export type Difficulty = 'easy' | 'normal' | 'hard';

export interface DelegationState {
  presence: Presence;
  capital: number;
  /** Relations with outside actors, −100..100. */
  relations: Record<string, number>;
  /** Participation frozen after an unsatisfied request: stands aside on everything. */
  frozen: boolean;
  kept: number;
  broken: number;
  controller: Controller;
}

export interface Speaker {
  delegation: string;
  remaining: number;
  spoke: boolean;
}

export interface Statement {
  seq: number;
  by: string;
  item: number;
  proposal?: string;
  stance: 'support' | 'oppose' | 'undecided';
  text?: string;
}

export interface PendingPoint {
  by: string;
  point: PointKind;
  text?: string;
  /** A point of order may claim the threshold a motion needs. */
  claim?: { motion: MotionKind; threshold: 'majority' | 'twoThirds' };
  /** Raised while a delegate held the floor. */
  duringSpeech: boolean;
}

export interface PendingMotion {
  by: string;
  motion: Motion;
  /** Whether the motion was in order when it was made (only chair training lets others in). */
  inOrder: boolean;
}

export interface Caucus {
  kind: 'moderated' | 'unmoderated';
  remaining: number;
  speakingSeconds: number;
}

export interface AmendmentState {
  proposal: string;
  amendment: string;
  by: string;
  status: 'pending' | 'friendly' | 'adopted' | 'rejected' | 'withdrawn';
}

export interface Ballot {
  kind: 'amendment' | 'proposal';
  proposal: string;
  amendment?: string;
  votes: Record<string, Choice>;
}

export interface ClosedBallot extends Ballot {
  item: number;
  seq: number;
  eligible: string[];
  /** Members present (frozen ones included), for the quorum. */
  present: number;
  consent: string[];
  decision: Decision;
}

export interface ProposalOutcome {
  adopted: boolean;
  postponed: boolean;
  reason: Decision['reason'] | 'postponed';
  amendments: string[];
  blockers: string[];
}

export interface Offer {
  id: number;
  from: string;
  to: string;
  give: Term[];
  want: Term[];
  status: 'open' | 'accepted' | 'rejected' | 'withdrawn' | 'lapsed';
  seq: number;
  item: number;
}

export interface Commitment {
  id: number;
  offer: number;
  by: string;
  to: string;
  term: Term;
  status: 'pending' | 'kept' | 'broken';
}

/** What a crisis decision comes to (`evaluateCrisis` in rules/crisis.ts). */
export interface CrisisResult {
  /** Level of the collective decision (−1 … 6) and what it means. */
  level: number;
  participants: string[];
  satisfaction: number;
  honoured: boolean;
  froze: boolean;
  credibilityChange: number;
  cohesionChange: number;
}

export interface CrisisState extends CrisisResult {
  id: string;
  responses: Record<string, ResponseKind>;
  status: 'open' | 'decided';
}

export interface Decided {
  seq: number;
  seat: string;
  type: string;
  summary: Text;
  factors: Factor[];
}

export interface MetricPoint {
  seq: number;
  clock: number;
  label: string;
  metrics: Record<MetricId, number>;
}

export interface Announcement {
  seq: number;
  text: Text;
}

export interface ConferenceContext {
  scenario: string;
  profile: ProfileId;
  seed: number;
  /** Events applied so far; the counter of the seeded generator and of ids. */
  seq: number;
  clock: number;
  paused: boolean;
  delegations: Record<string, DelegationState>;
  metrics: Record<MetricId, number>;
  history: MetricPoint[];
  agenda: string[];
  item: number;
  speakers: string[];
  speaker: Speaker | null;
  speakingTime: number;
  statements: Statement[];
  point: PendingPoint | null;
  motions: PendingMotion[];
  motionVote: { motion: PendingMotion; votes: Record<string, 'yes' | 'no'> } | null;
  caucus: Caucus | null;
  amendments: AmendmentState[];
  ballots: Ballot[];
  ballot: number;
  closed: ClosedBallot[];
  outcomes: Record<string, ProposalOutcome>;
  postponed: string[];
  offers: Offer[];
  commitments: Commitment[];
  crisis: string | null;
  crises: Record<string, CrisisState>;
  /** Crises whose scheduled trigger has fired or that the chair injected, waiting to open. */
  crisisQueue: string[];
  decisions: Decided[];
  announcements: Announcement[];
  /** Private channels: delegation to delegation, and each delegation's team channel. */
  messages: { seq: number; from: string; to: string; text: string }[];
  /** Human-readable record of rulings and procedural results, for the timeline. */
  rulings: { seq: number; text: Text }[];
  ended: boolean;
  /** Chair-training mode (see StartOptions.training). */
  training: boolean;
}

export interface StartOptions {
  seed: number;
  profile: ProfileId;
  /** Delegations played by humans; all others are AI. */
  humans?: readonly string[];
  /**
   * Chair training: points and motions that are out of order reach the chair instead of being
   * refused, so the trainee can rule on them.
   */
  training?: boolean;
}

export const initialContext = (s: Scenario, o: StartOptions): ConferenceContext => {
  const delegations: Record<string, DelegationState> = {};
  for (const d of s.delegations) {
    const relations: Record<string, number> = {};
    for (const a of s.actors) relations[a.id] = 0;
    delegations[d.id] = {
      presence: 'absent',
      capital: d.capital,
      relations,
      frozen: false,
      kept: 0,
      broken: 0,
      controller: o.humans?.includes(d.id) ? 'human' : 'ai',
    };
  }
  const metrics = Object.fromEntries(METRICS.map((m) => [m, s.metrics[m] ?? 50])) as Record<
    MetricId,
    number
  >;
  return {
    scenario: s.id,
    profile: o.profile,
    seed: o.seed >>> 0,
    seq: 0,
    clock: 0,
    paused: false,
    delegations,
    metrics,
    history: [{ seq: 0, clock: 0, label: 'start', metrics: { ...metrics } }],
    agenda: s.agenda.map((a) => a.id),
    item: 0,
    speakers: [],
    speaker: null,
    speakingTime: 90,
    statements: [],
    point: null,
    motions: [],
    motionVote: null,
    caucus: null,
    amendments: [],
    ballots: [],
    ballot: 0,
    closed: [],
    outcomes: {},
    postponed: [],
    offers: [],
    commitments: [],
    crisis: null,
    crises: {},
    crisisQueue: [],
    decisions: [],
    announcements: [],
    messages: [],
    rulings: [],
    ended: false,
    training: o.training === true,
  };
};
