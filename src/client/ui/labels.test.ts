import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioFile } from '../../../tests/helpers/scenarios';
import { fill, setLang } from '../i18n';
import { ballotResult, ballotTitle, statementLines, termLabel } from './labels';

const s = scenarioFile('karabakh-credibility');
const k1 = s.proposals.find((p) => p.code === 'K1')!;

describe('a statement as the hall and the desk show it', () => {
  it('a person’s words come with the position they took, which the words alone do not say', () => {
    const r = statementLines(
      { seq: 9, by: 'am', item: 0, proposal: k1.id, stance: 'support', text: 'Send monitors now.' },
      s,
      'en',
    );
    expect(r).toEqual({ position: `For: K1 ${k1.title.en}`, said: 'Send monitors now.' });
  });

  it('an AI delegation’s words name the position themselves, in the interface’s language', () => {
    const text = 'Our delegation opposes K1.\nНаша делегация выступает против K1.';
    const st = { seq: 9, by: 'ru', item: 0, proposal: k1.id, stance: 'oppose' as const, text };
    expect(statementLines(st, s, 'ru')).toEqual({
      position: null,
      said: 'Наша делегация выступает против K1.',
    });
  });

  it('a statement without words is its position', () => {
    expect(statementLines({ seq: 9, by: 'am', item: 0, stance: 'undecided' }, s, 'en')).toEqual({
      position: 'Undecided',
      said: null,
    });
  });
});

describe('a ballot as the hall and the desk name it', () => {
  const t18 = scenarioFile('tsakhkadzor-2018');
  const withAmendment = t18.proposals.find((p) => p.amendments.length > 0)!;
  const a = withAmendment.amendments[0]!;

  it('a ballot on an amendment says so, not only the proposal it amends', () => {
    expect(
      ballotTitle({ kind: 'amendment', proposal: withAmendment.id, amendment: a.id }, t18),
    ).toBe(`Amendment «${a.title.en}» to ${withAmendment.code} ${withAmendment.title.en}`);
  });

  it('a ballot on a proposal is the proposal', () => {
    expect(ballotTitle({ kind: 'proposal', proposal: withAmendment.id }, t18)).toBe(
      `${withAmendment.code} ${withAmendment.title.en}`,
    );
  });
});

describe('a ballot’s result in a word', () => {
  afterEach(() => {
    setLang('en');
    vi.unstubAllGlobals();
  });

  it('in Russian agrees with the amendment (feminine) and the proposal (neuter)', () => {
    vi.stubGlobal('document', { documentElement: {} });
    setLang('ru');
    const closed = (kind: string, adopted: boolean) => ({ kind, decision: { adopted } });
    expect(ballotResult(closed('amendment', true))).toBe('принята');
    expect(ballotResult(closed('amendment', false))).toBe('отклонена');
    expect(ballotResult(closed('proposal', true))).toBe('принято');
    expect(ballotResult(closed('proposal', false))).toBe('не принято');
  });
});

describe('a term of an offer or a commitment, as the desk and the debrief name it', () => {
  const t18 = scenarioFile('tsakhkadzor-2018');
  const p = t18.proposals.find((x) => x.amendments.length > 0)!;
  const a = p.amendments[0]!;
  beforeEach(() => vi.stubGlobal('document', { documentElement: {} }));
  afterEach(() => {
    setLang('en');
    vi.unstubAllGlobals();
  });

  it('an amendment is named by its title, not by its id', () => {
    const label = termLabel({ type: 'amendment', proposal: p.id, amendment: a.id }, t18);
    expect(label).toBe(`support for the amendment «${a.title.en}» to ${p.code} ${p.title.en}`);
  });

  it('in Russian, standing aside is not called a vote, and the crisis is named as a title', () => {
    setLang('ru');
    expect(termLabel({ type: 'vote', proposal: k1.id, choice: 'standAside' }, s)).toBe(
      `неучастие в голосовании по предложению K1 «${k1.title.ru}»`,
    );
    expect(termLabel({ type: 'vote', proposal: k1.id, choice: 'yes' }, s)).toBe(
      `голос «за» по предложению K1 «${k1.title.ru}»`,
    );
    const c = s.crises[0]!;
    expect(termLabel({ type: 'response', crisis: c.id, atLeast: 'monitoring' }, s)).toBe(
      `ответ не слабее «миссия наблюдателей» в кризисе «${c.title.ru}»`,
    );
  });
});

describe('quotation marks in a filled template', () => {
  it('a title in «…» that has its own «…» nests them as „…“, as Russian does', () => {
    expect(fill('в кризисе «{c}»', { c: 'Таджикистан просит об «адекватном реагировании»' })).toBe(
      'в кризисе «Таджикистан просит об „адекватном реагировании“»',
    );
    // A parameter not set in «…» is left as it is.
    expect(fill('{a}: {b}', { a: '«x»', b: 'y' })).toBe('«x»: y');
  });

  it('a word after a number takes its form: 1 очко, 2 очка, 5 очков, 21 очко; 1 point, 2 points', () => {
    const ru = (n: number) => fill('{n} {n:очко|очка|очков}', { n }, 'ru');
    expect([1, 2, 5, 11, 21, 25].map(ru)).toEqual([
      '1 очко',
      '2 очка',
      '5 очков',
      '11 очков',
      '21 очко',
      '25 очков',
    ]);
    const en = (n: number) => fill('{n} {n:point|points}', { n }, 'en');
    expect([1, 2, 10].map(en)).toEqual(['1 point', '2 points', '10 points']);
  });
});
