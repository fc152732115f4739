/**
 * A Vite plugin: `virtual:scenario-library` is the scenario library, read from scenarios/*.yaml and
 * checked by the same loader at build time, as plain JSON. The browser then needs neither the
 * YAML parser nor a schema check before the title screen; problems are passed on to be shown.
 * `virtual:scenario-problems` is the problems alone, for the title screen, which is drawn before the
 * library (and the rest of the game) has loaded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, loadGlossary, loadScenario } from './load';

const ID = 'virtual:scenario-library';
const RESOLVED = `\0${ID}`;
/** Only the problems found, for the title screen (which loads before the library itself). */
const PROBLEMS_ID = 'virtual:scenario-problems';
const PROBLEMS_RESOLVED = `\0${PROBLEMS_ID}`;

interface Built {
  scenarios: unknown[];
  glossary: unknown;
  problems: string[];
}

const readLibrary = (dir: string, watch: (file: string) => void): Built => {
  const scenarios: unknown[] = [];
  const problems: string[] = [];
  let glossary: unknown = null;
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = join(dir, name);
    watch(file);
    const text = readFileSync(file, 'utf8');
    if (name === 'glossary.yaml') {
      const g = loadGlossary(text, name);
      if (g.ok) glossary = g.value;
      else problems.push(...g.problems.map(formatProblem));
      continue;
    }
    const r = loadScenario(text, name);
    if (r.ok) scenarios.push(r.value);
    else problems.push(...r.problems.map(formatProblem));
  }
  return { scenarios, glossary, problems };
};

export const scenarioLibrary = (dir = 'scenarios'): Plugin => ({
  name: 'consensus-scenario-library',
  resolveId: (id) => (id === ID ? RESOLVED : id === PROBLEMS_ID ? PROBLEMS_RESOLVED : null),
  load(id) {
    if (id !== RESOLVED && id !== PROBLEMS_RESOLVED) return null;
    const built = readLibrary(dir, (file) => this.addWatchFile(file));
    if (id === PROBLEMS_RESOLVED) return `export default ${JSON.stringify(built.problems)};`;
    // JSON.parse of a string literal is faster for the browser than an object literal this size.
    return `export default JSON.parse(${JSON.stringify(JSON.stringify(built))});`;
  },
});
