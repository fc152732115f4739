/**
 * What a change in the conference sounds like: the lines a screen reader hears (who has the floor
 * and what they say, each vote, a ballot's result, a crisis, the chair's news) and the sound cues that go with them
 * (each with its caption). Read from two successive views, so the solo game and a classroom desk,
 * which only ever receives views, hear the same things the same way.
 */
import type { Scenario } from '../../core/scenario';
import type { ConferenceView } from '../../core/views';
import type { Cue } from '../audio/sound';
import { getLang, t, tx, type Key } from '../i18n';
import { ballotResult, ballotTitle, delegationName, statementLines } from './labels';

export interface Heard {
  lines: string[];
  cues: Cue[];
}

type View = Pick<
  ConferenceView,
  | 'speaker'
  | 'statements'
  | 'ballots'
  | 'closed'
  | 'rulings'
  | 'crisis'
  | 'crises'
  | 'announcements'
>;

const sameBallot = (a: View['ballots'][number] | undefined, b: View['ballots'][number]) =>
  a !== undefined && a.kind === b.kind && a.proposal === b.proposal && a.amendment === b.amendment;

const decided = (v: View) => Object.values(v.crises).filter((c) => c.status === 'decided').length;

/** What happened between `prev` and `next` (nothing for the first view: it is not news). */
export const heardBetween = (prev: View | null, next: View, s: Scenario): Heard => {
  const lines: string[] = [];
  const cues: Cue[] = [];
  if (!prev) return { lines, cues };
  const name = (id: string) => delegationName(id, s);

  if (next.speaker && next.speaker.delegation !== prev.speaker?.delegation)
    lines.push(t('announceSpeaker', { name: name(next.speaker.delegation) }));
  // What the speaker said, with the position taken, as the hall shows it.
  for (const st of next.statements.slice(prev.statements.length)) {
    const { position, said } = statementLines(st, s, getLang());
    lines.push(`${name(st.by)}: ${[position, said].filter(Boolean).join('. ')}`);
  }

  next.ballots.forEach((b, i) => {
    const before = sameBallot(prev.ballots[i], b) ? prev.ballots[i]!.votes : {};
    for (const [seat, choice] of Object.entries(b.votes)) {
      if (before[seat]) continue;
      lines.push(t('announceVote', { name: name(seat), choice: t(`choiceWord_${choice}` as Key) }));
      cues.push('voteChime');
    }
  });

  const newlyClosed = next.closed.slice(prev.closed.length);
  const gavels =
    newlyClosed.length +
    Math.max(0, next.rulings.length - prev.rulings.length) +
    Math.max(0, decided(next) - decided(prev));
  if (gavels > 0) cues.push('gavel');
  for (const b of newlyClosed) {
    lines.push(
      t('announceBallot', {
        what: ballotTitle(b, s),
        res: ballotResult(b),
      }),
    );
    if (b.kind === 'proposal' && b.decision.adopted) cues.push('applause');
  }

  const c = next.crisis;
  if (
    c &&
    next.crises[c]?.status === 'open' &&
    (prev.crisis !== c || prev.crises[c]?.status !== 'open')
  ) {
    const crisis = s.crises.find((x) => x.id === c);
    if (crisis) lines.push(t('announceCrisis', { title: tx(crisis.title) }));
    cues.push('crisisAlert');
  }

  for (const a of next.announcements.slice(prev.announcements.length)) lines.push(tx(a.text));
  return { lines, cues };
};
