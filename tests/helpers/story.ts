/**
 * Builders that let a test read as a short story: open a conference, take the roll, adopt the
 * agenda, speak, vote, respond to a crisis. Every step goes through `send()`, the one door into
 * state; a step the story expects to succeed fails the test with the refusal reason if it does not.
 */
import { expect } from 'vitest';
import {
  contextOf,
  currentPhase,
  send,
  startConference,
  type Conference,
  type SendResult,
} from '../../src/core/conference';
import type { Choice, ConferenceEvent, Motion, Term } from '../../src/core/events';
import type { ProfileId } from '../../src/core/profiles';
import type { ResponseKind, Scenario } from '../../src/core/scenario';
import type { ConferenceContext, Presence } from '../../src/core/state';
import { MINI } from '../fixtures/mini-scenario';

export type Roll = Partial<Record<string, Exclude<Presence, 'absent'>>>;

/** A conference on the given scenario where every seat is human: nothing moves unless a test says so. */
export const open = (
  scenario: Scenario = MINI,
  o: { profile?: ProfileId; seed?: number } = {},
): Conference =>
  startConference(scenario, {
    seed: o.seed ?? 1,
    profile: o.profile ?? 'consensus',
    humans: scenario.delegations.map((d) => d.id),
  });

/** Sends an event that the story expects to be accepted. */
export const act = (conf: Conference, event: unknown): Conference => {
  const r = send(conf, event);
  if (!r.ok)
    throw new Error(`expected ${JSON.stringify(event)} to be accepted, but: ${r.reason.en}`);
  return r.conference;
};

export const acts = (conf: Conference, ...events: unknown[]): Conference =>
  events.reduce<Conference>((c, e) => act(c, e), conf);

export const chair = (
  conf: Conference,
  type: string,
  extra: Record<string, unknown> = {},
): Conference => act(conf, { type: `chair.${type}`, seat: 'chair', ...extra });

/** Everyone named answers the roll call; the others stay absent. */
export const rollCall = (conf: Conference, roll: Roll): Conference => {
  let c = chair(conf, 'openRollCall');
  for (const [seat, status] of Object.entries(roll))
    c = act(c, { type: 'delegate.answerRollCall', seat, status });
  return chair(c, 'closeRollCall');
};

/** Every member of the scenario present (not obliged to vote). */
export const allPresent = (scenario: Scenario = MINI): Roll =>
  Object.fromEntries(scenario.delegations.map((d) => [d.id, 'present' as const]));

/** Roll call with everyone present, agenda adopted: formal debate on the first item. */
export const toFloor = (
  scenario: Scenario = MINI,
  o: { profile?: ProfileId; roll?: Roll; seed?: number } = {},
): Conference => chair(rollCall(open(scenario, o), o.roll ?? allPresent(scenario)), 'adoptAgenda');

export const joinSpeakers = (conf: Conference, seat: string): Conference =>
  act(conf, { type: 'delegate.joinSpeakers', seat });

export const recognize = (conf: Conference, delegation: string): Conference =>
  chair(conf, 'recognize', { delegation });

export const speak = (
  conf: Conference,
  seat: string,
  stance: 'support' | 'oppose' | 'undecided' = 'support',
  proposal?: string,
): Conference =>
  act(conf, { type: 'delegate.speak', seat, stance, ...(proposal ? { proposal } : {}) });

export const yieldTo = (conf: Conference, seat: string, to: string): Conference =>
  act(conf, { type: 'delegate.yield', seat, to });

export const move = (conf: Conference, seat: string, motion: Motion): Conference =>
  act(conf, { type: 'delegate.move', seat, motion });

/** Puts the first pending motion and has the named members vote on it. */
export const putAndVoteMotion = (
  conf: Conference,
  votes: Record<string, 'yes' | 'no'>,
  index = 0,
): Conference => {
  let c = chair(conf, 'putMotion', { index });
  for (const [seat, choice] of Object.entries(votes))
    c = act(c, { type: 'delegate.voteMotion', seat, choice });
  return chair(c, 'closeMotionVote');
};

export const tick = (conf: Conference, seconds: number): Conference =>
  act(conf, { type: 'clock.tick', seat: 'clock', seconds });

export const vote = (conf: Conference, seat: string, choice: Choice): Conference =>
  act(conf, { type: 'delegate.vote', seat, choice });

/** Casts every listed vote on the open ballot and closes it. */
export const ballot = (conf: Conference, votes: Record<string, Choice>): Conference => {
  let c = conf;
  for (const [seat, choice] of Object.entries(votes)) c = vote(c, seat, choice);
  return chair(c, 'closeBallot');
};

export const openVoting = (conf: Conference): Conference => chair(conf, 'openVoting');

export const respond = (
  conf: Conference,
  seat: string,
  crisis: string,
  response: ResponseKind,
): Conference => act(conf, { type: 'delegate.respond', seat, crisis, response });

export const offer = (
  conf: Conference,
  from: string,
  to: string,
  give: Term[],
  want: Term[],
): Conference => act(conf, { type: 'delegate.makeOffer', seat: from, to, give, want });

export const ctxOf = contextOf;
export const phaseOf = currentPhase;

// ── refusals ───────────────────────────────────────────────────────────────────────────────

export interface Attempt {
  event: unknown;
  result: SendResult;
  before: ConferenceContext;
  phaseBefore: string;
  conference: Conference;
}

/** Sends an event and keeps a deep copy of the context before it, to prove a refusal changed nothing. */
export const attempt = (conf: Conference, event: unknown): Attempt => {
  const before = structuredClone(contextOf(conf));
  const phaseBefore = currentPhase(conf);
  return { event, result: send(conf, event), before, phaseBefore, conference: conf };
};

/**
 * The event was refused with a reason matching `pattern`, in English and in Russian, and the
 * conference is exactly as it was.
 */
export const expectRefused = (a: Attempt, pattern: RegExp): void => {
  expect(a.result.ok, `expected ${JSON.stringify(a.event)} to be refused`).toBe(false);
  if (a.result.ok) return;
  expect(a.result.reason.en).toMatch(pattern);
  expect(a.result.reason.ru.trim()).not.toBe('');
  expect(a.result.reason.ru).not.toBe(a.result.reason.en);
  expect(contextOf(a.result.conference)).toEqual(a.before);
  expect(currentPhase(a.result.conference)).toBe(a.phaseBefore);
  expect(a.result.conference.log).toHaveLength(a.conference.log.length);
};

/** Shorthand: the event is refused with a reason matching `pattern`. */
export const refuses = (conf: Conference, event: unknown, pattern: RegExp): void =>
  expectRefused(attempt(conf, event), pattern);

export type { ConferenceEvent };
