/**
 * Browser helpers for `npm run bench` (not a test): build and serve the game and the bare Phaser
 * baseline, launch Debian's chromium with a fresh profile, and measure load, frame times, memory,
 * input-to-paint and sizes. Every wait is bounded; every browser and server started here is closed
 * by `closeAll()` and the `close()` of what `serve()` returns.
 *
 * Code that runs in the page is written as functions passed to `page.evaluate`. tsx compiles them
 * with esbuild's keepNames, which calls a `__name` helper that the page lacks: `launch()` defines
 * it as the identity before any page script runs.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, loadConfigFromFile, mergeConfig } from 'vite';
import { PACE_OF_SPEED } from '../../src/client/session';
import { staticFiles } from '../../src/server/static';
import { ARGS, CHROMIUM, STAGE_CANVAS } from '../e2e/support';

export const VIEWPORT = { width: 1280, height: 800 };
/** The game's default pace between AI moves (the normal game speed), for the soak's clock. */
export const DEFAULT_PACE_MS = PACE_OF_SPEED.normal;

// ── small utilities ─────────────────────────────────────────────────────────────────────────

export const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
};

/** Nearest-rank percentile (p in 0..1) of unsorted numbers. */
export const percentile = (xs: readonly number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
};
export const median = (xs: readonly number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const log = (text: string): void => {
  process.stderr.write(`  ${text}\n`);
};

// ── build and serve ─────────────────────────────────────────────────────────────────────────

/** Builds the game with the project's vite.config.ts, as `npm run build` does, into `outDir`. */
export const buildGame = async (outDir: string): Promise<void> => {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
};

/** Builds a bench page (`root`) with the project's vite.config.ts, only the root and outDir changed. */
const buildPage = async (root: string, outDir: string): Promise<void> => {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    resolve('vite.config.ts'),
    process.cwd(),
    'warn',
  );
  if (!loaded) throw new Error('vite.config.ts could not be loaded');
  const config = mergeConfig(loaded.config, { root, build: { outDir, emptyOutDir: true } });
  await build({ ...config, configFile: false, logLevel: 'warn' });
};

/** The baseline page: bench/bare-phaser. */
export const buildBare = (outDir: string): Promise<void> => buildPage('bench/bare-phaser', outDir);

/** The hall alone, between the baseline and the game: bench/hall-alone. */
export const buildAlone = (outDir: string): Promise<void> => buildPage('bench/hall-alone', outDir);

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/**
 * A build served on a free loopback port as `npm start` serves it (src/server/static.ts): each
 * file in the best encoding the browser accepts, compressed at build time.
 */
export const serve = async (outDir: string): Promise<Served> => {
  const server = createServer(staticFiles(outDir));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
};

// ── the browser ─────────────────────────────────────────────────────────────────────────────

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

const open = new Set<Browser>();
export const pageErrors: string[] = [];

