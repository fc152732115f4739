/**
 * `npm run bench:core` — not a test: prints figures and ratios, asserts nothing.
 *  1. full AI games per second on one core for tsakhkadzor-2018;
 *  2. p50/p99 cost of applying one event (replaying recorded games through `send`);
 *  3. how the cost of a game grows with 6, 12 and 24 delegations (synthetic scenarios);
 *  4. a baseline measured in the same run: a bare XState + Immer machine doing one assign per
 *     event, so the per-event ratio holds on a noisy machine.
 *
 * `runCoreBench()` returns the figures without printing; `npm run bench` includes them.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { produce } from 'immer';
import { assign, createActor, setup } from 'xstate';
import { readScenario } from '../../src/content/library';
import { autoplay } from '../../src/core/ai/autoplay';
import { send, startConference, type Conference } from '../../src/core/conference';
import { ScenarioSchema, type Scenario } from '../../src/core/scenario';

export interface CoreFigures {
  node: string;
  gamesPerSecond: number;
  eventsPerGame: number;
  msPerGame: number;
  eventP50Ms: number;
  eventP99Ms: number;
  /** The baseline: a bare XState + Immer event, in microseconds. */
  bareEventUs: number;
  /** Our event, the AI's decision included, in microseconds. */
  ourEventUs: number;
  growth: { delegations: number; msPerGame: number; eventsPerGame: number }[];
  growthExponent: number;
  whatIf10kSeconds: number;
  /** The printed table: label, figure, target. */
  rows: [string, string, string][];
}

const now = () => performance.now();
const play = (s: Scenario, seed: number): Conference =>
  autoplay(startConference(s, { seed, profile: 'consensus' }), { difficulty: 'normal' }).conference;

