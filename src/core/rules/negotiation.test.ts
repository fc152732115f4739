/**
 * Offers, commitments and reputation: Russia wants the sensors and buys Kazakhstan's silence; who
 * keeps their word is settled by the votes and the crisis responses that follow.
 */
import { describe, expect, it } from 'vitest';
import type { Term } from '../events';
import { MINI } from '../../../tests/fixtures/mini-scenario';
import {
  act,
  ballot,
  chair,
  ctxOf,
  offer,
  openVoting,
  refuses,
  respond,
  toFloor,
} from '../../../tests/helpers/story';
import { reputation } from './negotiation';

const capital = (amount: number): Term => ({ type: 'capital', amount });
const standAsideOnSensors: Term = { type: 'vote', proposal: 'sensors', choice: 'standAside' };
const yesOnSensors: Term = { type: 'vote', proposal: 'sensors', choice: 'yes' };

/** Russia offers Kazakhstan 5 capital to stand aside on the sensors. */
const russiaOffersKazakhstan = () =>
  offer(toFloor(), 'ru', 'kz', [capital(5)], [standAsideOnSensors]);

describe('offers', () => {
  it('an offer is recorded as open, addressed to one delegation', () => {
    const c = russiaOffersKazakhstan();
    expect(ctxOf(c).offers).toEqual([
      {
        id: 0,
        from: 'ru',
        to: 'kz',
        give: [capital(5)],
        want: [standAsideOnSensors],
        status: 'open',
        seq: ctxOf(c).seq,
        item: 0,
      },
    ]);
  });

  it('only the addressee can accept or reject it', () => {
    const c = russiaOffersKazakhstan();
    refuses(
      c,
      { type: 'delegate.acceptOffer', seat: 'kg', offer: 0 },
      /only the delegation an offer is addressed to/,
    );
    refuses(
      c,
      { type: 'delegate.acceptOffer', seat: 'ru', offer: 0 },
      /only the delegation an offer is addressed to/,
    );
    refuses(
      c,
      { type: 'delegate.rejectOffer', seat: 'kg', offer: 0 },
      /only the delegation an offer is addressed to/,
    );
    refuses(
      c,
      { type: 'delegate.acceptOffer', seat: 'kz', offer: 7 },
      /no open offer with that number/,
    );
  });

  it('only its author can withdraw it, and a withdrawn offer cannot be accepted', () => {
    const c = russiaOffersKazakhstan();
    refuses(
      c,
      { type: 'delegate.withdrawOffer', seat: 'kz', offer: 0 },
      /only the delegation that made an offer/,
    );
    const w = act(c, { type: 'delegate.withdrawOffer', seat: 'ru', offer: 0 });
    expect(ctxOf(w).offers[0]!.status).toBe('withdrawn');
    refuses(w, { type: 'delegate.acceptOffer', seat: 'kz', offer: 0 }, /no open offer/);
  });

  it('a rejected offer creates no commitment and moves no capital', () => {
    const c = act(russiaOffersKazakhstan(), { type: 'delegate.rejectOffer', seat: 'kz', offer: 0 });
    expect(ctxOf(c).offers[0]!.status).toBe('rejected');
    expect(ctxOf(c).commitments).toEqual([]);
    expect(ctxOf(c).delegations.ru!.capital).toBe(60);
  });

  it('accepting moves the capital at once and turns promises into commitments', () => {
    const c = act(russiaOffersKazakhstan(), { type: 'delegate.acceptOffer', seat: 'kz', offer: 0 });
    expect(ctxOf(c).delegations.ru!.capital).toBe(55);
    expect(ctxOf(c).delegations.kz!.capital).toBe(45);
    expect(ctxOf(c).commitments).toEqual([
      { id: 0, offer: 0, by: 'kz', to: 'ru', term: standAsideOnSensors, status: 'pending' },
    ]);
  });

  it('a delegation cannot offer capital it does not have', () => {
    // Tajikistan starts with 20.
    refuses(
      toFloor(),
      {
        type: 'delegate.makeOffer',
        seat: 'tj',
        to: 'ru',
        give: [capital(21)],
        want: [yesOnSensors],
      },
      /not enough political capital/,
    );
    expect(ctxOf(offer(toFloor(), 'tj', 'ru', [capital(20)], [yesOnSensors])).offers).toHaveLength(
      1,
    );
  });

  it('capital spent elsewhere before acceptance makes the offer fail at acceptance', () => {
    let c = offer(toFloor(), 'kz', 'ru', [capital(25)], [yesOnSensors]);
    c = offer(
      c,
      'kz',
      'kg',
      [capital(20)],
      [{ type: 'vote', proposal: 'monitoring', choice: 'yes' }],
    );
    c = act(c, { type: 'delegate.acceptOffer', seat: 'kg', offer: 1 });
    expect(ctxOf(c).delegations.kz!.capital).toBe(20);
    refuses(
      c,
      { type: 'delegate.acceptOffer', seat: 'ru', offer: 0 },
      /not enough political capital/,
    );
  });

  it('refuses offers to oneself, to unknown delegations, or about unknown things', () => {
    const c = toFloor();
    refuses(
      c,
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'ru',
        give: [capital(1)],
        want: [yesOnSensors],
      },
      /to yourself/,
    );
    refuses(
      c,
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'us',
        give: [capital(1)],
        want: [yesOnSensors],
      },
      /no delegation "us"/,
    );
    refuses(
      c,
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'kz',
        give: [capital(1)],
        want: [{ type: 'vote', proposal: 'nukes', choice: 'yes' }],
      },
      /no proposal "nukes"/,
    );
    refuses(
      c,
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'kz',
        give: [capital(1)],
        want: [{ type: 'amendment', proposal: 'sensors', amendment: 'sunset' }],
      },
      /has no amendment "sunset"/,
    );
    refuses(
      c,
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'kz',
        give: [capital(1)],
        want: [{ type: 'response', crisis: 'flood', atLeast: 'statement' }],
      },
      /no crisis "flood"/,
    );
  });

  it('the requester does not pledge a response to its own request', () => {
    refuses(
      toFloor(),
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'tj',
        give: [capital(1)],
        want: [{ type: 'response', crisis: 'tj-border', atLeast: 'statement' }],
      },
      /does not pledge a response to its own request/,
    );
  });

  it('a promise to stand aside is refused where the procedure has none', () => {
    refuses(
      toFloor(MINI, { profile: 'unanimity' }),
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'kz',
        give: [capital(5)],
        want: [standAsideOnSensors],
      },
      /no standing aside/,
    );
  });

  it('at most three open offers per delegation', () => {
    let c = toFloor();
    for (const to of ['kz', 'kg', 'tj']) c = offer(c, 'ru', to, [capital(1)], [yesOnSensors]);
    // The limit is per delegation: Kyrgyzstan may still make one.
    expect(ctxOf(offer(c, 'kg', 'ru', [capital(1)], [yesOnSensors])).offers).toHaveLength(4);
    refuses(
      c,
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'kz',
        give: [capital(2)],
        want: [yesOnSensors],
      },
      /already have 3 open offers/,
    );
  });
});