/** Chromium with a fresh profile (empty cache and storage); `memory` adds the heap flags. */
export const launch = async (name: string, memory = false): Promise<Browser> => {
  const dir = mkdtempSync(join(tmpdir(), `consensus-bench-${name}-`));
  const args = [
    ...ARGS,
    ...(memory ? ['--enable-precise-memory-info', '--js-flags=--expose-gc'] : []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      args,
      viewport: VIEWPORT,
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(`[${name}] ${e.message}`));
  const b: Browser = {
    context,
    page,
    close: async () => {
      open.delete(b);
      await withTimeout(context.close(), 15_000, 'closing chromium').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  open.add(b);
  return b;
};

export const closeAll = async (): Promise<void> => {
  for (const b of [...open]) await b.close();
};

export const chromiumVersion = async (): Promise<string> => {
  const b = await launch('version');
  try {
    return await b.page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?');
  } finally {
    await b.close();
  }
};

// ── in-page helpers ─────────────────────────────────────────────────────────────────────────

interface BenchContext {
  ended: boolean;
  /** Delegations waiting to speak (the one speaking is `speaker`). */
  speakers: string[];
  clock: number;
  caucus: unknown;
  speaker: { delegation: string } | null;
  offers: { from: string; status: string }[];
}
interface BenchSession {
  conference: { log: { type: string }[]; snapshot: { context: BenchContext } };
  humans: readonly string[];
  send: (raw: unknown) => unknown;
}
interface BenchWindow {
  /** The App (src/client/main.ts); `session` is private in TypeScript, public at run time. */
  consensus?: { session: BenchSession | null; stage?: { layouts(): number } | null };
  __benchDriver?: { votes: boolean; tick: boolean; timer: number };
  __benchSamples?: { kind: string; ms: number }[];
}

/** Resolves with the mark's startTime (ms since navigation start) once it exists. */
export const waitMark = (page: Page, name: string, ms = 60_000): Promise<number> =>
  withTimeout(
    page.evaluate(
      (n) =>
        new Promise<number>((done) => {
          const hit = () => performance.getEntriesByName(n, 'mark')[0]?.startTime;
          const now = hit();
          if (now !== undefined) return done(now);
          const obs = new PerformanceObserver(() => {
            const t = hit();
            if (t === undefined) return;
            obs.disconnect();
            done(t);
          });
          obs.observe({ type: 'mark' });
        }),
      name,
    ),
    ms,
    `mark ${name}`,
  );

/**
 * As soon as the title menu is interactive, clicks New game and then Start as soon as it appears,
 * in the page (no driver round trip). Returns the title mark, whether #new-game was enabled, and
 * when Start was clicked.
 */
export const startGame = (
  page: Page,
  pauseMs = 0,
): Promise<{ title: number; enabled: boolean; startClick: number }> =>
  withTimeout(
    page.evaluate(
      (pause) =>
        new Promise<{ title: number; enabled: boolean; startClick: number }>((done) => {
          const mark = () => performance.getEntriesByName('title-interactive', 'mark')[0];
          const go = () => {
            const ng = document.querySelector<HTMLButtonElement>('#new-game');
            const enabled = ng !== null && !ng.disabled;
            ng?.click();
            // Start as soon as the setup screen shows it (at once if the game has loaded), or
            // after the pause a player takes to choose.
            const start = () => {
              const b = document.querySelector<HTMLButtonElement>('#start');
              if (!b) return void setTimeout(start, 1);
              const click = () => {
                const startClick = performance.now();
                b.click();
                done({ title: mark()!.startTime, enabled, startClick });
              };
              if (pause > 0) setTimeout(click, pause);
              else click();
            };
            start();
          };
          if (mark()) return go();
          const obs = new PerformanceObserver(() => {
            if (!mark()) return;
            obs.disconnect();
            go();
          });
          obs.observe({ type: 'mark' });
        }),
      pauseMs,
    ),
    60_000 + pauseMs,
    'the title menu',
  );

/** Opens the game at `query`, starts a solo game and waits for the hall's first frame. */
const openHall = async (page: Page, url: string, query: string): Promise<void> => {
  await page.goto(`${url}${query}`, { waitUntil: 'commit' });
  await startGame(page);
  await waitMark(page, 'hall-first-frame', 90_000);
};

/** The engine's canvas size in the page (the hall's, for the bare baseline). */
const stageCanvasSize = (page: Page): Promise<{ width: number; height: number }> =>
  page
    .locator(STAGE_CANVAS)
    .evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));

/** Waits for `n` animation frames in the page. */
const frames = (page: Page, n: number): Promise<void> =>
  withTimeout(
    page.evaluate(
      (count) =>
        new Promise<void>((done) => {
          let left = count;
          const step = () => (--left <= 0 ? done() : requestAnimationFrame(step));
          requestAnimationFrame(step);
        }),
      n,
    ),
    30_000,
    'animation frames',
  );

interface Sampled {
  deltas: number[];
  /** Long tasks (≥ 50 ms on the main thread) during the window: count and total ms. */
  longTasks: number;
  longTaskMs: number;
}

/** requestAnimationFrame deltas (ms) over `ms` milliseconds, and the long tasks meanwhile. */
const rafDeltas = (page: Page, ms: number): Promise<Sampled> =>
  withTimeout(
    page.evaluate(
      (dur) =>
        new Promise<Sampled>((done) => {
          const deltas: number[] = [];
          let longTasks = 0;
          let longTaskMs = 0;
          const obs = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              longTasks++;
              longTaskMs += e.duration;
            }
          });
          obs.observe({ type: 'longtask' });
          let first = -1;
          let last = -1;
          const step = (t: number) => {
            if (first < 0) first = t;
            else deltas.push(t - last);
            last = t;
            if (t - first < dur) return requestAnimationFrame(step);
            obs.disconnect();
            done({ deltas, longTasks, longTaskMs });
          };
          requestAnimationFrame(step);
        }),
      ms,
    ),
    ms + 30_000,
    'frame times',
  );

/**
 * Plays the human seat from inside the page every `period` ms: answers the roll call, confirms the
 * hand-over, commits crisis responses, yields the floor and (when `votes`) votes yes. With `tick`
 * it also runs the conference clock fast (30 s per period) when the game waits for time — a
 * caucus or a human speech, the cases where the app's own clock ticks once a second.
 */
