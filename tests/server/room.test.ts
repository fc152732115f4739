/**
 * The classroom server with real colyseus.js clients on loopback: join by code, seats and roles,
 * secrets, a whole game with the AI filling seats, and a fuzz of malformed, unauthorised, stale and
 * flooding messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, join, start, until, type Joined } from './harness';
import type { ConferenceView } from '../../src/core/views';
import { SPEED_FACTOR, readingMs } from '../../src/core/pace';
import { DEFAULT_PACE_MS } from '../../src/server/room';
import { lanAddresses } from '../../src/server/app';

type Server = Awaited<ReturnType<typeof start>>;

const briefOf = (s: Server, scenario: string, seat: string) =>
  s.scenarios.get(scenario)!.delegations.find((d) => d.id === seat)!.brief.en;

/** A student who answers the roll call, votes yes and states support in crises. */
const autoStudent = (j: Joined, seat: string): (() => void) => {
  const timer = setInterval(() => {
    const v = j.views[j.views.length - 1];
    if (!v || v.ended) return;
    const send = (event: Record<string, unknown>) =>
      j.room.send('event', { event: { seat, ...event }, version: v.seq });
    if (v.phase === 'rollCall.open' && v.delegations[seat]!.presence === 'absent')
      send({ type: 'delegate.answerRollCall', status: 'present' });
    const b = v.ballots[v.ballot];
    if (v.phase === 'floor.item.voting' && b && !b.votes[seat] && !v.delegations[seat]!.frozen)
      send({ type: 'delegate.vote', choice: 'yes' });
    if (
      v.phase === 'crisis.responses' &&
      v.crisis &&
      v.crises[v.crisis]!.responses[seat] === undefined
    )
      send({ type: 'delegate.respond', crisis: v.crisis, response: 'statement' });
  }, 15);
  return () => clearInterval(timer);
};

