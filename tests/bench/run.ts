/**
 * `npm run bench` — not a test: measures the game side by side with baselines measured in the same
 * run on the same machine (only those ratios hold on a noisy machine), prints one table and writes
 * the same as JSON to test-results/bench.json.
 *
 *   npm run bench                          every part
 *   npm run bench -- --only load           one part; several: --only load,frames
 *   npm run bench -- --runs 7              load runs, each in a fresh profile (median; default 5)
 *   npm run bench -- --samples 30          input samples per action (default 25)
 *   npm run bench -- --games 10            at most this many games in the memory soak (default 20)
 *
 * Parts: load, frames, memory, input, engine (core, and the server when it has a bench), sizes.
 * Every part is bounded in time; the whole run stops itself after 45 minutes. It exits 1 only if a
 * part could not run; a missed target is reported, not an error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { CHROMIUM } from '../e2e/support';
import {
  buildAlone,
  buildBare,
  buildGame,
  chromiumVersion,
  closeAll,
  measureFrames,
  measureInput,
  measureLoad,
  measureMemory,
  measureSizes,
  median,
  MAP_READ_MS,
  pageErrors,
  percentile,
  SCHOOL_WIFI,
  serve,
  withTimeout,
  type Bytes,
  type FramesResult,
  type InputKind,
  type InputResult,
  type LoadResult,
  type MemoryResult,
  type Network,
  type Served,
  type SizesResult,
} from './browser';
import { runCoreBench, type CoreFigures } from './core.bench';

const PARTS = ['load', 'frames', 'memory', 'input', 'engine', 'sizes'] as const;
type Part = (typeof PARTS)[number];
const ALIASES: Record<string, Part> = {
  responsiveness: 'input',
  core: 'engine',
  server: 'engine',
  size: 'sizes',
};
const SERVER_BENCH = 'tests/bench/server.bench.ts';
const OUT = 'test-results/bench.json';
const LIMIT_MS = 45 * 60_000;

interface Options {
  only: Set<Part>;
  runs: number;
  samples: number;
  games: number;
}

const usage = `usage: npm run bench -- [--only ${PARTS.join('|')}[,…]] [--runs 5] [--samples 25] [--games 20]`;

const parseArgs = (argv: string[]): Options => {
  const o: Options = { only: new Set(PARTS), runs: 5, samples: 25, games: 20 };
  const only: Part[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${usage}`);
      return v;
    };
    const count = (min: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${flag} wants a whole number ≥ ${min}`);
      return n;
    };
    if (flag === '--only')
      for (const name of value().split(',')) {
        const p = (ALIASES[name] ?? name) as Part;
        if (!PARTS.includes(p)) throw new Error(`unknown part "${name}"\n${usage}`);
        only.push(p);
      }
    else if (flag === '--runs') o.runs = count(1);
    else if (flag === '--samples') o.samples = count(20);
    else if (flag === '--games') o.games = count(2);
    else if (flag === '--help' || flag === '-h') {
      console.log(usage);
      process.exit(0);
    } else throw new Error(`unknown option "${flag}"\n${usage}`);
  }
  if (only.length) o.only = new Set(only);
  return o;
};

// ── the table ───────────────────────────────────────────────────────────────────────────────

interface Row {
  part: Part | 'build';
  what: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  result: 'pass' | 'FAIL' | '';
}

const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms` : '—');
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
const verdict = (ok: boolean | null): Row['result'] => (ok === null ? '' : ok ? 'pass' : 'FAIL');

const row = (
  part: Row['part'],
  what: string,
  value: string,
  more: Partial<Omit<Row, 'part' | 'what' | 'value'>> = {},
): Row => ({ part, what, value, baseline: '', ratio: '', target: '', result: '', ...more });

/**
 * Load rows against the bare page of the same run. Over an emulated `network` the same rows are
 * for information: the targets are the loopback's.
 */
