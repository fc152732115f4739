import { describe, expect, it } from 'vitest';
import { viewFor } from '../../core/views';
import type { Conference } from '../../core/conference';
import { MINI } from '../../../tests/fixtures/mini-scenario';
import { act, chair, joinSpeakers, recognize, toFloor, vote } from '../../../tests/helpers/story';
import { heardBetween } from './heard';

const observer = (c: Conference) => viewFor(c, 'observer');
const hear = (before: Conference, after: Conference) =>
  heardBetween(observer(before), observer(after), MINI);
const name = (id: string) => MINI.delegations.find((d) => d.id === id)!.name.en;
const members = MINI.delegations.filter((d) => d.role === 'member').map((d) => d.id);
const sensors = MINI.proposals.find((p) => p.id === 'sensors')!;

describe('what a change sounds like (solo game and classroom desk alike)', () => {
  it('the first view is not news', () => {
    expect(heardBetween(null, observer(toFloor()), MINI)).toEqual({ lines: [], cues: [] });
  });

  it('who has the floor, and what they say with the position taken', () => {
    const c = joinSpeakers(toFloor(), members[0]!);
    const floor = recognize(c, members[0]!);
    expect(hear(c, floor).lines).toEqual([`${name(members[0]!)} has the floor.`]);
    const said = act(floor, {
      type: 'delegate.speak',
      seat: members[0],
      stance: 'oppose',
      proposal: sensors.id,
      text: 'Only under national command.',
    });
    expect(hear(floor, said).lines).toEqual([
      `${name(members[0]!)}: Against: ${sensors.code} ${sensors.title.en}. Only under national command.`,
    ]);
  });

  it('each vote cast since the last view, with a chime, then the result by name with the gavel', () => {
    const open = chair(toFloor(), 'openVoting');
    const two = vote(vote(open, members[0]!, 'yes'), members[1]!, 'yes');
    expect(hear(open, two)).toEqual({
      lines: [`${name(members[0]!)}: yes.`, `${name(members[1]!)}: yes.`],
      cues: ['voteChime', 'voteChime'],
    });
    let all = two;
    for (const m of members.slice(2)) all = vote(all, m, 'yes');
    const closed = chair(all, 'closeBallot');
    const heard = hear(all, closed);
    expect(heard.lines).toContain(`Vote on ${sensors.code} ${sensors.title.en}: adopted.`);
    expect(heard.cues).toEqual(['gavel', 'applause']);
  });

  it('a crisis, and the chair’s news', () => {
    const c = toFloor();
    const crisis = MINI.crises[0]!;
    const withCrisis = chair(c, 'injectCrisis', { crisis: crisis.id });
    expect(hear(c, withCrisis)).toEqual({
      lines: [`Crisis: ${crisis.title.en}.`],
      cues: ['crisisAlert'],
    });
    const news = chair(c, 'announce', { text: { en: 'Ceasefire agreed.', ru: 'Перемирие.' } });
    expect(hear(c, news).lines).toEqual(['Ceasefire agreed.']);
  });
});
