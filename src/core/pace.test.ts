import { describe, expect, it } from 'vitest';
import { MINI } from '../../tests/fixtures/mini-scenario';
import { nextAiEvent } from './ai/autoplay';
import { send, startConference, type Conference } from './conference';
import type { ConferenceEvent } from './events';
import {
  BALLOT_HOLD_MS,
  CONSULT_MS,
  ITEM_HOLD_MS,
  MAX_HOLD_MS,
  RESPONSES_HOLD_MS,
  holdAfter,
  readingMs,
} from './pace';

/** Every step of an AI-only game of the mini scenario, with the hold after it. */
type Step = { event: ConferenceEvent; before: Conference; after: Conference; hold: number };
const steps = (): Step[] => {
  let c = startConference(MINI, { seed: 3, profile: 'consensus' });
  const out: Step[] = [];
  for (let i = 0; i < 3000; i++) {
    const e = nextAiEvent(c, { difficulty: 'normal' });
    if (!e) break;
    const r = send(c, e);
    if (!r.ok) throw new Error(r.reason.en);
    out.push({ event: r.event, before: c, after: r.conference, hold: holdAfter(c, r.conference) });
    c = r.conference;
  }
  return out;
};

describe('reading time', () => {
  it('grows with the words of a text, from a second and a half to a ceiling', () => {
    expect(readingMs('')).toBe(1500);
    // 30 words at 180 words a minute: 10 s to read.
    expect(readingMs(Array.from({ length: 30 }, () => 'word').join(' '))).toBe(11_500);
    expect(readingMs('word '.repeat(500))).toBe(MAX_HOLD_MS);
  });

  it('counts one language of a bilingual text, the longer one', () => {
    const en = 'Our delegation supports the mission.';
    const ru = 'Наша делегация поддерживает эту миссию на границе.';
    expect(readingMs(`${en}\n${ru}`)).toBe(readingMs(ru));
    expect(readingMs(`${en}\n${ru}`)).toBeLessThan(readingMs(`${en} ${ru}`));
  });
});

describe('the room holds still after', () => {
  const game = steps();

  it('a speech, for as long as it takes to read it', () => {
    const speeches = game.filter((s) => s.event.type === 'delegate.speak');
    expect(speeches.length).toBeGreaterThanOrEqual(2);
    for (const s of speeches)
      expect(s.hold).toBe(readingMs((s.event as { text?: string }).text ?? ''));
  });

  it('a crisis, for as long as its request takes to read, and its outcome', () => {
    // The crisis opens when the chair closes the first item.
    const opened = game.filter(
      (s) => !s.before.snapshot.context.crisis && s.after.snapshot.context.crisis,
    );
    const crisis = MINI.crises[0]!;
    expect(opened.map((s) => s.hold)).toEqual([
      readingMs(`${crisis.title.en} ${crisis.text.en}\n${crisis.title.ru} ${crisis.text.ru}`),
    ]);
    expect(game.filter((s) => s.event.type === 'chair.closeResponses').map((s) => s.hold)).toEqual([
      RESPONSES_HOLD_MS,
    ]);
  });

  it('a crisis a person’s state asked for, for consultations too: time to make offers before the allies answer', () => {
    const opened = game.find(
      (s) => !s.before.snapshot.context.crisis && s.after.snapshot.context.crisis,
    )!;
    const crisis = MINI.crises[0]!;
    const withHumans = (humans: string[]) => ({
      ...opened.after,
      options: { ...opened.after.options, humans },
    });
    expect(holdAfter(opened.before, withHumans([crisis.requester]))).toBe(opened.hold + CONSULT_MS);
    // A person in another seat answers for itself: the request is read, and the room goes on.
    const other = MINI.delegations.find((d) => d.id !== crisis.requester)!.id;
    expect(holdAfter(opened.before, withHumans([other]))).toBe(opened.hold);
  });

  it('a ballot’s result and a new agenda item, and nothing else', () => {
    const closed = game.filter((s) => s.event.type === 'chair.closeBallot');
    expect(closed.length).toBeGreaterThan(1);
    for (const s of closed) expect(s.hold).toBe(BALLOT_HOLD_MS);
    const items = game.filter(
      (s) => s.after.snapshot.context.item !== s.before.snapshot.context.item,
    );
    expect(items.map((s) => s.hold)).toEqual([ITEM_HOLD_MS]);
    // Votes, roll-call answers, recognitions, yields, responses: the next move follows at the pace.
    const quiet = [
      'delegate.vote',
      'delegate.answerRollCall',
      'chair.recognize',
      'delegate.yield',
      'delegate.respond',
    ];
    const moves = game.filter((s) => quiet.includes(s.event.type));
    expect(moves.length).toBeGreaterThan(20);
    for (const s of moves) expect(s.hold, s.event.type).toBe(0);
  });
});
