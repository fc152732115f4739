/**
 * The debrief: outcomes, crises, scores and awards, objectives, said versus did, and how the
 * outcome would have differed under another procedure profile. All pure functions of the state.
 */
import type { Conference } from './conference';
import { PROFILES, PROFILE_IDS, decide, type ProfileId } from './profiles';
import { evaluateCrisis } from './rules/crisis';
import { evalCondition, type ConditionStatus } from './rules/conditions';
import { reputation } from './rules/negotiation';
import { METRICS, responseLevel, type Text } from './scenario';
import type { ConferenceContext } from './state';
import type { Env } from './rules/common';

export interface ObjectiveResult {
  id: string;
  text: Text;
  points: number;
  status: ConditionStatus;
}

export interface Score {
  delegation: string;
  objectives: ObjectiveResult[];
  objectivePoints: number;
  alliancePoints: number;
  reputationPoints: number;
  total: number;
  kept: number;
  broken: number;
  reputation: number;
}

export const objectivesOf = (ctx: ConferenceContext, env: Env, d: string): ObjectiveResult[] =>
  env.delegation.get(d)!.objectives.map((o) => ({
    id: o.id,
    text: o.text,
    points: o.points,
    status: evalCondition(ctx, d, o.check),
  }));

export const scoreOf = (ctx: ConferenceContext, env: Env, d: string): Score => {
  const del = env.delegation.get(d)!;
  const objectives = objectivesOf(ctx, env, d);
  const objectivePoints = objectives
    .filter((o) => o.status === 'met')
    .reduce((a, o) => a + o.points, 0);
  const start = ctx.history[0]!.metrics;
  let alliance = 0;
  for (const m of METRICS)
    alliance += (del.interests.metrics[m] ?? 0) * (ctx.metrics[m] - start[m]);
  const s = ctx.delegations[d]!;
  const reputationPoints = 3 * s.kept - 5 * s.broken;
  const alliancePoints = Math.round(alliance / 2);
  return {
    delegation: d,
    objectives,
    objectivePoints,
    alliancePoints,
    reputationPoints,
    total: objectivePoints + alliancePoints + reputationPoints,
    kept: s.kept,
    broken: s.broken,
    reputation: reputation(s.kept, s.broken),
  };
};

export type AwardId = 'reliableAlly' | 'bridgeBuilder' | 'spoiler' | 'solidarity' | 'topDelegation';
export const AWARD_NAMES: Record<AwardId, Text> = {
  reliableAlly: { en: 'Reliable ally', ru: 'Надёжный союзник' },
  bridgeBuilder: { en: 'Bridge builder', ru: 'Посредник' },
  spoiler: { en: 'Spoiler', ru: 'Возмутитель спокойствия' },
  solidarity: { en: 'Solidarity', ru: 'Солидарность' },
  topDelegation: { en: 'Best delegation', ru: 'Лучшая делегация' },
};
export interface Award {
  award: AwardId;
  delegation: string;
  reason: Text;
}

const best = <T>(items: T[], key: (x: T) => number): T | undefined => {
  let top: T | undefined;
  let topV = -Infinity;
  for (const x of items) {
    const v = key(x);
    if (v > topV) [top, topV] = [x, v];
  }
  return top;
};

export const awardsOf = (ctx: ConferenceContext, env: Env, scores: Score[]): Award[] => {
  const out: Award[] = [];
  const members = env.members;
  const reliable = best(
    members.filter((d) => ctx.delegations[d]!.kept > 0 && ctx.delegations[d]!.broken === 0),
    (d) => ctx.delegations[d]!.kept,
  );
  if (reliable)
    out.push({
      award: 'reliableAlly',
      delegation: reliable,
      reason: {
        en: `kept all ${ctx.delegations[reliable]!.kept} of its commitments`,
        ru: `все обязательства выполнены (${ctx.delegations[reliable]!.kept})`,
      },
    });
  const deals = (d: string) =>
    ctx.offers.filter((o) => o.status === 'accepted' && (o.from === d || o.to === d)).length +
    ctx.amendments.filter(
      (a) => a.status === 'friendly' && env.proposal.get(a.proposal)?.sponsor === d && a.by !== d,
    ).length;
  const bridge = best(
    members.filter((d) => deals(d) > 0),
    deals,
  );
  if (bridge)
    out.push({
      award: 'bridgeBuilder',
      delegation: bridge,
      reason: {
        en:
          deals(bridge) === 1
            ? '1 deal or friendly amendment'
            : `${deals(bridge)} deals and friendly amendments`,
        ru: `сделок и дружественных поправок: ${deals(bridge)}`,
      },
    });
  const blocks = (d: string) =>
    Object.values(ctx.outcomes).filter((o) => o.blockers.includes(d)).length;
  const spoiler = best(
    members.filter((d) => blocks(d) > 0),
    blocks,
  );
  if (spoiler)
    out.push({
      award: 'spoiler',
      delegation: spoiler,
      reason: {
        en: `blocked ${blocks(spoiler)} ${blocks(spoiler) === 1 ? 'proposal' : 'proposals'}`,
        ru: `заблокировано предложений: ${blocks(spoiler)}`,
      },
    });
  const support = (d: string) =>
    Object.values(ctx.crises).reduce(
      (a, c) => a + Math.max(0, responseLevel(c.responses[d] ?? 'standAside')),
      0,
    );
  const solid = best(
    members.filter((d) => support(d) > 0),
    support,
  );
  if (solid)
    out.push({
      award: 'solidarity',
      delegation: solid,
      reason: {
        en: 'the strongest answers to allies’ requests',
        ru: 'самые весомые ответы на просьбы союзников',
      },
    });
  const top = best(scores, (s) => s.total);
  if (top)
    out.push({
      award: 'topDelegation',
      delegation: top.delegation,
      reason: { en: `highest score (${top.total})`, ru: `наивысший результат (${top.total})` },
    });
  return out;
};

