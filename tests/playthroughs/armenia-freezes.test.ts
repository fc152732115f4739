/**
 * September 2022, as the karabakh-credibility scenario plays it. The council calls for a
 * ceasefire; Armenia invokes Article 4 and asks for a CRRF contingent; its allies answer with
 * statements or stand aside. Armenia freezes its participation, and then cannot vote, so the
 * declaration on assistance to Armenia, which needs Armenia's own consent, fails.
 */
import { describe, expect, it } from 'vitest';
import type { Conference } from '../../src/core/conference';
import type { ResponseKind } from '../../src/core/scenario';
import { scenarioFile } from '../helpers/scenarios';
import {
  allPresent,
  ballot,
  chair,
  ctxOf,
  joinSpeakers,
  open,
  openVoting,
  phaseOf,
  recognize,
  refuses,
  respond,
  rollCall,
  speak,
  yieldTo,
} from '../helpers/story';

const karabakh = () => scenarioFile('karabakh-credibility');
const ALL_YES = { ru: 'yes', by: 'yes', kz: 'yes', kg: 'yes', tj: 'yes', am: 'yes' } as const;

/** The ceasefire call is debated and adopted; the chair moves on and Armenia's request opens. */
const ceasefireThenRequest = (): Conference => {
  let c = chair(rollCall(open(karabakh()), allPresent(karabakh())), 'adoptAgenda');
  c = joinSpeakers(c, 'am');
  c = speak(recognize(c, 'am'), 'am', 'support', 'ceasefire-statement');
  c = yieldTo(c, 'am', 'chair');
  c = ballot(openVoting(c), ALL_YES);
  expect(ctxOf(c).outcomes['ceasefire-statement']).toMatchObject({ adopted: true });
  c = chair(c, 'nextItem');
  expect(phaseOf(c)).toBe('crisis.responses');
  expect(ctxOf(c).crisis).toBe('armenia-art4');
  return c;
};

const answer = (c: Conference, responses: Record<string, ResponseKind>): Conference => {
  for (const [seat, r] of Object.entries(responses)) c = respond(c, seat, 'armenia-art4', r);
  return chair(c, 'closeResponses');
};

describe("Armenia's request goes unanswered", () => {
  const words = {
    ru: 'statement',
    by: 'standAside',
    kz: 'standAside',
    kg: 'statement',
    tj: 'standAside',
  } as const;

  it('the allies offer words; Armenia freezes its participation and credibility falls', () => {
    const before = ctxOf(ceasefireThenRequest()).metrics.credibility;
    const c = answer(ceasefireThenRequest(), words);
    const crisis = ctxOf(c).crises['armenia-art4']!;
    expect(crisis).toMatchObject({ level: 1, honoured: false, froze: true });
    expect(crisis.credibilityChange).toBeLessThan(0);
    expect(ctxOf(c).metrics.credibility).toBe(before + crisis.credibilityChange);
    expect(ctxOf(c).delegations.am!.frozen).toBe(true);
  });

  it('frozen, Armenia cannot vote, and the declaration that needs its consent fails', () => {
    let c = chair(chair(answer(ceasefireThenRequest(), words), 'nextItem'), 'nextItem');
    expect(ctxOf(c).item).toBe(1);
    refuses(
      c,
      {
        type: 'delegate.makeOffer',
        seat: 'am',
        to: 'ru',
        give: [{ type: 'capital', amount: 1 }],
        want: [{ type: 'vote', proposal: 'assistance-declaration', choice: 'yes' }],
      },
      /frozen its participation/,
    );
    c = openVoting(c);
    refuses(c, { type: 'delegate.vote', seat: 'am', choice: 'yes' }, /frozen its participation/);
    const { am: _am, ...others } = ALL_YES;
    c = ballot(c, others);
    expect(ctxOf(c).outcomes['assistance-declaration']).toMatchObject({
      adopted: false,
      reason: 'consentMissing',
      blockers: ['am'],
    });
    c = chair(ballot(c, others), 'nextItem');
    expect(phaseOf(c)).toBe('debrief');
    expect(ctxOf(c).outcomes['border-observer-mission']).toMatchObject({
      adopted: false,
      reason: 'consentMissing',
    });
  });

  it('had Russia sent a CRRF contingent and no one objected, Armenia would have stayed', () => {
    const c = answer(ceasefireThenRequest(), { ...words, ru: 'crrf' });
    expect(ctxOf(c).crises['armenia-art4']).toMatchObject({ level: 6, froze: false });
    expect(ctxOf(c).delegations.am!.frozen).toBe(false);
  });

  it('one objection under consensus blocks every collective answer, whatever Russia pledges', () => {
    const c = answer(ceasefireThenRequest(), { ...words, ru: 'crrf', kz: 'object' });
    expect(ctxOf(c).crises['armenia-art4']).toMatchObject({
      level: 0,
      participants: [],
      froze: true,
    });
  });
});
