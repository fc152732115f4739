/**
 * `npm run simulate -- --scenario tsakhkadzor-2018 --runs 1000 --profile consensus --seed 7`
 * Plays AI-only games and prints adoption per proposal, metrics, scores and crisis outcomes.
 * `--explain` prints one game's decisions with their factors; `--json` prints JSON.
 */
import { ScenarioError, formatProblem } from '../content/load';
import { readScenario } from '../content/library';
import { isProfileId, PROFILE_IDS } from '../core/profiles';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { seedSequence } from '../core/random';
import {
  mergeTallies,
  playOne,
  reportOf,
  tallyGames,
  type SimulationOptions,
  type Tally,
} from '../core/simulate';
import type { Difficulty } from '../core/state';
import type { Scenario } from '../core/scenario';
import { fail, parseArgs } from './args';

const USAGE = `usage: npm run simulate -- --scenario <id|file> [--runs 1000] [--workers N] [--profile ${PROFILE_IDS.join('|')}]
                         [--seed 7] [--difficulty easy|normal|hard] [--explain] [--json] [--lang en|ru]`;

const a = parseArgs(
  process.argv.slice(2),
  {
    scenario: 'string',
    runs: 'number',
    profile: 'string',
    seed: 'number',
    difficulty: 'string',
    explain: 'boolean',
    json: 'boolean',
    lang: 'string',
    workers: 'number',
  },
  USAGE,
);
if (!a.scenario) fail('--scenario is required', USAGE);
const profile = String(a.profile ?? 'consensus');
if (!isProfileId(profile)) fail(`unknown profile "${profile}"`, USAGE);
const difficulty = String(a.difficulty ?? 'normal');
if (!['easy', 'normal', 'hard'].includes(difficulty))
  fail(`unknown difficulty "${difficulty}"`, USAGE);
const lang = a.lang === 'ru' ? 'ru' : 'en';

let scenario: Scenario;
try {
  scenario = readScenario(String(a.scenario));
} catch (e) {
  if (e instanceof ScenarioError) {
    console.error(e.problems.map(formatProblem).join('\n'));
    process.exit(1);
  }
  fail(`cannot read scenario "${String(a.scenario)}": ${(e as Error).message}`, USAGE);
}
const seed = Number(a.seed ?? 7);

if (a.explain) {
  const { conference } = playOne(scenario, seed, profile, difficulty as Difficulty);
  const ctx = conference.snapshot.context;
  const lines = ctx.decisions.map((d) => ({
    seq: d.seq,
    seat: d.seat,
    type: d.type,
    summary: d.summary[lang],
    factors: d.factors.map((f) => ({ factor: f.label[lang], value: f.value })),
  }));
  if (a.json)
    console.log(
      JSON.stringify(
        { scenario: scenario.id, seed, profile, difficulty, decisions: lines },
        null,
        2,
      ),
    );
  else
    for (const l of lines)
      console.log(
        `#${String(l.seq).padStart(4)} ${l.summary}\n        ${l.factors.map((f) => `${f.factor} ${f.value >= 0 ? '+' : ''}${f.value.toFixed(2)}`).join('; ')}`,
      );
  process.exit(0);
}

/**
 * Plays the seeds in `workers` threads, each a consecutive slice, and merges the tallies in seed
 * order, so the report is the same, byte for byte, whatever the number of workers.
 */
const run = async (o: SimulationOptions, workers: number): Promise<Tally> => {
  const seeds = seedSequence(o.seed, o.runs);
  if (workers <= 1) return tallyGames(scenario, o, seeds);
  const size = Math.ceil(seeds.length / workers);
  const slices = Array.from({ length: workers }, (_, i) =>
    seeds.slice(i * size, (i + 1) * size),
  ).filter((x) => x.length);
  const url = new URL('./simulate-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
  const tallies = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<Tally>((resolve, reject) => {
          const w = new Worker(boot, {
            eval: true,
            workerData: { scenario: String(a.scenario), options: o, seeds: slice },
          });
          w.once('message', (t: Tally) => {
            resolve(t);
            void w.terminate();
          });
          w.once('error', reject);
        }),
    ),
  );
  return tallies.reduce(mergeTallies);
};

const runs = Number(a.runs ?? 1000);
// Both cores for big runs (a 10,000-game what-if), one for small ones (less start-up time).
const workers = Math.max(
  1,
  Math.min(16, Number(a.workers ?? (runs >= 2000 ? availableParallelism() : 1))),
);
const simOptions: SimulationOptions = {
  runs,
  seed,
  profile,
  difficulty: difficulty as Difficulty,
};
const report = reportOf(scenario, simOptions, await run(simOptions, workers));
if (a.json) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
console.log(
  `${scenario.title[lang]} — ${report.games} games, profile ${profile}, difficulty ${difficulty}, seed ${seed}`,
);
console.log(
  `mean events per game: ${report.meanEvents}${report.stalled ? `; STALLED games: ${report.stalled}` : ''}\n`,
);
console.log('adoption rate per proposal');
for (const p of scenario.proposals)
  console.log(`  ${pct(report.adoption[p.id] ?? 0)}  ${p.code.padEnd(4)} ${p.title[lang]}`);
console.log('\nalliance metrics at the end (mean ± sd [min–max])');
for (const [m, s] of Object.entries(report.metrics))
  console.log(`  ${m.padEnd(15)} ${s.mean.toFixed(1)} ± ${s.sd.toFixed(1)} [${s.min}–${s.max}]`);
console.log('\nmean score per delegation (± sd), games with at least one objective met');
for (const [d, s] of Object.entries(report.scores))
  console.log(
    `  ${d}  ${s.mean.toFixed(1).padStart(6)} ± ${s.sd.toFixed(1).padEnd(5)}  ${pct(report.anyObjective[d] ?? 0)}`,
  );
console.log('\ncrises');
for (const c of scenario.crises) {
  const x = report.crises[c.id];
  console.log(
    `  ${c.id}: ${x ? `honoured ${pct(x.honoured)}, requester froze ${pct(x.froze)}, mean collective level ${x.meanLevel}` : 'never opened'}`,
  );
}
