/** From a seat's view to what the Phaser scenes draw (plain data, already translated). */
import type { ConferenceView } from '../core/views';
import type { Scenario } from '../core/scenario';
import { METRICS } from '../core/scenario';
import { t, tx, type Key } from './i18n';
import type { HallModel, MapModel, Theme } from './scenes/types';
import { ballotResult, ballotTitle, phaseText, statementLines } from './ui/labels';

const COUNTRY_IDS = new Set([
  'ru',
  'by',
  'kz',
  'kg',
  'tj',
  'am',
  'az',
  'ge',
  'tr',
  'ir',
  'af',
  'uz',
  'tm',
  'cn',
  'mn',
  'ua',
  'pl',
  'lt',
  'lv',
  'ee',
  'us',
]);

export const hallModel = (
  v: ConferenceView,
  s: Scenario,
  theme: Theme,
  players: readonly string[],
): HallModel => {
  const lang = document.documentElement.lang === 'ru' ? 'ru' : 'en';
  // What the speaker said in this turn: nothing yet until the statement is made (an earlier
  // statement of the same delegation is not this one).
  const speech = v.speaker?.spoke
    ? [...v.statements].reverse().find((x) => x.by === v.speaker!.delegation)
    : undefined;
  const speechLine = (): string => {
    if (!speech) return t('preparingStatement');
    const { position, said } = statementLines(speech, s, lang);
    return [position, said].filter(Boolean).join('\n');
  };
  const ballot =
    v.ballots[v.ballot] ??
    (v.phase.endsWith('outcome') ? v.ballots[v.ballots.length - 1] : undefined);
  const closed = ballot
    ? v.closed.find(
        (c) =>
          c.seq > 0 &&
          c.proposal === ballot.proposal &&
          c.kind === ballot.kind &&
          c.amendment === ballot.amendment,
      )
    : undefined;
  const members = s.delegations.filter((d) => d.role === 'member');
  const latest = v.announcements[v.announcements.length - 1];
  const news =
    latest && latest.seq > (v.statements[v.statements.length - 1]?.seq ?? -1)
      ? { label: t('chairNews'), text: tx(latest.text) }
      : null;
  return {
    theme,
    title: tx(s.title),
    phaseLabel: phaseText(v.phase, v.paused),
    seats: s.delegations.map((d) => {
      const st = v.delegations[d.id]!;
      return {
        id: d.id,
        name: tx(d.name),
        status: st.frozen
          ? t('status_frozen')
          : st.presence === 'absent'
            ? t('status_absent')
            : t('status_present'),
        frozen: st.frozen,
        absent: st.presence === 'absent',
        isPlayer: players.includes(d.id),
      };
    }),
    speaker: v.speaker
      ? {
          seat: v.speaker.delegation,
          text: speechLine(),
          remaining: Math.max(0, v.speaker.remaining),
          total: v.caucus?.kind === 'moderated' ? v.caucus.speakingSeconds : v.speakingTime,
        }
      : null,
    news,
    gauges: METRICS.map((m) => ({ id: m, label: t(`metric_${m}` as Key), value: v.metrics[m] })),
    ballot: ballot
      ? {
          title: ballotTitle(ballot, s),
          marks: members.map((d) => {
            const c = (closed ?? ballot).votes[d.id] ?? null;
            return { seat: d.id, choice: c, label: t(`choiceWord_${c ?? 'none'}` as Key) };
          }),
          result: closed ? ballotResult(closed) : null,
        }
      : null,
    gavel:
      v.closed.length +
      v.rulings.length +
      Object.values(v.crises).filter((c) => c.status === 'decided').length,
    clock: v.clock,
  };
};

export const mapModel = (v: ConferenceView, s: Scenario, theme: Theme): MapModel => {
  const crisisId = v.crisis ?? Object.keys(v.crises).slice(-1)[0];
  const crisis = crisisId ? s.crises.find((c) => c.id === crisisId) : undefined;
  return {
    theme,
    title: tx(s.title),
    members: s.delegations
      .filter((d) => d.role === 'member')
      .map((d) => ({
        id: d.id,
        name: v.delegations[d.id]!.frozen ? `${tx(d.name)} (${t('status_frozen')})` : tx(d.name),
        frozen: v.delegations[d.id]!.frozen,
      })),
    actors: s.actors.map((a) => ({
      id: a.id,
      name: tx(a.name),
      ...(COUNTRY_IDS.has(a.id) ? { iso2: a.id } : {}),
    })),
    crisis: crisis
      ? { name: tx(crisis.location.name), lon: crisis.location.lon, lat: crisis.location.lat }
      : null,
  };
};
