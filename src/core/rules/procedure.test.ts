/**
 * Roll call, agenda, speakers list, speeches and yields, points, motions and caucuses, as a chair
 * and delegates would meet them, through `send()` on the mini scenario.
 */
import { describe, expect, it } from 'vitest';
import { MINI } from '../../../tests/fixtures/mini-scenario';
import {
  act,
  allPresent,
  chair,
  ctxOf,
  joinSpeakers,
  move,
  open,
  phaseOf,
  putAndVoteMotion,
  recognize,
  refuses,
  rollCall,
  speak,
  tick,
  toFloor,
  yieldTo,
} from '../../../tests/helpers/story';

describe('roll call', () => {
  it('records who is present and who is present and voting', () => {
    const c = rollCall(open(), { ru: 'present', kz: 'presentAndVoting', kg: 'present' });
    const d = ctxOf(c).delegations;
    expect([d.ru!.presence, d.kz!.presence, d.kg!.presence, d.tj!.presence]).toEqual([
      'present',
      'presentAndVoting',
      'present',
      'absent',
    ]);
    expect(phaseOf(c)).toBe('agenda');
  });

  it('a delegation cannot answer before the chair opens the roll call', () => {
    refuses(
      open(),
      { type: 'delegate.answerRollCall', seat: 'kz', status: 'present' },
      /not in order before the roll call/,
    );
  });

  it('a delegation answers only once', () => {
    const c = act(chair(open(), 'openRollCall'), {
      type: 'delegate.answerRollCall',
      seat: 'kz',
      status: 'present',
    });
    refuses(
      c,
      { type: 'delegate.answerRollCall', seat: 'kz', status: 'presentAndVoting' },
      /already answered/,
    );
  });

  it('a seat that is not a delegation of the scenario is refused', () => {
    const c = chair(open(), 'openRollCall');
    refuses(
      c,
      { type: 'delegate.answerRollCall', seat: 'us', status: 'present' },
      /no delegation "us"/,
    );
  });

  it('the roll call cannot close without a quorum (two-thirds of members under consensus)', () => {
    let c = chair(open(), 'openRollCall');
    c = act(c, { type: 'delegate.answerRollCall', seat: 'ru', status: 'present' });
    c = act(c, { type: 'delegate.answerRollCall', seat: 'kz', status: 'present' });
    refuses(
      c,
      { type: 'chair.closeRollCall', seat: 'chair' },
      /no quorum: 2 of 4 members present, 3 needed/,
    );
    c = act(c, { type: 'delegate.answerRollCall', seat: 'kg', status: 'present' });
    expect(phaseOf(chair(c, 'closeRollCall'))).toBe('agenda');
  });

  it('strict unanimity needs every member present', () => {
    let c = chair(open(MINI, { profile: 'unanimity' }), 'openRollCall');
    for (const seat of ['ru', 'kz', 'kg'])
      c = act(c, { type: 'delegate.answerRollCall', seat, status: 'present' });
    refuses(
      c,
      { type: 'chair.closeRollCall', seat: 'chair' },
      /no quorum: 3 of 4 members present, 4 needed/,
    );
  });

  it('a delegation absent at the roll call may not take the floor', () => {
    const c = toFloor(MINI, { roll: { ru: 'present', kz: 'present', kg: 'present' } });
    refuses(c, { type: 'delegate.joinSpeakers', seat: 'tj' }, /absent at the roll call/);
  });
});

describe('agenda', () => {
  const adopt = (order?: string[]) => ({
    type: 'chair.adoptAgenda',
    seat: 'chair',
    ...(order ? { order } : {}),
  });

  it('the chair may adopt the agenda in another order, and debate starts on its first item', () => {
    const c = act(rollCall(open(), allPresent()), adopt(['image-item', 'border-item']));
    expect(ctxOf(c).agenda).toEqual(['image-item', 'border-item']);
    expect(phaseOf(c)).toBe('floor.item.debate.formal');
    // The first item is now the media centre: the sensors are not under debate.
    refuses(
      act(joinSpeakers(c, 'kz'), { type: 'chair.recognize', seat: 'chair', delegation: 'kz' }),
      { type: 'delegate.speak', seat: 'kz', stance: 'support', proposal: 'sensors' },
      /"sensors" is not under debate/,
    );
  });

  it('refuses an order with an unknown item', () => {
    refuses(
      rollCall(open(), allPresent()),
      adopt(['image-item', 'lunch']),
      /"lunch" is not an agenda item/,
    );
  });

  it('refuses an order that drops or repeats an item', () => {
    const c = rollCall(open(), allPresent());
    refuses(c, adopt(['image-item']), /every item exactly once/);
    refuses(c, adopt(['image-item', 'image-item']), /every item exactly once/);
  });

  it('the agenda cannot be adopted before the roll call closes', () => {
    refuses(chair(open(), 'openRollCall'), adopt(), /not in order during the roll call/);
  });
});