const drive = (page: Page, votes: boolean, tick: boolean, period = 50): Promise<void> =>
  page.evaluate(
    ({ votes, tick, period }) => {
      const w = window as unknown as BenchWindow;
      if (w.__benchDriver) {
        w.__benchDriver.votes = votes;
        w.__benchDriver.tick = tick;
        return;
      }
      const d = { votes, tick, timer: 0 };
      w.__benchDriver = d;
      d.timer = window.setInterval(() => {
        const pick = (s: string) => document.querySelector<HTMLElement>(s);
        const btn =
          pick('#handover-confirm') ??
          pick('#panel-actions [data-key="rc-present"]') ??
          (d.votes ? pick('#panel-actions [data-vote="yes"]') : null) ??
          pick('#panel-actions [data-key="resp-commit"]') ??
          pick('#panel-actions [data-key="yield"]');
        if (btn) return btn.click();
        const s = w.consensus?.session;
        const ctx = s?.conference.snapshot.context;
        if (!d.tick || !s || !ctx || ctx.ended) return;
        const humanSpeaking = ctx.speaker !== null && s.humans.includes(ctx.speaker.delegation);
        if (ctx.caucus || humanSpeaking) s.send({ type: 'clock.tick', seat: 'clock', seconds: 30 });
      }, period);
    },
    { votes, tick, period },
  );

// ── 1. load ─────────────────────────────────────────────────────────────────────────────────

export interface LoadRun {
  /** Navigation start → title menu interactive (#new-game present and enabled). */
  title: number;
  /** Navigation start → the hall's first frame, New game and Start clicked at once. */
  hall: number;
  /** The click on Start → the hall's first frame (Phaser loaded on demand, hall built). */
  hallFromStart: number;
  /** As `hallFromStart`, for a player who spends a moment (2 s) on the setup screen first. */
  hallAfterPause: number;
  /** Navigation start → the bare Phaser page's first frame. */
  bare: number;
  /** Navigation start → the hall's first frame on bench/hall-alone (Phaser and the hall, no game). */
  alone: number;
}
export interface LoadResult {
  runs: LoadRun[];
  median: LoadRun;
  /** The hall's canvas at the bench viewport, reused by the frame-time baseline. */
  canvas: { width: number; height: number };
}

/** A network to load over: round-trip latency and throughput (Chromium's network emulation). */
export interface Network {
  name: string;
  latencyMs: number;
  downMbps: number;
  upMbps: number;
}

/**
 * A student's share of a school's Wi-Fi: 10 Mbit/s down, 5 up, 40 ms round trips (a class of 30
 * on one access point gets little more each while they all load at once).
 */
export const SCHOOL_WIFI: Network = {
  name: 'school Wi-Fi',
  latencyMs: 40,
  downMbps: 10,
  upMbps: 5,
};

const emulate = async (page: Page, net: Network | undefined): Promise<void> => {
  if (!net) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: net.latencyMs,
    downloadThroughput: (net.downMbps * 1e6) / 8,
    uploadThroughput: (net.upMbps * 1e6) / 8,
  });
};

/** Load figures, median of `runs`, over the loopback or over an emulated `network`. */
export const measureLoad = async (
  game: string,
  bare: string,
  alone: string,
  runs: number,
  network?: Network,
): Promise<LoadResult> => {
  const out: LoadRun[] = [];
  let canvas = { width: 960, height: 540 };
  /** One fresh page: New game, then Start at once or after `pause` ms on the setup screen. */
  const runGame = async (pause = 0) => {
    const b = await launch(pause ? 'load-game-paused' : 'load-game');
    try {
      await emulate(b.page, network);
      await b.page.goto(game, { waitUntil: 'commit' });
      const s = await startGame(b.page, pause);
      if (!s.enabled) throw new Error('#new-game was disabled when the title was marked');
      const hall = await waitMark(b.page, 'hall-first-frame', 90_000);
      canvas = await stageCanvasSize(b.page);
      return { title: s.title, hall, hallFromStart: hall - s.startClick };
    } finally {
      await b.close();
    }
  };
  /** One fresh page that marks `mark` by itself: the bare page, or the hall alone. */
  const runPage = async (url: string, mark: string) => {
    const b = await launch('load-page');
    try {
      await emulate(b.page, network);
      await b.page.goto(url, { waitUntil: 'commit' });
      return await waitMark(b.page, mark, 60_000);
    } finally {
      await b.close();
    }
  };
  const runBare = () => runPage(bare, 'first-frame');
  const runAlone = () => runPage(alone, 'hall-first-frame');
  for (let i = 0; i < runs; i++) {
    // Alternate which page goes first, so drift on a noisy machine falls on both alike.
    let g: Omit<LoadRun, 'bare' | 'alone' | 'hallAfterPause'>;
    let bareMs: number;
    let aloneMs: number;
    if (i % 2 === 0) {
      g = await runGame();
      bareMs = await runBare();
      aloneMs = await runAlone();
    } else {
      aloneMs = await runAlone();
      bareMs = await runBare();
      g = await runGame();
    }
    const hallAfterPause = (await runGame(2000)).hallFromStart;
    out.push({ ...g, hallAfterPause, bare: bareMs, alone: aloneMs });
    log(
      `load${network ? ` (${network.name})` : ''} ${i + 1}/${runs}: title ${g.title.toFixed(0)} ms, hall ${g.hall.toFixed(0)} ms, hall alone ${aloneMs.toFixed(0)} ms, bare ${bareMs.toFixed(0)} ms`,
    );
  }
  return {
    runs: out,
    median: {
      title: median(out.map((r) => r.title)),
      hall: median(out.map((r) => r.hall)),
      hallFromStart: median(out.map((r) => r.hallFromStart)),
      hallAfterPause: median(out.map((r) => r.hallAfterPause)),
      bare: median(out.map((r) => r.bare)),
      alone: median(out.map((r) => r.alone)),
    },
    canvas,
  };
};

