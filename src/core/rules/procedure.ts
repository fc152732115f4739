/**
 * Roll call, agenda, speakers list, speeches and yields, points, motions, caucuses and the clock.
 * Each rule is a pair: `check` says why an event is out of order (or null), `apply` changes the
 * Immer draft of the context.
 */
import type { EventOf } from '../events';
import { decideMotion } from '../profiles';
import { applyOpenVoting } from './voting';
import type { ConferenceContext } from '../state';
import {
  type Env,
  type Refusal,
  append,
  currentItemProposals,
  eligibleVoters,
  isMember,
  presentMembers,
  refuse,
} from './common';

type Ctx = ConferenceContext;

// ── roll call ──────────────────────────────────────────────────────────────────────────────

export const checkAnswerRollCall = (
  ctx: Ctx,
  e: EventOf<'delegate.answerRollCall'>,
  env: Env,
): Refusal => {
  const d = ctx.delegations[e.seat];
  if (!d) return null;
  if (d.presence !== 'absent')
    return refuse(
      'this delegation has already answered the roll call',
      'эта делегация уже ответила на перекличке',
    );
  if (e.status === 'presentAndVoting' && !isMember(env, e.seat))
    return refuse(
      'observers are present but never vote',
      'наблюдатели присутствуют, но не голосуют',
    );
  return null;
};
export const applyAnswerRollCall = (ctx: Ctx, e: EventOf<'delegate.answerRollCall'>): void => {
  ctx.delegations[e.seat]!.presence = e.status;
};

export const checkCloseRollCall = (ctx: Ctx, env: Env): Refusal => {
  const present = presentMembers(ctx, env).length;
  const needed = Math.ceil(env.profile.quorum * env.members.length - 1e-9);
  if (present < needed)
    return refuse(
      `no quorum: ${present} of ${env.members.length} members present, ${needed} needed`,
      `нет кворума: присутствуют ${present} из ${env.members.length} членов, нужно ${needed}`,
    );
  return null;
};
export const applyCloseRollCall = (ctx: Ctx, env: Env): void => {
  append(ctx, 'rulings', {
    seq: ctx.seq,
    text: {
      en: `Roll call closed: ${presentMembers(ctx, env).length} of ${env.members.length} members present.`,
      ru: `Перекличка завершена: присутствуют ${presentMembers(ctx, env).length} из ${env.members.length} членов.`,
    },
  });
};

// ── agenda ─────────────────────────────────────────────────────────────────────────────────

export const checkAdoptAgenda = (_ctx: Ctx, e: EventOf<'chair.adoptAgenda'>, env: Env): Refusal => {
  if (!e.order) return null;
  const ids = env.scenario.agenda.map((a) => a.id);
  const unknown = e.order.find((x) => !ids.includes(x));
  if (unknown)
    return refuse(
      `"${unknown}" is not an agenda item of this scenario`,
      `«${unknown}» — не пункт повестки этого сценария`,
    );
  if (new Set(e.order).size !== e.order.length || e.order.length !== ids.length)
    return refuse(
      'the agenda must list every item exactly once',
      'в повестке каждый пункт должен стоять ровно один раз',
    );
  return null;
};
export const applyAdoptAgenda = (ctx: Ctx, e: EventOf<'chair.adoptAgenda'>): void => {
  if (e.order) ctx.agenda = [...e.order];
  ctx.item = 0;
};

/** Entry into an agenda item: a fresh speakers list and no pending business. */
export const startItem = (ctx: Ctx, env: Env): void => {
  ctx.speakers = [];
  ctx.speaker = null;
  ctx.point = null;
  ctx.motions = [];
  ctx.motionVote = null;
  ctx.caucus = null;
  ctx.ballots = [];
  ctx.ballot = 0;
  ctx.speakingTime = env.profile.speakingTime;
};

// ── speakers list and speeches ─────────────────────────────────────────────────────────────

