/**
 * The after-action report (src/client/report.ts): built from a scenario and a conference alone,
 * in English and Russian. AI games on every shipped scenario give the Markdown; a scripted game
 * adds what AI games rarely do (announcements, points, motions, offers, a pause). The JSON export
 * replays to the same game.
 */
import { describe, expect, it } from 'vitest';
import { autoplay, nextAiEvent } from '../src/core/ai/autoplay';
import {
  contextOf,
  currentPhase,
  replayGame,
  send,
  startConference,
  type Conference,
} from '../src/core/conference';
import { codeAndTitle, dateHeading, dateIn } from '../src/client/i18n';
import { debriefOf } from '../src/core/debrief';
import { PROFILES } from '../src/core/profiles';
import type { Scenario } from '../src/core/scenario';
import { readScenario, scenarioFiles } from '../src/content/library';
import {
  REPORT_WORD_KEYS,
  ballotGroups,
  buildReport,
  escapeMarkdown,
  reportJson,
  reportMarkdown,
  reportWordTable,
  timelineOf,
  word,
} from '../src/client/report';

const EN = reportWordTable('en');
const SECTION_KEYS = REPORT_WORD_KEYS.filter((k) => k.startsWith('sec_'));
const md = escapeMarkdown;

const aiGame = (scenario: Scenario, seed = 11): Conference => {
  const r = autoplay(startConference(scenario, { seed, profile: 'consensus' }), {
    difficulty: 'normal',
  });
  expect(r.stalled).toBe(false);
  return r.conference;
};

/** The Markdown between `## heading` and the next `## `. */
const section = (text: string, heading: string): string => {
  const start = text.indexOf(`\n## ${md(heading)}\n`);
  expect(start, `section «${heading}»`).toBeGreaterThanOrEqual(0);
  const next = text.indexOf('\n## ', start + 4);
  return text.slice(start, next < 0 ? undefined : next);
};

const scenarios = scenarioFiles().map((f) => readScenario(f));

describe('the report’s word tables', () => {
  it('have the same keys in English and Russian, none empty, and Russian headings', () => {
    const ru = reportWordTable('ru');
    expect(Object.keys(ru).sort()).toEqual(Object.keys(EN).sort());
    for (const k of REPORT_WORD_KEYS) {
      expect(EN[k].trim(), k).not.toBe('');
      expect(ru[k].trim(), k).not.toBe('');
    }
    for (const k of SECTION_KEYS) expect(ru[k]).toMatch(/[А-Яа-яЁё]/);
  });
});

describe('dates as a reader writes them', () => {
  it('a day, a month and a year in each language; a heading starts with a capital', () => {
    expect(dateIn('2018-08-19', 'en')).toBe('19 August 2018');
    expect(dateIn('2018-08-19', 'ru')).toBe('19 августа 2018 г.');
    expect(dateIn('2022-01', 'ru')).toBe('январь 2022 г.');
    expect(dateIn('2010', 'ru')).toBe('2010');
    expect(dateHeading('2022-01', 'ru')).toBe('Январь 2022 г.');
    expect(dateHeading('2022-01', 'en')).toBe('January 2022');
  });
});

