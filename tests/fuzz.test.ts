/**
 * Random sequences of events, well-formed and not, from the start of a conference and from points
 * deep inside AI games: `send` never throws, a refusal changes nothing and says why in both
 * languages, and an accepted event is logged and advances the counter by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoplay } from '../src/core/ai/autoplay';
import {
  contextOf,
  currentPhase,
  send,
  startConference,
  type Conference,
} from '../src/core/conference';
import type { ProfileId } from '../src/core/profiles';
import { MINI } from './fixtures/mini-scenario';
import { arbitraryEvent, PROGRESS } from './helpers/arbitrary';

/** Phases where an event was tried, to show the random walks reach deep into a conference. */
const visited = new Set<string>();

/** Checks the door-into-state contract for one event; returns the conference to continue from. */
const step = (conf: Conference, event: unknown): Conference => {
  const before = structuredClone(contextOf(conf));
  const phase = currentPhase(conf);
  visited.add(phase);
  let r: ReturnType<typeof send>;
  try {
    r = send(conf, event);
  } catch (e) {
    throw new Error(`send threw on ${JSON.stringify(event)} in ${phase}: ${String(e)}`, {
      cause: e,
    });
  }
  if (!r.ok) {
    expect(r.reason.en.trim(), JSON.stringify(event)).not.toBe('');
    expect(r.reason.ru.trim(), JSON.stringify(event)).not.toBe('');
    expect(
      contextOf(r.conference),
      `refused ${JSON.stringify(event)} in ${phase} changed the context`,
    ).toEqual(before);
    expect(currentPhase(r.conference)).toBe(phase);
    expect(r.conference.log).toHaveLength(conf.log.length);
    return conf;
  }
  expect(contextOf(r.conference).seq).toBe(before.seq + 1);
  expect(r.conference.log).toHaveLength(conf.log.length + 1);
  expect(r.conference.log.at(-1)).toEqual(r.event);
  // The previous conference is untouched: states are values.
  expect(contextOf(conf)).toEqual(before);
  return r.conference;
};

/** A human-seat conference a little way into an AI game: `cut` events of game `seed`. */
const midGame = (seed: number, cut: number, profile: ProfileId): Conference => {
  const full = autoplay(startConference(MINI, { seed, profile }), {
    difficulty: 'hard',
  }).conference;
  let c = startConference(MINI, { seed, profile, humans: ['ru', 'kz', 'kg', 'tj'] });
  for (const e of full.log.slice(0, Math.min(cut, full.log.length))) c = send(c, e).conference;
  return c;
};

describe('random event sequences respect the one door into state', () => {
  it('from the roll call, with the opening moves mixed in', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 1, arbitrary: fc.constantFrom(...PROGRESS.slice(0, 7)) },
            { weight: 3, arbitrary: arbitraryEvent },
          ),
          { maxLength: 60 },
        ),
        (events) => {
          let c = startConference(MINI, {
            seed: 1,
            profile: 'consensus',
            humans: ['ru', 'kz', 'kg', 'tj'],
          });
          for (const e of events) c = step(c, e);
        },
      ),
      { numRuns: 100, seed: 1 },
    );
  });

  it('from formal debate, with motions, caucuses and ballots mixed in', () => {
    let floor = startConference(MINI, {
      seed: 1,
      profile: 'consensus',
      humans: ['ru', 'kz', 'kg', 'tj'],
    });
    for (const e of PROGRESS.slice(0, 7)) floor = step(floor, e);
    expect(currentPhase(floor)).toBe('floor.item.debate.formal');
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...PROGRESS.slice(7)) },
            { weight: 2, arbitrary: arbitraryEvent },
          ),
          { minLength: 30, maxLength: 60 },
        ),
        (events) => {
          let c = floor;
          for (const e of events) c = step(c, e);
        },
      ),
      { numRuns: 150, seed: 2 },
    );
  });

  it.each(['consensus', 'majority'] as const)('from inside AI games (%s)', (profile) => {
    const starts = new Map<string, Conference>();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 5, max: 70 }),
        fc.array(arbitraryEvent, { maxLength: 40 }),
        (seed, cut, events) => {
          const key = `${seed}/${cut}`;
          let c = starts.get(key);
          if (!c) starts.set(key, (c = midGame(seed, cut, profile)));
          for (const e of events) c = step(c, e);
        },
      ),
      { numRuns: 150, seed: 2 },
    );
  });

  it('the walks above reached every kind of phase', () => {
    expect([...visited]).toEqual(
      expect.arrayContaining([
        'rollCall.waiting',
        'rollCall.open',
        'agenda',
        'floor.item.debate.formal',
        'floor.item.debate.motionVote',
        'floor.item.debate.moderated',
        'floor.item.debate.unmoderated',
        'floor.item.voting',
        'floor.item.outcome',
        'crisis.responses',
        'crisis.decided',
        'debrief',
      ]),
    );
  });
});
