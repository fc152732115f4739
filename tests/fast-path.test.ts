/**
 * `send` answers self-transitions (one `isInOrder` guard, the `apply` action, no target) without
 * walking the statechart. These tests send every event both ways — the shortcut and XState's own
 * `transition` — and require the same answer: accepted or refused with the same reason, the same
 * state value, history record and context.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { nextAiEvent } from '../src/core/ai/autoplay';
import {
  send,
  startConference,
  transitionOptions,
  type Conference,
  type SendResult,
} from '../src/core/conference';
import { EVENT_TYPES } from '../src/core/events';
import { PROFILE_IDS } from '../src/core/profiles';
import { MINI } from './fixtures/mini-scenario';
import { scenarioFile } from './helpers/scenarios';

const bothWays = (c: Conference, raw: unknown): { fast: SendResult; slow: SendResult } => {
  transitionOptions.selfAcceptFastPath = true;
  const fast = send(c, raw);
  transitionOptions.selfAcceptFastPath = false;
  const slow = send(c, raw);
  transitionOptions.selfAcceptFastPath = true;
  return { fast, slow };
};

const expectSame = ({ fast, slow }: { fast: SendResult; slow: SendResult }) => {
  expect(fast.ok).toBe(slow.ok);
  if (!fast.ok || !slow.ok) {
    expect(fast.ok ? null : fast.reason).toEqual(slow.ok ? null : slow.reason);
    return;
  }
  const f = fast.conference.snapshot;
  const s = slow.conference.snapshot;
  expect(f.value).toEqual(s.value);
  expect(f.status).toBe(s.status);
  expect(f.context).toEqual(s.context);
  expect(fast.conference.machine.getPersistedSnapshot(f)).toEqual(
    slow.conference.machine.getPersistedSnapshot(s),
  );
};

afterEach(() => {
  transitionOptions.selfAcceptFastPath = true;
});

describe('the self-transition shortcut gives the statechart’s own answer', () => {
  it('for every event of full AI games in every scenario and profile', () => {
    let shortcut = 0;
    for (const id of [
      'tsakhkadzor-2018',
      'karabakh-credibility',
      'tajik-afghan-border',
      'osh-2010',
      'kazakhstan-2022',
    ])
      for (const profile of PROFILE_IDS) {
        const scenario = scenarioFile(id);
        let c = startConference(scenario, { seed: 11, profile });
        for (let i = 0; i < 3000; i++) {
          const e = nextAiEvent(c, { difficulty: 'hard' });
          if (!e) break;
          const r = bothWays(c, e);
          expectSame(r);
          expect(r.fast.ok, `${id}/${profile}: ${e.type}`).toBe(true);
          if (r.fast.conference.snapshot.value === c.snapshot.value) shortcut++;
          c = r.fast.conference;
        }
        expect(c.snapshot.context.ended, `${id}/${profile} reaches the end`).toBe(true);
      }
    // Most events take the shortcut: votes, speeches, ticks.
    expect(shortcut).toBeGreaterThan(1000);
  });

  it('for 300 random sequences of AI moves and random, malformed or out-of-order events', () => {
    const seats = ['chair', 'clock', 'system', 'zz', ...MINI.delegations.map((d) => d.id)];
    const ids = [...MINI.proposals.map((p) => p.id), ...MINI.crises.map((c) => c.id), 'nope'];
    const randomEvent = fc.record(
      {
        type: fc.constantFrom(...EVENT_TYPES),
        seat: fc.constantFrom(...seats),
        choice: fc.constantFrom('yes', 'no', 'abstain', 'standAside'),
        status: fc.constantFrom('present', 'presentAndVoting', 'absent'),
        delegation: fc.constantFrom(...seats),
        proposal: fc.constantFrom(...ids),
        crisis: fc.constantFrom(...ids),
        response: fc.constantFrom('crrf', 'monitoring', 'standAside', 'object', 'statement'),
        index: fc.integer({ min: -1, max: 3 }),
        offer: fc.integer({ min: 0, max: 3 }),
        seconds: fc.integer({ min: 0, max: 900 }),
        stance: fc.constantFrom('support', 'oppose', 'undecided'),
        to: fc.constantFrom(...seats),
        text: fc.constantFrom('hello', ''),
        motion: fc.constantFrom(
          { kind: 'unmoderatedCaucus', minutes: 3 },
          { kind: 'closeDebate' },
          { kind: 'moderatedCaucus', minutes: 2, speakingSeconds: 30 },
        ),
      },
      { requiredKeys: ['type', 'seat'] },
    );
    const step = fc.oneof(
      { weight: 4, arbitrary: fc.constant({ ai: true as const }) },
      { weight: 3, arbitrary: randomEvent.map((event) => ({ ai: false as const, event })) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(...PROFILE_IDS),
        fc.array(step, { minLength: 1, maxLength: 120 }),
        (seed, profile, steps) => {
          let c = startConference(MINI, { seed, profile });
          for (const s of steps) {
            const raw = s.ai ? nextAiEvent(c, { difficulty: 'hard' }) : s.event;
            if (raw === null) continue;
            const r = bothWays(c, raw);
            expectSame(r);
            c = r.fast.conference;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
