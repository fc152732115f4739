/**
 * `npm run bench:server` — not a test: prints figures and ratios. On loopback only, bounded, stops
 * by itself.
 *  - 20 classroom sessions of 31 clients each (a chair and 30 students in teams of five): time from
 *    an event sent by a student to every client of that session holding the updated view (p50, p99);
 *  - the same load on a bare Colyseus echo room (a message broadcast to every client), in the same
 *    run, as the baseline;
 *  - the server's heap per session with its clients connected.
 * Run with `node --expose-gc` (the npm script does) for a stable heap reading.
 */
import { Room, Server, matchMaker, type Client as ServerClient } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { Client, type Room as Room_ } from 'colyseus.js';
import { startServer } from '../../src/server/app';
import { applyViewPatch, type ConferenceView, type ViewPatch } from '../../src/core/views';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 20);
const CLIENTS = 31;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100);
const WARMUP = 5;
/** Milliseconds between one session's events (0: back to back). */
const INTERVAL = Number(process.env.BENCH_INTERVAL_MS ?? 100);
const now = () => performance.now();
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

// ── clients, in a worker thread so the server's heap is measured alone ───────────────────

interface Job {
  kind: 'game' | 'echo';
  port: number;
  targets: { id: string; chairKey?: string }[];
}

const runClients = async (job: Job): Promise<number[]> => {
  interface Session {
    rooms: { room: Room_; seq: number; seat: string; view: ConferenceView | null }[];
    waiting: { target: number; resolve: () => void } | null;
  }
  const sessions: Session[] = [];
  for (const t of job.targets) {
    const rooms: Session['rooms'] = [];
    const session: Session = { rooms, waiting: null };
    // Called whenever a client's view arrives: resolves the pending event once all have it.
    const check = () => {
      const w = session.waiting;
      if (w && rooms.every((r) => r.seq >= w.target)) w.resolve();
    };
    for (let c = 0; c < CLIENTS; c++) {
      const client = new Client(`ws://127.0.0.1:${job.port}`);
      const opts =
        job.kind === 'echo'
          ? {}
          : c === 0
            ? { chairKey: t.chairKey, name: 'Chair' }
            : { name: `Student ${c}` };
      const room = await client.joinById(t.id, opts);
      const entry: Session['rooms'][number] = {
        room,
        seq: job.kind === 'echo' ? 1 : 0,
        seat: job.kind === 'echo' ? 'x' : '',
        view: null,
      };
      if (job.kind === 'echo')
        room.onMessage('echo', (m: number) => {
          entry.seq = m;
          check();
        });
      else {
        room.onMessage('welcome', (w: { seat: string }) => (entry.seat = w.seat));
        room.onMessage('view', (v: ConferenceView) => {
          entry.view = v;
          entry.seq = v.seq;
          check();
        });
        // As the client does: apply the patch to the last view (a mismatch would ask anew).
        room.onMessage('patch', (p: ViewPatch) => {
          const v = entry.view ? applyViewPatch(entry.view, p) : null;
          if (!v) return room.send('hello');
          entry.view = v;
          entry.seq = v.seq;
          check();
        });
        room.onMessage('*', () => undefined);
        room.send('hello');
      }
      rooms.push(entry);
    }
    sessions.push(session);
  }
  const end = Date.now() + 30_000;
  while (!sessions.every((s) => s.rooms.every((r) => r.seq > 0 && r.seat)) && Date.now() < end)
    await new Promise((r) => setTimeout(r, 20));
  parentPort!.postMessage({ ready: true });
  await new Promise((r) => parentPort!.once('message', r));
  const latencies: number[] = [];
  // Each session sends one event every INTERVAL ms (staggered across sessions), and never before
  // its previous event has reached all 31 clients. INTERVAL=0 sends back to back: a throughput
  // test, where latency is queueing.
  const start = now() + 50;
  await Promise.all(
    sessions.map(async (s, si) => {
      // The first WARMUP events of each session warm both ends up and are not counted.
      for (let i = 0; i < WARMUP + EVENTS; i++) {
        const due = start + (si * INTERVAL) / sessions.length + i * INTERVAL;
        if (INTERVAL > 0 && now() < due) await new Promise((r) => setTimeout(r, due - now()));
        const sender = s.rooms[1 + (i % (CLIENTS - 1))]!;
        const target = Math.max(...s.rooms.map((r) => r.seq)) + 1;
        const reached = new Promise<void>((resolve) => {
          s.waiting = { target, resolve };
        });
        const t0 = now();
        if (job.kind === 'echo') sender.room.send('echo', target);
        else
          sender.room.send('event', {
            event: { type: 'delegate.message', seat: sender.seat, to: 'team', text: `note ${i}` },
          });
        const timeout = new Promise<void>((r) => setTimeout(r, 10_000));
        await Promise.race([reached, timeout]);
        s.waiting = null;
        if (i >= WARMUP) latencies.push(now() - t0);
      }
    }),
  );
  for (const s of sessions) for (const r of s.rooms) await r.room.leave();
  return latencies;
};

