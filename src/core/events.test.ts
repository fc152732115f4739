import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConferenceEventSchema, EVENT_SCHEMAS, EVENT_TYPES, parseEvent } from './events';

const why = {
  summary: { en: 'kz stands aside', ru: 'kz не участвует' },
  factors: [{ label: { en: 'ties with Azerbaijan', ru: 'связи с Азербайджаном' }, value: -0.4 }],
};

/** One valid example of every event type: a new event type without an example fails the last test. */
const VALID: Record<string, Record<string, unknown>> = {
  'chair.openRollCall': { seat: 'chair' },
  'chair.closeRollCall': { seat: 'chair' },
  'chair.adoptAgenda': { seat: 'chair', order: ['border-item', 'image-item'] },
  'chair.recognize': { seat: 'chair', delegation: 'kz' },
  'chair.endSpeech': { seat: 'chair' },
  'chair.rulePoint': { seat: 'chair', ruling: 'wellTaken' },
  'chair.putMotion': { seat: 'chair', index: 0 },
  'chair.ruleMotionOutOfOrder': { seat: 'chair', index: 1 },
  'chair.closeMotionVote': { seat: 'chair' },
  'chair.openVoting': { seat: 'chair' },
  'chair.closeBallot': { seat: 'chair' },
  'chair.nextItem': { seat: 'chair' },
  'chair.injectCrisis': { seat: 'chair', crisis: 'tj-border' },
  'chair.closeResponses': { seat: 'chair' },
  'chair.announce': { seat: 'chair', text: { en: 'Coffee break', ru: 'Перерыв на кофе' } },
  'chair.pause': { seat: 'chair' },
  'chair.resume': { seat: 'chair' },
  'chair.endConference': { seat: 'chair' },
  'delegate.answerRollCall': { seat: 'am', status: 'presentAndVoting' },
  'delegate.joinSpeakers': { seat: 'kz' },
  'delegate.leaveSpeakers': { seat: 'kz' },
  'delegate.speak': { seat: 'kz', proposal: 'sensors', stance: 'support', text: 'We support.' },
  'delegate.yield': { seat: 'kz', to: 'ru' },
  'delegate.raisePoint': { seat: 'kg', point: 'parliamentaryInquiry' },
  'delegate.move': {
    seat: 'kg',
    motion: { kind: 'moderatedCaucus', minutes: 5, speakingSeconds: 60 },
  },
  'delegate.voteMotion': { seat: 'kg', choice: 'yes' },
  'delegate.proposeAmendment': { seat: 'tj', proposal: 'monitoring', amendment: 'sunset' },
  'delegate.acceptAmendment': { seat: 'kz', proposal: 'monitoring', amendment: 'sunset' },
  'delegate.withdrawAmendment': { seat: 'tj', proposal: 'monitoring', amendment: 'sunset' },
  'delegate.makeOffer': {
    seat: 'ru',
    to: 'kz',
    give: [{ type: 'capital', amount: 5 }],
    want: [{ type: 'vote', proposal: 'sensors', choice: 'standAside' }],
  },
  'delegate.acceptOffer': { seat: 'kz', offer: 0 },
  'delegate.rejectOffer': { seat: 'kz', offer: 0 },
  'delegate.withdrawOffer': { seat: 'ru', offer: 0 },
  'delegate.vote': { seat: 'kz', choice: 'standAside', why },
  'delegate.respond': { seat: 'ru', crisis: 'tj-border', response: 'peacekeepers', why },
  'delegate.message': { seat: 'am', to: 'kz', text: 'Shall we talk about the sensors?' },
  'clock.tick': { seat: 'clock', seconds: 30 },
  'system.seatControl': { seat: 'system', delegation: 'kz', controller: 'ai' },
};

const reasonOf = (raw: unknown): string => {
  const r = parseEvent(raw);
  expect(r.ok, `expected ${JSON.stringify(raw)} to be rejected`).toBe(false);
  return r.ok ? '' : r.reason;
};

