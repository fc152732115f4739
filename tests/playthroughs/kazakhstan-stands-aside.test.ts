/**
 * Kazakhstan will not vote for the border sensors, but it will not block them either. Under the
 * CSTO's consensus rule it stands aside and the sensors pass; under strict unanimity it cannot
 * stand aside, abstains, and the sensors fail. The same conference, two rulebooks.
 */
import { describe, expect, it } from 'vitest';
import type { ProfileId } from '../../src/core/profiles';
import { MINI } from '../fixtures/mini-scenario';
import {
  act,
  allPresent,
  ballot,
  chair,
  ctxOf,
  joinSpeakers,
  move,
  open,
  phaseOf,
  putAndVoteMotion,
  recognize,
  refuses,
  rollCall,
  speak,
  vote,
  yieldTo,
} from '../helpers/story';

/** Roll call, a short debate on the sensors, and debate closed: the ballots are open. */
const debateTheSensors = (profile: ProfileId) => {
  let c = chair(rollCall(open(MINI, { profile }), allPresent()), 'adoptAgenda');
  c = joinSpeakers(joinSpeakers(c, 'ru'), 'kz');
  c = speak(recognize(c, 'ru'), 'ru', 'support', 'sensors');
  c = yieldTo(c, 'ru', 'chair');
  c = speak(recognize(c, 'kz'), 'kz', 'undecided', 'sensors');
  c = yieldTo(c, 'kz', 'chair');
  c = move(c, 'kg', { kind: 'closeDebate' });
  c = putAndVoteMotion(c, { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' });
  expect(phaseOf(c)).toBe('floor.item.voting');
  expect(ctxOf(c).ballots[0]!.proposal).toBe('sensors');
  return c;
};

describe('Kazakhstan does not want the sensors, and does not want to block them', () => {
  it('under CSTO consensus it stands aside, and the sensors pass', () => {
    let c = debateTheSensors('consensus');
    c = ballot(c, { ru: 'yes', kz: 'standAside', kg: 'yes', tj: 'yes' });
    const sensors = ctxOf(c).outcomes.sensors!;
    expect(sensors).toMatchObject({ adopted: true, reason: 'adopted', blockers: [] });
    expect(ctxOf(c).closed[0]!.decision.tally).toMatchObject({ yes: 3, standAside: 1 });
    expect(ctxOf(c).metrics.borderSecurity).toBe(48);
  });

  it('under strict unanimity it may not stand aside; it abstains, and the sensors fail', () => {
    let c = debateTheSensors('unanimity');
    refuses(c, { type: 'delegate.vote', seat: 'kz', choice: 'standAside' }, /no standing aside/);
    c = vote(c, 'kz', 'abstain');
    c = ballot(c, { ru: 'yes', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).outcomes.sensors).toMatchObject({
      adopted: false,
      reason: 'notUnanimous',
      blockers: ['kz'],
    });
    expect(ctxOf(c).metrics.borderSecurity).toBe(40);
    // The failure costs the alliance some cohesion.
    expect(ctxOf(c).metrics.cohesion).toBe(49);
  });

  it('had it objected, consensus would have failed too, and named Kazakhstan', () => {
    let c = debateTheSensors('consensus');
    c = ballot(c, { ru: 'yes', kz: 'no', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).outcomes.sensors).toMatchObject({
      adopted: false,
      reason: 'objection',
      blockers: ['kz'],
    });
  });

  it('and even a yes from Kazakhstan cannot pass the sensors against a host that stands aside', () => {
    let c = debateTheSensors('consensus');
    c = ballot(c, { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'standAside' });
    expect(ctxOf(c).outcomes.sensors).toMatchObject({
      adopted: false,
      reason: 'consentMissing',
      blockers: ['tj'],
    });
    // The chair goes on with the monitoring mission.
    c = ballot(c, { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' });
    expect(phaseOf(c)).toBe('floor.item.outcome');
    expect(act(c, { type: 'chair.nextItem', seat: 'chair' }).snapshot.context.crisis).toBe(
      'tj-border',
    );
  });
});
