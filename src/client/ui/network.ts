/**
 * Classroom screens: joining by code, a student's desk, hosting a session, the facilitator
 * console and the projector view. They talk to the session server through `RemoteSession`; every
 * action is an event the server checks, as in solo play.
 */
import { replayGame } from '../../core/conference';
import { PROFILES, PROFILE_IDS, type ProfileId } from '../../core/profiles';
import type { Scenario, Text } from '../../core/scenario';
import type { ShortcutSet } from './app';
import type { ConferenceView } from '../../core/views';
import { dateText, getLang, t, tx, type Key } from '../i18n';
import { renderReport } from './report-view';
import { hallModel, mapModel } from '../models';
import { RemoteSession, type RosterEntry, type Welcome } from '../net/remote';
import { chairKeyFor, rememberChairKey, seatHeldFor } from '../net/held';
import { library, scenarioById } from '../scenarios';
import { clampSeed, randomSeed, SEED_MAX } from '../setup-link';
import { prepareMapSoon, type Stage } from '../stage';
import { labelStage, showOnStage, stageView, viewSwitch, type StageShows } from './stage-view';
import type { Theme } from '../scenes/types';
import type { GameSpeed } from '../../core/pace';
import { renderDebrief } from './debrief';
import {
  button,
  confirmAction,
  h,
  redrawKeepingInput,
  replaceKeepingFocus,
  scrollBox,
  tableHead,
} from './dom';
import { GameScreen, deskShortcut, type Pending } from './game';
import { clockText, delegationName, phaseText } from './labels';
import { heardBetween } from './heard';
import { chairControls } from './chair-controls';

export interface NetworkDeps {
  root: HTMLElement;
  header: () => HTMLElement;
  /** Settings, keyboard shortcuts and language: in a session's own header too. */
  topButtons: () => HTMLElement;
  theme: () => Theme;
  live: (text: string) => void;
  /** Says and shows a refusal, with its reason. */
  refused: (text: string) => void;
  toTitle: () => void;
  /** Opens a game record in the replay viewer. */
  openReplay: (saved: unknown) => void;
}

/** Takes the console to the debrief under its panels (once the conference has ended). */
const showDebrief = (): void => {
  const d = document.getElementById('console-debrief');
  d?.focus({ preventScroll: true });
  d?.scrollIntoView({ block: 'start' });
};

/** A labelled field; its help, if any, is `${id}-help` (for the input's aria-describedby). */
const field = (id: string, label: string, input: HTMLElement, help?: string) =>
  h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    input,
    help ? h('p', { class: 'help', id: `${id}-help` }, help) : null,
  );

/**
 * The join card's content, on the console and on the projector: the code, large; the QR code of
 * the join address (an SVG from the server); the address in words.
 */
const joinParts = (code: string, join: JoinInfo, codeId: string) => {
  let qr: HTMLElement | null = null;
  if (join.qr) {
    qr = h('div', { class: 'qr', role: 'img', 'aria-label': join.joinUrl });
    qr.innerHTML = join.qr;
  }
  return [
    h('p', { class: 'join-code', id: codeId }, code),
    qr,
    h('p', {}, t('joinAt', { url: join.joinUrl })),
  ];
};
/** What the server tells anyone with the code about a session (`GET /api/sessions/:code`). */
interface SessionInfo {
  scenario?: string;
  error?: string;
  joinUrl?: string;
  qr?: string;
}
/** The session's info; throws the server's reason when there is no such session. */
const lookUpSession = async (code: string): Promise<SessionInfo> => {
  const r = await fetch(`/api/sessions/${encodeURIComponent(code)}`);
  const info = (await r.json()) as SessionInfo;
  if (!r.ok) throw new Error(info.error ?? r.statusText);
  return info;
};
/** How students join a session: its address, and the address's QR code (an SVG) if there is one. */
interface JoinInfo {
  joinUrl: string;
  qr: string | null;
}
/**
 * How to join, from the session's info: the server's address for the class and its QR code, or
 * this page's own address, without a QR code, where the server gave none.
 */
const joinOf = (info: SessionInfo, code: string): JoinInfo => ({
  joinUrl: info.joinUrl ?? `${location.origin}/?join=${code}`,
  qr: info.qr ?? null,
});