// ── 2. frames ───────────────────────────────────────────────────────────────────────────────

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  over50: number;
  longTasks: number;
  longTaskMs: number;
  renderer: string;
}
export interface FramesResult {
  seconds: number;
  /** The hall at pace 150 with the human seat driven: votes animate, speeches come and go. */
  hall: FrameStats & {
    events: number;
    votes: number;
    /** Speeches heard in the window: the one on the floor when it opened, and those begun in it. */
    speeches: number;
    /** Times the hall was laid out anew in the window (a new phase or ballot, not every event). */
    layouts: number;
    phases: string[];
  };
  /** The same hall before play, while the game waits for the human at the roll call. */
  rest: FrameStats;
  bare: FrameStats & { objects: number; width: number; height: number };
}

const stats = (s: Sampled, renderer: string): FrameStats => ({
  frames: s.deltas.length,
  p50: percentile(s.deltas, 0.5),
  p95: percentile(s.deltas, 0.95),
  max: Math.max(...s.deltas),
  over50: s.deltas.filter((x) => x > 50).length,
  longTasks: s.longTasks,
  longTaskMs: s.longTaskMs,
  renderer,
});

const appLog = (page: Page) =>
  page.evaluate(
    () => (window as unknown as BenchWindow).consensus?.session?.conference.log.length ?? 0,
  );

const hallLayouts = (page: Page) =>
  page.evaluate(() => (window as unknown as BenchWindow).consensus?.stage?.layouts() ?? 0);

export const measureFrames = async (
  game: string,
  bare: string,
  seconds = 10,
  objects = 20,
): Promise<FramesResult> => {
  const ms = seconds * 1000;
  let hall: FramesResult['hall'];
  let rest: FrameStats;
  let size: { width: number; height: number };
  {
    const b = await launch('frames-game');
    try {
      await openHall(b.page, game, '?pace=150');
      const renderer = await b.page.evaluate(() => document.body.dataset.renderer ?? '?');
      // At rest: the AI answers the roll call, then the game waits for the human.
      const t0 = Date.now();
      for (let n = -1; Date.now() - t0 < 15_000;) {
        await b.page.waitForTimeout(500);
        const m = await appLog(b.page);
        if (m === n) break;
        n = m;
      }
      rest = stats(await rafDeltas(b.page, ms / 2), renderer);
      log(`frames: hall at rest p50 ${rest.p50.toFixed(1)} ms, p95 ${rest.p95.toFixed(1)} ms`);
      await drive(b.page, true, false);
      // The window opens with the last speech of the first debate, so that a speech scrolls and
      // then the votes animate in it: the AI's speeches (which answer one another) hold the floor
      // longer than the window, which would otherwise see the debate only.
      await b.page.waitForFunction(
        () => {
          const c = (window as unknown as BenchWindow).consensus?.session?.conference;
          const ctx = c?.snapshot.context;
          return (
            !!ctx &&
            ctx.speaker !== null &&
            ctx.speakers.length === 0 &&
            c!.log.some((e) => e.type === 'delegate.speak')
          );
        },
        null,
        { timeout: 90_000, polling: 100 },
      );
      size = await stageCanvasSize(b.page);
      const seq0 = await appLog(b.page);
      const layouts0 = await hallLayouts(b.page);
      const phases: string[] = [];
      const watch = setInterval(() => {
        b.page
          .evaluate(() => document.getElementById('phase')?.textContent ?? '')
          .then((p) => {
            if (p && phases[phases.length - 1] !== p) phases.push(p);
          })
          .catch(() => undefined);
      }, 500);
      let d: Sampled;
      try {
        d = await rafDeltas(b.page, ms);
      } finally {
        clearInterval(watch);
      }
      const played = await b.page.evaluate((from) => {
        const log = (window as unknown as BenchWindow).consensus?.session?.conference.log ?? [];
        const e = log.slice(from);
        return {
          events: e.length,
          votes: e.filter((x) => x.type === 'delegate.vote').length,
          // The speech on the floor when the window opened scrolls in it too.
          speeches: e.filter((x) => x.type === 'delegate.speak').length + 1,
        };
      }, seq0);
      const layouts = (await hallLayouts(b.page)) - layouts0;
      hall = { ...stats(d, renderer), ...played, layouts, phases };
      log(
        `frames: hall p50 ${hall.p50.toFixed(1)} ms, p95 ${hall.p95.toFixed(1)} ms (${hall.votes} votes, ${hall.speeches} speeches)`,
      );
    } finally {
      await b.close();
    }
  }
  const b = await launch('frames-bare');
  try {
    await b.page.goto(`${bare}?w=${size.width}&h=${size.height}&objects=${objects}`, {
      waitUntil: 'commit',
    });
    await waitMark(b.page, 'first-frame');
    await b.page.waitForTimeout(1000);
    const d = await rafDeltas(b.page, ms);
    const renderer = await b.page.evaluate(() => {
      const c = document.querySelector('canvas');
      return c?.getContext('webgl2') || c?.getContext('webgl') ? 'webgl' : 'canvas';
    });
    const bareStats = { ...stats(d, renderer), objects, ...size };
    log(`frames: bare p50 ${bareStats.p50.toFixed(1)} ms, p95 ${bareStats.p95.toFixed(1)} ms`);
    return { seconds, hall, rest, bare: bareStats };
  } finally {
    await b.close();
  }
};

