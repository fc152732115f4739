/**
 * Save, replay and restore: a game is its scenario, options and event log; a snapshot lets a
 * server restart without replaying. Bad saves get a clear reason and never a throw.
 */
import { describe, expect, it } from 'vitest';
import { autoplay } from '../src/core/ai/autoplay';
import {
  contextOf,
  currentPhase,
  persistSnapshot,
  replayGame,
  restoreSnapshot,
  saveGame,
  SAVE_FORMAT,
  send,
  startConference,
  type Conference,
} from '../src/core/conference';
import type { Scenario } from '../src/core/scenario';
import { MINI } from './fixtures/mini-scenario';
import { scenarioFile } from './helpers/scenarios';

const roundTrip = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));

const finishedGame = (
  scenario: Scenario,
  seed: number,
  difficulty: 'easy' | 'normal' | 'hard' = 'hard',
) => autoplay(startConference(scenario, { seed, profile: 'consensus' }), { difficulty }).conference;

/** The first `n` events of a finished game, sent one by one. */
const prefix = (scenario: Scenario, full: Conference, n: number): Conference => {
  let c = startConference(scenario, full.options);
  for (const e of full.log.slice(0, n)) {
    const r = send(c, e);
    if (!r.ok) throw new Error(r.reason.en);
    c = r.conference;
  }
  return c;
};

describe('saveGame → JSON → replayGame', () => {
  it.each([
    ['the mini fixture', () => MINI, 3],
    ['karabakh-credibility', () => scenarioFile('karabakh-credibility'), 11],
  ] as const)('replays a finished AI game on %s to the same context', (_name, scenarioOf, seed) => {
    const scenario = scenarioOf();
    const live = finishedGame(scenario, seed);
    expect(currentPhase(live)).toBe('debrief');
    const save = roundTrip(saveGame(live));
    expect(save).toMatchObject({
      format: SAVE_FORMAT,
      scenario: scenario.id,
      options: { seed, profile: 'consensus' },
    });
    const r = replayGame(scenario, save);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(contextOf(r.conference)).toEqual(contextOf(live));
    expect(currentPhase(r.conference)).toBe('debrief');
    expect(r.conference.log).toEqual(roundTrip(live.log));
  });

  it('replays a game stopped half-way, which then goes on as the live one does', () => {
    const full = finishedGame(MINI, 21);
    const half = prefix(MINI, full, Math.floor(full.log.length / 2));
    const r = replayGame(MINI, roundTrip(saveGame(half)));
    if (!r.ok) throw new Error(r.reason.en);
    const a = autoplay(half, { difficulty: 'hard' }).conference;
    const b = autoplay(r.conference, { difficulty: 'hard' }).conference;
    expect(contextOf(b)).toEqual(contextOf(a));
    expect(contextOf(b)).toEqual(contextOf(full));
  });

  it('keeps which seats were human', () => {
    const c = startConference(MINI, { seed: 2, profile: 'majority', humans: ['kz'] });
    const r = replayGame(MINI, roundTrip(saveGame(c)));
    if (!r.ok) throw new Error(r.reason.en);
    expect(r.conference.options).toEqual({ seed: 2, profile: 'majority', humans: ['kz'] });
    expect(contextOf(r.conference).delegations.kz!.controller).toBe('human');
  });
});

