/**
 * Obligation dilemmas: a member asks for consultations (Art. 2) or assistance (Art. 4); members
 * pledge responses; the council decides the collective response under the procedure profile; the
 * answer against what was asked moves credibility and cohesion, and an unsatisfied requester may
 * freeze its participation.
 */
import type { EventOf } from '../events';
import type { DecisionRule } from '../profiles';
import { decide } from '../profiles';
import { responseLevel, type Crisis, type ResponseKind } from '../scenario';
import type { ConferenceContext, CrisisResult, CrisisState } from '../state';
import {
  type Env,
  type Refusal,
  changeMetric,
  clamp,
  eligibleVoters,
  recordMetrics,
  refuse,
} from './common';
import { lapseOffers, settleResponseCommitments } from './negotiation';

export type { CrisisResult };

type Ctx = ConferenceContext;

export const checkInjectCrisis = (
  ctx: Ctx,
  e: EventOf<'chair.injectCrisis'>,
  env: Env,
): Refusal => {
  if (!env.crisis.has(e.crisis))
    return refuse(
      `this scenario has no crisis "${e.crisis}"`,
      `в этом сценарии нет кризиса «${e.crisis}»`,
    );
  if (ctx.crises[e.crisis])
    return refuse('this crisis has already been dealt with', 'этот кризис уже рассмотрен');
  if (ctx.crisis) return refuse('another crisis is open', 'уже рассматривается другой кризис');
  if (ctx.ballots.length && ctx.ballot < ctx.ballots.length)
    return refuse(
      'a vote is under way: inject the crisis when it is over',
      'идёт голосование: объявите кризис после него',
    );
  return null;
};

/** The scheduled crisis due after the current agenda item, if any. */
export const dueCrisis = (ctx: Ctx, env: Env): Crisis | undefined =>
  env.scenario.crises.find(
    (c) => c.trigger.type === 'afterItem' && c.trigger.item === ctx.item && !ctx.crises[c.id],
  );

export const openCrisis = (ctx: Ctx, id: string): void => {
  ctx.crisis = id;
  ctx.crises[id] = {
    id,
    responses: {},
    status: 'open',
    level: 0,
    participants: [],
    satisfaction: 0,
    honoured: false,
    froze: false,
    credibilityChange: 0,
    cohesionChange: 0,
  };
  ctx.speaker = null;
};

export const checkRespond = (ctx: Ctx, e: EventOf<'delegate.respond'>, env: Env): Refusal => {
  const c = env.crisis.get(e.crisis);
  if (!c || ctx.crisis !== e.crisis || ctx.crises[e.crisis]?.status !== 'open')
    return refuse('that crisis is not open', 'этот кризис сейчас не рассматривается');
  if (c.requester === e.seat)
    return refuse(
      'the requesting state does not respond to its own request',
      'запрашивающее государство не отвечает на собственный запрос',
    );
  if (!eligibleVoters(ctx, env).includes(e.seat))
    return refuse(
      'only members present and not frozen respond',
      'отвечают только присутствующие члены, не приостановившие участие',
    );
  if (!c.options.some((o) => o.kind === e.response))
    return refuse(
      `"${e.response}" is not a response on offer in this crisis`,
      `«${e.response}» — не вариант ответа в этом кризисе`,
    );
  if (ctx.crises[e.crisis]!.responses[e.seat])
    return refuse('you have already responded', 'вы уже ответили');
  return null;
};
export const applyRespond = (ctx: Ctx, e: EventOf<'delegate.respond'>): void => {
  ctx.crises[e.crisis]!.responses[e.seat] = e.response;
};

export const checkCloseResponses = (ctx: Ctx): Refusal =>
  ctx.crisis && ctx.crises[ctx.crisis]?.status === 'open'
    ? null
    : refuse('no crisis is open', 'кризис не рассматривается');

/**
 * The collective decision: the strongest level of response that the decision rule carries, when
 * each member is taken to support every level up to its own pledge, to oppose all action if it
 * objects, and otherwise to stand aside (or abstain, where the profile has no standing aside).
 */
