/**
 * A classroom session: transport plus guards around the same conference machine as solo play.
 * Each message is size- and rate-limited, parsed with the core's schemas, checked against the
 * sender's seat, role and the state version, written to the durable log, then applied; every
 * client receives only its own view. The room decides no rule of the game.
 */
import { Protocol, Room, getMessageBytes, type Client } from '@colyseus/core';
import { nextAiEvent } from '../core/ai/autoplay';
import { currentPhase, replayGame, send, type Conference } from '../core/conference';
import type { ConferenceEvent } from '../core/events';
import { SPEED_FACTOR, holdAfter, isGameSpeed, type GameSpeed } from '../core/pace';
import type { Scenario, Text } from '../core/scenario';
import type { Difficulty, StartOptions } from '../core/state';
import { viewFor, viewPatch, type ConferenceView } from '../core/views';
import { hash, sameSecret, secret } from './codes';
import type { Store } from './store';

/** Milliseconds between AI moves unless the server is started with another pace. */
export const DEFAULT_PACE_MS = 900;

export interface RoomDeps {
  store: Store;
  scenarios: ReadonlyMap<string, Scenario>;
  /**
   * Milliseconds between AI moves. The time to read a speech, a crisis or a result
   * (`holdAfter`, given at the normal pace) is scaled by pace / DEFAULT_PACE_MS.
   */
  pace: number;
  /** Seconds a dropped client keeps its seat. */
  reconnectSeconds: number;
}

export interface CreateOptions {
  code: string;
  /** Rebuild from the durable log instead of creating. */
  restore?: boolean;
}

type Role = 'chair' | 'delegation' | 'observer';
interface Member {
  role: Role;
  seat: string;
  name: string;
  token: string;
  connected: boolean;
  times: number[];
}

export const LIMITS = { messages: 100, windowMs: 20_000, bytes: 4096 } as const;
const r = (en: string, ru: string): Text => ({ en, ru });
const MUTABLE = new Set([
  'delegate.speak',
  'delegate.message',
  'delegate.raisePoint',
  'delegate.move',
  'delegate.makeOffer',
  'delegate.joinSpeakers',
]);
/**
 * Events whose meaning does not depend on the phase they were sent in: a message, an offer (made,
 * accepted, refused, withdrawn), which the core checks against the state as it is now, and the
 * chair's news, pause and resume. They are not refused as stale, so a message sent just as the roll
 * call closes is not lost.
 */
const TIMELESS = new Set([
  'chair.announce',
  'chair.pause',
  'chair.resume',
  'delegate.message',
  'delegate.makeOffer',
  'delegate.acceptOffer',
  'delegate.rejectOffer',
  'delegate.withdrawOffer',
]);

let deps: RoomDeps | null = null;
export const configureRooms = (d: RoomDeps): void => {
  deps = d;
};

export class ConferenceRoom extends Room {
  override autoDispose = false;
  override maxClients = 80;
  private conf!: Conference;
  private code = '';
  private difficulty: Difficulty = 'normal';
  private chairKeyHash = '';
  private members = new Map<string, Member>();
  private tokens = new Map<string, { seat: string; name: string }>();
  /**
   * The seat tokens of students the chair has muted: a member is muted if its token is here, so a
   * reload or a new device stays muted.
   */
  private mutedTokens = new Set<string>();
  private isMuted(m: Member): boolean {
    return m.token !== '' && this.mutedTokens.has(m.token);
  }
  private chairMode: 'ai' | 'human' = 'ai';
  /** The session's game speed, set by the chair on the console (not kept across a restart). */
  private speed: GameSpeed = 'normal';
  private phaseSince = 0;
  private lastPhase = '';
  /** The view each seat was sent last: the base of the next patch. */
  private sent = new Map<string, ConferenceView>();
  private aiDue = 0;
  /** No AI move before this time: the class is reading what just happened. */
  private holdUntil = 0;
  private clockDue = 0;
  /** After a restart, seats wait for their students to reconnect before the AI takes them. */
  private reserved = new Map<string, number>();

  private get d(): RoomDeps {
    if (!deps) throw new Error('configureRooms() was not called');
    return deps;
  }

