/**
 * Objective conditions as data, each `type` a pure function of the context. During the game a
 * condition may still be open; once the conference has ended it is met or failed.
 */
import { responseLevel, type Condition } from '../scenario';
import type { ConferenceContext } from '../state';

export type ConditionStatus = 'met' | 'failed' | 'open';

const settle = (ended: boolean, holdsNow: boolean): ConditionStatus =>
  ended ? (holdsNow ? 'met' : 'failed') : 'open';

export const evalCondition = (ctx: ConferenceContext, d: string, c: Condition): ConditionStatus => {
  switch (c.type) {
    case 'proposalAdopted':
    case 'proposalNotAdopted': {
      const o = ctx.outcomes[c.proposal];
      if (!o) return settle(ctx.ended, c.type === 'proposalNotAdopted');
      return o.adopted === (c.type === 'proposalAdopted') ? 'met' : 'failed';
    }
    case 'amendmentAdopted': {
      const o = ctx.outcomes[c.proposal];
      if (!o) return settle(ctx.ended, false);
      return o.adopted && o.amendments.includes(c.amendment) ? 'met' : 'failed';
    }
    case 'metricAtLeast':
      return settle(ctx.ended, ctx.metrics[c.metric] >= c.value);
    case 'metricAtMost':
      return settle(ctx.ended, ctx.metrics[c.metric] <= c.value);
    case 'crisisHonoured':
    case 'crisisNotHonoured': {
      const s = ctx.crises[c.crisis];
      if (!s || s.status !== 'decided') return settle(ctx.ended, c.type === 'crisisNotHonoured');
      return s.honoured === (c.type === 'crisisHonoured') ? 'met' : 'failed';
    }
    case 'ownResponseAtLeast':
    case 'ownResponseAtMost': {
      const s = ctx.crises[c.crisis];
      if (!s || s.status !== 'decided') return settle(ctx.ended, c.type === 'ownResponseAtMost');
      const mine = responseLevel(s.responses[d] ?? 'standAside');
      const ok =
        c.type === 'ownResponseAtLeast'
          ? mine >= responseLevel(c.response)
          : mine <= responseLevel(c.response);
      return ok ? 'met' : 'failed';
    }
    case 'commitmentsKept': {
      const s = ctx.delegations[d]!;
      if (s.broken > 0) return 'failed';
      if (s.kept >= c.atLeast) return 'met';
      return settle(ctx.ended, false);
    }
    case 'capitalAtLeast':
      return settle(ctx.ended, ctx.delegations[d]!.capital >= c.value);
    case 'notFrozen':
      return ctx.delegations[c.delegation]?.frozen ? 'failed' : settle(ctx.ended, true);
    case 'allOf': {
      const all = c.of.map((x) => evalCondition(ctx, d, x));
      if (all.includes('failed')) return 'failed';
      return all.every((x) => x === 'met') ? 'met' : 'open';
    }
    case 'anyOf': {
      const any = c.of.map((x) => evalCondition(ctx, d, x));
      if (any.includes('met')) return 'met';
      return any.every((x) => x === 'failed') ? 'failed' : 'open';
    }
  }
};
