import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitLine, lineMetrics, wrapLines } from './nameplates';

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

describe('font metrics', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A context that counts its measurements; the fallback font measures shorter than the web font. */
  const counting = (heightNow: () => number) => {
    let calls = 0;
    const g = {
      font: '',
      measureText: () => {
        calls++;
        return { width: 0, actualBoundingBoxAscent: heightNow() - 4, actualBoundingBoxDescent: 4 };
      },
    } as unknown as CanvasRenderingContext2D;
    return { g, calls: () => calls };
  };

  it('does not keep the fallback font’s figures while the web font is loading, and keeps the real ones', () => {
    let loaded = false;
    vi.stubGlobal('document', { fonts: { check: () => loaded } });
    let height = 17; // the fallback font
    const { g, calls } = counting(() => height);
    const font = 'bold 23px Test Sans';
    expect(lineMetrics(g, font).height).toBe(17);
    loaded = true;
    height = 21; // the web font has arrived
    expect(lineMetrics(g, font).height).toBe(21);
    expect(lineMetrics(g, font).height).toBe(21);
    expect(calls()).toBe(2); // measured again once loaded, then kept
  });
});