describe.each(scenarios.map((s) => [s.id, s] as const))('report of an AI game on %s', (_id, s) => {
  const conf = aiGame(s);
  const ctx = contextOf(conf);
  const text = reportMarkdown(s, conf, 'en');
  const name = (id: string) => s.delegations.find((d) => d.id === id)!.name.en;
  const names = (ids: string[]) => (ids.length ? ids.map((d) => md(name(d))).join(', ') : '—');

  it('has every section heading and every proposal title', () => {
    expect(text.startsWith(`# ${md(word('en', 'title', { t: s.title.en }))}\n`)).toBe(true);
    for (const k of SECTION_KEYS) expect(text).toContain(`\n## ${md(EN[k])}\n`);
    for (const p of s.proposals) expect(text).toContain(md(`${p.code} ${p.title.en}`));
  });

  it('lists who voted yes, stood aside, abstained and objected on each closed ballot', () => {
    expect(ctx.closed.length).toBeGreaterThan(0);
    const votes = section(text, EN.sec_votes);
    const blocks = votes.split('\n### ').slice(1);
    expect(blocks).toHaveLength(ctx.closed.length);
    ctx.closed.forEach((b, i) => {
      const block = blocks[i]!;
      const p = s.proposals.find((x) => x.id === b.proposal)!;
      expect(block).toContain(md(`${p.code} ${p.title.en}`));
      const g = ballotGroups(s, b);
      expect(block).toContain(`- **${md(EN.votedYes)}:** ${names(g.yes)}\n`);
      expect(block).toContain(`- **${md(EN.votedAside)}:** ${names(g.standAside)}\n`);
      expect(block).toContain(`- **${md(EN.votedAbstain)}:** ${names(g.abstain)}\n`);
      expect(block).toContain(`- **${md(EN.votedNo)}:** ${names(g.no)}\n`);
      // The groups partition the votes cast.
      expect(g.yes.length + g.standAside.length + g.abstain.length + g.no.length).toBe(
        Object.keys(b.votes).length,
      );
      for (const [d, v] of Object.entries(b.votes)) {
        const line = block
          .split('\n')
          .find((l) =>
            l.startsWith(
              `- **${md(
                v === 'yes'
                  ? EN.votedYes
                  : v === 'standAside'
                    ? EN.votedAside
                    : v === 'abstain'
                      ? EN.votedAbstain
                      : EN.votedNo,
              )}:**`,
            ),
          );
        expect(line).toContain(md(name(d)));
      }
      const amendment = b.kind === 'amendment';
      expect(block).toContain(
        b.decision.adopted
          ? `**${EN.result}:** ${amendment ? EN.outcome_amendmentAdopted : EN.outcome_adopted}`
          : amendment
            ? EN.outcome_amendmentNotAdopted
            : EN.outcome_notAdopted,
      );
    });
  });

  it('gives each member’s response to each crisis and the council decision', () => {
    const crises = section(text, EN.sec_crises);
    const arisen = Object.values(ctx.crises);
    expect(arisen.length).toBeGreaterThan(0);
    for (const c of arisen) {
      const def = s.crises.find((x) => x.id === c.id)!;
      expect(crises).toContain(`### ${md(def.title.en)}`);
      for (const [m, r] of Object.entries(c.responses))
        expect(crises).toContain(`| **${md(name(m))}** | ${md(EN[`resp_${r}`])} |`);
      if (c.status === 'decided')
        expect(crises).toContain(c.honoured ? EN.honoured : EN.notHonoured);
    }
  });

  it('has a what-if line for every other procedure profile', () => {
    const whatIf = section(text, EN.sec_whatIf);
    const d = debriefOf(conf);
    expect(d.whatIf).toHaveLength(3);
    for (const w of d.whatIf) {
      const p = PROFILES[w.profile].name.en;
      if (!w.proposals.length && !w.crises.length)
        expect(whatIf).toContain(md(word('en', 'whatIfSame', { p })));
      for (const x of w.proposals) {
        const prop = s.proposals.find((y) => y.id === x.proposal)!;
        const line = whatIf
          .split('\n')
          .find((l) => l.includes(md(p)) && l.includes(md(`${prop.code} ${prop.title.en}`)));
        expect(line, `${p}: ${prop.id}`).toBeDefined();
        expect(line).toContain(x.adopted ? EN.wi_adopted : EN.wi_notAdopted);
      }
      for (const x of w.crises) {
        const cr = s.crises.find((y) => y.id === x.crisis)!;
        expect(whatIf).toContain(md(cr.title.en));
      }
    }
  });

  it('has the metric history as a table, one row per recorded point', () => {
    const metrics = section(text, EN.sec_metrics);
    const rows = metrics.split('\n').filter((l) => l.startsWith('| **'));
    expect(rows).toHaveLength(ctx.history.length);
    ctx.history.forEach((p, i) =>
      expect(rows[i]).toContain(`| ${p.metrics.credibility} | ${p.metrics.cohesion} |`),
    );
  });

  it('has said versus did for every delegation, and scores and awards', () => {
    const said = section(text, EN.sec_saidDid);
    for (const d of s.delegations) expect(said).toContain(`\n### ${md(d.name.en)}\n`);
    for (const x of debriefOf(conf).saidVersusDid)
      expect(said).toContain(EN[x.consistent ? 'consistent' : 'inconsistent']);
    const scores = section(text, EN.sec_scores);
    for (const a of debriefOf(conf).awards) expect(scores).toContain(md(name(a.delegation)));
  });

  it('has the history notes with their sources’ addresses', () => {
    const history = section(text, EN.sec_history);
    for (const n of s.debrief.history) {
      // Dated as a reader writes it ("19 August 2018"), not as the scenario file does.
      expect(history).toContain(`**${dateIn(n.date, 'en')}**`);
      for (const id of n.sources)
        expect(history).toContain(`(<${s.sources.find((x) => x.id === id)!.url}>)`);
    }
    for (const src of s.sources) expect(history).toContain(`<${src.url}>`);
    for (const c of s.debrief.corrections) expect(history).toContain(md(c.correction.en));
    for (const x of s.debrief.simplifications) expect(history).toContain(md(x.en));
  });

  it('has a timeline with every speech, ballot and crisis, in order', () => {
    const tl = timelineOf(s, conf, 'en');
    const kinds = tl.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'speech')).toHaveLength(ctx.statements.length);
    expect(kinds.filter((k) => k === 'ballot')).toHaveLength(ctx.closed.length);
    expect(kinds.filter((k) => k === 'crisisOpened')).toHaveLength(Object.keys(ctx.crises).length);
    expect(kinds.filter((k) => k === 'crisisDecided')).toHaveLength(
      Object.values(ctx.crises).filter((c) => c.status === 'decided').length,
    );
    expect(tl.map((e) => e.index)).toEqual([...tl.map((e) => e.index)].sort((a, b) => a - b));
    expect(kinds[0]).toBe('procedure'); // the roll call closed
    expect(kinds[kinds.length - 1]).toBe('end');
    const timeline = section(text, EN.sec_timeline);
    expect(timeline).toContain('1. `00:00` ');
  });

  it('in Russian: the Russian titles and none of the English headings', () => {
    const ru = reportMarkdown(s, conf, 'ru');
    // A proposal's title in quotation marks, as Russian running text names it.
    for (const p of s.proposals) expect(ru).toContain(md(codeAndTitle(p.code, p.title.ru, 'ru')));
    for (const k of SECTION_KEYS) expect(ru).not.toContain(EN[k]);
    for (const k of SECTION_KEYS) expect(ru).toContain(`\n## ${md(reportWordTable('ru')[k])}\n`);
    for (const c of Object.keys(ctx.crises))
      expect(ru).toContain(md(s.crises.find((x) => x.id === c)!.title.ru));
  });

  it('exports a log that replays to the same game', () => {
    const json = reportJson(conf);
    const saved = JSON.parse(json) as { format: number; scenario: string };
    expect(saved).toMatchObject({ format: 1, scenario: s.id });
    const r = replayGame(s, saved);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(contextOf(r.conference)).toEqual(contextOf(conf));
    expect(currentPhase(r.conference)).toBe(currentPhase(conf));
  });
});

