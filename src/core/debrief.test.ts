import { describe, expect, it } from 'vitest';
import { scenarioFile } from '../../tests/helpers/scenarios';
import { autoplay } from './ai/autoplay';
import { startConference } from './conference';
import { debriefOf } from './debrief';

describe('awards', () => {
  it('give their reasons in grammatical English, one or many', () => {
    const reasons = new Set<string>();
    const scenario = scenarioFile('karabakh-credibility');
    for (let seed = 1; seed <= 30; seed++)
      for (const difficulty of ['easy', 'hard'] as const) {
        const r = autoplay(startConference(scenario, { seed, profile: 'consensus' }), {
          difficulty,
        });
        for (const a of debriefOf(r.conference).awards) reasons.add(a.reason.en);
      }
    const all = [...reasons];
    expect(all.filter((x) => /\b1 (deals|proposals)\b|\(s\)/.test(x))).toEqual([]);
    // Both counts occur, so both forms were checked.
    expect(all).toContain('blocked 1 proposal');
    expect(all.some((x) => /^blocked [2-9]\d* proposals$/.test(x))).toBe(true);
  });
});
