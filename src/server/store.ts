/**
 * The durable event log: SQLite through better-sqlite3, WAL with full sync, so an accepted event
 * is on disk before anyone is told about it. A session is its scenario, options and events; seat
 * tokens are kept too, so students keep their seats across a restart.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConferenceEvent } from '../core/events';
import type { StartOptions } from '../core/state';
import type { Difficulty } from '../core/state';

export interface SessionRecord {
  code: string;
  scenario: string;
  options: StartOptions;
  difficulty: Difficulty;
  chairKey: string;
  ended: boolean;
}

export interface SeatRecord {
  token: string;
  seat: string;
  name: string;
}

export class Store {
  private db: Database.Database;
  private insertEvent: Database.Statement;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (
        code TEXT PRIMARY KEY, scenario TEXT NOT NULL, options TEXT NOT NULL,
        difficulty TEXT NOT NULL, chair_key TEXT NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS events (
        code TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (code, seq));
      CREATE TABLE IF NOT EXISTS seats (
        token TEXT PRIMARY KEY, code TEXT NOT NULL, seat TEXT NOT NULL, name TEXT NOT NULL);
    `);
    this.insertEvent = this.db.prepare('INSERT INTO events (code, seq, event) VALUES (?, ?, ?)');
  }

  createSession(s: SessionRecord): void {
    this.db
      .prepare(
        'INSERT INTO sessions (code, scenario, options, difficulty, chair_key, ended) VALUES (?, ?, ?, ?, ?, 0)',
      )
      .run(s.code, s.scenario, JSON.stringify(s.options), s.difficulty, s.chairKey);
  }

  hasCode(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM sessions WHERE code = ?').get(code) !== undefined;
  }

  session(code: string): SessionRecord | undefined {
    const r = this.db.prepare('SELECT * FROM sessions WHERE code = ?').get(code) as
      | {
          code: string;
          scenario: string;
          options: string;
          difficulty: Difficulty;
          chair_key: string;
          ended: number;
        }
      | undefined;
    return (
      r && {
        code: r.code,
        scenario: r.scenario,
        options: JSON.parse(r.options) as StartOptions,
        difficulty: r.difficulty,
        chairKey: r.chair_key,
        ended: r.ended === 1,
      }
    );
  }

  openSessions(): SessionRecord[] {
    const codes = this.db.prepare('SELECT code FROM sessions WHERE ended = 0').all() as {
      code: string;
    }[];
    return codes.map((c) => this.session(c.code)!);
  }

  /** Appends one accepted event; throws if the sequence number is already taken. */
  append(code: string, seq: number, e: ConferenceEvent): void {
    this.insertEvent.run(code, seq, JSON.stringify(e));
  }

  events(code: string): ConferenceEvent[] {
    return (
      this.db.prepare('SELECT event FROM events WHERE code = ? ORDER BY seq').all(code) as {
        event: string;
      }[]
    ).map((r) => JSON.parse(r.event) as ConferenceEvent);
  }

  end(code: string): void {
    this.db.prepare('UPDATE sessions SET ended = 1 WHERE code = ?').run(code);
  }

  saveSeat(code: string, s: SeatRecord): void {
    this.db
      .prepare('INSERT OR REPLACE INTO seats (token, code, seat, name) VALUES (?, ?, ?, ?)')
      .run(s.token, code, s.seat, s.name);
  }

  seats(code: string): SeatRecord[] {
    return this.db
      .prepare('SELECT token, seat, name FROM seats WHERE code = ?')
      .all(code) as SeatRecord[];
  }

  close(): void {
    this.db.close();
  }
}