describe('parseEvent accepts every well-formed event', () => {
  it.each(Object.entries(VALID))('%s', (type, fields) => {
    const r = parseEvent({ type, ...fields });
    expect(r).toEqual({ ok: true, event: { type, ...fields } });
  });

  it('has an example here for every event type of the vocabulary', () => {
    expect(Object.keys(VALID).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('the union schema accepts the same events', () => {
    for (const [type, fields] of Object.entries(VALID))
      expect(ConferenceEventSchema.safeParse({ type, ...fields }).success).toBe(true);
  });

  it('drops fields that are not part of the event', () => {
    const r = parseEvent({ type: 'delegate.joinSpeakers', seat: 'kz', admin: true });
    expect(r).toEqual({ ok: true, event: { type: 'delegate.joinSpeakers', seat: 'kz' } });
  });
});

describe('parseEvent says what is wrong, and never throws', () => {
  it.each([null, undefined, 42, 'chair.openRollCall', [], [{ type: 'chair.openRollCall' }]])(
    'rejects %j: not an event object',
    (raw) => {
      expect(reasonOf(raw)).toMatch(/must be an object/);
    },
  );

  it('rejects an event without a type', () => {
    expect(reasonOf({ seat: 'chair' })).toMatch(/no "type"/);
  });

  it('names an unknown event type', () => {
    expect(reasonOf({ type: 'delegate.bribe', seat: 'kz' })).toMatch(
      /unknown event type "delegate.bribe"/,
    );
  });

  it('does not treat inherited object keys as event types', () => {
    expect(reasonOf({ type: 'toString', seat: 'chair' })).toMatch(/unknown event type/);
    expect(reasonOf({ type: '__proto__', seat: 'chair' })).toMatch(/unknown event type/);
  });

  it('shortens a huge unknown type in the reason', () => {
    expect(reasonOf({ type: 'x'.repeat(10_000), seat: 'kz' }).length).toBeLessThan(200);
  });

  it('names a missing seat', () => {
    expect(reasonOf({ type: 'delegate.joinSpeakers' })).toMatch(
      /malformed delegate\.joinSpeakers: seat/,
    );
    expect(reasonOf({ type: 'chair.openVoting' })).toMatch(/seat/);
  });

  it('refuses chair.* events from a delegation', () => {
    expect(reasonOf({ type: 'chair.openVoting', seat: 'kz' })).toMatch(
      /only the chair may send chair\.\* events/,
    );
  });

  it('refuses clock and system events from anyone but their seat', () => {
    expect(reasonOf({ type: 'clock.tick', seat: 'chair', seconds: 60 })).toMatch(/clock seat/);
    expect(
      reasonOf({ type: 'system.seatControl', seat: 'ru', delegation: 'kz', controller: 'ai' }),
    ).toMatch(/system seat/);
  });

  it('refuses delegate.* events from the chair: a delegation id is two lower-case letters', () => {
    expect(reasonOf({ type: 'delegate.vote', seat: 'chair', choice: 'yes' })).toMatch(
      /seat: .*ISO 3166/,
    );
    expect(reasonOf({ type: 'delegate.vote', seat: 'KZ', choice: 'yes' })).toMatch(/seat/);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a vote that is not a choice',
      { type: 'delegate.vote', seat: 'kz', choice: 'maybe' },
      /choice/,
    ],
    ['a speech without a stance', { type: 'delegate.speak', seat: 'kz' }, /stance/],
    [
      'a speech that is too long',
      { type: 'delegate.speak', seat: 'kz', stance: 'support', text: 'a'.repeat(801) },
      /text/,
    ],
    [
      'a caucus of an hour',
      { type: 'delegate.move', seat: 'kz', motion: { kind: 'unmoderatedCaucus', minutes: 60 } },
      /motion\.minutes/,
    ],
    [
      'an unknown motion',
      { type: 'delegate.move', seat: 'kz', motion: { kind: 'filibuster' } },
      /motion/,
    ],
    [
      'a motion with extra fields',
      { type: 'delegate.move', seat: 'kz', motion: { kind: 'closeDebate', now: true } },
      /motion/,
    ],
    ['a negative clock tick', { type: 'clock.tick', seat: 'clock', seconds: -5 }, /seconds/],
    ['a fractional clock tick', { type: 'clock.tick', seat: 'clock', seconds: 1.5 }, /seconds/],
    [
      'an offer that wants nothing',
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'kz',
        give: [{ type: 'capital', amount: 5 }],
        want: [],
      },
      /want/,
    ],
    [
      'an offer of too much capital',
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'kz',
        give: [{ type: 'capital', amount: 500 }],
        want: [{ type: 'capital', amount: 1 }],
      },
      /give\.0\.amount/,
    ],
    [
      'a promise to vote no',
      {
        type: 'delegate.makeOffer',
        seat: 'ru',
        to: 'kz',
        give: [{ type: 'vote', proposal: 'sensors', choice: 'no' }],
        want: [{ type: 'capital', amount: 1 }],
      },
      /give\.0\.choice/,
    ],
    [
      'an empty private message',
      { type: 'delegate.message', seat: 'am', to: 'kz', text: '   ' },
      /message is empty/,
    ],
    [
      'an unknown response kind',
      { type: 'delegate.respond', seat: 'ru', crisis: 'tj-border', response: 'nukes' },
      /response/,
    ],
    [
      'a bad crisis id',
      { type: 'chair.injectCrisis', seat: 'chair', crisis: 'Not An Id' },
      /crisis/,
    ],
    [
      'an announcement without Russian',
      { type: 'chair.announce', seat: 'chair', text: { en: 'Break' } },
      /text\.ru/,
    ],
    [
      'a why without factors',
      { type: 'delegate.vote', seat: 'kz', choice: 'yes', why: { summary: { en: 'a', ru: 'б' } } },
      /why\.factors/,
    ],
    [
      'a roll-call answer of "absent"',
      { type: 'delegate.answerRollCall', seat: 'kz', status: 'absent' },
      /status/,
    ],
    ['a yield to nobody', { type: 'delegate.yield', seat: 'kz', to: 'everyone' }, /to/],
  ])('names the field of %s', (_label, raw, field) => {
    const reason = reasonOf(raw);
    expect(reason).toMatch(new RegExp(`^malformed ${String(raw.type).replace('.', '\\.')}: `));
    expect(reason).toMatch(field);
  });
});