const mayTakeFloor = (ctx: Ctx, seat: string): Refusal => {
  const d = ctx.delegations[seat];
  if (!d || d.presence === 'absent')
    return refuse(
      'delegations absent at the roll call may not take the floor',
      'делегации, отсутствовавшие на перекличке, не могут брать слово',
    );
  return null;
};

export const checkJoinSpeakers = (ctx: Ctx, e: EventOf<'delegate.joinSpeakers'>): Refusal => {
  if (ctx.caucus?.kind === 'unmoderated')
    return refuse(
      'there is no speakers list during an unmoderated caucus',
      'во время неформальных консультаций нет списка ораторов',
    );
  if (ctx.speakers.includes(e.seat))
    return refuse('you are already on the speakers list', 'вы уже в списке ораторов');
  if (ctx.speaker?.delegation === e.seat)
    return refuse('you have the floor now', 'вы сейчас выступаете');
  return mayTakeFloor(ctx, e.seat);
};
export const applyJoinSpeakers = (ctx: Ctx, e: EventOf<'delegate.joinSpeakers'>): void => {
  append(ctx, 'speakers', e.seat);
};

export const checkLeaveSpeakers = (ctx: Ctx, e: EventOf<'delegate.leaveSpeakers'>): Refusal =>
  ctx.speakers.includes(e.seat)
    ? null
    : refuse('you are not on the speakers list', 'вас нет в списке ораторов');
export const applyLeaveSpeakers = (ctx: Ctx, e: EventOf<'delegate.leaveSpeakers'>): void => {
  ctx.speakers = ctx.speakers.filter((s) => s !== e.seat);
};

export const checkRecognize = (ctx: Ctx, e: EventOf<'chair.recognize'>, env: Env): Refusal => {
  if (ctx.caucus?.kind === 'unmoderated')
    return refuse(
      'no one is recognised during an unmoderated caucus',
      'во время неформальных консультаций слово не предоставляется',
    );
  if (ctx.speaker)
    return refuse(
      'a delegate has the floor: end the speech first',
      'слово уже предоставлено: сначала завершите выступление',
    );
  if (ctx.point)
    return refuse(
      'rule on the pending point first',
      'сначала вынесите решение по заявленной процедурной реплике',
    );
  if (!env.delegation.has(e.delegation))
    return refuse(`no delegation "${e.delegation}"`, `нет делегации «${e.delegation}»`);
  if (!ctx.caucus && !ctx.speakers.includes(e.delegation))
    return refuse(
      'in formal debate only delegations on the speakers list may be recognised',
      'в официальных прениях слово дают только тем, кто в списке ораторов',
    );
  return mayTakeFloor(ctx, e.delegation);
};
export const applyRecognize = (ctx: Ctx, e: EventOf<'chair.recognize'>): void => {
  ctx.speakers = ctx.speakers.filter((s) => s !== e.delegation);
  ctx.speaker = {
    delegation: e.delegation,
    remaining: ctx.caucus?.kind === 'moderated' ? ctx.caucus.speakingSeconds : ctx.speakingTime,
    spoke: false,
  };
};

export const checkEndSpeech = (ctx: Ctx): Refusal =>
  ctx.speaker ? null : refuse('no one has the floor', 'сейчас никто не выступает');
export const applyEndSpeech = (ctx: Ctx): void => {
  ctx.speaker = null;
};

export const checkSpeak = (ctx: Ctx, e: EventOf<'delegate.speak'>, env: Env): Refusal => {
  if (ctx.speaker?.delegation !== e.seat)
    return refuse(
      'you do not have the floor: join the speakers list and wait to be recognised',
      'у вас нет слова: запишитесь в список ораторов и дождитесь, пока председатель даст вам слово',
    );
  if (ctx.speaker.spoke)
    return refuse(
      'you have already made your statement: yield the floor',
      'вы уже выступили: уступите слово',
    );
  if (e.proposal && !currentItemProposals(ctx, env).includes(e.proposal))
    return refuse(
      `"${e.proposal}" is not under debate in this agenda item`,
      `«${e.proposal}» не обсуждается в этом пункте повестки`,
    );
  return null;
};
export const applySpeak = (ctx: Ctx, e: EventOf<'delegate.speak'>): void => {
  ctx.speaker!.spoke = true;
  append(ctx, 'statements', {
    seq: ctx.seq,
    by: e.seat,
    item: ctx.item,
    stance: e.stance,
    ...(e.proposal ? { proposal: e.proposal } : {}),
    ...(e.text ? { text: e.text } : {}),
  });
};

