/**
 * Records one AI game per shipped scenario for the recorded-games test: `npx tsx
 * scripts/record-games.ts`. For each scenario it plays seed 11 on the CSTO consensus procedure at
 * normal difficulty and writes, under tests/fixtures/games/:
 *
 * - `<scenario>.json`: the game as a save (format 1: scenario, options, event log), and
 * - `<scenario>.final.json`: the context the game ended in.
 *
 * The test replays each log and compares the result with the recorded context, so a change in
 * the rules that alters a recorded game fails loudly. Re-record on purpose, and say why in the
 * commit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { autoplay } from '../src/core/ai/autoplay';
import { contextOf, currentPhase, saveGame, startConference } from '../src/core/conference';
import { readScenario, scenarioFiles } from '../src/content/library';

const GAMES_DIR = join('tests', 'fixtures', 'games');
const RECORD_SEED = 11;

/** JSON as the repository's Prettier would write it, so `prettier --check` passes on the fixtures. */
const pretty = async (x: unknown, file: string): Promise<string> =>
  format(JSON.stringify(x, null, 2), { ...(await resolveConfig(file)), filepath: file });

const write = async (file: string, x: unknown): Promise<void> =>
  writeFileSync(file, await pretty(x, file));

mkdirSync(GAMES_DIR, { recursive: true });
for (const file of scenarioFiles()) {
  const scenario = readScenario(file);
  const played = autoplay(startConference(scenario, { seed: RECORD_SEED, profile: 'consensus' }), {
    difficulty: 'normal',
  });
  if (played.stalled || played.refused.length)
    throw new Error(
      `${scenario.id}: the AI game stalled (${played.refused[0]?.reason ?? 'bound'})`,
    );
  const c = played.conference;
  await write(join(GAMES_DIR, `${scenario.id}.json`), saveGame(c));
  await write(join(GAMES_DIR, `${scenario.id}.final.json`), contextOf(c));
  console.log(`${scenario.id}: ${c.log.length} events, ends in ${currentPhase(c)}`);
}
