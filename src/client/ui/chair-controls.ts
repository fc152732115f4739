/** The chair's controls for the current phase: the same for the facilitator and the trainee. */
import type { Scenario } from '../../core/scenario';
import type { ConferenceView } from '../../core/views';
import { t, tx, type Key } from '../i18n';
import { button, confirmAction, h } from './dom';
import { delegationName } from './labels';

export const chairControls = (
  v: ConferenceView,
  s: Scenario,
  chair: (type: string, extra?: Record<string, unknown>) => void,
  extras: Node[] = [],
): Node[] => {
  const name = (id: string) => delegationName(id, s);
  const b = (label: Key, type: string, extra: Record<string, unknown> = {}, id = type) =>
    button(t(label), () => chair(type, extra), {
      'data-key': id,
      id: `ctl-${id.replace(/\./g, '-')}`,
    });
  const out: Node[] = [h('h2', { id: 'h-controls' }, t('chairControls'))];
  const p = v.phase;
  const row: Node[] = [];
  if (p === 'rollCall.waiting') row.push(b('openRollCall', 'chair.openRollCall'));
  if (p === 'rollCall.open') row.push(b('closeRollCall', 'chair.closeRollCall'));
  if (p === 'agenda') row.push(b('adoptAgenda', 'chair.adoptAgenda'));
  if (p.startsWith('floor.item.debate')) {
    if (v.speakers.length && !v.speaker)
      for (const sp of v.speakers)
        row.push(
          button(
            `${t('recognize')}: ${name(sp)}`,
            () => chair('chair.recognize', { delegation: sp }),
            { 'data-key': `rec-${sp}` },
          ),
        );
    if (v.speaker) row.push(b('endSpeech', 'chair.endSpeech'));
    if (v.point)
      for (const r of ['wellTaken', 'notWellTaken', 'answered', 'outOfOrder'] as const)
        row.push(
          button(
            `${t('rule')}: ${t(`ruling_${r}`)}`,
            () => chair('chair.rulePoint', { ruling: r }),
            { 'data-key': `rule-${r}` },
          ),
        );
    v.motions.forEach((m, i) => {
      row.push(
        button(
          `${t('putMotion')}: ${t(`motion_${m.motion.kind}` as Key)} (${name(m.by)})`,
          () => chair('chair.putMotion', { index: i }),
          { 'data-key': `put-${i}` },
        ),
      );
      row.push(
        button(
          `${t('outOfOrder')}: ${t(`motion_${m.motion.kind}` as Key)}`,
          () => chair('chair.ruleMotionOutOfOrder', { index: i }),
          { 'data-key': `ooo-${i}` },
        ),
      );
    });
    if (v.motionVote) row.push(b('closeMotionVote', 'chair.closeMotionVote'));
    if (!v.speaker && !v.caucus && !v.motionVote) row.push(b('openVoting', 'chair.openVoting'));
  }
  if (p === 'floor.item.voting') row.push(b('closeBallot', 'chair.closeBallot'));
  if (p === 'floor.item.outcome' || p === 'crisis.decided')
    row.push(b('nextItem', 'chair.nextItem'));
  if (p === 'crisis.responses') row.push(b('closeResponses', 'chair.closeResponses'));
  // Paused, only the news, Resume and the end work: the procedure's buttons would be refused.
  if (v.paused) out.push(h('p', { class: 'notice-info', id: 'ctl-paused' }, t('pausedChair')));
  else out.push(h('div', { class: 'buttons' }, ...row));
  if (p.startsWith('floor.') && !v.crisis && !v.paused) {
    const pending = s.crises.filter((c) => !v.crises[c.id]);
    const voting = v.ballot < v.ballots.length;
    if (pending.length) {
      const sel = h(
        'select',
        { id: 'ctl-crisis', 'aria-label': t('injectCrisis'), 'data-key': 'ctl-crisis' },
        ...pending.map((c) => h('option', { value: c.id }, tx(c.title))),
      );
      out.push(
        h(
          'div',
          { class: 'inline' },
          sel,
          button(t('injectCrisis'), () => chair('chair.injectCrisis', { crisis: sel.value }), {
            id: 'ctl-inject',
            // Keyed (as every control here): the focus stays on it when the panel is drawn anew.
            'data-key': 'ctl-inject',
            // Not during a vote (the rules refuse it): the button says when it will work.
            ...(voting ? { disabled: true, 'aria-describedby': 'ctl-inject-note' } : {}),
          }),
        ),
      );
      if (voting) out.push(h('p', { class: 'help', id: 'ctl-inject-note' }, t('injectAfterVote')));
    }
  }
  // Keyed, so what the chair is typing survives the panel being drawn anew as delegations move.
  const news = h('input', {
    id: 'ctl-news',
    maxlength: 300,
    'data-key': 'ctl-news',
  });
  out.push(
    h(
      'form',
      {
        class: 'inline',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const text = news.value.trim();
          // Emptied before the event, whose answer draws the panel anew.
          news.value = '';
          if (text) chair('chair.announce', { text: { en: text, ru: text } });
        },
      },
      // A visible label: an empty box beside "Announce" did not say what it was for.
      h('label', { for: 'ctl-news', class: 'block-label' }, t('news')),
      news,
      h(
        'button',
        { type: 'submit', id: 'ctl-announce', 'data-key': 'ctl-announce' },
        t('announce'),
      ),
    ),
  );
  out.push(
    h(
      'div',
      { class: 'buttons' },
      v.paused ? b('resume', 'chair.resume') : b('pause', 'chair.pause'),
      // Asked twice: a slip here would end the session for the whole class.
      confirmAction(
        'ctl-end',
        t('endConference'),
        t('endConfirm'),
        b('endConfirmYes', 'chair.endConference'),
        t('keepGoing'),
      ),
      ...extras,
    ),
  );
  return out;
};
