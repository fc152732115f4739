/** Shared helpers for the rules: the static environment, seat lists, metric changes. */
import { isDraft, original } from 'immer';
import type { ProcedureProfile } from '../profiles';
import {
  METRICS,
  type Delegation,
  type MetricId,
  type Proposal,
  type Scenario,
  type Text,
  type Crisis,
} from '../scenario';
import type { ConferenceContext } from '../state';

/** What the rules need besides the context: the scenario and the profile, indexed once. */
export interface Env {
  scenario: Scenario;
  profile: ProcedureProfile;
  delegation: ReadonlyMap<string, Delegation>;
  proposal: ReadonlyMap<string, Proposal>;
  crisis: ReadonlyMap<string, Crisis>;
  /** Member ids in scenario order. */
  members: readonly string[];
}

export const makeEnv = (scenario: Scenario, profile: ProcedureProfile): Env => ({
  scenario,
  profile,
  delegation: new Map(scenario.delegations.map((d) => [d.id, d])),
  proposal: new Map(scenario.proposals.map((p) => [p.id, p])),
  crisis: new Map(scenario.crises.map((c) => [c.id, c])),
  members: scenario.delegations.filter((d) => d.role === 'member').map((d) => d.id),
});

/** A refusal reason, in both languages. `null` means the event is in order. */
export type Refusal = Text | null;
export const refuse = (en: string, ru: string): Text => ({ en, ru });

export const clamp = (x: number, lo = 0, hi = 100): number =>
  Number.isFinite(x) ? Math.min(hi, Math.max(lo, Math.round(x * 10) / 10)) : lo;

export const changeMetric = (ctx: ConferenceContext, m: MetricId, delta: number): void => {
  ctx.metrics[m] = clamp(ctx.metrics[m] + delta);
};

/**
 * The context as it was before this event, for reading without making drafts (each read through
 * an Immer draft builds a proxy that must later be finalised). Only for parts this event has not
 * yet written; outside a producer it is the context itself.
 */
export const before = (ctx: ConferenceContext): ConferenceContext =>
  isDraft(ctx) ? (original(ctx) as ConferenceContext) : ctx;

export const recordMetrics = (ctx: ConferenceContext, label: string): void => {
  const metrics = {} as Record<MetricId, number>;
  for (const m of METRICS) metrics[m] = ctx.metrics[m];
  ctx.history.push({ seq: ctx.seq, clock: ctx.clock, label, metrics });
};

/** Members who may vote now: present and not frozen. */
export const eligibleVoters = (ctx: ConferenceContext, env: Env): string[] =>
  env.members.filter((d) => {
    const s = ctx.delegations[d]!;
    return s.presence !== 'absent' && !s.frozen;
  });

export const presentMembers = (ctx: ConferenceContext, env: Env): string[] =>
  env.members.filter((d) => ctx.delegations[d]!.presence !== 'absent');

export const nameOf = (env: Env, id: string): Text =>
  env.delegation.get(id)?.name ?? { en: id, ru: id };

export const currentItemProposals = (ctx: ConferenceContext, env: Env): string[] => {
  const item = env.scenario.agenda.find((a) => a.id === ctx.agenda[ctx.item]);
  return item ? item.proposals.filter((p) => !ctx.postponed.includes(p)) : [];
};

export const isMember = (env: Env, seat: string): boolean => env.members.includes(seat);