/** Runs the clients in a worker; returns the server's heap growth per session and the latencies. */
const drive = async (job: Job, before: number) => {
  // The worker loads this same file through tsx's loader (workers do not inherit --import hooks).
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: job });
  let perSession = 0;
  const latencies = await new Promise<number[]>((resolve, reject) => {
    worker.on('message', (m: { ready?: boolean; latencies?: number[] }) => {
      if (m.ready) {
        perSession = (heap() - before) / job.targets.length;
        worker.postMessage('go');
      } else if (m.latencies) resolve(m.latencies);
    });
    worker.on('error', reject);
  });
  await worker.terminate();
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perSession };
};

const game = async () => {
  // A real file, as in a classroom: every event is on disk (WAL, full sync) before it is sent on.
  const dir = mkdtempSync(join(tmpdir(), 'consensus-bench-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataFile: join(dir, 'sessions.sqlite'),
    distDir: 'dist',
    pace: 1e9,
  });
  const url = `http://127.0.0.1:${server.port}`;
  const before = heap();
  const targets: Job['targets'] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const res = await fetch(`${url}/api/sessions`, {
      method: 'POST',
      body: JSON.stringify({ scenario: 'tsakhkadzor-2018' }),
    });
    const { code, chairKey } = (await res.json()) as { code: string; chairKey: string };
    targets.push({ id: code, chairKey });
  }
  const r = await drive({ kind: 'game', port: server.port, targets }, before);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  return r;
};

// ── the baseline: a bare echo room ─────────────────────────────────────────────────────────

class EchoRoom extends Room {
  override onCreate(): void {
    this.setPatchRate(null);
    this.onMessage('echo', (_c: ServerClient, m: unknown) => this.broadcast('echo', m));
  }
}

const echo = async () => {
  const { createServer } = await import('node:http');
  const http = createServer();
  const server = new Server({ transport: new WebSocketTransport({ server: http }), greet: false });
  server.define('echo', EchoRoom);
  await server.listen(0, '127.0.0.1');
  const port = (http.address() as { port: number }).port;
  const before = heap();
  const targets: Job['targets'] = [];
  for (let s = 0; s < SESSIONS; s++)
    targets.push({ id: (await matchMaker.createRoom('echo', {})).roomId });
  const r = await drive({ kind: 'echo', port, targets }, before);
  await server.gracefullyShutdown(false);
  return r;
};

export interface ServerBench {
  sessions: number;
  clients: number;
  game: { p50: number; p99: number; perSession: number };
  echo: { p50: number; p99: number; perSession: number };
}

export const benchServer = async (): Promise<ServerBench> => {
  const e = await echo();
  const g = await game();
  return { sessions: SESSIONS, clients: CLIENTS, game: g, echo: e };
};

if (!isMainThread) {
  parentPort!.postMessage({ latencies: await runClients(workerData as Job) });
} else if (process.argv[1]?.endsWith('server.bench.ts')) {
  const b = await benchServer();
  const rows: [string, string, string][] = [
    [
      `event → every client's view, p50 (ms), ${b.sessions} sessions × ${b.clients} clients`,
      `${r2(b.game.p50)} (echo ${r2(b.echo.p50)})`,
      '',
    ],
    [
      'event → every client’s view, p99 (ms)',
      `${r2(b.game.p99)} (echo ${r2(b.echo.p99)})`,
      `target ≤ 10 ms and ≤ 2× echo: ${b.game.p99 <= 10 && b.game.p99 <= 2 * b.echo.p99 ? 'pass' : 'FAIL'}`,
    ],
    ['p99 ratio to the echo room', `${r2(b.game.p99 / b.echo.p99)}×`, ''],
    [
      'server heap per 31-client session (KiB)',
      `${r2(b.game.perSession / 1024)} (echo ${r2(b.echo.perSession / 1024)})`,
      `target < 512 KiB: ${b.game.perSession < 512 * 1024 ? 'pass' : 'FAIL'}`,
    ],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(
    `bench:server on Node ${process.version}${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: heap figures are rough)'}\n`,
  );
  for (const [k, v, t] of rows) console.log(`${k.padEnd(w)}  ${v.padStart(22)}  ${t}`);
  process.exit(0);
}
