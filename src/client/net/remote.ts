/**
 * The remote session: a colyseus.js connection to the classroom server. It sends events (with the
 * state version it has seen) and receives this seat's view. When the connection drops it
 * reconnects by itself, first with Colyseus' reconnection token, then (after a server restart)
 * with the seat token kept in local storage, so the student keeps the seat.
 */
import { Client, type Room } from 'colyseus.js';
import type { GameSpeed } from '../../core/pace';
import type { Text } from '../../core/scenario';
import { applyViewPatch, type ConferenceView, type ViewPatch } from '../../core/views';
import { forgetSession, keepSeatToken, seatTokenFor } from './held';

export interface Welcome {
  code: string;
  scenario: string;
  role: 'chair' | 'delegation' | 'observer';
  seat: string;
  name: string;
  token: string;
  difficulty: string;
  chairMode: 'ai' | 'human';
  /** The session's game speed, set on the console. */
  speed: GameSpeed;
  /** The chair has muted this student: no statements, messages, motions or offers for now. */
  muted?: boolean;
}
export interface RosterEntry {
  id: string;
  name: string;
  seat: string;
  role: string;
  connected: boolean;
  muted: boolean;
}
export type Status = 'connecting' | 'connected' | 'reconnecting' | 'lost' | 'removed';
export interface RemoteListener {
  view?(v: ConferenceView): void;
  welcome?(w: Welcome): void;
  roster?(r: RosterEntry[]): void;
  refused?(reason: Text, id: number | null): void;
  status?(s: Status): void;
}

export const serverUrl = (): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

export class RemoteSession {
  private client = new Client(serverUrl());
  private room: Room | null = null;
  private listeners = new Set<RemoteListener>();
  private nextId = 1;
  private options: Record<string, unknown> = {};
  private stopped = false;
  view: ConferenceView | null = null;
  welcome: Welcome | null = null;
  roster: RosterEntry[] = [];
  status: Status = 'connecting';

  constructor(readonly code: string) {}

  on(l: RemoteListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit<K extends keyof RemoteListener>(
    k: K,
    ...args: Parameters<NonNullable<RemoteListener[K]>>
  ): void {
    for (const l of this.listeners) (l[k] as ((...a: unknown[]) => void) | undefined)?.(...args);
  }

  private setStatus(s: Status): void {
    this.status = s;
    this.emit('status', s);
  }

  async connect(options: {
    name?: string;
    chairKey?: string;
    role?: 'observer';
    seat?: string;
  }): Promise<Welcome> {
    const token = seatTokenFor(this.code);
    this.options = {
      ...options,
      ...(token && !options.chairKey && options.role !== 'observer' ? { token } : {}),
    };
    const room = await this.client.joinById(this.code, this.options);
    return this.wire(room);
  }

  private wire(room: Room): Promise<Welcome> {
    this.room = room;
    const welcomed = new Promise<Welcome>((resolve) => {
      room.onMessage('welcome', (w: Welcome) => {
        this.welcome = w;
        if (w.token) keepSeatToken(this.code, w.token);
        this.setStatus('connected');
        this.emit('welcome', w);
        resolve(w);
      });
    });
    room.onMessage('view', (v: ConferenceView) => {
      this.view = v;
      this.emit('view', v);
    });
    // Most updates are patches against the last view; one that does not fit asks for a whole view.
    room.onMessage('patch', (p: ViewPatch) => {
      const v = this.view ? applyViewPatch(this.view, p) : null;
      if (!v) return room.send('hello');
      this.view = v;
      this.emit('view', v);
    });
    room.onMessage('roster', (r: RosterEntry[]) => {
      this.roster = r;
      this.emit('roster', r);
    });
    room.onMessage('refused', (m: { id: number | null; reason: Text }) =>
      this.emit('refused', m.reason, m.id),
    );
    room.onMessage('ack', () => undefined);
    room.onMessage('removed', () => {
      this.stopped = true;
      forgetSession({ code: this.code, role: 'join', at: null });
      this.setStatus('removed');
    });
    room.onLeave((code) => {
      if (this.stopped || code === 1000 || code === 4000) return;
      void this.reconnect(room.reconnectionToken);
    });
    room.send('hello');
    return welcomed;
  }

  /** Tries for up to 150 s: the Colyseus reconnection first, then a fresh join with the seat token. */
  private async reconnect(reconnectionToken: string): Promise<void> {
    this.setStatus('reconnecting');
    const end = Date.now() + 150_000;
    while (!this.stopped && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 1500));
      try {
        await this.wire(await this.client.reconnect(reconnectionToken));
        return;
      } catch {
        try {
          await this.connect(this.options as { name?: string });
          return;
        } catch {
          // The server may still be starting: try again.
        }
      }
    }
    if (!this.stopped) this.setStatus('lost');
  }

  /** Sends an event for this seat; the reply comes as a new view or a refusal. */
  send(event: Record<string, unknown>): number {
    const id = this.nextId++;
    this.room?.send('event', { id, event, ...(this.view ? { version: this.view.seq } : {}) });
    return id;
  }

  admin(msg: Record<string, unknown>): void {
    this.room?.send('admin', msg);
  }

  leave(): void {
    this.stopped = true;
    void this.room?.leave(true);
  }
}
