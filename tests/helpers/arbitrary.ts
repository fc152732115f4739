/**
 * fast-check generators of events for the mini scenario: mostly well-formed, sometimes from the
 * wrong seat or about unknown things, so that random sequences reach deep into a conference and
 * also probe its refusals.
 */
import fc from 'fast-check';
import { CHOICES, POINT_KINDS } from '../../src/core/events';
import { RESPONSE_KINDS } from '../../src/core/scenario';

const seat = fc.constantFrom('ru', 'kz', 'kg', 'tj', 'us');
const proposal = fc.constantFrom('sensors', 'monitoring', 'media-centre', 'nothing');
const small = fc.integer({ min: 0, max: 4 });
const term = fc.oneof(
  fc.record({ type: fc.constant('capital'), amount: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ type: fc.constant('vote'), proposal, choice: fc.constantFrom('yes', 'standAside') }),
  fc.record({
    type: fc.constant('response'),
    crisis: fc.constantFrom('tj-border', 'flood'),
    atLeast: fc.constantFrom(...RESPONSE_KINDS),
  }),
  fc.record({
    type: fc.constant('amendment'),
    proposal,
    amendment: fc.constantFrom('sunset', 'sunrise'),
  }),
);
const motion = fc.oneof(
  fc.record({
    kind: fc.constant('moderatedCaucus'),
    minutes: fc.integer({ min: 1, max: 5 }),
    speakingSeconds: fc.constantFrom(30, 60),
  }),
  fc.record({ kind: fc.constant('unmoderatedCaucus'), minutes: fc.integer({ min: 1, max: 5 }) }),
  fc.constant({ kind: 'closeDebate' }),
  fc.record({ kind: fc.constant('setSpeakingTime'), seconds: fc.constantFrom(30, 120) }),
  fc.constant({ kind: 'suspendMeeting' }),
  fc.record({ kind: fc.constant('postponeProposal'), proposal }),
);
const c = (type: string) => fc.constant({ type: `chair.${type}`, seat: 'chair' });

