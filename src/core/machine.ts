/**
 * The conference statechart. Phases are states; what an event does is a rule in `rules/`, reached
 * through two named implementations: the `isInOrder` guard and the `apply` action (an Immer
 * producer over the context). Guards named after the question they answer pick the next phase.
 *
 *   rollCall.waiting → rollCall.open → agenda → floor.item.debate.{formal|moderated|unmoderated|motionVote}
 *     → floor.item.voting → floor.item.outcome → (next item | crisis | debrief)
 *   crisis.responses → crisis.decided → back to the floor where it was (deep history)
 */
import { Immer } from 'immer';
import { and, assign, setup } from 'xstate';
import type { ConferenceEvent } from './events';
import { PROFILES, type ProfileId } from './profiles';
import { type Env, makeEnv } from './rules/common';
import { dueCrisis } from './rules/crisis';
import { applyRule, decisionOf, refusal } from './rules/index';
import { caucusEnds, passingMotionKind } from './rules/procedure';
import { hasMoreBallots, hasSomethingToVote } from './rules/voting';
import type { Scenario } from './scenario';
import type { ConferenceContext } from './state';

/**
 * Our own Immer instance: drafts are finalised without deep-freezing (the conference never hands
 * out a context for mutation, and freezing doubled the cost of an event). Global Immer settings of
 * other code are untouched.
 */
const immer = new Immer({
  autoFreeze: false,
  useStrictIteration: false,
  useStrictShallowCopy: false,
});
const produce = immer.produce;

/** The `apply` action: the next context after an accepted event (the rule, then the AI's reason). */
export const applyEvent = (
  context: ConferenceContext,
  event: ConferenceEvent,
  env: Env,
): ConferenceContext => {
  const next = produce(context, (draft) => {
    applyRule(draft, event, env);
  });
  // The AI's reasons are appended outside the producer: cheaper than through the draft.
  const decided = decisionOf(next, event);
  return decided ? { ...next, decisions: [...next.decisions, decided] } : next;
};

const ACCEPT = { guard: 'isInOrder', actions: 'apply' } as const;
const accept = <T extends string>(...types: T[]) =>
  Object.fromEntries(types.map((t) => [t, ACCEPT])) as Record<T, typeof ACCEPT>;

const FLOOR_BUSINESS = accept(
  'delegate.joinSpeakers',
  'delegate.leaveSpeakers',
  'chair.recognize',
  'chair.endSpeech',
  'delegate.speak',
  'delegate.yield',
  'delegate.raisePoint',
  'chair.rulePoint',
  'delegate.move',
  'chair.ruleMotionOutOfOrder',
  'delegate.proposeAmendment',
  'delegate.acceptAmendment',
  'delegate.withdrawAmendment',
);

