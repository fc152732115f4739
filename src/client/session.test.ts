import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINI } from '../../tests/fixtures/mini-scenario';
import { startConference } from '../core/conference';
import type { ConferenceEvent } from '../core/events';
import { readingMs } from '../core/pace';
import { LocalSession, PACE_OF_SPEED } from './session';

/** An AI-only session, with each accepted event and the (fake) time it came at. */
const run = (pace: number) => {
  const session = new LocalSession(startConference(MINI, { seed: 3, profile: 'consensus' }), {
    difficulty: 'normal',
    pace,
  });
  const events: { e: ConferenceEvent; at: number }[] = [];
  session.subscribe((_c, r) => {
    if (r?.ok) events.push({ e: r.event, at: performance.now() });
  });
  session.start();
  return { session, events };
};

describe('the local session’s pace', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
  });
  afterEach(() => vi.useRealTimers());

  it('an AI speaker keeps the floor while the speech is read, and the speaking clock runs', () => {
    const { session, events } = run(PACE_OF_SPEED.normal);
    vi.advanceTimersByTime(120_000);
    session.stop();
    const i = events.findIndex((x) => x.e.type === 'delegate.speak');
    expect(i).toBeGreaterThan(0);
    const speech = events[i]!;
    const text = (speech.e as { text?: string }).text ?? '';
    const next = events.slice(i + 1).find((x) => x.e.seat !== 'clock')!;
    expect(next.e.type).toBe('delegate.yield');
    // Not before the speech could be read, nor much after.
    expect(next.at - speech.at).toBeGreaterThanOrEqual(readingMs(text));
    expect(next.at - speech.at).toBeLessThan(readingMs(text) + PACE_OF_SPEED.normal + 1);
    // Meanwhile the speaker's time counts down, a second a second.
    const ticks = events.slice(i + 1).filter((x) => x.at < next.at && x.e.type === 'clock.tick');
    expect(ticks.length).toBeGreaterThanOrEqual(Math.floor(readingMs(text) / 1000) - 1);
    // Between two moves that need no reading, the pace alone.
    const votes = events.filter((x) => x.e.type === 'delegate.vote');
    expect(votes.length).toBeGreaterThan(2);
    expect(votes[1]!.at - votes[0]!.at).toBe(PACE_OF_SPEED.normal);
  });

  it('a faster game speed shortens both the pace and the time to read', () => {
    const first = (pace: number) => {
      const { session, events } = run(pace);
      vi.advanceTimersByTime(120_000);
      session.stop();
      const i = events.findIndex((x) => x.e.type === 'delegate.speak');
      const next = events.slice(i + 1).find((x) => x.e.seat !== 'clock')!;
      return next.at - events[i]!.at;
    };
    const normal = first(PACE_OF_SPEED.normal);
    const fast = first(PACE_OF_SPEED.fast);
    const slow = first(PACE_OF_SPEED.slow);
    expect(fast).toBeLessThan(normal * 0.6);
    expect(slow).toBeGreaterThan(normal * 1.5);
  });

  it('at pace 0 (the tests’ setting) nothing waits', () => {
    const { session, events } = run(0);
    vi.advanceTimersByTime(2_000);
    session.stop();
    expect(session.conference.snapshot.context.ended).toBe(true);
    expect(events.length).toBeGreaterThan(30);
  });
});