export const collectiveLevel = (
  rule: DecisionRule,
  standAside: boolean,
  responses: Readonly<Record<string, ResponseKind>>,
  responders: readonly string[],
): number => {
  for (let level = 6; level >= 1; level--) {
    const votes: Record<string, 'yes' | 'no' | 'standAside' | 'abstain'> = {};
    for (const m of responders) {
      const r = responses[m] ?? 'standAside';
      votes[m] =
        responseLevel(r) >= level
          ? 'yes'
          : r === 'object'
            ? 'no'
            : standAside
              ? 'standAside'
              : 'abstain';
    }
    if (decide(rule, votes, responders).adopted) return level;
  }
  return 0;
};

/** Pure evaluation of a crisis under a decision rule, used by the machine and by what-if. */
export const evaluateCrisis = (
  c: Crisis,
  rule: DecisionRule,
  standAside: boolean,
  responses: Readonly<Record<string, ResponseKind>>,
  responders: readonly string[],
): CrisisResult => {
  const level = collectiveLevel(rule, standAside, responses, responders);
  const asked = Math.max(1, responseLevel(c.asked));
  const pledge = (m: string) => responseLevel(responses[m] ?? 'standAside');
  const participants = level >= 1 ? responders.filter((m) => pledge(m) >= level) : [];
  const supporters = responders.filter((m) => pledge(m) >= 1).length;
  const share = responders.length ? supporters / responders.length : 0;
  const satisfaction = Math.round((0.75 * Math.min(1, level / asked) + 0.25 * share) * 100) / 100;
  const honoured = level >= 1 && satisfaction >= 0.7;
  const objectors = responders.filter((m) => responses[m] === 'object').length;
  const levels = responders.map(pledge);
  const spread = levels.length ? (Math.max(...levels) - Math.min(...levels)) / 7 : 0;
  const weight = c.article === 'art4' ? 24 : 12;
  return {
    level,
    participants,
    satisfaction,
    honoured,
    froze: satisfaction < c.freezeBelow,
    credibilityChange: Math.round((satisfaction - 0.5) * weight),
    cohesionChange: -3 * objectors + (honoured ? 3 : -2) - Math.round(4 * spread),
  };
};

export const applyCloseResponses = (ctx: Ctx, env: Env): void => {
  const id = ctx.crisis!;
  const c = env.crisis.get(id)!;
  const st: CrisisState = ctx.crises[id]!;
  const responders = eligibleVoters(ctx, env).filter((m) => m !== c.requester);
  for (const m of responders) st.responses[m] ??= 'standAside';
  const r = evaluateCrisis(
    c,
    env.profile.decision,
    env.profile.standAside,
    st.responses,
    responders,
  );
  Object.assign(st, r, { status: 'decided' });
  // Each member bears the cost of its own pledge.
  for (const m of responders) {
    const kind = st.responses[m]!;
    const option = c.options.find((o) => o.kind === kind);
    const d = ctx.delegations[m]!;
    if (option) d.capital = clamp(d.capital - option.capital);
    if (c.against && d.relations[c.against] !== undefined)
      d.relations[c.against] = clamp(
        d.relations[c.against]! - c.relationCost * Math.max(0, responseLevel(kind)),
        -100,
        100,
      );
  }
  changeMetric(ctx, 'credibility', r.credibilityChange);
  changeMetric(ctx, 'cohesion', r.cohesionChange);
  if (r.froze) ctx.delegations[c.requester]!.frozen = true;
  settleResponseCommitments(ctx, id, st.responses);
  lapseOffers(ctx, (t) => t.type === 'response' && t.crisis === id);
  recordMetrics(ctx, `crisis:${id}`);
};

/** Leaving a decided crisis: the conference returns to where it was. */
export const leaveCrisis = (ctx: Ctx): void => {
  ctx.crisis = null;
};
