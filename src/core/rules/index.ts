/**
 * The rule registry: for each event type, the check that says why it is out of order (if it is)
 * and the change it makes. The machine's `isInOrder` guard and `apply` action dispatch through it.
 */
import type { ConferenceEvent, EventOf, EventType } from '../events';
import type { ConferenceContext } from '../state';
import { type Env, type Refusal, append, recordMetrics, refuse } from './common';
import * as crisis from './crisis';
import * as negotiation from './negotiation';
import * as procedure from './procedure';
import * as voting from './voting';

type Ctx = ConferenceContext;
interface Rule<K extends EventType> {
  check?: (ctx: Ctx, e: EventOf<K>, env: Env) => Refusal;
  apply?: (ctx: Ctx, e: EventOf<K>, env: Env) => void;
}

const nextItem = (ctx: Ctx, env: Env): void => {
  if (ctx.crisis) {
    crisis.leaveCrisis(ctx);
    return;
  }
  const due = crisis.dueCrisis(ctx, env);
  if (due) {
    crisis.openCrisis(ctx, due.id);
    return;
  }
  if (ctx.item + 1 < ctx.agenda.length) {
    ctx.item++;
    procedure.startItem(ctx, env);
    return;
  }
  endConference(ctx);
};
const endConference = (ctx: Ctx): void => {
  ctx.ended = true;
  ctx.speaker = null;
  ctx.caucus = null;
  for (const o of ctx.offers) if (o.status === 'open') o.status = 'lapsed';
  recordMetrics(ctx, 'end');
};

export const RULES: { [K in EventType]: Rule<K> } = {
  'chair.openRollCall': {},
  'chair.closeRollCall': {
    check: (c, _e, env) => procedure.checkCloseRollCall(c, env),
    apply: (c, _e, env) => procedure.applyCloseRollCall(c, env),
  },
  'chair.adoptAgenda': {
    check: procedure.checkAdoptAgenda,
    apply: (c, e, env) => {
      procedure.applyAdoptAgenda(c, e);
      procedure.startItem(c, env);
    },
  },
  'chair.recognize': { check: procedure.checkRecognize, apply: procedure.applyRecognize },
  'chair.endSpeech': { check: procedure.checkEndSpeech, apply: procedure.applyEndSpeech },
  'chair.rulePoint': { check: procedure.checkRulePoint, apply: procedure.applyRulePoint },
  'chair.putMotion': { check: procedure.checkPutMotion, apply: procedure.applyPutMotion },
  'chair.ruleMotionOutOfOrder': {
    check: procedure.checkRuleMotionOutOfOrder,
    apply: procedure.applyRuleMotionOutOfOrder,
  },
  'chair.closeMotionVote': {
    check: (c) =>
      c.motionVote
        ? null
        : refuse('no motion is being voted on', 'голосование по процедурному предложению не идёт'),
    apply: (c, _e, env) => procedure.applyCloseMotionVote(c, env),
  },
  'chair.openVoting': {
    check: (c) => voting.checkOpenVoting(c),
    apply: (c, _e, env) => voting.applyOpenVoting(c, env),
  },
  'chair.closeBallot': {
    check: (c) => voting.checkCloseBallot(c),
    apply: (c, _e, env) => voting.applyCloseBallot(c, env),
  },
  'chair.nextItem': { apply: (c, _e, env) => nextItem(c, env) },
  'chair.injectCrisis': {
    check: crisis.checkInjectCrisis,
    apply: (c, e) => crisis.openCrisis(c, e.crisis),
  },
  'chair.closeResponses': {
    check: (c) => crisis.checkCloseResponses(c),
    apply: (c, _e, env) => crisis.applyCloseResponses(c, env),
  },
  'chair.announce': {
    apply: (c, e) => void append(c, 'announcements', { seq: c.seq, text: e.text }),
  },
  'chair.pause': {
    check: (c) =>
      c.paused
        ? refuse('the conference is already paused', 'конференция уже приостановлена')
        : null,
    apply: (c) => void (c.paused = true),
  },
  'chair.resume': {
    check: (c) =>
      c.paused ? null : refuse('the conference is not paused', 'конференция не приостановлена'),
    apply: (c) => void (c.paused = false),
  },
  'chair.endConference': { apply: (c) => endConference(c) },
  'delegate.answerRollCall': {
    check: procedure.checkAnswerRollCall,
    apply: procedure.applyAnswerRollCall,
  },
  'delegate.joinSpeakers': {
    check: procedure.checkJoinSpeakers,
    apply: procedure.applyJoinSpeakers,
  },
  'delegate.leaveSpeakers': {
    check: procedure.checkLeaveSpeakers,
    apply: procedure.applyLeaveSpeakers,
  },
  'delegate.speak': { check: procedure.checkSpeak, apply: procedure.applySpeak },
  'delegate.yield': { check: procedure.checkYield, apply: procedure.applyYield },
  'delegate.raisePoint': { check: procedure.checkRaisePoint, apply: procedure.applyRaisePoint },
  'delegate.move': { check: procedure.checkMove, apply: procedure.applyMove },
  'delegate.voteMotion': { check: procedure.checkVoteMotion, apply: procedure.applyVoteMotion },
  'delegate.proposeAmendment': {
    check: voting.checkProposeAmendment,
    apply: voting.applyProposeAmendment,
  },
  'delegate.acceptAmendment': {
    check: voting.checkAcceptAmendment,
    apply: voting.applyAcceptAmendment,
  },
  'delegate.withdrawAmendment': {
    check: voting.checkWithdrawAmendment,
    apply: voting.applyWithdrawAmendment,
  },
  'delegate.makeOffer': { check: negotiation.checkMakeOffer, apply: negotiation.applyMakeOffer },
  'delegate.acceptOffer': {
    check: negotiation.checkAcceptOffer,
    apply: negotiation.applyAcceptOffer,
  },
  'delegate.rejectOffer': {
    check: negotiation.checkRejectOffer,
    apply: negotiation.applyRejectOffer,
  },
  'delegate.withdrawOffer': {
    check: negotiation.checkWithdrawOffer,
    apply: negotiation.applyWithdrawOffer,
  },
  'delegate.vote': { check: voting.checkVote, apply: voting.applyVote },
  'delegate.respond': { check: crisis.checkRespond, apply: crisis.applyRespond },
  'delegate.message': {
    check: (c, e, env) =>
      e.to !== 'team' && (e.to === e.seat || !env.delegation.has(e.to))
        ? refuse(
            `no delegation "${e.to}" to write to`,
            `нет делегации «${e.to}», которой можно написать`,
          )
        : null,
    apply: (c, e) =>
      void append(c, 'messages', { seq: c.seq, from: e.seat, to: e.to, text: e.text }),
  },
  'clock.tick': { apply: procedure.applyTick },
  'system.seatControl': {
    check: (c, e) =>
      c.delegations[e.delegation]
        ? null
        : refuse(`no delegation "${e.delegation}"`, `нет делегации «${e.delegation}»`),
    apply: (c, e) => void (c.delegations[e.delegation]!.controller = e.controller),
  },
};

