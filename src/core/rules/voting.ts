/** Amendments (friendly and unfriendly), ballots, the decision rule and proposal outcomes. */
import type { EventOf } from '../events';
import { decide } from '../profiles';
import type { Proposal, Stake } from '../scenario';
import type { ConferenceContext } from '../state';
import {
  type Env,
  type Refusal,
  append,
  before,
  changeMetric,
  clamp,
  currentItemProposals,
  eligibleVoters,
  isMember,
  listOf,
  presentMembers,
  recordMetrics,
  refuse,
} from './common';
import { settleVoteCommitments, lapseOffers } from './negotiation';

type Ctx = ConferenceContext;

// ── amendments ─────────────────────────────────────────────────────────────────────────────

const liveAmendment = (ctx: Ctx, proposal: string, amendment: string) =>
  ctx.amendments.find(
    (a) => a.proposal === proposal && a.amendment === amendment && a.status !== 'withdrawn',
  );

export const checkProposeAmendment = (
  ctx: Ctx,
  e: EventOf<'delegate.proposeAmendment'>,
  env: Env,
): Refusal => {
  if (!isMember(env, e.seat))
    return refuse('only members table amendments', 'поправки вносят только члены');
  if (ctx.delegations[e.seat]!.presence === 'absent')
    return refuse(
      'absent delegations cannot table amendments',
      'отсутствующие делегации не вносят поправок',
    );
  if (!currentItemProposals(ctx, env).includes(e.proposal))
    return refuse(
      `"${e.proposal}" is not under debate in this agenda item`,
      `«${e.proposal}» не обсуждается в этом пункте повестки`,
    );
  const p = env.proposal.get(e.proposal)!;
  if (!p.amendments.some((a) => a.id === e.amendment))
    return refuse(
      `proposal "${e.proposal}" has no amendment "${e.amendment}"`,
      `у предложения «${e.proposal}» нет поправки «${e.amendment}»`,
    );
  if (liveAmendment(ctx, e.proposal, e.amendment))
    return refuse('this amendment has already been tabled', 'эта поправка уже внесена');
  return null;
};
export const applyProposeAmendment = (
  ctx: Ctx,
  e: EventOf<'delegate.proposeAmendment'>,
  env: Env,
): void => {
  const sponsor = env.proposal.get(e.proposal)!.sponsor;
  // An amendment tabled by the sponsor itself is friendly from the start.
  append(ctx, 'amendments', {
    proposal: e.proposal,
    amendment: e.amendment,
    by: e.seat,
    status: sponsor === e.seat ? 'friendly' : 'pending',
  });
};

export const checkAcceptAmendment = (
  ctx: Ctx,
  e: EventOf<'delegate.acceptAmendment'>,
  env: Env,
): Refusal => {
  const a = liveAmendment(ctx, e.proposal, e.amendment);
  if (!a || a.status !== 'pending')
    return refuse('there is no pending amendment of that name', 'нет такой внесённой поправки');
  if (env.proposal.get(e.proposal)?.sponsor !== e.seat)
    return refuse(
      'only the sponsor of a proposal can accept an amendment as friendly',
      'только автор предложения может принять поправку как дружественную',
    );
  return null;
};
export const applyAcceptAmendment = (ctx: Ctx, e: EventOf<'delegate.acceptAmendment'>): void => {
  liveAmendment(ctx, e.proposal, e.amendment)!.status = 'friendly';
};

export const checkWithdrawAmendment = (
  ctx: Ctx,
  e: EventOf<'delegate.withdrawAmendment'>,
): Refusal => {
  const a = liveAmendment(ctx, e.proposal, e.amendment);
  if (!a || a.status !== 'pending')
    return refuse('there is no pending amendment of that name', 'нет такой внесённой поправки');
  if (a.by !== e.seat)
    return refuse(
      'only the delegation that tabled an amendment can withdraw it',
      'отозвать поправку может только внёсшая её делегация',
    );
  return null;
};
export const applyWithdrawAmendment = (
  ctx: Ctx,
  e: EventOf<'delegate.withdrawAmendment'>,
): void => {
  liveAmendment(ctx, e.proposal, e.amendment)!.status = 'withdrawn';
};

// ── ballots ────────────────────────────────────────────────────────────────────────────────

export const checkOpenVoting = (ctx: Ctx): Refusal => {
  if (ctx.speaker) return refuse('a delegate has the floor', 'слово предоставлено делегату');
  if (ctx.caucus) return refuse('a caucus is under way', 'идут консультации');
  if (ctx.point || ctx.motions.length)
    return refuse(
      'deal with pending points and motions first',
      'сначала рассмотрите заявленные реплики и предложения',
    );
  if (ctx.speakers.length)
    return refuse(
      'the speakers list is not exhausted: a motion to close debate is needed',
      'список ораторов не исчерпан: нужно предложение о прекращении прений',
    );
  return null;
};
export const hasSomethingToVote = (ctx: Ctx, env: Env): boolean =>
  currentItemProposals(ctx, env).length > 0;

/** Builds the ballots of the current item: unfriendly amendments first, then each proposal. */
export const applyOpenVoting = (ctx: Ctx, env: Env): void => {
  const ballots: Ctx['ballots'] = [];
  const amendments = listOf(ctx, 'amendments');
  for (const p of currentItemProposals(ctx, env)) {
    for (const a of amendments)
      if (a.proposal === p && a.status === 'pending')
        ballots.push({ kind: 'amendment', proposal: p, amendment: a.amendment, votes: {} });
    ballots.push({ kind: 'proposal', proposal: p, votes: {} });
  }
  ctx.ballots = ballots;
  ctx.ballot = 0;
  ctx.speakers = [];
};

