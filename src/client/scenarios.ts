/** The scenario library bundled with the client: the same YAML files, checked by the same loader. */
import { loadGlossary, loadScenario, formatProblem } from '../content/load';
import type { Glossary, Scenario } from '../core/scenario';

const files = import.meta.glob('../../scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface Library {
  scenarios: Scenario[];
  glossary: Glossary | null;
  problems: string[];
}

let cached: Library | null = null;

export const library = (): Library => {
  if (cached) return cached;
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  let glossary: Glossary | null = null;
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const name = path.split('/').pop()!;
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
  // The flagship first.
  scenarios.sort((a, b) =>
    a.id === 'tsakhkadzor-2018'
      ? -1
      : b.id === 'tsakhkadzor-2018'
        ? 1
        : a.setting.date.localeCompare(b.setting.date),
  );
  return (cached = { scenarios, glossary, problems });
};

export const scenarioById = (id: string): Scenario | undefined =>
  library().scenarios.find((s) => s.id === id);