// ── 3. memory ───────────────────────────────────────────────────────────────────────────────

export interface Reading {
  at: string;
  bytes: number;
}
export interface MemoryResult {
  soak: {
    readings: (Reading & { games: number; events: number; clock: number })[];
    games: number;
    events: number;
    /** Seconds of conference clock the games ran (accelerated), summed. */
    clock: number;
    /** The games' length at the default pace: 0.7 s a move plus their conference clock. */
    simulatedMinutes: number;
    wallSeconds: number;
    growth: number;
  };
  toggles: { readings: Reading[]; count: number; growth: number };
  restarts: { readings: Reading[]; count: number; growth: number };
}

/** usedJSHeapSize after two forced garbage collections (CDP HeapProfiler.collectGarbage). */
const heap = async (b: Browser): Promise<number> => {
  const cdp = await b.context.newCDPSession(b.page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return b.page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
};

const growth = (r: Reading[]): number => (r[r.length - 1]!.bytes - r[0]!.bytes) / r[0]!.bytes;

export const measureMemory = async (
  game: string,
  o: { minutes: number; maxGames: number; budgetMs: number; restarts: number },
): Promise<MemoryResult> => {
  // Soak: whole solo games back to back, AI moves instant, the human seat driven in the page.
  let soak: MemoryResult['soak'];
  {
    const b = await launch('memory-soak', true);
    try {
      await openHall(b.page, game, '?pace=0');
      const readings: MemoryResult['soak']['readings'] = [];
      readings.push({ at: 'hall loaded', bytes: await heap(b), games: 0, events: 0, clock: 0 });
      await drive(b.page, true, true);
      const t0 = Date.now();
      let games = 0;
      let events = 0;
      let clock = 0;
      for (;;) {
        await b.page.locator('main.debrief').waitFor({ timeout: 180_000 });
        const g = await b.page.evaluate(() => {
          const c = (window as unknown as BenchWindow).consensus!.session!.conference;
          return { events: c.log.length, clock: c.snapshot.context.clock };
        });
        games++;
        events += g.events;
        clock += g.clock;
        readings.push({ at: `after game ${games}`, bytes: await heap(b), games, events, clock });
        const simulated = (events * DEFAULT_PACE_MS) / 1000 + clock;
        log(
          `soak: game ${games}, ${events} events, ${(simulated / 60).toFixed(1)} simulated min, heap ${(readings[readings.length - 1]!.bytes / 1048576).toFixed(1)} MB`,
        );
        if (simulated >= o.minutes * 60 || games >= o.maxGames || Date.now() - t0 > o.budgetMs)
          break;
        await b.page.evaluate(() => {
          document.querySelector<HTMLButtonElement>('#play-again')?.click();
          document.querySelector<HTMLButtonElement>('#start')?.click();
        });
        await b.page.locator('#panel-actions').waitFor({ timeout: 30_000 });
      }
      // Growth across the games: from the first finished game (everything loaded and warm).
      const across = readings.slice(1);
      soak = {
        readings,
        games,
        events,
        clock,
        simulatedMinutes: ((events * DEFAULT_PACE_MS) / 1000 + clock) / 60,
        wallSeconds: (Date.now() - t0) / 1000,
        growth: across.length > 1 ? growth(across) : NaN,
      };
    } finally {
      await b.close();
    }
  }

  // Scene restarts: hall → map → hall, and Save and leave → Continue, in one page (no AI moves:
  // the game waits for the human at the roll call).
  const b = await launch('memory-restarts', true);
  try {
    await openHall(b.page, game, '?pace=0');
    const page = b.page;
    const toggle = async () => {
      for (const view of ['map', 'hall']) {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('m');
        await page.locator(`#show-${view}[aria-pressed="true"]`).waitFor({ timeout: 10_000 });
        await frames(page, 10);
      }
    };
    await toggle(); // the map scene is created on first use: warm it up before the first reading
    const toggles: Reading[] = [{ at: 'after 1 warm-up toggle', bytes: await heap(b) }];
    for (let i = 0; i < o.restarts; i++) await toggle();
    toggles.push({ at: `after ${o.restarts} more hall→map→hall`, bytes: await heap(b) });
    log(`restarts: hall/map ×${o.restarts}: ${(growth(toggles) * 100).toFixed(1)}%`);

    const cycle = async () => {
      await page.click('#save-quit');
      await page.click('#continue:not([disabled])', { timeout: 10_000 });
      await page.locator('#panel-actions').waitFor({ timeout: 30_000 });
      await frames(page, 10);
    };
    await cycle();
    const restarts: Reading[] = [{ at: 'after 1 warm-up leave/continue', bytes: await heap(b) }];
    for (let i = 0; i < o.restarts; i++) await cycle();
    restarts.push({ at: `after ${o.restarts} more leave/continue`, bytes: await heap(b) });
    log(`restarts: leave/continue ×${o.restarts}: ${(growth(restarts) * 100).toFixed(1)}%`);
    return {
      soak,
      toggles: { readings: toggles, count: o.restarts, growth: growth(toggles) },
      restarts: { readings: restarts, count: o.restarts, growth: growth(restarts) },
    };
  } finally {
    await b.close();
  }
};

// ── 4. responsiveness ───────────────────────────────────────────────────────────────────────

export type InputKind = 'vote' | 'offer' | 'settings';
export interface InputResult {
  samples: Record<InputKind, number[]>;
  /** Key M to the map's first frame, its first opening in a fresh browser (see measureMapOpen). */
  mapOpen: { prepared: number[]; atOnce: number[] };
  /** Offers the core accepted (an offer refused still repaints, with the reason announced). */
  offersAccepted: number;
  games: number;
  /** The same measure on the bare Phaser page (20 tweens): a key press that changes nothing. */
  baseline: number[];
  /** Samples of another kind than the input just sent (not counted; should be none). */
  strays: string[];
}

/**
 * Records, in the page, the time from an input event's timestamp to the second animation frame
 * after it (the first frame painted after the handlers ran): Y (vote), S (settings) and clicks on
 * the negotiation form's submit button (offer). Capture listeners on window run before the app's.
 */
const listen = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__benchSamples = [];
    const track = (kind: string, e: Event) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => w.__benchSamples!.push({ kind, ms: performance.now() - t0 })),
      );
    };
    window.addEventListener(
      'keydown',
      (e) => {
        const k = e.key.toLowerCase();
        if (k === 'y') track('vote', e);
        else if (k === 's') track('settings', e);
      },
      true,
    );
    window.addEventListener(
      'click',
      (e) => {
        if ((e.target as Element | null)?.closest?.('[data-key="offer-send"]')) track('offer', e);
      },
      true,
    );
  });