  /** Milliseconds between AI moves: the server's pace at this session's speed. */
  private get pace(): number {
    return this.d.pace * SPEED_FACTOR[this.speed];
  }

  override onCreate(o: CreateOptions): void {
    const rec = this.d.store.session(o.code);
    if (!rec) throw new Error(`no session ${o.code}`);
    const scenario = this.d.scenarios.get(rec.scenario);
    if (!scenario) throw new Error(`session ${o.code} uses unknown scenario ${rec.scenario}`);
    this.roomId = o.code;
    this.code = o.code;
    this.difficulty = rec.difficulty;
    this.chairKeyHash = rec.chairKey;
    const events = this.d.store.events(o.code);
    const replayed = replayGame(scenario, {
      format: 1,
      scenario: scenario.id,
      options: rec.options,
      events,
    });
    if (!replayed.ok) throw new Error(`session ${o.code} does not replay: ${replayed.reason.en}`);
    this.conf = replayed.conference;
    for (const s of this.d.store.seats(o.code))
      this.tokens.set(s.token, { seat: s.seat, name: s.name });
    if (o.restore)
      for (const t of this.tokens.values())
        this.reserved.set(t.seat, this.clock.currentTime + this.d.reconnectSeconds * 1000);
    this.lastPhase = currentPhase(this.conf);
    this.phaseSince = this.conf.snapshot.context.seq;
    this.setPatchRate(null);
    this.setSimulationInterval(() => this.tick(), 100);
    this.onMessage('hello', (client) => this.welcome(client));
    this.onMessage('event', (client, msg: unknown) => this.onEvent(client, msg));
    this.onMessage('admin', (client, msg: unknown) => this.onAdmin(client, msg));
    this.onMessage('*', (client, type) => {
      if (!this.allowed(client)) return;
      client.send('refused', {
        reason: r(
          `unknown message type "${String(type).slice(0, 40)}"`,
          `неизвестный тип сообщения «${String(type).slice(0, 40)}»`,
        ),
      });
    });
  }

  static create(
    scenario: Scenario,
    store: Store,
    code: string,
    options: StartOptions,
    difficulty: Difficulty,
  ): { chairKey: string } {
    const chairKey = secret();
    store.createSession({
      code,
      scenario: scenario.id,
      options: {
        seed: options.seed,
        profile: options.profile,
        humans: [...(options.humans ?? [])],
      },
      difficulty,
      chairKey: hash(chairKey),
      ended: false,
    });
    return { chairKey };
  }

  // ── joining ────────────────────────────────────────────────────────────────────────────

  override onAuth(
    _client: Client,
    options: unknown,
  ): { role: Role; seat: string; name: string; token: string } {
    const o = (typeof options === 'object' && options !== null ? options : {}) as Record<
      string,
      unknown
    >;
    const name = typeof o.name === 'string' ? o.name.trim().slice(0, 40) : '';
    if (sameSecret(o.chairKey, this.chairKeyHash))
      return { role: 'chair', seat: 'chair', name: name || 'Chair', token: '' };
    if (o.role === 'observer')
      return { role: 'observer', seat: 'observer', name: name || 'Projector', token: '' };
    if (typeof o.token === 'string' && this.tokens.has(o.token)) {
      const t = this.tokens.get(o.token)!;
      return { role: 'delegation', seat: t.seat, name: t.name, token: o.token };
    }
    if (!name) throw new Error('type a display name to join');
    const members = this.conf.env.members;
    const requested = typeof o.seat === 'string' && members.includes(o.seat) ? o.seat : null;
    const counts = new Map(members.map((m) => [m, 0]));
    for (const t of this.tokens.values()) counts.set(t.seat, (counts.get(t.seat) ?? 0) + 1);
    const humans = this.conf.options.humans ?? [];
    const free = members.filter(
      (m) => counts.get(m) === 0 && (humans.length === 0 || humans.includes(m)),
    );
    // When every playable seat is taken, students join the smallest team.
    const pool = humans.length ? members.filter((m) => humans.includes(m)) : members;
    const seat =
      requested ?? free[0] ?? [...pool].sort((a, b) => counts.get(a)! - counts.get(b)!)[0]!;
    const token = secret();
    this.tokens.set(token, { seat, name });
    this.d.store.saveSeat(this.code, { token, seat, name });
    return { role: 'delegation', seat, name, token };
  }

