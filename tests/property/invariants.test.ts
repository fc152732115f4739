/**
 * Property tests over random event sequences, valid and invalid: AI moves mixed with random and
 * malformed events from any seat. After every step the invariants hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINI } from '../fixtures/mini-scenario';
import { EVENT_TYPES } from '../../src/core/events';
import { nextAiEvent } from '../../src/core/ai/autoplay';
import {
  replayGame,
  saveGame,
  send,
  startConference,
  type Conference,
} from '../../src/core/conference';
import { viewFor } from '../../src/core/views';
import { METRICS } from '../../src/core/scenario';

const SEATS = ['chair', 'clock', 'system', 'zz', ...MINI.delegations.map((d) => d.id)];
const IDS = [...MINI.proposals.map((p) => p.id), ...MINI.crises.map((c) => c.id), 'nope'];

const randomEvent = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.string()),
    seat: fc.constantFrom(...SEATS),
    choice: fc.constantFrom('yes', 'no', 'abstain', 'standAside', 'maybe'),
    status: fc.constantFrom('present', 'presentAndVoting', 'absent'),
    delegation: fc.constantFrom(...SEATS),
    proposal: fc.constantFrom(...IDS),
    crisis: fc.constantFrom(...IDS),
    response: fc.constantFrom('crrf', 'monitoring', 'standAside', 'object', 'statement', 'fly'),
    index: fc.integer({ min: -1, max: 3 }),
    offer: fc.integer({ min: 0, max: 3 }),
    seconds: fc.integer({ min: 0, max: 900 }),
    stance: fc.constantFrom('support', 'oppose', 'undecided'),
    to: fc.constantFrom(...SEATS),
    motion: fc.constantFrom(
      { kind: 'unmoderatedCaucus', minutes: 3 },
      { kind: 'closeDebate' },
      { kind: 'moderatedCaucus', minutes: 2, speakingSeconds: 30 },
      { kind: 'bogus' },
    ),
  },
  { requiredKeys: ['type', 'seat'] },
);

const step = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ ai: true as const }) },
  { weight: 2, arbitrary: randomEvent.map((event) => ({ ai: false as const, event })) },
  { weight: 1, arbitrary: fc.anything().map((event) => ({ ai: false as const, event })) },
);

const secretsOf = (id: string) => {
  const d = MINI.delegations.find((x) => x.id === id)!;
  return [d.brief.en, d.brief.ru, ...d.objectives.flatMap((o) => [o.text.en, o.why.en])];
};

describe('invariants over random event sequences', () => {
  it('hold for 1,000 sequences', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(step, { minLength: 1, maxLength: 80 }),
        (seed, steps) => {
          let conf: Conference = startConference(MINI, { seed, profile: 'consensus' });
          for (const s of steps) {
            const raw = s.ai ? nextAiEvent(conf, { difficulty: 'hard' }) : s.event;
            if (raw === null) continue;
            const before = structuredClone(conf.snapshot.context);
            const r = send(conf, raw);
            if (!r.ok) {
              // Refused events change nothing and say why, in both languages.
              expect(r.conference).toBe(conf);
              expect(conf.snapshot.context).toEqual(before);
              expect(r.reason.en.length).toBeGreaterThan(0);
              expect(r.reason.ru.length).toBeGreaterThan(0);
              continue;
            }
            conf = r.conference;
            const ctx = conf.snapshot.context;
            for (const m of METRICS) {
              expect(Number.isNaN(ctx.metrics[m])).toBe(false);
              expect(ctx.metrics[m]).toBeGreaterThanOrEqual(0);
              expect(ctx.metrics[m]).toBeLessThanOrEqual(100);
            }
            // Each delegation's vote is counted once: a closed tally adds up to the eligible members.
            for (const b of ctx.closed) {
              const t = b.decision.tally;
              expect(t.yes + t.no + t.abstain + t.standAside + t.notVoting).toBe(b.eligible.length);
            }
          }
          // Replay equals the live state.
          const replayed = replayGame(MINI, JSON.parse(JSON.stringify(saveGame(conf))));
          expect(replayed.ok).toBe(true);
          if (replayed.ok)
            expect(replayed.conference.snapshot.context).toEqual(conf.snapshot.context);
          // No view leaks another delegation's secrets.
          for (const seat of MINI.delegations.map((d) => d.id)) {
            const v = viewFor(conf, seat);
            const text = JSON.stringify(v);
            // Texts a delegation shares with its own brief are not another's secret.
            const own = new Set(secretsOf(seat));
            for (const other of MINI.delegations.filter((d) => d.id !== seat))
              for (const secret of secretsOf(other.id).filter((x) => !own.has(x)))
                expect(text.includes(secret), `${seat} sees a secret of ${other.id}`).toBe(false);
            for (const o of v.offers) expect(o.from === seat || o.to === seat).toBe(true);
            if (!v.ended)
              for (const c of v.commitments) expect(c.by === seat || c.to === seat).toBe(true);
          }
          const observer = JSON.stringify(viewFor(conf, 'projector'));
          for (const d of MINI.delegations)
            for (const secret of secretsOf(d.id)) expect(observer.includes(secret)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
