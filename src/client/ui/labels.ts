/**
 * How the game names things on screen, the same in the desk, the hall, the map, the debrief, the
 * replay and what a screen reader hears: phases, the clock, proposals, ballots and statements.
 */
import type { Term } from '../../core/events';
import { amendmentOf, RESPONSE_KINDS, type Scenario } from '../../core/scenario';
import type { CrisisState } from '../../core/state';
import { isBilingualSpeech, speechIn } from '../../core/speech';
import type { Statement } from '../../core/state';
import { codeAndTitle, dateText, getLang, t, tx, type Key } from '../i18n';
import { h } from './dom';

/**
 * A statement as read: the position it takes ("For: K1 …"), unless its words already say it (an
 * AI delegation's always do), and the words in the interface's language.
 */
export const statementLines = (
  st: Statement,
  s: Scenario,
  lang: 'en' | 'ru',
): { position: string | null; said: string | null } => {
  const on = st.proposal ? `: ${proposalLabel(st.proposal, s)}` : '';
  const position = `${t(`pos_${st.stance}`)}${on}`;
  if (!st.text) return { position, said: null };
  return {
    position: isBilingualSpeech(st.text) ? null : position,
    said: speechIn(st.text, lang),
  };
};

/** A delegation as the game names it (its id, if the scenario has no such delegation). */
export const delegationName = (id: string, s: Scenario): string => {
  const d = s.delegations.find((x) => x.id === id);
  return d ? tx(d.name) : id;
};

/** A proposal as the game names it: its code and title ("1a Touch sensors…"). */
export const proposalLabel = (id: string, s: Scenario): string => {
  const p = s.proposals.find((x) => x.id === id);
  return p ? codeAndTitle(p.code, tx(p.title), getLang()) : id;
};

/**
 * A term of an offer or a commitment, as the desk's negotiation form, the commitments and the
 * debrief name it ("a vote «yes» on 1a …", "standing aside on 1a …", "support for the amendment
 * «…» to 1a …").
 */
export const termLabel = (term: Term, s: Scenario): string => {
  switch (term.type) {
    case 'vote':
      return t(term.choice === 'yes' ? 'term_voteYes' : 'term_standAside', {
        p: proposalLabel(term.proposal, s),
      });
    case 'response': {
      const crisis = s.crises.find((c) => c.id === term.crisis);
      return t('term_response', {
        r: t(`resp_${term.atLeast}`),
        c: crisis ? tx(crisis.title) : term.crisis,
      });
    }
    case 'capital':
      return t('term_capital', { n: term.amount });
    case 'amendment': {
      const a = amendmentOf(s, term.proposal, term.amendment);
      return t('term_amendment', {
        a: a ? tx(a.title) : term.amendment,
        p: proposalLabel(term.proposal, s),
      });
    }
  }
};

/**
 * The council's decision on a crisis (its level, whether the request was honoured, whether the
 * requester froze its participation) and each member's answer, as the desk's crisis panel and the
 * debrief show them.
 */
export const crisisOutcome = (
  c: Pick<CrisisState, 'level' | 'honoured' | 'froze' | 'responses'>,
  requester: string,
  name: (id: string) => string,
): HTMLElement[] => [
  h(
    'p',
    { class: 'result' },
    t('crisisDecided', {
      level: c.level >= 1 ? t(`resp_${RESPONSE_KINDS[c.level + 1]!}`) : t('level_none'),
      h: c.honoured ? t('honoured') : t('notHonoured'),
    }),
    c.froze ? ` ${t('froze', { req: name(requester) })}` : '',
  ),
  h(
    'ul',
    {},
    ...Object.entries(c.responses).map(([m, r]) => h('li', {}, `${name(m)}: ${t(`resp_${r}`)}`)),
  ),
];

/**
 * What a ballot decides, as the hall and the desk name it: the proposal ("1a Touch sensors…"), or
 * an amendment to it ("Amendment «…» to 1a …"), which is voted on before the proposal.
 */
export const ballotTitle = (
  b: { kind: string; proposal: string; amendment?: string },
  s: Scenario,
): string => {
  const name = proposalLabel(b.proposal, s);
  if (b.kind !== 'amendment') return name;
  const a = amendmentOf(s, b.proposal, b.amendment);
  return t('amendmentTitle', { a: a ? tx(a.title) : (b.amendment ?? ''), p: name });
};

/** A closed ballot's result in a word ("поправка" is feminine in Russian: "принята"). */
export const ballotResult = (b: { kind: string; decision: { adopted: boolean } }): string =>
  b.kind === 'amendment'
    ? t(b.decision.adopted ? 'amend_adopted' : 'amend_rejected')
    : t(b.decision.adopted ? 'adopted' : 'notAdopted');

export const phaseKey = (phase: string): Key => {
  if (phase.startsWith('rollCall')) return 'ph_rollCall';
  if (phase === 'agenda') return 'ph_agenda';
  if (phase.endsWith('debate.formal')) return 'ph_formal';
  if (phase.endsWith('moderated') && !phase.endsWith('unmoderated')) return 'ph_moderated';
  if (phase.endsWith('unmoderated')) return 'ph_unmoderated';
  if (phase.endsWith('motionVote')) return 'ph_motionVote';
  if (phase.endsWith('voting')) return 'ph_voting';
  if (phase.endsWith('outcome')) return 'ph_outcome';
  if (phase === 'crisis.responses') return 'ph_crisis';
  if (phase === 'crisis.decided') return 'ph_crisisDecided';
  return 'ph_debrief';
};

/** The phase in words, marked while the chair has paused the conference. */
export const phaseText = (phase: string, paused: boolean): string =>
  paused ? t('ph_paused', { phase: t(phaseKey(phase)) }) : t(phaseKey(phase));

export const clockText = (s: number) =>
  `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/** A source as a link that opens in a new tab: "Publisher: Title (date)". */
export const sourceLink = (scenario: Scenario, id: string): Node | string => {
  const s = scenario.sources.find((x) => x.id === id);
  return s
    ? h(
        'a',
        { href: s.url, rel: 'noreferrer', target: '_blank' },
        `${s.publisher ? `${s.publisher}: ` : ''}${s.title} (${dateText(s.date)})`,
      )
    : id;
};

/** Sources in brackets after a claim: " [a; b]". */
export const sourceList = (scenario: Scenario, ids: readonly string[]): HTMLElement =>
  h(
    'span',
    { class: 'sources' },
    ` [`,
    ...ids.flatMap((id, i) => (i ? ['; ', sourceLink(scenario, id)] : [sourceLink(scenario, id)])),
    `]`,
  );