export const checkYield = (ctx: Ctx, e: EventOf<'delegate.yield'>, env: Env): Refusal => {
  if (ctx.speaker?.delegation !== e.seat)
    return refuse('you do not have the floor', 'у вас нет слова');
  if (e.to !== 'chair' && e.to !== 'questions') {
    if (e.to === e.seat)
      return refuse('you cannot yield to yourself', 'нельзя уступить слово самому себе');
    if (!env.delegation.has(e.to))
      return refuse(`no delegation "${e.to}"`, `нет делегации «${e.to}»`);
    return mayTakeFloor(ctx, e.to);
  }
  return null;
};
export const applyYield = (ctx: Ctx, e: EventOf<'delegate.yield'>): void => {
  const remaining = ctx.speaker!.remaining;
  if (e.to === 'chair' || e.to === 'questions' || remaining <= 0) ctx.speaker = null;
  else ctx.speaker = { delegation: e.to, remaining, spoke: false };
};

// ── clock ──────────────────────────────────────────────────────────────────────────────────

export const applyTick = (ctx: Ctx, e: EventOf<'clock.tick'>): void => {
  ctx.clock += e.seconds;
  // While paused, or while the council deals with a crisis, the floor's timers stand still.
  if (ctx.paused || ctx.crisis) return;
  if (ctx.speaker) {
    ctx.speaker.remaining -= e.seconds;
    if (ctx.speaker.remaining <= 0) ctx.speaker = null;
  }
  if (ctx.caucus) {
    ctx.caucus.remaining -= e.seconds;
    if (ctx.caucus.remaining <= 0) {
      ctx.caucus = null;
      ctx.speaker = null;
    }
  }
};
export const caucusEnds = (ctx: Ctx, e: EventOf<'clock.tick'>): boolean =>
  !ctx.paused && !ctx.crisis && ctx.caucus !== null && ctx.caucus.remaining <= e.seconds;

// ── points ─────────────────────────────────────────────────────────────────────────────────

export const checkRaisePoint = (ctx: Ctx, e: EventOf<'delegate.raisePoint'>, env: Env): Refusal => {
  if (ctx.point)
    return refuse(
      'another point is pending: wait for the chair to rule on it',
      'уже заявлена другая реплика: дождитесь решения председателя',
    );
  if (ctx.speaker && !env.profile.points[e.point].interrupts && !ctx.training)
    return refuse(
      'this point may not interrupt a speaker: raise it when the floor is open',
      'эта реплика не может прерывать оратора: заявите её, когда трибуна свободна',
    );
  return mayTakeFloor(ctx, e.seat);
};
export const applyRaisePoint = (ctx: Ctx, e: EventOf<'delegate.raisePoint'>): void => {
  ctx.point = {
    by: e.seat,
    point: e.point,
    ...(e.text ? { text: e.text } : {}),
    ...(e.claim ? { claim: e.claim } : {}),
    duringSpeech: ctx.speaker !== null,
  };
};

export const checkRulePoint = (ctx: Ctx): Refusal =>
  ctx.point
    ? null
    : refuse('there is no point to rule on', 'нет реплики, по которой нужно решение');
export const applyRulePoint = (ctx: Ctx, e: EventOf<'chair.rulePoint'>): void => {
  const p = ctx.point!;
  const rulings = {
    wellTaken: { en: 'well taken', ru: 'принята' },
    notWellTaken: { en: 'not well taken', ru: 'отклонена' },
    answered: { en: 'answered', ru: 'дан ответ' },
    outOfOrder: { en: 'out of order', ru: 'не по порядку' },
  } as const;
  append(ctx, 'rulings', {
    seq: ctx.seq,
    text: {
      en: `Point (${p.point}) by ${p.by}: ${rulings[e.ruling].en}.`,
      ru: `Реплика (${p.point}) делегации ${p.by}: ${rulings[e.ruling].ru}.`,
    },
  });
  ctx.point = null;
};

