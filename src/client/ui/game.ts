/**
 * The conference screen's semantic DOM layer: agenda, floor, your move, crisis, negotiation,
 * brief and the "why?" log. It renders the seat's view and turns input into events; the core
 * decides everything.
 */
import { amendmentsNow, proposalUtility, responseUtility } from '../../core/ai/utility';
import type { SendResult } from '../../core/conference';
import { makeEnv, type Env } from '../../core/rules/common';
import { effectiveStakes } from '../../core/rules/voting';
import type { ConferenceContext } from '../../core/state';
import { motionOfKind, type Factor, type MotionKind, type Term } from '../../core/events';
import { PROFILES } from '../../core/profiles';
import { amendmentOf, responseLevel, type Scenario, type Text } from '../../core/scenario';
import type { ConferenceView } from '../../core/views';
import { dateText, getLang, signedIn, t, tx, type Key } from '../i18n';
import { Namer } from '../report';
import { h, button, replaceKeepingFocus, scrollBox, tableHead } from './dom';
import {
  ballotTitle,
  clockText,
  crisisOutcome,
  delegationName,
  proposalLabel,
  sourceList,
  statementLines,
  termLabel,
} from './labels';

/** An event sent to the server, whose answer comes later. */
export interface Pending {
  ok: true;
  pending: number;
}

export interface GameScreenDeps {
  scenario: Scenario;
  /** Private channels (network sessions): messages to delegations and to one's own team. */
  messaging?: boolean;
  /**
   * Sends an event. A local game answers at once; a network session answers `pending` with the
   * event's id, and a refusal comes later, to `refused`.
   */
  send: (raw: unknown) => SendResult | Pending;
  seat: () => string;
  /** Says and shows a refusal. */
  refused: (text: string) => void;
}

/** A text's paragraphs (YAML keeps a blank line between them as a line break). */
const paragraphs = (text: string): string[] =>
  text
    .split(/\n+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A weight as shown: `+0.41`, `−0,41` in Russian. */
const fmt = (x: number) => signedIn(x, getLang(), 2);
const factorList = (fs: Factor[]) =>
  h(
    'ul',
    { class: 'factors' },
    ...fs.map((f) =>
      h(
        'li',
        {},
        `${tx(f.label)} `,
        h('span', { class: f.value >= 0 ? 'pos' : 'neg' }, fmt(f.value)),
      ),
    ),
  );

interface Option {
  id: string;
  label: string;
}

/** A list to choose from, showing `value`; a new choice goes to `onChange` (a draft's field). */
const choice = (
  id: string,
  value: string,
  options: readonly Option[],
  onChange: (x: string) => void,
): HTMLSelectElement =>
  h(
    'select',
    {
      id,
      'data-key': id,
      // Its value comes from the draft, not from what the panel showed before.
      'data-draft': true,
      onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value),
    },
    ...options.map((o) =>
      h('option', { value: o.id, selected: o.id === value ? true : null }, o.label),
    ),
  );

/**
 * In a text box: Enter starts a new line; Ctrl+Enter (⌘+Enter) sends its form, as in most chat
 * boxes (the statement box and the message box alike).
 */
const sendOnCtrlEnter = (e: Event): void => {
  const k = e as KeyboardEvent;
  if (k.key !== 'Enter' || !(k.ctrlKey || k.metaKey)) return;
  k.preventDefault();
  (k.target as HTMLTextAreaElement).form?.requestSubmit();
};

/**
 * The desk's keyboard shortcuts, wherever a desk is on screen (solo, hot-seat, a classroom desk):
 * G goes to "Your move"; Y, N and A vote yes, no and stand aside (abstain where the procedure has
 * no standing aside). Returns whether the key was one of them.
 */
export const deskShortcut = (k: string): boolean => {
  if (k === 'g') {
    document.getElementById('panel-actions')?.focus();
    return true;
  }
  const vote = ({ y: 'yes', n: 'no', a: 'standAside' } as Record<string, string>)[k];
  if (!vote) return false;
  const btn =
    document.querySelector<HTMLButtonElement>(`#panel-actions [data-vote="${vote}"]`) ??
    (vote === 'standAside'
      ? document.querySelector<HTMLButtonElement>('#panel-actions [data-vote="abstain"]')
      : null);
  btn?.click();
  return true;
};

export class GameScreen {
  readonly root: HTMLElement;
  private panels = new Map<string, { el: HTMLElement; sig: string }>();
  /**
   * The offer being composed. A term chosen that is no longer possible (its proposal voted, its
   * crisis decided, while the player was choosing) is not swapped for another in silence: the
   * field asks for a new choice and `lost` says what went.
   */
  private offerDraft: {
    to: string;
    give: string;
    want: string;
    /** What went, by field: the delegation's or the term's id (put in words when shown). */
    lost: { to?: string; give?: string; want?: string };
  } = { to: '', give: 'capital:5', want: '', lost: {} };
  /** The message being written: kept while the panel is drawn again (when a message arrives). */
  private messageDraft = { to: 'team', text: '' };
  /**
   * Seats whose player closed the public briefing: it is open for each delegation until its
   * player closes it (it is read first; in hot-seat, each delegation at the device reads it).
   */
  private briefingClosed = new Set<string>();
  /** A message sent over the network and not refused (yet): a refusal gives it back to the box. */
  private messageSent: { id: number; to: string; text: string } | null = null;

  /**
   * Takes over what `other` was composing (the offer's choices, a message being written), when the
   * screen is drawn anew with a new desk for the same game: a change of language, text size or
   * contrast must not lose them.
   */
  takeDraftsFrom(other: GameScreen): void {
    this.offerDraft = other.offerDraft;
    this.messageDraft = other.messageDraft;
    this.briefingClosed = other.briefingClosed;
  }
  /**
   * While a press (a mouse button or a finger) is down in a panel, that panel is not drawn again
   * until the press ends: a click is a press and a release on the same element, and a panel drawn
   * anew in between (another delegation moved meanwhile) would swallow it. A second at most.
   */
  private press: { panel: HTMLElement; at: number } | null = null;
  private held = new Map<string, () => void>();

