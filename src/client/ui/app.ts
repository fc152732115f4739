/**
 * The application shell: title, setup, loading, hand-over, conference and debrief screens, the
 * settings and shortcuts dialogs, the live region and captions. Screens are plain DOM; the hall
 * and the map are Phaser, loaded after the title screen is usable.
 */
import {
  startConference,
  currentPhase,
  saveGame,
  type Conference,
  type SendResult,
} from '../../core/conference';
import { PROFILES, PROFILE_IDS, type ProfileId } from '../../core/profiles';
import type { Scenario } from '../../core/scenario';
import type { Difficulty } from '../../core/state';
import { viewFor, type ConferenceView } from '../../core/views';
import { debriefOf } from '../../core/debrief';
import { createSound, type Cue, type SoundSystem } from '../audio/sound';
import { dateText, getLang, setLang, t, tx, type Key, type Lang } from '../i18n';
import { hallModel, mapModel } from '../models';
import { clearSave, readSave, writeSave } from '../saves';
import { library } from '../scenarios';
import {
  LINK_PARAMS,
  describeProblem,
  SEED_MAX,
  clampSeed,
  isSetupLink,
  randomSeed,
  readSetup,
  rememberSetup,
  rememberedSetup,
  setupLink,
  type LinkProblem,
  type Setup,
} from '../setup-link';
import { LocalSession, PACE_OF_SPEED } from '../session';
import {
  applySettings,
  loadSettings,
  prefersReducedMotion,
  saveSettings,
  type Settings,
} from '../settings';
import { prepareMapSoon, type Stage } from '../stage';
import {
  labelStage,
  showOnStage,
  stageView,
  viewSwitch,
  type StageShows,
  type StageView,
} from './stage-view';
import { renderTitle, shortcutKey, topButtons, type TitleActions } from '../title';
import type { Theme } from '../scenes/types';
import { renderDebrief } from './debrief';
import { afterNextPaint, h, button } from './dom';
import { GameScreen, deskShortcut } from './game';
import { clockText, delegationName, phaseText } from './labels';
import { heardBetween } from './heard';
import type { NetworkScreens } from './network';
import { TrainingScreen } from './training';
import { ReplayScreen } from './replay';
import { renderReport } from './report-view';

type Screen = 'title' | 'setup' | 'game' | 'debrief';
/** Which groups of shortcut keys work on a screen (the shortcuts list shows only those). */
export interface ShortcutSet {
  map: boolean;
  desk: boolean;
  /** Ctrl+Enter sends what is being written: a statement (a desk), a message (in a class). */
  send: boolean;
}

const params = new URLSearchParams(location.search);
/** `?pace=0` makes AI moves instant (tests); otherwise the player's game speed sets the pace. */
const PACE_PARAM = params.get('pace');

/** Whether a host name is this computer's own (localhost), which no other device reaches. */
const isLocalHost = (host: string): boolean => /^(localhost|127\.|\[::1\])/.test(host);
const pageIsLocal = (): boolean => isLocalHost(location.hostname);

export class App {
  private settings: Settings = loadSettings();
  private screen: Screen = 'title';
  private setup: Setup;
  private session: LocalSession | null = null;
  private game: GameScreen | null = null;
  private stage: Stage | null = null;
  private stagePromise: Promise<Stage | null> | null = null;
  private stageView: StageView | null = null;
  private view: StageShows = 'hall';
  private seat = '';
  private confirmedSeat = '';
  private sound: SoundSystem | null = null;
  private notice: string | null = null;
  /** The setup screen was opened from a link: what of it could not be used (shown above it). */
  private linkProblems: LinkProblem[] | null = null;
  /**
   * Where the class reaches this page, when it is open as localhost (which only this computer
   * reaches): the server's network address, once asked (null: no server answered).
   */
  private classPage: string | null | undefined = undefined;
  /** The session the desk was last drawn for (a new game starts with empty drafts). */
  private gameDrawnFor: LocalSession | null = null;
  /** The public view last heard (what changed since is announced). */
  private heardView: ConferenceView | null = null;
  private netScreens: Promise<NetworkScreens> | null = null;
  private training: TrainingScreen;
  private replay: ReplayScreen;
  /**
   * A screen drawn by another module (classroom, training, replay, report): drawn again after a
   * change of settings, and offered the shortcut keys first.
   */
  private elsewhere: {
    refresh(): void;
    key?(k: string): boolean;
    keys?(): ShortcutSet;
    /** Whom Help speaks to here: a delegation (the default), a chair in training, a teacher. */
    helpFor?(): 'play' | 'chair' | 'console';
  } | null = null;

  constructor(private readonly root: HTMLElement) {
    this.replay = new ReplayScreen(root, {
      header: () => h('header', { class: 'top' }, this.topButtons()),
      theme: () => this.theme(),
      toTitle: () => this.go('title'),
      live: (x) => this.live(x),
    });
    this.training = new TrainingScreen({
      root,
      header: () => h('header', { class: 'top' }, this.topButtons()),
      theme: () => this.theme(),
      live: (x) => this.live(x),
      refused: (x) => this.refused(x),
      toTitle: () => this.go('title'),
      pace: () => this.pace(),
      topButtons: () => this.topButtons(),
    });
    setLang(this.settings.lang);
    applySettings(this.settings);
    const first = library().scenarios[0];
    this.setup = rememberedSetup(library().scenarios, {
      scenario: first?.id ?? '',
      mode: 'solo',
      humans: first ? [first.delegations.find((d) => d.role === 'member')!.id] : [],
      difficulty: 'normal',
      profile: 'consensus',
      seed: randomSeed(),
    });
    document.addEventListener('keydown', (e) => this.onKey(e));
    matchMedia('(prefers-reduced-motion: reduce)').addEventListener?.('change', () =>
      this.applyAll(),
    );
  }

