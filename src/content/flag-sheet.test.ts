import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FLAG_H, FLAG_IDS, FLAG_W, flagSheet } from './flag-sheet';

const require = createRequire(import.meta.url);
const real = FLAG_IDS.map(
  (id) => [id, readFileSync(require.resolve(`flag-icons/flags/4x3/${id}.svg`), 'utf8')] as const,
);

describe('the flags sheet', () => {
  it('puts each flag in its own cell, left to right, at the size the hall draws', () => {
    const svg = flagSheet(real);
    expect(svg).toMatch(
      new RegExp(`^<svg [^>]*width="${FLAG_IDS.length * FLAG_W}" height="${FLAG_H}"`),
    );
    const cells = [
      ...svg.matchAll(
        /<svg x="(\d+)" y="0" width="(\d+)" height="(\d+)"[^>]*id="flag-icons-(\w+)"/g,
      ),
    ];
    expect(cells.map((m) => m[4])).toEqual([...FLAG_IDS]);
    expect(cells.map((m) => Number(m[1]))).toEqual(FLAG_IDS.map((_, i) => i * FLAG_W));
    expect(new Set(cells.map((m) => `${m[2]}×${m[3]}`))).toEqual(new Set([`${FLAG_W}×${FLAG_H}`]));
    // Each flag keeps its own drawing: Russia's three stripes are there as flag-icons draws them.
    expect(svg).toContain(
      real
        .find(([id]) => id === 'ru')![1]
        .split('\n')[2]!
        .trim(),
    );
  });

  it('refuses two flags that share an id (one would paint the other) and a file with no <svg>', () => {
    const a = '<svg xmlns="http://www.w3.org/2000/svg" id="x"><clipPath id="c"/></svg>';
    const b = '<svg xmlns="http://www.w3.org/2000/svg" id="y"><clipPath id="c"/></svg>';
    expect(() =>
      flagSheet([
        ['aa', a],
        ['bb', b],
      ]),
    ).toThrow('flag bb: the id "c" is used by another flag');
    expect(() => flagSheet([['aa', '<?xml version="1.0"?>']])).toThrow('flag aa: no <svg> element');
  });
});