  constructor(private readonly deps: GameScreenDeps) {
    this.root = h('div', { class: 'game-panels' });
    for (const [id, label] of [
      ['news', 'chairNews'],
      ['crisis', 'crisis'],
      ['actions', 'actions'],
      ['floor', 'speakers'],
      ['agenda', 'agenda'],
      ['record', 'record'],
      ['brief', 'brief'],
      ['negotiation', 'negotiation'],
      ['messages', 'messages'],
      ['why', 'decisions'],
    ] as const) {
      const el = h('section', {
        class: `panel panel-${id}`,
        id: `panel-${id}`,
        'aria-labelledby': `h-${id}`,
        tabindex: '-1',
      });
      el.dataset.label = label;
      this.panels.set(id, { el, sig: '' });
      this.root.append(el);
    }
    this.root.addEventListener('pointerdown', (e) => {
      const panel = e.target instanceof Element ? e.target.closest('.panel') : null;
      this.press = panel instanceof HTMLElement ? { panel, at: performance.now() } : null;
    });
    // After the release's click has been handled.
    const release = () => setTimeout(() => this.release(), 0);
    this.root.addEventListener('pointerup', release);
    this.root.addEventListener('pointercancel', release);
  }

  private release(): void {
    this.press = null;
    const draws = [...this.held.values()];
    this.held.clear();
    for (const draw of draws) draw();
  }

  private name(id: string): string {
    return delegationName(id, this.deps.scenario);
  }
  private proposalTitle(id: string): string {
    return proposalLabel(id, this.deps.scenario);
  }
  private act(raw: Record<string, unknown>): SendResult | Pending {
    const r = this.deps.send({ seat: this.deps.seat(), ...raw });
    if (!r.ok) this.deps.refused(t('refused', { r: tx(r.reason) }));
    return r;
  }

  /**
   * The server refused the event with this id (the reason is announced by the caller). A message
   * refused (the chair muted the player, say) goes back into its box, unless a new one is begun.
   */
  refused(id: number | null): void {
    const m = this.messageSent;
    if (!m || m.id !== id) return;
    this.messageSent = null;
    const draft = this.messageDraft;
    if (draft.text) return;
    Object.assign(draft, { to: m.to, text: m.text });
    const box = this.root.querySelector<HTMLTextAreaElement>('#msg-text');
    const to = this.root.querySelector<HTMLSelectElement>('#msg-to');
    if (box) box.value = m.text;
    if (to && [...to.options].some((o) => o.value === m.to)) to.value = m.to;
  }

  /** Renders every panel whose content changed. */
  private envCache: Env | null = null;

  /** The static rules environment for this scenario and profile. */
  private env(v: ConferenceView): Env {
    if (!this.envCache || this.envCache.profile.id !== v.profile)
      this.envCache = makeEnv(this.deps.scenario, PROFILES[v.profile]);
    return this.envCache;
  }

  /** The little of the context the "what it means for you" figures read, from the seat's view. */
  private ctxOf(v: ConferenceView): ConferenceContext {
    return {
      amendments: v.amendments,
      delegations: Object.fromEntries(
        Object.entries(v.delegations).map(([id, d]) => [id, { capital: d.capital }]),
      ),
    } as unknown as ConferenceContext;
  }

  update(v: ConferenceView): void {
    const seat = v.seat;
    const sig = (x: unknown) => JSON.stringify(x);
    const put = (id: string, signature: string, render: () => (Node | null)[]) => {
      const p = this.panels.get(id)!;
      if (p.sig === signature) return;
      p.sig = signature;
      const draw = () => replaceKeepingFocus(p.el, ...render());
      if (this.press?.panel === p.el && performance.now() - this.press.at < 1000) {
        // Released outside the panels, the press still ends within the second.
        if (!this.held.size) setTimeout(() => this.release(), 1000);
        this.held.set(id, draw);
        return;
      }
      this.held.delete(id);
      draw();
    };
    const lang = document.documentElement.lang;
    put('agenda', sig([lang, v.agenda, v.item, v.outcomes, v.phase, v.amendments]), () =>
      this.agenda(v),
    );
    const decided = Object.values(v.crises).filter((c) => c.status === 'decided').length;
    put('record', sig([lang, v.closed.length, decided]), () => this.record(v));
    put(
      'floor',
      sig([
        lang,
        v.speaker,
        v.speakers,
        v.point,
        v.motions,
        v.motionVote,
        v.caucus,
        v.statements.length,
      ]),
      () => this.floor(v),
    );
    const isDelegation = v.role === 'delegation';
    if (isDelegation)
      put(
        'actions',
        sig([
          lang,
          seat,
          v.phase,
          v.delegations[seat],
          // Who has the floor, not the seconds left: the desk is not drawn anew every second.
          v.speaker && [v.speaker.delegation, v.speaker.spoke],
          v.speakers,
          v.ballots,
          v.ballot,
          v.motionVote,
          v.motions.length,
          v.point,
          v.amendments,
          v.crises,
          v.caucus,
          v.paused,
        ]),
        () => this.actions(v),
      );
    put('news', sig([lang, v.announcements.length]), () => this.news(v));
    put('crisis', sig([lang, v.crisis, v.crises, v.phase]), () => this.crisis(v));
    put('brief', sig([lang, seat, v.briefs]), () => this.brief(v));
    if (isDelegation)
      put(
        'negotiation',
        sig([
          lang,
          seat,
          v.offers,
          v.commitments,
          v.delegations,
          this.offerDraft,
          v.outcomes,
          v.crises,
          v.item,
        ]),
        () => this.negotiation(v),
      );
    put('why', sig([lang, v.decisions.length]), () => this.why(v));
    if (this.deps.messaging && isDelegation)
      put('messages', sig([lang, v.messages, v.seat]), () => this.messages(v));
  }

