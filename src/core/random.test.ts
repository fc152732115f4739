import { describe, expect, it } from 'vitest';
import { draw, drawNormal } from './random';

describe('seeded draws', () => {
  it('are a pure function of seed, counter and salt', () => {
    expect(draw(7, 3, 'vote/am')).toBe(draw(7, 3, 'vote/am'));
    expect(draw(7, 3, 'vote/am')).not.toBe(draw(7, 4, 'vote/am'));
  });

  // The AI skips drawing noise when even the largest possible draw could not change its choice
  // (`handleAmendments`); that relies on this bound.
  it('drawNormal stays within ±3 and has mean about 0 and spread about 1', () => {
    let sum = 0;
    let sq = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const x = drawNormal(11, i, `s/${i % 7}`);
      expect(x).toBeGreaterThanOrEqual(-3);
      expect(x).toBeLessThan(3);
      sum += x;
      sq += x * x;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
    expect(Math.sqrt(sq / n)).toBeGreaterThan(0.8);
    expect(Math.sqrt(sq / n)).toBeLessThan(1.2);
  });
});