// ── motions ────────────────────────────────────────────────────────────────────────────────

export const debateMode = (ctx: Ctx): 'formal' | 'moderated' | 'unmoderated' =>
  ctx.caucus ? ctx.caucus.kind : 'formal';

/** A debate mode, as a refusal names it ("… is not in order during a moderated caucus"). */
const DURING: Record<ReturnType<typeof debateMode>, { en: string; ru: string }> = {
  formal: { en: 'during formal debate', ru: 'во время официальных прений' },
  moderated: { en: 'during a moderated caucus', ru: 'во время модерируемых консультаций' },
  unmoderated: { en: 'during an unmoderated caucus', ru: 'во время неформальных консультаций' },
};

export const checkMove = (ctx: Ctx, e: EventOf<'delegate.move'>, env: Env): Refusal => {
  const rule = env.profile.motions[e.motion.kind];
  // In chair training, motions out of order reach the chair, who must rule on them.
  if (!rule.inOrder.includes(debateMode(ctx)) && !ctx.training)
    return refuse(
      `a motion of this kind is not in order ${DURING[debateMode(ctx)].en}`,
      `такое процедурное предложение не допускается ${DURING[debateMode(ctx)].ru}`,
    );
  if (ctx.speaker && !ctx.training)
    return refuse(
      'motions are made when the floor is open, not during a speech',
      'процедурные предложения вносятся, когда трибуна свободна, а не во время выступления',
    );
  if (ctx.motionVote)
    return refuse('a motion is being voted on', 'идёт голосование по процедурному предложению');
  if (ctx.motions.length >= 5)
    return refuse(
      'five motions are pending: the chair must deal with them first',
      'на рассмотрении уже пять предложений: председатель должен сначала их рассмотреть',
    );
  if (
    e.motion.kind === 'postponeProposal' &&
    !currentItemProposals(ctx, env).includes(e.motion.proposal)
  )
    return refuse(
      `"${e.motion.proposal}" is not under debate`,
      `«${e.motion.proposal}» не обсуждается`,
    );
  if (ctx.motions.some((m) => m.by === e.seat && m.motion.kind === e.motion.kind))
    return refuse(
      'you already have a motion of this kind pending',
      'у вас уже есть такое предложение на рассмотрении',
    );
  return mayTakeFloor(ctx, e.seat);
};
export const applyMove = (ctx: Ctx, e: EventOf<'delegate.move'>, env: Env): void => {
  const inOrder =
    env.profile.motions[e.motion.kind].inOrder.includes(debateMode(ctx)) && ctx.speaker === null;
  append(ctx, 'motions', { by: e.seat, motion: e.motion, inOrder });
};

const checkMotionIndex = (ctx: Ctx, index: number): Refusal =>
  index < ctx.motions.length
    ? null
    : refuse(
        `there is no pending motion number ${index + 1}`,
        `нет предложения под номером ${index + 1}`,
      );

export const checkPutMotion = (ctx: Ctx, e: EventOf<'chair.putMotion'>): Refusal => {
  if (ctx.speaker) return refuse('a delegate has the floor', 'слово предоставлено делегату');
  if (ctx.point)
    return refuse(
      'rule on the pending point first',
      'сначала вынесите решение по заявленной реплике',
    );
  return checkMotionIndex(ctx, e.index);
};
export const motionNeedsVote = (ctx: Ctx, e: EventOf<'chair.putMotion'>, env: Env): boolean => {
  const m = ctx.motions[e.index];
  return m !== undefined && env.profile.motions[m.motion.kind].threshold !== 'chair';
};
export const applyPutMotion = (ctx: Ctx, e: EventOf<'chair.putMotion'>, env: Env): void => {
  const m = ctx.motions[e.index]!;
  ctx.motions.splice(e.index, 1);
  if (env.profile.motions[m.motion.kind].threshold === 'chair') enactMotion(ctx, m.motion, env);
  else ctx.motionVote = { motion: m, votes: {} };
};

