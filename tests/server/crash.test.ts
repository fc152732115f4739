/**
 * Crash: the server process is killed with SIGKILL in the middle of a vote and started again on
 * the same log. Every open session comes back with the same state, no vote is lost, and the
 * students reclaim their seats with their seat tokens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession, join, until } from './harness';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

/** The server's printed output so far, by process. */
const printed = new WeakMap<ChildProcess, () => string>();

const boot = async (port: number, db: string): Promise<ChildProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CONSENSUS_DB: db,
      CONSENSUS_PACE: '5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await until(() => out.includes('Consensus is running'), `the server to start (${out})`, 60_000);
  printed.set(child, () => out);
  return child;
};

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('a server killed mid-vote', () => {
  it('comes back with the same state and every vote, and students keep their seats', async () => {
    const port = await freePort();
    const db = joinPath(mkdtempSync(joinPath(tmpdir(), 'consensus-crash-')), 'sessions.db');
    const url = `http://127.0.0.1:${port}`;
    const ws = `ws://127.0.0.1:${port}`;
    let server = await boot(port, db);
    children.push(server);
    const c = await createSession(url, { scenario: 'tsakhkadzor-2018', humans: ['am', 'kz'] });
    const a = await join(ws, c.body.code, { name: 'Ana' });
    const b = await join(ws, c.body.code, { name: 'Bek' });
    const wa = await a.welcome;
    const wb = await b.welcome;
    // Both answer the roll call; then Ana votes on the first ballot and Bek does not.
    const chair = await join(ws, c.body.code, { chairKey: c.body.chairKey, name: 'Teacher' });
    chair.room.send('event', { event: { type: 'chair.openRollCall', seat: 'chair' } });
    const answer = (j: typeof a, seat: string) =>
      j.room.send('event', { event: { type: 'delegate.answerRollCall', seat, status: 'present' } });
    await until(() => a.views.at(-1)?.phase === 'rollCall.open', 'the roll call');
    answer(a, wa.seat);
    answer(b, wb.seat);
    await until(() => a.views.at(-1)?.phase === 'floor.item.voting', 'the first ballot', 60_000);
    a.room.send('event', { event: { type: 'delegate.vote', seat: wa.seat, choice: 'yes' } });
    await until(() => a.acks.length > 0, 'Ana’s vote acknowledged');
    await until(() => {
      const v = a.views.at(-1)!;
      const ballot = v.ballots[v.ballot]!;
      return Object.keys(ballot.votes).length === 5;
    }, 'every AI vote in');
    const before = a.views.at(-1)!;
    expect(before.ballots[before.ballot]!.votes[wa.seat]).toBe('yes');

    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    server = await boot(port, db);
    children.push(server);

    // The students come back with their seat tokens.
    const a2 = await join(ws, c.body.code, { token: wa.token });
    const b2 = await join(ws, c.body.code, { token: wb.token });
    expect((await a2.welcome).seat).toBe(wa.seat);
    expect((await b2.welcome).seat).toBe(wb.seat);
    await until(() => a2.views.length > 0 && b2.views.length > 0, 'views after the restart');
    const after = a2.views.at(-1)!;
    expect(after.seq).toBe(before.seq);
    expect(after.phase).toBe(before.phase);
    expect(after.ballots).toEqual(before.ballots);
    expect(after.metrics).toEqual(before.metrics);
    // Bek's seat waited for him: he can still cast his vote, and the ballot closes.
    b2.room.send('event', { event: { type: 'delegate.vote', seat: wb.seat, choice: 'yes' } });
    await until(() => b2.acks.length > 0, 'Bek’s vote acknowledged');
    await until(
      () => (a2.views.at(-1)?.closed.length ?? 0) > before.closed.length,
      'the ballot closes',
    );
    await a2.room.leave();
    await b2.room.leave();
  }, 180_000);
});

describe('Ctrl+C on `npm start`', () => {
  it('closes the sessions once, says so, exits cleanly, and the sessions come back', async () => {
    const port = await freePort();
    const db = joinPath(mkdtempSync(joinPath(tmpdir(), 'consensus-stop-')), 'sessions.db');
    const url = `http://127.0.0.1:${port}`;
    const server = await boot(port, db);
    children.push(server);
    const c = await createSession(url, { scenario: 'tsakhkadzor-2018' });
    const exited = new Promise<number | null>((done) => server.once('exit', (code) => done(code)));
    server.kill('SIGINT');
    expect(await exited).toBe(0);
    const out = printed.get(server)!();
    expect(out).toContain('SIGINT: closing sessions');
    // Colyseus's own signal handler used to shut down a second time beside ours.
    expect(out).not.toMatch(/error during shutdown/);
    const again = await boot(port, db);
    children.push(again);
    const r = await fetch(`${url}/api/sessions/${c.body.code}`);
    expect(r.status).toBe(200);
  }, 120_000);
});
