/**
 * The debrief: outcomes of each proposal and crisis, scores and awards, objectives, the metric
 * history as a chart (with its data as a table), said versus did, what actually happened with
 * sources, and how the outcome would have differed under another procedure profile.
 */
import { AWARD_NAMES, type Debrief } from '../../core/debrief';
import { PROFILES } from '../../core/profiles';
import { METRICS, type Scenario } from '../../core/scenario';
import { dateHeading, dateText, getLang, t, tx, type Key } from '../i18n';
import { h, scrollBox, tableHead } from './dom';
import { crisisOutcome, proposalLabel, sourceList as sourcesOf, termLabel } from './labels';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag: string, attrs: Record<string, string | number>) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
};
/** Line styles differ by dash pattern and marker, not colour alone. */
const DASH = ['', '6 3', '2 3', '10 3 2 3', '1 5'];
const MARK = ['circle', 'rect', 'diamond', 'triangle', 'cross'];

const chart = (history: { label: string; metrics: Record<string, number> }[]): Node => {
  const W = 640;
  const H = 260;
  const pad = 36;
  const n = Math.max(1, history.length - 1);
  const x = (i: number) => pad + (i * (W - 2 * pad)) / n;
  const y = (v: number) => H - pad - (v * (H - 2 * pad)) / 100;
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    class: 'chart',
    'aria-labelledby': 'chart-title',
  });
  const title = svg('title', { id: 'chart-title' });
  title.textContent = t('metricHistory');
  root.append(title);
  for (const v of [0, 25, 50, 75, 100]) {
    root.append(svg('line', { x1: pad, x2: W - pad, y1: y(v), y2: y(v), class: 'grid' }));
    const tl = svg('text', { x: 4, y: y(v) + 4, class: 'axis' });
    tl.textContent = String(v);
    root.append(tl);
  }
  METRICS.forEach((m, k) => {
    const pts = history.map((p, i) => `${x(i)},${y(p.metrics[m] ?? 0)}`).join(' ');
    root.append(
      svg('polyline', {
        points: pts,
        class: `series s${k}`,
        'stroke-dasharray': DASH[k]!,
        fill: 'none',
      }),
    );
    history.forEach((p, i) => {
      const cx = x(i);
      const cy = y(p.metrics[m] ?? 0);
      const shape = MARK[k];
      const el =
        shape === 'circle'
          ? svg('circle', { cx, cy, r: 3.5 })
          : shape === 'rect'
            ? svg('rect', { x: cx - 3, y: cy - 3, width: 6, height: 6 })
            : shape === 'diamond'
              ? svg('polygon', {
                  points: `${cx},${cy - 4} ${cx + 4},${cy} ${cx},${cy + 4} ${cx - 4},${cy}`,
                })
              : shape === 'triangle'
                ? svg('polygon', {
                    points: `${cx},${cy - 4} ${cx + 4},${cy + 3} ${cx - 4},${cy + 3}`,
                  })
                : svg('path', {
                    d: `M${cx - 3},${cy - 3}L${cx + 3},${cy + 3}M${cx - 3},${cy + 3}L${cx + 3},${cy - 3}`,
                  });
      el.setAttribute('class', `mark s${k}`);
      root.append(el);
    });
  });
  const legend = h(
    'ul',
    { class: 'legend' },
    ...METRICS.map((m, k) =>
      h(
        'li',
        { class: `s${k}` },
        h('span', { class: `swatch s${k}`, 'data-shape': MARK[k]! }),
        t(`metric_${m}` as Key),
      ),
    ),
  );
  const table = h(
    'table',
    { class: 'data' },
    h('caption', {}, t('metricHistory')),
    tableHead([t('step'), ...METRICS.map((m) => t(`metric_${m}` as Key))]),
    h(
      'tbody',
      {},
      ...history.map((p) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, p.label),
          ...METRICS.map((m) => h('td', {}, String(p.metrics[m]))),
        ),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'metric-chart' },
    root,
    legend,
    h('details', {}, h('summary', {}, t('dataTable')), table),
  );
};

