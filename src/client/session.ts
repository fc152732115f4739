/**
 * The local session: the core running in the page for solo and hot-seat play. Humans' events and
 * the AI's go through the same `send`; time enters as clock events from a real timer.
 */
import { nextAiEvent } from '../core/ai/autoplay';
import { currentPhase, send, type Conference, type SendResult } from '../core/conference';
import type { ConferenceEvent } from '../core/events';
import { SPEED_FACTOR, holdAfter, type GameSpeed } from '../core/pace';
import type { Difficulty } from '../core/state';

/** Milliseconds between AI moves at each game speed (a setting; `normal` is the default). */
export const PACE_OF_SPEED = {
  slow: Math.round(700 * SPEED_FACTOR.slow),
  normal: 700,
  fast: Math.round(700 * SPEED_FACTOR.fast),
} as const satisfies Record<GameSpeed, number>;

export type Listener = (c: Conference, last: SendResult | null) => void;

export interface SessionOptions {
  difficulty: Difficulty;
  /**
   * Milliseconds between AI moves (0 in tests). The time to read a speech or a crisis
   * (`holdAfter`, given at the normal pace) is scaled by the same factor.
   */
  pace: number;
  onPhase?: (c: Conference) => void;
  /** Who moves next when it is not a human's turn (default: the AI delegations and chair). */
  next?: (c: Conference) => ConferenceEvent | null;
}

export class LocalSession {
  private listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private clock: ReturnType<typeof setInterval> | null = null;
  private lastPhase: string;
  /** No AI move before this time (performance.now()): the room is reading what just happened. */
  private notBefore = 0;

  constructor(
    public conference: Conference,
    private readonly options: SessionOptions,
  ) {
    this.lastPhase = currentPhase(conference);
  }

  /** The game speed changed: the next AI move comes at the new pace. */
  setPace(pace: number): void {
    this.options.pace = pace;
  }

  get humans(): readonly string[] {
    return this.conference.options.humans ?? [];
  }

  get difficulty(): Difficulty {
    return this.options.difficulty;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Sends an event from a human seat (or anyone): the one door. */
  send(raw: unknown): SendResult {
    const r = send(this.conference, raw);
    if (r.ok) this.commit(r.conference, r);
    else this.listeners.forEach((fn) => fn(this.conference, r));
    this.schedule();
    return r;
  }

  private commit(next: Conference, r: SendResult): void {
    const hold = (holdAfter(this.conference, next) * this.options.pace) / PACE_OF_SPEED.normal;
    if (hold > 0) this.notBefore = Math.max(this.notBefore, performance.now() + hold);
    this.conference = next;
    const phase = currentPhase(next);
    if (phase !== this.lastPhase) {
      this.lastPhase = phase;
      this.options.onPhase?.(next);
    }
    this.listeners.forEach((fn) => fn(next, r));
  }

  start(): void {
    this.schedule();
    this.clock ??= setInterval(() => this.tick(), 1000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.clock) clearInterval(this.clock);
    this.timer = null;
    this.clock = null;
  }

  private schedule(): void {
    if (this.timer || this.conference.snapshot.context.ended) return;
    const wait = Math.max(this.options.pace, this.notBefore - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      // Something to read arrived while this move waited (a person's speech, a crisis).
      if (performance.now() < this.notBefore - 1) return this.schedule();
      const e = this.options.next
        ? this.options.next(this.conference)
        : nextAiEvent(this.conference, {
            difficulty: this.options.difficulty,
            humans: this.humans,
            externalClock: true,
          });
      if (!e) return;
      const r = send(this.conference, e);
      if (r.ok) this.commit(r.conference, r);
      else console.warn('AI event refused', e, r.reason.en);
      this.schedule();
    }, wait);
  }

  /**
   * Real time: one second a second while someone has the floor (an AI speaker holds it while the
   * room reads the speech); an unmoderated caucus runs three times faster unless a person speaks.
   */
  private tick(): void {
    const ctx = this.conference.snapshot.context;
    if (ctx.ended || ctx.paused) return;
    const humanSpeaking = ctx.speaker && this.humans.includes(ctx.speaker.delegation);
    if (!ctx.speaker && !ctx.caucus) return;
    const seconds = ctx.caucus && !humanSpeaking ? 3 : 1;
    const r = send(this.conference, { type: 'clock.tick', seat: 'clock', seconds });
    if (r.ok) this.commit(r.conference, r);
    this.schedule();
  }
}
