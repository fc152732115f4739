/**
 * Obligation dilemmas: after the first item Tajikistan asks for peacekeepers under Art. 4. Each
 * member answers; the council decides the collective response under the procedure profile; the
 * answer moves credibility and cohesion, and an unanswered Tajikistan freezes its participation.
 */
import { describe, expect, it } from 'vitest';
import { MINI } from '../../../tests/fixtures/mini-scenario';
import {
  act,
  ballot,
  chair,
  ctxOf,
  joinSpeakers,
  offer,
  openVoting,
  phaseOf,
  refuses,
  respond,
  toFloor,
  type Roll,
} from '../../../tests/helpers/story';
import type { Conference } from '../conference';
import type { ProfileId } from '../profiles';
import type { ResponseKind } from '../scenario';
import { collectiveLevel, evaluateCrisis } from './crisis';

const NO = { ru: 'no', kz: 'no', kg: 'no', tj: 'no' } as const;

/** Item 0 voted down (nothing changes), and the chair moves on: the crisis opens. */
const toCrisis = (o: { profile?: ProfileId; roll?: Roll } = {}): Conference => {
  let c = openVoting(toFloor(MINI, o));
  const voters = Object.fromEntries(Object.entries(NO).filter(([d]) => !o.roll || o.roll[d]));
  c = ballot(ballot(c, voters), voters);
  return chair(c, 'nextItem');
};

const answer = (c: Conference, responses: Record<string, ResponseKind>): Conference => {
  for (const [seat, r] of Object.entries(responses)) c = respond(c, seat, 'tj-border', r);
  return chair(c, 'closeResponses');
};

const crisisOf = (c: Conference) => ctxOf(c).crises['tj-border']!;

describe('a crisis opens', () => {
  it('after the agenda item it is scheduled for', () => {
    const c = toCrisis();
    expect(phaseOf(c)).toBe('crisis.responses');
    expect(ctxOf(c).crisis).toBe('tj-border');
    expect(crisisOf(c).status).toBe('open');
  });

  it('or when the chair injects it, and then not again after its item', () => {
    let c = chair(joinSpeakers(toFloor(), 'kz'), 'injectCrisis', { crisis: 'tj-border' });
    expect(phaseOf(c)).toBe('crisis.responses');
    c = chair(
      answer(c, { ru: 'peacekeepers', kz: 'peacekeepers', kg: 'peacekeepers' }),
      'nextItem',
    );
    // Back where the floor was: formal debate, Kazakhstan still on the list.
    expect(phaseOf(c)).toBe('floor.item.debate.formal');
    expect(ctxOf(c).speakers).toEqual(['kz']);
    c = chair(act(c, { type: 'delegate.leaveSpeakers', seat: 'kz' }), 'openVoting');
    c = chair(ballot(ballot(c, NO), NO), 'nextItem');
    expect(phaseOf(c)).toBe('floor.item.debate.formal');
    expect(ctxOf(c).item).toBe(1);
  });

  it('the chair cannot inject an unknown crisis, one already dealt with, or one during a vote', () => {
    refuses(
      toFloor(),
      { type: 'chair.injectCrisis', seat: 'chair', crisis: 'flood' },
      /no crisis "flood"/,
    );
    refuses(
      openVoting(toFloor()),
      { type: 'chair.injectCrisis', seat: 'chair', crisis: 'tj-border' },
      /a vote is under way/,
    );
    const done = chair(answer(toCrisis(), { ru: 'statement' }), 'nextItem');
    refuses(
      done,
      { type: 'chair.injectCrisis', seat: 'chair', crisis: 'tj-border' },
      /already been dealt with/,
    );
  });
});

