/**
 * Drives a conference with AI seats: each step asks every AI delegation (in an order that rotates
 * with the event counter), then the AI chair, then lets time pass. Used by solo play, the server's
 * empty seats and the headless simulator. Every event still goes through `send`.
 */
import { send, type Conference } from '../conference';
import type { ConferenceEvent } from '../events';
import type { Difficulty } from '../state';
import { chairAct } from './chair';
import { delegateAct } from './delegate';

export interface AutoplayOptions {
  difficulty: Difficulty | Readonly<Record<string, Difficulty>>;
  /** Seats the AI must not play (humans). `chair` here means a human chair. */
  humans?: readonly string[];
  /** Time is sent by someone else (a real clock); otherwise waits are skipped at once. */
  externalClock?: boolean;
  /** Safety bound on events per game. */
  maxEvents?: number;
}

const difficultyOf = (o: AutoplayOptions, seat: string): Difficulty =>
  typeof o.difficulty === 'string' ? o.difficulty : (o.difficulty[seat] ?? 'normal');

/** The next AI event, or null when the game waits for a human (or is over). */
export const nextAiEvent = (conf: Conference, o: AutoplayOptions): ConferenceEvent | null => {
  const ctx = conf.snapshot.context;
  if (ctx.ended) return null;
  const seats = conf.env.scenario.delegations.map((d) => d.id);
  const n = seats.length;
  for (let i = 0; i < n; i++) {
    const seat = seats[(i + ctx.seq) % n]!;
    if (o.humans?.includes(seat)) continue;
    const e = delegateAct(conf, seat, difficultyOf(o, seat));
    if (e) return e;
  }
  if (!o.humans?.includes('chair')) {
    const e = chairAct(conf);
    if (e) return e;
  }
  // Nothing to do but wait: let the clock run out the speech or the caucus.
  if (o.externalClock) return null;
  const humanSpeaking = ctx.speaker && o.humans?.includes(ctx.speaker.delegation);
  const wait = Math.max(humanSpeaking ? ctx.speaker!.remaining : 0, ctx.caucus?.remaining ?? 0);
  if (wait > 0 && !ctx.paused)
    return { type: 'clock.tick', seat: 'clock', seconds: Math.min(3600, wait) };
  return null;
};

export interface PlayResult {
  conference: Conference;
  /** Events the AI tried and the machine refused: a bug if ever non-zero. */
  refused: { event: ConferenceEvent; reason: string }[];
  stalled: boolean;
}

/** Plays AI moves until the game ends, waits for a human, or hits the bound. */
export const autoplay = (start: Conference, o: AutoplayOptions): PlayResult => {
  let conf = start;
  const refused: PlayResult['refused'] = [];
  const max = o.maxEvents ?? 5000;
  for (let i = 0; i < max; i++) {
    const e = nextAiEvent(conf, o);
    if (!e) return { conference: conf, refused, stalled: false };
    const r = send(conf, e);
    if (!r.ok) {
      refused.push({ event: e, reason: r.reason.en });
      return { conference: conf, refused, stalled: true };
    }
    conf = r.conference;
  }
  return { conference: conf, refused, stalled: true };
};