  // ── shell ──────────────────────────────────────────────────────────────────────────────

  private live(text: string): void {
    const el = document.getElementById('live');
    if (!el) return;
    el.textContent = '';
    // A fresh node so screen readers announce repeated messages too.
    window.setTimeout(() => (el.textContent = text), 30);
  }

  private refusalTimer = 0;
  /**
   * A refusal (an event the rules or the server turned down): said to screen readers and shown on
   * screen, near the top, until closed (its button, or Escape) or for 12 seconds. It used to be heard only, so a teacher
   * pressing a control at the wrong moment saw nothing happen.
   */
  private refused(text: string): void {
    this.live(text);
    let el = document.getElementById('refusal');
    if (!el) {
      el = h('div', { id: 'refusal', class: 'refusal' });
      document.body.append(el);
    }
    const box = el;
    box.replaceChildren(
      h('p', {}, text),
      button(t('close'), () => box.remove(), { class: 'refusal-close', id: 'refusal-close' }),
    );
    window.clearTimeout(this.refusalTimer);
    this.refusalTimer = window.setTimeout(() => box.remove(), 12_000);
  }

  private caption(text: string): void {
    if (!this.settings.captions) return;
    const el = document.getElementById('captions');
    if (!el) return;
    const line = h('p', {}, text);
    el.append(line);
    while (el.childElementCount > 3) el.firstElementChild?.remove();
    window.setTimeout(() => line.remove(), 4000);
  }

  private cue(c: Cue): void {
    this.sound?.play(c);
  }

  private theme(): Theme {
    return {
      palette: this.settings.palette,
      highContrast: this.settings.highContrast,
      reducedMotion: prefersReducedMotion(this.settings),
      textScale: this.settings.textScale,
    };
  }

  /** Milliseconds between AI moves: the address's `pace`, else the game speed setting. */
  private pace(): number {
    return PACE_PARAM !== null ? Number(PACE_PARAM) : PACE_OF_SPEED[this.settings.speed];
  }

  private applyAll(): void {
    applySettings(this.settings);
    saveSettings(this.settings);
    this.session?.setPace(this.pace());
    this.training.setPace(this.pace());
    this.sound?.update({
      effects: this.settings.effects,
      ambience: this.settings.ambience,
      muted: this.settings.muted,
    });
    this.render();
  }

  /** The classroom screens, with the network client, load only when someone uses them. */
  private net(use: (n: NetworkScreens) => unknown): void {
    this.netScreens ??= import('./network').then(
      ({ NetworkScreens }) =>
        new NetworkScreens({
          root: this.root,
          header: () => h('header', { class: 'top' }, this.topButtons()),
          topButtons: () => this.topButtons(),
          theme: () => this.theme(),
          live: (x) => this.live(x),
          refused: (x) => this.refused(x),
          toTitle: () => {
            history.replaceState(null, '', location.pathname);
            this.go('title');
          },
          openReplay: (saved) => this.openReplay(saved),
        }),
    );
    void this.netScreens.then((n) => {
      this.elsewhere = n;
      use(n);
    });
  }

  /** The first screen: the title, or a classroom screen named in the address. */
  route(): void {
    const code = (k: string) => {
      const v = params.get(k);
      return v && /^[A-Za-z0-9]{5}$/.test(v) ? v.toUpperCase() : null;
    };
    const join = code('join');
    const watch = code('watch');
    const chair = code('console');
    // A classroom address whose code is not one (cut short, mistyped): said, not ignored.
    const bad = (['join', 'watch', 'console'] as const).find((k) => params.has(k) && !code(k));
    if (bad) {
      const given = (params.get(bad) ?? '').slice(0, 20);
      history.replaceState(null, '', location.pathname);
      return this.net((n) => n.showJoin('', false, () => t('badJoinCode', { code: given })));
    }
    if (watch) this.net((n) => n.showProjector(watch));
    else if (chair) this.net((n) => n.showConsole(chair));
    else if (join) this.net((n) => n.showJoin(join));
    else if (isSetupLink(params)) this.openSetupLink();
    else this.render();
  }

  /**
   * A set-up link (`?scenario=…&seats=…&seed=…`, copied from the setup screen): the setup screen
   * with its choices made, and a note of any part of the link that could not be used. The
   * address loses the set-up at once, so that reloading the page later (mid-game, say) opens the
   * title with its Continue rather than this setup again.
   */
  private openSetupLink(): void {
    const r = readSetup(params, library().scenarios, this.setup);
    this.setup = r.setup;
    const rest = new URLSearchParams(params);
    for (const k of LINK_PARAMS) rest.delete(k);
    const q = rest.toString();
    history.replaceState(history.state, '', `${location.pathname}${q ? `?${q}` : ''}`);
    this.linkProblems = r.problems;
    this.go('setup');
  }

  /** Opens a game record in the replay viewer. */
  private openReplay(saved: unknown): void {
    this.elsewhere = this.replay;
    this.replay.open(saved);
  }

