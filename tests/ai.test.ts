/**
 * AI-only games: they finish, they are deterministic, the difficulty changes how delegations play,
 * and every decision says why.
 */
import { describe, expect, it } from 'vitest';
import { autoplay, nextAiEvent } from '../src/core/ai/autoplay';
import { chairAct } from '../src/core/ai/chair';
import {
  contextOf,
  currentPhase,
  send,
  startConference,
  type Conference,
} from '../src/core/conference';
import type { ConferenceEvent } from '../src/core/events';
import type { ProfileId } from '../src/core/profiles';
import type { Scenario } from '../src/core/scenario';
import type { Difficulty } from '../src/core/state';
import { MINI } from './fixtures/mini-scenario';
import { scenarioFile } from './helpers/scenarios';
import { chair, joinSpeakers, move, toFloor } from './helpers/story';

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);

const play = (
  scenario: Scenario,
  seed: number,
  difficulty: Difficulty = 'normal',
  profile: ProfileId = 'consensus',
) => autoplay(startConference(scenario, { seed, profile }), { difficulty });

const SCENARIOS: [string, () => Scenario][] = [
  ['the mini fixture', () => MINI],
  ['karabakh-credibility', () => scenarioFile('karabakh-credibility')],
];

describe.each(SCENARIOS)('AI-only games on %s', (_name, scenarioOf) => {
  it('end in the debrief with no refused event, for seeds 1 to 50', () => {
    const scenario = scenarioOf();
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const r = play(scenario, seed);
      const ctx = contextOf(r.conference);
      if (currentPhase(r.conference) !== 'debrief' || r.stalled || r.refused.length || !ctx.ended)
        failures.push(
          `seed ${seed}: ${currentPhase(r.conference)}, stalled ${r.stalled}, refused ${JSON.stringify(r.refused.map((x) => [x.event.type, x.event.seat, x.reason]))}`,
        );
      // Every proposal was decided or postponed, and every scheduled crisis was decided.
      for (const p of scenario.proposals)
        if (!ctx.outcomes[p.id]) failures.push(`seed ${seed}: no outcome for ${p.id}`);
      for (const c of scenario.crises)
        if (c.trigger.type === 'afterItem' && ctx.crises[c.id]?.status !== 'decided')
          failures.push(`seed ${seed}: crisis ${c.id} not decided`);
    }
    expect(failures).toEqual([]);
  });

  it('the same seed gives the same game', () => {
    const scenario = scenarioOf();
    for (const seed of [1, 17, 42]) {
      const a = play(scenario, seed);
      const b = play(scenario, seed);
      expect(contextOf(b.conference)).toEqual(contextOf(a.conference));
      expect(b.conference.log).toEqual(a.conference.log);
    }
  });

  it('different seeds give different games', () => {
    const scenario = scenarioOf();
    const logs = new Set(
      SEEDS.slice(0, 10).map((seed) => JSON.stringify(play(scenario, seed).conference.log)),
    );
    expect(logs.size).toBeGreaterThan(1);
  });

  it('every AI decision carries its reasons, and the context records them', () => {
    const scenario = scenarioOf();
    const DECISIONS = new Set([
      'delegate.vote',
      'delegate.respond',
      'delegate.acceptOffer',
      'delegate.rejectOffer',
    ]);
    const problems: string[] = [];
    let decisions = 0;
    // Proposal and amendment ids made of several words ("limited-mandate": a one-word id is also
    // a word of titles), and delegation ids as an upper-case word ("KZ").
    const word = (id: string) => new RegExp(`(^|[^\\p{L}\\d-])${id}($|[^\\p{L}\\d-])`, 'u');
    const rawIds = [
      ...scenario.proposals
        .flatMap((p) => [p.id, ...p.amendments.map((a) => a.id)])
        .filter((id) => id.includes('-'))
        .map(word),
      ...scenario.delegations.map((d) => word(d.id.toUpperCase())),
    ];
    const kinds = new Set<string>();
    for (const seed of SEEDS.slice(0, 20)) {
      for (const difficulty of ['easy', 'hard'] as const) {
        const r = play(scenario, seed, difficulty);
        const ctx = contextOf(r.conference);
        // Every event that carried reasons is in the record of decisions, by its sequence number
        // (that each is recorded exactly once is checked in tests/regressions.test.ts).
        const withWhy = r.conference.log.filter((e) => e.why).length;
        expect(new Set(ctx.decisions.map((d) => d.seq)).size).toBe(withWhy);
        for (const e of r.conference.log) {
          if (e.why) {
            // Every reason reads as a student reads the game: names and titles, never ids.
            const named = scenario.delegations.find((d) => d.id === e.seat)!.name;
            if (!e.why.summary.en.startsWith(named.en) || !e.why.summary.ru.startsWith(named.ru))
              problems.push(`${e.type} by ${e.seat}: summary ${e.why.summary.en}`);
            const texts = [e.why.summary, ...e.why.factors.map((f) => f.label)].flatMap((x) => [
              x.en,
              x.ru,
            ]);
            for (const text of texts) {
              const id = rawIds.find((re) => re.test(text));
              if (id) problems.push(`${e.type} by ${e.seat}: an id (${id.source}) in «${text}»`);
            }
            kinds.add(e.type);
          }
          if (!DECISIONS.has(e.type)) continue;
          decisions++;
          const at = `seed ${seed} ${difficulty}: ${e.type} by ${e.seat}`;
          if (!e.why) {
            problems.push(`${at} has no why`);
            continue;
          }
          // The summary names the delegation as a reader knows it, in both languages.
          const named = scenario.delegations.find((d) => d.id === e.seat)!.name;
          if (!e.why.summary.en.includes(named.en) || !e.why.summary.ru.includes(named.ru))
            problems.push(`${at}: summary ${e.why.summary.en}`);
          // A delegation with no stake at all in a proposal says so instead of naming factors.
          const noInterest =
            e.type === 'delegate.vote' && e.why.summary.en.includes('no strong interest');
          if (!Array.isArray(e.why.factors) || (e.why.factors.length === 0 && !noInterest))
            problems.push(`${at} has no factors`);
          for (const f of e.why.factors)
            if (!f.label.en.trim() || !f.label.ru.trim() || !Number.isFinite(f.value))
              problems.push(`${at}: bad factor ${JSON.stringify(f)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(decisions).toBeGreaterThan(100);
    // Hard delegations table and accept amendments: their reasons were checked too.
    expect(kinds).toContain('delegate.proposeAmendment');
  });
});

describe('AI speeches', () => {
  it('name the proposal and give the reasons that weigh most for the speaker, in both languages', () => {
    const problems: string[] = [];
    const stances = new Set<string>();
    for (const id of ['tsakhkadzor-2018', 'karabakh-credibility']) {
      const scenario = scenarioFile(id);
      for (const seed of SEEDS.slice(0, 10)) {
        for (const difficulty of ['easy', 'hard'] as const) {
          const r = play(scenario, seed, difficulty);
          for (const s of contextOf(r.conference).statements) {
            const p = scenario.proposals.find((x) => x.id === s.proposal)!;
            const [en = '', ru = ''] = (s.text ?? '').split('\n');
            const at = `${id} seed ${seed} ${s.by}`;
            if (
              !en.includes(`${p.code} «${p.title.en}»`) ||
              !ru.includes(`${p.code} «${p.title.ru}»`)
            )
              problems.push(`${at}: proposal not named: ${en}`);
            // A reason, not a stock phrase: every delegation in these scenarios has interests.
            const reason = {
              support: ['What counts most for us: ', 'Для нас здесь главное: '],
              oppose: ['What weighs against it for us: ', 'Для нас против него говорят: '],
              undecided: ['For it: ', 'За: '],
            }[s.stance];
            if (!en.includes(reason[0]!) || !ru.includes(reason[1]!))
              problems.push(`${at}: no reason in ${s.stance}: ${en} / ${ru}`);
            stances.add(s.stance);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect([...stances].sort()).toEqual(['oppose', 'support', 'undecided']);
  });

  it('answer the previous speaker, vary their openings, and name an amendment that would win their vote', () => {
    const problems: string[] = [];
    const openings = new Map<string, Map<string, number>>();
    let answered = 0;
    let hints = 0;
    for (const id of ['tsakhkadzor-2018', 'karabakh-credibility']) {
      const scenario = scenarioFile(id);
      const name = (d: string) => scenario.delegations.find((x) => x.id === d)!.name.en;
      for (const seed of SEEDS.slice(0, 10)) {
        const statements = contextOf(play(scenario, seed, 'hard').conference).statements;
        statements.forEach((s, i) => {
          const en = (s.text ?? '').split('\n')[0]!;
          const at = `${id} seed ${seed} ${s.by}: ${en}`;
          const prev = statements[i - 1];
          const follows =
            prev && prev.item === s.item && prev.proposal === s.proposal && prev.by !== s.by;
          const shares = /^We (share the view of|agree with) the previous speaker, /.test(en);
          const differs =
            /^We (see it differently from|cannot agree with) the previous speaker, /.test(en);
          if (shares || differs) {
            answered++;
            if (!follows || !en.includes(`previous speaker, ${name(prev.by)}.`))
              problems.push(`${at}: answers a previous speaker it does not follow`);
            else if (shares !== (prev.stance === s.stance))
              problems.push(
                `${at}: says it ${shares ? 'shares' : 'differs from'} a ${prev.stance}`,
              );
          } else if (follows && prev.stance !== 'undecided' && s.stance !== 'undecided')
            problems.push(`${at}: does not answer the previous speaker (${prev.stance})`);
          // The opening: the first sentence after any answer to the previous speaker.
          const body = en.replace(/^We [^.]* the previous speaker, [^.]*\. /, '');
          const opening = body.split(/ (?:\d|K)\w* «/)[0]!.replace(/^.* backs$/, '… backs');
          const seen = openings.get(s.stance) ?? new Map<string, number>();
          seen.set(opening, (seen.get(opening) ?? 0) + 1);
          openings.set(s.stance, seen);
          const hint = /With the amendment «(.+)», we could support it\.$/.exec(en);
          if (hint) {
            hints++;
            const p = scenario.proposals.find((x) => x.id === s.proposal)!;
            if (s.stance === 'support') problems.push(`${at}: a supporter asks for an amendment`);
            if (!p.amendments.some((a) => a.title.en === hint[1]))
              problems.push(`${at}: names an amendment that ${p.code} does not have`);
          }
        });
      }
    }
    expect(problems).toEqual([]);
    expect(answered).toBeGreaterThan(10);
    expect(hints).toBeGreaterThan(0);
    // Several openings for a stance heard often, not one stock phrase.
    for (const [stance, seen] of openings) {
      const heard = [...seen.values()].reduce((a, b) => a + b, 0);
      if (heard >= 5) expect(seen.size, `${stance}: ${[...seen.keys()].join(' | ')}`).toBe(3);
    }
    expect(openings.get('support')?.size).toBe(3);
  });
});

describe('difficulty', () => {
  const stats = (difficulty: Difficulty) => {
    let adopted = 0;
    let objections = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const ctx = contextOf(play(MINI, seed, difficulty).conference);
      adopted += Object.values(ctx.outcomes).filter((o) => o.adopted).length;
      objections += ctx.closed.reduce((n, b) => n + b.decision.tally.no, 0);
    }
    return { adopted: adopted / 200, objections: objections / 200 };
  };

  it('over 200 games, hard delegations adopt clearly more proposals and object less than easy ones', () => {
    const easy = stats('easy');
    const hard = stats('hard');
    // Measured: easy ≈ 1.6 proposals adopted of 3 and ≈ 1.3 objections a game; hard ≈ 3.0 and none.
    expect(hard.adopted - easy.adopted).toBeGreaterThan(0.75);
    expect(easy.objections - hard.objections).toBeGreaterThan(0.5);
  });

  it('only hard delegations negotiate; easy ones never table amendments', () => {
    const karabakh = scenarioFile('karabakh-credibility');
    let hardOffers = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const easy = contextOf(play(karabakh, seed, 'easy').conference);
      expect(easy.offers).toEqual([]);
      expect(easy.amendments).toEqual([]);
      expect(contextOf(play(karabakh, seed, 'normal').conference).offers).toEqual([]);
      hardOffers += contextOf(play(karabakh, seed, 'hard').conference).offers.length;
    }
    expect(hardOffers).toBeGreaterThan(0);
  });
});

describe('AI seats beside humans', () => {
  it('the AI waits for a human seat instead of acting for it', () => {
    const start = startConference(MINI, { seed: 5, profile: 'consensus', humans: ['kz'] });
    const r = autoplay(start, { difficulty: 'normal', humans: ['kz'] });
    expect(r.stalled).toBe(false);
    expect(currentPhase(r.conference)).toBe('rollCall.open');
    const d = contextOf(r.conference).delegations;
    expect([d.ru!.presence, d.kz!.presence, d.kg!.presence, d.tj!.presence]).toEqual([
      'present',
      'absent',
      'present',
      'present',
    ]);
    expect(nextAiEvent(r.conference, { difficulty: 'normal', humans: ['kz'] })).toBeNull();
  });

  it('a human chair means the AI never sends chair events', () => {
    const r = autoplay(startConference(MINI, { seed: 5, profile: 'consensus' }), {
      difficulty: 'normal',
      humans: ['chair'],
    });
    expect(currentPhase(r.conference)).toBe('rollCall.waiting');
    expect(r.conference.log).toEqual([]);
  });

  it('a game with a human Kazakhstan, answering simply, reaches the debrief', () => {
    const o = { difficulty: 'normal' as const, humans: ['kz'] };
    let conf: Conference = startConference(MINI, { seed: 9, profile: 'consensus', humans: ['kz'] });
    const human = (c: Conference): ConferenceEvent | null => {
      const ctx = contextOf(c);
      const phase = currentPhase(c);
      if (phase === 'rollCall.open' && ctx.delegations.kz!.presence === 'absent')
        return { type: 'delegate.answerRollCall', seat: 'kz', status: 'present' };
      if (phase === 'floor.item.voting' && !ctx.ballots[ctx.ballot]!.votes.kz)
        return { type: 'delegate.vote', seat: 'kz', choice: 'standAside' };
      if (phase === 'floor.item.debate.motionVote' && !ctx.motionVote!.votes.kz)
        return { type: 'delegate.voteMotion', seat: 'kz', choice: 'yes' };
      if (phase === 'crisis.responses' && !ctx.crises[ctx.crisis!]!.responses.kz)
        return {
          type: 'delegate.respond',
          seat: 'kz',
          crisis: ctx.crisis!,
          response: 'humanitarian',
        };
      const offerToMe = ctx.offers.find((x) => x.to === 'kz' && x.status === 'open');
      if (offerToMe) return { type: 'delegate.rejectOffer', seat: 'kz', offer: offerToMe.id };
      return null;
    };
    for (let turn = 0; turn < 100 && !contextOf(conf).ended; turn++) {
      const r = autoplay(conf, o);
      expect(r.refused).toEqual([]);
      conf = r.conference;
      const e = human(conf);
      if (!e) break;
      const sent = send(conf, e);
      expect(sent.ok, JSON.stringify(e)).toBe(true);
      conf = sent.conference;
    }
    expect(currentPhase(conf)).toBe('debrief');
    expect(contextOf(conf).crises['tj-border']!.responses.kz).toBe('humanitarian');
    expect(
      contextOf(conf)
        .closed.filter((b) => b.kind === 'proposal')
        .every((b) => b.votes.kz === 'standAside'),
    ).toBe(true);
  });
});

describe('AI-only games under every procedure profile finish', () => {
  it.each(['unanimity', 'majority', 'twoThirds'] as const)('%s', (profile) => {
    for (const seed of SEEDS.slice(0, 20)) {
      const r = play(MINI, seed, 'normal', profile);
      expect([currentPhase(r.conference), r.stalled, r.refused]).toEqual(['debrief', false, []]);
    }
  });
});

describe('the AI chair', () => {
  it('puts the most disruptive pending motion first, whatever order they were made in', () => {
    let c = move(toFloor(), 'kg', { kind: 'moderatedCaucus', minutes: 5, speakingSeconds: 60 });
    c = move(c, 'ru', { kind: 'unmoderatedCaucus', minutes: 5 });
    c = move(c, 'kz', { kind: 'closeDebate' });
    // closeDebate (precedence 3) before the unmoderated (4) and moderated (5) caucuses.
    expect(chairAct(c)).toEqual({ type: 'chair.putMotion', seat: 'chair', index: 2 });
  });

  it('recognises the speakers list in order, and opens voting only when it is exhausted', () => {
    const c = joinSpeakers(joinSpeakers(toFloor(), 'tj'), 'ru');
    expect(chairAct(c)).toEqual({ type: 'chair.recognize', seat: 'chair', delegation: 'tj' });
    expect(chairAct(toFloor())).toEqual({ type: 'chair.openVoting', seat: 'chair' });
  });

  it('does nothing once the conference has ended, or while it is paused', () => {
    expect(chairAct(play(MINI, 1).conference)).toBeNull();
    expect(chairAct(chair(joinSpeakers(toFloor(), 'tj'), 'pause'))).toBeNull();
  });
});
