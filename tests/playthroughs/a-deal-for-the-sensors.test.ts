/**
 * Kyrgyzstan hesitates to host the sensors. Russia buys its consent with political capital, and
 * Tajikistan gets its sunset clause accepted as friendly. Kyrgyzstan keeps its word, the sensors
 * pass, and when Tajikistan's request comes the allies answer it. The record shows who kept what.
 */
import { describe, expect, it } from 'vitest';
import { MINI } from '../fixtures/mini-scenario';
import {
  act,
  ballot,
  chair,
  ctxOf,
  offer,
  openVoting,
  phaseOf,
  respond,
  toFloor,
} from '../helpers/story';

describe('a deal for the sensors', () => {
  it('is struck, kept, and remembered', () => {
    let c = toFloor(MINI);

    // Tajikistan tables its sunset clause for the monitoring mission; Kazakhstan, the sponsor, accepts it.
    c = act(c, {
      type: 'delegate.proposeAmendment',
      seat: 'tj',
      proposal: 'monitoring',
      amendment: 'sunset',
    });
    c = act(c, {
      type: 'delegate.acceptAmendment',
      seat: 'kz',
      proposal: 'monitoring',
      amendment: 'sunset',
    });

    // Russia offers Kyrgyzstan 6 capital for its yes on the sensors; Kyrgyzstan accepts.
    c = offer(
      c,
      'ru',
      'kg',
      [{ type: 'capital', amount: 6 }],
      [{ type: 'vote', proposal: 'sensors', choice: 'yes' }],
    );
    c = act(c, { type: 'delegate.acceptOffer', seat: 'kg', offer: 0 });
    expect([ctxOf(c).delegations.ru!.capital, ctxOf(c).delegations.kg!.capital]).toEqual([54, 46]);

    // No amendment ballot: the sunset clause is already in the text.
    c = openVoting(c);
    expect(ctxOf(c).ballots.map((b) => b.kind)).toEqual(['proposal', 'proposal']);
    c = ballot(c, { ru: 'yes', kz: 'standAside', kg: 'yes', tj: 'yes' });
    c = ballot(c, { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).outcomes.sensors).toMatchObject({ adopted: true });
    expect(ctxOf(c).outcomes.monitoring).toMatchObject({ adopted: true, amendments: ['sunset'] });
    expect(ctxOf(c).commitments).toEqual([
      {
        id: 0,
        offer: 0,
        by: 'kg',
        to: 'ru',
        term: { type: 'vote', proposal: 'sensors', choice: 'yes' },
        status: 'kept',
      },
    ]);
    expect(ctxOf(c).delegations.kg).toMatchObject({ kept: 1, broken: 0 });

    // Tajikistan's request: Russia and Kyrgyzstan send peacekeepers, Kazakhstan humanitarian aid.
    c = chair(c, 'nextItem');
    c = respond(c, 'ru', 'tj-border', 'peacekeepers');
    c = respond(c, 'kg', 'tj-border', 'peacekeepers');
    c = respond(c, 'kz', 'tj-border', 'humanitarian');
    c = chair(c, 'closeResponses');
    expect(ctxOf(c).crises['tj-border']).toMatchObject({
      level: 5,
      participants: ['ru', 'kg'],
      honoured: true,
      froze: false,
    });

    // The media centre, and the end.
    c = chair(chair(chair(c, 'nextItem'), 'nextItem'), 'openVoting');
    c = chair(ballot(c, { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' }), 'nextItem');
    expect(phaseOf(c)).toBe('debrief');
    expect(ctxOf(c).ended).toBe(true);
    expect(Object.values(ctxOf(c).outcomes).every((o) => o.adopted)).toBe(true);
    // Every metric the proposals touch went up; the history records each step.
    const start = ctxOf(c).history[0]!.metrics;
    const end = ctxOf(c).history.at(-1)!;
    expect(end.label).toBe('end');
    for (const m of ['borderSecurity', 'stratcom', 'international', 'credibility'] as const)
      expect(end.metrics[m], m).toBeGreaterThan(start[m]);
    expect(ctxOf(c).history.map((h) => h.label)).toEqual([
      'start',
      'proposal:sensors',
      'proposal:monitoring',
      'crisis:tj-border',
      'proposal:media-centre',
      'end',
    ]);
  });
});