  override onJoin(
    client: Client,
    _options: unknown,
    auth: { role: Role; seat: string; name: string; token: string },
  ): void {
    // A student back with the seat's token (after a reload, or on another device): the
    // connection left behind, waiting to reconnect, is not listed beside the new one.
    if (auth.token)
      for (const [id, m] of this.members)
        if (m.token === auth.token && !m.connected) this.members.delete(id);
    this.members.set(client.sessionId, { ...auth, connected: true, times: [] });
    this.seatControl();
    this.broadcastRoster();
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const m = this.members.get(client.sessionId);
    if (!m) return;
    m.connected = false;
    this.broadcastRoster();
    if (!consented) {
      try {
        await this.allowReconnection(client, this.d.reconnectSeconds);
        m.connected = true;
        // (Listed again if the same student came back meanwhile on a new connection.)
        this.members.set(client.sessionId, m);
        this.broadcastRoster();
        this.welcome(client);
        return;
      } catch {
        // The seat goes back to the AI below.
      }
    }
    this.members.delete(client.sessionId);
    this.seatControl();
    this.broadcastRoster();
  }

  /** Human seats are those with a member connected or holding their seat for reconnection. */
  private humanSeats(): string[] {
    const now = this.clock.currentTime;
    const held = [...this.reserved.entries()]
      .filter(([, until]) => until > now)
      .map(([seat]) => seat);
    return [
      ...new Set([
        ...[...this.members.values()].filter((m) => m.role === 'delegation').map((m) => m.seat),
        ...held,
      ]),
    ];
  }

  /** Records who plays each seat (a system event), handing seats to the AI and back. */
  private seatControl(): void {
    const humans = this.humanSeats();
    for (const d of this.conf.scenario.delegations) {
      const controller = humans.includes(d.id) ? 'human' : 'ai';
      if (this.conf.snapshot.context.delegations[d.id]!.controller !== controller)
        this.commit({ type: 'system.seatControl', seat: 'system', delegation: d.id, controller });
    }
  }

  private welcome(client: Client): void {
    const m = this.members.get(client.sessionId);
    if (!m) return;
    client.send('welcome', {
      code: this.code,
      scenario: this.conf.scenario.id,
      role: m.role,
      seat: m.seat,
      name: m.name,
      token: m.token,
      difficulty: this.difficulty,
      chairMode: this.chairMode,
      speed: this.speed,
      muted: this.isMuted(m),
    });
    const view = viewFor(this.conf, m.seat);
    client.send('view', view);
    this.sent.set(m.seat, view);
    if (m.role === 'chair') client.send('roster', this.roster());
  }

  private roster() {
    return [...this.members.entries()].map(([id, m]) => ({
      id,
      name: m.name,
      seat: m.seat,
      role: m.role,
      connected: m.connected,
      muted: this.isMuted(m),
    }));
  }

  private broadcastRoster(): void {
    const roster = this.roster();
    for (const c of this.clients)
      if (this.members.get(c.sessionId)?.role === 'chair') c.send('roster', roster);
  }

  // ── messages ───────────────────────────────────────────────────────────────────────────

  /** Rate limit: at most LIMITS.messages per LIMITS.windowMs per client. */
  private allowed(client: Client): boolean {
    const m = this.members.get(client.sessionId);
    if (!m) return false;
    const now = this.clock.currentTime;
    while (m.times.length && now - m.times[0]! > LIMITS.windowMs) m.times.shift();
    if (m.times.length >= LIMITS.messages) {
      client.send('refused', {
        reason: r(
          'too many messages: wait a few seconds',
          'слишком много сообщений: подождите несколько секунд',
        ),
      });
      return false;
    }
    m.times.push(now);
    return true;
  }

