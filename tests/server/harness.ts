/** Test harness: a real server on a free loopback port and real colyseus.js clients. */
import { Client, type Room } from 'colyseus.js';
import { startServer, type RunningServer } from '../../src/server/app';
import { applyViewPatch, type ConferenceView, type ViewPatch } from '../../src/core/views';

export interface Joined {
  room: Room;
  views: ConferenceView[];
  /** Patches received, and those that did not fit the last view (the client then asked anew). */
  patches: { count: number; mismatched: number };
  refusals: { id: number | null; reason: { en: string; ru: string } }[];
  acks: { id: number | null; seq: number }[];
  welcome: Promise<{ seat: string; role: string; token: string; code: string; speed?: string }>;
  last(): ConferenceView;
}

export const start = async (
  o: { pace?: number; dataFile?: string; reconnectSeconds?: number } = {},
): Promise<RunningServer & { url: string; ws: string }> => {
  const s = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataFile: o.dataFile ?? ':memory:',
    distDir: 'dist',
    pace: o.pace ?? 5,
    reconnectSeconds: o.reconnectSeconds ?? 5,
  });
  return { ...s, url: `http://127.0.0.1:${s.port}`, ws: `ws://127.0.0.1:${s.port}` };
};

export const createSession = async (url: string, body: Record<string, unknown>) => {
  const r = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return {
    status: r.status,
    body: (await r.json()) as {
      code: string;
      chairKey: string;
      joinUrl: string;
      qr: string;
      error?: string;
    },
  };
};

export const join = async (
  ws: string,
  code: string,
  options: Record<string, unknown>,
): Promise<Joined> => {
  const client = new Client(ws);
  const room = await client.joinById(code, options);
  return wire(room);
};

export const wire = (room: Room): Joined => {
  const views: ConferenceView[] = [];
  const patches = { count: 0, mismatched: 0 };
  const refusals: Joined['refusals'] = [];
  const acks: Joined['acks'] = [];
  let resolveWelcome: (w: {
    seat: string;
    role: string;
    token: string;
    code: string;
  }) => void = () => {};
  const welcome = new Promise<{ seat: string; role: string; token: string; code: string }>(
    (r) => (resolveWelcome = r),
  );
  room.onMessage('welcome', (w) => resolveWelcome(w));
  room.onMessage('view', (v: ConferenceView) => views.push(v));
  // Updates come as patches against the last view, as in the client (src/client/net/remote.ts).
  room.onMessage('patch', (p: ViewPatch) => {
    patches.count++;
    const last = views[views.length - 1];
    const v = last ? applyViewPatch(last, p) : null;
    if (!v) {
      patches.mismatched++;
      return room.send('hello');
    }
    views.push(v);
  });
  room.onMessage('refused', (m) => refusals.push(m));
  room.onMessage('ack', (m) => acks.push(m));
  room.onMessage('roster', () => undefined);
  room.onMessage('removed', () => undefined);
  room.send('hello');
  return { room, views, patches, refusals, acks, welcome, last: () => views[views.length - 1]! };
};

/** Waits until a condition holds, polling; fails after the timeout (tests wait on messages, not sleeps). */
export const until = async (cond: () => boolean, what: string, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
