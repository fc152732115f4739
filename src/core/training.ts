/**
 * Chair training. The trainee chairs; AI delegates raise points and make motions, some out of
 * order or claiming the wrong threshold, more often at the higher levels. Each chair action is
 * judged against the procedure profile (rules as data, src/core/profiles.ts) on the state before
 * it; a wrong one is explained with the rule it breaks. Pure: judgements are a function of the
 * conference and the event.
 */
import { nextAiEvent } from './ai/autoplay';
import { currentPhase, send, startConference, type Conference } from './conference';
import { motionOfKind, type ConferenceEvent, type MotionKind } from './events';
import type { ProfileId } from './profiles';
import { draw } from './random';
import { eligibleVoters, nameOf } from './rules/common';
import { debateMode } from './rules/procedure';
import type { Scenario, Text } from './scenario';
import type { PendingMotion } from './state';

export const TRAINING_LEVELS = ['calm', 'lively', 'disorderly'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

/** How often delegates raise business, and what share of it is out of order or wrong. */
export const LEVELS: Record<TrainingLevel, { chance: number; wrong: number; name: Text }> = {
  calm: { chance: 0.06, wrong: 0.25, name: { en: 'A calm committee', ru: 'Спокойный комитет' } },
  lively: {
    chance: 0.14,
    wrong: 0.45,
    name: { en: 'A lively committee', ru: 'Оживлённый комитет' },
  },
  disorderly: {
    chance: 0.28,
    wrong: 0.65,
    name: { en: 'A disorderly committee', ru: 'Беспокойный комитет' },
  },
};

export interface Judgement {
  seq: number;
  type: string;
  correct: boolean;
  /** The rule that applies, in words. */
  rule: Text;
  /** What the chair did and, if wrong, what it should have done. */
  explanation: Text;
}

const T = (en: string, ru: string): Text => ({ en, ru });

const MOTION_NAMES: Record<MotionKind, Text> = {
  moderatedCaucus: T('a moderated caucus', 'модерируемые консультации'),
  unmoderatedCaucus: T('an unmoderated caucus', 'неформальные консультации'),
  closeDebate: T('closing debate', 'прекращение прений'),
  setSpeakingTime: T('setting the speaking time', 'регламент выступлений'),
  suspendMeeting: T('suspending the meeting', 'перерыв в заседании'),
  postponeProposal: T('postponing a proposal', 'отложить предложение'),
};
const THRESHOLD: Record<'majority' | 'twoThirds' | 'chair', Text> = {
  majority: T('a simple majority', 'простое большинство'),
  twoThirds: T('a two-thirds majority', 'большинство в две трети'),
  chair: T('the chair’s decision', 'решение председателя'),
};
const MODE: Record<string, Text> = {
  formal: T('formal debate', 'официальные прения'),
  moderated: T('a moderated caucus', 'модерируемые консультации'),
  unmoderated: T('an unmoderated caucus', 'неформальные консультации'),
};

/** The pending motion the chair should take up first: in order, lowest precedence number. */
const firstInOrder = (c: Conference): number => {
  const motions = c.snapshot.context.motions;
  let best = -1;
  motions.forEach((m, i) => {
    if (!m.inOrder) return;
    if (
      best < 0 ||
      c.env.profile.motions[m.motion.kind].precedence <
        c.env.profile.motions[motions[best]!.motion.kind].precedence
    )
      best = i;
  });
  return best;
};

const motionRule = (c: Conference, m: PendingMotion): Text => {
  const rule = c.env.profile.motions[m.motion.kind];
  const modes = rule.inOrder.map((x) => MODE[x]!);
  return {
    en: `${MOTION_NAMES[m.motion.kind].en}: in order during ${modes.map((x) => x.en).join(' or ')}, never during a speech; decided by ${THRESHOLD[rule.threshold].en}; precedence ${rule.precedence}`,
    ru: `Процедурное предложение «${MOTION_NAMES[m.motion.kind].ru}» допускается в режиме ${modes.map((x) => `«${x.ru}»`).join(' или ')}, но не во время выступления; порог: ${THRESHOLD[rule.threshold].ru}; очерёдность — ${rule.precedence}`,
  };
};

/**
 * Judges one chair event on the conference before it. `refusal` is the machine's reason when it
 * refused the event. Returns null for moves that call for no judgement.
 */
export const judgeChairEvent = (
  before: Conference,
  e: ConferenceEvent,
  refusal: Text | null,
): Judgement | null => {
  if (e.seat !== 'chair') return null;
  const ctx = before.snapshot.context;
  const env = before.env;
  const seq = ctx.seq + 1;
  if (refusal)
    return {
      seq,
      type: e.type,
      correct: false,
      rule: T('the rules of procedure', 'правила процедуры'),
      explanation: { en: `Not allowed: ${refusal.en}.`, ru: `Так нельзя: ${refusal.ru}.` },
    };
  const ok = (rule: Text, explanation: Text): Judgement => ({
    seq,
    type: e.type,
    correct: true,
    rule,
    explanation,
  });
  const wrong = (rule: Text, explanation: Text): Judgement => ({
    seq,
    type: e.type,
    correct: false,
    rule,
    explanation,
  });
  switch (e.type) {
    case 'chair.rulePoint': {
      const p = ctx.point!;
      let should: 'wellTaken' | 'notWellTaken' | 'answered' | 'outOfOrder' | 'eitherOrder';
      let rule: Text;
      if (p.point === 'information' || p.point === 'parliamentaryInquiry') {
        should = p.duringSpeech ? 'outOfOrder' : 'answered';
        rule = T(
          'Points of information and parliamentary inquiries never interrupt a speaker; when the floor is open the chair answers them.',
          'Вопросы к оратору и процедурные вопросы не прерывают выступление; когда трибуна свободна, председатель на них отвечает.',
        );
      } else if (p.point === 'personalPrivilege') {
        should = 'wellTaken';
        rule = T(
          'A point of personal privilege (a delegate cannot hear, is unwell) may interrupt and is always heard.',
          'Реплика по личному вопросу (не слышно, плохое самочувствие) может прервать выступление и рассматривается всегда.',
        );
      } else if (p.claim) {
        const actual = env.profile.motions[p.claim.motion].threshold;
        should = p.claim.threshold === actual ? 'wellTaken' : 'notWellTaken';
        rule = {
          en: `Under this procedure ${MOTION_NAMES[p.claim.motion].en} needs ${THRESHOLD[actual].en}.`,
          ru: `По этой процедуре для предложения «${MOTION_NAMES[p.claim.motion].ru}» нужно ${THRESHOLD[actual].ru}.`,
        };
      } else {
        should = 'eitherOrder';
        rule = T(
          'A point of order asks the chair to correct the procedure; the chair rules it well taken or not.',
          'Реплика по порядку ведения просит председателя исправить процедуру; председатель принимает или отклоняет её.',
        );
      }
      const good =
        should === 'eitherOrder'
          ? e.ruling === 'wellTaken' || e.ruling === 'notWellTaken'
          : e.ruling === should;
      const words: Record<string, Text> = {
        wellTaken: T('well taken', 'принята'),
        notWellTaken: T('not well taken', 'отклонена'),
        answered: T('answered', 'дан ответ'),
        outOfOrder: T('out of order', 'не по порядку'),
        eitherOrder: T('well taken or not well taken', 'принята или отклонена'),
      };
      return good
        ? ok(rule, {
            en: `Right: ruled ${words[e.ruling]!.en}.`,
            ru: `Верно: ${words[e.ruling]!.ru}.`,
          })
        : wrong(rule, {
            en: `Ruled ${words[e.ruling]!.en}; it should have been ${words[should]!.en}.`,
            ru: `Решение «${words[e.ruling]!.ru}», а следовало: «${words[should]!.ru}».`,
          });
    }
    case 'chair.putMotion': {
      const m = ctx.motions[e.index]!;
      const rule = motionRule(before, m);
      if (!m.inOrder)
        return wrong(rule, {
          en: `This motion was not in order when it was made (${MODE[debateMode(ctx)]!.en}); rule it out of order instead of putting it.`,
          ru: `Это предложение было внесено не по порядку (${MODE[debateMode(ctx)]!.ru}); его следует отклонить, а не ставить на голосование.`,
        });
      const first = firstInOrder(before);
      if (first !== e.index) {
        const f = ctx.motions[first]!;
        return wrong(rule, {
          en: `Motions are taken by precedence: ${MOTION_NAMES[f.motion.kind].en} comes before ${MOTION_NAMES[m.motion.kind].en}.`,
          ru: `Процедурные предложения рассматриваются по очерёдности: сначала «${MOTION_NAMES[f.motion.kind].ru}», затем «${MOTION_NAMES[m.motion.kind].ru}».`,
        });
      }
      return ok(rule, {
        en: `Right: ${MOTION_NAMES[m.motion.kind].en} is in order and goes to ${THRESHOLD[env.profile.motions[m.motion.kind].threshold].en}.`,
        ru: `Верно: предложение «${MOTION_NAMES[m.motion.kind].ru}» внесено по порядку; порог: ${THRESHOLD[env.profile.motions[m.motion.kind].threshold].ru}.`,
      });
    }
    case 'chair.ruleMotionOutOfOrder': {
      const m = ctx.motions[e.index]!;
      const rule = motionRule(before, m);
      return m.inOrder
        ? wrong(rule, {
            en: `This motion was in order: put it to the vote rather than ruling it out.`,
            ru: 'Это предложение было внесено по порядку: его нужно поставить на голосование, а не отклонять.',
          })
        : ok(rule, {
            en: 'Right: the motion was out of order.',
            ru: 'Верно: предложение было внесено не по порядку.',
          });
    }
    case 'chair.recognize': {
      const rule = T(
        'In formal debate, speakers are recognised in the order of the speakers list.',
        'В официальных прениях слово дают в порядке списка ораторов.',
      );
      if (ctx.caucus)
        return ok(
          T(
            'In a moderated caucus the chair recognises delegates at discretion.',
            'На модерируемых консультациях председатель даёт слово по своему усмотрению.',
          ),
          T('Right.', 'Верно.'),
        );
      return ctx.speakers[0] === e.delegation
        ? ok(
            rule,
            T(
              'Right: the first delegation on the list has the floor.',
              'Верно: слово получила первая делегация в списке.',
            ),
          )
        : wrong(rule, {
            en: `${nameOf(env, ctx.speakers[0]!).en} was first on the list, not ${nameOf(env, e.delegation).en}.`,
            ru: `Первой в списке была делегация «${nameOf(env, ctx.speakers[0]!).ru}», а не «${nameOf(env, e.delegation).ru}».`,
          });
    }
    case 'chair.closeBallot':
    case 'chair.closeMotionVote': {
      const votes =
        e.type === 'chair.closeBallot' ? ctx.ballots[ctx.ballot]?.votes : ctx.motionVote?.votes;
      const missing = eligibleVoters(ctx, env).filter((d) => !votes?.[d]);
      const rule = T(
        'A vote is closed when every member present has voted.',
        'Голосование завершают, когда проголосовали все присутствующие члены.',
      );
      return missing.length
        ? wrong(rule, {
            en: `Closed too early: ${missing.map((d) => nameOf(env, d).en).join(', ')} had not voted.`,
            ru:
              missing.length === 1
                ? `Закрыто слишком рано: не проголосовала делегация «${nameOf(env, missing[0]!).ru}».`
                : `Закрыто слишком рано: не проголосовали делегации ${missing.map((d) => `«${nameOf(env, d).ru}»`).join(', ')}.`,
          })
        : ok(rule, T('Right: every member had voted.', 'Верно: проголосовали все.'));
    }
    case 'chair.openVoting': {
      return ok(
        T(
          'Voting opens when the speakers list is exhausted or debate is closed.',
          'Голосование открывают, когда список ораторов исчерпан или прения прекращены.',
        ),
        T('Right.', 'Верно.'),
      );
    }
    default:
      return null;
  }
};

export interface TrainingOptions {
  seed: number;
  profile: ProfileId;
  level: TrainingLevel;
}

export const startTraining = (scenario: Scenario, o: TrainingOptions): Conference =>
  startConference(scenario, {
    seed: o.seed,
    profile: o.profile,
    humans: ['chair'],
    training: true,
  });

/**
 * The unruly delegate: now and then raises a point or makes a motion, in order or not, or claims
 * a threshold (rightly or wrongly). Deterministic from the seed and the event counter.
 */
export const unrulyEvent = (c: Conference, level: TrainingLevel): ConferenceEvent | null => {
  const ctx = c.snapshot.context;
  const phase = currentPhase(c);
  if (!phase.startsWith('floor.item.debate') || ctx.point || ctx.motions.length >= 3 || ctx.paused)
    return null;
  const L = LEVELS[level];
  const r = (salt: string) => draw(ctx.seed, ctx.seq, `unruly/${salt}`);
  if (r('chance') >= L.chance) return null;
  const members = c.env.members.filter(
    (m) => ctx.delegations[m]!.presence !== 'absent' && !ctx.delegations[m]!.frozen,
  );
  const seat = members[Math.floor(r('who') * members.length)];
  if (!seat || ctx.speaker?.delegation === seat) return null;
  const wrong = r('wrong') < L.wrong;
  const pick = r('what');
  const mode = debateMode(ctx);
  if (pick < 0.3) {
    // A point of information: out of order during a speech.
    if (wrong && !ctx.speaker) return null;
    return {
      type: 'delegate.raisePoint',
      seat,
      point: pick < 0.15 ? 'information' : 'parliamentaryInquiry',
    };
  }
  if (pick < 0.5) {
    const motion: MotionKind = r('m') < 0.5 ? 'closeDebate' : 'unmoderatedCaucus';
    const actual = c.env.profile.motions[motion].threshold;
    const claimed = wrong
      ? actual === 'majority'
        ? 'twoThirds'
        : 'majority'
      : actual === 'chair'
        ? 'majority'
        : actual;
    return {
      type: 'delegate.raisePoint',
      seat,
      point: 'order',
      claim: { motion, threshold: claimed },
    };
  }
  if (pick < 0.6) return { type: 'delegate.raisePoint', seat, point: 'personalPrivilege' };
  // A motion: in order in this mode, or deliberately not.
  const kinds = (
    ['unmoderatedCaucus', 'moderatedCaucus', 'closeDebate', 'setSpeakingTime'] as const
  ).filter((k) => c.env.profile.motions[k].inOrder.includes(mode) !== wrong);
  const kind = kinds[Math.floor(r('kind') * kinds.length)];
  if (!kind || ctx.motions.some((m) => m.by === seat && m.motion.kind === kind)) return null;
  const motion = motionOfKind(kind, { minutes: 3, speakingSeconds: 45, seconds: 60, proposal: '' });
  return { type: 'delegate.move', seat, motion };
};

/** The next AI event in a training game: sometimes unruly business, otherwise the usual AI. */
export const nextTrainingEvent = (c: Conference, level: TrainingLevel): ConferenceEvent | null =>
  unrulyEvent(c, level) ??
  nextAiEvent(c, { difficulty: 'normal', humans: ['chair'], externalClock: true });

export interface TrainingReport {
  judgements: Judgement[];
  correct: number;
  total: number;
  /** 0–100. */
  score: number;
}

/** Judges a trainee's chair events by replaying a training game's log. */
export const trainingReport = (
  scenario: Scenario,
  o: TrainingOptions,
  events: readonly unknown[],
  refused: readonly { before: number; event: ConferenceEvent; reason: Text }[] = [],
): TrainingReport => {
  let c = startTraining(scenario, o);
  const judgements: Judgement[] = [];
  let r = 0;
  for (let i = 0; i <= events.length; i++) {
    while (r < refused.length && refused[r]!.before === i) {
      const j = judgeChairEvent(c, refused[r]!.event, refused[r]!.reason);
      if (j) judgements.push(j);
      r++;
    }
    if (i === events.length) break;
    const e = events[i] as ConferenceEvent;
    const j = judgeChairEvent(c, e, null);
    const res = send(c, e);
    if (!res.ok) break;
    if (j) judgements.push(j);
    c = res.conference;
  }
  const correct = judgements.filter((j) => j.correct).length;
  return {
    judgements,
    correct,
    total: judgements.length,
    score: judgements.length ? Math.round((100 * correct) / judgements.length) : 100,
  };
};
