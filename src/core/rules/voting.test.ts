/**
 * Amendments (friendly and unfriendly), ballots and the decision rule, through `send()` on the
 * mini scenario: item 0 holds the sensors (Kyrgyz and Tajik consent needed, sponsored by Russia)
 * and the monitoring mission (sponsored by Kazakhstan, with Tajikistan's sunset amendment).
 */
import { describe, expect, it } from 'vitest';
import { MINI } from '../../../tests/fixtures/mini-scenario';
import {
  act,
  ballot,
  chair,
  ctxOf,
  openVoting,
  phaseOf,
  refuses,
  toFloor,
  vote,
} from '../../../tests/helpers/story';
import type { Conference } from '../conference';

const table = (c: Conference, seat: string, proposal = 'monitoring', amendment = 'sunset') =>
  act(c, { type: 'delegate.proposeAmendment', seat, proposal, amendment });
const YES = { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' } as const;

describe('amendments', () => {
  it('an amendment tabled by another delegation is pending until the sponsor accepts it as friendly', () => {
    let c = table(toFloor(), 'tj');
    expect(ctxOf(c).amendments).toEqual([
      { proposal: 'monitoring', amendment: 'sunset', by: 'tj', status: 'pending' },
    ]);
    refuses(
      c,
      { type: 'delegate.acceptAmendment', seat: 'ru', proposal: 'monitoring', amendment: 'sunset' },
      /only the sponsor/,
    );
    c = act(c, {
      type: 'delegate.acceptAmendment',
      seat: 'kz',
      proposal: 'monitoring',
      amendment: 'sunset',
    });
    expect(ctxOf(c).amendments[0]!.status).toBe('friendly');
  });

  it('an amendment tabled by the sponsor itself is friendly at once', () => {
    expect(ctxOf(table(toFloor(), 'kz')).amendments[0]!.status).toBe('friendly');
  });

  it('a friendly amendment gets no ballot of its own and is part of the adopted text', () => {
    let c = openVoting(table(toFloor(), 'kz'));
    expect(ctxOf(c).ballots.map((b) => b.kind)).toEqual(['proposal', 'proposal']);
    c = ballot(ballot(c, YES), YES);
    expect(ctxOf(c).outcomes.monitoring).toMatchObject({ adopted: true, amendments: ['sunset'] });
  });

  it('an unfriendly amendment is voted on before its proposal', () => {
    const c = openVoting(table(toFloor(), 'tj'));
    expect(ctxOf(c).ballots.map((b) => [b.kind, b.proposal, b.amendment])).toEqual([
      ['proposal', 'sensors', undefined],
      ['amendment', 'monitoring', 'sunset'],
      ['proposal', 'monitoring', undefined],
    ]);
  });

  it('an adopted amendment changes what the proposal does to the alliance', () => {
    const withAmendment = ballot(ballot(ballot(openVoting(table(toFloor(), 'tj')), YES), YES), YES);
    const without = ballot(ballot(openVoting(toFloor()), YES), YES);
    expect(ctxOf(withAmendment).amendments[0]!.status).toBe('adopted');
    expect(ctxOf(withAmendment).outcomes.monitoring!.amendments).toEqual(['sunset']);
    // sensors: borderSecurity +8, cohesion +1; monitoring: borderSecurity +4, international +3;
    // the sunset clause adds international +2 and cohesion +2.
    expect(ctxOf(without).metrics).toMatchObject({
      borderSecurity: 52,
      international: 53,
      cohesion: 51,
    });
    expect(ctxOf(withAmendment).metrics).toMatchObject({
      borderSecurity: 52,
      international: 55,
      cohesion: 53,
    });
  });

  it('a rejected amendment leaves the original text', () => {
    let c = openVoting(table(toFloor(), 'tj'));
    c = ballot(c, YES);
    c = ballot(c, { ru: 'no', kz: 'yes', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).amendments[0]!.status).toBe('rejected');
    c = ballot(c, YES);
    expect(ctxOf(c).outcomes.monitoring).toMatchObject({ adopted: true, amendments: [] });
    expect(ctxOf(c).metrics.international).toBe(53);
  });

  it('only the delegation that tabled a pending amendment may withdraw it', () => {
    const c = table(toFloor(), 'tj');
    refuses(
      c,
      {
        type: 'delegate.withdrawAmendment',
        seat: 'kz',
        proposal: 'monitoring',
        amendment: 'sunset',
      },
      /only the delegation that tabled/,
    );
    const w = act(c, {
      type: 'delegate.withdrawAmendment',
      seat: 'tj',
      proposal: 'monitoring',
      amendment: 'sunset',
    });
    expect(ctxOf(w).amendments[0]!.status).toBe('withdrawn');
    expect(ctxOf(openVoting(w)).ballots.every((b) => b.kind === 'proposal')).toBe(true);
    // Once withdrawn, it may be tabled again.
    expect(ctxOf(table(w, 'kg')).amendments.at(-1)).toMatchObject({ by: 'kg', status: 'pending' });
  });

  it('refuses an amendment that does not exist, is not under debate, or is already tabled', () => {
    const c = table(toFloor(), 'tj');
    refuses(
      c,
      {
        type: 'delegate.proposeAmendment',
        seat: 'kg',
        proposal: 'monitoring',
        amendment: 'sunrise',
      },
      /has no amendment "sunrise"/,
    );
    refuses(
      c,
      {
        type: 'delegate.proposeAmendment',
        seat: 'kg',
        proposal: 'media-centre',
        amendment: 'sunset',
      },
      /not under debate/,
    );
    refuses(
      c,
      {
        type: 'delegate.proposeAmendment',
        seat: 'kg',
        proposal: 'monitoring',
        amendment: 'sunset',
      },
      /already been tabled/,
    );
  });

  it('amendments are tabled during debate, not during voting', () => {
    refuses(
      openVoting(toFloor()),
      {
        type: 'delegate.proposeAmendment',
        seat: 'tj',
        proposal: 'monitoring',
        amendment: 'sunset',
      },
      /not in order during voting/,
    );
  });
});

describe('voting', () => {
  it('under consensus one objection blocks a proposal and costs cohesion', () => {
    const c = ballot(openVoting(toFloor()), { ru: 'yes', kz: 'no', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).outcomes.sensors).toMatchObject({
      adopted: false,
      reason: 'objection',
      blockers: ['kz'],
    });
    expect(ctxOf(c).metrics.cohesion).toBe(49);
  });

  it('under consensus standing aside does not block', () => {
    const c = ballot(openVoting(toFloor()), { ru: 'yes', kz: 'standAside', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).outcomes.sensors).toMatchObject({ adopted: true, reason: 'adopted' });
  });

  it('a host that does not consent blocks the sensors even when no one objects', () => {
    const c = ballot(openVoting(toFloor()), { ru: 'yes', kz: 'yes', kg: 'standAside', tj: 'yes' });
    expect(ctxOf(c).outcomes.sensors).toMatchObject({
      adopted: false,
      reason: 'consentMissing',
      blockers: ['kg'],
    });
  });

  it('standing aside is refused under a majority profile', () => {
    refuses(
      openVoting(toFloor(MINI, { profile: 'majority' })),
      { type: 'delegate.vote', seat: 'kz', choice: 'standAside' },
      /no standing aside/,
    );
  });

  it('a member present and voting may not abstain or stand aside', () => {
    const c = openVoting(
      toFloor(MINI, {
        roll: { ru: 'present', kz: 'presentAndVoting', kg: 'present', tj: 'present' },
      }),
    );
    refuses(c, { type: 'delegate.vote', seat: 'kz', choice: 'abstain' }, /must vote yes or no/);
    refuses(c, { type: 'delegate.vote', seat: 'kz', choice: 'standAside' }, /must vote yes or no/);
    expect(ctxOf(vote(c, 'kz', 'no')).ballots[0]!.votes.kz).toBe('no');
  });

  it("each delegation's vote is counted once", () => {
    const c = vote(openVoting(toFloor()), 'kz', 'yes');
    refuses(c, { type: 'delegate.vote', seat: 'kz', choice: 'no' }, /already voted on this ballot/);
    const closed = chair(vote(vote(vote(c, 'ru', 'yes'), 'kg', 'yes'), 'tj', 'yes'), 'closeBallot');
    expect(ctxOf(closed).closed[0]!.decision.tally).toEqual({
      yes: 4,
      no: 0,
      abstain: 0,
      standAside: 0,
      notVoting: 0,
    });
  });

  it('an absent delegation does not vote, and does not count against the quorum of those present', () => {
    const c = openVoting(toFloor(MINI, { roll: { ru: 'present', kz: 'present', kg: 'present' } }));
    refuses(c, { type: 'delegate.vote', seat: 'tj', choice: 'yes' }, /absent at the roll call/);
    const closed = ballot(c, { ru: 'yes', kz: 'yes', kg: 'yes' });
    // Tajikistan's consent is required for the sensors: absent, it cannot give it.
    expect(ctxOf(closed).outcomes.sensors).toMatchObject({
      adopted: false,
      reason: 'consentMissing',
      blockers: ['tj'],
    });
  });

  it('abstentions are not counted under simple majority', () => {
    const c = ballot(openVoting(toFloor(MINI, { profile: 'majority' })), {
      ru: 'yes',
      kz: 'abstain',
      kg: 'yes',
      tj: 'yes',
    });
    const next = ballot(c, { ru: 'yes', kz: 'no', kg: 'abstain', tj: 'abstain' });
    expect(ctxOf(next).outcomes.monitoring).toMatchObject({ adopted: false, reason: 'noMajority' });
    const tie = ballot(c, { ru: 'yes', kz: 'abstain', kg: 'abstain', tj: 'abstain' });
    expect(ctxOf(tie).outcomes.monitoring).toMatchObject({ adopted: true });
  });

  it('under strict unanimity an abstention blocks', () => {
    const c = ballot(openVoting(toFloor(MINI, { profile: 'unanimity' })), {
      ru: 'yes',
      kz: 'abstain',
      kg: 'yes',
      tj: 'yes',
    });
    expect(ctxOf(c).outcomes.sensors).toMatchObject({
      adopted: false,
      reason: 'notUnanimous',
      blockers: ['kz'],
    });
  });

  it('an adopted proposal moves the stakes of the delegations it names', () => {
    const c = ballot(openVoting(toFloor()), YES);
    expect(ctxOf(c).delegations.ru!.capital).toBe(56);
  });

  it('after the last ballot of the item the conference moves to its outcome', () => {
    let c = ballot(openVoting(toFloor()), YES);
    expect(phaseOf(c)).toBe('floor.item.voting');
    c = ballot(c, YES);
    expect(phaseOf(c)).toBe('floor.item.outcome');
    refuses(c, { type: 'delegate.vote', seat: 'kz', choice: 'yes' }, /no ballot open/);
    refuses(c, { type: 'chair.closeBallot', seat: 'chair' }, /no ballot open/);
  });

  it('no vote is taken outside voting', () => {
    refuses(toFloor(), { type: 'delegate.vote', seat: 'kz', choice: 'yes' }, /no ballot open/);
  });

  it('a closed ballot is recorded with who was eligible and who had to consent', () => {
    const c = ballot(openVoting(toFloor()), YES);
    expect(ctxOf(c).closed[0]).toMatchObject({
      kind: 'proposal',
      proposal: 'sensors',
      item: 0,
      eligible: ['ru', 'kz', 'kg', 'tj'],
      consent: ['kg', 'tj'],
      decision: { adopted: true },
    });
  });
});
