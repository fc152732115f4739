/**
 * Negotiation: offers, acceptance, commitments, and whether commitments were kept. Kept and
 * broken commitments form each delegation's reputation, which AI delegations remember.
 */
import type { EventOf, Term } from '../events';
import { responseLevel } from '../scenario';
import type { Ballot, ConferenceContext } from '../state';
import { type Env, type Refusal, append, before, clamp, listOf, refuse } from './common';

type Ctx = ConferenceContext;

/** Reputation 0–100: Laplace-smoothed share of commitments kept. */
export const reputation = (kept: number, broken: number): number =>
  Math.round(((kept + 1) / (kept + broken + 2)) * 100);

const MAX_OPEN_OFFERS = 3;

const checkTerm = (ctx: Ctx, t: Term, env: Env, giver: string): Refusal => {
  switch (t.type) {
    case 'vote':
    case 'amendment': {
      const p = env.proposal.get(t.proposal);
      if (!p) return refuse(`no proposal "${t.proposal}"`, `нет предложения «${t.proposal}»`);
      if (ctx.outcomes[t.proposal])
        return refuse(
          `proposal "${t.proposal}" has already been decided`,
          `по предложению «${t.proposal}» решение уже принято`,
        );
      if (t.type === 'amendment' && !p.amendments.some((a) => a.id === t.amendment))
        return refuse(
          `proposal "${t.proposal}" has no amendment "${t.amendment}"`,
          `у предложения «${t.proposal}» нет поправки «${t.amendment}»`,
        );
      if (t.type === 'vote' && t.choice === 'standAside' && !env.profile.standAside)
        return refuse(
          'this procedure has no standing aside',
          'эта процедура не предусматривает неучастия',
        );
      return null;
    }
    case 'response': {
      const c = env.crisis.get(t.crisis);
      if (!c) return refuse(`no crisis "${t.crisis}"`, `нет кризиса «${t.crisis}»`);
      if (ctx.crises[t.crisis]?.status === 'decided')
        return refuse(
          'that crisis has already been decided',
          'по этому кризису решение уже принято',
        );
      if (c.requester === giver)
        return refuse(
          'the requesting state does not pledge a response to its own request',
          'запрашивающее государство не отвечает на собственный запрос',
        );
      if (!c.options.some((o) => o.kind === t.atLeast))
        return refuse(
          `"${t.atLeast}" is not a response on offer in this crisis`,
          `«${t.atLeast}» — не вариант ответа в этом кризисе`,
        );
      return null;
    }
    case 'capital':
      return ctx.delegations[giver]!.capital >= t.amount
        ? null
        : refuse(
            'not enough political capital for this offer',
            'недостаточно политического капитала для такого предложения',
          );
  }
};

export const checkMakeOffer = (ctx: Ctx, e: EventOf<'delegate.makeOffer'>, env: Env): Refusal => {
  if (e.to === e.seat)
    return refuse('you cannot make an offer to yourself', 'нельзя делать предложение самому себе');
  const to = ctx.delegations[e.to];
  if (!to) return refuse(`no delegation "${e.to}"`, `нет делегации «${e.to}»`);
  if (ctx.delegations[e.seat]!.frozen || to.frozen)
    return refuse(
      'a delegation that has frozen its participation does not negotiate',
      'делегация, приостановившая участие, не ведёт переговоров',
    );
  const open = ctx.offers.filter((o) => o.from === e.seat && o.status === 'open').length;
  if (open >= MAX_OPEN_OFFERS)
    return refuse(
      `you already have ${MAX_OPEN_OFFERS} open offers: withdraw one or wait for answers`,
      `у вас уже ${MAX_OPEN_OFFERS} открытых предложения: отзовите одно или дождитесь ответа`,
    );
  for (const t of e.give) {
    const r = checkTerm(ctx, t, env, e.seat);
    if (r) return r;
  }
  for (const t of e.want) {
    const r = checkTerm(ctx, t, env, e.to);
    if (r) return r;
  }
  return null;
};
export const applyMakeOffer = (ctx: Ctx, e: EventOf<'delegate.makeOffer'>): void => {
  append(ctx, 'offers', {
    id: listOf(ctx, 'offers').length,
    from: e.seat,
    to: e.to,
    give: e.give,
    want: e.want,
    status: 'open',
    seq: ctx.seq,
    item: ctx.item,
  });
};

const openOffer = (ctx: Ctx, id: number) => {
  const o = ctx.offers[id];
  return o && o.status === 'open' ? o : undefined;
};