/** The floor of the measure: Y on the bare Phaser page, where no handler does anything. */
const inputBaseline = async (bare: string, want: number): Promise<number[]> => {
  const b = await launch('input-bare');
  try {
    await b.page.goto(`${bare}?objects=20`, { waitUntil: 'commit' });
    await waitMark(b.page, 'first-frame');
    await listen(b.page);
    const out: number[] = [];
    for (let i = 0; i < want; i++) {
      await b.page.keyboard.press('y');
      await b.page.waitForFunction(
        (n) => ((window as unknown as BenchWindow).__benchSamples?.length ?? 0) > n,
        i,
        { timeout: 10_000, polling: 20 },
      );
      out.push(
        await b.page.evaluate((n) => (window as unknown as BenchWindow).__benchSamples![n]!.ms, i),
      );
      await b.page.waitForTimeout(100);
    }
    return out;
  } finally {
    await b.close();
  }
};

export const measureInput = async (
  game: string,
  bare: string,
  want: number,
  mapRuns = 5,
  budgetMs = 360_000,
): Promise<InputResult> => {
  const baseline = await inputBaseline(bare, want);
  const samples: Record<InputKind, number[]> = { vote: [], offer: [], settings: [] };
  let offersAccepted = 0;
  let games = 0;
  const b = await launch('input');
  const page = b.page;
  let seen = 0;
  const begin = async () => {
    await openHall(page, game, '?pace=150');
    await listen(page);
    await drive(page, samples.vote.length >= want, false);
    seen = 0;
    games++;
  };
  const strays: string[] = [];
  /** Waits for the next sample of this kind; samples of another kind are counted as strays. */
  const sample = async (kind: InputKind): Promise<void> => {
    const found = await page.waitForFunction(
      ({ from, kind }) => {
        const all = (window as unknown as BenchWindow).__benchSamples ?? [];
        for (let i = from; i < all.length; i++)
          if (all[i]!.kind === kind)
            return { index: i, ms: all[i]!.ms, skipped: all.slice(from, i).map((x) => x.kind) };
        return null;
      },
      { from: seen, kind },
      { timeout: 10_000, polling: 20 },
    );
    const s = (await found.jsonValue()) as { index: number; ms: number; skipped: string[] };
    strays.push(...s.skipped.map((k) => `${k} before a ${kind}`));
    seen = s.index + 1;
    samples[kind].push(s.ms);
  };
  const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  try {
    await begin();
    const t0 = Date.now();
    while (Object.values(samples).some((s) => s.length < want) && Date.now() - t0 < budgetMs) {
      const st = await page.evaluate(() => {
        const w = window as unknown as BenchWindow;
        const s = w.consensus?.session;
        const me = s?.humans[0] ?? '';
        const offers = s?.conference.snapshot.context.offers ?? [];
        return {
          ended: document.querySelector('main.debrief') !== null,
          vote: document.querySelector('#panel-actions [data-vote="yes"]') !== null,
          offerForm: document.querySelector('[data-key="offer-send"]') !== null,
          open: offers.filter((o) => o.from === me && o.status === 'open').length,
          made: offers.filter((o) => o.from === me).length,
        };
      });
      if (st.ended) {
        await begin();
        continue;
      }
      if (st.vote && samples.vote.length < want) {
        await blur();
        await page.keyboard.press('y');
        await sample('vote');
        if (samples.vote.length >= want) await drive(page, true, false);
        continue;
      }
      if (st.offerForm && st.open < 3 && samples.offer.length < want) {
        // Offer a vote, not capital: capital runs out after a few accepted offers.
        await page.evaluate(() => {
          const sel = document.querySelector<HTMLSelectElement>('#offer-give');
          const vote = [...(sel?.options ?? [])].find((x) => x.value.startsWith('vote:'));
          if (!sel || !vote || sel.value === vote.value) return;
          sel.value = vote.value;
          sel.dispatchEvent(new Event('change'));
        });
        await page.click('[data-key="offer-send"]', { timeout: 5_000 });
        await sample('offer');
        const made = await page.evaluate(() => {
          const s = (window as unknown as BenchWindow).consensus?.session;
          const me = s?.humans[0] ?? '';
          return (s?.conference.snapshot.context.offers ?? []).filter((o) => o.from === me).length;
        });
        if (made > st.made) offersAccepted++;
        continue;
      }
      if (samples.settings.length < want) {
        await blur();
        await page.keyboard.press('s');
        await sample('settings');
        await page.locator('dialog#settings[open]').waitFor({ timeout: 5_000 });
        await page.keyboard.press('Escape');
        await page.locator('dialog#settings').waitFor({ state: 'detached', timeout: 5_000 });
        continue;
      }
      await page.waitForTimeout(50);
    }
    log(
      `input: ${samples.vote.length} votes, ${samples.offer.length} offers, ${samples.settings.length} settings in ${games} game(s), ${strays.length} stray sample(s)`,
    );
  } finally {
    await b.close();
  }
  const mapOpen = {
    prepared: await measureMapOpen(game, mapRuns, MAP_READ_MS.prepared),
    atOnce: await measureMapOpen(game, mapRuns, MAP_READ_MS.atOnce),
  };
  return { samples, offersAccepted, games, baseline, strays, mapOpen };
};