const loadRows = (r: LoadResult, runs: number, network?: Network): Row[] => {
  const m = r.median;
  const against = (x: number, target?: number) => ({
    baseline: `bare Phaser ${ms(m.bare)}`,
    ratio: times(x / m.bare),
    ...(target !== undefined && !network
      ? { target: `≤ ${target}× baseline`, result: verdict(x / m.bare <= target) }
      : {}),
  });
  const over = network
    ? `over ${network.name} (${network.downMbps} Mbit/s, ${network.latencyMs} ms): `
    : '';
  return [
    row(
      'load',
      `${over}title menu interactive (median of ${runs})`,
      ms(m.title),
      against(m.title, 0.5),
    ),
    row(
      'load',
      `${over}hall first frame, from navigation (New game, Start at once)`,
      ms(m.hall),
      against(m.hall, 1.25),
    ),
    row(
      'load',
      `${over}the hall alone: Phaser, the flags and the hall, no game around it (bench/hall-alone)`,
      ms(m.alone),
      against(m.alone),
    ),
    row(
      'load',
      `${over}hall first frame, from the Start click`,
      ms(m.hallFromStart),
      against(m.hallFromStart),
    ),
    row(
      'load',
      `${over}hall first frame, from the Start click after 2 s on the setup screen`,
      ms(m.hallAfterPause),
      against(m.hallAfterPause),
    ),
  ];
};

const frameRows = (r: FramesResult): Row[] => {
  const base = (x: number) => `bare Phaser ${ms(x)}`;
  const busy = (x: FramesResult['hall']) => `${x.frames} frames, ${x.over50} > 50 ms`;
  return [
    row('frames', `hall frame time p50 (${r.seconds} s, pace 150)`, ms(r.hall.p50), {
      baseline: base(r.bare.p50),
      ratio: times(r.hall.p50 / r.bare.p50),
    }),
    row('frames', `hall frame time p95 (${r.seconds} s, pace 150)`, ms(r.hall.p95), {
      baseline: base(r.bare.p95),
      ratio: times(r.hall.p95 / r.bare.p95),
      target: '≤ 1.2× baseline',
      result: verdict(r.hall.p95 / r.bare.p95 <= 1.2),
    }),
    row(
      'frames',
      'hall: votes, speeches, AI events and hall layouts in the window',
      `${r.hall.votes}, ${r.hall.speeches}, ${r.hall.events}, ${r.hall.layouts}`,
      {
        baseline:
          r.hall.phases.length > 3
            ? `${r.hall.phases.slice(0, 3).join(' → ')} → …`
            : r.hall.phases.join(' → '),
      },
    ),
    row(
      'frames',
      'hall: frames; long tasks (count, ms)',
      `${busy(r.hall)}; ${r.hall.longTasks}, ${r.hall.longTaskMs.toFixed(0)}`,
      {
        baseline: `bare: ${busy({ ...r.hall, ...r.bare })}; ${r.bare.longTasks}, ${r.bare.longTaskMs.toFixed(0)}`,
      },
    ),
    row(
      'frames',
      `hall at rest (roll call, ${r.seconds / 2} s) p50 / p95`,
      `${ms(r.rest.p50)} / ${ms(r.rest.p95)}`,
      {
        baseline: `${base(r.bare.p50)} / ${ms(r.bare.p95)}`,
        ratio: times(r.rest.p95 / r.bare.p95),
      },
    ),
  ];
};

const memoryRows = (r: MemoryResult): Row[] => {
  const span = (x: { readings: { bytes: number }[] }, from = 0) =>
    `${mb(x.readings[from]!.bytes)} → ${mb(x.readings[x.readings.length - 1]!.bytes)}`;
  const s = r.soak;
  return [
    row(
      'memory',
      `heap growth, soak: ${s.games} games, ${s.simulatedMinutes.toFixed(0)} simulated min`,
      pct(s.growth),
      {
        baseline: span(s, 1),
        target: '< 10%',
        result: verdict(Number.isFinite(s.growth) ? s.growth < 0.1 : null),
      },
    ),
    row('memory', `heap growth, hall → map → hall ×${r.toggles.count}`, pct(r.toggles.growth), {
      baseline: span(r.toggles),
      target: '< 10%',
      result: verdict(r.toggles.growth < 0.1),
    }),
    row(
      'memory',
      `heap growth, Save and leave → Continue ×${r.restarts.count}`,
      pct(r.restarts.growth),
      { baseline: span(r.restarts), target: '< 10%', result: verdict(r.restarts.growth < 0.1) },
    ),
  ];
};