describe('speakers list and speeches', () => {
  it('a delegation joins the list once, and may leave it', () => {
    let c = joinSpeakers(toFloor(), 'kz');
    refuses(c, { type: 'delegate.joinSpeakers', seat: 'kz' }, /already on the speakers list/);
    c = act(c, { type: 'delegate.leaveSpeakers', seat: 'kz' });
    expect(ctxOf(c).speakers).toEqual([]);
    refuses(c, { type: 'delegate.leaveSpeakers', seat: 'kz' }, /not on the speakers list/);
  });

  it('in formal debate the chair recognises only delegations on the list', () => {
    const c = joinSpeakers(toFloor(), 'kz');
    refuses(
      c,
      { type: 'chair.recognize', seat: 'chair', delegation: 'ru' },
      /only delegations on the speakers list/,
    );
    const r = recognize(c, 'kz');
    expect(ctxOf(r).speaker).toEqual({ delegation: 'kz', remaining: 90, spoke: false });
    expect(ctxOf(r).speakers).toEqual([]);
  });

  it('the chair cannot recognise a second speaker while one has the floor', () => {
    const c = recognize(joinSpeakers(joinSpeakers(toFloor(), 'kz'), 'ru'), 'kz');
    refuses(
      c,
      { type: 'chair.recognize', seat: 'chair', delegation: 'ru' },
      /end the speech first/,
    );
  });

  it('only the recognised delegation may speak, and only once', () => {
    const c = recognize(joinSpeakers(joinSpeakers(toFloor(), 'kz'), 'ru'), 'kz');
    refuses(c, { type: 'delegate.speak', seat: 'ru', stance: 'support' }, /do not have the floor/);
    const spoken = speak(c, 'kz', 'oppose', 'sensors');
    expect(ctxOf(spoken).statements).toEqual([
      { seq: ctxOf(spoken).seq, by: 'kz', item: 0, stance: 'oppose', proposal: 'sensors' },
    ]);
    refuses(
      spoken,
      { type: 'delegate.speak', seat: 'kz', stance: 'support' },
      /already made your statement/,
    );
  });

  it('a delegation may not speak without being recognised', () => {
    refuses(
      joinSpeakers(toFloor(), 'kz'),
      { type: 'delegate.speak', seat: 'kz', stance: 'support' },
      /do not have the floor/,
    );
  });

  it('yielding to the chair ends the speech', () => {
    const c = yieldTo(speak(recognize(joinSpeakers(toFloor(), 'kz'), 'kz'), 'kz'), 'kz', 'chair');
    expect(ctxOf(c).speaker).toBeNull();
  });

  it('yielding to another delegation hands over the remaining time', () => {
    let c = speak(recognize(joinSpeakers(toFloor(), 'kz'), 'kz'), 'kz');
    c = tick(c, 30);
    c = yieldTo(c, 'kz', 'tj');
    expect(ctxOf(c).speaker).toEqual({ delegation: 'tj', remaining: 60, spoke: false });
    c = speak(c, 'tj', 'support', 'monitoring');
    expect(ctxOf(c).statements.map((s) => s.by)).toEqual(['kz', 'tj']);
  });

  it('a delegation cannot yield to itself, to an absent delegation, or when it does not have the floor', () => {
    const floor = toFloor(MINI, { roll: { ru: 'present', kz: 'present', kg: 'present' } });
    const c = speak(recognize(joinSpeakers(floor, 'kz'), 'kz'), 'kz');
    refuses(c, { type: 'delegate.yield', seat: 'kz', to: 'kz' }, /cannot yield to yourself/);
    refuses(c, { type: 'delegate.yield', seat: 'kz', to: 'tj' }, /absent at the roll call/);
    refuses(c, { type: 'delegate.yield', seat: 'kz', to: 'us' }, /no delegation "us"/);
    refuses(c, { type: 'delegate.yield', seat: 'ru', to: 'chair' }, /do not have the floor/);
  });

  it('the speech ends when the speaking time runs out', () => {
    let c = recognize(joinSpeakers(toFloor(), 'kz'), 'kz');
    c = tick(c, 89);
    expect(ctxOf(c).speaker?.remaining).toBe(1);
    c = tick(c, 1);
    expect(ctxOf(c).speaker).toBeNull();
    expect(ctxOf(c).clock).toBe(90);
  });

  it('the chair may end a speech; there must be one to end', () => {
    const c = chair(recognize(joinSpeakers(toFloor(), 'kz'), 'kz'), 'endSpeech');
    expect(ctxOf(c).speaker).toBeNull();
    refuses(c, { type: 'chair.endSpeech', seat: 'chair' }, /no one has the floor/);
  });
});

