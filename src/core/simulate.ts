/**
 * The headless simulator: many AI-only games, summarised. Pure: the CLI only parses arguments and
 * prints. The same scenario, profile, seed and number of runs always give the same report.
 */
import { autoplay } from './ai/autoplay';
import { startConference, type Conference } from './conference';
import { debriefOf } from './debrief';
import type { ProfileId } from './profiles';
import { seedSequence } from './random';
import { METRICS, type MetricId, type Scenario } from './scenario';
import type { Difficulty } from './state';

export interface SimulationOptions {
  runs: number;
  seed: number;
  profile: ProfileId;
  difficulty: Difficulty;
}

export interface Spread {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export interface SimulationReport {
  scenario: string;
  options: SimulationOptions;
  games: number;
  stalled: number;
  meanEvents: number;
  adoption: Record<string, number>;
  metrics: Record<MetricId, Spread>;
  scores: Record<string, Spread>;
  /** Share of games in which each objective of each delegation was met. */
  objectives: Record<string, Record<string, number>>;
  /** Share of games in which at least one objective of the delegation was met. */
  anyObjective: Record<string, number>;
  crises: Record<string, { honoured: number; froze: number; meanLevel: number }>;
}

const spread = (xs: number[]): Spread => {
  const n = xs.length || 1;
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / n);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { mean: r(mean), sd: r(sd), min: r(Math.min(...xs)), max: r(Math.max(...xs)) };
};
const share = (k: number, n: number) => Math.round((k / Math.max(1, n)) * 1000) / 1000;

export const playOne = (
  scenario: Scenario,
  seed: number,
  profile: ProfileId,
  difficulty: Difficulty,
): { conference: Conference; stalled: boolean } => {
  const r = autoplay(startConference(scenario, { seed, profile }), { difficulty });
  return { conference: r.conference, stalled: r.stalled };
};

/** The raw counts of a run of games, which can be merged in seed order (for parallel runs). */
export interface Tally {
  games: number;
  stalled: number;
  events: number;
  adopted: Record<string, number>;
  metricValues: Record<MetricId, number[]>;
  scoreValues: Record<string, number[]>;
  objectiveMet: Record<string, Record<string, number>>;
  anyMet: Record<string, number>;
  crisis: Record<string, { honoured: number; froze: number; level: number; n: number }>;
}

/** Plays the games of the given seeds and counts what happened. */
export const tallyGames = (
  scenario: Scenario,
  o: SimulationOptions,
  seeds: readonly number[],
): Tally => {
  const adopted: Record<string, number> = Object.fromEntries(
    scenario.proposals.map((p) => [p.id, 0]),
  );
  const metricValues: Record<MetricId, number[]> = Object.fromEntries(
    METRICS.map((m) => [m, []]),
  ) as never;
  const members = scenario.delegations.filter((d) => d.role === 'member').map((d) => d.id);
  const scoreValues: Record<string, number[]> = Object.fromEntries(members.map((d) => [d, []]));
  const objectiveMet: Record<string, Record<string, number>> = {};
  const anyMet: Record<string, number> = Object.fromEntries(members.map((d) => [d, 0]));
  const crisis: Record<string, { honoured: number; froze: number; level: number; n: number }> = {};
  let stalled = 0;
  let events = 0;
  for (const seed of seeds) {
    const r = playOne(scenario, seed, o.profile, o.difficulty);
    if (r.stalled) stalled++;
    const ctx = r.conference.snapshot.context;
    events += r.conference.log.length;
    for (const [p, out] of Object.entries(ctx.outcomes))
      if (out.adopted) adopted[p] = (adopted[p] ?? 0) + 1;
    for (const m of METRICS) metricValues[m].push(ctx.metrics[m]);
    const d = debriefOf(r.conference);
    for (const s of d.scores) {
      scoreValues[s.delegation]!.push(s.total);
      const row = (objectiveMet[s.delegation] ??= {});
      let any = false;
      for (const ob of s.objectives) {
        row[ob.id] = (row[ob.id] ?? 0) + (ob.status === 'met' ? 1 : 0);
        any ||= ob.status === 'met';
      }
      if (any) anyMet[s.delegation]!++;
    }
    for (const [id, c] of Object.entries(ctx.crises)) {
      const x = (crisis[id] ??= { honoured: 0, froze: 0, level: 0, n: 0 });
      x.n++;
      x.level += c.level;
      if (c.honoured) x.honoured++;
      if (c.froze) x.froze++;
    }
  }
  return {
    games: seeds.length,
    stalled,
    events,
    adopted,
    metricValues,
    scoreValues,
    objectiveMet,
    anyMet,
    crisis,
  };
};