const INPUT_LABELS: Record<InputKind, string> = {
  vote: 'vote (Y during a ballot)',
  offer: 'make an offer (form submit)',
  settings: 'open settings (S)',
};
const inputRows = (r: InputResult): Row[] => {
  const floor = percentile(r.baseline, 0.95);
  return [
    ...(Object.keys(INPUT_LABELS) as InputKind[]).map((k) => {
      const s = r.samples[k];
      const p95 = percentile(s, 0.95);
      return row('input', `input → paint p95: ${INPUT_LABELS[k]}`, ms(p95), {
        baseline: `bare Phaser ${ms(floor)}; p50 ${ms(percentile(s, 0.5))}, n=${s.length}`,
        ratio: times(p95 / floor),
        target: '< 100 ms',
        result: verdict(s.length >= 20 ? p95 < 100 : false),
      });
    }),
    row(
      'input',
      `key → map on screen p95: open the map (M), first time, ${MAP_READ_MS.prepared / 1000} s into the hall`,
      ms(percentile(r.mapOpen.prepared, 0.95)),
      {
        baseline: `bare Phaser ${ms(floor)}; median ${ms(median(r.mapOpen.prepared))}, n=${r.mapOpen.prepared.length} fresh browsers`,
        ratio: times(percentile(r.mapOpen.prepared, 0.95) / floor),
        target: '< 100 ms',
        result: verdict(
          r.mapOpen.prepared.length >= 5 ? percentile(r.mapOpen.prepared, 0.95) < 100 : false,
        ),
      },
    ),
    row(
      'input',
      `key → map on screen: the same, ${MAP_READ_MS.atOnce} ms into the hall (the map not made ready yet)`,
      ms(median(r.mapOpen.atOnce)),
      {
        baseline: `median; p95 ${ms(percentile(r.mapOpen.atOnce, 0.95))}, n=${r.mapOpen.atOnce.length}`,
        ratio: times(median(r.mapOpen.atOnce) / floor),
      },
    ),
    row('input', 'offers the core accepted (the rest were refused)', `${r.offersAccepted}`, {
      baseline: `of ${r.samples.offer.length}, in ${r.games} game(s)`,
    }),
  ];
};

const coreRows = (f: CoreFigures): Row[] => {
  const checks: [RegExp, boolean][] = [
    [/games per second/, f.gamesPerSecond >= 300],
    [/p50 \/ p99/, f.eventP99Ms < 0.5],
    [/growth exponent/, f.growthExponent <= 2],
    [/what-if/, f.whatIf10kSeconds < 60],
  ];
  return f.rows.map(([what, value, target]) => {
    const check = checks.find(([re]) => re.test(what));
    return row('engine', `core: ${what}`, value, {
      baseline: /\/ baseline/.test(what) ? `bare XState+Immer ${f.bareEventUs.toFixed(2)} µs` : '',
      target: target.replace(/^target /, ''),
      result: verdict(check ? check[1] : null),
    });
  });
};

const sizeRows = (r: SizesResult): Row[] => {
  const both = (b: Bytes) => `${kb(b.gzip)} gzip / ${kb(b.raw)} / ${kb(b.served)} sent`;
  return [
    row('sizes', 'JavaScript the first interactive screen needs', both(r.firstScreen.js), {
      target: '≤ 450 KB gzip',
      result: verdict(r.firstScreen.js.gzip <= 450 * 1024),
    }),
    row('sizes', 'all bytes the first interactive screen needs', both(r.firstScreen.all)),
    row(
      'sizes',
      'Phaser needed for the first interactive screen',
      r.phaserForFirstScreen ? 'yes' : 'no',
      { target: 'no', result: verdict(!r.phaserForFirstScreen) },
    ),
    row('sizes', 'JavaScript before the first interaction', both(r.beforeInteraction.js)),
    row('sizes', 'all bytes before the first interaction', both(r.beforeInteraction.all), {
      target: '≤ 1.5 MB gzip',
      result: verdict(r.beforeInteraction.all.gzip <= 1.5 * 1024 * 1024),
    }),
    row('sizes', 'JavaScript through the hall’s first frame', both(r.throughHall.js)),
    row('sizes', 'all bytes through the hall’s first frame', both(r.throughHall.all)),
    row('sizes', 'JavaScript in the build (all chunks)', both(r.build.js)),
    row('sizes', `all bytes in the build (${r.build.files} files)`, both(r.build.all)),
  ];
};

