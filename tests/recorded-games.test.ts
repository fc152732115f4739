/**
 * Recorded games: for every shipped scenario, an AI game recorded by `scripts/record-games.ts`
 * (seed 11, CSTO consensus, normal difficulty) replays from its log to exactly the context that
 * was recorded with it. A change in the rules that alters a recorded game fails here; if the
 * change is meant, re-record with `npx tsx scripts/record-games.ts` and say why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contextOf, currentPhase, replayGame, SAVE_FORMAT } from '../src/core/conference';
import { readScenario, scenarioFiles } from '../src/content/library';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GAMES = join(ROOT, 'tests', 'fixtures', 'games');
const RERECORD = 'record it with `npx tsx scripts/record-games.ts`';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8')) as unknown;

const scenarios = scenarioFiles(join(ROOT, 'scenarios')).map((f) => readScenario(f));

describe('recorded games replay to the recorded final state', () => {
  it('covers every shipped scenario', () => {
    expect(scenarios.length).toBeGreaterThan(0);
    const missing = scenarios
      .map((s) => s.id)
      .filter(
        (id) =>
          !existsSync(join(GAMES, `${id}.json`)) || !existsSync(join(GAMES, `${id}.final.json`)),
      );
    expect(missing, `no recorded game for ${missing.join(', ')}: ${RERECORD}`).toEqual([]);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
    const file = join(GAMES, `${id}.json`);
    if (!existsSync(file)) return; // reported by the coverage test above
    const saved = readJson(file) as { format: number; scenario: string; events: unknown[] };
    expect(saved.format).toBe(SAVE_FORMAT);
    expect(saved.scenario).toBe(id);
    expect(saved.events.length).toBeGreaterThan(0);

    const r = replayGame(scenario, saved);
    if (!r.ok)
      throw new Error(
        `${id}: the recorded game no longer replays (${r.reason.en}). If the rules changed on purpose, re-${RERECORD}.`,
      );
    expect(currentPhase(r.conference)).toBe('debrief');
    const final = JSON.parse(JSON.stringify(contextOf(r.conference))) as unknown;
    const recorded = readJson(join(GAMES, `${id}.final.json`));
    expect(
      final,
      `${id}: the replayed game ends in a different state. If the rules changed on purpose, re-${RERECORD}.`,
    ).toEqual(recorded);
  });
});