describe('classroom sessions', () => {
  let s: Server;
  beforeAll(async () => {
    s = await start({ pace: 3 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('refuses to create a session for an unknown scenario, with the list of known ones', async () => {
    const r = await createSession(s.url, { scenario: 'atlantis' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/unknown scenario/);
  });

  it('refuses a session with no delegation for students (they would take any seat)', async () => {
    const r = await createSession(s.url, { scenario: 'osh-2010', humans: [] });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe(
      'choose at least one delegation for students: one of ru, by, kz, kg, tj, am',
    );
    const unknown = await createSession(s.url, { scenario: 'osh-2010', humans: ['xx'] });
    expect(unknown.status).toBe(400);
  });

  it('tells a page open as this computer (localhost) the address the class reaches', async () => {
    const r = await fetch(`${s.url}/api/address`);
    expect(r.status).toBe(200);
    const { base } = (await r.json()) as { base: string };
    const port = new URL(s.url).port;
    const lan = lanAddresses();
    // With a network, never this computer's own name; without one, the address asked.
    expect(base).toBe(lan.length ? `http://${lan[0]}:${port}` : `http://127.0.0.1:${port}`);
    // The join address of a session uses the same.
    const c = await createSession(s.url, { scenario: 'karabakh-credibility' });
    expect(c.body.joinUrl).toBe(`${base}/?join=${c.body.code}`);
  });

  it('gives a 5-character code, a QR code of the join address, and seats by role', async () => {
    const c = await createSession(s.url, {
      scenario: 'karabakh-credibility',
      humans: ['am', 'kz'],
    });
    expect(c.status).toBe(201);
    expect(c.body.code).toMatch(/^[A-Z2-9]{5}$/);
    expect(c.body.joinUrl).toContain(`?join=${c.body.code}`);
    expect(c.body.qr).toContain('<svg');
    const look = await fetch(`${s.url}/api/sessions/${c.body.code.toLowerCase()}`);
    expect(look.status).toBe(200);
    // Anyone with the code (the projector) gets the same join address and QR code; not the key.
    const seen = (await look.json()) as Record<string, unknown>;
    expect(seen.joinUrl).toBe(c.body.joinUrl);
    expect(seen.qr).toContain('<svg');
    expect(JSON.stringify(seen)).not.toContain(c.body.chairKey);
    expect((await fetch(`${s.url}/api/sessions/ZZZZZ`)).status).toBe(404);

    const chair = await join(s.ws, c.body.code, { chairKey: c.body.chairKey, name: 'Teacher' });
    const a = await join(s.ws, c.body.code, { name: 'Ana' });
    const b = await join(s.ws, c.body.code, { name: 'Bek' });
    const third = await join(s.ws, c.body.code, { name: 'Cem' });
    const projector = await join(s.ws, c.body.code, { role: 'observer' });
    expect((await chair.welcome).role).toBe('chair');
    const seats = [(await a.welcome).seat, (await b.welcome).seat].sort();
    expect(seats).toEqual(['am', 'kz']);
    // A third student shares a delegation as a team.
    expect(['am', 'kz']).toContain((await third.welcome).seat);
    expect((await projector.welcome).role).toBe('observer');
    // A wrong chair key does not make a chair.
    await expect(join(s.ws, c.body.code, { chairKey: 'guess' })).rejects.toThrow(/display name/);

    await until(() => [a, b, chair, projector].every((j) => j.views.length > 0), 'first views');
    const seatA = (await a.welcome).seat;
    const seatB = (await b.welcome).seat;
    const va = JSON.stringify(a.last());
    expect(va).toContain(briefOf(s, 'karabakh-credibility', seatA).slice(0, 50));
    expect(va).not.toContain(briefOf(s, 'karabakh-credibility', seatB).slice(0, 50));
    const vp = JSON.stringify(projector.last());
    expect(vp).not.toContain(briefOf(s, 'karabakh-credibility', seatA).slice(0, 50));
    expect(chair.last().briefs.length).toBe(6);

    // A delegation can never act for another or as chair; the state does not change.
    const before = a.last().seq;
    a.room.send('event', { id: 1, event: { type: 'delegate.vote', seat: seatB, choice: 'no' } });
    a.room.send('event', { id: 2, event: { type: 'chair.endConference', seat: 'chair' } });
    projector.room.send('event', {
      id: 3,
      event: { type: 'delegate.vote', seat: 'observer', choice: 'no' },
    });
    await until(() => a.refusals.length >= 2 && projector.refusals.length >= 1, 'refusals');
    expect(a.refusals.map((r) => r.id)).toEqual([1, 2]);
    expect(a.refusals[0]!.reason.en).toMatch(/cannot act for/);
    expect(a.refusals[0]!.reason.ru.length).toBeGreaterThan(5);
    expect(a.last().ended).toBe(false);
    expect(a.last().seq).toBeGreaterThanOrEqual(before);
    for (const j of [chair, a, b, third, projector]) await j.room.leave();
  });

  it('gives the session log only to the chair, as a game record that replays', async () => {
    const c = await createSession(s.url, { scenario: 'osh-2010', humans: ['kg'] });
    const chair = await join(s.ws, c.body.code, { chairKey: c.body.chairKey, name: 'Teacher' });
    chair.room.send('event', { event: { type: 'chair.openRollCall', seat: 'chair' } });
    await until(() => (chair.views.at(-1)?.seq ?? 0) > 3, 'some events');
    const denied = await fetch(`${s.url}/api/sessions/${c.body.code}/log`, {
      headers: { 'x-chair-key': 'guess' },
    });
    expect(denied.status).toBe(403);
    const log = await fetch(`${s.url}/api/sessions/${c.body.code}/log`, {
      headers: { 'x-chair-key': c.body.chairKey },
    });
    expect(log.status).toBe(200);
    const saved = (await log.json()) as { events: unknown[]; scenario: string };
    expect(saved.scenario).toBe('osh-2010');
    const { replayGame } = await import('../../src/core/conference');
    const replayed = replayGame(s.scenarios.get('osh-2010')!, saved);
    expect(replayed.ok).toBe(true);
    await chair.room.leave();
  });

  it('takes a message sent from a view older than the phase, and refuses an answer so sent as stale', async () => {
    const c = await createSession(s.url, { scenario: 'tsakhkadzor-2018', humans: ['am', 'kz'] });
    const chair = await join(s.ws, c.body.code, { chairKey: c.body.chairKey, name: 'Teacher' });
    const ana = await join(s.ws, c.body.code, { name: 'Ana' });
    const bek = await join(s.ws, c.body.code, { name: 'Bek' });
    const [a, b] = [(await ana.welcome).seat, (await bek.welcome).seat];
    await until(() => ana.views.length > 0 && bek.views.length > 0, 'the students’ views');
    // Ana looked at the conference before the roll call opened…
    const looked = ana.last().seq;
    chair.room.send('event', { event: { type: 'chair.openRollCall', seat: 'chair' } });
    await until(() => ana.last().phase === 'rollCall.open', 'the roll call');
    // …and sends a message and her answer from that look.
    const sendAs = (id: number, event: Record<string, unknown>) =>
      ana.room.send('event', { id, event: { seat: a, ...event }, version: looked });
    sendAs(1, { type: 'delegate.message', to: b, text: 'Shall we agree on the sensors?' });
    sendAs(2, { type: 'delegate.answerRollCall', status: 'present' });
    await until(
      () => bek.last().messages.some((m) => m.text === 'Shall we agree on the sensors?'),
      'the message on Bek’s desk',
    );
    await until(() => ana.refusals.some((r) => r.id === 2), 'the answer refused');
    expect(ana.refusals.find((r) => r.id === 2)!.reason.en).toMatch(/^stale/);
    expect(ana.refusals.some((r) => r.id === 1)).toBe(false);
    for (const j of [chair, ana, bek]) await j.room.leave();
  });

  it('plays a whole game with the AI filling empty seats, every client reaching the debrief', async () => {
    const c = await createSession(s.url, {
      scenario: 'tsakhkadzor-2018',
      humans: ['am', 'kz', 'ru'],
    });
    const chair = await join(s.ws, c.body.code, { chairKey: c.body.chairKey, name: 'Teacher' });
    const a = await join(s.ws, c.body.code, { name: 'Ana' });
    const b = await join(s.ws, c.body.code, { name: 'Bek' });
    const stops = [autoStudent(a, (await a.welcome).seat), autoStudent(b, (await b.welcome).seat)];
    // Nothing happens until the teacher opens the roll call.
    await until(() => chair.views.length > 0, 'the chair’s view');
    expect(chair.last().phase).toBe('rollCall.waiting');
    chair.room.send('event', { event: { type: 'chair.openRollCall', seat: 'chair' } });
    await until(
      () => [a, b, chair].every((j) => j.views.at(-1)?.ended === true),
      'the end of the conference',
      90_000,
    );
    stops.forEach((f) => f());
    const end: ConferenceView = a.last();
    expect(end.phase).toBe('debrief');
    expect(end.debrief).not.toBeNull();
    expect(Object.keys(end.outcomes).length).toBe(11);
    // The playable seat nobody took was played by the AI, and the record says so.
    const taken = [(await a.welcome).seat, (await b.welcome).seat];
    const left = ['am', 'kz', 'ru'].find((x) => !taken.includes(x))!;
    expect(chair.last().delegations[left]!.controller).toBe('ai');
    expect(chair.last().delegations[taken[0]!]!.controller).toBe('human');
    // After the first whole view, updates came as patches, and each fitted the view before it:
    // the view every client built from them is the whole view the server gives on request.
    for (const j of [chair, a, b]) {
      expect(j.patches.count).toBeGreaterThan(100);
      expect(j.patches.mismatched).toBe(0);
      const built = j.last();
      const n = j.views.length;
      j.room.send('hello');
      await until(() => j.views.length > n, 'a whole view on request');
      expect(JSON.parse(JSON.stringify(built))).toEqual(JSON.parse(JSON.stringify(j.last())));
    }
    // Late in a game a patch is a small fraction of a whole view.
    const whole = JSON.stringify(chair.last()).length;
    expect(whole).toBeGreaterThan(50_000);
    for (const j of [chair, a, b]) await j.room.leave();
  }, 120_000);
});

describe('fuzzing the room', () => {
  let s: Server;
  beforeAll(async () => {
    // The AI never moves here, so the state may change only through these clients.
    s = await start({ pace: 1e9 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers 1,000 malformed, unauthorised, stale and flooding messages, stays up, changes nothing', async () => {
    const c = await createSession(s.url, { scenario: 'tsakhkadzor-2018', humans: ['am', 'kz'] });
    const chair = await join(s.ws, c.body.code, { chairKey: c.body.chairKey, name: 'Teacher' });
    const clients = await Promise.all(
      ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((n) =>
        join(s.ws, c.body.code, { name: n }),
      ),
    );
    await until(() => clients.every((j) => j.views.length > 0) && chair.views.length > 0, 'views');
    // Let the joins settle: every client has seen the same, latest version.
    await until(() => clients.every((j) => j.last().seq === chair.last().seq), 'settled views');
    await new Promise((r) => setTimeout(r, 200));
    const seq = chair.last().seq;
    let id = 0;
    const bad: unknown[] = [
      null,
      42,
      'text',
      [],
      {},
      { event: null },
      { event: 'x' },
      { event: { type: 'delegate.vote' } },
      { event: { type: 'delegate.vote', seat: 'zz', choice: 'yes' } },
      { event: { type: 'bogus.type', seat: 'am' } },
      { event: { type: 'chair.endConference', seat: 'chair' } },
      { event: { type: 'delegate.vote', seat: 'am', choice: 'maybe' } },
      { event: { type: 'delegate.answerRollCall', seat: 'am', status: 'present' }, version: -5 },
      { event: { type: 'delegate.answerRollCall', seat: 'am', status: 'present' }, version: 1e9 },
      { event: { type: 'delegate.message', seat: 'am', to: 'kz', text: 'x'.repeat(5000) } },
      {
        event: {
          type: 'system.seatControl',
          seat: 'system',
          delegation: 'ru',
          controller: 'human',
        },
      },
      { event: { type: 'clock.tick', seat: 'clock', seconds: 60 } },
    ];
    const answered = () => clients.reduce((n, j) => n + j.refusals.length + j.acks.length, 0);
    let sent = 0;
    // 11 clients × 100 messages: each client floods past its rate limit of 100 per 20 s.
    for (const j of clients) {
      const seat = (await j.welcome).seat;
      for (let i = 0; i < 100; i++) {
        const m = bad[(i + sent) % bad.length];
        const msg =
          typeof m === 'object' && m !== null && 'event' in m ? { id: ++id, ...(m as object) } : m;
        // Some messages use the sender's own seat in the wrong phase, or a stale version.
        if (i % 10 === 9)
          j.room.send('event', {
            id: ++id,
            event: { type: 'delegate.vote', seat, choice: 'yes' },
            version: 0,
          });
        else if (i % 17 === 16) j.room.send('no.such.message', { id: ++id });
        else j.room.send('event', msg);
        sent++;
      }
      // And a flood beyond the limit.
      for (let i = 0; i < 5; i++) {
        j.room.send('event', { id: ++id, event: { type: 'delegate.vote', seat, choice: 'yes' } });
        sent++;
      }
    }
    await until(
      () => answered() >= sent,
      `answers to all ${sent} messages (got ${answered()})`,
      30_000,
    );
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(clients.reduce((n, j) => n + j.acks.length, 0)).toBe(0);
    expect(clients.some((j) => j.refusals.some((r) => /too many messages/.test(r.reason.en)))).toBe(
      true,
    );
    // The server is up and the state unchanged: a fresh client gets the same version.
    const late = await join(s.ws, c.body.code, { role: 'observer' });
    await until(() => late.views.length > 0, 'a view after the fuzz');
    expect(late.last().seq).toBe(seq);
    for (const j of [...clients, chair, late]) await j.room.leave();
  }, 60_000);
});

/**
 * Does `begin`, then watches the chair's views until the first speech has been made and its
 * speaker has yielded: when each was first seen, and the views then.
 */
const firstSpeech = async (chair: Joined, begin: () => void) => {
  const seen: { at: number; view: ConferenceView }[] = [];
  const timer = setInterval(() => {
    const v = chair.last();
    if (seen.at(-1)?.view !== v) seen.push({ at: performance.now(), view: v });
  }, 5);
  begin();
  try {
    await until(
      () => seen.some((x) => x.view.statements.length > 0 && !x.view.speaker),
      'the first speech and its yield',
    );
  } finally {
    clearInterval(timer);
  }
  return {
    spoke: seen.find((x) => x.view.statements.length > 0)!,
    yielded: seen.find((x) => x.view.statements.length > 0 && !x.view.speaker)!,
  };
};

describe('the room’s pace', () => {
  it('an AI speaker keeps the floor while the class reads the speech, scaled to the pace', async () => {
    // A tenth of the normal pace: a speech of ~6 s to read holds the floor ~0.6 s.
    const pace = DEFAULT_PACE_MS / 10;
    const s = await start({ pace });
    try {
      const c = await createSession(s.url, { scenario: 'tsakhkadzor-2018' });
      const chair = await join(s.ws, c.body.code, { chairKey: c.body.chairKey, name: 'Teacher' });
      await until(() => chair.views.length > 0, 'the chair’s view');
      const { spoke, yielded } = await firstSpeech(chair, () =>
        chair.room.send('event', { event: { type: 'chair.openRollCall', seat: 'chair' } }),
      );
      const text = spoke.view.statements[0]!.text ?? '';
      const hold = (readingMs(text) * pace) / DEFAULT_PACE_MS;
      expect(yielded.at - spoke.at).toBeGreaterThanOrEqual(hold - 30);
      // Without the hold the yield would follow at the pace (90 ms).
      expect(hold).toBeGreaterThan(pace * 4);
      await chair.room.leave();
    } finally {
      await s.close();
    }
  }, 30_000);

  it('the chair sets the session’s game speed; the AI then waits longer while the class reads', async () => {
    const pace = DEFAULT_PACE_MS / 10;
    const s = await start({ pace });
    try {
      const c = await createSession(s.url, { scenario: 'tsakhkadzor-2018', humans: ['kz'] });
      const chair = await join(s.ws, c.body.code, { chairKey: c.body.chairKey, name: 'Teacher' });
      const student = await join(s.ws, c.body.code, { name: 'Ana' });
      await until(() => chair.views.length > 0 && student.views.length > 0, 'first views');
      // Only the chair may, and only to a known speed; each refusal says why.
      student.room.send('admin', { action: 'speed', speed: 'fast' });
      await until(() => student.refusals.length > 0, 'the student’s refusal');
      expect(student.refusals[0]!.reason.en).toMatch(/only the chair/);
      chair.room.send('admin', { action: 'speed', speed: 'warp' });
      await until(() => chair.refusals.length > 0, 'the refusal of an unknown speed');
      expect(chair.refusals[0]!.reason.en).toMatch(/"slow", "normal" or "fast"/);
      chair.room.send('admin', { action: 'speed', speed: 'slow' });
      await until(() => chair.acks.length > 0, 'the chair’s acknowledgement');
      // Whoever joins next is told the speed (the console shows it).
      const later = await join(s.ws, c.body.code, { role: 'observer' });
      expect((await later.welcome).speed).toBe('slow');
      const { spoke, yielded } = await firstSpeech(chair, () => {
        chair.room.send('event', { event: { type: 'chair.openRollCall', seat: 'chair' } });
        student.room.send('event', {
          event: { type: 'delegate.answerRollCall', seat: 'kz', status: 'present' },
        });
      });
      const normal = (readingMs(spoke.view.statements[0]!.text ?? '') * pace) / DEFAULT_PACE_MS;
      expect(yielded.at - spoke.at).toBeGreaterThanOrEqual(normal * SPEED_FACTOR.slow - 30);
      for (const j of [chair, student, later]) await j.room.leave();
    } finally {
      await s.close();
    }
  }, 30_000);
});