export const checkRuleMotionOutOfOrder = (
  ctx: Ctx,
  e: EventOf<'chair.ruleMotionOutOfOrder'>,
): Refusal => checkMotionIndex(ctx, e.index);
export const applyRuleMotionOutOfOrder = (
  ctx: Ctx,
  e: EventOf<'chair.ruleMotionOutOfOrder'>,
): void => {
  const [m] = ctx.motions.splice(e.index, 1);
  append(ctx, 'rulings', {
    seq: ctx.seq,
    text: {
      en: `Motion (${m!.motion.kind}) by ${m!.by} ruled out of order.`,
      ru: `Предложение (${m!.motion.kind}) делегации ${m!.by} признано не соответствующим порядку.`,
    },
  });
};

export const checkVoteMotion = (ctx: Ctx, e: EventOf<'delegate.voteMotion'>, env: Env): Refusal => {
  if (!eligibleVoters(ctx, env).includes(e.seat))
    return refuse(
      'only members present and not frozen vote',
      'голосуют только присутствующие члены, не приостановившие участие',
    );
  if (ctx.motionVote?.votes[e.seat])
    return refuse(
      'you have already voted on this motion',
      'вы уже проголосовали по этому предложению',
    );
  return null;
};
export const applyVoteMotion = (ctx: Ctx, e: EventOf<'delegate.voteMotion'>): void => {
  ctx.motionVote!.votes[e.seat] = e.choice;
};

export const motionPasses = (ctx: Ctx, env: Env): boolean => {
  const mv = ctx.motionVote;
  if (!mv) return false;
  const threshold = env.profile.motions[mv.motion.motion.kind].threshold;
  return threshold === 'chair' || decideMotion(threshold, mv.votes, eligibleVoters(ctx, env));
};
export const passingMotionKind = (ctx: Ctx, env: Env): string | null =>
  motionPasses(ctx, env) ? ctx.motionVote!.motion.motion.kind : null;

export const applyCloseMotionVote = (ctx: Ctx, env: Env): void => {
  const mv = ctx.motionVote!;
  const passed = motionPasses(ctx, env);
  append(ctx, 'rulings', {
    seq: ctx.seq,
    text: {
      en: `Motion (${mv.motion.motion.kind}) by ${mv.motion.by} ${passed ? 'carried' : 'failed'}.`,
      ru: `Предложение (${mv.motion.motion.kind}) делегации ${mv.motion.by} ${passed ? 'принято' : 'отклонено'}.`,
    },
  });
  ctx.motionVote = null;
  if (passed) enactMotion(ctx, mv.motion.motion, env);
};

const enactMotion = (ctx: Ctx, m: PendingMotionLike, env: Env): void => {
  switch (m.kind) {
    case 'moderatedCaucus':
      ctx.caucus = {
        kind: 'moderated',
        remaining: m.minutes * 60,
        speakingSeconds: m.speakingSeconds,
      };
      return;
    case 'unmoderatedCaucus':
      ctx.caucus = { kind: 'unmoderated', remaining: m.minutes * 60, speakingSeconds: 0 };
      ctx.speakers = [];
      return;
    case 'setSpeakingTime':
      ctx.speakingTime = m.seconds;
      return;
    case 'suspendMeeting':
      ctx.paused = true;
      return;
    case 'postponeProposal':
      if (!ctx.postponed.includes(m.proposal)) ctx.postponed.push(m.proposal);
      ctx.outcomes[m.proposal] = {
        adopted: false,
        postponed: true,
        reason: 'postponed',
        amendments: [],
        blockers: [],
      };
      return;
    case 'closeDebate':
      ctx.caucus = null;
      applyOpenVoting(ctx, env);
      return;
  }
};
type PendingMotionLike = ConferenceContext['motions'][number]['motion'];
