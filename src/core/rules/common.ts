/** Shared helpers for the rules: the static environment, seat lists, metric changes. */
import { current, isDraft, original } from 'immer';
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

type ListKey = {
  [K in keyof ConferenceContext]: ConferenceContext[K] extends readonly unknown[] ? K : never;
}[keyof ConferenceContext];

/**
 * Appends to one of the context's lists. Inside a producer, pushing through the draft makes Immer
 * copy the array and then walk it when finalising (about 7 µs for a log of a dozen records);
 * assigning a new array costs a twentieth of that. The property descriptor gives the list as it
 * stands in this event (the base array, one already assigned, or a draft) without making a draft.
 */
export const append = <K extends ListKey>(
  ctx: ConferenceContext,
  key: K,
  item: ConferenceContext[K][number],
): void => {
  // Frozen, so that Immer does not walk the whole list when it finalises the draft.
  (ctx[key] as unknown[]) = Object.freeze([...listOf(ctx, key), item]) as unknown[];
};

/** One of the context's lists as it stands in this event, read without making a draft. */
export const listOf = <K extends ListKey>(ctx: ConferenceContext, key: K): ConferenceContext[K] => {
  if (!isDraft(ctx)) return ctx[key];
  const list = Object.getOwnPropertyDescriptor(ctx, key)!.value as ConferenceContext[K];
  return isDraft(list) ? (current(list as never) as ConferenceContext[K]) : list;
};

export const recordMetrics = (ctx: ConferenceContext, label: string): void => {
  const metrics = {} as Record<MetricId, number>;
  for (const m of METRICS) metrics[m] = ctx.metrics[m];
  append(ctx, 'history', { seq: ctx.seq, clock: ctx.clock, label, metrics });
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
