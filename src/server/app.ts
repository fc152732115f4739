/**
 * The session server: one port serves the built game, a small JSON API to create and look up
 * sessions, and the Colyseus WebSocket transport. Open sessions are rebuilt from the durable log
 * at start; a graceful shutdown closes rooms and the log.
 */
import { Server, matchMaker } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import { isProfileId } from '../core/profiles';
import type { Scenario } from '../core/scenario';
import { readScenario, scenarioFiles } from '../content/library';
import { isJoinCode, joinCode, sameSecret } from './codes';
import { ConferenceRoom, DEFAULT_PACE_MS, configureRooms } from './room';
import { staticFiles } from './static';
import { Store } from './store';

export interface ServerOptions {
  port: number;
  host?: string;
  dataFile: string;
  distDir: string;
  /** Milliseconds between AI moves in sessions. */
  pace?: number;
  reconnectSeconds?: number;
}

export interface RunningServer {
  port: number;
  store: Store;
  scenarios: Map<string, Scenario>;
  close(): Promise<void>;
}

/** Every IPv4 address of this machine that students on the network could reach. */
export const lanAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
};

const readBody = (req: IncomingMessage, limit = 8192): Promise<unknown> =>
  new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('the request is too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolveBody(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new Error('the request is not valid JSON'));
      }
    });
    req.on('error', reject);
  });

export const startServer = async (o: ServerOptions): Promise<RunningServer> => {
  const scenarios = new Map<string, Scenario>();
  for (const f of scenarioFiles()) {
    const s = readScenario(f);
    scenarios.set(s.id, s);
  }
  const store = new Store(o.dataFile);
  configureRooms({
    store,
    scenarios,
    pace: o.pace ?? DEFAULT_PACE_MS,
    reconnectSeconds: o.reconnectSeconds ?? 180,
  });
  const files = staticFiles(o.distDir);

  let boundPort = o.port;
  /**
   * The address students' devices reach this server at: the one the request came to, unless that
   * was this computer's own name (localhost), which only works here; then the first network one.
   */
  const classBase = (req: IncomingMessage): string => {
    const host = req.headers.host ?? `localhost:${boundPort}`;
    const lan = lanAddresses();
    return lan.length && /^(localhost|127\.|\[::1\])/.test(host)
      ? `http://${lan[0]}:${boundPort}`
      : `http://${host}`;
  };
  /** The address students open to join a session, and its QR code (an SVG). */
  const joinCard = async (
    req: IncomingMessage,
    code: string,
  ): Promise<{ joinUrl: string; qr: string }> => {
    const joinUrl = `${classBase(req)}/?join=${code}`;
    const qr = await QRCode.toString(joinUrl, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    });
    return { joinUrl, qr };
  };
  const api = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method === 'GET' && url.pathname === '/api/address')
      return json(res, 200, { base: classBase(req) });
    if (req.method === 'POST' && url.pathname === '/api/sessions') {
      let body: Record<string, unknown>;
      try {
        body = (await readBody(req)) as Record<string, unknown>;
      } catch (e) {
        return json(res, 400, { error: (e as Error).message });
      }
      const scenario = typeof body.scenario === 'string' ? scenarios.get(body.scenario) : undefined;
      if (!scenario)
        return json(res, 400, {
          error: `unknown scenario "${String(body.scenario)}"`,
          scenarios: [...scenarios.keys()],
        });
      const profile =
        typeof body.profile === 'string' && isProfileId(body.profile) ? body.profile : 'consensus';
      const difficulty =
        body.difficulty === 'easy' || body.difficulty === 'hard' ? body.difficulty : 'normal';
      const members = scenario.delegations.filter((d) => d.role === 'member').map((d) => d.id);
      const humans = Array.isArray(body.humans)
        ? body.humans.filter((h): h is string => typeof h === 'string' && members.includes(h))
        : members;
      // An empty list would leave students no seat of their own (they would take any).
      if (!humans.length)
        return json(res, 400, {
          error: `choose at least one delegation for students: one of ${members.join(', ')}`,
        });
      const seed =
        typeof body.seed === 'number' && Number.isInteger(body.seed) && body.seed >= 0
          ? body.seed
          : Math.floor(Math.random() * 100000);
      let code = joinCode();
      while (store.hasCode(code)) code = joinCode();
      const { chairKey } = ConferenceRoom.create(
        scenario,
        store,
        code,
        { seed, profile, humans },
        difficulty,
      );
      await matchMaker.createRoom('conference', { code });
      const lan = lanAddresses();
      const { joinUrl, qr } = await joinCard(req, code);
      return json(res, 201, {
        code,
        chairKey,
        joinUrl,
        qr,
        addresses: lan.map((a) => `http://${a}:${boundPort}`),
      });
    }
    const logMatch = /^\/api\/sessions\/([^/]+)\/log$/.exec(url.pathname);
    if (req.method === 'GET' && logMatch) {
      // The whole log holds private messages and offers: only the chair may export it.
      const code = decodeURIComponent(logMatch[1]!).toUpperCase();
      const rec = isJoinCode(code) ? store.session(code) : undefined;
      if (!rec) return json(res, 404, { error: `no session with the code ${code}` });
      if (!sameSecret(req.headers['x-chair-key'], rec.chairKey))
        return json(res, 403, { error: 'only the chair may export the session log' });
      return json(res, 200, {
        format: 1,
        app: 'consensus',
        scenario: rec.scenario,
        options: rec.options,
        difficulty: rec.difficulty,
        events: store.events(code),
      });
    }
    const m = /^\/api\/sessions\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && m) {
      const code = decodeURIComponent(m[1]!).toUpperCase();
      if (!isJoinCode(code))
        return json(res, 400, { error: 'a join code is 5 letters and digits' });
      const rec = store.session(code);
      if (!rec) return json(res, 404, { error: `no session with the code ${code}` });
      // The join address and its QR code are public (the projector shows them to the class).
      return json(res, 200, {
        code,
        scenario: rec.scenario,
        ended: rec.ended,
        humans: rec.options.humans ?? [],
        ...(await joinCard(req, code)),
      });
    }
    return json(res, 404, { error: 'no such API' });
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      api(req, res, url).catch((e: unknown) => json(res, 500, { error: (e as Error).message }));
      return;
    }
    // Static files from the build; unknown paths get the app (it reads ?join= itself).
    files(req, res, url.pathname);
  };

  const http = createServer(handler);
  const gameServer = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: 16 * 1024 }),
    greet: false,
    // `npm start` handles Ctrl+C itself (close() below); Colyseus's own handler ran beside it and
    // printed "error during shutdown: already_shutting_down".
    gracefullyShutdown: false,
  });
  gameServer.define('conference', ConferenceRoom);
  await gameServer.listen(o.port, o.host);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  boundPort = port;
  for (const s of store.openSessions()) {
    try {
      await matchMaker.createRoom('conference', { code: s.code, restore: true });
    } catch (e) {
      console.error(`could not restore session ${s.code}: ${(e as Error).message}`);
    }
  }
  return {
    port,
    store,
    scenarios,
    close: async () => {
      await gameServer.gracefullyShutdown(false);
      store.close();
    },
  };
};
