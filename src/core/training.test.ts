/**
 * Chair training: each ruling is scored against the procedure profile, and a wrong one names the
 * rule it breaks. One story per kind of point and motion, under every profile.
 */
import { describe, expect, it } from 'vitest';
import { MINI } from '../../tests/fixtures/mini-scenario';
import { act, chair } from '../../tests/helpers/story';
import { send, startConference, type Conference } from './conference';
import { MOTION_KINDS, motionOfKind, type Motion, type MotionKind } from './events';
import { PROFILES, PROFILE_IDS, type ProfileId } from './profiles';
import { judgeChairEvent, nextTrainingEvent, trainingReport, unrulyEvent } from './training';

const MEMBERS = MINI.delegations.map((d) => d.id);

/** A training conference on the floor of the first item, every delegation present. */
const floor = (profile: ProfileId): Conference => {
  let c = startConference(MINI, { seed: 5, profile, humans: MEMBERS, training: true });
  c = chair(c, 'openRollCall');
  for (const d of MEMBERS)
    c = act(c, { type: 'delegate.answerRollCall', seat: d, status: 'present' });
  return chair(chair(c, 'closeRollCall'), 'adoptAgenda');
};
const speaking = (c: Conference, seat: string): Conference =>
  chair(act(c, { type: 'delegate.joinSpeakers', seat }), 'recognize', { delegation: seat });

const judge = (c: Conference, event: Record<string, unknown>) => {
  const e = { seat: 'chair', ...event };
  const r = send(c, e);
  return judgeChairEvent(c, e as never, r.ok ? null : r.reason)!;
};

const motionOf = (kind: MotionKind): Motion =>
  motionOfKind(kind, { minutes: 3, speakingSeconds: 45, seconds: 60, proposal: 'sensors' });

