/**
 * The scenario library bundled with the client: the same YAML files, checked by the same loader
 * at build time (src/content/library-plugin.ts), arriving here as data.
 */
import data from 'virtual:scenario-library';
import type { Glossary, Scenario } from '../core/scenario';

export interface Library {
  scenarios: Scenario[];
  glossary: Glossary | null;
  problems: string[];
}

let cached: Library | null = null;

export const library = (): Library => {
  if (cached) return cached;
  const lib = data as Library;
  const scenarios = [...lib.scenarios];
  // The flagship first, then by the date they are set.
  scenarios.sort((a, b) =>
    a.id === 'tsakhkadzor-2018'
      ? -1
      : b.id === 'tsakhkadzor-2018'
        ? 1
        : a.setting.date.localeCompare(b.setting.date),
  );
  return (cached = { scenarios, glossary: lib.glossary, problems: lib.problems });
};

export const scenarioById = (id: string): Scenario | undefined =>
  library().scenarios.find((s) => s.id === id);
