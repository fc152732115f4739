import { describe, expect, it } from 'vitest';
import type { Choice } from './events';
import { decide, decideMotion, PROFILES, PROFILE_IDS, tally } from './profiles';

const FOUR = ['ru', 'kz', 'kg', 'tj'];
const SIX = ['ru', 'by', 'kz', 'kg', 'tj', 'am'];
type Votes = Record<string, Choice>;

describe('consensus: a decision passes when no member objects', () => {
  it('passes when everyone votes yes', () => {
    const d = decide('consensus', { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' }, FOUR);
    expect(d).toMatchObject({ adopted: true, reason: 'adopted', blockers: [] });
  });

  it('a single objection blocks, and the objector is named', () => {
    const d = decide('consensus', { ru: 'yes', kz: 'no', kg: 'yes', tj: 'yes' }, FOUR);
    expect(d).toMatchObject({ adopted: false, reason: 'objection', blockers: ['kz'] });
  });

  it('standing aside does not block', () => {
    const d = decide(
      'consensus',
      { ru: 'yes', kz: 'standAside', kg: 'standAside', tj: 'yes' },
      FOUR,
    );
    expect(d.adopted).toBe(true);
    expect(d.tally).toEqual({ yes: 2, no: 0, abstain: 0, standAside: 2, notVoting: 0 });
  });

  it('fails with no support when nobody votes yes', () => {
    const d = decide(
      'consensus',
      { ru: 'standAside', kz: 'abstain', kg: 'standAside', tj: 'standAside' },
      FOUR,
    );
    expect(d).toMatchObject({ adopted: false, reason: 'noSupport' });
  });

  it('a member who does not vote neither blocks nor supports', () => {
    const d = decide('consensus', { ru: 'yes' }, FOUR);
    expect(d.adopted).toBe(true);
    expect(d.tally.notVoting).toBe(3);
  });
});

describe('strict unanimity: every eligible member must vote yes', () => {
  it('passes with all yes', () => {
    expect(decide('unanimity', { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' }, FOUR).adopted).toBe(
      true,
    );
  });

  it.each<[string, Votes, string[]]>([
    ['a no', { ru: 'yes', kz: 'no', kg: 'yes', tj: 'yes' }, ['kz']],
    ['an abstention', { ru: 'yes', kz: 'yes', kg: 'abstain', tj: 'yes' }, ['kg']],
    ['standing aside', { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'standAside' }, ['tj']],
    ['a missing vote', { ru: 'yes', kz: 'yes', kg: 'yes' }, ['tj']],
  ])('%s blocks and is named', (_label, votes, blockers) => {
    expect(decide('unanimity', votes, FOUR)).toMatchObject({
      adopted: false,
      reason: 'notUnanimous',
      blockers,
    });
  });

  it('the same votes pass under consensus when the only dissent is standing aside', () => {
    const votes: Votes = { ru: 'yes', kz: 'standAside', kg: 'yes', tj: 'yes' };
    expect(decide('consensus', votes, FOUR).adopted).toBe(true);
    expect(decide('unanimity', votes, FOUR).adopted).toBe(false);
  });
});

describe('simple majority of members present and voting', () => {
  it('abstentions are not counted: one yes against none passes', () => {
    const d = decide('majority', { ru: 'yes', kz: 'abstain', kg: 'abstain', tj: 'abstain' }, FOUR);
    expect(d.adopted).toBe(true);
  });

  it('a tie fails', () => {
    expect(decide('majority', { ru: 'yes', kz: 'no', kg: 'yes', tj: 'no' }, FOUR)).toMatchObject({
      adopted: false,
      reason: 'noMajority',
    });
  });

  it('more yes than no passes even if a member objects', () => {
    expect(
      decide('majority', { ru: 'yes', kz: 'no', kg: 'yes', tj: 'abstain' }, FOUR).adopted,
    ).toBe(true);
  });

  it('no yes at all is reported as no support', () => {
    expect(decide('majority', { ru: 'abstain', kz: 'abstain' }, FOUR).reason).toBe('noSupport');
  });
});

describe('two-thirds majority of members present and voting', () => {
  it('exactly two-thirds passes (4 yes, 2 no)', () => {
    const votes: Votes = { ru: 'yes', by: 'yes', kz: 'yes', kg: 'yes', tj: 'no', am: 'no' };
    expect(decide('twoThirds', votes, SIX).adopted).toBe(true);
  });

  it('just under two-thirds fails (3 yes, 2 no)', () => {
    const votes: Votes = { ru: 'yes', by: 'yes', kz: 'yes', kg: 'abstain', tj: 'no', am: 'no' };
    expect(decide('twoThirds', votes, SIX)).toMatchObject({
      adopted: false,
      reason: 'noTwoThirds',
    });
  });

  it('2 yes against 1 no is exactly two-thirds and passes; abstentions do not count', () => {
    const votes: Votes = {
      ru: 'yes',
      by: 'yes',
      kz: 'no',
      kg: 'abstain',
      tj: 'abstain',
      am: 'abstain',
    };
    expect(decide('twoThirds', votes, SIX).adopted).toBe(true);
  });

  it('nobody voting yes fails', () => {
    expect(decide('twoThirds', { ru: 'abstain' }, SIX).reason).toBe('noSupport');
  });
});

describe('consent of named states is needed whatever the rule', () => {
  const allYesButTj: Votes = { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'abstain' };

  it.each(['consensus', 'unanimity', 'majority', 'twoThirds'] as const)(
    'under %s a host that does not say yes blocks',
    (rule) => {
      const d = decide(rule, allYesButTj, FOUR, ['kg', 'tj']);
      expect(d).toMatchObject({ adopted: false, reason: 'consentMissing', blockers: ['tj'] });
    },
  );

  it('a host that stands aside under consensus still withholds consent', () => {
    const d = decide('consensus', { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'standAside' }, FOUR, [
      'tj',
    ]);
    expect(d).toMatchObject({ adopted: false, reason: 'consentMissing', blockers: ['tj'] });
  });

  it('a host that is not eligible (absent or frozen) cannot consent', () => {
    const d = decide('majority', { ru: 'yes', kz: 'yes', tj: 'yes' }, ['ru', 'kz', 'kg'], ['tj']);
    expect(d.reason).toBe('consentMissing');
  });

  it('passes when every host says yes', () => {
    expect(
      decide('majority', { ru: 'no', kz: 'yes', kg: 'yes', tj: 'yes' }, FOUR, ['kg', 'tj']).adopted,
    ).toBe(true);
  });
});

describe('quorum', () => {
  it('fails without quorum, before any other rule', () => {
    // 2 of 4 eligible, two-thirds needed (3).
    const d = decide('consensus', { ru: 'yes', kz: 'yes' }, ['ru', 'kz'], [], 2 / 3, 4);
    expect(d).toMatchObject({ adopted: false, reason: 'noQuorum' });
  });

  it('exactly the quorum is enough', () => {
    const d = decide(
      'consensus',
      { ru: 'yes', kz: 'yes', kg: 'yes' },
      ['ru', 'kz', 'kg'],
      [],
      2 / 3,
      4,
    );
    expect(d.adopted).toBe(true);
  });

  it('half of six is a quorum for majority profiles', () => {
    expect(
      decide('majority', { ru: 'yes' }, ['ru', 'kz', 'kg'], [], PROFILES.majority.quorum, 6)
        .adopted,
    ).toBe(true);
    expect(
      decide('majority', { ru: 'yes' }, ['ru', 'kz'], [], PROFILES.majority.quorum, 6).reason,
    ).toBe('noQuorum');
  });
});

describe('procedural motions', () => {
  it('a simple majority needs more yes than no', () => {
    expect(decideMotion('majority', { ru: 'yes', kz: 'yes', kg: 'no' }, FOUR)).toBe(true);
    expect(decideMotion('majority', { ru: 'yes', kz: 'no' }, FOUR)).toBe(false);
  });

  it('two-thirds: 2 against 1 carries, 3 against 2 does not', () => {
    expect(decideMotion('twoThirds', { ru: 'yes', kz: 'yes', kg: 'no' }, FOUR)).toBe(true);
    expect(
      decideMotion('twoThirds', { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'no', by: 'no' }, [
        ...FOUR,
        'by',
      ]),
    ).toBe(false);
  });

  it('votes of members who are not eligible are ignored', () => {
    expect(decideMotion('majority', { ru: 'yes', am: 'no', by: 'no' }, FOUR)).toBe(true);
  });
});

describe('the profiles as data', () => {
  it('only the CSTO consensus profile allows standing aside', () => {
    expect(PROFILE_IDS.filter((id) => PROFILES[id].standAside)).toEqual(['consensus']);
  });

  it('every profile has a name and description in both languages', () => {
    for (const id of PROFILE_IDS) {
      const p = PROFILES[id];
      expect(p.id).toBe(id);
      for (const text of [p.name, p.description]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.ru.trim()).not.toBe('');
      }
    }
  });

  it('a tally counts each eligible member once and ignores the rest', () => {
    expect(tally({ ru: 'yes', kz: 'no', am: 'yes' }, ['ru', 'kz', 'kg'])).toEqual({
      yes: 1,
      no: 1,
      abstain: 0,
      standAside: 0,
      notVoting: 1,
    });
  });
});
