/** Reading scenario files from disk (Node only: the CLI, tests and the server use this). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../core/scenario';
import { loadScenarioOrThrow } from './load';

export const SCENARIO_DIR = 'scenarios';

export const scenarioFiles = (dir = SCENARIO_DIR): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'glossary.yaml')
    .sort()
    .map((f) => join(dir, f));

/** Loads a scenario by id (`tsakhkadzor-2018`) or by path; throws a ScenarioError on problems. */
export const readScenario = (idOrPath: string, dir = SCENARIO_DIR): Scenario => {
  const file = idOrPath.endsWith('.yaml') ? idOrPath : join(dir, `${idOrPath}.yaml`);
  return loadScenarioOrThrow(readFileSync(file, 'utf8'), file);
};