export const checkVote = (ctx: Ctx, e: EventOf<'delegate.vote'>, env: Env): Refusal => {
  const b = ctx.ballots[ctx.ballot];
  if (!b) return refuse('there is no ballot open', 'голосование не открыто');
  if (!isMember(env, e.seat)) return refuse('observers do not vote', 'наблюдатели не голосуют');
  const d = ctx.delegations[e.seat]!;
  if (d.presence === 'absent')
    return refuse(
      'delegations absent at the roll call do not vote',
      'делегации, отсутствовавшие на перекличке, не голосуют',
    );
  if (d.frozen)
    return refuse(
      'your delegation has frozen its participation and stands aside',
      'ваша делегация приостановила участие и не участвует в решениях',
    );
  if (b.votes[e.seat])
    return refuse('you have already voted on this ballot', 'вы уже проголосовали по этому вопросу');
  if (e.choice === 'standAside' && !env.profile.standAside)
    return refuse(
      'this procedure has no standing aside: vote yes, no or abstain',
      'эта процедура не предусматривает неучастия: голосуйте «за», «против» или воздержитесь',
    );
  if ((e.choice === 'abstain' || e.choice === 'standAside') && d.presence === 'presentAndVoting')
    return refuse(
      'you answered "present and voting": you must vote yes or no',
      'вы ответили «присутствую и голосую»: нужно голосовать «за» или «против»',
    );
  return null;
};
export const applyVote = (ctx: Ctx, e: EventOf<'delegate.vote'>): void => {
  ctx.ballots[ctx.ballot]!.votes[e.seat] = e.choice;
};

export const checkCloseBallot = (ctx: Ctx): Refusal =>
  ctx.ballots[ctx.ballot] ? null : refuse('there is no ballot open', 'голосование не открыто');
export const hasMoreBallots = (ctx: Ctx): boolean => ctx.ballot + 1 < ctx.ballots.length;

/** The stakes of a proposal for each delegation once the adopted amendments are applied. */
export const effectiveStakes = (p: Proposal, adopted: readonly string[]): Stake[] => {
  const byDelegation = new Map(p.stakes.map((s) => [s.delegation, s]));
  for (const a of p.amendments)
    if (adopted.includes(a.id)) for (const s of a.stakes) byDelegation.set(s.delegation, s);
  return [...byDelegation.values()];
};
export const effectiveEffects = (
  p: Proposal,
  adopted: readonly string[],
): Partial<Record<string, number>> => {
  const out: Partial<Record<string, number>> = { ...p.effects };
  for (const a of p.amendments)
    if (adopted.includes(a.id))
      for (const [m, v] of Object.entries(a.effects)) out[m] = (out[m] ?? 0) + (v ?? 0);
  return out;
};

export const adoptedAmendments = (ctx: Ctx, proposal: string): string[] =>
  ctx.amendments
    .filter((a) => a.proposal === proposal && (a.status === 'friendly' || a.status === 'adopted'))
    .map((a) => a.amendment);

export const applyCloseBallot = (ctx: Ctx, env: Env): void => {
  // Ballots, votes and presence are read as they stood before this event: closing changes none.
  const was = before(ctx);
  const b = was.ballots[was.ballot]!;
  const p = env.proposal.get(b.proposal)!;
  const eligible = eligibleVoters(was, env);
  const consent = b.kind === 'proposal' ? p.consent : [];
  const present = presentMembers(was, env).length;
  const decision = decide(
    env.profile.decision,
    b.votes,
    eligible,
    consent,
    env.profile.quorum,
    env.members.length,
    present,
  );
  // A plain copy: spreading the draft would put a draft inside the new record, which Immer must
  // then hunt down and finalise on every later event.
  append(ctx, 'closed', {
    kind: b.kind,
    proposal: b.proposal,
    ...(b.amendment !== undefined ? { amendment: b.amendment } : {}),
    votes: { ...b.votes },
    item: was.item,
    seq: ctx.seq,
    eligible,
    present,
    consent: [...consent],
    decision,
  });

  if (b.kind === 'amendment') {
    // Found in the base state, so that only the amendment that changes becomes a draft.
    const i = was.amendments.findIndex(
      (x) => x.proposal === b.proposal && x.amendment === b.amendment && x.status === 'pending',
    );
    if (i >= 0) ctx.amendments[i]!.status = decision.adopted ? 'adopted' : 'rejected';
  } else {
    const amendments = adoptedAmendments(was, p.id);
    ctx.outcomes[p.id] = {
      adopted: decision.adopted,
      postponed: false,
      reason: decision.reason,
      amendments,
      blockers: decision.blockers,
    };
    if (decision.adopted) {
      for (const [m, v] of Object.entries(effectiveEffects(p, amendments)))
        changeMetric(ctx, m as keyof typeof ctx.metrics, v ?? 0);
      for (const s of effectiveStakes(p, amendments)) {
        const d = ctx.delegations[s.delegation];
        if (!d) continue;
        d.capital = clamp(d.capital + s.capital);
        for (const [actor, delta] of Object.entries(s.relations))
          d.relations[actor] = clamp((d.relations[actor] ?? 0) + delta, -100, 100);
      }
    } else if (decision.reason === 'objection' || decision.reason === 'notUnanimous') {
      changeMetric(ctx, 'cohesion', -1);
    }
    // Standing aside is allowed, but a decision many stand aside from binds few.
    if (decision.adopted && decision.tally.standAside >= Math.ceil(eligible.length / 2))
      changeMetric(ctx, 'cohesion', -1);
    recordMetrics(ctx, `proposal:${p.id}`);
    lapseOffers(ctx, (t) => (t.type === 'vote' || t.type === 'amendment') && t.proposal === p.id);
  }
  settleVoteCommitments(ctx, b);
  ctx.ballot++;
};
