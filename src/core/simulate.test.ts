/** The simulator: the same seed gives the same report, however the games are split across workers. */
import { describe, expect, it } from 'vitest';
import { MINI } from '../../tests/fixtures/mini-scenario';
import { seedSequence } from './random';
import { mergeTallies, reportOf, simulate, tallyGames, type SimulationOptions } from './simulate';

describe('the simulator', () => {
  const o: SimulationOptions = { runs: 60, seed: 7, profile: 'consensus', difficulty: 'normal' };

  it('gives the same report for the same seed, and run 1 is the game of that seed', () => {
    expect(JSON.stringify(simulate(MINI, o))).toBe(JSON.stringify(simulate(MINI, o)));
    expect(seedSequence(1234, 3)[0]).toBe(1234);
  });

  it('merges slices of the seeds, in order, into the report of the whole run', () => {
    const seeds = seedSequence(o.seed, o.runs);
    const whole = reportOf(MINI, o, tallyGames(MINI, o, seeds));
    const parts = [seeds.slice(0, 17), seeds.slice(17, 41), seeds.slice(41)].map((s) =>
      tallyGames(MINI, o, s),
    );
    expect(JSON.stringify(reportOf(MINI, o, parts.reduce(mergeTallies)))).toBe(
      JSON.stringify(whole),
    );
  });
});