export const buildConferenceMachine = (scenario: Scenario, profileId: ProfileId) => {
  const env: Env = makeEnv(scenario, PROFILES[profileId]);
  const machine = setup({
    types: {
      context: {} as ConferenceContext,
      events: {} as ConferenceEvent,
      input: {} as ConferenceContext,
    },
    guards: {
      isInOrder: ({ context, event }) => refusal(context, event, env) === null,
      caucusEnds: ({ context, event }) => event.type === 'clock.tick' && caucusEnds(context, event),
      motionCarries: ({ context }, kind: string) => passingMotionKind(context, env) === kind,
      closeDebateCarriesWithBallots: ({ context }) =>
        passingMotionKind(context, env) === 'closeDebate' && hasSomethingToVote(context, env),
      isModeratedCaucusOn: ({ context }) => context.caucus?.kind === 'moderated',
      isUnmoderatedCaucusOn: ({ context }) => context.caucus?.kind === 'unmoderated',
      hasSomethingToVote: ({ context }) => hasSomethingToVote(context, env),
      isVotingOpen: ({ context }) =>
        context.ballots.length > 0 && context.ballot < context.ballots.length,
      isMotionVoteOpen: ({ context }) => context.motionVote !== null,
      isCrisisDue: ({ context }) => dueCrisis(context, env) !== undefined,
      isInOrderWithMoreBallots: ({ context, event }) =>
        hasMoreBallots(context) && refusal(context, event, env) === null,
      hasMoreItems: ({ context }) => context.item + 1 < context.agenda.length,
    },
    actions: {
      apply: assign(({ context, event }) => applyEvent(context, event, env)),
    },
  }).createMachine({
    id: 'conference',
    context: ({ input }) => input,
    initial: 'rollCall',
    on: {
      ...accept(
        'clock.tick',
        'chair.announce',
        'chair.pause',
        'chair.resume',
        'system.seatControl',
        'delegate.makeOffer',
        'delegate.acceptOffer',
        'delegate.rejectOffer',
        'delegate.withdrawOffer',
        'delegate.message',
      ),
      'chair.endConference': { guard: 'isInOrder', actions: 'apply', target: '.debrief' },
    },
    states: {
      rollCall: {
        initial: 'waiting',
        states: {
          waiting: { on: { 'chair.openRollCall': { ...ACCEPT, target: 'open' } } },
          open: {
            on: {
              ...accept('delegate.answerRollCall'),
              'chair.closeRollCall': { ...ACCEPT, target: '#conference.agenda' },
            },
          },
        },
      },
      agenda: {
        on: { 'chair.adoptAgenda': { ...ACCEPT, target: 'floor' } },
      },
      floor: {
        initial: 'item',
        on: { 'chair.injectCrisis': { ...ACCEPT, target: '#conference.crisis' } },
        states: {
          hist: { type: 'history', history: 'deep' },
          item: {
            initial: 'debate',
            states: {
              debate: {
                initial: 'formal',
                on: {
                  ...FLOOR_BUSINESS,
                  'chair.putMotion': [
                    { guard: { type: 'isInOrder' }, actions: 'apply', target: '.resolve' },
                  ],
                  'chair.openVoting': [
                    {
                      guard: { type: 'isInOrder' },
                      actions: 'apply',
                      target: '.resolveVoting',
                    },
                  ],
                },
                states: {
                  formal: {},
                  moderated: {
                    on: {
                      'clock.tick': {
                        ...ACCEPT,
                        guard: and(['isInOrder', 'caucusEnds']),
                        target: 'formal',
                      },
                    },
                  },
                  unmoderated: {
                    on: {
                      'clock.tick': {
                        ...ACCEPT,
                        guard: and(['isInOrder', 'caucusEnds']),
                        target: 'formal',
                      },
                    },
                  },
                  motionVote: {
                    on: {
                      ...accept('delegate.voteMotion'),
                      'chair.closeMotionVote': [
                        {
                          guard: and([
                            'isInOrder',
                            { type: 'motionCarries', params: 'moderatedCaucus' },
                          ]),
                          actions: 'apply',
                          target: 'moderated',
                        },
                        {
                          guard: and([
                            'isInOrder',
                            { type: 'motionCarries', params: 'unmoderatedCaucus' },
                          ]),
                          actions: 'apply',
                          target: 'unmoderated',
                        },
                        {
                          guard: and(['isInOrder', 'closeDebateCarriesWithBallots']),
                          actions: 'apply',
                          target: '#conference.floor.item.voting',
                        },
                        {
                          guard: and([
                            'isInOrder',
                            { type: 'motionCarries', params: 'closeDebate' },
                          ]),
                          actions: 'apply',
                          target: '#conference.floor.item.outcome',
                        },
                        {
                          guard: and(['isInOrder', 'isModeratedCaucusOn']),
                          actions: 'apply',
                          target: 'moderated',
                        },
                        {
                          guard: and(['isInOrder', 'isUnmoderatedCaucusOn']),
                          actions: 'apply',
                          target: 'unmoderated',
                        },
                        { guard: 'isInOrder', actions: 'apply', target: 'formal' },
                      ],
                    },
                  },
                  // Transient states: route after the context has changed.
                  resolve: {
                    always: [
                      { guard: 'isMotionVoteOpen', target: 'motionVote' },
                      { guard: 'isVotingOpen', target: '#conference.floor.item.voting' },
                      { guard: 'isUnmoderatedCaucusOn', target: 'unmoderated' },
                      { guard: 'isModeratedCaucusOn', target: 'moderated' },
                      { target: 'formal' },
                    ],
                  },
                  resolveVoting: {
                    always: [
                      { guard: 'hasSomethingToVote', target: '#conference.floor.item.voting' },
                      { target: '#conference.floor.item.outcome' },
                    ],
                  },
                },
              },
              voting: {
                on: {
                  ...accept('delegate.vote'),
                  // Closing a ballot moves to the next one, or to the outcome after the last.
                  'chair.closeBallot': [
                    { guard: 'isInOrderWithMoreBallots', actions: 'apply' },
                    { guard: 'isInOrder', actions: 'apply', target: 'outcome' },
                  ],
                },
              },
              outcome: {
                on: {
                  'chair.nextItem': [
                    {
                      guard: and(['isInOrder', 'isCrisisDue']),
                      actions: 'apply',
                      target: '#conference.crisis',
                    },
                    {
                      guard: and(['isInOrder', 'hasMoreItems']),
                      actions: 'apply',
                      target: '#conference.floor.item',
                      reenter: true,
                    },
                    { guard: 'isInOrder', actions: 'apply', target: '#conference.debrief' },
                  ],
                },
              },
            },
          },
        },
      },
      crisis: {
        initial: 'responses',
        states: {
          responses: {
            on: {
              ...accept('delegate.respond'),
              'chair.closeResponses': { ...ACCEPT, target: 'decided' },
            },
          },
          decided: {
            on: {
              'chair.nextItem': {
                guard: 'isInOrder',
                actions: 'apply',
                target: '#conference.floor.hist',
              },
            },
          },
        },
      },
      debrief: {},
    },
  });
  return { machine, env };
};

export type ConferenceMachine = ReturnType<typeof buildConferenceMachine>['machine'];