  private heading(id: string, key: Key) {
    return h('h2', { id: `h-${id}` }, t(key));
  }

  private agenda(v: ConferenceView): Node[] {
    const s = this.deps.scenario;
    const ctx = this.ctxOf(v);
    return [
      this.heading('agenda', 'agenda'),
      h(
        'ol',
        { class: 'agenda' },
        ...v.agenda.map((id, i) => {
          const item = s.agenda.find((a) => a.id === id)!;
          const current = i === v.item && !v.ended;
          return h(
            'li',
            { class: current ? 'current' : '', 'aria-current': current ? 'step' : null },
            h('strong', {}, tx(item.title)),
            current ? h('span', { class: 'tag' }, ` (${t('current')})`) : null,
            h(
              'ul',
              {},
              ...item.proposals.map((p) => {
                const o = v.outcomes[p];
                const res = o
                  ? o.postponed
                    ? t('postponed')
                    : o.adopted
                      ? t('adopted')
                      : t('notAdopted')
                  : '';
                const prop = s.proposals.find((x) => x.id === p)!;
                // The title opens the text that is voted on, who tabled it, whose consent it
                // needs, and the amendments now in it.
                return h(
                  'li',
                  {},
                  h(
                    'details',
                    { class: 'proposal' },
                    h(
                      'summary',
                      { 'data-key': `proposal-${p}` },
                      this.proposalTitle(p),
                      o
                        ? h(
                            'span',
                            { class: `outcome ${o.adopted ? 'yes' : 'no'}` },
                            ` — ${o.adopted ? '✓' : '✕'} ${res}`,
                          )
                        : null,
                    ),
                    ...this.proposalText(p, ctx),
                    prop.sources.length
                      ? h('p', { class: 'help' }, `${t('sources')}:`, sourceList(s, prop.sources))
                      : null,
                    h(
                      'p',
                      { class: 'help' },
                      t('sponsoredBy', { who: this.name(prop.sponsor) }),
                      prop.consent.length
                        ? ` ${t('needsConsent', { who: prop.consent.map((d) => this.name(d)).join(', ') })}`
                        : '',
                    ),
                  ),
                );
              }),
            ),
          );
        }),
      ),
    ];
  }

  /**
   * Every ballot taken so far, newest first, with who voted what, and the council's decision on
   * each crisis: what the hall shows for a moment stays here to be read.
   */
  private record(v: ConferenceView): (Node | null)[] {
    const s = this.deps.scenario;
    const n = new Namer(s, getLang());
    const crises = Object.entries(v.crises).filter(([, c]) => c.status === 'decided');
    const ballots = [...v.closed].reverse();
    return [
      this.heading('record', 'record'),
      ballots.length
        ? h(
            'ul',
            { class: 'record' },
            ...ballots.map((b) =>
              h(
                'li',
                {},
                h('strong', {}, ballotTitle(b, s)),
                ': ',
                h(
                  'span',
                  { class: `outcome ${b.decision.adopted ? 'yes' : 'no'}` },
                  `${b.decision.adopted ? '✓' : '✕'} ${n.ballotResult(b)}`,
                ),
                h('div', { class: 'votes' }, n.voteGroups(b).join(' · ')),
              ),
            ),
          )
        : h('p', {}, t('noRecord')),
      crises.length ? h('h3', {}, t('crisesHeading')) : null,
      crises.length
        ? h(
            'ul',
            { class: 'record' },
            ...crises.map(([id, c]) =>
              h(
                'li',
                {},
                n.crisisDecision(id, c),
                // Each member's answer, sealed until the council decided.
                h(
                  'div',
                  { class: 'votes' },
                  Object.entries(c.responses)
                    .map(([m, r]) => `${this.name(m)}: ${n.response(r)}`)
                    .join(' · '),
                ),
              ),
            ),
          )
        : null,
    ];
  }

  private floor(v: ConferenceView): Node[] {
    const out: Node[] = [this.heading('floor', 'speakers')];
    if (v.speaker)
      out.push(
        h(
          'p',
          { class: 'speaker' },
          t('hasFloor', {
            name: this.name(v.speaker.delegation),
            s: Math.max(0, v.speaker.remaining),
          }),
        ),
      );
    const last = v.statements[v.statements.length - 1];
    if (last && v.speaker?.spoke && v.speaker.delegation === last.by) {
      const { position, said } = statementLines(
        last,
        this.deps.scenario,
        document.documentElement.lang === 'ru' ? 'ru' : 'en',
      );
      out.push(
        h(
          'blockquote',
          { class: 'speech' },
          position && h('p', { class: 'position' }, position),
          said && h('p', {}, said),
        ),
      );
    }
    out.push(
      v.speakers.length
        ? h('ol', { class: 'speakers' }, ...v.speakers.map((s) => h('li', {}, this.name(s))))
        : h('p', {}, t('speakersEmpty')),
    );
    out.push(h('h3', {}, t('pointsMotions')));
    const pending: Node[] = [];
    if (v.point)
      pending.push(h('li', {}, `${this.name(v.point.by)}: ${t(`point_${v.point.point}` as Key)}`));
    for (const m of v.motions)
      pending.push(h('li', {}, `${this.name(m.by)}: ${t(`motion_${m.motion.kind}` as Key)}`));
    if (v.motionVote)
      pending.push(
        h(
          'li',
          {},
          `${t('voteMotion', { m: t(`motion_${v.motionVote.motion.motion.kind}` as Key) })} — ${Object.keys(v.motionVote.votes).length}`,
        ),
      );
    if (v.caucus)
      pending.push(
        h(
          'li',
          {},
          `${t(v.caucus.kind === 'moderated' ? 'ph_moderated' : 'ph_unmoderated')}: ${clockText(Math.max(0, v.caucus.remaining))}`,
        ),
      );
    out.push(pending.length ? h('ul', {}, ...pending) : h('p', {}, t('nonePending')));
    return out;
  }

