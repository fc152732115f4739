/**
 * Model-based test: xstate/graph explores the conference statechart with the events a chair and
 * the delegations could send, and every state node of the machine must be reached. Each shortest
 * path found is then replayed through the one door (`send`) and must land in the same phase.
 */
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { getStateNodes } from 'xstate/graph';
import { MINI } from '../fixtures/mini-scenario';
import { initialContext } from '../../src/core/state';
import { buildConferenceMachine } from '../../src/core/machine';
import { currentPhase, phaseOf, send, startConference } from '../../src/core/conference';
import type { ConferenceEvent } from '../../src/core/events';
import type { ConferenceContext } from '../../src/core/state';

const MEMBERS = MINI.delegations.map((d) => d.id);
const opts = { seed: 3, profile: 'consensus' as const };

/** The events worth trying in a state: one per kind of business, for the first seat that can. */
const eventsFor = (ctx: ConferenceContext): ConferenceEvent[] => {
  const chair = (type: string, extra: object = {}) =>
    ({ type, seat: 'chair', ...extra }) as ConferenceEvent;
  const out: ConferenceEvent[] = [
    chair('chair.openRollCall'),
    chair('chair.closeRollCall'),
    chair('chair.adoptAgenda'),
    chair('chair.openVoting'),
    chair('chair.closeBallot'),
    chair('chair.closeMotionVote'),
    chair('chair.nextItem'),
    chair('chair.closeResponses'),
    chair('chair.endConference'),
    chair('chair.injectCrisis', { crisis: MINI.crises[0]!.id }),
    chair('chair.putMotion', { index: 0 }),
    { type: 'clock.tick', seat: 'clock', seconds: 600 },
  ];
  const absent = MEMBERS.find((d) => ctx.delegations[d]!.presence === 'absent');
  if (absent) out.push({ type: 'delegate.answerRollCall', seat: absent, status: 'present' });
  const ballot = ctx.ballots[ctx.ballot];
  const voter = ballot && MEMBERS.find((d) => !ballot.votes[d]);
  if (voter) out.push({ type: 'delegate.vote', seat: voter, choice: 'yes' });
  const mv = ctx.motionVote && MEMBERS.find((d) => !ctx.motionVote!.votes[d]);
  if (mv) out.push({ type: 'delegate.voteMotion', seat: mv, choice: 'yes' });
  if (ctx.crisis) {
    const c = MINI.crises.find((x) => x.id === ctx.crisis)!;
    const r = MEMBERS.find((d) => d !== c.requester && !ctx.crises[ctx.crisis!]!.responses[d]);
    if (r) out.push({ type: 'delegate.respond', seat: r, crisis: c.id, response: 'monitoring' });
  }
  if (!ctx.motions.length && !ctx.motionVote) {
    out.push({
      type: 'delegate.move',
      seat: MEMBERS[0]!,
      motion: { kind: 'unmoderatedCaucus', minutes: 5 },
    });
    out.push({
      type: 'delegate.move',
      seat: MEMBERS[0]!,
      motion: { kind: 'moderatedCaucus', minutes: 5, speakingSeconds: 60 },
    });
    out.push({ type: 'delegate.move', seat: MEMBERS[0]!, motion: { kind: 'closeDebate' } });
  }
  return out;
};

/** A state is its phase plus the few context facts that guards read. */
const signature = (s: { value: unknown; context: ConferenceContext }) => {
  const c = s.context;
  return JSON.stringify([
    phaseOf(s.value),
    c.item,
    MEMBERS.filter((d) => c.delegations[d]!.presence !== 'absent').length,
    c.motions.map((m) => m.motion.kind),
    c.motionVote ? [c.motionVote.motion.motion.kind, Object.keys(c.motionVote.votes).length] : -1,
    c.caucus?.kind ?? null,
    c.ballot,
    c.ballots.length,
    c.ballots[c.ballot] ? Object.keys(c.ballots[c.ballot]!.votes).length : -1,
    c.crisis,
    c.crisis ? Object.keys(c.crises[c.crisis]!.responses).length : -1,
    Object.keys(c.crises).length,
    c.ended,
  ]);
};

describe('the conference statechart', () => {
  const { machine } = buildConferenceMachine(MINI, 'consensus');
  const paths = getShortestPaths(machine, {
    input: initialContext(MINI, opts),
    events: (s) => eventsFor(s.context),
    serializeState: (s) => signature(s as never),
  });

  it('reaches every state node of the machine', () => {
    const reached = new Set<string>();
    for (const p of paths) {
      let node = phaseOf(p.state.value);
      reached.add(node);
      while (node.includes('.')) reached.add((node = node.slice(0, node.lastIndexOf('.'))));
    }
    const all = getStateNodes(machine.root)
      .filter((n) => n.type !== 'history' && n.path.length > 0)
      .map((n) => n.path.join('.'))
      // Transient routing states are passed through, never rested in.
      .filter((p) => !/\.(resolve|resolveVoting)$/.test(p));
    const missing = all.filter((p) => !reached.has(p));
    expect(missing).toEqual([]);
    expect(reached.has('debrief')).toBe(true);
    expect(reached.has('crisis.decided')).toBe(true);
  });

  it('replays each shortest path through send() to the same phase', () => {
    const sample = paths.filter((_, i) => i % Math.max(1, Math.floor(paths.length / 60)) === 0);
    for (const p of sample) {
      let conf = startConference(MINI, opts);
      for (const step of p.steps.slice(1)) {
        const r = send(conf, step.event);
        expect(r.ok, `${step.event.type} refused on the way to ${phaseOf(p.state.value)}`).toBe(
          true,
        );
        conf = r.conference;
      }
      expect(currentPhase(conf)).toBe(phaseOf(p.state.value));
    }
  });
});