export const arbitraryEvent: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  c('openRollCall'),
  c('closeRollCall'),
  c('adoptAgenda'),
  seat.map((delegation) => ({ type: 'chair.recognize', seat: 'chair', delegation })),
  c('endSpeech'),
  fc
    .constantFrom('wellTaken', 'notWellTaken', 'answered', 'outOfOrder')
    .map((ruling) => ({ type: 'chair.rulePoint', seat: 'chair', ruling })),
  small.map((index) => ({ type: 'chair.putMotion', seat: 'chair', index })),
  small.map((index) => ({ type: 'chair.ruleMotionOutOfOrder', seat: 'chair', index })),
  c('closeMotionVote'),
  c('openVoting'),
  c('closeBallot'),
  c('nextItem'),
  fc
    .constantFrom('tj-border', 'flood')
    .map((crisis) => ({ type: 'chair.injectCrisis', seat: 'chair', crisis })),
  c('closeResponses'),
  c('pause'),
  c('resume'),
  fc
    .tuple(seat, fc.constantFrom('present', 'presentAndVoting'))
    .map(([s, status]) => ({ type: 'delegate.answerRollCall', seat: s, status })),
  seat.map((s) => ({ type: 'delegate.joinSpeakers', seat: s })),
  seat.map((s) => ({ type: 'delegate.leaveSpeakers', seat: s })),
  fc
    .tuple(
      seat,
      fc.option(proposal, { nil: undefined }),
      fc.constantFrom('support', 'oppose', 'undecided'),
    )
    .map(([s, p, stance]) => ({
      type: 'delegate.speak',
      seat: s,
      stance,
      ...(p ? { proposal: p } : {}),
    })),
  fc
    .tuple(seat, fc.constantFrom('chair', 'questions', 'ru', 'kz', 'kg', 'tj', 'us'))
    .map(([s, to]) => ({ type: 'delegate.yield', seat: s, to })),
  fc
    .tuple(seat, fc.constantFrom(...POINT_KINDS))
    .map(([s, point]) => ({ type: 'delegate.raisePoint', seat: s, point })),
  fc.tuple(seat, motion).map(([s, m]) => ({ type: 'delegate.move', seat: s, motion: m })),
  fc
    .tuple(seat, fc.constantFrom('yes', 'no'))
    .map(([s, choice]) => ({ type: 'delegate.voteMotion', seat: s, choice })),
  fc.tuple(seat, proposal, fc.constantFrom('sunset', 'sunrise')).map(([s, p, amendment]) => ({
    type: 'delegate.proposeAmendment',
    seat: s,
    proposal: p,
    amendment,
  })),
  fc.tuple(seat, proposal).map(([s, p]) => ({
    type: 'delegate.acceptAmendment',
    seat: s,
    proposal: p,
    amendment: 'sunset',
  })),
  fc.tuple(seat, proposal).map(([s, p]) => ({
    type: 'delegate.withdrawAmendment',
    seat: s,
    proposal: p,
    amendment: 'sunset',
  })),
  fc
    .tuple(
      seat,
      seat,
      fc.array(term, { minLength: 1, maxLength: 2 }),
      fc.array(term, { minLength: 1, maxLength: 2 }),
    )
    .map(([s, to, give, want]) => ({
      type: 'delegate.makeOffer',
      seat: s,
      to,
      give,
      want,
    })),
  fc.tuple(seat, small).map(([s, offer]) => ({ type: 'delegate.acceptOffer', seat: s, offer })),
  fc.tuple(seat, small).map(([s, offer]) => ({ type: 'delegate.rejectOffer', seat: s, offer })),
  fc.tuple(seat, small).map(([s, offer]) => ({ type: 'delegate.withdrawOffer', seat: s, offer })),
  fc
    .tuple(seat, fc.constantFrom(...CHOICES))
    .map(([s, choice]) => ({ type: 'delegate.vote', seat: s, choice })),
  fc
    .tuple(seat, fc.constantFrom('tj-border', 'flood'), fc.constantFrom(...RESPONSE_KINDS))
    .map(([s, crisis, response]) => ({
      type: 'delegate.respond',
      seat: s,
      crisis,
      response,
    })),
  fc
    .integer({ min: 1, max: 400 })
    .map((seconds) => ({ type: 'clock.tick', seat: 'clock', seconds })),
  fc.tuple(seat, fc.constantFrom('human', 'ai')).map(([delegation, controller]) => ({
    type: 'system.seatControl',
    seat: 'system',
    delegation,
    controller,
  })),
  // Garbage: wrong seats, unknown types, missing fields.
  fc.constantFrom<Record<string, unknown>>(
    { type: 'chair.openVoting', seat: 'kz' },
    { type: 'delegate.vote', seat: 'chair', choice: 'yes' },
    { type: 'delegate.bribe', seat: 'ru' },
    { type: 'clock.tick', seat: 'clock', seconds: -1 },
    { type: 'delegate.vote', seat: 'kz' },
  ),
);

/** Events that move the conference along, so random walks do not stall at the roll call. */
export const PROGRESS: Record<string, unknown>[] = [
  { type: 'chair.openRollCall', seat: 'chair' },
  { type: 'delegate.answerRollCall', seat: 'ru', status: 'present' },
  { type: 'delegate.answerRollCall', seat: 'kz', status: 'present' },
  { type: 'delegate.answerRollCall', seat: 'kg', status: 'presentAndVoting' },
  { type: 'delegate.answerRollCall', seat: 'tj', status: 'present' },
  { type: 'chair.closeRollCall', seat: 'chair' },
  { type: 'chair.adoptAgenda', seat: 'chair' },
  {
    type: 'delegate.move',
    seat: 'kg',
    motion: { kind: 'moderatedCaucus', minutes: 2, speakingSeconds: 30 },
  },
  { type: 'delegate.move', seat: 'ru', motion: { kind: 'unmoderatedCaucus', minutes: 2 } },
  { type: 'delegate.move', seat: 'kz', motion: { kind: 'closeDebate' } },
  { type: 'chair.putMotion', seat: 'chair', index: 0 },
  { type: 'delegate.voteMotion', seat: 'ru', choice: 'yes' },
  { type: 'delegate.voteMotion', seat: 'kz', choice: 'yes' },
  { type: 'delegate.voteMotion', seat: 'kg', choice: 'yes' },
  { type: 'chair.closeMotionVote', seat: 'chair' },
  { type: 'chair.openVoting', seat: 'chair' },
  { type: 'chair.closeBallot', seat: 'chair' },
  { type: 'chair.nextItem', seat: 'chair' },
];