  /** A proposal's text as it stands, and the amendments now in it. */
  private proposalText(p: string, ctx: ConferenceContext): (Node | null)[] {
    const prop = this.deps.scenario.proposals.find((x) => x.id === p);
    if (!prop) return [];
    const inText = amendmentsNow(ctx, p).map(
      (a) => `«${tx(prop.amendments.find((x) => x.id === a)?.title ?? { en: a, ru: a })}»`,
    );
    return [
      h('p', {}, tx(prop.text)),
      inText.length ? h('p', {}, t('amendedWith', { list: inText.join(', ') })) : null,
    ];
  }

  /**
   * What the scenario says a proposal (or one of its amendments) means for this delegation, in
   * words: the stake's note ("Astana may stand aside"), beside the figures of "What it means for
   * you". Null where the scenario gives the delegation no stake in it.
   */
  private stakeNote(
    proposal: string,
    amendment: string | undefined,
    base: readonly string[],
    seat: string,
  ): Node | null {
    const s = this.deps.scenario;
    const prop = s.proposals.find((x) => x.id === proposal);
    if (!prop) return null;
    const stake = amendment
      ? amendmentOf(s, proposal, amendment)?.stakes.find((x) => x.delegation === seat)
      : effectiveStakes(prop, base).find((x) => x.delegation === seat);
    return stake ? h('p', { class: 'stake-note' }, tx(stake.note)) : null;
  }

  /** "What it means for you", opened for its factors; `key` names it so it stays open when drawn anew. */
  private valueLine(value: number, factors: Factor[], key: string): Node {
    return h(
      'details',
      { class: 'value' },
      h('summary', { 'data-key': `value-${key}` }, t('yourValue', { v: fmt(value) })),
      h('p', { class: 'help' }, t('valueHelp')),
      factorList(factors),
    );
  }