/** How long the player looks at the hall before pressing M, for the two map rows. */
export const MAP_READ_MS = { prepared: 5000, atOnce: 300 } as const;

/**
 * The first opening of the regional map, in a fresh browser each run: the hall is opened, the
 * player reads it for `readMs`, then presses M. From the key's timestamp to the first frame that
 * shows the map (the `map-shown` mark). After 5 s the game has drawn the map out of sight
 * (App.prepareMapSoon); at once, the map's code loads and the map is drawn after the key.
 */
export const measureMapOpen = async (
  game: string,
  runs: number,
  readMs: number,
): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const b = await launch('map-open');
    try {
      await openHall(b.page, game, '');
      await b.page.waitForTimeout(readMs);
      await b.page.evaluate(() => {
        const w = window as unknown as { __benchMapKey?: number };
        window.addEventListener(
          'keydown',
          (e) => {
            if (e.key === 'm') w.__benchMapKey ??= e.timeStamp;
          },
          true,
        );
        (document.activeElement as HTMLElement | null)?.blur();
      });
      await b.page.keyboard.press('m');
      const shown = await waitMark(b.page, 'map-shown', 30_000);
      const key = await b.page.evaluate(
        () => (window as unknown as { __benchMapKey?: number }).__benchMapKey ?? NaN,
      );
      out.push(shown - key);
    } finally {
      await b.close();
    }
  }
  log(
    `input: the map's first opening ${readMs} ms into the hall: ${out.map((x) => x.toFixed(0)).join(', ')} ms`,
  );
  return out;
};