describe.each(PROFILE_IDS)('chair training under the %s profile', (profile) => {
  it('a point of information during a speech is ruled out of order; with the floor open, answered', () => {
    for (const point of ['information', 'parliamentaryInquiry'] as const) {
      let c = speaking(floor(profile), 'ru');
      c = act(c, { type: 'delegate.raisePoint', seat: 'kz', point });
      expect(judge(c, { type: 'chair.rulePoint', ruling: 'outOfOrder' }).correct).toBe(true);
      const wrong = judge(c, { type: 'chair.rulePoint', ruling: 'answered' });
      expect(wrong.correct).toBe(false);
      expect(wrong.rule.en).toMatch(/never interrupt a speaker/);
      let open = act(floor(profile), { type: 'delegate.raisePoint', seat: 'kz', point });
      expect(judge(open, { type: 'chair.rulePoint', ruling: 'answered' }).correct).toBe(true);
      open = floor(profile);
      expect(
        judge(act(open, { type: 'delegate.raisePoint', seat: 'kz', point }), {
          type: 'chair.rulePoint',
          ruling: 'outOfOrder',
        }).correct,
      ).toBe(false);
    }
  });

  it('a point of personal privilege is always well taken', () => {
    const c = act(speaking(floor(profile), 'ru'), {
      type: 'delegate.raisePoint',
      seat: 'kz',
      point: 'personalPrivilege',
    });
    expect(judge(c, { type: 'chair.rulePoint', ruling: 'wellTaken' }).correct).toBe(true);
    expect(judge(c, { type: 'chair.rulePoint', ruling: 'outOfOrder' }).correct).toBe(false);
  });

  it('a point of order claiming a threshold is well taken only when the profile agrees', () => {
    for (const motion of ['closeDebate', 'unmoderatedCaucus'] as const) {
      const actual = PROFILES[profile].motions[motion].threshold;
      const other = actual === 'majority' ? 'twoThirds' : 'majority';
      const right = act(floor(profile), {
        type: 'delegate.raisePoint',
        seat: 'tj',
        point: 'order',
        claim: { motion, threshold: actual },
      });
      expect(judge(right, { type: 'chair.rulePoint', ruling: 'wellTaken' }).correct).toBe(true);
      const claimWrong = act(floor(profile), {
        type: 'delegate.raisePoint',
        seat: 'tj',
        point: 'order',
        claim: { motion, threshold: other },
      });
      expect(judge(claimWrong, { type: 'chair.rulePoint', ruling: 'notWellTaken' }).correct).toBe(
        true,
      );
      const j = judge(claimWrong, { type: 'chair.rulePoint', ruling: 'wellTaken' });
      expect(j.correct).toBe(false);
      expect(j.rule.en).toMatch(/needs/);
    }
  });

  it.each(MOTION_KINDS)('the motion %s: put when in order, ruled out when not', (kind) => {
    const rules = PROFILES[profile].motions[kind];
    // In order in formal debate with the floor open?
    const inFormal = rules.inOrder.includes('formal');
    const c = act(floor(profile), { type: 'delegate.move', seat: 'kz', motion: motionOf(kind) });
    expect(judge(c, { type: 'chair.putMotion', index: 0 }).correct).toBe(inFormal);
    expect(judge(c, { type: 'chair.ruleMotionOutOfOrder', index: 0 }).correct).toBe(!inFormal);
    // During a speech no motion is in order.
    const during = act(speaking(floor(profile), 'ru'), {
      type: 'delegate.move',
      seat: 'kz',
      motion: motionOf(kind),
    });
    const put = judge(during, { type: 'chair.putMotion', index: 0 });
    expect(put.correct).toBe(false);
    expect(judge(during, { type: 'chair.ruleMotionOutOfOrder', index: 0 }).correct).toBe(true);
  });

  it('motions are put by precedence', () => {
    let c = act(floor(profile), {
      type: 'delegate.move',
      seat: 'kz',
      motion: motionOf('moderatedCaucus'),
    });
    c = act(c, { type: 'delegate.move', seat: 'tj', motion: motionOf('closeDebate') });
    const p = PROFILES[profile].motions;
    const firstIndex = p.closeDebate.precedence < p.moderatedCaucus.precedence ? 1 : 0;
    expect(judge(c, { type: 'chair.putMotion', index: firstIndex }).correct).toBe(true);
    const j = judge(c, { type: 'chair.putMotion', index: 1 - firstIndex });
    expect(j.correct).toBe(false);
    expect(j.explanation.en).toMatch(/precedence/);
  });

  it('speakers are recognised in the order of the list; votes closed when everyone has voted', () => {
    let c = act(floor(profile), { type: 'delegate.joinSpeakers', seat: 'ru' });
    c = act(c, { type: 'delegate.joinSpeakers', seat: 'kz' });
    expect(judge(c, { type: 'chair.recognize', delegation: 'ru' }).correct).toBe(true);
    const out = judge(c, { type: 'chair.recognize', delegation: 'kz' });
    expect(out.correct).toBe(false);
    // The trainee reads delegations' names, not their ids.
    const name = (id: string) => MINI.delegations.find((d) => d.id === id)!.name;
    expect(out.explanation.en).toBe(
      `${name('ru').en} was first on the list, not ${name('kz').en}.`,
    );
    expect(out.explanation.ru).toContain(`«${name('ru').ru}»`);
    let v = chair(floor(profile), 'openVoting');
    v = act(v, { type: 'delegate.vote', seat: 'ru', choice: 'yes' });
    const early = judge(v, { type: 'chair.closeBallot' });
    expect(early.correct).toBe(false);
    expect(early.explanation.en).toMatch(/had not voted/);
    expect(early.explanation.en).toContain(name('kz').en);
    expect(early.explanation.en).not.toMatch(/\bkz\b/);
  });

  it('a move the machine refuses is scored wrong with its reason', () => {
    const c = act(floor(profile), { type: 'delegate.joinSpeakers', seat: 'ru' });
    const j = judge(c, { type: 'chair.openVoting' });
    expect(j.correct).toBe(false);
    expect(j.explanation.en).toMatch(/speakers list is not exhausted/);
  });
});