  private actions(v: ConferenceView): (Node | null)[] {
    const seat = v.seat;
    const me = v.delegations[seat]!;
    const env = this.env(v);
    const ctx = this.ctxOf(v);
    const out: (Node | null)[] = [this.heading('actions', 'actions')];
    const phase = v.phase;
    const item = this.deps.scenario.agenda.find((a) => a.id === v.agenda[v.item]);
    const proposals = item ? item.proposals.filter((p) => !v.outcomes[p]) : [];
    if (v.paused) return [...out, h('p', {}, t('paused'))];
    if (phase === 'rollCall.open' && me.presence === 'absent') {
      out.push(
        h(
          'div',
          { class: 'buttons' },
          button(
            t('answerPresent'),
            () => this.act({ type: 'delegate.answerRollCall', status: 'present' }),
            { 'data-key': 'rc-present' },
          ),
          button(
            t('answerPresentVoting'),
            () => this.act({ type: 'delegate.answerRollCall', status: 'presentAndVoting' }),
            { 'data-key': 'rc-pv' },
          ),
        ),
        h('p', { class: 'help' }, t('presentVotingHelp')),
      );
      return out;
    }
    if (phase === 'floor.item.voting') {
      const b = v.ballots[v.ballot];
      if (b && !b.votes[seat] && !me.frozen && me.presence !== 'absent') {
        const what = ballotTitle(b, this.deps.scenario);
        const base = amendmentsNow(ctx, b.proposal);
        const w =
          b.kind === 'amendment'
            ? (() => {
                const a = proposalUtility(env, seat, b.proposal, [...base, b.amendment!]);
                const z = proposalUtility(env, seat, b.proposal, base);
                return { value: a.value - z.value, factors: a.factors };
              })()
            : proposalUtility(env, seat, b.proposal, base);
        const choices: ('yes' | 'no' | 'abstain' | 'standAside')[] =
          me.presence === 'presentAndVoting'
            ? ['yes', 'no']
            : ['yes', 'no', PROFILES[v.profile].standAside ? 'standAside' : 'abstain'];
        const amendment =
          b.kind === 'amendment'
            ? amendmentOf(this.deps.scenario, b.proposal, b.amendment)
            : undefined;
        out.push(
          h('p', { class: 'ballot' }, t('ballotOn', { what })),
          // What is voted on: the amendment's words, or the proposal's text as it stands.
          h(
            'details',
            { class: 'ballot-text' },
            h('summary', { 'data-key': `ballot-text-${v.ballot}` }, t('theText')),
            ...(amendment ? [h('p', {}, tx(amendment.text))] : this.proposalText(b.proposal, ctx)),
          ),
          this.stakeNote(b.proposal, b.kind === 'amendment' ? b.amendment : undefined, base, seat),
          this.valueLine(w.value, w.factors, `ballot-${v.ballot}`),
          h(
            'div',
            { class: 'buttons vote-buttons' },
            ...choices.map((c) =>
              button(
                t(`choice_${c}` as Key),
                () => this.act({ type: 'delegate.vote', choice: c }),
                { 'data-key': `vote-${c}`, 'data-vote': c },
              ),
            ),
          ),
        );
        return out;
      }
    }
    if (
      phase === 'floor.item.debate.motionVote' &&
      v.motionVote &&
      !v.motionVote.votes[seat] &&
      !me.frozen
    ) {
      out.push(
        h('p', {}, t('voteMotion', { m: t(`motion_${v.motionVote.motion.motion.kind}` as Key) })),
        h(
          'div',
          { class: 'buttons' },
          button(t('choice_yes'), () => this.act({ type: 'delegate.voteMotion', choice: 'yes' }), {
            'data-key': 'mv-yes',
            'data-vote': 'yes',
          }),
          button(t('choice_no'), () => this.act({ type: 'delegate.voteMotion', choice: 'no' }), {
            'data-key': 'mv-no',
            'data-vote': 'no',
          }),
        ),
      );
      return out;
    }
    if (phase === 'crisis.responses' && v.crisis) {
      const c = env.crisis.get(v.crisis)!;
      const mine = v.crises[v.crisis]?.responses[seat];
      if (c.requester !== seat && !mine && !me.frozen && me.presence !== 'absent') {
        const form = h('form', {
          class: 'respond',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const kind = (
              form.querySelector('input[name=response]:checked') as HTMLInputElement | null
            )?.value;
            if (kind) this.act({ type: 'delegate.respond', crisis: c.id, response: kind });
          },
        });
        const options = [...c.options].sort(
          (a, b) => responseLevel(b.kind) - responseLevel(a.kind),
        );
        // Chosen until the player chooses: standing aside, which neither acts nor blocks (not the
        // last option, an objection, which blocks every collective response).
        const preset = options.some((o) => o.kind === 'standAside') ? 'standAside' : null;
        form.append(
          h(
            'fieldset',
            {},
            h('legend', {}, t('respond')),
            ...options.map((o) => {
              const w = responseUtility(env, ctx, seat, c.id, o.kind);
              return h(
                'div',
                { class: 'option' },
                h('input', {
                  type: 'radio',
                  name: 'response',
                  id: `resp-${o.kind}`,
                  value: o.kind,
                  checked: o.kind === preset ? true : null,
                  'data-key': `resp-${o.kind}`,
                }),
                h(
                  'label',
                  { for: `resp-${o.kind}` },
                  h('strong', {}, t(`resp_${o.kind}` as Key)),
                  ` — ${tx(o.text)} `,
                  h(
                    'span',
                    { class: 'cost' },
                    `(${t('responseCost', { c: o.capital, d: Math.round(o.domestic * 100) })})`,
                  ),
                ),
                this.valueLine(w.value, w.factors, `resp-${c.id}-${o.kind}`),
              );
            }),
          ),
          h('button', { type: 'submit', 'data-key': 'resp-commit' }, t('commit')),
        );
        out.push(form);
        return out;
      }
      // Nothing to choose here: say why, rather than only that others are acting.
      if (c.requester === seat) out.push(h('p', { class: 'waiting' }, t('crisisYouAsked')));
      else if (mine)
        out.push(
          h('p', { class: 'waiting' }, t('crisisYouResponded', { resp: t(`resp_${mine}`) })),
        );
      if (c.requester === seat || mine) return out;
    }
    if (phase.startsWith('floor.item.debate') && me.presence !== 'absent') {
      const isSpeaker = v.speaker?.delegation === seat;
      if (isSpeaker && !v.speaker!.spoke) {
        const form = h('form', {
          class: 'speak',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const fd = new FormData(form);
            const text = String(fd.get('text') ?? '').trim();
            this.act({
              type: 'delegate.speak',
              stance: fd.get('stance'),
              proposal: fd.get('proposal') || undefined,
              text: text || undefined,
            });
          },
        });
        form.append(
          h('label', { for: 'speak-proposal' }, t('onProposal')),
          h(
            'select',
            { id: 'speak-proposal', name: 'proposal', 'data-key': 'speak-proposal' },
            ...proposals.map((p) => h('option', { value: p }, this.proposalTitle(p))),
          ),
          h(
            'fieldset',
            {},
            h('legend', {}, t('stance')),
            ...(['support', 'oppose', 'undecided'] as const).map((s, i) =>
              h(
                'span',
                { class: 'radio' },
                h('input', {
                  type: 'radio',
                  name: 'stance',
                  id: `stance-${s}`,
                  value: s,
                  checked: i === 0 ? true : null,
                  'data-key': `stance-${s}`,
                }),
                h('label', { for: `stance-${s}` }, t(`stance_${s}`)),
              ),
            ),
          ),
          h('label', { for: 'speak-text' }, t('statementText')),
          h('textarea', {
            id: 'speak-text',
            name: 'text',
            maxlength: 800,
            rows: 3,
            'data-key': 'speak-text',
            onkeydown: sendOnCtrlEnter,
          }),
          h('button', { type: 'submit', 'data-key': 'speak-submit' }, t('speak')),
        );
        out.push(form);
      }
      if (isSpeaker)
        out.push(
          button(t('yieldChair'), () => this.act({ type: 'delegate.yield', to: 'chair' }), {
            'data-key': 'yield',
          }),
        );
      if (!isSpeaker && !v.caucus) {
        out.push(
          v.speakers.includes(seat)
            ? button(t('leaveSpeakers'), () => this.act({ type: 'delegate.leaveSpeakers' }), {
                'data-key': 'leave',
              })
            : button(t('joinSpeakers'), () => this.act({ type: 'delegate.joinSpeakers' }), {
                'data-key': 'join',
              }),
        );
      }
      // Points
      const point = h(
        'select',
        { id: 'point-kind', 'aria-label': t('raisePoint'), 'data-key': 'point-kind' },
        ...(['order', 'personalPrivilege', 'parliamentaryInquiry', 'information'] as const).map(
          (p) => h('option', { value: p }, t(`point_${p}`)),
        ),
      );
      out.push(
        h(
          'div',
          { class: 'inline' },
          point,
          button(
            t('raisePoint'),
            () => this.act({ type: 'delegate.raisePoint', point: point.value }),
            { 'data-key': 'point' },
          ),
        ),
      );
      // Motions
      const motion = h(
        'select',
        { id: 'motion-kind', 'aria-label': t('move'), 'data-key': 'motion-kind' },
        ...(
          [
            'unmoderatedCaucus',
            'moderatedCaucus',
            'closeDebate',
            'setSpeakingTime',
            'postponeProposal',
            'suspendMeeting',
          ] as const
        ).map((m) => h('option', { value: m }, t(`motion_${m}`))),
      );
      const motionOf = (kind: string) =>
        motionOfKind(kind as MotionKind, {
          minutes: 5,
          speakingSeconds: 60,
          seconds: 60,
          proposal: proposals[proposals.length - 1] ?? '',
        });
      out.push(
        h(
          'div',
          { class: 'inline' },
          motion,
          button(
            t('move'),
            () => this.act({ type: 'delegate.move', motion: motionOf(motion.value) }),
            { 'data-key': 'motion' },
          ),
        ),
      );
      // Amendments
      const am: Node[] = [];
      for (const p of proposals) {
        const prop = env.proposal.get(p)!;
        for (const a of prop.amendments) {
          const st = v.amendments.find(
            (x) => x.proposal === p && x.amendment === a.id && x.status !== 'withdrawn',
          );
          const base = amendmentsNow(ctx, p);
          const gain =
            proposalUtility(env, seat, p, [...base, a.id]).value -
            proposalUtility(env, seat, p, base).value;
          am.push(
            h(
              'li',
              {},
              h('strong', {}, tx(a.title)),
              ` (${this.proposalTitle(p)}) — ${tx(a.text)} `,
              h('span', { class: 'value-inline' }, t('yourValue', { v: fmt(gain) })),
              this.stakeNote(p, a.id, base, seat),
              st ? h('span', { class: 'tag' }, ` [${t(`amend_${st.status}` as Key)}]`) : null,
              !st
                ? button(
                    t('tableAmendment'),
                    () =>
                      this.act({ type: 'delegate.proposeAmendment', proposal: p, amendment: a.id }),
                    { 'data-key': `amend-${p}-${a.id}` },
                  )
                : null,
              st?.status === 'pending' && prop.sponsor === seat
                ? button(
                    t('acceptFriendly'),
                    () =>
                      this.act({ type: 'delegate.acceptAmendment', proposal: p, amendment: a.id }),
                    { 'data-key': `friendly-${p}-${a.id}` },
                  )
                : null,
            ),
          );
        }
      }
      if (am.length)
        out.push(h('h3', {}, t('amendments')), h('ul', { class: 'amendments' }, ...am));
      return out;
    }
    out.push(h('p', { class: 'waiting' }, v.ended ? t('gameOver') : t('waiting')));
    return out;
  }

  /** The chair's news, newest first (the last three): it was only said to screen readers. */
  private news(v: ConferenceView): Node[] {
    if (!v.announcements.length) return [];
    const recent = v.announcements.slice(-3).reverse();
    return [
      this.heading('news', 'chairNews'),
      h(
        'ul',
        { class: 'news' },
        ...recent.map((a, i) => h('li', i ? {} : { class: 'latest' }, tx(a.text))),
      ),
    ];
  }

  private crisis(v: ConferenceView): Node[] {
    const id = v.crisis ?? Object.keys(v.crises).slice(-1)[0];
    if (!id || (!v.crisis && v.phase !== 'crisis.decided')) return [];
    const c = this.deps.scenario.crises.find((x) => x.id === id)!;
    const st = v.crises[id]!;
    const out: Node[] = [
      h('h2', { id: 'h-crisis' }, `${t('crisis')}: ${tx(c.title)}`),
      h(
        'p',
        {},
        t('crisisRequest', {
          req: this.name(c.requester),
          asked: t(`resp_${c.asked}` as Key),
          art: t(`art_${c.article}` as Key),
        }),
      ),
      h('p', {}, tx(c.text), c.sources.length ? sourceList(this.deps.scenario, c.sources) : null),
      // In words, not a pin emoji: many school computers have no font that draws one.
      h('p', {}, h('strong', {}, `${t('crisisWhere')}: `), tx(c.location.name)),
    ];
    const members = this.deps.scenario.delegations.filter(
      (d) => d.role === 'member' && d.id !== c.requester,
    ).length;
    if (st.status === 'open') out.push(h('p', {}, t('responded', { n: st.responded, m: members })));
    else out.push(...crisisOutcome(st, c.requester, (id) => this.name(id)));
    return out;
  }

  /**
   * The public briefing every delegation reads first (open until the player closes it), then, for a
   * delegation, its private brief, its standing constraints, its objectives, and its country's ties
   * and fact sheet with their sources. The projector and the console show the public briefing.
   */
  private brief(v: ConferenceView): (Node | null)[] {
    const s = this.deps.scenario;
    const situation = h(
      'details',
      {
        class: 'situation',
        open: !this.briefingClosed.has(v.seat),
        ontoggle: (e: Event) => {
          if ((e.target as HTMLDetailsElement).open) this.briefingClosed.delete(v.seat);
          else this.briefingClosed.add(v.seat);
        },
      },
      h(
        'summary',
        { 'data-key': 'situation' },
        t(v.role === 'delegation' ? 'situation' : 'publicBriefing'),
      ),
      h('p', { class: 'setting' }, `${dateText(s.setting.date)} · ${tx(s.setting.place)}`),
      ...paragraphs(tx(s.briefing)).map((x) => h('p', {}, x)),
      h('p', { class: 'help' }, tx(s.setting.note)),
    );
    const b = v.briefs.find((x) => x.delegation === v.seat);
    const d = s.delegations.find((x) => x.id === v.seat);
    if (v.role !== 'delegation' || !b || !d)
      return [this.heading('brief', 'situationHeading'), situation];
    return [
      this.heading('brief', 'brief'),
      situation,
      h('p', {}, tx(b.brief)),
      d.constraints.length ? h('h3', {}, t('constraints')) : null,
      d.constraints.length ? h('ul', {}, ...d.constraints.map((c) => h('li', {}, tx(c)))) : null,
      h('h3', {}, t('objectives')),
      h(
        'ul',
        { class: 'objectives' },
        ...b.objectives.map((o) => {
          const obj = d.objectives.find((x) => x.id === o.id)!;
          const mark = o.status === 'met' ? '✓' : o.status === 'failed' ? '✕' : '…';
          return h(
            'li',
            { class: `objective ${o.status}` },
            h('span', { class: 'mark', 'aria-hidden': 'true' }, `${mark} `),
            h('strong', {}, tx(o.text)),
            ` — ${t(`st_${o.status}` as Key)}, ${t('points', { n: o.points })}`,
            h(
              'details',
              {},
              h('summary', { 'data-key': `why-objective-${o.id}` }, t('why')),
              h('p', {}, tx(obj.why)),
            ),
          );
        }),
      ),
      this.country(d),
    ];
  }

  /** A delegation's ties and fact sheet, each line with its date and source. */
  private country(d: Scenario['delegations'][number]): Node {
    const s = this.deps.scenario;
    const f = d.factSheet;
    const num = (x: number) => new Intl.NumberFormat(getLang()).format(x);
    const figure = (key: Key, x: { value: number; year: number; source: string }) =>
      h('li', {}, t(key, { x: num(x.value), year: x.year }), sourceList(s, [x.source]));
    // A fact with its date, unless its words already give the year ("… treaty (2005)").
    const withDate = (x: { text: Text; date: string }) =>
      tx(x.text).includes(x.date.slice(0, 4)) ? tx(x.text) : `${tx(x.text)} (${dateText(x.date)})`;
    const dated = (x: { text: Text; date: string; source: string }) =>
      h('li', {}, withDate(x), sourceList(s, [x.source]));
    return h(
      'details',
      { class: 'country' },
      h('summary', { 'data-key': 'country' }, t('yourCountry')),
      d.ties.length ? h('h3', {}, t('ties')) : null,
      d.ties.length
        ? h('ul', {}, ...d.ties.map((x) => h('li', {}, tx(x.text), sourceList(s, [x.source]))))
        : null,
      h(
        'p',
        {},
        t('capabilities', {
          m: d.capabilities.military,
          e: d.capabilities.economic,
          d: d.capabilities.diplomatic,
        }),
      ),
      h('h3', {}, t('factSheet')),
      h(
        'ul',
        {},
        figure('fact_population', f.population),
        figure('fact_gdp', f.gdp),
        figure('fact_milex', f.militarySpending),
        h(
          'li',
          {},
          `${t('fact_armedForces')}: `,
          withDate(f.armedForces),
          sourceList(s, [f.armedForces.source]),
        ),
      ),
      f.bases.length ? h('h3', {}, t('fact_bases')) : null,
      f.bases.length ? h('ul', {}, ...f.bases.map(dated)) : null,
      f.alignments.length ? h('h3', {}, t('fact_alignments')) : null,
      f.alignments.length ? h('ul', {}, ...f.alignments.map(dated)) : null,
      h('p', { class: 'help' }, t('factsNote')),
    );
  }

  private termText(term: Term): string {
    return termLabel(term, this.deps.scenario);
  }

  private negotiation(v: ConferenceView): Node[] {
    const seat = v.seat;
    const out: Node[] = [this.heading('negotiation', 'negotiation')];
    const others = this.deps.scenario.delegations.filter(
      (d) => d.id !== seat && d.role === 'member' && !v.delegations[d.id]!.frozen,
    );
    const undecided = this.deps.scenario.proposals.filter((p) => !v.outcomes[p.id]);
    const terms: Option[] = [];
    for (const n of [3, 5, 10])
      terms.push({ id: `capital:${n}`, label: this.termText({ type: 'capital', amount: n }) });
    for (const p of undecided) {
      for (const choice of ['yes', 'standAside'] as const)
        if (choice === 'yes' || PROFILES[v.profile].standAside)
          terms.push({
            id: `vote:${p.id}:${choice}`,
            label: this.termText({ type: 'vote', proposal: p.id, choice }),
          });
    }
    for (const c of this.deps.scenario.crises)
      if (v.crises[c.id]?.status !== 'decided')
        for (const r of ['monitoring', 'statement'] as const)
          if (c.options.some((o) => o.kind === r))
            terms.push({
              id: `response:${c.id}:${r}`,
              label: this.termText({ type: 'response', crisis: c.id, atLeast: r }),
            });
    const parse = (id: string): Term => {
      const [kind, a, b] = id.split(':');
      if (kind === 'capital') return { type: 'capital', amount: Number(a) };
      if (kind === 'vote') return { type: 'vote', proposal: a!, choice: b as 'yes' | 'standAside' };
      return { type: 'response', crisis: a!, atLeast: b as 'monitoring' };
    };
    const d = this.offerDraft;
    const recipients: Option[] = others.map((o) => ({ id: o.id, label: tx(o.name) }));
    const optionsOf = { to: recipients, give: terms, want: terms };
    // A choice that went while the player was choosing is asked for again, never swapped.
    for (const f of ['to', 'give', 'want'] as const)
      if (d[f] && !optionsOf[f].some((x) => x.id === d[f])) {
        d.lost[f] = d[f];
        d[f] = '';
      }
    if (!d.to && !d.lost.to) d.to = others[0]?.id ?? '';
    if (!d.want && !d.lost.want)
      d.want = terms.find((x) => x.id.startsWith('vote:'))?.id ?? terms[0]?.id ?? '';
    if (!d.give && !d.lost.give) d.give = terms[0]?.id ?? '';
    /** A field of the offer: with nothing chosen (its choice went), a prompt and what went. */
    const field = (f: 'to' | 'give' | 'want', label: Key) => {
      const id = `offer-${f}`;
      const went = d.lost[f];
      // In words at each drawing, so a change of language reaches the message too.
      const lost =
        went === undefined
          ? null
          : f === 'to'
            ? t('recipientGone', { name: this.name(went) })
            : t('termGone', { term: this.termText(parse(went)) });
      const options = optionsOf[f];
      const select = choice(
        id,
        d[f],
        d[f] ? options : [{ id: '', label: t('chooseAgain') }, ...options],
        (x) => {
          d[f] = x;
          delete d.lost[f];
        },
      );
      if (lost) select.setAttribute('aria-describedby', `${id}-lost`);
      return h(
        'div',
        { class: 'field' },
        h('label', { for: id }, t(label)),
        select,
        lost && h('p', { class: 'error', id: `${id}-lost` }, lost),
      );
    };
    if (!v.ended && !v.delegations[seat]!.frozen && others.length) {
      out.push(
        h(
          'form',
          {
            class: 'offer',
            onsubmit: (e: Event) => {
              e.preventDefault();
              const missing = (['to', 'give', 'want'] as const).find((f) => !d[f]);
              if (missing) return document.getElementById(`offer-${missing}`)?.focus();
              this.act({
                type: 'delegate.makeOffer',
                to: d.to,
                give: [parse(d.give)],
                want: [parse(d.want)],
              });
            },
          },
          h('h3', {}, t('makeOffer')),
          field('to', 'offerTo'),
          field('give', 'offerGive'),
          field('want', 'offerWant'),
          h('button', { type: 'submit', 'data-key': 'offer-send' }, t('sendOffer')),
        ),
      );
    }
    if (v.offers.length)
      out.push(
        h(
          'ul',
          { class: 'offers' },
          ...v.offers.slice(-8).map((o) =>
            h(
              'li',
              {},
              t('offerFrom', {
                from: this.name(o.from),
                to: this.name(o.to),
                give: o.give.map((x) => this.termText(x)).join(', '),
                want: o.want.map((x) => this.termText(x)).join(', '),
              }),
              h('span', { class: 'tag' }, ` [${t(`offer_${o.status}` as Key)}]`),
              o.status === 'open' && o.to === seat
                ? [
                    button(
                      t('accept'),
                      () => this.act({ type: 'delegate.acceptOffer', offer: o.id }),
                      { 'data-key': `accept-${o.id}` },
                    ),
                    button(
                      t('reject'),
                      () => this.act({ type: 'delegate.rejectOffer', offer: o.id }),
                      { 'data-key': `reject-${o.id}` },
                    ),
                  ]
                : null,
              o.status === 'open' && o.from === seat
                ? button(
                    t('withdraw'),
                    () => this.act({ type: 'delegate.withdrawOffer', offer: o.id }),
                    { 'data-key': `withdraw-${o.id}` },
                  )
                : null,
            ),
          ),
        ),
      );
    if (v.commitments.length)
      out.push(
        h('h3', {}, t('commitments')),
        h(
          'ul',
          {},
          ...v.commitments.map((c) =>
            h(
              'li',
              {},
              t('commitment', {
                by: this.name(c.by),
                to: this.name(c.to),
                term: this.termText(c.term),
              }),
              h('span', { class: 'tag' }, ` [${t(`cm_${c.status}` as Key)}]`),
            ),
          ),
        ),
      );
    out.push(
      scrollBox(
        t('reputation'),
        h(
          'table',
          { class: 'reputation' },
          h('caption', {}, t('reputation')),
          tableHead([t('delegation'), t('reputation'), t('capital')]),
          h(
            'tbody',
            {},
            ...this.deps.scenario.delegations.map((dd) =>
              h(
                'tr',
                {},
                h(
                  'th',
                  { scope: 'row' },
                  `${tx(dd.name)}${dd.id === seat ? ` (${t('you')})` : ''}`,
                ),
                h('td', {}, String(v.delegations[dd.id]!.reputation)),
                h('td', {}, String(v.delegations[dd.id]!.capital)),
              ),
            ),
          ),
        ),
      ),
    );
    return out;
  }

  private messages(v: ConferenceView): Node[] {
    const seat = v.seat;
    const others = this.deps.scenario.delegations.filter((d) => d.id !== seat);
    const draft = this.messageDraft;
    if (draft.to !== 'team' && !others.some((d) => d.id === draft.to)) draft.to = 'team';
    const to = choice(
      'msg-to',
      draft.to,
      [{ id: 'team', label: t('toTeam') }, ...others.map((d) => ({ id: d.id, label: tx(d.name) }))],
      (x) => (draft.to = x),
    );
    const text = h('textarea', {
      id: 'msg-text',
      rows: 2,
      maxlength: 500,
      'data-key': 'msg-text',
      'data-draft': true,
      oninput: () => (draft.text = text.value),
      onkeydown: sendOnCtrlEnter,
    });
    text.value = draft.text;
    const form = h(
      'form',
      {
        class: 'message-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const words = text.value.trim();
          if (!words) return;
          const r = this.act({ type: 'delegate.message', to: to.value, text: words });
          // Refused at once: the words stay in the box.
          if (!r.ok) return;
          if ('pending' in r) this.messageSent = { id: r.pending, to: to.value, text: words };
          text.value = '';
          draft.text = '';
        },
      },
      h('label', { for: 'msg-to' }, t('offerTo')),
      to,
      h('label', { for: 'msg-text' }, t('message')),
      text,
      h('button', { type: 'submit', 'data-key': 'msg-send' }, t('send')),
    );
    const who = (id: string) => (id === 'team' ? t('toTeam') : this.name(id));
    return [
      this.heading('messages', 'messages'),
      h('p', { class: 'help' }, t('chairReads')),
      v.messages.length
        ? h(
            'ul',
            { class: 'messages' },
            ...v.messages
              .slice(-20)
              .map((m) =>
                h('li', {}, h('strong', {}, `${this.name(m.from)} → ${who(m.to)}: `), m.text),
              ),
          )
        : null,
      form,
    ].filter((x) => x !== null) as Node[];
  }

  private why(v: ConferenceView): Node[] {
    const recent = v.decisions.slice(-15).reverse();
    return [
      this.heading('why', 'decisions'),
      recent.length
        ? h(
            'ul',
            { class: 'decisions' },
            ...recent.map((d) =>
              h(
                'li',
                {},
                h(
                  'details',
                  {},
                  h('summary', { 'data-key': `why-${d.seq}` }, `${tx(d.summary)} — ${t('why')}`),
                  factorList(d.factors),
                ),
              ),
            ),
          )
        : h('p', {}, t('noDecisions')),
    ];
  }
}