// ── 6. sizes ────────────────────────────────────────────────────────────────────────────────

export interface Bytes {
  raw: number;
  gzip: number;
  /** As `npm start` sends them to a browser that accepts brotli (the build's `.br` copies). */
  served: number;
}
export interface SizesResult {
  /** Files the first interactive screen needed: loaded by the time the title was interactive. */
  firstScreen: { js: Bytes; all: Bytes; files: string[] };
  /**
   * Files loaded before the first interaction: the title page until the network is idle (the
   * rest of the game and Phaser are fetched meanwhile, while the player reads the title).
   */
  beforeInteraction: { js: Bytes; all: Bytes; files: string[] };
  /** Files loaded by the time the hall has drawn its first frame (after New game, Start). */
  throughHall: { js: Bytes; all: Bytes; files: string[] };
  /** Every file in the build. */
  build: { js: Bytes; all: Bytes; files: number };
  /** Phaser among the files the first interactive screen needed. */
  phaserForFirstScreen: boolean;
}

const sum = (files: Bytes[]): Bytes => ({
  raw: files.reduce((a, f) => a + f.raw, 0),
  gzip: files.reduce((a, f) => a + f.gzip, 0),
  served: files.reduce((a, f) => a + f.served, 0),
});

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/** Waits until no request has started for `quiet` ms (at most `max` ms). */
const networkQuiet = async (page: Page, last: () => number, quiet = 500, max = 15_000) => {
  const t0 = Date.now();
  while (Date.now() - last() < quiet && Date.now() - t0 < max) await page.waitForTimeout(100);
};

export const measureSizes = async (outDir: string, game: string): Promise<SizesResult> => {
  // The build's files, without the compressed copies written beside them.
  const files = new Map(
    walk(outDir)
      .filter((p) => !/\.(br|gz)$/.test(p))
      .map((p): [string, Bytes] => {
        const body = readFileSync(p);
        const br = existsSync(`${p}.br`) ? statSync(`${p}.br`).size : body.length;
        return [
          `/${relative(outDir, p)}`,
          { raw: body.length, gzip: gzipSync(body).length, served: br },
        ];
      }),
  );
  const pick = (paths: Set<string>) => {
    const known = [...paths].map((p) => (p === '/' ? '/index.html' : decodeURIComponent(p)));
    const hit = known.filter((p) => files.has(p));
    return {
      js: sum(hit.filter((p) => p.endsWith('.js')).map((p) => files.get(p)!)),
      all: sum(hit.map((p) => files.get(p)!)),
      files: hit,
    };
  };
  const b = await launch('sizes');
  try {
    const origin = new URL(game).origin;
    const loaded = new Set<string>();
    let lastRequest = Date.now();
    b.page.on('request', () => (lastRequest = Date.now()));
    b.page.on('requestfinished', (r) => {
      const u = new URL(r.url());
      if (u.origin === origin) loaded.add(u.pathname);
    });
    await b.page.goto(game);
    const title = await waitMark(b.page, 'title-interactive');
    // What had arrived when the title became interactive (and the page itself).
    const needed = await b.page.evaluate(
      (mark) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => (e as PerformanceResourceTiming).responseEnd <= mark)
          .map((e) => new URL(e.name).pathname),
      title,
    );
    const first = pick(new Set(['/', ...needed]));
    await b.page.waitForLoadState('networkidle');
    await networkQuiet(b.page, () => lastRequest);
    const before = pick(new Set(loaded));
    await startGame(b.page);
    await waitMark(b.page, 'hall-first-frame', 90_000);
    await networkQuiet(b.page, () => lastRequest);
    const all = [...files.entries()];
    return {
      firstScreen: first,
      beforeInteraction: before,
      throughHall: pick(new Set(loaded)),
      build: {
        js: sum(all.filter(([p]) => p.endsWith('.js')).map(([, f]) => f)),
        all: sum(all.map(([, f]) => f)),
        files: all.length,
      },
      phaserForFirstScreen: first.files.some((p) => p.includes('phaser')),
    };
  } finally {
    await b.close();
  }
};
