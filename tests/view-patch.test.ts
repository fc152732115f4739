/**
 * Classroom clients receive a whole view once and then patches. A view rebuilt from patches, after
 * the trip through the network (here JSON), must equal the whole view, for every seat at every
 * step of whole games, including lists that do not only grow (a crisis's sealed responses, offers).
 */
import { describe, expect, it } from 'vitest';
import { nextAiEvent } from '../src/core/ai/autoplay';
import { send, startConference } from '../src/core/conference';
import { applyViewPatch, viewFor, viewPatch, type ConferenceView } from '../src/core/views';
import { scenarioFile } from './helpers/scenarios';

const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('view patches', () => {
  it.each(['tsakhkadzor-2018', 'karabakh-credibility', 'kazakhstan-2022'])(
    'rebuild every seat’s view at every step of a game (%s)',
    (id) => {
      const scenario = scenarioFile(id);
      const seats = ['chair', 'projector', ...scenario.delegations.map((d) => d.id)];
      let c = startConference(scenario, { seed: 5, profile: 'consensus' });
      const sent = new Map<string, ConferenceView>(seats.map((s) => [s, viewFor(c, s)]));
      const held = new Map<string, ConferenceView>(seats.map((s) => [s, wire(sent.get(s)!)]));
      let patchBytes = 0;
      let wholeBytes = 0;
      for (let i = 0; i < 3000; i++) {
        const e = nextAiEvent(c, { difficulty: 'hard' });
        if (!e) break;
        const r = send(c, e);
        expect(r.ok).toBe(true);
        c = r.conference;
        for (const seat of seats) {
          const next = viewFor(c, seat);
          const patch = wire(viewPatch(sent.get(seat)!, next));
          const rebuilt = applyViewPatch(held.get(seat)!, patch);
          expect(rebuilt, `${seat} at seq ${next.seq}`).not.toBeNull();
          expect(rebuilt).toEqual(wire(next));
          sent.set(seat, next);
          held.set(seat, rebuilt!);
          patchBytes += JSON.stringify(patch).length;
          wholeBytes += JSON.stringify(next).length;
        }
      }
      expect(c.snapshot.context.ended).toBe(true);
      // Over a game, patches carry a small share of the bytes of whole views.
      expect(patchBytes / wholeBytes).toBeLessThan(0.05);
    },
  );

  it('a patch for another view is refused, so the client asks for a whole one', () => {
    const c = startConference(scenarioFile('tsakhkadzor-2018'), { seed: 1, profile: 'consensus' });
    const v0 = viewFor(c, 'am');
    const r = send(c, { type: 'chair.openRollCall', seat: 'chair' });
    expect(r.ok).toBe(true);
    const v1 = viewFor(r.conference, 'am');
    const patch = viewPatch(v0, v1);
    expect(applyViewPatch(v1, patch)).toBeNull();
    expect(applyViewPatch(v0, patch)).toEqual(v1);
  });
});