describe('responses', () => {
  it('each member answers once, with one of the responses on offer', () => {
    const c = respond(toCrisis(), 'kz', 'tj-border', 'humanitarian');
    expect(crisisOf(c).responses).toEqual({ kz: 'humanitarian' });
    refuses(
      c,
      { type: 'delegate.respond', seat: 'kz', crisis: 'tj-border', response: 'crrf' },
      /already responded/,
    );
    refuses(
      c,
      { type: 'delegate.respond', seat: 'ru', crisis: 'tj-border', response: 'militaryTechnical' },
      /not a response on offer/,
    );
  });

  it('the requesting state does not answer its own request', () => {
    refuses(
      toCrisis(),
      { type: 'delegate.respond', seat: 'tj', crisis: 'tj-border', response: 'crrf' },
      /its own request/,
    );
  });

  it('a delegation absent at the roll call does not answer', () => {
    const partial = toCrisis({ roll: { ru: 'present', kg: 'present', tj: 'present' } });
    expect(phaseOf(partial)).toBe('crisis.responses');
    refuses(
      partial,
      { type: 'delegate.respond', seat: 'kz', crisis: 'tj-border', response: 'statement' },
      /only members present/,
    );
    // Nor is it counted as standing aside when the chair closes the responses.
    expect(crisisOf(answer(partial, { ru: 'crrf' })).responses).toEqual({
      ru: 'crrf',
      kg: 'standAside',
    });
  });

  it('no response to a crisis that is not open', () => {
    refuses(
      toFloor(),
      { type: 'delegate.respond', seat: 'kz', crisis: 'tj-border', response: 'statement' },
      /not open/,
    );
    const decided = answer(toCrisis(), { ru: 'statement' });
    refuses(
      decided,
      { type: 'delegate.respond', seat: 'kz', crisis: 'tj-border', response: 'statement' },
      /not open/,
    );
  });

  it('members who did not answer are recorded as standing aside', () => {
    const c = answer(toCrisis(), { ru: 'peacekeepers' });
    expect(crisisOf(c).responses).toEqual({
      ru: 'peacekeepers',
      kz: 'standAside',
      kg: 'standAside',
    });
  });
});

describe('the collective decision', () => {
  const split = { ru: 'peacekeepers', kz: 'statement', kg: 'peacekeepers' } as const;

  it('under consensus the strongest response no one objects to is carried: peacekeepers', () => {
    const c = answer(toCrisis(), split);
    expect(crisisOf(c)).toMatchObject({
      status: 'decided',
      level: 5,
      participants: ['ru', 'kg'],
      honoured: true,
      froze: false,
    });
  });

  it('under strict unanimity the weakest pledge sets the level: a statement, and the request is not honoured', () => {
    const c = answer(toCrisis({ profile: 'unanimity' }), split);
    expect(crisisOf(c)).toMatchObject({
      level: 1,
      participants: ['ru', 'kz', 'kg'],
      honoured: false,
    });
  });

  it('under consensus one objection blocks any collective action', () => {
    const c = answer(toCrisis(), { ru: 'crrf', kz: 'object', kg: 'crrf' });
    expect(crisisOf(c)).toMatchObject({ level: 0, participants: [], honoured: false });
  });

  it('under majority an objection is outvoted', () => {
    expect(
      collectiveLevel('majority', false, { ru: 'crrf', kz: 'object', kg: 'crrf' }, [
        'ru',
        'kz',
        'kg',
      ]),
    ).toBe(6);
  });

  it('answering what was asked, with everyone, honours the request and raises credibility', () => {
    const before = ctxOf(toCrisis()).metrics;
    const c = answer(toCrisis(), { ru: 'crrf', kz: 'peacekeepers', kg: 'peacekeepers' });
    // Under consensus Russia's CRRF contingent is the collective level: no one objects to it.
    expect(crisisOf(c)).toMatchObject({
      level: 6,
      participants: ['ru'],
      satisfaction: 1,
      honoured: true,
      credibilityChange: 12,
    });
    expect(ctxOf(c).metrics.credibility).toBe(before.credibility + 12);
    // Honoured (+3) but pledges spread from 5 to 6 (−1).
    expect(ctxOf(c).metrics.cohesion).toBe(before.cohesion + 2);
  });

  it('each member pays for its own pledge in capital and in relations with the actor named', () => {
    const before = ctxOf(toCrisis()).delegations;
    const c = answer(toCrisis(), { ru: 'crrf', kz: 'statement', kg: 'standAside' });
    const after = ctxOf(c).delegations;
    expect(before.ru!.capital - after.ru!.capital).toBe(12);
    expect(before.kz!.capital - after.kz!.capital).toBe(1);
    expect(after.kg!.capital).toBe(before.kg!.capital);
    expect(after.ru!.relations.af).toBe(-12);
    expect(after.kz!.relations.af).toBe(-2);
    expect(after.kg!.relations.af).toBe(0);
  });

  it('the evaluation is a pure function of the responses', () => {
    const crisis = MINI.crises[0]!;
    const r = evaluateCrisis(
      crisis,
      'consensus',
      true,
      { ru: 'monitoring', kz: 'standAside', kg: 'statement' },
      ['ru', 'kz', 'kg'],
    );
    // Monitoring (3) of peacekeepers asked (5), two of three supporting.
    expect(r.level).toBe(3);
    expect(r.satisfaction).toBeCloseTo(0.75 * (3 / 5) + 0.25 * (2 / 3), 2);
    expect(r.honoured).toBe(false);
  });
});