  private onEvent(client: Client, msg: unknown): void {
    if (!this.allowed(client)) return;
    const m = this.members.get(client.sessionId)!;
    const id =
      typeof msg === 'object' && msg !== null && typeof (msg as { id?: unknown }).id === 'number'
        ? (msg as { id: number }).id
        : null;
    const refuse = (reason: Text) => client.send('refused', { id, reason });
    let size: number;
    try {
      size = JSON.stringify(msg).length;
    } catch {
      size = Infinity;
    }
    if (size > LIMITS.bytes)
      return refuse(r('the message is too large', 'сообщение слишком велико'));
    if (typeof msg !== 'object' || msg === null)
      return refuse(
        r('a message must be an object with an event', 'сообщение должно быть объектом с событием'),
      );
    const { event, version } = msg as { event?: unknown; version?: unknown };
    if (typeof event !== 'object' || event === null)
      return refuse(r('the message has no event', 'в сообщении нет события'));
    if (m.role === 'observer')
      return refuse(r('the projector view cannot act', 'экран проектора не может действовать'));
    const seat = (event as { seat?: unknown }).seat;
    if (seat !== m.seat)
      return refuse(
        r(
          `you hold the seat "${m.seat}" and cannot act for "${String(seat).slice(0, 20)}"`,
          `ваше место — «${m.seat}», действовать за «${String(seat).slice(0, 20)}» нельзя`,
        ),
      );
    const type = (event as { type?: unknown }).type;
    if (this.isMuted(m) && typeof type === 'string' && MUTABLE.has(type))
      return refuse(r('the chair has muted you for now', 'председатель временно лишил вас слова'));
    if (
      typeof version === 'number' &&
      version < this.phaseSince &&
      !(typeof type === 'string' && TIMELESS.has(type))
    )
      return refuse(
        r(
          'stale: the conference has moved on since you looked; try again',
          'устарело: конференция уже продвинулась; попробуйте ещё раз',
        ),
      );
    if (typeof version === 'number' && version > this.conf.snapshot.context.seq)
      return refuse(r('the version is from the future', 'версия из будущего'));
    const result = this.commit(event);
    if (result) return refuse(result);
    client.send('ack', { id, seq: this.conf.snapshot.context.seq });
  }

  /** The one door: checks, writes the log, applies, sends each client its view. Returns a refusal. */
  private commit(raw: unknown): Text | null {
    const res = send(this.conf, raw);
    if (!res.ok) return res.reason;
    const seq = res.conference.snapshot.context.seq;
    this.d.store.append(this.code, seq, res.event);
    const hold = (holdAfter(this.conf, res.conference) * this.pace) / DEFAULT_PACE_MS;
    if (hold > 0) this.holdUntil = Math.max(this.holdUntil, this.clock.currentTime + hold);
    this.conf = res.conference;
    const phase = currentPhase(this.conf);
    const ctx = this.conf.snapshot.context;
    const marker = `${phase}|${ctx.item}|${ctx.ballot}|${ctx.crisis ?? ''}`;
    if (marker !== this.lastPhase) {
      this.lastPhase = marker;
      this.phaseSince = seq;
    }
    if (ctx.ended) this.d.store.end(this.code);
    this.broadcastViews();
    return null;
  }

  /**
   * Each seat's view is built and encoded once, then sent to every client on that seat: as a
   * patch against the view that seat was sent last (a client whose view does not match asks for a
   * whole one), or whole when the seat has none yet.
   */
  private broadcastViews(): void {
    const bySeat = new Map<string, Buffer>();
    for (const c of this.clients) {
      const m = this.members.get(c.sessionId);
      if (!m) continue;
      let bytes = bySeat.get(m.seat);
      if (!bytes) {
        const view = viewFor(this.conf, m.seat);
        const prev = this.sent.get(m.seat);
        bytes = prev
          ? getMessageBytes.raw(Protocol.ROOM_DATA, 'patch', viewPatch(prev, view))
          : getMessageBytes.raw(Protocol.ROOM_DATA, 'view', view);
        this.sent.set(m.seat, view);
        bySeat.set(m.seat, bytes);
      }
      c.enqueueRaw(bytes);
    }
    // A seat nobody holds now starts again from a whole view.
    for (const seat of [...this.sent.keys()]) if (!bySeat.has(seat)) this.sent.delete(seat);
  }

