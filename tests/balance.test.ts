/**
 * The library's balance rules, checked on 200 games per scenario at the AI's highest difficulty
 * under the consensus profile (the full 1,000-game report is `npm run balance`, kept in
 * scenarios/README.md).
 */
import { describe, expect, it } from 'vitest';
import { readScenario, scenarioFiles } from '../src/content/library';
import { balanceFindings, simulate } from '../src/core/simulate';

describe('scenario balance', () => {
  for (const file of scenarioFiles()) {
    it(`${file} keeps the balance rules`, () => {
      const s = readScenario(file);
      const report = simulate(s, { runs: 200, seed: 7, profile: 'consensus', difficulty: 'hard' });
      expect(report.stalled).toBe(0);
      const broken = balanceFindings(s, report)
        .filter((f) => !f.ok)
        .map((f) => f.text);
      expect(broken).toEqual([]);
    });
  }
});
