/**
 * The teaching kit in both languages: each guide in docs/ has its Russian version in docs/ru/ with
 * the same headings, at the same levels, and tables of the same size (a section added to one
 * language only fails here), and no relative link in either points to a file that is not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GUIDES = ['facilitator-guide.md', 'student-guide.md', 'assessment-rubric.md'];

/** Lines outside fenced code blocks. */
const prose = (md: string): string[] => {
  let fenced = false;
  return md.split('\n').filter((line) => {
    if (line.startsWith('```')) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
};
const headingLevels = (md: string): number[] =>
  prose(md)
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => l.indexOf(' '));
const tableRows = (md: string): number => prose(md).filter((l) => /^\|.*\|\s*$/.test(l)).length;
/** Relative link targets (no scheme, no anchor-only links), without their anchors. */
const relativeLinks = (md: string): string[] =>
  [...md.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#'))
    .map((href) => href.replace(/#.*$/, ''));

describe('the teaching kit in English and Russian', () => {
  it.each(GUIDES)('%s has a Russian version with the same sections and tables', (name) => {
    const en = readFileSync(join(ROOT, 'docs', name), 'utf8');
    const ruFile = join(ROOT, 'docs', 'ru', name);
    expect(existsSync(ruFile), `docs/ru/${name} is missing`).toBe(true);
    const ru = readFileSync(ruFile, 'utf8');
    expect(headingLevels(ru), `docs/ru/${name}: headings differ from docs/${name}`).toEqual(
      headingLevels(en),
    );
    expect(tableRows(ru), `docs/ru/${name}: table rows differ from docs/${name}`).toBe(
      tableRows(en),
    );
    // Each version points to the other.
    expect(en).toContain(`(ru/${name})`);
    expect(ru).toContain(`(../${name})`);
  });

  it.each(GUIDES.flatMap((g) => [join('docs', g), join('docs', 'ru', g)]))(
    'every relative link in %s leads to a file',
    (file) => {
      const md = readFileSync(join(ROOT, file), 'utf8');
      const broken = relativeLinks(md).filter(
        (href) => !existsSync(resolve(ROOT, dirname(file), href)),
      );
      expect(broken, `${file}: links to missing files`).toEqual([]);
    },
  );
});