  private onAdmin(client: Client, msg: unknown): void {
    if (!this.allowed(client)) return;
    const m = this.members.get(client.sessionId)!;
    const refuse = (reason: Text) => client.send('refused', { reason });
    if (m.role !== 'chair')
      return refuse(r('only the chair may do this', 'это может только председатель'));
    const a = (typeof msg === 'object' && msg !== null ? msg : {}) as Record<string, unknown>;
    const target = typeof a.member === 'string' ? this.members.get(a.member) : undefined;
    switch (a.action) {
      case 'chairMode':
        if (a.mode !== 'ai' && a.mode !== 'human')
          return refuse(r('chair mode is "ai" or "human"', 'режим председателя: «ai» или «human»'));
        this.chairMode = a.mode;
        break;
      case 'speed':
        if (!isGameSpeed(a.speed))
          return refuse(
            r(
              'the game speed is "slow", "normal" or "fast"',
              'темп игры: «slow», «normal» или «fast»',
            ),
          );
        this.speed = a.speed;
        break;
      case 'mute':
        if (!target || target.role !== 'delegation')
          return refuse(r('no such participant', 'нет такого участника'));
        if (a.muted === true) this.mutedTokens.add(target.token);
        else this.mutedTokens.delete(target.token);
        // The student's desk is told, and says so.
        for (const c of this.clients) if (c.sessionId === a.member) this.welcome(c);
        break;
      case 'move': {
        if (!target || target.role !== 'delegation')
          return refuse(r('no such participant', 'нет такого участника'));
        if (typeof a.seat !== 'string' || !this.conf.env.members.includes(a.seat))
          return refuse(r('no such seat', 'нет такого места'));
        target.seat = a.seat;
        this.tokens.set(target.token, { seat: a.seat, name: target.name });
        this.d.store.saveSeat(this.code, { token: target.token, seat: a.seat, name: target.name });
        const c = this.clients.find((x) => x.sessionId === a.member);
        if (c) this.welcome(c);
        this.seatControl();
        break;
      }
      case 'remove': {
        if (!target) return refuse(r('no such participant', 'нет такого участника'));
        this.tokens.delete(target.token);
        const c = this.clients.find((x) => x.sessionId === a.member);
        this.members.delete(a.member as string);
        c?.send('removed', {});
        c?.leave(4000);
        this.seatControl();
        break;
      }
      default:
        return refuse(r('unknown chair action', 'неизвестное действие председателя'));
    }
    this.broadcastRoster();
    client.send('ack', { admin: a.action });
  }

  // ── time and the AI ────────────────────────────────────────────────────────────────────

  private tick(): void {
    const now = this.clock.currentTime;
    const ctx = this.conf.snapshot.context;
    if (ctx.ended) return;
    if (this.reserved.size && [...this.reserved.values()].some((until) => until <= now)) {
      for (const [seat, until] of this.reserved) if (until <= now) this.reserved.delete(seat);
      this.seatControl();
    }
    if (now >= this.aiDue && now >= this.holdUntil) {
      this.aiDue = now + this.pace;
      // The teacher opens the conference when the class is ready; the AI chair helps after that.
      const waiting = currentPhase(this.conf) === 'rollCall.waiting';
      const humans = [
        ...this.humanSeats(),
        ...(this.chairMode === 'human' || waiting ? ['chair'] : []),
      ];
      const e = nextAiEvent(this.conf, {
        difficulty: this.difficulty,
        humans,
        externalClock: true,
      });
      if (e) this.commit(e);
    }
    if (now >= this.clockDue) {
      this.clockDue = now + 1000;
      const c = this.conf.snapshot.context;
      if (!c.paused && !c.crisis && (c.caucus || c.speaker)) {
        const seconds = c.caucus && !c.speaker ? 10 : 1;
        this.commit({ type: 'clock.tick', seat: 'clock', seconds } satisfies ConferenceEvent);
      }
    }
  }

  /** For tests and the server's own checks. */
  conference(): Conference {
    return this.conf;
  }
}