describe('the unruly committee', () => {
  it('outside training, business out of order is refused before it reaches the chair', () => {
    let c = startConference(MINI, { seed: 5, profile: 'consensus', humans: MEMBERS });
    c = chair(c, 'openRollCall');
    for (const d of MEMBERS)
      c = act(c, { type: 'delegate.answerRollCall', seat: d, status: 'present' });
    c = chair(chair(c, 'closeRollCall'), 'adoptAgenda');
    c = speaking(c, 'ru');
    expect(send(c, { type: 'delegate.raisePoint', seat: 'kz', point: 'information' }).ok).toBe(
      false,
    );
    expect(send(c, { type: 'delegate.move', seat: 'kz', motion: motionOf('closeDebate') }).ok).toBe(
      false,
    );
  });

  it('raises more business, and more of it wrong, at the higher levels', () => {
    const tally = (level: 'calm' | 'disorderly') => {
      let raised = 0;
      let outOfOrder = 0;
      for (let seed = 1; seed <= 300; seed++) {
        // The same moments of debate, with and without a speaker, under many seeds.
        let c = startConference(MINI, {
          seed,
          profile: 'consensus',
          humans: MEMBERS,
          training: true,
        });
        c = chair(c, 'openRollCall');
        for (const d of MEMBERS)
          c = act(c, { type: 'delegate.answerRollCall', seat: d, status: 'present' });
        c = chair(chair(c, 'closeRollCall'), 'adoptAgenda');
        for (const state of [c, speaking(c, 'ru')]) {
          const e = unrulyEvent(state, level);
          if (!e) continue;
          raised++;
          const after = act(state, e);
          const ctx = after.snapshot.context;
          const badPoint =
            ctx.point &&
            ctx.point.duringSpeech &&
            ['information', 'parliamentaryInquiry'].includes(ctx.point.point);
          const badClaim =
            ctx.point?.claim &&
            ctx.point.claim.threshold !==
              PROFILES.consensus.motions[ctx.point.claim.motion].threshold;
          const badMotion = ctx.motions.some((m) => !m.inOrder);
          if (badPoint || badClaim || badMotion) outOfOrder++;
        }
      }
      return { raised, outOfOrder };
    };
    const calm = tally('calm');
    const wild = tally('disorderly');
    expect(wild.raised).toBeGreaterThan(calm.raised * 2);
    expect(wild.outOfOrder / wild.raised).toBeGreaterThan(
      calm.outOfOrder / Math.max(1, calm.raised),
    );
    // And the training AI keeps the game moving for a chair who does nothing but rule.
    expect(nextTrainingEvent(floor('consensus'), 'calm')).not.toBeNull();
  });

  it('the training report replays a log and scores each ruling', () => {
    let c = floor('consensus');
    const events: unknown[] = [];
    const record = (e: Record<string, unknown>) => {
      events.push(e);
      c = act(c, e);
    };
    // Rebuild the same game from the start, recording it.
    c = startConference(MINI, { seed: 5, profile: 'consensus', humans: MEMBERS, training: true });
    record({ type: 'chair.openRollCall', seat: 'chair' });
    for (const d of MEMBERS)
      record({ type: 'delegate.answerRollCall', seat: d, status: 'present' });
    record({ type: 'chair.closeRollCall', seat: 'chair' });
    record({ type: 'chair.adoptAgenda', seat: 'chair' });
    record({ type: 'delegate.raisePoint', seat: 'kz', point: 'personalPrivilege' });
    record({ type: 'chair.rulePoint', seat: 'chair', ruling: 'outOfOrder' });
    const report = trainingReport(MINI, { seed: 5, profile: 'consensus', level: 'calm' }, events);
    // rulePoint was wrong; other chair moves call for no judgement or were right.
    expect(report.judgements.find((j) => j.type === 'chair.rulePoint')?.correct).toBe(false);
    expect(report.score).toBeLessThan(100);
  });
});
