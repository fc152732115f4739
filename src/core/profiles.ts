/**
 * Procedure profiles: the rules of procedure as data. A conference can adapt these to its own
 * rules; the machine and the AI chair read them, never hard-coded thresholds.
 */
import type { Choice, MotionKind, PointKind } from './events';
import type { Text } from './scenario';

export type DecisionRule = 'consensus' | 'unanimity' | 'majority' | 'twoThirds';
export type Threshold = 'majority' | 'twoThirds' | 'chair';

export interface MotionRule {
  /** How the motion is decided: a procedural vote by simple or two-thirds majority, or the chair. */
  threshold: Threshold;
  /** Debate states in which the motion is in order. */
  inOrder: ReadonlyArray<'formal' | 'moderated' | 'unmoderated'>;
  /** Motions are considered from the most disruptive down; lower is considered first. */
  precedence: number;
}

export interface PointRule {
  /** May interrupt a speaker. */
  interrupts: boolean;
}

export interface ProcedureProfile {
  id: ProfileId;
  name: Text;
  description: Text;
  decision: DecisionRule;
  /** Members may stand aside without blocking (CSTO practice since December 2010). */
  standAside: boolean;
  /** Share of members that must be present to take decisions. */
  quorum: number;
  /** Default speaking time in seconds. */
  speakingTime: number;
  motions: Readonly<Record<MotionKind, MotionRule>>;
  points: Readonly<Record<PointKind, PointRule>>;
}

const motions: Record<MotionKind, MotionRule> = {
  suspendMeeting: { threshold: 'majority', inOrder: ['formal', 'moderated'], precedence: 1 },
  postponeProposal: { threshold: 'twoThirds', inOrder: ['formal'], precedence: 2 },
  closeDebate: { threshold: 'twoThirds', inOrder: ['formal', 'moderated'], precedence: 3 },
  unmoderatedCaucus: { threshold: 'majority', inOrder: ['formal', 'moderated'], precedence: 4 },
  moderatedCaucus: { threshold: 'majority', inOrder: ['formal'], precedence: 5 },
  setSpeakingTime: { threshold: 'majority', inOrder: ['formal'], precedence: 6 },
};
const points: Record<PointKind, PointRule> = {
  personalPrivilege: { interrupts: true },
  order: { interrupts: true },
  parliamentaryInquiry: { interrupts: false },
  information: { interrupts: false },
};

export const PROFILE_IDS = ['consensus', 'unanimity', 'majority', 'twoThirds'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export const PROFILES: Readonly<Record<ProfileId, ProcedureProfile>> = {
  consensus: {
    id: 'consensus',
    name: {
      en: 'CSTO consensus (standing aside allowed)',
      ru: 'Консенсус ОДКБ (с правом неучастия)',
    },
    description: {
      en: 'A decision passes when no member objects. A member may stand aside: it does not block and is not bound (the December 2010 practice).',
      ru: 'Решение принято, если никто из членов не возражает. Член может заявить о неучастии: он не блокирует решение и не связан им (практика с декабря 2010 года).',
    },
    decision: 'consensus',
    standAside: true,
    quorum: 2 / 3,
    speakingTime: 90,
    motions,
    points,
  },
  unanimity: {
    id: 'unanimity',
    name: { en: 'Strict unanimity', ru: 'Строгое единогласие' },
    description: {
      en: 'Every member present must vote yes; standing aside or abstaining blocks.',
      ru: 'Все присутствующие члены должны голосовать «за»; неучастие или воздержание блокирует решение.',
    },
    decision: 'unanimity',
    standAside: false,
    quorum: 1,
    speakingTime: 90,
    motions,
    points,
  },
  majority: {
    id: 'majority',
    name: {
      en: 'Simple majority of present and voting',
      ru: 'Простое большинство присутствующих и голосующих',
    },
    description: {
      en: 'More yes than no votes among members present and voting; abstentions are not counted.',
      ru: 'Голосов «за» больше, чем «против», среди присутствующих и голосующих; воздержавшиеся не учитываются.',
    },
    decision: 'majority',
    standAside: false,
    quorum: 1 / 2,
    speakingTime: 90,
    motions,
    points,
  },
  twoThirds: {
    id: 'twoThirds',
    name: { en: 'Two-thirds majority', ru: 'Большинство в две трети' },
    description: {
      en: 'At least two-thirds of members present and voting vote yes; abstentions are not counted.',
      ru: 'Не менее двух третей присутствующих и голосующих голосуют «за»; воздержавшиеся не учитываются.',
    },
    decision: 'twoThirds',
    standAside: false,
    quorum: 1 / 2,
    speakingTime: 90,
    motions,
    points,
  },
};

export const isProfileId = (x: string): x is ProfileId =>
  (PROFILE_IDS as readonly string[]).includes(x);

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  standAside: number;
  notVoting: number;
}

