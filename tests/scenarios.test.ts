/**
 * Every scenario file loads, every text is in both languages, every figure has its source, and a
 * broken file gets problems that name the file, the path in it and the fix (STYLE.md rule 9).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { scenarioJsonSchema } from '../src/content/json-schema';
import {
  formatProblem,
  loadGlossary,
  loadScenario,
  loadScenarioOrThrow,
  ScenarioError,
  type ScenarioProblem,
} from '../src/content/load';
import type { Scenario, ScenarioInput } from '../src/core/scenario';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'scenarios');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const SCENARIO_FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml') && f !== 'glossary.yaml')
  .sort();

/** The valid scenario the broken copies are made from. */
const BASE = 'karabakh-credibility.yaml';

const loaded = (name: string): Scenario => {
  const r = loadScenario(read(name), `scenarios/${name}`);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.value;
};

describe('every scenario file loads', () => {
  it('the known scenarios are all there', () => {
    expect(SCENARIO_FILES).toEqual(
      expect.arrayContaining([
        'karabakh-credibility.yaml',
        'tajik-afghan-border.yaml',
        'tsakhkadzor-2018.yaml',
      ]),
    );
  });

  it.each(SCENARIO_FILES)('%s loads with no problems', (name) => {
    const r = loadScenario(read(name), `scenarios/${name}`);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
  });

  it('glossary.yaml loads as a glossary, with every term in both languages', () => {
    const r = loadGlossary(read('glossary.yaml'), 'scenarios/glossary.yaml');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    const ids = r.value.terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the editor JSON Schema is in step with the scenario schema (regenerate with `npm run schema`)', () => {
    expect(JSON.parse(read('scenario.schema.json'))).toEqual(
      JSON.parse(JSON.stringify(scenarioJsonSchema())),
    );
  });
});

