/**
 * Utility of outcomes for a delegation, as named factors. Every AI decision is the sum of these,
 * so the decision can always say why: its top factors are kept with the event.
 */
import type { Factor, Term } from '../events';
import type { Env } from '../rules/common';
import { adoptedAmendments, effectiveEffects, effectiveStakes } from '../rules/voting';
import { reputation } from '../rules/negotiation';
import { responseLevel, type MetricId, type ResponseKind, type Text } from '../scenario';
import type { ConferenceContext } from '../state';

export const METRIC_NAMES: Record<MetricId, Text> = {
  credibility: { en: 'alliance credibility', ru: 'доверие к союзу' },
  cohesion: { en: 'cohesion', ru: 'сплочённость' },
  borderSecurity: { en: 'border security', ru: 'безопасность границ' },
  stratcom: { en: 'strategic communication and image', ru: 'стратегическая коммуникация и имидж' },
  international: { en: 'international interaction', ru: 'международное взаимодействие' },
};

export interface Weighed {
  value: number;
  factors: Factor[];
}

const sum = (factors: Factor[]): Weighed => ({
  value: factors.reduce((a, f) => a + f.value, 0),
  factors,
});
const f = (en: string, ru: string, value: number): Factor => ({
  label: { en, ru },
  value: Math.round(value * 100) / 100,
});

const actorName = (env: Env, id: string): Text =>
  env.scenario.actors.find((a) => a.id === id)?.name ??
  env.delegation.get(id)?.name ?? { en: id, ru: id };

/** Memo of proposal utilities: env → delegation → proposal → amendment set (sorted ids). */
const cache = new WeakMap<Env, Map<string, Map<string, Map<string, Weighed>>>>();
const memoUtility = (env: Env, d: string, p: string, amendments: readonly string[]): Weighed => {
  let byDelegation = cache.get(env);
  if (!byDelegation) cache.set(env, (byDelegation = new Map()));
  let byProposal = byDelegation.get(d);
  if (!byProposal) byDelegation.set(d, (byProposal = new Map()));
  let bySet = byProposal.get(p);
  if (!bySet) byProposal.set(p, (bySet = new Map()));
  const key =
    amendments.length === 0
      ? ''
      : amendments.length === 1
        ? amendments[0]!
        : [...amendments].sort().join(',');
  let hit = bySet.get(key);
  if (!hit) bySet.set(key, (hit = computeProposalUtility(env, d, p, amendments)));
  return hit;
};

/** Value to delegation `d` of adopting proposal `p` with the given amendments (memoised: static data). */
export const proposalUtility = (
  env: Env,
  d: string,
  p: string,
  amendments: readonly string[],
): Weighed => {
  const hit = memoUtility(env, d, p, amendments);
  return { value: hit.value, factors: [...hit.factors] };
};

/** Just the value of `proposalUtility`, without copying its factors (for the AI's inner loops). */
export const proposalValue = (
  env: Env,
  d: string,
  p: string,
  amendments: readonly string[],
): number => memoUtility(env, d, p, amendments).value;

const computeProposalUtility = (
  env: Env,
  d: string,
  p: string,
  amendments: readonly string[],
): Weighed => {
  const del = env.delegation.get(d)!;
  const prop = env.proposal.get(p)!;
  const out: Factor[] = [];
  for (const [m, v] of Object.entries(effectiveEffects(prop, amendments))) {
    const w = del.interests.metrics[m as MetricId] ?? 0;
    if (w && v)
      out.push({
        label: METRIC_NAMES[m as MetricId],
        value: Math.round(((w * v) / 10) * 100) / 100,
      });
  }
  const stake = effectiveStakes(prop, amendments).find((s) => s.delegation === d);
  if (stake) {
    if (stake.capital) out.push(f('political capital', 'политический капитал', stake.capital / 10));
    for (const [a, delta] of Object.entries(stake.relations)) {
      const w = del.interests.actors[a] ?? 0;
      if (w && delta) {
        const n = actorName(env, a);
        out.push({
          label: { en: `relations with ${n.en}`, ru: `отношения (${n.ru})` },
          value: Math.round(((w * delta) / 10) * 100) / 100,
        });
      }
    }
    if (stake.sovereignty)
      out.push(f('sovereignty cost', 'цена для суверенитета', -1.5 * stake.sovereignty));
  }
  return sum(out);
};

const adoptedCache = new WeakMap<ConferenceContext['amendments'], Map<string, readonly string[]>>();

/**
 * The amendments now in a proposal's text (friendly or adopted). Memoised per amendments list: a
 * context's lists are never changed in place (each event that changes one gives a new list).
 */
export const amendmentsNow = (ctx: ConferenceContext, p: string): readonly string[] => {
  let byProposal = adoptedCache.get(ctx.amendments);
  if (!byProposal) adoptedCache.set(ctx.amendments, (byProposal = new Map()));
  let list = byProposal.get(p);
  if (!list) byProposal.set(p, (list = Object.freeze(adoptedAmendments(ctx, p))));
  return list;
};

/** How a delegation would vote on a proposal, by the thresholds of the vote rule. */
export const VOTE_YES = 0.15;
export const VOTE_OBJECT = -0.4;