export interface SaidDid {
  delegation: string;
  proposal: string;
  said: 'support' | 'oppose' | 'undecided';
  did: string;
  consistent: boolean;
}

/** What each delegation said in debate against how it voted. */
export const saidVersusDid = (ctx: ConferenceContext): SaidDid[] => {
  const out: SaidDid[] = [];
  for (const s of ctx.statements) {
    if (!s.proposal) continue;
    const ballot = ctx.closed.find((b) => b.kind === 'proposal' && b.proposal === s.proposal);
    if (!ballot) continue;
    const did = ballot.votes[s.by] ?? 'notVoting';
    const consistent =
      s.stance === 'support'
        ? did === 'yes'
        : s.stance === 'oppose'
          ? did === 'no' || did === 'standAside' || did === 'abstain'
          : true;
    out.push({ delegation: s.by, proposal: s.proposal, said: s.stance, did, consistent });
  }
  return out;
};

export interface WhatIf {
  profile: ProfileId;
  /** Proposals whose outcome would differ, with the outcome under this profile. */
  proposals: { proposal: string; adopted: boolean; actual: boolean }[];
  crises: { crisis: string; honoured: boolean; actual: boolean }[];
}

/**
 * Would the outcome differ under profile X, given the votes and responses as cast? Standing aside
 * counts as abstaining where a profile has no standing aside. Amendments are held as adopted.
 */
export const whatIf = (ctx: ConferenceContext, env: Env, profile: ProfileId): WhatIf => {
  const p = PROFILES[profile];
  const proposals: WhatIf['proposals'] = [];
  for (const b of ctx.closed) {
    if (b.kind !== 'proposal') continue;
    const votes = Object.fromEntries(
      Object.entries(b.votes).map(([d, v]) => [
        d,
        v === 'standAside' && !p.standAside ? 'abstain' : v,
      ]),
    ) as typeof b.votes;
    const d = decide(
      p.decision,
      votes,
      b.eligible,
      b.consent,
      p.quorum,
      env.members.length,
      b.present,
    );
    if (d.adopted !== b.decision.adopted)
      proposals.push({ proposal: b.proposal, adopted: d.adopted, actual: b.decision.adopted });
  }
  const crises: WhatIf['crises'] = [];
  for (const [id, st] of Object.entries(ctx.crises)) {
    if (st.status !== 'decided') continue;
    const c = env.crisis.get(id)!;
    const responders = Object.keys(st.responses);
    const r = evaluateCrisis(c, p.decision, p.standAside, st.responses, responders);
    if (r.honoured !== st.honoured)
      crises.push({ crisis: id, honoured: r.honoured, actual: st.honoured });
  }
  return { profile, proposals, crises };
};

export interface Debrief {
  outcomes: ConferenceContext['outcomes'];
  ballots: ConferenceContext['closed'];
  crises: ConferenceContext['crises'];
  scores: Score[];
  awards: Award[];
  saidVersusDid: SaidDid[];
  whatIf: WhatIf[];
  history: ConferenceContext['history'];
  commitments: ConferenceContext['commitments'];
}

export const debriefOf = (conf: Conference): Debrief => {
  const ctx = conf.snapshot.context;
  const env = conf.env;
  const scores = env.members.map((d) => scoreOf(ctx, env, d));
  return {
    outcomes: ctx.outcomes,
    ballots: ctx.closed,
    crises: ctx.crises,
    scores,
    awards: awardsOf(ctx, env, scores),
    saidVersusDid: saidVersusDid(ctx),
    whatIf: PROFILE_IDS.filter((id) => id !== ctx.profile).map((id) => whatIf(ctx, env, id)),
    history: ctx.history,
    commitments: ctx.commitments,
  };
};