describe('a corrupted save gives a clear reason, never a throw', () => {
  const good = () => roundTrip(saveGame(finishedGame(MINI, 4))) as Record<string, unknown>;

  it.each<[string, () => unknown, RegExp]>([
    ['nothing', () => null, /not a game record/],
    ['a string', () => 'save.json', /not a game record/],
    ['another format', () => ({ ...good(), format: 2 }), /format 2, this version reads format 1/],
    ['no format', () => ({ ...good(), format: undefined }), /format undefined/],
    [
      'another scenario',
      () => ({ ...good(), scenario: 'karabakh-credibility' }),
      /belongs to scenario "karabakh-credibility", not "mini"/,
    ],
    [
      'no options',
      () => ({ ...good(), options: undefined }),
      /no valid seed and procedure profile/,
    ],
    [
      'an unknown profile',
      () => ({ ...good(), options: { seed: 4, profile: 'anarchy' } }),
      /no valid seed and procedure profile/,
    ],
    [
      'a seed that is not a number',
      () => ({ ...good(), options: { seed: '4', profile: 'consensus' } }),
      /no valid seed/,
    ],
    ['no event list', () => ({ ...good(), events: 'many' }), /no event list/],
  ])('%s', (_label, save, reason) => {
    const r = replayGame(MINI, save());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.en).toMatch(reason);
    expect(r.reason.ru.trim()).not.toBe('');
    expect(r.reason.ru).not.toBe(r.reason.en);
  });

  it('an event that is refused names its position and why', () => {
    const save = good();
    const events = save.events as unknown[];
    // A vote slipped in before the roll call.
    const r = replayGame(MINI, {
      ...save,
      events: [events[0], { type: 'delegate.vote', seat: 'kz', choice: 'yes' }, ...events.slice(1)],
    });
    expect(r).toMatchObject({ ok: false, index: 1 });
    if (r.ok) return;
    expect(r.reason.en).toMatch(/^event 2 of the save is refused: there is no ballot open/);
    expect(r.reason.ru).toMatch(/^событие 2 сохранения отклонено/);
  });

  it('an event after the end is refused', () => {
    const save = good();
    const r = replayGame(MINI, {
      ...save,
      events: [...(save.events as unknown[]), { type: 'chair.openVoting', seat: 'chair' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.en).toMatch(/the conference has ended/);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['an event of another game', { type: 'player.move', seat: 'x' }],
    ['an event with a poisoned prototype key', JSON.parse('{"type":"__proto__","seat":"chair"}')],
    ['a malformed vote', { type: 'delegate.vote', seat: 'kz', choice: 'perhaps' }],
  ])('a garbage event (%s) is refused with its reason', (_label, garbage) => {
    const save = good();
    const events = [...(save.events as unknown[])];
    events.splice(3, 0, garbage);
    const r = replayGame(MINI, { ...save, events });
    expect(r).toMatchObject({ ok: false, index: 3 });
  });
});

describe('persistSnapshot → restoreSnapshot', () => {
  it('a restored conference continues identically to the live one (from debate)', () => {
    const full = finishedGame(MINI, 8);
    const at = full.log.findIndex((e) => e.type === 'delegate.joinSpeakers');
    expect(at).toBeGreaterThan(0);
    const live = prefix(MINI, full, at + 1);
    const restored = restoreSnapshot(
      MINI,
      roundTrip(persistSnapshot(live)) as ReturnType<typeof persistSnapshot>,
    );
    expect(currentPhase(restored)).toBe(currentPhase(live));
    expect(contextOf(restored)).toEqual(contextOf(live));
    const a = autoplay(live, { difficulty: 'hard' });
    const b = autoplay(restored, { difficulty: 'hard' });
    expect(b.refused).toEqual([]);
    expect(contextOf(b.conference)).toEqual(contextOf(a.conference));
  });

  it('restores at every point of the first item (roll call to outcome) and continues identically', () => {
    const full = finishedGame(MINI, 12);
    const crisisAt = full.log.findIndex((e) => e.type === 'delegate.respond');
    for (let n = 0; n < crisisAt - 1; n += 3) {
      const live = prefix(MINI, full, n);
      const restored = restoreSnapshot(
        MINI,
        roundTrip(persistSnapshot(live)) as ReturnType<typeof persistSnapshot>,
      );
      const a = autoplay(live, { difficulty: 'hard' });
      const b = autoplay(restored, { difficulty: 'hard' });
      expect(contextOf(b.conference), `restored after ${n} events`).toEqual(
        contextOf(a.conference),
      );
    }
  });

  it('the snapshot says its format, scenario and phase', () => {
    const c = prefix(MINI, finishedGame(MINI, 8), 3);
    expect(persistSnapshot(c)).toMatchObject({
      format: SAVE_FORMAT,
      scenario: 'mini',
      phase: 'rollCall.open',
      options: { seed: 8 },
    });
  });
});