export class NetworkScreens {
  private session: RemoteSession | null = null;
  private stage: Stage | null = null;
  private game: GameScreen | null = null;
  private scenario: Scenario | null = null;
  /** The join address and its QR code, for the projector's join card (from the server). */
  private joinInfo: JoinInfo | null = null;
  /** Draws the current screen again in the current language and theme. */
  private redraw: (() => void) | null = null;
  /** The desk or projector on screen (what the server told this device), if any. */
  private desk: Welcome | null = null;
  /** The hall or the regional map, on a desk or the projector. */
  private view: StageShows = 'hall';
  /** The last view heard: what changed since is announced to screen readers. */
  private heardView: ConferenceView | null = null;
  /** Stops the desk on screen listening to the session (when it is drawn for another seat). */
  private deskOff: (() => void) | null = null;

  constructor(private readonly d: NetworkDeps) {}

  /** Whether this device is in a classroom session (a desk, the projector or the console). */
  get inSession(): boolean {
    return this.session !== null;
  }

  /**
   * After a change of settings (language, text size, contrast): the same screen again, with what
   * was typed kept and the session still connected.
   */
  refresh(): void {
    this.redraw?.();
  }

  /**
   * A shortcut key on a desk or the projector: M switches between the hall and the map; G, Y, N
   * and A act on the desk as in solo play. Returns whether the key was taken.
   */
  key(k: string): boolean {
    if (!this.keys().map) return false;
    if (k === 'm') {
      this.setView(this.view === 'hall' ? 'map' : 'hall');
      return true;
    }
    return this.keys().desk && deskShortcut(k);
  }

  /** Help speaks to the teacher on the console, to a delegation elsewhere. */
  helpFor(): 'play' | 'console' {
    return document.querySelector('main.console') ? 'console' : 'play';
  }

  /** The shortcuts that work here: the map on a desk or the projector, votes on a desk. */
  keys(): ShortcutSet {
    const on =
      this.desk !== null && this.session !== null && !document.querySelector('main.debrief');
    const seat = on && this.desk?.role === 'delegation';
    return { map: on, desk: seat, send: seat };
  }

  private setView(v: StageShows): void {
    this.view = v;
    if (this.scenario) showOnStage(v, this.stage, this.scenario.title);
    if (this.session?.view && this.desk) this.drawStage(this.session.view, this.desk);
  }

  /** The hall or the map, whichever is shown, for this view of the conference. */
  private drawStage(v: ConferenceView, w: Welcome): void {
    const scenario = this.scenario;
    if (!scenario || !this.stage) return;
    if (this.view === 'map') this.stage.renderMap(mapModel(v, scenario, this.d.theme()));
    else
      this.stage.renderHall(
        hallModel(v, scenario, this.d.theme(), w.role === 'delegation' ? [w.seat] : []),
      );
  }

  /** Leaves the session and goes back to the title. */
  private leaveButton(id: string): HTMLButtonElement {
    return button(
      t('toTitle'),
      () => {
        this.leave();
        this.d.toTitle();
      },
      { id },
    );
  }

  leave(): void {
    this.deskOff?.();
    this.deskOff = null;
    this.session?.leave();
    this.session = null;
    this.desk = null;
    this.stage?.destroy();
    this.stage = null;
  }

  private reason = (r: Text) => tx(r);

  /** A form screen under the common header. */
  private setupScreen(title: string, form: HTMLElement): void {
    this.d.root.replaceChildren(
      this.d.header(),
      h('main', { class: 'setup-screen', id: 'main', tabindex: '-1' }, h('h1', {}, title), form),
    );
    window.scrollTo(0, 0);
  }

  // ── joining ────────────────────────────────────────────────────────────────────────────

