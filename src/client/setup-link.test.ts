import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioFile } from '../../tests/helpers/scenarios';
import { setLang } from './i18n';
import {
  SETUP_KEY,
  describeProblem,
  readSetup,
  rememberSetup,
  clampSeed,
  rememberedSetup,
  setupLink,
  type Setup,
} from './setup-link';

const scenarios = ['tsakhkadzor-2018', 'kazakhstan-2022', 'karabakh-credibility'].map(scenarioFile);
const fallback: Setup = {
  scenario: 'tsakhkadzor-2018',
  mode: 'solo',
  humans: ['ru'],
  difficulty: 'normal',
  profile: 'consensus',
  seed: 123,
};
/** The scenario a reading chose, which its problems are described in. */
const chosen = (id: string) => scenarios.find((x) => x.id === id)!;
const read = (query: string, base = fallback) =>
  readSetup(new URLSearchParams(query), scenarios, base);

describe('a set-up link', () => {
  // The interface language is set on the page's root element.
  beforeEach(() => {
    vi.stubGlobal('document', { documentElement: {} });
    setLang('en');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('gives back every choice it was made from, the seed included', () => {
    const chosen: Setup = {
      scenario: 'kazakhstan-2022',
      mode: 'hotseat',
      humans: ['am', 'kz'],
      difficulty: 'hard',
      profile: 'twoThirds',
      seed: 4242,
    };
    const link = setupLink('http://192.168.1.20:8080/?pace=0#x', chosen);
    expect(link.startsWith('http://192.168.1.20:8080/?scenario=kazakhstan-2022&')).toBe(true);
    const r = read(new URL(link).search);
    expect(r.problems).toEqual([]);
    expect(r.setup).toEqual(chosen);
  });

  it('keeps what it does not name from the screen’s own choices', () => {
    const r = read('scenario=kazakhstan-2022&seed=7');
    expect(r.problems).toEqual([]);
    expect(r.setup).toMatchObject({ scenario: 'kazakhstan-2022', seed: 7, difficulty: 'normal' });
    // Russia sits in both scenarios, so the screen's delegation stays.
    expect(r.setup.humans).toEqual(['ru']);
  });

  it('names each part it cannot use, says what was chosen instead, and still uses the rest', () => {
    const r = read('scenario=kazakhstan-2022&seats=XX,am&ai=impossible&procedure=veto&seed=12ab');
    expect(r.setup).toEqual({ ...fallback, scenario: 'kazakhstan-2022', humans: ['am'] });
    expect(r.problems.map((p) => [p.param, p.value, p.instead])).toEqual([
      ['ai', 'impossible', 'normal'],
      ['procedure', 'veto', 'consensus'],
      ['seed', '12ab', '123'],
      ['seats', 'XX', ''],
    ]);
    const text = r.problems.map((p) => describeProblem(p, chosen(r.setup.scenario)));
    expect(text[0]).toContain('“impossible” is not an AI difficulty');
    expect(text[1]).toContain('CSTO consensus');
    expect(text[2]).toContain('123 is kept');
    expect(text[3]).toContain('“XX” is not a member delegation in this scenario');
  });

  it('an unknown scenario keeps the screen’s, and delegations are looked up in that one', () => {
    const r = read('scenario=karabakh&seats=am');
    expect(r.setup.scenario).toBe('tsakhkadzor-2018');
    expect(r.setup.humans).toEqual(['am']);
    setLang('ru');
    expect(describeProblem(r.problems[0]!, chosen(r.setup.scenario))).toBe(
      'Сценария «karabakh» в игре нет: выбран «Цахкадзор-2018: модельная конференция ОДКБ».',
    );
  });

  it('with no usable delegation, chooses the first member and says so', () => {
    const r = read('scenario=tsakhkadzor-2018&seats=nato');
    expect(r.setup.humans).toEqual(['ru']);
    expect(describeProblem(r.problems[0]!, chosen(r.setup.scenario))).toBe(
      '“nato” is not a member delegation in this scenario: Russian Federation is chosen.',
    );
  });

  it('a solo game with several delegations keeps the first; several without a mode is hot-seat', () => {
    const solo = read('scenario=tsakhkadzor-2018&mode=solo&seats=by,kz,by');
    expect(solo.setup).toMatchObject({ mode: 'solo', humans: ['by'] });
    expect(describeProblem(solo.problems[0]!, chosen(solo.setup.scenario))).toBe(
      'A solo game has one delegation: Republic of Belarus is chosen and Republic of Kazakhstan left out.',
    );
    const several = read('scenario=tsakhkadzor-2018&seats=by,kz,by');
    expect(several.problems).toEqual([]);
    expect(several.setup).toMatchObject({ mode: 'hotseat', humans: ['by', 'kz'] });
  });

  it('quotes a long unusable value back cut short', () => {
    const r = read(`scenario=${'x'.repeat(500)}`);
    expect(r.problems[0]!.value).toBe(`${'x'.repeat(39)}…`);
  });

  it('refuses seeds that are not whole numbers from 0 to 99999', () => {
    for (const bad of ['-1', '100000', '1.5', '1e3', ''])
      expect(read(`scenario=tsakhkadzor-2018&seed=${bad}`).problems[0]?.param, bad).toBe('seed');
    expect(read('scenario=tsakhkadzor-2018&seed=0').setup.seed).toBe(0);
    expect(read('scenario=tsakhkadzor-2018&seed=99999').setup.seed).toBe(99999);
  });
});

describe('the remembered set-up', () => {
  afterEach(() => vi.unstubAllGlobals());
  const store = () => {
    const m = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
    });
    return m;
  };

  it('brings back the last game’s choices but not its seed', () => {
    const m = store();
    rememberSetup({
      ...fallback,
      scenario: 'kazakhstan-2022',
      humans: ['am'],
      difficulty: 'easy',
      seed: 77,
    });
    expect(m.get(SETUP_KEY)).not.toContain('seed');
    expect(rememberedSetup(scenarios, fallback)).toEqual({
      ...fallback,
      scenario: 'kazakhstan-2022',
      humans: ['am'],
      difficulty: 'easy',
      seed: fallback.seed,
    });
  });

  it('quietly drops what no longer fits, and survives storage that refuses', () => {
    const m = store();
    m.set(SETUP_KEY, 'scenario=gone&seats=am&ai=legendary');
    expect(rememberedSetup(scenarios, fallback)).toEqual({ ...fallback, humans: ['am'] });
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect(rememberedSetup(scenarios, fallback)).toEqual(fallback);
    expect(() => rememberSetup(fallback)).not.toThrow();
  });
});

describe('a seed typed in a number field', () => {
  it('is kept within 0 to 99999, and anything not a number is 0', () => {
    expect(['4242', '123456', '-5', '12.7', 'abc', ''].map(clampSeed)).toEqual([
      4242, 99999, 0, 12, 0, 0,
    ]);
  });
});
