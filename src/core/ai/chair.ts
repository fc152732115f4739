/**
 * The AI chair for solo play: runs the procedure by the profile, in order. It never votes and
 * never decides substance; it recognises, puts motions, opens and closes ballots, moves on.
 */
import type { ConferenceEvent } from '../events';
import { currentPhase, type Conference } from '../conference';
import { eligibleVoters } from '../rules/common';

export const chairAct = (conf: Conference): ConferenceEvent | null => {
  const ctx = conf.snapshot.context;
  const env = conf.env;
  if (ctx.ended) return null;
  if (ctx.paused) return null;
  const phase = currentPhase(conf);
  const c = (type: string, extra: Record<string, unknown> = {}) =>
    ({ type, seat: 'chair', ...extra }) as ConferenceEvent;
  switch (phase) {
    case 'rollCall.waiting':
      return c('chair.openRollCall');
    case 'rollCall.open':
      return Object.values(ctx.delegations).every((d) => d.presence !== 'absent')
        ? c('chair.closeRollCall')
        : null;
    case 'agenda':
      return c('chair.adoptAgenda');
    case 'floor.item.debate.formal':
    case 'floor.item.debate.moderated': {
      if (ctx.point)
        return c('chair.rulePoint', {
          ruling:
            ctx.point.point === 'parliamentaryInquiry' || ctx.point.point === 'information'
              ? 'answered'
              : 'wellTaken',
        });
      if (ctx.speaker) return null;
      if (ctx.motions.length) {
        let best = 0;
        ctx.motions.forEach((m, i) => {
          if (
            env.profile.motions[m.motion.kind].precedence <
            env.profile.motions[ctx.motions[best]!.motion.kind].precedence
          )
            best = i;
        });
        return c('chair.putMotion', { index: best });
      }
      if (ctx.caucus) return null;
      if (ctx.speakers.length) return c('chair.recognize', { delegation: ctx.speakers[0] });
      return c('chair.openVoting');
    }
    case 'floor.item.debate.motionVote': {
      const voters = eligibleVoters(ctx, env);
      return voters.every((v) => ctx.motionVote?.votes[v]) ? c('chair.closeMotionVote') : null;
    }
    case 'floor.item.voting': {
      const b = ctx.ballots[ctx.ballot];
      const voters = eligibleVoters(ctx, env);
      return b && voters.every((v) => b.votes[v]) ? c('chair.closeBallot') : null;
    }
    case 'floor.item.outcome':
    case 'crisis.decided':
      return c('chair.nextItem');
    case 'crisis.responses': {
      const crisis = env.crisis.get(ctx.crisis!)!;
      const st = ctx.crises[ctx.crisis!]!;
      const voters = eligibleVoters(ctx, env).filter((v) => v !== crisis.requester);
      return voters.every((v) => st.responses[v]) ? c('chair.closeResponses') : null;
    }
    default:
      return null;
  }
};