export const checkAcceptOffer = (
  ctx: Ctx,
  e: EventOf<'delegate.acceptOffer'>,
  env: Env,
): Refusal => {
  const o = openOffer(ctx, e.offer);
  if (!o)
    return refuse(
      'there is no open offer with that number',
      'нет открытого предложения с таким номером',
    );
  if (o.to !== e.seat)
    return refuse(
      'only the delegation an offer is addressed to can accept it',
      'принять предложение может только адресат',
    );
  if (ctx.delegations[o.from]!.frozen || ctx.delegations[o.to]!.frozen)
    return refuse(
      'a delegation that has frozen its participation does not negotiate',
      'делегация, приостановившая участие, не ведёт переговоров',
    );
  for (const t of o.give) {
    const r = checkTerm(ctx, t, env, o.from);
    if (r) return r;
  }
  for (const t of o.want) {
    const r = checkTerm(ctx, t, env, o.to);
    if (r) return r;
  }
  return null;
};
export const applyAcceptOffer = (ctx: Ctx, e: EventOf<'delegate.acceptOffer'>): void => {
  ctx.offers[e.offer]!.status = 'accepted';
  // Its terms as offered (plain values, not drafts), to copy into the commitments.
  const o = before(ctx).offers[e.offer]!;
  const commit = (by: string, to: string, term: Term) => {
    if (term.type === 'capital') {
      ctx.delegations[by]!.capital = clamp(ctx.delegations[by]!.capital - term.amount);
      ctx.delegations[to]!.capital = clamp(ctx.delegations[to]!.capital + term.amount);
      return;
    }
    append(ctx, 'commitments', {
      id: listOf(ctx, 'commitments').length,
      offer: o.id,
      by,
      to,
      term,
      status: 'pending',
    });
  };
  o.give.forEach((t) => commit(o.from, o.to, t));
  o.want.forEach((t) => commit(o.to, o.from, t));
};

export const checkRejectOffer = (ctx: Ctx, e: EventOf<'delegate.rejectOffer'>): Refusal => {
  const o = openOffer(ctx, e.offer);
  if (!o)
    return refuse(
      'there is no open offer with that number',
      'нет открытого предложения с таким номером',
    );
  return o.to === e.seat
    ? null
    : refuse(
        'only the delegation an offer is addressed to can reject it',
        'отклонить предложение может только адресат',
      );
};
export const applyRejectOffer = (ctx: Ctx, e: EventOf<'delegate.rejectOffer'>): void => {
  ctx.offers[e.offer]!.status = 'rejected';
};

export const checkWithdrawOffer = (ctx: Ctx, e: EventOf<'delegate.withdrawOffer'>): Refusal => {
  const o = openOffer(ctx, e.offer);
  if (!o)
    return refuse(
      'there is no open offer with that number',
      'нет открытого предложения с таким номером',
    );
  return o.from === e.seat
    ? null
    : refuse(
        'only the delegation that made an offer can withdraw it',
        'отозвать предложение может только его автор',
      );
};
export const applyWithdrawOffer = (ctx: Ctx, e: EventOf<'delegate.withdrawOffer'>): void => {
  ctx.offers[e.offer]!.status = 'withdrawn';
};

/** Open offers whose terms can no longer be met lapse. */
export const lapseOffers = (ctx: Ctx, stale: (t: Term) => boolean): void => {
  // Read without drafts; only the offers that lapse are written.
  listOf(ctx, 'offers').forEach((o, i) => {
    if (o.status === 'open' && [...o.give, ...o.want].some(stale)) ctx.offers[i]!.status = 'lapsed';
  });
};

const settle = (ctx: Ctx, c: Ctx['commitments'][number], kept: boolean): void => {
  c.status = kept ? 'kept' : 'broken';
  const d = ctx.delegations[c.by]!;
  if (kept) d.kept++;
  else d.broken++;
};

export const settleVoteCommitments = (ctx: Ctx, b: Ballot): void => {
  // Read without drafts; only the commitments settled here are written.
  listOf(ctx, 'commitments').forEach((c, i) => {
    if (c.status !== 'pending') return;
    const t = c.term;
    const v = b.votes[c.by];
    let kept: boolean | null = null;
    if (
      b.kind === 'amendment' &&
      t.type === 'amendment' &&
      t.proposal === b.proposal &&
      t.amendment === b.amendment
    )
      kept = v === 'yes';
    if (b.kind === 'proposal' && t.type === 'vote' && t.proposal === b.proposal)
      kept = t.choice === 'yes' ? v === 'yes' : v !== undefined && v !== 'no';
    if (b.kind === 'proposal' && t.type === 'amendment' && t.proposal === b.proposal) {
      const a = listOf(ctx, 'amendments').find(
        (x) => x.proposal === t.proposal && x.amendment === t.amendment,
      );
      // Accepted as friendly: nothing left to vote on, the promise stood.
      if (a?.status === 'friendly') kept = true;
    }
    if (kept !== null) settle(ctx, ctx.commitments[i]!, kept);
  });
};

export const settleResponseCommitments = (
  ctx: Ctx,
  crisis: string,
  responses: Record<string, string>,
): void => {
  for (const c of ctx.commitments) {
    if (c.status !== 'pending' || c.term.type !== 'response' || c.term.crisis !== crisis) continue;
    const given = responses[c.by];
    const kept =
      given !== undefined &&
      responseLevel(given as Parameters<typeof responseLevel>[0]) >= responseLevel(c.term.atLeast);
    settle(ctx, c, kept);
  }
};