describe('the hand check of an AI’s reasons agrees with the schema', () => {
  // parseEvent checks `why` by hand when it can; zod is the reference. For every event, valid or
  // not, the answer (and, when accepted, the event down to the order of its keys) must be zod's.
  const text = (max: number) =>
    fc.oneof(
      { weight: 12, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
      { weight: 1, arbitrary: fc.constant('') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), 'ж'.repeat(max)),
      },
    );
  const label = (max: number) =>
    fc.oneof(
      { weight: 20, arbitrary: fc.record({ en: text(max), ru: text(max) }) },
      { weight: 1, arbitrary: fc.record({ en: text(max) }) },
      { weight: 1, arbitrary: fc.record({ en: text(max), ru: text(max), de: fc.string() }) },
      { weight: 1, arbitrary: fc.anything() },
    );
  const factor = fc.oneof(
    {
      weight: 20,
      arbitrary: fc.record({
        label: label(300),
        value: fc.oneof(
          { weight: 8, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
          { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -0, '0.3') },
        ),
      }),
    },
    { weight: 1, arbitrary: fc.record({ label: label(300), value: fc.double(), extra: fc.nat() }) },
    { weight: 1, arbitrary: fc.anything() },
  );
  const whyArb = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({ summary: label(1500), factors: fc.array(factor, { maxLength: 7 }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ summary: label(1500), factors: fc.array(factor), more: fc.nat() }),
    },
    { weight: 1, arbitrary: fc.anything() },
  );
  const eventArb = fc
    .tuple(fc.constantFrom(...Object.entries(VALID)), whyArb)
    .map(([[type, fields], w]) => ({ type, ...fields, why: w }) as Record<string, unknown>);

  it('for 3,000 events with random, near-valid and invalid reasons', () => {
    let accepted = 0;
    fc.assert(
      fc.property(eventArb, (raw) => {
        const ours = parseEvent(raw);
        const schema = EVENT_SCHEMAS[raw.type as keyof typeof EVENT_SCHEMAS];
        const ref = schema.safeParse(raw);
        expect(ours.ok).toBe(ref.success);
        if (ours.ok && ref.success) {
          accepted++;
          expect(JSON.stringify(ours.event)).toBe(JSON.stringify(ref.data));
          expect(ours.event).toEqual(ref.data);
        }
      }),
      { numRuns: 3000 },
    );
    // The generator reaches both answers often.
    expect(accepted).toBeGreaterThan(300);
  });
});
