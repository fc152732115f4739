import { describe, expect, it } from 'vitest';
import { fitLine, wrapLines } from './nameplates';

/** A 2D context stand-in whose text is 10 px per character (spaces included). */
const ctx = (): CanvasRenderingContext2D =>
  ({
    font: '',
    measureText: (s: string) => ({ width: s.length * 10 }),
  }) as unknown as CanvasRenderingContext2D;

describe('nameplate text', () => {
  it('wraps a name between words, each line within the width', () => {
    const lines = wrapLines(ctx(), 'Republic of Kazakhstan', 120, 2);
    expect(lines).toEqual(['Republic of', 'Kazakhstan']);
    for (const l of lines) expect(l.length * 10).toBeLessThanOrEqual(120);
  });

  it('keeps a name that fits on one line whole', () => {
    expect(wrapLines(ctx(), 'Russia', 120, 2)).toEqual(['Russia']);
  });

  it('cuts a word longer than a line where it must', () => {
    const lines = wrapLines(ctx(), 'Kyrgyzstanistan', 60, 3);
    expect(lines.join('')).toBe('Kyrgyzstanistan');
    for (const l of lines) expect(l.length * 10).toBeLessThanOrEqual(60);
  });

  it('ends the last line with an ellipsis when the name needs more lines than it may have', () => {
    const lines = wrapLines(ctx(), 'Collective Security Treaty Organization', 110, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Collective');
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines[1]!.length * 10).toBeLessThanOrEqual(110);
  });

  it('shortens a status line with an ellipsis only when it is too wide', () => {
    expect(fitLine(ctx(), 'present', 100)).toBe('present');
    const cut = fitLine(ctx(), 'not taking part', 80);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length * 10).toBeLessThanOrEqual(80);
  });
});