/** Two tallies of consecutive seed ranges, as one (arrays kept in seed order). */
export const mergeTallies = (a: Tally, b: Tally): Tally => {
  const sumRecord = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  const concat = <K extends string>(x: Record<K, number[]>, y: Record<K, number[]>) => {
    const out = { ...x } as Record<K, number[]>;
    for (const [k, v] of Object.entries(y) as [K, number[]][]) out[k] = [...(out[k] ?? []), ...v];
    return out;
  };
  const objectiveMet: Tally['objectiveMet'] = {};
  for (const [d, row] of Object.entries(a.objectiveMet)) objectiveMet[d] = { ...row };
  for (const [d, row] of Object.entries(b.objectiveMet))
    objectiveMet[d] = sumRecord(objectiveMet[d] ?? {}, row);
  const crisis: Tally['crisis'] = {};
  for (const [id, c] of [...Object.entries(a.crisis), ...Object.entries(b.crisis)]) {
    const x = (crisis[id] ??= { honoured: 0, froze: 0, level: 0, n: 0 });
    x.honoured += c.honoured;
    x.froze += c.froze;
    x.level += c.level;
    x.n += c.n;
  }
  return {
    games: a.games + b.games,
    stalled: a.stalled + b.stalled,
    events: a.events + b.events,
    adopted: sumRecord(a.adopted, b.adopted),
    metricValues: concat(a.metricValues, b.metricValues),
    scoreValues: concat(a.scoreValues, b.scoreValues),
    objectiveMet,
    anyMet: sumRecord(a.anyMet, b.anyMet),
    crisis,
  };
};

/** The report of a tally. */
export const reportOf = (scenario: Scenario, o: SimulationOptions, t: Tally): SimulationReport => {
  const { stalled, events, adopted, metricValues, scoreValues, objectiveMet, anyMet, crisis } = t;
  const n = t.games;
  return {
    scenario: scenario.id,
    options: o,
    games: n,
    stalled,
    meanEvents: Math.round(events / Math.max(1, n)),
    adoption: Object.fromEntries(Object.entries(adopted).map(([p, k]) => [p, share(k, n)])),
    metrics: Object.fromEntries(METRICS.map((m) => [m, spread(metricValues[m])])) as Record<
      MetricId,
      Spread
    >,
    scores: Object.fromEntries(Object.entries(scoreValues).map(([d, xs]) => [d, spread(xs)])),
    objectives: Object.fromEntries(
      Object.entries(objectiveMet).map(([d, row]) => [
        d,
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, share(v, n)])),
      ]),
    ),
    anyObjective: Object.fromEntries(Object.entries(anyMet).map(([d, k]) => [d, share(k, n)])),
    crises: Object.fromEntries(
      Object.entries(crisis).map(([id, x]) => [
        id,
        {
          honoured: share(x.honoured, n),
          froze: share(x.froze, n),
          meanLevel: Math.round((x.level / Math.max(1, x.n)) * 100) / 100,
        },
      ]),
    ),
  };
};

export const simulate = (scenario: Scenario, o: SimulationOptions): SimulationReport =>
  reportOf(scenario, o, tallyGames(scenario, o, seedSequence(o.seed, o.runs)));

export interface BalanceFinding {
  ok: boolean;
  text: string;
}

/**
 * The library's balance rules (scenarios/README.md): every delegation meets an objective in at
 * least 20% of games; no proposal is adopted in 0% or 100% of games unless its notes explain it;
 * every Art. 4 request is honoured in neither 0% nor 100% of games.
 */
export const balanceFindings = (scenario: Scenario, r: SimulationReport): BalanceFinding[] => {
  const out: BalanceFinding[] = [];
  for (const [d, share] of Object.entries(r.anyObjective))
    out.push({
      ok: share >= 0.2,
      text: `${d} meets at least one objective in ${(share * 100).toFixed(1)}% of games (needs ≥ 20%)`,
    });
  for (const p of scenario.proposals) {
    const a = r.adoption[p.id] ?? 0;
    const extreme = a === 0 || a === 1;
    out.push({
      ok: !extreme || p.notes !== undefined,
      text: `${p.id} adopted in ${(a * 100).toFixed(1)}% of games${extreme ? (p.notes ? ' (its notes explain why)' : ' and its notes do not explain why') : ''}`,
    });
  }
  for (const c of scenario.crises) {
    const h = r.crises[c.id]?.honoured;
    if (c.article !== 'art4') continue;
    out.push({
      ok: h !== undefined && h > 0 && h < 1,
      text: `${c.id} (Art. 4) honoured in ${h === undefined ? 'no' : `${(h * 100).toFixed(1)}% of`} games (needs neither 0% nor 100%)`,
    });
  }
  return out;
};
