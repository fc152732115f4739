/** Loads a real scenario file from scenarios/, once per test file. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioOrThrow } from '../../src/content/load';
import type { Scenario } from '../../src/core/scenario';

export const SCENARIOS_DIR = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  'scenarios',
);

const cache = new Map<string, Scenario>();

export const scenarioFile = (id: string): Scenario => {
  let s = cache.get(id);
  if (!s) {
    const file = join(SCENARIOS_DIR, `${id}.yaml`);
    s = loadScenarioOrThrow(readFileSync(file, 'utf8'), `scenarios/${id}.yaml`);
    cache.set(id, s);
  }
  return s;
};