  render(): void {
    if (this.elsewhere) return this.elsewhere.refresh();
    // Re-rendering must not throw a keyboard user back to the top: keep focus on the same control.
    const focused = (document.activeElement as HTMLElement | null)?.id;
    this.renderScreen();
    if (focused && !document.activeElement?.closest('dialog'))
      document.getElementById(focused)?.focus();
  }

  private renderScreen(): void {
    document.title = `${t('appName')} — ${this.screen === 'game' || this.screen === 'debrief' ? tx(this.scenario()?.title ?? { en: '', ru: '' }) : t('tagline')}`;
    if (this.screen === 'title') this.renderTitle();
    else if (this.screen === 'setup') this.renderSetup();
    else if (this.screen === 'game') this.renderGame();
    else this.renderDebrief();
  }

  private scenario(): Scenario | undefined {
    return (
      this.session?.conference.scenario ??
      library().scenarios.find((s) => s.id === this.setup.scenario)
    );
  }

  private topButtons(): HTMLElement {
    return topButtons(this.titleActions);
  }

  /** What the title's buttons (and the top buttons of every screen) do. */
  readonly titleActions: TitleActions = {
    newGame: () => this.go('setup'),
    continueGame: () => this.continueGame(),
    joinSession: () => this.net((n) => n.showJoin()),
    hostSession: () => this.net((n) => n.showHost()),
    chairTraining: () => {
      this.elsewhere = this.training;
      this.training.open(randomSeed());
    },
    replayGame: () => {
      this.elsewhere = this.replay;
      this.replay.openFile();
    },
    openSettings: () => this.openSettings(),
    openHelp: (at) => this.openHelp(at),
    setLanguage: (l) => this.setLanguage(l),
  };

  private setLanguage(l: Lang): void {
    this.settings.lang = l;
    setLang(l);
    this.applyAll();
  }

  // ── title and setup ────────────────────────────────────────────────────────────────────

  private renderTitle(): void {
    renderTitle(this.root, this.titleActions, this.notice);
  }

  private go(screen: Screen): void {
    if (screen === 'setup') this.prewarmStage();
    this.elsewhere = null;
    this.screen = screen;
    this.notice = screen === 'title' ? this.notice : null;
    if (screen !== 'setup') this.linkProblems = null;
    this.render();
    // A new screen starts at its top (the page stayed scrolled where the last one was left).
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }

  private renderSetup(): void {
    const lib = library();
    const s = this.scenario() ?? lib.scenarios[0]!;
    const members = s.delegations.filter((d) => d.role === 'member');
    const st = this.setup;
    if (!st.humans.every((hh) => members.some((m) => m.id === hh)) || !st.humans.length)
      st.humans = [members[0]!.id];
    const radio = (
      name: string,
      value: string,
      checked: boolean,
      label: Node | string,
      onChange: () => void,
      extra: Record<string, string> = {},
    ) =>
      h(
        'div',
        { class: 'radio' },
        h('input', {
          type: 'radio',
          name,
          id: `${name}-${value}`,
          value,
          checked: checked ? true : null,
          onchange: onChange,
          ...extra,
        }),
        h('label', { for: `${name}-${value}` }, label),
      );
    const form = h(
      'form',
      {
        class: 'setup',
        id: 'setup-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.startNew();
        },
        // The share link follows every choice (after the field's own handler has recorded it).
        oninput: () => this.showSetupLink(),
        onchange: () => this.showSetupLink(),
      },
      h(
        'fieldset',
        { class: 'scenario-list' },
        h('legend', {}, t('scenario')),
        ...lib.scenarios.map((sc) =>
          radio(
            'scenario',
            sc.id,
            sc.id === s.id,
            h(
              'span',
              {},
              h('strong', {}, tx(sc.title)),
              h(
                'span',
                { class: 'meta' },
                ` — ${t('setIn')}: ${dateText(sc.setting.date)}, ${tx(sc.setting.place)}; ${t('length')}: ${t('minutes', { n: sc.length.minutes })}; ${t('difficulty')}: ${t(`diff_${sc.difficulty}` as Key)}`,
              ),
              h('span', { class: 'summary' }, tx(sc.summary)),
            ),
            () => {
              st.scenario = sc.id;
              st.humans = [];
              this.render();
            },
          ),
        ),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, t('mode')),
        radio('mode', 'solo', st.mode === 'solo', t('modeSolo'), () => {
          st.mode = 'solo';
          st.humans = st.humans.slice(0, 1);
          this.render();
        }),
        radio('mode', 'hotseat', st.mode === 'hotseat', t('modeHotseat'), () => {
          st.mode = 'hotseat';
          this.render();
        }),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, st.mode === 'solo' ? t('yourDelegation') : t('humanDelegations')),
        ...members.map((m) =>
          st.mode === 'solo'
            ? radio('delegation', m.id, st.humans[0] === m.id, tx(m.name), () => {
                st.humans = [m.id];
              })
            : h(
                'div',
                { class: 'check' },
                h('input', {
                  type: 'checkbox',
                  id: `human-${m.id}`,
                  value: m.id,
                  checked: st.humans.includes(m.id) ? true : null,
                  onchange: (e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    st.humans = on ? [...st.humans, m.id] : st.humans.filter((x) => x !== m.id);
                  },
                }),
                h('label', { for: `human-${m.id}` }, tx(m.name)),
              ),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'difficulty' }, t('aiDifficulty')),
        h(
          'select',
          {
            id: 'difficulty',
            onchange: (e: Event) =>
              (st.difficulty = (e.target as HTMLSelectElement).value as Difficulty),
          },
          ...(['easy', 'normal', 'hard'] as const).map((d) =>
            h('option', { value: d, selected: st.difficulty === d ? true : null }, t(`ai_${d}`)),
          ),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'profile' }, t('profile')),
        h(
          'select',
          {
            id: 'profile',
            'aria-describedby': 'profile-help',
            onchange: (e: Event) => {
              st.profile = (e.target as HTMLSelectElement).value as ProfileId;
              this.render();
            },
          },
          ...PROFILE_IDS.map((p) =>
            h(
              'option',
              { value: p, selected: st.profile === p ? true : null },
              tx(PROFILES[p].name),
            ),
          ),
        ),
        h('p', { class: 'help', id: 'profile-help' }, tx(PROFILES[st.profile].description)),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'seed' }, t('seed')),
        h('input', {
          id: 'seed',
          type: 'number',
          min: 0,
          max: SEED_MAX,
          value: st.seed,
          'aria-describedby': 'seed-help',
          oninput: (e: Event) => (st.seed = clampSeed((e.target as HTMLInputElement).value)),
        }),
        h('p', { class: 'help', id: 'seed-help' }, t('seedHelp')),
      ),
      h('p', { class: 'error', id: 'setup-error', role: 'alert' }),
      h(
        'div',
        { class: 'menu' },
        button(t('back'), () => this.go('title'), { id: 'back' }),
        h('button', { type: 'submit', class: 'primary', id: 'start' }, t('start')),
      ),
    );
    this.root.replaceChildren(
      h('header', { class: 'top' }, this.topButtons()),
      h(
        'main',
        { class: 'setup-screen', id: 'main', tabindex: '-1' },
        h('h1', {}, t('setupTitle')),
        this.linkNotice(),
        form,
        this.shareSection(),
      ),
    );
  }

  /** Above the setup opened from a link: that it was, and what of the link could not be used. */
  private linkNotice(): HTMLElement | null {
    const problems = this.linkProblems;
    if (!problems) return null;
    return h(
      'div',
      {
        class: problems.length ? 'notice' : 'notice-info',
        id: 'link-notice',
        role: problems.length ? 'alert' : 'status',
      },
      h('p', {}, t('linkApplied', { start: t('start') })),
      h('p', { id: 'link-summary' }, this.setupSummary()),
      problems.length > 0 && [
        h('p', {}, t('linkProblems')),
        h('ul', {}, ...problems.map((p) => h('li', {}, describeProblem(p, this.scenario()!)))),
        h('p', {}, t('linkFix')),
      ],
      // Start at hand: on a phone the form's own Start is below every scenario's summary.
      h(
        'button',
        { type: 'submit', form: 'setup-form', class: 'primary', id: 'link-start' },
        t('start'),
      ),
    );
  }

  /** The set-up in one line: scenario, delegations, AI, procedure, seed. */
  private setupSummary(): string {
    const st = this.setup;
    const sc = this.scenario();
    if (!sc) return '';
    const names = st.humans.map((id) => delegationName(id, sc));
    return [
      `${t('scenario')}: ${tx(sc.title)}`,
      `${st.mode === 'solo' ? t('yourDelegation') : t('humanDelegations')}: ${names.join(', ')}`,
      `${t('aiDifficulty')}: ${t(`ai_${st.difficulty}`)}`,
      `${t('profile')}: ${tx(PROFILES[st.profile].name)}`,
      `${t('seed')}: ${st.seed}`,
    ].join(' · ');
  }

  /**
   * The link to this set-up, for a teacher to give the class. Outside the form: Enter in the link's
   * field must not start the game.
   */
  private shareSection(): HTMLElement {
    return h(
      'section',
      { class: 'share-setup', 'aria-labelledby': 'share-title' },
      h('h2', { id: 'share-title' }, t('shareSetup')),
      h('p', { class: 'help', id: 'share-help' }, t('shareSetupHelp')),
      h('label', { for: 'setup-link' }, t('shareLink')),
      h('input', {
        id: 'setup-link',
        type: 'text',
        readonly: true,
        spellcheck: 'false',
        value: setupLink(this.sharedPage(), this.setup),
        'aria-describedby': 'share-help',
        onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
      }),
      h(
        'p',
        { class: 'help', id: 'share-local', hidden: !pageIsLocal() || this.classPage !== null },
        t('shareLocal'),
      ),
      button(t('copyLink'), () => void this.copySetupLink(), { id: 'copy-link' }),
      h('p', { class: 'help', id: 'copy-status', role: 'status' }),
    );
  }

  /**
   * The page the class opens. Opened as localhost (the teacher playing on the computer that runs
   * `npm start`), the link would only work here: ask the server once for its network address.
   */
  private sharedPage(): string {
    if (!pageIsLocal()) return location.href;
    if (this.classPage === undefined) {
      this.classPage = null;
      void fetch('/api/address')
        .then((r): Promise<{ base?: unknown }> | { base?: unknown } => (r.ok ? r.json() : {}))
        .then((a) => {
          // (An answer that is not an address throws here, and the note stays.)
          if (typeof a.base === 'string' && !isLocalHost(new URL(a.base).hostname))
            this.classPage = `${a.base}${location.pathname}`;
        })
        .catch(() => undefined)
        .finally(() => this.showSetupLink());
    }
    const note = document.getElementById('share-local');
    if (note) note.hidden = this.classPage !== null;
    return this.classPage ?? location.href;
  }

  private showSetupLink(): void {
    const field = document.getElementById('setup-link') as HTMLInputElement | null;
    if (field) field.value = setupLink(this.sharedPage(), this.setup);
    const summary = document.getElementById('link-summary');
    if (summary) summary.textContent = this.setupSummary();
    const status = document.getElementById('copy-status');
    if (status) status.textContent = '';
  }

  /** Copies the link; where the browser does not allow it (a page not served over HTTPS or from this computer), selects it for Ctrl+C. */
  private async copySetupLink(): Promise<void> {
    this.showSetupLink();
    const field = document.getElementById('setup-link') as HTMLInputElement | null;
    const status = document.getElementById('copy-status');
    if (!field || !status) return;
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = t('linkCopied');
    } catch {
      field.focus();
      field.select();
      status.textContent = t('linkCopyByHand');
    }
  }

  private async startNew(): Promise<void> {
    const s = this.scenario();
    if (!s) return;
    // Hot-seat with one delegation would be a solo game without saying so: ask for a second.
    const problem = !this.setup.humans.length
      ? t('pickOne')
      : this.setup.mode === 'hotseat' && this.setup.humans.length < 2
        ? t('pickTwo')
        : null;
    if (problem) {
      const err = document.getElementById('setup-error');
      if (err) {
        err.textContent = problem;
        // Pressed at the top (a teacher's link), the message would be out of sight below.
        err.scrollIntoView({ block: 'center' });
      }
      return;
    }
    clearSave();
    rememberSetup(this.setup);
    this.linkProblems = null;
    const conf = startConference(s, {
      seed: this.setup.seed,
      profile: this.setup.profile,
      humans: [...this.setup.humans],
    });
    await this.enterGame(conf, this.setup.difficulty);
  }

  private async continueGame(): Promise<void> {
    const r = readSave();
    if (!r.ok) {
      this.notice = r.kind === 'old' ? t('saveOld') : t('saveCorrupt', { reason: tx(r.reason) });
      this.go('title');
      return;
    }
    await this.enterGame(r.conference, r.difficulty);
  }

  // ── the conference ─────────────────────────────────────────────────────────────────────

  private async enterGame(conf: Conference, difficulty: Difficulty): Promise<void> {
    this.session?.stop();
    this.session = new LocalSession(conf, {
      difficulty,
      pace: this.pace(),
      onPhase: (c) => writeSave(c, difficulty),
    });
    // A finished game saved by an older version is marked as finished now, for the title.
    if (conf.snapshot.context.ended) writeSave(conf, difficulty);
    this.heardView = viewFor(conf, 'observer');
    this.confirmedSeat = '';
    this.seat = this.activeSeat();
    this.elsewhere = null;
    this.screen = conf.snapshot.context.ended ? 'debrief' : 'game';
    this.render();
    // The game starts at "Your move", not where Start was on the longer setup screen (on a
    // phone, the bottom of the game screen: the hall, below the desk).
    window.scrollTo(0, 0);
    this.session.subscribe((c, r) => this.onChange(c, r));
    if (this.screen === 'game') {
      // Play starts at once; the hall appears when Phaser has loaded, and the sounds load after
      // its first frame is on screen (opening an audio context alone takes tens of milliseconds).
      this.session.start();
      await this.ensureStage();
      this.refreshStage();
      await afterNextPaint();
      this.prepareMapSoon();
    }
    this.sound ??= createSound(
      {
        effects: this.settings.effects,
        ambience: this.settings.ambience,
        muted: this.settings.muted,
      },
      (text) => this.caption(tx(text)),
    );
    if (this.screen === 'game') this.sound.startAmbience();
    // Hot-seat: the handover's button, if the game opens on it; otherwise the page's main region.
    const handover = document.getElementById('handover');
    if (handover && !handover.hidden) document.getElementById('handover-confirm')?.focus();
    else document.getElementById('main')?.focus({ preventScroll: true });
  }

  /**
   * While the player chooses a scenario, the hall is made ready off screen (Phaser, the WebGL
   * context, the flags): Start then only has to lay it out. The same stage serves every game of
   * the visit.
   */
  private prewarmStage(): void {
    if (this.stagePromise) return;
    const title = this.scenario()?.title ?? { en: '', ru: '' };
    this.stageView ??= stageView(`${t(this.view)}: ${tx(title)}`);
    this.stagePromise = this.stageView.load();
  }

  private async ensureStage(): Promise<void> {
    if (!this.stageView) return;
    this.stagePromise ??= this.stageView.load();
    this.stage = await this.stagePromise;
    // The next animation frame comes after Phaser's step that drew the hall (`npm run bench`).
    if (this.stage) requestAnimationFrame(() => performance.mark('hall-first-frame'));
  }

  /** The map, loaded and drawn out of sight soon, so that M (or the Map button) shows it at once. */
  private prepareMapSoon(): void {
    const session = this.session;
    if (!this.stage || !session) return;
    prepareMapSoon(this.stage, () =>
      this.screen === 'game' && this.session === session
        ? mapModel(
            viewFor(session.conference, this.seat || 'observer'),
            session.conference.scenario,
            this.theme(),
          )
        : null,
    );
  }

  /** The seat this device acts for now: in hot-seat play, the human who must act next. */
  private activeSeat(): string {
    const s = this.session;
    if (!s) return '';
    const humans = s.humans;
    if (humans.length <= 1) return humans[0] ?? '';
    const ctx = s.conference.snapshot.context;
    const phase = currentPhase(s.conference);
    const needs = (d: string): boolean => {
      const st = ctx.delegations[d]!;
      if (phase === 'rollCall.open') return st.presence === 'absent';
      if (st.presence === 'absent' || st.frozen) return false;
      if (phase === 'floor.item.voting') return !ctx.ballots[ctx.ballot]?.votes[d];
      if (phase === 'floor.item.debate.motionVote') return !ctx.motionVote?.votes[d];
      if (phase === 'crisis.responses')
        return (
          ctx.crisis !== null &&
          s.conference.env.crisis.get(ctx.crisis)!.requester !== d &&
          !ctx.crises[ctx.crisis]!.responses[d]
        );
      if (ctx.speaker?.delegation === d) return true;
      return ctx.offers.some((o) => o.to === d && o.status === 'open');
    };
    if (this.seat && needs(this.seat)) return this.seat;
    return humans.find(needs) ?? (this.seat || humans[0]!);
  }

  private onChange(c: Conference, r: SendResult | null): void {
    if (r && !r.ok) return;
    const ctx = c.snapshot.context;
    const s = c.scenario;
    // What a screen reader hears and the sounds, read from the change in the public view.
    const view = viewFor(c, 'observer');
    const heard = heardBetween(this.heardView, view, s);
    this.heardView = view;
    if (heard.lines.length) this.live(heard.lines.join(' '));
    for (const cue of new Set(heard.cues)) this.cue(cue);
    if (ctx.ended && this.screen === 'game') {
      writeSave(c, this.session!.difficulty);
      this.session?.stop();
      this.sound?.stopAmbience();
      this.screen = 'debrief';
      this.render();
      document.getElementById('main')?.focus({ preventScroll: true });
      return;
    }
    const next = this.activeSeat();
    if (next !== this.seat) this.seat = next;
    this.updateGame();
  }

  private renderGame(): void {
    const s = this.scenario()!;
    const hot = (this.session?.humans.length ?? 0) > 1;
    const before = this.game;
    this.game = new GameScreen({
      scenario: s,
      send: (raw) => this.session!.send(raw),
      seat: () => this.seat,
      refused: (x) => this.refused(x),
    });
    // The same game drawn anew (a change of language or text size): keep what was being composed.
    if (before && this.gameDrawnFor === this.session) this.game.takeDraftsFrom(before);
    this.gameDrawnFor = this.session;
    const header = h(
      'header',
      { class: 'top game-top' },
      h(
        'div',
        { class: 'status' },
        h('strong', { class: 'scenario-title', title: tx(s.title) }, tx(s.title)),
        h('span', { id: 'phase', class: 'phase' }),
        h('span', { id: 'clock', class: 'clock', 'aria-label': t('clock') }),
      ),
      viewSwitch(this.view, (v) => this.setView(v)),
      this.topButtons(),
      button(t('saveQuit'), () => this.saveAndQuit(), { id: 'save-quit' }),
    );
    // One stage view for the page's life: Phaser's canvas and scale manager stay bound to its host.
    const view = (this.stageView ??= stageView(`${t(this.view)}: ${tx(s.title)}`));
    labelStage(this.view, s.title);
    const handover = hot
      ? h('div', {
          id: 'handover',
          class: 'handover',
          hidden: true,
          role: 'dialog',
          'aria-modal': 'true',
          'aria-labelledby': 'handover-title',
        })
      : null;
    this.root.replaceChildren(
      header,
      h('main', { class: 'game-screen', id: 'main', tabindex: '-1' }, view.wrap, this.game.root),
      ...(handover ? [handover] : []),
    );
    this.updateGame();
  }

  private setView(v: StageShows): void {
    this.view = v;
    showOnStage(v, this.stage, this.scenario()!.title);
    this.refreshStage();
  }

  private refreshStage(): void {
    if (!this.stage || !this.session) return;
    const v = viewFor(this.session.conference, this.seat || 'observer');
    if (this.view === 'hall')
      this.stage.renderHall(
        hallModel(v, this.session.conference.scenario, this.theme(), this.session.humans),
      );
    else this.stage.renderMap(mapModel(v, this.session.conference.scenario, this.theme()));
  }

  private updateGame(): void {
    if (this.screen !== 'game' || !this.session || !this.game) return;
    const c = this.session.conference;
    const ctx = c.snapshot.context;
    const phase = document.getElementById('phase');
    if (phase) phase.textContent = phaseText(currentPhase(c), ctx.paused);
    const clock = document.getElementById('clock');
    if (clock) clock.textContent = clockText(ctx.clock);
    const hand = document.getElementById('handover');
    if (hand && this.seat !== this.confirmedSeat) {
      // Hot-seat: hide the desk until the next delegation confirms it is at the device.
      const name = delegationName(this.seat, c.scenario);
      this.game.root.hidden = true;
      hand.hidden = false;
      hand.replaceChildren(
        // The first delegation has no one before it whose brief was hidden.
        h(
          'h2',
          { id: 'handover-title' },
          t(this.confirmedSeat ? 'handoverTitle' : 'handoverFirstTitle', { name }),
        ),
        h('p', {}, t(this.confirmedSeat ? 'handoverText' : 'handoverFirstText', { name })),
        button(
          t('handoverConfirm', { name }),
          () => {
            this.confirmedSeat = this.seat;
            hand.hidden = true;
            this.game!.root.hidden = false;
            this.updateGame();
            document.getElementById('panel-actions')?.focus();
          },
          { id: 'handover-confirm', class: 'primary' },
        ),
      );
      document.getElementById('handover-confirm')?.focus();
      return;
    }
    this.game.update(viewFor(c, this.seat));
    this.refreshStage();
  }

  private saveAndQuit(): void {
    if (this.session) writeSave(this.session.conference, this.session.difficulty);
    this.session?.stop();
    this.sound?.stopAmbience();
    this.session = null;
    this.notice = t('saved');
    this.go('title');
  }

  private renderDebrief(): void {
    const c = this.session!.conference;
    const actions = h(
      'div',
      { class: 'menu' },
      button(
        t('newGameAfter'),
        () => {
          this.session = null;
          this.go('setup');
        },
        { class: 'primary', id: 'play-again' },
      ),
      button(
        t('toTitle'),
        () => {
          this.session = null;
          this.go('title');
        },
        { id: 'to-title' },
      ),
      button(t('afterAction'), () => this.showReport(c), { id: 'after-action' }),
      button(t('replayGame'), () => this.openReplay(JSON.parse(JSON.stringify(saveGame(c)))), {
        id: 'replay-this',
      }),
    );
    this.root.replaceChildren(
      h('header', { class: 'top' }, this.topButtons()),
      renderDebrief(debriefOf(c), c.scenario, this.session!.humans, actions),
    );
  }

  /** The after-action report of a finished game, with its exports and print view. */
  private showReport(c: Conference): void {
    // A change of settings draws the report again, not the debrief beneath it.
    this.elsewhere = { refresh: () => this.showReport(c) };
    this.root.replaceChildren(
      h('header', { class: 'top' }, this.topButtons()),
      h(
        'main',
        { id: 'main', tabindex: '-1', class: 'report-screen' },
        button(
          t('back'),
          () => {
            this.elsewhere = null;
            this.render();
          },
          { id: 'report-back' },
        ),
        renderReport(c.scenario, c, getLang()),
      ),
    );
    document.getElementById('main')?.focus({ preventScroll: true });
  }

  // ── dialogs and keys ───────────────────────────────────────────────────────────────────

  private dialog(id: string, title: string, body: Node[]): void {
    document.getElementById(id)?.remove();
    const opener = document.activeElement as HTMLElement | null;
    const d = h(
      'dialog',
      { id, 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, title),
      ...body,
      h(
        'form',
        { method: 'dialog' },
        h('button', { type: 'submit', id: `${id}-close` }, t('close')),
      ),
    );
    // The opener may have been drawn anew meanwhile (a change of language): find it again.
    const key = opener?.id
      ? `#${CSS.escape(opener.id)}`
      : opener?.dataset.key
        ? `[data-key="${CSS.escape(opener.dataset.key)}"]`
        : null;
    d.addEventListener('close', () => {
      d.remove();
      const again = opener?.isConnected
        ? opener
        : key
          ? document.querySelector<HTMLElement>(key)
          : null;
      again?.focus();
    });
    document.body.append(d);
    d.showModal();
  }

  private openSettings(): void {
    const s = this.settings;
    const range = (
      id: string,
      label: Key,
      value: number,
      min: number,
      max: number,
      step: number,
      set: (v: number) => void,
      unit = '%',
    ) => {
      const text = (v: number) => `${Math.round(v * (unit === '%' ? 100 : 1))}${unit}`;
      // The value shown beside the label, and told to screen readers, follows the slider.
      const shown = h('output', { for: id, id: `${id}-value`, class: 'range-value' }, text(value));
      return h(
        'div',
        { class: 'field' },
        h('label', { for: id }, t(label), ': ', shown),
        h('input', {
          id,
          type: 'range',
          min,
          max,
          step,
          value,
          'aria-valuetext': text(value),
          oninput: (e: Event) => {
            const input = e.target as HTMLInputElement;
            const v = Number(input.value);
            input.setAttribute('aria-valuetext', text(v));
            shown.textContent = text(v);
            set(v);
            this.applyAll();
          },
        }),
      );
    };
    const check = (id: string, label: Key, value: boolean, set: (v: boolean) => void) =>
      h(
        'div',
        { class: 'check' },
        h('input', {
          id,
          type: 'checkbox',
          checked: value ? true : null,
          onchange: (e: Event) => {
            set((e.target as HTMLInputElement).checked);
            this.applyAll();
          },
        }),
        h('label', { for: id }, t(label)),
      );
    const select = (
      id: string,
      label: Key,
      value: string,
      options: [string, Key][],
      set: (v: string) => void,
      note?: Key,
    ) =>
      h(
        'div',
        { class: 'field' },
        h('label', { for: id }, t(label)),
        h(
          'select',
          {
            id,
            // A note says why the choice does not apply here; the setting is kept for later.
            disabled: note ? true : null,
            'aria-describedby': note ? `${id}-note` : null,
            onchange: (e: Event) => {
              set((e.target as HTMLSelectElement).value);
              this.applyAll();
            },
          },
          ...options.map(([v, k]) =>
            h('option', { value: v, selected: v === value ? true : null }, t(k)),
          ),
        ),
        note ? h('p', { class: 'help', id: `${id}-note` }, t(note)) : null,
      );
    this.dialog('settings', t('settings'), [
      select(
        'set-lang',
        'language',
        s.lang,
        [
          ['en', 'language'],
          ['ru', 'language'],
        ],
        (v) => {
          s.lang = v as Lang;
          setLang(s.lang);
        },
      ),
      range('set-text', 'textSize', s.textScale, 1, 2, 0.25, (v) => (s.textScale = v)),
      range('set-effects', 'effectsVolume', s.effects, 0, 1, 0.1, (v) => (s.effects = v)),
      range('set-ambience', 'ambienceVolume', s.ambience, 0, 1, 0.1, (v) => (s.ambience = v)),
      check('set-mute', 'mute', s.muted, (v) => (s.muted = v)),
      check('set-captions', 'captions', s.captions, (v) => (s.captions = v)),
      select(
        'set-motion',
        'reducedMotion',
        s.reducedMotion,
        [
          ['system', 'rm_system'],
          ['on', 'rm_on'],
          ['off', 'rm_off'],
        ],
        (v) => (s.reducedMotion = v as Settings['reducedMotion']),
      ),
      select(
        'set-palette',
        'palette',
        s.palette,
        [
          ['default', 'pal_default'],
          ['colourblind', 'pal_colourblind'],
        ],
        (v) => (s.palette = v as Settings['palette']),
      ),
      check('set-contrast', 'highContrast', s.highContrast, (v) => (s.highContrast = v)),
      select(
        'set-speed',
        'gameSpeed',
        s.speed,
        [
          ['slow', 'speed_slow'],
          ['normal', 'speed_normal'],
          ['fast', 'speed_fast'],
        ],
        (v) => (s.speed = v as Settings['speed']),
        // In a class session the speed is the session's, chosen on the facilitator console.
        (this.elsewhere as { inSession?: boolean } | null)?.inSession
          ? 'speedInSession'
          : undefined,
      ),
    ]);
    // The language options name themselves in their own language.
    const langSelect = document.getElementById('set-lang') as HTMLSelectElement;
    langSelect.options[0]!.textContent = 'English';
    langSelect.options[0]!.lang = 'en';
    langSelect.options[1]!.textContent = 'Русский';
    langSelect.options[1]!.lang = 'ru';
  }

  /**
   * Help: how to play, then the keys that work on this screen. `?` opens it at the keys; the
   * header's Help button at its top.
   */
  private openHelp(at: 'top' | 'keys' = 'top'): void {
    // The keys that do something on this screen: the map's where there is a map, a delegation's
    // desk's where there is one, the message box's in a class.
    const keys: ShortcutSet =
      this.screen === 'game'
        ? { map: true, desk: true, send: true }
        : (this.elsewhere?.keys?.() ?? { map: false, desk: false, send: false });
    const rows: [string, Key][] = [
      ['?', 'key_help'],
      ...(keys.map ? ([['M', 'key_map']] as [string, Key][]) : []),
      ['S', 'key_settings'],
      ...(keys.desk
        ? ([
            ['G', 'key_actions'],
            ['Y', 'key_yes'],
            ['N', 'key_no'],
            ['A', 'key_aside'],
          ] as [string, Key][])
        : []),
      ['Esc', 'key_escape'],
      ...(keys.send ? ([['Ctrl+Enter', 'key_sendMessage']] as [string, Key][]) : []),
    ];
    // What the person at this screen does: play a delegation, chair (training), or run the class.
    const who = this.elsewhere?.helpFor?.() ?? 'play';
    const guide: Record<typeof who, { title: Key; topics: readonly string[]; prefix: string }> = {
      play: {
        title: 'howToPlay',
        topics: ['aim', 'rule', 'steps', 'move', 'deal', 'crisis', 'score'],
        prefix: 'help',
      },
      chair: {
        title: 'howToChair',
        topics: ['role', 'points', 'motions', 'floor', 'score'],
        prefix: 'chair',
      },
      console: { title: 'howToRun', topics: ['room', 'chair', 'events', 'end'], prefix: 'con' },
    };
    const g = guide[who];
    const names = { report: t('afterAction'), replay: t('replaySessionAction') };
    this.dialog('help', t('help'), [
      h(
        'section',
        { 'aria-labelledby': 'help-play', 'data-help': who },
        h('h3', { id: 'help-play' }, t(g.title)),
        ...g.topics.flatMap((k) => [
          h('h4', {}, t(`${g.prefix}_${k}_h` as Key)),
          h('p', {}, t(`${g.prefix}_${k}` as Key, names)),
        ]),
      ),
      h(
        'section',
        { 'aria-labelledby': 'help-keys', id: 'help-keys-section' },
        h('h3', { id: 'help-keys' }, t('shortcuts')),
        h(
          'dl',
          { class: 'keys' },
          ...rows.flatMap(([k, d]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, t(d))]),
        ),
      ),
    ]);
    // Its only control is Close, at the bottom, where the dialog would otherwise open: focus its
    // title instead, or the keys' heading for `?`.
    const start = document.getElementById(at === 'keys' ? 'help-keys' : 'help-title');
    start?.setAttribute('tabindex', '-1');
    start?.focus();
  }

  private onKey(e: KeyboardEvent): void {
    // Escape closes a refusal shown on screen, wherever the focus is (an open dialog keeps it).
    const refusal = document.getElementById('refusal');
    if (e.key === 'Escape' && refusal && !document.querySelector('dialog[open]'))
      return refusal.remove();
    const k = shortcutKey(e);
    if (k === null) return;
    if (k === '?') return this.openHelp('keys');
    if (k === 's') return this.openSettings();
    // A classroom desk or the projector has its own (the hall and map, the desk's votes).
    if (this.elsewhere?.key?.(k)) return;
    if (this.screen !== 'game') return;
    if (k === 'm') return this.setView(this.view === 'hall' ? 'map' : 'hall');
    deskShortcut(k);
  }
}