// ── a scripted game: what AI games rarely do ────────────────────────────────────────────

const step = (c: Conference, e: unknown): Conference => {
  const r = send(c, e);
  if (!r.ok) throw new Error(`${JSON.stringify(e)}: ${r.reason.en}`);
  return r.conference;
};
const aiUntil = (c: Conference, done: (c: Conference) => boolean): Conference => {
  for (let i = 0; i < 2000 && !done(c); i++) {
    const e = nextAiEvent(c, { difficulty: 'normal' });
    if (!e) break;
    c = step(c, e);
  }
  return c;
};

describe('report of a scripted game with announcements, points, motions, offers and a pause', () => {
  const s = readScenario('tsakhkadzor-2018');
  const first = s.agenda[0]!.proposals[0]!;
  let c = startConference(s, { seed: 5, profile: 'consensus' });
  c = step(c, {
    type: 'chair.announce',
    seat: 'chair',
    text: { en: 'Welcome to Tsaghkadzor.', ru: 'Добро пожаловать в Цахкадзор.' },
  });
  c = aiUntil(c, (x) => currentPhase(x) === 'floor.item.debate.formal');
  c = step(c, {
    type: 'delegate.makeOffer',
    seat: 'ru',
    to: 'by',
    give: [{ type: 'capital', amount: 5 }],
    want: [{ type: 'vote', proposal: first, choice: 'yes' }],
  });
  c = step(c, { type: 'delegate.acceptOffer', seat: 'by', offer: 0 });
  c = step(c, {
    type: 'delegate.raisePoint',
    seat: 'kz',
    point: 'information',
    text: 'Who pays for the sensors?',
  });
  c = step(c, { type: 'chair.rulePoint', seat: 'chair', ruling: 'answered' });
  c = step(c, {
    type: 'delegate.move',
    seat: 'kg',
    motion: { kind: 'moderatedCaucus', minutes: 2, speakingSeconds: 30 },
  });
  c = step(c, { type: 'chair.putMotion', seat: 'chair', index: 0 });
  for (const d of ['ru', 'by', 'kz', 'kg', 'tj', 'am'])
    c = step(c, { type: 'delegate.voteMotion', seat: d, choice: d === 'am' ? 'no' : 'yes' });
  c = step(c, { type: 'chair.closeMotionVote', seat: 'chair' });
  c = step(c, { type: 'chair.pause', seat: 'chair' });
  c = step(c, { type: 'chair.resume', seat: 'chair' });
  c = step(c, { type: 'delegate.message', seat: 'ru', to: 'by', text: 'Thank you.' });
  c = step(c, { type: 'clock.tick', seat: 'clock', seconds: 120 });
  const midway = c;
  c = autoplay(c, { difficulty: 'normal' }).conference;

  it('puts them on the timeline, with the clock, in both languages', () => {
    const n = (id: string) => s.delegations.find((d) => d.id === id)!.name.en;
    const en = reportMarkdown(s, c, 'en');
    const timeline = section(en, EN.sec_timeline);
    expect(timeline).toContain('1. `00:00` Announcement: Welcome to Tsaghkadzor.');
    expect(timeline).toContain(
      `${n('ru')} offered ${n('by')}: gives 5 political capital; asks a vote «yes» on`,
    );
    expect(timeline).toContain(`${n('by')} accepted offer 1 from ${n('ru')}.`);
    expect(timeline).toContain(
      `${n('kz')} raised a point of information: “Who pays for the sensors?”`,
    );
    expect(timeline).toContain(
      `The chair ruled on a point of information by ${n('kz')}: answered.`,
    );
    expect(timeline).toContain(`${n('kg')} moved a moderated caucus (2 min, 30 s speeches).`);
    expect(timeline).toContain(
      `The motion by ${n('kg')} (a moderated caucus (2 min, 30 s speeches)) carried (5 yes, 1 no).`,
    );
    expect(timeline).toContain('The chair paused the conference.');
    expect(timeline).toContain('The chair resumed the conference.');
    expect(timeline).toContain('`02:00` The caucus ended');
    expect(timeline).not.toContain('Thank you.'); // private messages stay private
    const said = section(en, EN.sec_saidDid);
    expect(said).toContain(`Offer 1 to ${n('by')}: gives 5 political capital`);
    expect(said).toMatch(
      new RegExp(`Promised ${n('ru')}: a vote «yes» on .* — \\*\\*(kept|broken)\\*\\*`),
    );
    const ru = reportMarkdown(s, c, 'ru');
    expect(section(ru, reportWordTable('ru').sec_timeline)).toContain(
      '1. `00:00` Объявление: Добро пожаловать в Цахкадзор.',
    );
  });

  it('reports an unfinished game as it stood', () => {
    const doc = buildReport(s, midway, 'en');
    expect(doc.sections.map((x) => x.id)).toEqual([
      'outcomes',
      'timeline',
      'votes',
      'crises',
      'what-if',
      'metrics',
      'said-did',
      'scores',
      'history',
    ]);
    const text = reportMarkdown(s, midway, 'en');
    expect(text).toContain(
      `not ended: the report shows the game as it stood after event ${midway.log.length}`,
    );
    expect(text).toContain(EN.noBallots);
    expect(text).toContain(EN.outcome_pending);
    const r = replayGame(s, JSON.parse(reportJson(midway)));
    expect(r.ok && contextOf(r.conference)).toEqual(contextOf(midway));
  });
});