export const runCoreBench = (): CoreFigures => {
  const scenario = readScenario('tsakhkadzor-2018');

  // Warm up: the JIT and the AI's memo tables settle over the first few hundred games, and a
  // 10,000-game what-if analysis spends nearly all its time in that steady state.
  for (let i = 0; i < 300; i++) play(scenario, 1000 + i);

  // 1. games per second, as a what-if analysis plays them: each game is played, its figures read
  // and the rest left to the garbage collector. Five rounds of 100 games; the median round is
  // reported (the machine is noisy).
  const GAMES = 500;
  const ROUND = 100;
  const rounds: number[] = [];
  let eventCount = 0;
  let t = now();
  for (let i = 0; i < GAMES; i++) {
    eventCount += play(scenario, i + 1).log.length;
    if ((i + 1) % ROUND === 0) {
      rounds.push((now() - t) / ROUND);
      t = now();
    }
  }
  rounds.sort((a, b) => a - b);
  const gameMs = rounds[Math.floor(rounds.length / 2)]!;
  const events = eventCount / GAMES;

  // 2. per-event cost, by replaying the recorded logs through the one door
  const costs: number[] = [];
  const games = Array.from({ length: 100 }, (_, i) => play(scenario, i + 1));
  for (const g of games) {
    let c = startConference(scenario, g.options);
    for (const e of g.log) {
      const s = now();
      const r = send(c, e);
      costs.push(now() - s);
      if (!r.ok) throw new Error(`replay refused: ${r.reason.en}`);
      c = r.conference;
    }
  }
  costs.sort((a, b) => a - b);
  const q = (p: number) => costs[Math.min(costs.length - 1, Math.floor(p * costs.length))]!;

  // 3. growth with delegations
  const ids = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26)),
    );
  const synthetic = (n: number): Scenario => {
    const base = scenario.delegations.filter((d) => d.role === 'member');
    const names = ids(n);
    const delegations = names.map((id, i) => {
      const src = base[i % base.length]!;
      return { ...src, id, name: { en: `${src.name.en} ${i}`, ru: `${src.name.ru} ${i}` } };
    });
    const remap = (d: string) => names[base.findIndex((b) => b.id === d)] ?? names[0]!;
    return ScenarioSchema.parse({
      ...scenario,
      id: `synthetic-${n}`,
      delegations,
      proposals: scenario.proposals.map((p) => ({
        ...p,
        sponsor: remap(p.sponsor),
        consent: p.consent.map(remap),
        stakes: p.stakes.map((s) => ({ ...s, delegation: remap(s.delegation) })),
        amendments: p.amendments.map((a) => ({
          ...a,
          proposedBy: a.proposedBy ? remap(a.proposedBy) : undefined,
          stakes: a.stakes.map((s) => ({ ...s, delegation: remap(s.delegation) })),
        })),
      })),
      crises: scenario.crises.map((c) => ({
        ...c,
        requester: remap(c.requester),
        stakes: c.stakes.map((s) => ({ ...s, delegation: remap(s.delegation) })),
      })),
      debrief: { ...scenario.debrief, positions: [] },
    });
  };
  const growth = [6, 12, 24].map((n) => {
    const s = synthetic(n);
    for (let i = 0; i < 5; i++) play(s, 500 + i);
    const runs = Math.max(10, Math.round(120 / n));
    const t0 = now();
    let ev = 0;
    for (let i = 0; i < runs; i++) ev += play(s, i + 1).log.length;
    return { delegations: n, msPerGame: (now() - t0) / runs, eventsPerGame: ev / runs };
  });
  const exponent = Math.log(growth[2]!.msPerGame / growth[0]!.msPerGame) / Math.log(4);

  // 4. baseline: bare XState + Immer, one assign per event
  const bare = setup({
    types: {
      context: {} as { votes: Record<string, string>; n: number },
      events: {} as { type: 'vote'; seat: string },
    },
    actions: {
      apply: assign(({ context, event }) =>
        produce(context, (d) => {
          d.votes[event.seat] = 'yes';
          d.n++;
        }),
      ),
    },
  }).createMachine({ context: { votes: {}, n: 0 }, on: { vote: { actions: 'apply' } } });
  const actor = createActor(bare).start();
  const BARE = 200_000;
  t = now();
  for (let i = 0; i < BARE; i++) actor.send({ type: 'vote', seat: `s${i % 30}` });
  const bareUs = ((now() - t) / BARE) * 1000;
  actor.stop();

  const r2 = (x: number) => Math.round(x * 100) / 100;
  const ourUs = (gameMs * 1000) / events;
  const rows: [string, string, string][] = [
    [
      'full AI games per second (tsakhkadzor-2018, one core)',
      `${r2(1000 / gameMs)}`,
      'target ≥ 300',
    ],
    ['events per game (mean)', `${r2(events)}`, ''],
    ['ms per game', `${r2(gameMs)}`, ''],
    ['event cost p50 / p99 (ms)', `${r2(q(0.5))} / ${r2(q(0.99))}`, 'target p99 < 0.5'],
    ['baseline: bare XState+Immer event (µs)', `${r2(bareUs)}`, ''],
    ['our event incl. AI decision (µs) / baseline', `${r2(ourUs)} / ${r2(ourUs / bareUs)}×`, ''],
    ...growth.map((g): [string, string, string] => [
      `${g.delegations} delegations: ms per game (events)`,
      `${r2(g.msPerGame)} (${r2(g.eventsPerGame)})`,
      '',
    ]),
    ['growth exponent 6→24 delegations', `${r2(exponent)}`, 'target ≤ 2 (quadratic)'],
    [
      '10,000-game what-if analysis (estimated s)',
      `${r2((gameMs * 10000) / 1000)}`,
      'target well under 60',
    ],
  ];
  return {
    node: process.version,
    gamesPerSecond: 1000 / gameMs,
    eventsPerGame: events,
    msPerGame: gameMs,
    eventP50Ms: q(0.5),
    eventP99Ms: q(0.99),
    bareEventUs: bareUs,
    ourEventUs: ourUs,
    growth,
    growthExponent: exponent,
    whatIf10kSeconds: (gameMs * 10000) / 1000,
    rows,
  };
};

/** The `bench:core` output: a header and one aligned line per figure. */
export const formatCore = (f: CoreFigures): string => {
  const w = Math.max(...f.rows.map((r) => r[0].length));
  return [
    `bench:core on Node ${f.node}\n`,
    ...f.rows.map(([k, v, target]) => `${k.padEnd(w)}  ${v.padStart(16)}  ${target}`),
  ].join('\n');
};

const invoked = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
if (invoked === import.meta.url) console.log(formatCore(runCoreBench()));