export const renderDebrief = (
  d: Debrief,
  scenario: Scenario,
  seats: readonly string[],
  actions: Node,
  /** The delegations marked "(you)": by default those whose objectives may be read. */
  yours: readonly string[] = seats,
): HTMLElement => {
  const name = (id: string) =>
    tx(
      scenario.delegations.find((x) => x.id === id)?.name ??
        scenario.actors.find((x) => x.id === id)?.name ??
        (id === 'csto' ? { en: 'CSTO', ru: 'ОДКБ' } : { en: id, ru: id }),
    );
  const termText = (term: Debrief['commitments'][number]['term']) => termLabel(term, scenario);
  const ptitle = (id: string) => proposalLabel(id, scenario);
  const sourceList = (ids: string[]) => sourcesOf(scenario, ids);
  const mayRead = (id: string) => seats.includes(id);

  const outcomes = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'd-outcomes' },
    h('h2', { id: 'd-outcomes' }, t('outcomes')),
    h(
      'ul',
      {},
      ...scenario.proposals.map((p) => {
        const o = d.outcomes[p.id];
        const ballot = d.ballots.find((b) => b.kind === 'proposal' && b.proposal === p.id);
        const aside = ballot
          ? Object.entries(ballot.votes)
              .filter(([, v]) => v === 'standAside' || v === 'abstain')
              .map(([k]) => name(k))
          : [];
        return h(
          'li',
          {},
          h('strong', {}, ptitle(p.id)),
          ': ',
          o
            ? o.postponed
              ? t('postponed')
              : o.adopted
                ? `✓ ${t('adopted')}`
                : `✕ ${t('notAdopted')}`
            : `— ${t('notVotedOn')}`,
          o && o.blockers.length
            ? ` (${t(o.blockers.length === 1 ? 'blockedBy' : 'blockedByMany', { who: o.blockers.map(name).join(', ') })})`
            : '',
          aside.length ? ` (${t('standingAside', { who: aside.join(', ') })})` : '',
        );
      }),
    ),
    ...Object.entries(d.crises).map(([id, c]) => {
      const cr = scenario.crises.find((x) => x.id === id)!;
      return h(
        'div',
        { class: 'crisis-outcome' },
        h('h3', {}, `${t('crisis')}: ${tx(cr.title)}`),
        ...crisisOutcome(c, cr.requester, name),
      );
    }),
  );

  const scores = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'd-scores' },
    h('h2', { id: 'd-scores' }, t('scores')),
    scrollBox(
      t('scores'),
      h(
        'table',
        {},
        tableHead([
          t('delegation'),
          t('objectivePts'),
          t('alliancePts'),
          t('reputationPts'),
          t('total'),
        ]),
        h(
          'tbody',
          {},
          ...[...d.scores]
            .sort((a, b) => b.total - a.total)
            .map((s) =>
              h(
                'tr',
                {},
                h(
                  'th',
                  { scope: 'row' },
                  `${name(s.delegation)}${yours.includes(s.delegation) ? ` (${t('you')})` : ''}`,
                ),
                h('td', {}, String(s.objectivePoints)),
                h('td', {}, String(s.alliancePoints)),
                h('td', {}, String(s.reputationPoints)),
                h('td', {}, String(s.total)),
              ),
            ),
        ),
      ),
    ),
    h('h3', {}, t('awards')),
    h(
      'ul',
      {},
      ...d.awards.map((a) =>
        h(
          'li',
          {},
          h('strong', {}, tx(AWARD_NAMES[a.award])),
          `: ${name(a.delegation)} — ${tx(a.reason)}`,
        ),
      ),
    ),
    ...d.scores
      .filter((s) => mayRead(s.delegation))
      .map((s) =>
        h(
          'div',
          {},
          h('h3', {}, `${t('objectives')}: ${name(s.delegation)}`),
          h(
            'ul',
            { class: 'objectives' },
            ...s.objectives.map((o) =>
              h(
                'li',
                { class: `objective ${o.status}` },
                `${o.status === 'met' ? '✓' : '✕'} ${tx(o.text)} — ${t(`st_${o.status}` as Key)} (${t('points', { n: o.points })})`,
              ),
            ),
          ),
        ),
      ),
  );

  const said = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'd-said' },
    h('h2', { id: 'd-said' }, t('saidDid')),
    d.saidVersusDid.length
      ? scrollBox(
          t('saidDid'),
          h(
            'table',
            {},
            tableHead([t('delegation'), t('onProposal'), t('said'), t('did'), '']),
            h(
              'tbody',
              {},
              ...d.saidVersusDid.map((s) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, name(s.delegation)),
                  h('td', {}, ptitle(s.proposal)),
                  h('td', {}, t(`stance_${s.said}` as Key)),
                  h(
                    'td',
                    {},
                    s.did === 'notVoting' ? t('didNotVote') : t(`choiceWord_${s.did}` as Key),
                  ),
                  h('td', {}, s.consistent ? `✓ ${t('consistent')}` : `✕ ${t('inconsistent')}`),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, '—'),
    d.commitments.length
      ? h(
          'ul',
          {},
          ...d.commitments.map((c) =>
            h(
              'li',
              {},
              `${name(c.by)} → ${name(c.to)}: ${termText(c.term)} [${t(`cm_${c.status}` as Key)}]`,
            ),
          ),
        )
      : null,
  );

  const whatIf = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'd-whatif' },
    h('h2', { id: 'd-whatif' }, t('whatIf')),
    h(
      'ul',
      {},
      ...d.whatIf.map((w) => {
        const p = tx(PROFILES[w.profile].name);
        if (!w.proposals.length && !w.crises.length) return h('li', {}, t('whatIfSame', { p }));
        return h(
          'li',
          {},
          ...w.proposals.map((x) =>
            h(
              'span',
              {},
              t('whatIfProposal', {
                p,
                what: ptitle(x.proposal),
                res: x.adopted ? t('wouldPass') : t('wouldFail'),
              }),
              ' ',
            ),
          ),
          ...w.crises.map((x) =>
            h(
              'span',
              {},
              `${p}: ${tx(scenario.crises.find((c) => c.id === x.crisis)!.title)} — ${x.honoured ? t('honoured') : t('notHonoured')} `,
            ),
          ),
        );
      }),
    ),
  );

  const history = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'd-history' },
    h('h2', { id: 'd-history' }, t('whatHappened')),
    h(
      'ul',
      {},
      ...scenario.debrief.history.map((n) =>
        h(
          'li',
          {},
          h('strong', {}, dateHeading(n.date, getLang())),
          ` — ${tx(n.text)}`,
          sourceList(n.sources),
        ),
      ),
    ),
    scenario.debrief.positions.length
      ? [
          h('h3', {}, t('positions')),
          h(
            'ul',
            {},
            ...scenario.debrief.positions.map((p) =>
              h(
                'li',
                {},
                h('strong', {}, `${name(p.party)} (${dateText(p.date)})`),
                `: ${tx(p.text)}`,
                sourceList(p.sources),
              ),
            ),
          ),
        ]
      : null,
    scenario.debrief.corrections.length
      ? [
          h('h3', {}, t('corrections')),
          h(
            'ul',
            {},
            ...scenario.debrief.corrections.map((c) =>
              h(
                'li',
                {},
                h('em', {}, tx(c.claim)),
                ` → ${tx(c.correction)}`,
                sourceList(c.sources),
              ),
            ),
          ),
        ]
      : null,
    scenario.debrief.simplifications.length
      ? [
          h('h3', {}, t('simplifications')),
          h('ul', {}, ...scenario.debrief.simplifications.map((s) => h('li', {}, tx(s)))),
        ]
      : null,
  );

  return h(
    'main',
    { class: 'debrief', id: 'main', tabindex: '-1' },
    h('h1', {}, `${t('debrief')}: ${tx(scenario.title)}`),
    actions,
    outcomes,
    scores,
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'd-chart' },
      h('h2', { id: 'd-chart' }, t('metricHistory')),
      chart(d.history),
    ),
    said,
    whatIf,
    history,
  );
};