const WHILE_PAUSED = new Set<EventType>([
  'delegate.message',
  'chair.resume',
  'chair.endConference',
  'chair.announce',
  'clock.tick',
  'system.seatControl',
]);

/** Why an event is out of order given the context (null: in order). Phase is the machine's job. */
export const refusal = (ctx: Ctx, e: ConferenceEvent, env: Env): Refusal => {
  if (ctx.ended) return refuse('the conference has ended', 'конференция завершена');
  if (e.type.startsWith('delegate.') && !env.delegation.has(e.seat))
    return refuse(
      `there is no delegation "${e.seat}" in this scenario`,
      `в этом сценарии нет делегации «${e.seat}»`,
    );
  if (ctx.paused && !WHILE_PAUSED.has(e.type))
    return refuse('the conference is paused', 'конференция приостановлена');
  const rule = RULES[e.type] as Rule<EventType>;
  return rule.check ? rule.check(ctx, e as never, env) : null;
};

/** The record of an AI decision carried by an event (appended to `decisions` after the producer). */
export const decisionOf = (ctx: Ctx, e: ConferenceEvent): Ctx['decisions'][number] | null =>
  e.why
    ? { seq: ctx.seq, seat: e.seat, type: e.type, summary: e.why.summary, factors: e.why.factors }
    : null;

/** Applies an accepted event to the draft context. */
export const applyRule = (ctx: Ctx, e: ConferenceEvent, env: Env): void => {
  ctx.seq++;
  const rule = RULES[e.type] as Rule<EventType>;
  rule.apply?.(ctx, e as never, env);
};