/**
 * `npm run bench:server` in a child process (it wants `node --expose-gc`), its printed figures
 * taken into the table: each line is "label  value  [target …: pass|FAIL]".
 */
const serverBench = (): { rows: Row[]; output: string | null } => {
  if (!existsSync(SERVER_BENCH))
    return { rows: [row('engine', 'bench:server', 'not built yet')], output: null };
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', SERVER_BENCH], {
    encoding: 'utf8',
    timeout: 300_000,
    killSignal: 'SIGKILL',
  });
  if (r.status !== 0)
    throw new Error(
      `${SERVER_BENCH} failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? '').slice(-400)}`,
    );
  const rows = r.stdout
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('bench:server'))
    .map((l) => {
      const [what = '', value = '', target = ''] = l.trim().split(/\s{2,}/);
      const verdictText = /:\s*(pass|FAIL)\s*$/i.exec(target)?.[1];
      return row('engine', `server: ${what}`, value, {
        target: target.replace(/^target /, '').replace(/:\s*(pass|FAIL)\s*$/i, ''),
        result: verdictText ? verdict(verdictText.toLowerCase() === 'pass') : '',
      });
    });
  return { rows, output: r.stdout };
};

const printTable = (rows: Row[]): string => {
  const head: Row = {
    part: 'part' as Part,
    what: 'measurement',
    value: 'value',
    baseline: 'baseline / detail',
    ratio: 'ratio',
    target: 'target',
    result: 'result' as Row['result'],
  };
  const cols = ['part', 'what', 'value', 'baseline', 'ratio', 'target', 'result'] as const;
  const all = [head, ...rows];
  const w = cols.map((c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) =>
    cols
      .map((c, i) => (c === 'value' || c === 'ratio' ? r[c].padStart(w[i]!) : r[c].padEnd(w[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), w.map((n) => '─'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
};

// ── the run ─────────────────────────────────────────────────────────────────────────────────

const machineInfo = () => {
  const quiet = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  };
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? '?',
    memory:
      quiet('free', ['-h']).split('\n').slice(0, 2).join('\n').trim() ||
      `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: quiet(CHROMIUM, ['--version']).trim(),
    chromiumUserAgent: '',
    /** 1-, 5- and 15-minute load averages when the run began and ended: other work skews it. */
    loadAverage: { start: loadavg().map((x) => +x.toFixed(2)), end: [] as number[] },
  };
};

const main = async (): Promise<number> => {
  const o = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  const rows: Row[] = [];
  const results: Record<string, unknown> = {};
  const errors: { part: string; message: string }[] = [];
  const servers: Served[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'consensus-bench-build-'));
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await closeAll();
      for (const s of servers.splice(0)) await s.close().catch(() => undefined);
      rmSync(tmp, { recursive: true, force: true });
    })());
  const watchdog = setTimeout(() => {
    console.error(`bench: stopped after ${LIMIT_MS / 60_000} minutes`);
    void withTimeout(cleanup(), 20_000, 'cleanup')
      .catch(() => undefined)
      .finally(() => process.exit(2));
  }, LIMIT_MS);
  watchdog.unref();
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      void withTimeout(cleanup(), 20_000, 'cleanup')
        .catch(() => undefined)
        .finally(() => process.exit(130));
    });

  const part = async (name: Part, budgetMs: number, fn: () => Promise<Row[]>) => {
    process.stderr.write(`bench: ${name}\n`);
    const t0 = Date.now();
    try {
      rows.push(...(await withTimeout(fn(), budgetMs, name)));
    } catch (e) {
      const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      errors.push({ part: name, message });
      rows.push(row(name, 'could not run', message.slice(0, 160)));
      await closeAll(); // a part that timed out may still hold a browser
    }
    process.stderr.write(`bench: ${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  };

  try {
    process.stderr.write(`bench: ${[...o.only].join(', ')} on ${machine.nproc} cores\n`);
    if (o.only.has('engine'))
      await part('engine', 600_000, async () => {
        const core = runCoreBench();
        const server = serverBench();
        results.engine = { core, server: server.output };
        return [...coreRows(core), ...server.rows];
      });

    const inBrowser = (['load', 'frames', 'memory', 'input', 'sizes'] as const).filter((p) =>
      o.only.has(p),
    );
    if (inBrowser.length) {
      const gameDir = join(tmp, 'game');
      const bareDir = join(tmp, 'bare');
      const aloneDir = join(tmp, 'alone');
      const needBare = o.only.has('load') || o.only.has('frames') || o.only.has('input');
      let t = Date.now();
      await buildGame(gameDir);
      const buildRows = [row('build', 'vite build of the game', `${(Date.now() - t) / 1000} s`)];
      if (needBare) {
        t = Date.now();
        await buildBare(bareDir);
        buildRows.push(
          row('build', 'vite build of the bare Phaser page', `${(Date.now() - t) / 1000} s`),
        );
      }
      if (o.only.has('load')) {
        t = Date.now();
        await buildAlone(aloneDir);
        buildRows.push(
          row('build', 'vite build of the hall alone', `${(Date.now() - t) / 1000} s`),
        );
      }
      rows.push(...buildRows);
      const game = await serve(gameDir);
      servers.push(game);
      const bare = needBare ? await serve(bareDir) : null;
      if (bare) servers.push(bare);
      const alone = o.only.has('load') ? await serve(aloneDir) : null;
      if (alone) servers.push(alone);
      machine.chromiumUserAgent = await chromiumVersion();

      if (o.only.has('sizes'))
        await part('sizes', 180_000, async () => {
          const r = await measureSizes(gameDir, game.url);
          results.sizes = r;
          return sizeRows(r);
        });
      if (o.only.has('load'))
        await part('load', o.runs * 120_000 + 60_000, async () => {
          const r = await measureLoad(game.url, bare!.url, alone!.url, o.runs);
          results.load = r;
          const wifi = await measureLoad(game.url, bare!.url, alone!.url, o.runs, SCHOOL_WIFI);
          results.loadSchoolWifi = { network: SCHOOL_WIFI, ...wifi };
          return [...loadRows(r, o.runs), ...loadRows(wifi, o.runs, SCHOOL_WIFI)];
        });
      if (o.only.has('frames'))
        await part('frames', 240_000, async () => {
          const r = await measureFrames(game.url, bare!.url);
          results.frames = r;
          return frameRows(r);
        });
      if (o.only.has('input'))
        await part('input', 480_000, async () => {
          const r = await measureInput(game.url, bare!.url, o.samples, o.runs);
          results.input = r;
          return inputRows(r);
        });
      if (o.only.has('memory'))
        await part('memory', 900_000, async () => {
          const r = await measureMemory(game.url, {
            minutes: 30,
            maxGames: o.games,
            budgetMs: 480_000,
            restarts: 10,
          });
          results.memory = r;
          return memoryRows(r);
        });
    }
  } finally {
    await withTimeout(cleanup(), 60_000, 'cleanup').catch((e: Error) =>
      console.error(`bench: ${e.message}`),
    );
  }

  machine.loadAverage.end = loadavg().map((x) => +x.toFixed(2));
  // The table in the order of the issue: load, frames, memory, input, engine, sizes.
  const order: Row['part'][] = ['build', ...PARTS];
  rows.sort((a, b) => order.indexOf(a.part) - order.indexOf(b.part));
  const verdicts = rows.filter((r) => r.result);
  const failed = verdicts.filter((r) => r.result === 'FAIL');
  console.log(
    `\nnpm run bench — ${machine.date}; ${machine.nproc} cores, Node ${machine.node}, ${machine.chromium || 'chromium ?'}; load average ${machine.loadAverage.start[0]} → ${machine.loadAverage.end[0]}\n`,
  );
  console.log(printTable(rows));
  console.log(
    `\ntargets: ${verdicts.length - failed.length} pass, ${failed.length} fail` +
      (failed.length ? ` (${failed.map((r) => `${r.part}: ${r.what}`).join('; ')})` : ''),
  );
  if (errors.length)
    console.log(`parts that could not run: ${errors.map((e) => e.part).join(', ')}`);
  if (pageErrors.length)
    console.log(`page errors (${pageErrors.length}):\n  ${pageErrors.slice(0, 10).join('\n  ')}`);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify(
      { machine, options: { ...o, only: [...o.only] }, rows, results, errors, pageErrors },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwritten to ${OUT}`);
  return errors.length ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