  /**
   * The join form. A student who joined from this device before (a reload, a tab the browser put
   * to sleep, the join link opened again) goes straight back to the seat; if that fails, the form
   * says why and asks for a name as on the first visit.
   */
  showJoin(code = '', rejoin = true, problem: () => string = () => ''): void {
    const codeInput = h('input', {
      id: 'join-code',
      name: 'code',
      value: code,
      maxlength: 5,
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      required: true,
      pattern: '[A-Za-z0-9]{5}',
    });
    const name = h('input', {
      id: 'join-name',
      name: 'name',
      maxlength: 40,
      required: true,
      autocomplete: 'nickname',
    });
    const error = h('p', { class: 'error', role: 'alert', id: 'join-error' });
    const submit = h('button', { type: 'submit', class: 'primary', id: 'join-submit' }, t('join'));
    const form = h(
      'form',
      {
        class: 'setup',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.join(codeInput.value.trim().toUpperCase(), name.value.trim(), error, submit);
        },
      },
      field('join-code', t('joinCode'), codeInput),
      field('join-name', t('displayName'), name),
      error,
      h(
        'div',
        { class: 'menu' },
        button(t('back'), () => this.d.toTitle(), { id: 'join-back' }),
        submit,
      ),
    );
    this.setupScreen(t('joinTitle'), form);
    (code ? name : codeInput).focus();
    // Put in words at each drawing, so a change of language reaches it too.
    error.textContent = problem();
    this.redraw = () => redrawKeepingInput(this.d.root, () => this.showJoin(code, false, problem));
    if (code && rejoin && seatHeldFor(code)) void this.join(code, '', error, submit, true);
  }

  private async join(
    code: string,
    name: string,
    error: HTMLElement,
    submit: HTMLButtonElement,
    again = false,
  ): Promise<void> {
    submit.disabled = true;
    submit.textContent = t(again ? 'rejoining' : 'joining');
    error.textContent = '';
    try {
      const info = await lookUpSession(code);
      this.scenario = scenarioById(info.scenario ?? '') ?? null;
      if (!this.scenario) throw new Error(`unknown scenario ${info.scenario}`);
      this.session = new RemoteSession(code);
      const w = await this.session.connect({ name });
      this.showDesk(w);
    } catch (e) {
      const r = e instanceof Error ? e.message : String(e);
      error.textContent = again ? t('rejoinFailed', { r }) : t('joinFailed', { r });
      submit.disabled = false;
      submit.textContent = t('join');
      this.session?.leave();
      this.session = null;
    }
  }

  // ── a student's desk and the projector ─────────────────────────────────────────────────

  private statusLine(): HTMLElement {
    return h('span', { id: 'net-status', class: 'net-status', role: 'status' });
  }

  private showDesk(w: Welcome): void {
    const s = this.session!;
    const scenario = this.scenario!;
    const observer = w.role === 'observer';
    // Drawn again for another seat (the teacher moved this student): the old desk goes.
    this.deskOff?.();
    this.stage?.destroy();
    this.stage = null;
    this.desk = w;
    this.view = 'hall';
    this.heardView = null;
    // Remote sends go through the session; refusals come back later as messages.
    const remoteSend = (raw: unknown): Pending => ({
      ok: true,
      pending: s.send(raw as Record<string, unknown>),
    });
    this.game = new GameScreen({
      scenario,
      messaging: true,
      send: remoteSend,
      seat: () => w.seat,
      refused: (x) => this.d.refused(x),
    });
    const seatName = () => (observer ? t('watchTitle') : delegationName(w.seat, scenario));
    const header = () =>
      h(
        'header',
        { class: 'top game-top' },
        h(
          'div',
          { class: 'status' },
          h('strong', {}, `${tx(scenario.title)} · ${t('codeInHeader', { code: w.code })}`),
          h('span', { id: 'phase', class: 'phase' }),
          h('span', { id: 'clock', class: 'clock', 'aria-label': t('clock') }),
          this.statusLine(),
        ),
        viewSwitch(this.view, (v) => this.setView(v)),
        this.d.topButtons(),
        h('div', { class: 'top-buttons' }, this.leaveButton('net-leave')),
      );
    const youAre = () =>
      observer
        ? null
        : h(
            'p',
            { class: 'notice-info', id: 'you-are' },
            t('youAre', { name: seatName() }),
            ' ',
            t('chairReadsYours'),
            w.muted ? h('strong', { id: 'you-muted' }, ` ${t('youAreMuted')}`) : null,
          );
    // On the projector, while the class answers the roll call, how to join: the code, the QR code
    // and the address, large (before, only the console had them, with the chair's private
    // messages beside them).
    const join = this.joinInfo;
    const joinCard = () =>
      observer && join
        ? h(
            'section',
            {
              class: 'panel join-card',
              id: 'projector-join',
              'aria-labelledby': 'h-projector-join',
            },
            h('h2', { id: 'h-projector-join' }, t('joinThisSession')),
            ...joinParts(w.code, join, 'projector-code'),
          )
        : null;
    const view = stageView(`${t(this.view)}: ${tx(scenario.title)}`);
    this.d.root.replaceChildren(
      header(),
      h(
        'main',
        { class: `game-screen ${observer ? 'projector' : ''}`, id: 'main', tabindex: '-1' },
        view.wrap,
        h('div', {}, youAre(), joinCard(), this.game.root),
      ),
    );
    window.scrollTo(0, 0);
    this.redraw = () => {
      if (document.querySelector('main.debrief')) {
        if (s.view) this.onView(s.view, w, true);
        return;
      }
      document.querySelector('header.game-top')?.replaceWith(header());
      const notice = youAre();
      if (notice) document.getElementById('you-are')?.replaceWith(notice);
      const card = joinCard();
      if (card) document.getElementById('projector-join')?.replaceWith(card);
      labelStage(this.view, scenario.title);
      if (s.view) this.onView(s.view, w);
    };
    void view.load().then((stage) => {
      // Another desk was drawn meanwhile (the student moved): this one's stage is not shown.
      if (this.desk !== w) return stage?.destroy();
      this.stage = stage;
      if (s.view) this.onView(s.view, w);
      if (stage)
        prepareMapSoon(stage, () =>
          this.session === s && s.view && this.scenario
            ? mapModel(s.view, this.scenario, this.d.theme())
            : null,
        );
    });
    this.deskOff = s.on({
      view: (v) => this.onView(v, w),
      // The server tells the desk again who it is when the teacher moves or mutes the student.
      welcome: (next) => {
        if (next.seat !== w.seat || next.role !== w.role) {
          this.showDesk(next);
          this.d.live(t('youAre', { name: delegationName(next.seat, scenario) }));
          return;
        }
        const muting = !!next.muted !== !!w.muted;
        Object.assign(w, next);
        this.redraw?.();
        if (muting) this.d.live(t(w.muted ? 'youAreMuted' : 'youAreUnmuted'));
      },
      refused: (r, id) => {
        this.d.refused(t('refused', { r: this.reason(r) }));
        this.game?.refused(id);
      },
      status: (st) => {
        const el = document.getElementById('net-status');
        if (el)
          el.textContent =
            st === 'reconnecting'
              ? t('connectionLost')
              : st === 'connected'
                ? ''
                : st === 'removed'
                  ? t('removedNotice')
                  : st === 'lost'
                    ? t('connectionLost')
                    : '';
        if (st === 'connected') this.d.live(t('reconnected'));
        if (st === 'removed') this.showRemoved(s.code);
      },
    });
    if (s.view) this.onView(s.view, w);
  }

  /**
   * Removed by the chair: the desk, whose every move would now fail, gives way to a screen that
   * says so, with the way to join again (the teacher may have removed the wrong student) and the
   * way to the title.
   */
  private showRemoved(code: string): void {
    this.leave();
    const again = button(t('joinAgain'), () => this.showJoin(code, false), { id: 'removed-join' });
    this.setupScreen(
      t('removedTitle'),
      h(
        'div',
        {},
        h('p', { role: 'alert', id: 'removed-notice' }, t('removedNotice')),
        h(
          'div',
          { class: 'menu' },
          again,
          button(t('toTitle'), () => this.d.toTitle(), { id: 'removed-title' }),
        ),
      ),
    );
    again.focus();
    this.redraw = () => this.showRemoved(code);
  }

  /** Shows a view; `again` draws the debrief anew (after a change of language). */
  private onView(v: ConferenceView, w: Welcome, again = false): void {
    const scenario = this.scenario!;
    if (v.ended && v.debrief) {
      if (document.querySelector('main.debrief') && !again) return;
      const actions = h('div', { class: 'menu' }, this.leaveButton('to-title'));
      this.stage?.destroy();
      this.stage = null;
      this.d.root.replaceChildren(
        this.d.header(),
        renderDebrief(
          v.debrief,
          scenario,
          w.role === 'delegation' ? [w.seat] : scenario.delegations.map((d) => d.id),
          actions,
          // The projector reads every delegation's objectives; none of them is "you".
          w.role === 'delegation' ? [w.seat] : [],
        ),
      );
      return;
    }
    const phase = document.getElementById('phase');
    if (phase) phase.textContent = phaseText(v.phase, v.paused);
    const clock = document.getElementById('clock');
    if (clock) clock.textContent = clockText(v.clock);
    // The projector's join card gives way to the conference once the roll call is over.
    document
      .getElementById('projector-join')
      ?.toggleAttribute('hidden', !v.phase.startsWith('rollCall'));
    this.hear(v);
    this.game?.update(v);
    this.drawStage(v, w);
  }

  /** Tells a screen reader what changed since the last view (as the solo game does). */
  private hear(v: ConferenceView): void {
    if (!this.scenario) return;
    const heard = heardBetween(this.heardView, v, this.scenario);
    this.heardView = v;
    if (heard.lines.length) this.d.live(heard.lines.join(' '));
  }

  showProjector(code: string): void {
    void (async () => {
      try {
        const info = await lookUpSession(code);
        this.joinInfo = joinOf(info, code);
        this.scenario = scenarioById(info.scenario ?? '') ?? null;
        this.session = new RemoteSession(code);
        this.showDesk(await this.session.connect({ role: 'observer' }));
      } catch (e) {
        this.showJoin(code);
        const err = document.getElementById('join-error');
        if (err)
          err.textContent = t('joinFailed', { r: e instanceof Error ? e.message : String(e) });
      }
    })();
  }

  // ── hosting and the facilitator console ────────────────────────────────────────────────

  showHost(): void {
    const lib = library();
    let scenario = lib.scenarios[0]!;
    const error = h('p', { class: 'error', role: 'alert', id: 'host-error' });
    const humansBox = h('fieldset', { id: 'host-humans' });
    const renderHumans = () =>
      humansBox.replaceChildren(
        h('legend', {}, t('studentDelegations')),
        h('p', { class: 'help' }, t('studentDelegationsHelp')),
        ...scenario.delegations
          .filter((d) => d.role === 'member')
          .map((d) =>
            h(
              'div',
              { class: 'check' },
              h('input', {
                type: 'checkbox',
                id: `host-human-${d.id}`,
                value: d.id,
                checked: true,
              }),
              h('label', { for: `host-human-${d.id}` }, tx(d.name)),
            ),
          ),
      );
    renderHumans();
    const scenarioSelect = h(
      'select',
      {
        id: 'host-scenario',
        onchange: (e: Event) => {
          scenario = lib.scenarios.find((s) => s.id === (e.target as HTMLSelectElement).value)!;
          renderHumans();
        },
      },
      ...lib.scenarios.map((s) =>
        h('option', { value: s.id }, `${tx(s.title)} (${dateText(s.setting.date)})`),
      ),
    );
    const profile = h(
      'select',
      { id: 'host-profile' },
      ...PROFILE_IDS.map((p) => h('option', { value: p }, tx(PROFILES[p].name))),
    );
    const difficulty = h(
      'select',
      { id: 'host-difficulty' },
      ...(['easy', 'normal', 'hard'] as const).map((x) =>
        h('option', { value: x, selected: x === 'normal' ? true : null }, t(`ai_${x}`)),
      ),
    );
    // The session's seed: noted, it runs the same conference again with another class.
    const seed = h('input', {
      id: 'host-seed',
      type: 'number',
      min: 0,
      max: SEED_MAX,
      value: randomSeed(),
      'aria-describedby': 'host-seed-help',
    });
    const submit = h(
      'button',
      { type: 'submit', class: 'primary', id: 'host-submit' },
      t('create'),
    );
    const form = h(
      'form',
      {
        class: 'setup',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const humans = [...humansBox.querySelectorAll<HTMLInputElement>('input:checked')].map(
            (i) => i.value,
          );
          if (!humans.length) {
            error.textContent = t('chooseStudentSeat');
            return humansBox.querySelector<HTMLInputElement>('input')?.focus();
          }
          void this.create(
            {
              scenario: scenario.id,
              profile: profile.value as ProfileId,
              difficulty: difficulty.value,
              humans,
              seed: clampSeed(seed.value),
            },
            error,
            submit,
          );
        },
      },
      field('host-scenario', t('scenario'), scenarioSelect),
      field('host-profile', t('profile'), profile),
      humansBox,
      field('host-difficulty', t('aiDifficulty'), difficulty),
      field('host-seed', t('seed'), seed, t('hostSeedHelp')),
      error,
      h(
        'div',
        { class: 'menu' },
        button(t('back'), () => this.d.toTitle(), { id: 'host-back' }),
        submit,
      ),
    );
    this.setupScreen(t('hostTitle'), form);
    scenarioSelect.focus();
    this.redraw = () => redrawKeepingInput(this.d.root, () => this.showHost());
  }

  private async create(
    body: Record<string, unknown>,
    error: HTMLElement,
    submit: HTMLButtonElement,
  ): Promise<void> {
    submit.disabled = true;
    submit.textContent = t('creating');
    try {
      const r = await fetch('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (r.status === 404 || r.status === 405) throw new Error(t('serverNeeded'));
      const data = (await r.json()) as {
        code: string;
        chairKey: string;
        joinUrl: string;
        qr: string;
        error?: string;
      };
      if (!r.ok) throw new Error(data.error ?? r.statusText);
      rememberChairKey(data.code, data.chairKey, Date.now());
      history.replaceState(null, '', `?console=${data.code}`);
      await this.showConsole(data.code);
    } catch (e) {
      error.textContent = t('createFailed', { r: e instanceof Error ? e.message : String(e) });
      submit.disabled = false;
      submit.textContent = t('create');
    }
  }

  async showConsole(code: string): Promise<void> {
    const key = chairKeyFor(code);
    const look = await lookUpSession(code).catch((): SessionInfo => ({}));
    this.scenario = scenarioById(look.scenario ?? '') ?? null;
    if (!key || !this.scenario) return this.showJoin(code);
    this.session = new RemoteSession(code);
    await this.session.connect({ chairKey: key, name: 'Chair' });
    // From the server, so that the console opened again (another tab, after a restart) has its
    // QR code and the class's address too (a copy kept for the tab that created it had not).
    const join = joinOf(look, code);
    let controls: HTMLElement, status: HTMLElement, people: HTMLElement, msgs: HTMLElement;
    const session = this.session;
    this.game = new GameScreen({
      scenario: this.scenario,
      // The chair acts through the controls; the desk's panels, read-only here, would send as a
      // desk does.
      send: (raw): Pending => ({ ok: true, pending: session.send(raw as Record<string, unknown>) }),
      seat: () => 'chair',
      refused: (x) => this.d.refused(x),
    });
    const game = this.game;
    const scenario = this.scenario;
    /** The console's frame: drawn again after a change of language. */
    const build = () => {
      const panel = (id: string, heading: string) =>
        h('section', { class: 'panel', id: `console-${id}`, 'aria-labelledby': `h-${heading}` });
      controls = panel('controls', 'controls');
      status = panel('status', 'status');
      people = panel('people', 'people');
      msgs = panel('messages', 'msgs');
      this.d.root.replaceChildren(
        h(
          'header',
          { class: 'top game-top' },
          // The buttons keep one row on a laptop, as on a desk: the status wraps within its room.
          h(
            'div',
            { class: 'status' },
            h('strong', {}, `${t('console')} · ${tx(scenario.title)}`),
            h('span', { id: 'phase', class: 'phase' }),
            h('span', { id: 'clock', class: 'clock', 'aria-label': t('clock') }),
            this.statusLine(),
          ),
          this.d.topButtons(),
          h('div', { class: 'top-buttons' }, this.leaveButton('console-leave')),
        ),
        h(
          'main',
          { class: 'console', id: 'main', tabindex: '-1' },
          // The join card and the chair's controls share the first row, whatever its width.
          h(
            'div',
            { class: 'console-top' },
            h(
              'section',
              { class: 'panel join-card', 'aria-labelledby': 'h-join' },
              h('h2', { id: 'h-join' }, t('joinCode')),
              ...joinParts(code, join, 'console-code'),
              h(
                'p',
                {},
                h(
                  'a',
                  { href: `/?watch=${code}`, target: '_blank', id: 'projector-link' },
                  t('projector'),
                ),
              ),
              h('p', { class: 'help' }, t('chairKeyNote')),
            ),
            controls,
          ),
          status,
          people,
          msgs,
          game.root,
          h(
            'div',
            { class: 'menu', id: 'console-report' },
            button(t('afterAction'), () => void this.report(code, key), {
              id: 'console-after-action',
            }),
            button(t('replaySessionAction'), () => void this.replaySession(code, key), {
              id: 'console-replay',
            }),
          ),
        ),
      );
    };
    build();
    // The console opens at its top (the join code), not where "Create the session" was.
    window.scrollTo(0, 0);
    this.heardView = null;
    const who = (id: string) => (id === 'team' ? t('itsTeam') : delegationName(id, scenario));
    const render = () => {
      const v = this.session?.view;
      if (!v) return;
      this.hear(v);
      const phase = document.getElementById('phase');
      if (phase) phase.textContent = phaseText(v.phase, v.paused);
      const clock = document.getElementById('clock');
      if (clock) clock.textContent = clockText(v.clock);
      replaceKeepingFocus(controls, ...this.controls(v));
      replaceKeepingFocus(status, ...this.statusTable(v));
      replaceKeepingFocus(people, ...this.people(v, this.session!.roster));
      replaceKeepingFocus(
        msgs,
        h('h2', { id: 'h-msgs' }, t('messages')),
        v.messages.length
          ? h(
              'ul',
              {},
              ...v.messages
                .slice(-30)
                .map((m) =>
                  h('li', {}, h('strong', {}, `${who(m.from)} → ${who(m.to)}: `), m.text),
                ),
            )
          : h('p', {}, t('noMessagesYet')),
      );
      this.game!.update(v);
      if (v.ended && v.debrief && !document.getElementById('console-debrief')) {
        const d = renderDebrief(
          v.debrief,
          this.scenario!,
          this.scenario!.delegations.map((x) => x.id),
          h('span', {}),
          // The teacher reads every delegation's objectives, and plays none.
          [],
        );
        d.id = 'console-debrief';
        d.tabIndex = -1;
        document.getElementById('main')?.append(d);
        // The teacher has just ended the conference: the debrief, not the controls, is what to see.
        showDebrief();
      }
    };
    this.session.on({
      view: render,
      roster: render,
      refused: (r) => this.d.refused(t('refused', { r: tx(r) })),
    });
    render();
    // The frame and the panels anew, with what the chair was typing or choosing kept.
    this.redraw = () =>
      redrawKeepingInput(this.d.root, () => {
        build();
        render();
      });
  }

  /** The session's after-action report, built from its durable log (the chair's key opens it). */
  private async report(code: string, key: string): Promise<void> {
    const r = await fetch(`/api/sessions/${encodeURIComponent(code)}/log`, {
      headers: { 'x-chair-key': key },
    });
    const saved = (await r.json()) as unknown;
    const replayed = r.ok && this.scenario ? replayGame(this.scenario, saved) : null;
    const host = document.getElementById('console-report');
    if (!host) return;
    if (!replayed?.ok) {
      host.append(
        h(
          'p',
          { class: 'error', role: 'alert' },
          t('refused', { r: replayed && !replayed.ok ? tx(replayed.reason) : String(r.status) }),
        ),
      );
      return;
    }
    host.replaceChildren(
      renderReport(this.scenario!, replayed.conference, getLang(), { level: 2 }),
    );
  }

  /** Leaves the console for the replay of this session's log (the console can be reopened). */
  private async replaySession(code: string, key: string): Promise<void> {
    const r = await fetch(`/api/sessions/${encodeURIComponent(code)}/log`, {
      headers: { 'x-chair-key': key },
    });
    if (!r.ok) return this.d.refused(t('refused', { r: String(r.status) }));
    const saved = (await r.json()) as unknown;
    this.leave();
    this.d.openReplay(saved);
  }

  private chair(type: string, extra: Record<string, unknown> = {}): void {
    this.session?.send({ type, seat: 'chair', ...extra });
  }

  private controls(v: ConferenceView): Node[] {
    // Over: no control works any more (each would be refused); the way to the debrief instead.
    if (v.ended)
      return [
        h('h2', { id: 'h-controls' }, t('chairControls')),
        h('p', { class: 'notice-info', id: 'ctl-ended' }, t('consoleEnded')),
        button(t('toDebrief'), () => showDebrief(), {
          id: 'ctl-to-debrief',
          'data-key': 'ctl-to-debrief',
        }),
      ];
    const aiChair = h(
      'span',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: 'ctl-aichair',
        checked: this.session?.welcome?.chairMode !== 'human' ? true : null,
        onchange: (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          if (this.session?.welcome) this.session.welcome.chairMode = on ? 'ai' : 'human';
          this.session?.admin({ action: 'chairMode', mode: on ? 'ai' : 'human' });
        },
      }),
      h('label', { for: 'ctl-aichair' }, t('aiChair')),
    );
    // The session's game speed: how long the AI waits between moves and while the class reads.
    const speed = h(
      'span',
      { class: 'inline' },
      h('label', { for: 'ctl-speed' }, t('gameSpeed')),
      h(
        'select',
        {
          id: 'ctl-speed',
          'data-key': 'ctl-speed',
          onchange: (e: Event) => {
            const x = (e.target as HTMLSelectElement).value as GameSpeed;
            if (this.session?.welcome) this.session.welcome.speed = x;
            this.session?.admin({ action: 'speed', speed: x });
          },
        },
        ...(['slow', 'normal', 'fast'] as const).map((x) =>
          h(
            'option',
            { value: x, selected: (this.session?.welcome?.speed ?? 'normal') === x ? true : null },
            t(`speed_${x}`),
          ),
        ),
      ),
    );
    return chairControls(v, this.scenario!, (type, extra) => this.chair(type, extra), [
      aiChair,
      speed,
    ]);
  }

  private statusTable(v: ConferenceView): Node[] {
    const s = this.scenario!;
    const ballot = v.ballots[v.ballot];
    const crisis = v.crisis ? v.crises[v.crisis] : undefined;
    const roster = this.session?.roster ?? [];
    return [
      h('h2', { id: 'h-status' }, t('delegations')),
      scrollBox(
        t('delegations'),
        h(
          'table',
          {},
          tableHead([
            t('delegation'),
            t('participants'),
            t('controller'),
            t('votedNow'),
            t('respondedNow'),
            t('openOffers'),
            t('reputation'),
          ]),
          h(
            'tbody',
            {},
            ...s.delegations.map((d) => {
              const st = v.delegations[d.id]!;
              const people = roster.filter((r) => r.seat === d.id);
              return h(
                'tr',
                {},
                h(
                  'th',
                  { scope: 'row' },
                  `${tx(d.name)}${st.frozen ? ` (${t('status_frozen')})` : ''}`,
                ),
                h(
                  'td',
                  {},
                  people.length
                    ? people
                        .map((p) => `${p.name}${p.connected ? '' : ` (${t('disconnected')})`}`)
                        .join(', ')
                    : '—',
                ),
                h('td', {}, st.controller === 'ai' ? t('status_ai') : t('status_students')),
                h(
                  'td',
                  {},
                  ballot && v.phase === 'floor.item.voting'
                    ? ballot.votes[d.id]
                      ? `✓ ${t(`choiceWord_${ballot.votes[d.id]!}` as Key)}`
                      : '…'
                    : '—',
                ),
                h(
                  'td',
                  {},
                  crisis && crisis.status === 'open' ? (crisis.responses[d.id] ? '✓' : '…') : '—',
                ),
                h(
                  'td',
                  {},
                  String(
                    v.offers.filter(
                      (o) => o.status === 'open' && (o.from === d.id || o.to === d.id),
                    ).length,
                  ),
                ),
                h('td', {}, String(st.reputation)),
              );
            }),
          ),
        ),
      ),
    ];
  }

  /**
   * The students, a row each, grouped by delegation (a team's members together): who is connected,
   * and the teacher's Move, Mute and Remove. A table, so that a class of 30 fits on a screen or two
   * (a list took three lines a student).
   */
  private people(v: ConferenceView, roster: RosterEntry[]): Node[] {
    const s = this.scenario!;
    const members = s.delegations.filter((d) => d.role === 'member');
    const order = new Map(s.delegations.map((d, i) => [d.id, i]));
    const students = roster
      .filter((r) => r.role === 'delegation')
      .map((r, joined) => ({ r, joined }))
      .sort(
        (a, b) => (order.get(a.r.seat) ?? 0) - (order.get(b.r.seat) ?? 0) || a.joined - b.joined,
      )
      .map((x) => x.r);
    const connected = students.filter((r) => r.connected).length;
    const row = (r: RosterEntry): HTMLElement => {
      const move = h(
        'select',
        { id: `move-${r.id}`, 'data-key': `move-${r.id}` },
        ...members.map((m) =>
          h('option', { value: m.id, selected: m.id === r.seat ? true : null }, tx(m.name)),
        ),
      );
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, r.name),
        h('td', {}, delegationName(r.seat, s)),
        h(
          'td',
          {},
          `${r.connected ? t('connected') : t('disconnected')}${r.muted ? `; ${t('muted')}` : ''}`,
        ),
        h(
          'td',
          {},
          h(
            'div',
            { class: 'inline' },
            // Read as "Move Ana to [delegation] [Move]".
            h(
              'label',
              { for: `move-${r.id}`, class: 'visually-hidden' },
              t('moveLabel', { name: r.name }),
            ),
            move,
            button(
              t('moveAction'),
              () => this.session?.admin({ action: 'move', member: r.id, seat: move.value }),
              { 'data-key': `mv-${r.id}` },
            ),
          ),
        ),
        h(
          'td',
          {},
          button(
            r.muted ? t('unmuteAction') : t('muteAction'),
            () => this.session?.admin({ action: 'mute', member: r.id, muted: !r.muted }),
            { 'data-key': `mute-${r.id}` },
          ),
        ),
        h(
          'td',
          {},
          // Asked twice: the student's desk closes at once.
          confirmAction(
            `rm-${r.id}`,
            t('removeAction'),
            t('removeConfirm', { name: r.name }),
            button(
              t('removeConfirmYes', { name: r.name }),
              () => this.session?.admin({ action: 'remove', member: r.id }),
              { 'data-key': `rm-yes-${r.id}` },
            ),
            t('keepStudent', { name: r.name }),
          ),
        ),
      );
    };
    return [
      h('h2', { id: 'h-people' }, t('participants')),
      students.length
        ? h('p', { id: 'people-count' }, t('participantsCount', { n: students.length, connected }))
        : h('p', { id: 'people-count' }, t('noParticipants')),
      students.length
        ? scrollBox(
            t('participants'),
            h(
              'table',
              { class: 'people' },
              tableHead([
                t('student'),
                t('delegation'),
                t('connection'),
                t('moveColumn'),
                t('wordColumn'),
                t('removeColumn'),
              ]),
              h('tbody', {}, ...students.map(row)),
            ),
          )
        : null,
      v.ended ? null : h('span', {}),
    ].filter((x): x is HTMLElement => x !== null);
  }
}