describe.each(SCENARIO_FILES)('%s content', (name) => {
  const text = read(name);
  const result = loadScenario(text, `scenarios/${name}`);

  it('every text has non-empty English and Russian', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const missing: string[] = [];
    let texts = 0;
    const walk = (x: unknown, path: string): void => {
      if (Array.isArray(x)) return x.forEach((v, i) => walk(v, `${path}[${i}]`));
      if (x === null || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      if ('en' in o || 'ru' in o) {
        texts++;
        for (const lang of ['en', 'ru'])
          if (typeof o[lang] !== 'string' || !(o[lang] as string).trim())
            missing.push(`${path}.${lang}`);
        // A Russian text that is the English one copied is a missing translation.
        if (typeof o.en === 'string' && o.en.length > 20 && o.en === o.ru)
          missing.push(`${path}.ru (same as en)`);
        return;
      }
      for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(result.value, '');
    expect(missing).toEqual([]);
    expect(texts).toBeGreaterThan(50);
  });

  it('every fact-sheet figure and history note has a source that exists', () => {
    if (!result.ok) return expect(result.ok).toBe(true);
    const s = result.value;
    const sources = new Set(s.sources.map((x) => x.id));
    const unknown: string[] = [];
    const check = (path: string, id: string) => {
      if (!sources.has(id)) unknown.push(`${path}: ${id}`);
    };
    for (const d of s.delegations) {
      const f = d.factSheet;
      for (const k of ['population', 'gdp', 'militarySpending', 'armedForces'] as const)
        check(`${d.id}.${k}`, f[k].source);
      f.bases.forEach((b, i) => check(`${d.id}.bases[${i}]`, b.source));
      f.alignments.forEach((b, i) => check(`${d.id}.alignments[${i}]`, b.source));
    }
    expect(s.debrief.history.length).toBeGreaterThan(0);
    s.debrief.history.forEach((h, i) => {
      expect(h.sources.length, `history[${i}] has no source`).toBeGreaterThan(0);
      h.sources.forEach((id) => check(`history[${i}]`, id));
    });
    expect(unknown).toEqual([]);
  });

  it('every source is dated and has a web address', () => {
    if (!result.ok) return expect(result.ok).toBe(true);
    for (const src of result.value.sources) {
      expect(src.url).toMatch(/^https?:\/\//);
      expect(src.date).toMatch(/^\d{4}/);
    }
  });
});

describe('a broken scenario gets problems that name the file, the path and the fix', () => {
  const FILE = 'scenarios/broken-copy.yaml';
  /** Loads a copy of the base scenario after `edit` changes its parsed data. */
  const broken = (edit: (data: ScenarioInput) => void): ScenarioProblem[] => {
    const data = parse(read(BASE)) as ScenarioInput;
    edit(data);
    const r = loadScenario(stringify(data), FILE);
    expect(r.ok, 'the broken copy should not load').toBe(false);
    return r.ok ? [] : r.problems;
  };
  const only = (problems: ScenarioProblem[], path: string): ScenarioProblem => {
    const p = problems.find((x) => x.path === path);
    expect(p, `no problem at ${path}; got ${problems.map((x) => x.path).join(', ')}`).toBeDefined();
    expect(p!.file).toBe(FILE);
    expect(p!.fix.trim()).not.toBe('');
    expect(p!.line).toBeGreaterThan(0);
    return p!;
  };

  it('the base scenario is valid, so each problem below comes from its edit', () => {
    expect(loadScenario(stringify(parse(read(BASE))), FILE).ok).toBe(true);
  });

  it("an unknown delegation in a proposal's consent", () => {
    const problems = broken((d) => {
      d.proposals[0]!.consent = ['xx'];
    });
    const p = only(problems, 'proposals[0].consent[0]');
    expect(p.message).toMatch(/unknown delegation "xx"/);
    expect(p.fix).toMatch(/Known: ru, by, kz, kg, tj, am/);
    expect(problems).toHaveLength(1);
  });

  it('a misspelt delegation id gets a "did you mean"', () => {
    const problems = broken((d) => {
      d.proposals[0]!.sponsor = 'rv';
    });
    expect(only(problems, 'proposals[0].sponsor').fix).toMatch(/did you mean "ru"\?/);
  });

  it('a missing Russian translation', () => {
    const problems = broken((d) => {
      delete (d.title as { ru?: string }).ru;
    });
    const p = only(problems, 'title.ru');
    expect(p.fix).toMatch(/add the missing field/);
  });

  it('an empty Russian translation', () => {
    const problems = broken((d) => {
      d.delegations[1]!.brief.ru = '   ';
    });
    const p = only(problems, 'delegations[1].brief.ru');
    expect(p.message).toMatch(/Russian text is empty/);
  });

  it('a value of the wrong type', () => {
    const problems = broken((d) => {
      (d.length as { minutes: unknown }).minutes = 'forty';
    });
    const p = only(problems, 'length.minutes');
    expect(p.message).toMatch(/expected number, received string/);
    expect(p.fix).toMatch(/number/);
    // That the fix says "write a value of type number" rather than "add the missing field" is
    // checked in tests/regressions.test.ts.
  });

  it('an unknown source id', () => {
    const problems = broken((d) => {
      d.debrief.history[0]!.sources = ['nowhere'];
    });
    const p = only(problems, 'debrief.history[0].sources[0]');
    expect(p.message).toMatch(/unknown source "nowhere"/);
    expect(p.fix).toMatch(/declare it under "sources"/);
  });

  it('a misspelt field name', () => {
    const problems = broken((d) => {
      const russia = d.delegations[0] as Record<string, unknown>;
      russia.capitol = russia.capital;
    });
    const p = only(problems, 'delegations[0]');
    expect(p.fix).toMatch(/remove or rename "capitol"/);
  });

  it('a crisis scheduled after an agenda item that does not exist', () => {
    const problems = broken((d) => {
      d.crises![0]!.trigger = { type: 'afterItem', item: 9 };
    });
    expect(only(problems, 'crises[0].trigger.item').fix).toMatch(/use a number below/);
  });

  it('an agenda title that numbers itself, which the game’s numbered agenda would number twice', () => {
    const problems = broken((d) => {
      d.agenda[1]!.title.ru = `2. ${d.agenda[1]!.title.ru}`;
    });
    const p = only(problems, 'agenda[1].title.ru');
    expect(p.message).toMatch(/starts with a number \("2\."\)/);
    expect(p.fix).toMatch(/the game numbers the agenda items itself/);
    expect(problems).toHaveLength(1);
  });

  it('text that is not YAML says so, with a fix', () => {
    const r = loadScenario('format: 1\nid: [unclosed\n  title: x\n', FILE);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({
      file: FILE,
      message: expect.stringMatching(/not valid YAML/),
    });
    expect(r.problems[0]!.fix).toMatch(/indentation and quoting/);
    // The line number of a YAML syntax error is checked in tests/regressions.test.ts.
  });

  it('loadScenarioOrThrow lists every problem in its message', () => {
    const data = parse(read(BASE)) as ScenarioInput;
    data.proposals[0]!.consent = ['xx'];
    data.debrief.history[0]!.sources = ['nowhere'];
    let error: unknown;
    try {
      loadScenarioOrThrow(stringify(data), FILE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const message = (error as ScenarioError).message;
    expect(message).toMatch(
      /scenarios\/broken-copy\.yaml:\d+: proposals\[0\]\.consent\[0\]: unknown delegation "xx"/,
    );
    expect(message).toMatch(
      /debrief\.history\[0\]\.sources\[0\]: unknown source "nowhere"\n {2}fix: /,
    );
  });

  it('a valid scenario loads to the same data with loadScenarioOrThrow', () => {
    expect(loadScenarioOrThrow(read(BASE), BASE)).toEqual(loaded(BASE));
  });
});