describe('points', () => {
  const duringSpeech = () => recognize(joinSpeakers(toFloor(), 'kz'), 'kz');

  it.each(['parliamentaryInquiry', 'information'])(
    'a point of %s may not interrupt a speaker',
    (point) => {
      refuses(
        duringSpeech(),
        { type: 'delegate.raisePoint', seat: 'ru', point },
        /may not interrupt a speaker/,
      );
    },
  );

  it.each(['order', 'personalPrivilege'])('a point of %s may interrupt a speaker', (point) => {
    const c = act(duringSpeech(), { type: 'delegate.raisePoint', seat: 'ru', point });
    expect(ctxOf(c).point).toEqual({ by: 'ru', point, duringSpeech: true });
  });

  it('a parliamentary inquiry is in order when the floor is open', () => {
    const c = act(toFloor(), {
      type: 'delegate.raisePoint',
      seat: 'tj',
      point: 'parliamentaryInquiry',
      text: 'What is the quorum?',
    });
    expect(ctxOf(c).point).toEqual({
      by: 'tj',
      point: 'parliamentaryInquiry',
      text: 'What is the quorum?',
      duringSpeech: false,
    });
  });

  it('one point at a time; the chair rules on it before recognising anyone', () => {
    let c = act(joinSpeakers(toFloor(), 'kz'), {
      type: 'delegate.raisePoint',
      seat: 'ru',
      point: 'order',
    });
    refuses(
      c,
      { type: 'delegate.raisePoint', seat: 'kg', point: 'order' },
      /another point is pending/,
    );
    refuses(
      c,
      { type: 'chair.recognize', seat: 'chair', delegation: 'kz' },
      /rule on the pending point first/,
    );
    c = chair(c, 'rulePoint', { ruling: 'notWellTaken' });
    expect(ctxOf(c).point).toBeNull();
    expect(ctxOf(c).rulings.at(-1)!.text.en).toBe('Point (order) by ru: not well taken.');
    refuses(
      c,
      { type: 'chair.rulePoint', seat: 'chair', ruling: 'answered' },
      /no point to rule on/,
    );
  });
});