/** The value to `d` of a response at a level in a crisis, with its factors. */
export const responseUtility = (
  env: Env,
  ctx: ConferenceContext,
  d: string,
  crisisId: string,
  kind: ResponseKind,
): Weighed => {
  const c = env.crisis.get(crisisId)!;
  const del = env.delegation.get(d)!;
  const level = responseLevel(kind);
  const asked = Math.max(1, responseLevel(c.asked));
  const share = Math.max(0, Math.min(level, asked)) / asked;
  const out: Factor[] = [];
  const wCred = del.interests.metrics.credibility ?? 0;
  const wCoh = del.interests.metrics.cohesion ?? 0;
  if (level >= 0)
    out.push(
      f('the treaty obligation', 'союзническое обязательство', (0.2 + 0.5 * wCred) * share * 1.6),
    );
  else
    out.push(
      f(
        'objecting to an ally’s request',
        'возражение против просьбы союзника',
        -0.4 - 0.4 * Math.max(0, wCoh),
      ),
    );
  const stake = c.stakes.find((s) => s.delegation === d);
  if (stake && level > 0)
    out.push({ label: stake.note, value: Math.round(stake.perLevel * level * 100) / 100 });
  for (const t of del.ties) {
    if (level <= 0) break;
    const n = actorName(env, t.with);
    if (t.with === c.against && ['partnership', 'economic', 'union'].includes(t.kind))
      out.push({
        label: { en: `ties with ${n.en}`, ru: `связи (${n.ru})` },
        value: Math.round(-t.strength * (level / 6) * 100) / 100,
      });
    else if (t.with === c.requester && ['base', 'union', 'partnership'].includes(t.kind))
      out.push({
        label: { en: `ties with ${n.en}`, ru: `связи (${n.ru})` },
        value: Math.round(t.strength * (level / 6) * 0.8 * 100) / 100,
      });
    else if (t.kind === 'distance')
      out.push(
        f(
          'distance from the conflict',
          'удалённость от конфликта',
          -t.strength * (level / 6) * 0.5,
        ),
      );
  }
  if (c.against && level > 0) {
    const w = del.interests.actors[c.against] ?? 0;
    if (w) {
      const n = actorName(env, c.against);
      out.push({
        label: { en: `relations with ${n.en}`, ru: `отношения (${n.ru})` },
        value: Math.round(((-c.relationCost * level * w) / 20) * 100) / 100,
      });
    }
  }
  const option = c.options.find((o) => o.kind === kind);
  if (option) {
    const capital = ctx.delegations[d]!.capital;
    if (option.capital)
      out.push(
        f(
          'cost in political capital',
          'затраты политического капитала',
          option.capital > capital ? -2 : -option.capital / 20,
        ),
      );
    if (option.domestic)
      out.push(f('domestic cost', 'внутриполитическая цена', -option.domestic * 0.8));
  }
  return sum(out);
};

/** What a commitment of `d` to a term costs it, in utility (positive: a cost). */
export const termCost = (env: Env, ctx: ConferenceContext, d: string, t: Term): number => {
  switch (t.type) {
    case 'vote': {
      const u = proposalValue(env, d, t.proposal, amendmentsNow(ctx, t.proposal));
      return t.choice === 'yes' ? Math.max(0, VOTE_YES - u) : Math.max(0, VOTE_OBJECT - u);
    }
    case 'amendment': {
      const base = amendmentsNow(ctx, t.proposal);
      const without = proposalValue(env, d, t.proposal, base);
      const withA = proposalValue(env, d, t.proposal, [...base, t.amendment]);
      return Math.max(0, without - withA);
    }
    case 'response': {
      const c = env.crisis.get(t.crisis)!;
      const best = Math.max(
        ...c.options.map((o) => responseUtility(env, ctx, d, t.crisis, o.kind).value),
      );
      const atLeast = Math.max(
        ...c.options
          .filter((o) => responseLevel(o.kind) >= responseLevel(t.atLeast))
          .map((o) => responseUtility(env, ctx, d, t.crisis, o.kind).value),
      );
      return Math.max(0, best - atLeast);
    }
    case 'capital':
      return t.amount / 10;
  }
};

/** What a term given by someone else is worth to `d`. */
export const termValue = (
  env: Env,
  ctx: ConferenceContext,
  d: string,
  giver: string,
  t: Term,
): number => {
  switch (t.type) {
    case 'vote': {
      const u = proposalValue(env, d, t.proposal, amendmentsNow(ctx, t.proposal));
      // Support for what I want is worth more the more the giver would otherwise block it.
      const theirs = proposalValue(env, giver, t.proposal, amendmentsNow(ctx, t.proposal));
      return u > 0 ? u * (theirs < VOTE_OBJECT ? 1 : 0.3) : 0;
    }
    case 'amendment': {
      const base = amendmentsNow(ctx, t.proposal);
      return Math.max(
        0,
        proposalValue(env, d, t.proposal, [...base, t.amendment]) -
          proposalValue(env, d, t.proposal, base),
      );
    }
    case 'response':
      return d === env.crisis.get(t.crisis)?.requester ? (responseLevel(t.atLeast) + 1) / 4 : 0.05;
    case 'capital':
      return t.amount / 10;
  }
};

export const reputationOf = (ctx: ConferenceContext, d: string): number => {
  const s = ctx.delegations[d]!;
  return reputation(s.kept, s.broken);
};

/** Keeps the factors that weigh most, largest first. */
export const topFactors = (factors: Factor[], n = 4): Factor[] =>
  [...factors].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, n);