export type DecisionReason =
  | 'adopted'
  | 'objection'
  | 'notUnanimous'
  | 'noMajority'
  | 'noTwoThirds'
  | 'noSupport'
  | 'consentMissing'
  | 'noQuorum';

export interface Decision {
  adopted: boolean;
  reason: DecisionReason;
  tally: Tally;
  /** Members whose objection blocked the decision (consensus) or whose missing consent did. */
  blockers: string[];
}

export const tally = (
  votes: Readonly<Record<string, Choice | undefined>>,
  eligible: readonly string[],
): Tally => {
  const t: Tally = { yes: 0, no: 0, abstain: 0, standAside: 0, notVoting: 0 };
  for (const d of eligible) {
    const v = votes[d];
    if (v === undefined) t.notVoting++;
    else t[v]++;
  }
  return t;
};

/**
 * Applies a decision rule to recorded votes. `eligible` are the members entitled to vote (present,
 * not frozen); `consent` are states whose own yes is required whatever the rule; `members` is the
 * number of members, for the quorum. Missing votes count as not voting.
 */
export const decide = (
  rule: DecisionRule,
  votes: Readonly<Record<string, Choice | undefined>>,
  eligible: readonly string[],
  consent: readonly string[] = [],
  quorum = 0,
  members = eligible.length,
  /** Members present for the quorum: a member that stands aside or froze is still in the room. */
  present = eligible.length,
): Decision => {
  const t = tally(votes, eligible);
  const missingConsent = consent.filter((c) => votes[c] !== 'yes' || !eligible.includes(c));
  if (present < Math.ceil(quorum * members - 1e-9))
    return { adopted: false, reason: 'noQuorum', tally: t, blockers: [] };
  if (missingConsent.length)
    return { adopted: false, reason: 'consentMissing', tally: t, blockers: missingConsent };
  switch (rule) {
    case 'consensus': {
      const blockers = eligible.filter((d) => votes[d] === 'no');
      if (blockers.length) return { adopted: false, reason: 'objection', tally: t, blockers };
      if (t.yes === 0) return { adopted: false, reason: 'noSupport', tally: t, blockers: [] };
      return { adopted: true, reason: 'adopted', tally: t, blockers: [] };
    }
    case 'unanimity': {
      const blockers = eligible.filter((d) => votes[d] !== 'yes');
      if (blockers.length) return { adopted: false, reason: 'notUnanimous', tally: t, blockers };
      return { adopted: true, reason: 'adopted', tally: t, blockers: [] };
    }
    case 'majority':
      if (t.yes > t.no) return { adopted: true, reason: 'adopted', tally: t, blockers: [] };
      return {
        adopted: false,
        reason: t.yes === 0 ? 'noSupport' : 'noMajority',
        tally: t,
        blockers: [],
      };
    case 'twoThirds':
      if (t.yes > 0 && t.yes * 3 >= (t.yes + t.no) * 2)
        return { adopted: true, reason: 'adopted', tally: t, blockers: [] };
      return {
        adopted: false,
        reason: t.yes === 0 ? 'noSupport' : 'noTwoThirds',
        tally: t,
        blockers: [],
      };
  }
};

/** Decides a procedural motion by its threshold (the chair's motions never reach a vote). */
export const decideMotion = (
  threshold: Exclude<Threshold, 'chair'>,
  votes: Readonly<Record<string, 'yes' | 'no' | undefined>>,
  eligible: readonly string[],
): boolean => {
  let yes = 0;
  let no = 0;
  for (const d of eligible) {
    if (votes[d] === 'yes') yes++;
    else if (votes[d] === 'no') no++;
  }
  return threshold === 'majority' ? yes > no : yes > 0 && yes * 3 >= (yes + no) * 2;
};
