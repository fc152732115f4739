import { describe, expect, it } from 'vitest';
import { scenarioFile } from '../../../tests/helpers/scenarios';
import { statementLines } from './game';

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