describe('motions', () => {
  it('a moderated caucus carried by a majority starts it, with its own speaking time', () => {
    let c = move(toFloor(), 'kg', { kind: 'moderatedCaucus', minutes: 5, speakingSeconds: 45 });
    c = putAndVoteMotion(c, { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'no' });
    expect(phaseOf(c)).toBe('floor.item.debate.moderated');
    expect(ctxOf(c).caucus).toEqual({ kind: 'moderated', remaining: 300, speakingSeconds: 45 });
    // In a moderated caucus the chair may recognise any present delegation, list or not.
    c = recognize(c, 'tj');
    expect(ctxOf(c).speaker).toEqual({ delegation: 'tj', remaining: 45, spoke: false });
  });

  it('a motion is out of order in the wrong mode of debate', () => {
    const caucus = putAndVoteMotion(
      move(toFloor(), 'kg', { kind: 'moderatedCaucus', minutes: 5, speakingSeconds: 45 }),
      {
        ru: 'yes',
        kz: 'yes',
        kg: 'yes',
      },
    );
    refuses(
      caucus,
      {
        type: 'delegate.move',
        seat: 'kz',
        motion: { kind: 'moderatedCaucus', minutes: 3, speakingSeconds: 30 },
      },
      /not in order during a moderated caucus/,
    );
    refuses(
      caucus,
      { type: 'delegate.move', seat: 'kz', motion: { kind: 'setSpeakingTime', seconds: 60 } },
      /not in order during a moderated caucus/,
    );
    refuses(
      caucus,
      {
        type: 'delegate.move',
        seat: 'kz',
        motion: { kind: 'postponeProposal', proposal: 'sensors' },
      },
      /not in order during a moderated caucus/,
    );
  });

  it('no motion is in order during an unmoderated caucus', () => {
    const c = putAndVoteMotion(move(toFloor(), 'kg', { kind: 'unmoderatedCaucus', minutes: 5 }), {
      ru: 'yes',
      kz: 'yes',
      kg: 'yes',
    });
    expect(phaseOf(c)).toBe('floor.item.debate.unmoderated');
    refuses(
      c,
      { type: 'delegate.move', seat: 'kz', motion: { kind: 'closeDebate' } },
      /not in order during an unmoderated caucus/,
    );
    refuses(
      c,
      { type: 'delegate.joinSpeakers', seat: 'kz' },
      /no speakers list during an unmoderated caucus/,
    );
    refuses(
      c,
      { type: 'chair.recognize', seat: 'chair', delegation: 'kz' },
      /no one is recognised during an unmoderated caucus/,
    );
  });

  it('an unmoderated caucus ends when the clock runs it out, and formal debate resumes', () => {
    let c = putAndVoteMotion(move(toFloor(), 'kg', { kind: 'unmoderatedCaucus', minutes: 5 }), {
      ru: 'yes',
      kz: 'yes',
      kg: 'yes',
    });
    c = tick(c, 120);
    expect(phaseOf(c)).toBe('floor.item.debate.unmoderated');
    expect(ctxOf(c).caucus?.remaining).toBe(180);
    c = tick(c, 180);
    expect(phaseOf(c)).toBe('floor.item.debate.formal');
    expect(ctxOf(c).caucus).toBeNull();
    expect(ctxOf(c).clock).toBe(300);
  });

  it('a moderated caucus also ends on the clock', () => {
    let c = putAndVoteMotion(
      move(toFloor(), 'kg', { kind: 'moderatedCaucus', minutes: 1, speakingSeconds: 30 }),
      { ru: 'yes', kz: 'yes' },
    );
    c = tick(recognize(c, 'ru'), 60);
    expect(phaseOf(c)).toBe('floor.item.debate.formal');
    expect(ctxOf(c).speaker).toBeNull();
  });

  it('a caucus needs more yes than no: a tie fails and formal debate goes on', () => {
    const c = putAndVoteMotion(move(toFloor(), 'kg', { kind: 'unmoderatedCaucus', minutes: 5 }), {
      ru: 'yes',
      kz: 'no',
      kg: 'yes',
      tj: 'no',
    });
    expect(phaseOf(c)).toBe('floor.item.debate.formal');
    expect(ctxOf(c).caucus).toBeNull();
    expect(ctxOf(c).rulings.at(-1)!.text.en).toBe('Motion (unmoderatedCaucus) by kg failed.');
  });

  it('closing debate needs two-thirds of those voting: 2 against 2 fails, 2 against 1 carries', () => {
    const moved = move(joinSpeakers(toFloor(), 'ru'), 'kz', { kind: 'closeDebate' });
    const failed = putAndVoteMotion(moved, { ru: 'yes', kz: 'yes', kg: 'no', tj: 'no' });
    expect(phaseOf(failed)).toBe('floor.item.debate.formal');
    const carried = putAndVoteMotion(moved, { ru: 'yes', kz: 'yes', kg: 'no' });
    expect(phaseOf(carried)).toBe('floor.item.voting');
  });

  it('closing debate goes to voting even while the speakers list is not exhausted', () => {
    let c = joinSpeakers(toFloor(), 'ru');
    refuses(c, { type: 'chair.openVoting', seat: 'chair' }, /speakers list is not exhausted/);
    c = putAndVoteMotion(move(c, 'kz', { kind: 'closeDebate' }), {
      ru: 'yes',
      kz: 'yes',
      kg: 'yes',
      tj: 'yes',
    });
    expect(phaseOf(c)).toBe('floor.item.voting');
    expect(ctxOf(c).speakers).toEqual([]);
    expect(ctxOf(c).ballots.map((b) => b.proposal)).toEqual(['sensors', 'monitoring']);
  });

  it("postponing a proposal takes it off this item's ballots", () => {
    let c = move(toFloor(), 'tj', { kind: 'postponeProposal', proposal: 'monitoring' });
    c = putAndVoteMotion(c, { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' });
    expect(ctxOf(c).postponed).toEqual(['monitoring']);
    expect(ctxOf(c).outcomes.monitoring).toMatchObject({
      adopted: false,
      postponed: true,
      reason: 'postponed',
    });
    c = chair(c, 'openVoting');
    expect(ctxOf(c).ballots.map((b) => b.proposal)).toEqual(['sensors']);
  });

  it('postponing every proposal of an item leaves nothing to vote: the item goes to its outcome', () => {
    let c = toFloor();
    for (const proposal of ['sensors', 'monitoring']) {
      c = move(c, 'tj', { kind: 'postponeProposal', proposal });
      c = putAndVoteMotion(c, { ru: 'yes', kz: 'yes', kg: 'yes', tj: 'yes' });
    }
    expect(phaseOf(chair(c, 'openVoting'))).toBe('floor.item.outcome');
  });

  it('only a proposal under debate may be postponed', () => {
    refuses(
      toFloor(),
      {
        type: 'delegate.move',
        seat: 'tj',
        motion: { kind: 'postponeProposal', proposal: 'media-centre' },
      },
      /"media-centre" is not under debate/,
    );
  });

  it('a carried change of speaking time applies to the next speaker', () => {
    let c = putAndVoteMotion(move(toFloor(), 'ru', { kind: 'setSpeakingTime', seconds: 30 }), {
      ru: 'yes',
      kz: 'yes',
      kg: 'yes',
    });
    c = recognize(joinSpeakers(c, 'kz'), 'kz');
    expect(ctxOf(c).speaker?.remaining).toBe(30);
  });

  it('a carried motion to suspend pauses the meeting until the chair resumes', () => {
    let c = putAndVoteMotion(move(toFloor(), 'ru', { kind: 'suspendMeeting' }), {
      ru: 'yes',
      kz: 'yes',
      kg: 'yes',
    });
    expect(ctxOf(c).paused).toBe(true);
    refuses(c, { type: 'delegate.joinSpeakers', seat: 'kz' }, /paused/);
    c = chair(c, 'resume');
    expect(ctxOf(joinSpeakers(c, 'kz')).speakers).toEqual(['kz']);
  });

  it('motions are made when the floor is open, one of a kind per delegation', () => {
    const speech = recognize(joinSpeakers(toFloor(), 'kz'), 'kz');
    refuses(
      speech,
      { type: 'delegate.move', seat: 'ru', motion: { kind: 'closeDebate' } },
      /when the floor is open/,
    );
    const c = move(toFloor(), 'ru', { kind: 'closeDebate' });
    refuses(
      c,
      { type: 'delegate.move', seat: 'ru', motion: { kind: 'closeDebate' } },
      /already have a motion of this kind/,
    );
  });

  it('each member votes once on a motion; absent members do not vote', () => {
    const floor = toFloor(MINI, { roll: { ru: 'present', kz: 'present', kg: 'present' } });
    const c = act(chair(move(floor, 'ru', { kind: 'closeDebate' }), 'putMotion', { index: 0 }), {
      type: 'delegate.voteMotion',
      seat: 'ru',
      choice: 'yes',
    });
    refuses(
      c,
      { type: 'delegate.voteMotion', seat: 'ru', choice: 'no' },
      /already voted on this motion/,
    );
    refuses(c, { type: 'delegate.voteMotion', seat: 'tj', choice: 'no' }, /only members present/);
  });

  it('the chair may rule a motion out of order; it is then gone', () => {
    let c = move(toFloor(), 'ru', { kind: 'closeDebate' });
    c = chair(c, 'ruleMotionOutOfOrder', { index: 0 });
    expect(ctxOf(c).motions).toEqual([]);
    refuses(c, { type: 'chair.putMotion', seat: 'chair', index: 0 }, /no pending motion number 1/);
  });

  it('no vote may be opened while motions are pending', () => {
    refuses(
      move(toFloor(), 'ru', { kind: 'closeDebate' }),
      { type: 'chair.openVoting', seat: 'chair' },
      /pending points and motions/,
    );
  });
});