describe('commitments are kept or broken by what a delegation then does', () => {
  const accepted = () =>
    act(russiaOffersKazakhstan(), { type: 'delegate.acceptOffer', seat: 'kz', offer: 0 });

  it('Kazakhstan stands aside as promised: kept, and its reputation rises', () => {
    const c = ballot(openVoting(accepted()), { ru: 'yes', kz: 'standAside', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).commitments[0]!.status).toBe('kept');
    expect(ctxOf(c).delegations.kz).toMatchObject({ kept: 1, broken: 0 });
    expect(reputation(1, 0)).toBeGreaterThan(reputation(0, 0));
  });

  it('Kazakhstan takes the capital and objects anyway: broken', () => {
    const c = ballot(openVoting(accepted()), { ru: 'yes', kz: 'no', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).commitments[0]!.status).toBe('broken');
    expect(ctxOf(c).delegations.kz).toMatchObject({ kept: 0, broken: 1 });
    // The capital is not returned.
    expect(ctxOf(c).delegations.kz!.capital).toBe(45);
  });

  it('voting yes also keeps a promise to stand aside; not voting breaks it', () => {
    const yes = ballot(openVoting(accepted()), { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' });
    expect(ctxOf(yes).commitments[0]!.status).toBe('kept');
    const silent = ballot(openVoting(accepted()), { ru: 'yes', kg: 'yes', tj: 'yes' });
    expect(ctxOf(silent).commitments[0]!.status).toBe('broken');
  });

  it('a promise to vote yes is kept only by a yes', () => {
    let c = offer(toFloor(), 'kg', 'ru', [yesOnSensors], [capital(3)]);
    c = act(c, { type: 'delegate.acceptOffer', seat: 'ru', offer: 0 });
    const aside = ballot(openVoting(c), { ru: 'yes', kz: 'yes', kg: 'standAside', tj: 'yes' });
    expect(ctxOf(aside).commitments.find((x) => x.by === 'kg')!.status).toBe('broken');
  });

  it('a promise on an amendment is kept by voting for it on its ballot', () => {
    let c = offer(
      toFloor(),
      'tj',
      'ru',
      [capital(2)],
      [{ type: 'amendment', proposal: 'monitoring', amendment: 'sunset' }],
    );
    c = act(c, { type: 'delegate.acceptOffer', seat: 'ru', offer: 0 });
    c = act(c, {
      type: 'delegate.proposeAmendment',
      seat: 'tj',
      proposal: 'monitoring',
      amendment: 'sunset',
    });
    c = openVoting(c);
    c = ballot(c, { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' });
    c = ballot(c, { ru: 'no', kz: 'yes', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).commitments[0]).toMatchObject({ by: 'ru', status: 'broken' });
  });

  it('open offers about a decided proposal lapse; about a decided crisis too', () => {
    let c = offer(toFloor(), 'ru', 'kz', [capital(1)], [yesOnSensors]);
    c = ballot(openVoting(c), { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).offers[0]!.status).toBe('lapsed');
    refuses(c, { type: 'delegate.acceptOffer', seat: 'kz', offer: 0 }, /no open offer/);
  });

  it('a pledge of a crisis response is kept by a response at least as strong', () => {
    let c = offer(
      toFloor(),
      'tj',
      'kz',
      [capital(4)],
      [{ type: 'response', crisis: 'tj-border', atLeast: 'monitoring' }],
    );
    c = offer(
      c,
      'tj',
      'kg',
      [capital(4)],
      [{ type: 'response', crisis: 'tj-border', atLeast: 'monitoring' }],
    );
    c = act(c, { type: 'delegate.acceptOffer', seat: 'kz', offer: 0 });
    c = act(c, { type: 'delegate.acceptOffer', seat: 'kg', offer: 1 });
    c = ballot(ballot(openVoting(c), { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' }), {
      ru: 'yes',
      kz: 'yes',
      kg: 'yes',
      tj: 'yes',
    });
    c = chair(c, 'nextItem');
    c = respond(
      respond(respond(c, 'kz', 'tj-border', 'peacekeepers'), 'kg', 'tj-border', 'statement'),
      'ru',
      'tj-border',
      'crrf',
    );
    c = chair(c, 'closeResponses');
    const byWho = Object.fromEntries(ctxOf(c).commitments.map((x) => [x.by, x.status]));
    expect(byWho).toEqual({ kz: 'kept', kg: 'broken' });
  });
});