describe('an unanswered request', () => {
  const unanswered = () =>
    answer(toCrisis(), { ru: 'standAside', kz: 'standAside', kg: 'standAside' });

  it('costs credibility, and Tajikistan freezes its participation', () => {
    const before = ctxOf(toCrisis()).metrics.credibility;
    const c = unanswered();
    expect(crisisOf(c)).toMatchObject({
      level: 0,
      satisfaction: 0,
      froze: true,
      credibilityChange: -12,
    });
    expect(ctxOf(c).metrics.credibility).toBe(before - 12);
    expect(ctxOf(c).delegations.tj!.frozen).toBe(true);
  });

  it('a frozen Tajikistan cannot vote on the next item, nor negotiate', () => {
    let c = chair(chair(unanswered(), 'nextItem'), 'nextItem');
    expect(ctxOf(c).item).toBe(1);
    refuses(
      c,
      {
        type: 'delegate.makeOffer',
        seat: 'tj',
        to: 'ru',
        give: [{ type: 'capital', amount: 1 }],
        want: [{ type: 'vote', proposal: 'media-centre', choice: 'yes' }],
      },
      /frozen its participation/,
    );
    refuses(
      c,
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'tj',
        give: [{ type: 'capital', amount: 1 }],
        want: [{ type: 'vote', proposal: 'media-centre', choice: 'yes' }],
      },
      /frozen its participation/,
    );
    c = openVoting(c);
    refuses(c, { type: 'delegate.vote', seat: 'tj', choice: 'no' }, /frozen its participation/);
    c = ballot(c, { ru: 'yes', kz: 'yes', kg: 'yes' });
    expect(ctxOf(c).outcomes['media-centre']).toMatchObject({ adopted: true });
    expect(ctxOf(c).closed.at(-1)!.eligible).toEqual(['ru', 'kz', 'kg']);
  });

  it('a statement from all is not enough for peacekeepers, but keeps Tajikistan in', () => {
    const c = answer(toCrisis(), { ru: 'statement', kz: 'statement', kg: 'statement' });
    // 0.75 × 1/5 + 0.25 × 1 = 0.4, above the freeze threshold of 0.34.
    expect(crisisOf(c)).toMatchObject({
      level: 1,
      satisfaction: 0.4,
      honoured: false,
      froze: false,
    });
  });
});

describe('after the decision', () => {
  it('the chair returns to the floor, and the next item follows', () => {
    let c = chair(answer(toCrisis(), { ru: 'crrf' }), 'nextItem');
    expect(phaseOf(c)).toBe('floor.item.outcome');
    expect(ctxOf(c).crisis).toBeNull();
    c = chair(c, 'nextItem');
    expect(phaseOf(c)).toBe('floor.item.debate.formal');
    expect(ctxOf(c).item).toBe(1);
  });

  it('open offers about the crisis lapse when it is decided', () => {
    let c = offer(
      toFloor(),
      'tj',
      'kz',
      [{ type: 'capital', amount: 2 }],
      [{ type: 'response', crisis: 'tj-border', atLeast: 'monitoring' }],
    );
    c = chair(ballot(ballot(openVoting(c), NO), NO), 'nextItem');
    c = answer(c, { ru: 'crrf' });
    expect(ctxOf(c).offers[0]!.status).toBe('lapsed');
  });

  it('the chair cannot close responses when no crisis is open', () => {
    refuses(toFloor(), { type: 'chair.closeResponses', seat: 'chair' }, /no crisis is open/);
  });
});
