/**
 * The replay viewer: a game rebuilt from its event log alone. The log is replayed once through
 * `send`, keeping the state after every event, so the viewer can step back and forth, play at a
 * chosen speed, and jump between votes and crises. It shows the hall (Phaser, when it loads), the
 * current event in words, the phase and the clock, the agenda with outcomes so far, and at the end
 * the after-action report. Everything is text first: the replay works before, or without, the hall.
 */
import '../report.css';
import {
  currentPhase,
  replayGame,
  send,
  startConference,
  type Conference,
} from '../../core/conference';
import type { ConferenceEvent } from '../../core/events';
import { PROFILES } from '../../core/profiles';
import type { Scenario } from '../../core/scenario';
import type { ConferenceContext } from '../../core/state';
import { viewFor } from '../../core/views';
import { getLang, t, tx } from '../i18n';
import { hallModel } from '../models';
import { clockMmSs, describeStep } from '../report';
import { peekSave } from '../save-slot';
import { scenarioById } from '../scenarios';
import type { Theme } from '../scenes/types';
import type { Stage } from '../stage';
import { stageView, type StageView } from './stage-view';
import { button, h } from './dom';
import { phaseText, proposalLabel } from './labels';
import { renderReport } from './report-view';

export interface ReplayDeps {
  header: () => HTMLElement;
  theme: () => Theme;
  toTitle: () => void;
  live: (s: string) => void;
}

export const REPLAY_SPEEDS = [0.5, 1, 2, 4, 8] as const;
/** Milliseconds per event at 1×. */
const BASE_DELAY = 900;

type Snapshot = Conference['snapshot'];

interface Loaded {
  scenario: Scenario;
  /** The whole game, replayed: its log is every event. */
  final: Conference;
  /** `snapshots[i]`: the state once `i` events have been applied (0 … log length). */
  snapshots: Snapshot[];
  /** Positions (events applied) just after a ballot closed. */
  votes: number[];
  /** Positions just after a crisis opened or was decided. */
  crises: number[];
}

type Checked = { ok: true; loaded: Loaded } | { ok: false; message: string };

/** Reads an untrusted game record: a SavedGame (format 1), a browser save, or its JSON text. */
export const loadReplay = (saved: unknown): Checked => {
  const fail = (r: string): Checked => ({ ok: false, message: t('replayInvalid', { r }) });
  let data = saved;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      return fail(t('replayNotJson'));
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail(t('replayNotGame'));
  const rec = data as { scenario?: unknown; events?: unknown; app?: unknown };
  if (rec.app !== undefined && rec.app !== 'consensus') return fail(t('replayNotGame'));
  if (typeof rec.scenario !== 'string') return fail(t('replayNotGame'));
  const scenario = scenarioById(rec.scenario);
  if (!scenario) return fail(t('replayUnknownScenario', { id: rec.scenario.slice(0, 80) }));
  // The envelope (format, scenario, seed, profile, event list) is checked by the core.
  const envelope = replayGame(scenario, {
    ...rec,
    events: Array.isArray(rec.events) ? [] : rec.events,
  });
  if (!envelope.ok) return fail(tx(envelope.reason));
  const events = rec.events as unknown[];
  let conf = startConference(scenario, envelope.conference.options);
  const snapshots: Snapshot[] = [conf.snapshot];
  const votes: number[] = [];
  const crises: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const before = conf.snapshot.context;
    const r = send(conf, events[i]);
    if (!r.ok) return fail(t('replayRefused', { n: i + 1, r: tx(r.reason) }));
    conf = r.conference;
    const after = conf.snapshot.context;
    const p = i + 1;
    if (r.event.type === 'chair.closeBallot') votes.push(p);
    if (
      r.event.type === 'chair.closeResponses' ||
      (after.crisis !== null && after.crisis !== before.crisis)
    )
      crises.push(p);
    snapshots.push(conf.snapshot);
  }
  return { ok: true, loaded: { scenario, final: conf, snapshots, votes, crises } };
};

export class ReplayScreen {
  private game: Loaded | null = null;
  private pos = 0;
  private speed = 1;
  private timer: number | null = null;
  private stage: Stage | null = null;
  private stageView: StageView | null = null;
  private stageFailed = false;
  private reportShown = false;
  private announcedEnd = false;
  private els: Record<string, HTMLElement> = {};

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: ReplayDeps,
  ) {}

  // ── opening a game ─────────────────────────────────────────────────────────────────────

  /** Opens a game record (object or JSON text). Shows the problem if it is not a valid game. */
  open(saved: unknown): void {
    try {
      const r = loadReplay(saved);
      if (!r.ok) {
        this.showChooser(r.message);
        this.deps.live(r.message);
        return;
      }
      this.close();
      this.game = r.loaded;
      this.pos = 0;
      this.render();
    } catch (e) {
      const message = t('replayInvalid', { r: e instanceof Error ? e.message : String(e) });
      this.showChooser(message);
      this.deps.live(message);
    }
  }

  /** A screen with a file picker: choosing a game record opens it. */
  openFile(): void {
    this.showChooser(null);
  }

  /** Stops playback and releases the hall. Call before leaving the screen. */
  close(): void {
    this.stop();
    this.stage?.destroy();
    this.stage = null;
    this.stageView = null;
    this.reportShown = false;
  }

  /** After a change of settings: the same screen again, at the same position. */
  refresh(): void {
    this.render();
  }

  /** Draws the screen again (after a change of language), at the same position. */
  render(): void {
    if (!this.game) {
      this.showChooser(null);
      return;
    }
    this.stop();
    this.stage?.destroy();
    this.stage = null;
    this.reportShown = false;
    this.build();
    this.update();
    document.getElementById('main')?.focus({ preventScroll: true });
  }

  private leave(): void {
    this.close();
    this.game = null;
    this.deps.toTitle();
  }

  private showChooser(error: string | null): void {
    this.close();
    const input = h('input', {
      type: 'file',
      id: 'replay-file',
      accept: '.json,application/json',
      'aria-describedby': error ? 'replay-error' : 'replay-intro',
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      file.text().then(
        (text) => this.open(text),
        () => this.open(null),
      );
    });
    this.root.replaceChildren(
      this.deps.header(),
      h(
        'main',
        { class: 'setup-screen replay-chooser', id: 'main', tabindex: '-1' },
        h('h1', {}, t('replayHeading')),
        h('p', { id: 'replay-intro' }, t('replayIntro')),
        error ? h('p', { class: 'error', id: 'replay-error', role: 'alert' }, error) : null,
        this.savedHere(),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'replay-file' }, t('replayChooseFile')),
          input,
        ),
        h(
          'div',
          { class: 'menu' },
          button(t('toTitle'), () => this.leave(), { id: 'replay-to-title' }),
        ),
      ),
    );
    (error ? input : document.getElementById('main'))?.focus({ preventScroll: true });
  }

  /**
   * The game saved on this device (the last solo or hot-seat game, finished or not), to replay
   * without exporting it first; null when there is none or it names no known scenario.
   */
  private savedHere(): Node | null {
    const save = peekSave();
    const scenario = save ? scenarioById(save.scenario) : null;
    if (!save || !scenario) return null;
    return h(
      'div',
      { class: 'menu' },
      button(
        t('replaySaved', { title: tx(scenario.title), n: save.events }),
        () => this.open(save.raw),
        { id: 'replay-saved', class: 'primary' },
      ),
    );
  }

  // ── the replay screen ──────────────────────────────────────────────────────────────────

  private total(): number {
    return this.game ? this.game.snapshots.length - 1 : 0;
  }

  private conferenceAt(p: number): Conference {
    const g = this.game!;
    return { ...g.final, snapshot: g.snapshots[p]!, log: g.final.log.slice(0, p) };
  }

  private ctxAt(p: number): ConferenceContext {
    return this.game!.snapshots[p]!.context;
  }

  private build(): void {
    const g = this.game!;
    const s = g.scenario;
    const ctx0 = this.ctxAt(0);
    const ctrl = (id: string, label: string, onClick: () => void) =>
      button(label, onClick, { id, 'data-key': id });
    const speed = h(
      'select',
      { id: 'replay-speed' },
      ...REPLAY_SPEEDS.map((x) =>
        h('option', { value: String(x), selected: x === this.speed }, `${x}×`),
      ),
    );
    speed.addEventListener('change', () => {
      this.speed = Number(speed.value) || 1;
      if (this.timer !== null) {
        this.stop();
        this.play();
      }
    });
    const slider = h('input', {
      type: 'range',
      id: 'replay-pos',
      min: 0,
      max: this.total(),
      step: 1,
      value: this.pos,
    });
    slider.addEventListener('input', () => {
      this.stop();
      this.go(Number(slider.value));
    });
    const view = (this.stageView = stageView(`${t('hall')}: ${tx(s.title)}`, t('replayNoStage')));
    this.els = {
      phase: h('span', { id: 'replay-phase', class: 'phase' }),
      clock: h('span', { id: 'replay-clock', class: 'clock' }),
      position: h('span', { id: 'replay-position' }),
      event: h('p', {
        id: 'replay-event',
        class: 'replay-event',
        'aria-live': 'polite',
        'aria-atomic': 'true',
      }),
      why: h('p', { id: 'replay-why', class: 'replay-why' }),
      recent: h('ol', { id: 'replay-recent', class: 'replay-recent', reversed: true }),
      agenda: h('div', { id: 'replay-agenda-body' }),
      report: h('div', { id: 'replay-report', class: 'replay-report' }),
      goReport: button(t('replayGoReport'), () => this.focusReport(), {
        id: 'replay-go-report',
        hidden: true,
      }),
      play: ctrl('replay-play', t('replayPlay'), () => this.toggle()),
      start: ctrl('replay-start', t('replayStart'), () => this.jump(0)),
      back: ctrl('replay-back', t('replayBack'), () => this.jump(this.pos - 1)),
      forward: ctrl('replay-forward', t('replayForward'), () => this.jump(this.pos + 1)),
      end: ctrl('replay-end', t('replayEnd'), () => this.jump(this.total())),
      prevVote: ctrl('replay-prev-vote', t('replayPrevVote'), () => this.jump(this.prev(g.votes))),
      nextVote: ctrl('replay-next-vote', t('replayNextVote'), () => this.jump(this.next(g.votes))),
      prevCrisis: ctrl('replay-prev-crisis', t('replayPrevCrisis'), () =>
        this.jump(this.prev(g.crises)),
      ),
      nextCrisis: ctrl('replay-next-crisis', t('replayNextCrisis'), () =>
        this.jump(this.next(g.crises)),
      ),
      slider,
      speed,
    };
    const e = this.els;
    const header = this.deps.header();
    this.root.replaceChildren(
      header,
      h(
        'main',
        { class: 'replay-screen', id: 'main', tabindex: '-1' },
        h('h1', {}, t('replayTitle', { title: tx(s.title) })),
        h(
          'p',
          { class: 'replay-meta' },
          t('replayMeta', {
            profile: tx(PROFILES[ctx0.profile].name),
            seed: ctx0.seed,
            n: this.total(),
          }),
        ),
        h(
          'div',
          { class: 'game-screen replay-layout' },
          view.wrap,
          h(
            'div',
            { class: 'replay-side' },
            h(
              'section',
              { class: 'panel', 'aria-labelledby': 'replay-now-h' },
              h('h2', { id: 'replay-now-h' }, t('replayCurrentEvent')),
              h(
                'p',
                { class: 'replay-status' },
                h('span', {}, `${t('phase')}: `, e.phase!),
                h('span', {}, `${t('clock')}: `, e.clock!),
                e.position!,
              ),
              e.event!,
              e.why!,
              e.goReport!,
            ),
            h(
              'section',
              { class: 'panel', 'aria-labelledby': 'replay-controls-h' },
              h('h2', { id: 'replay-controls-h', class: 'visually-hidden' }, t('replayControls')),
              h(
                'div',
                { class: 'replay-controls', role: 'group', 'aria-label': t('replayControls') },
                e.start!,
                e.prevCrisis!,
                e.prevVote!,
                e.back!,
                e.play!,
                e.forward!,
                e.nextVote!,
                e.nextCrisis!,
                e.end!,
              ),
              h(
                'div',
                { class: 'replay-slider' },
                h('label', { for: 'replay-pos' }, t('replaySlider')),
                slider,
              ),
              h(
                'div',
                { class: 'replay-speed' },
                h('label', { for: 'replay-speed' }, t('replaySpeed')),
                speed,
              ),
            ),
            h(
              'section',
              { class: 'panel replay-agenda', 'aria-labelledby': 'replay-agenda-h' },
              h('h2', { id: 'replay-agenda-h' }, t('replayAgenda')),
              e.agenda!,
            ),
            h(
              'section',
              { class: 'panel', 'aria-labelledby': 'replay-recent-h' },
              h('h2', { id: 'replay-recent-h' }, t('replayRecent')),
              e.recent!,
            ),
          ),
        ),
        e.report!,
        h(
          'div',
          { class: 'menu' },
          button(t('replayOpenAnother'), () => this.openFile(), { id: 'replay-open-another' }),
          button(t('toTitle'), () => this.leave(), { id: 'replay-to-title' }),
        ),
      ),
    );
    this.startStage(view);
  }

  private startStage(view: StageView): void {
    if (this.stageFailed) return view.fail();
    void view.load().then((stage) => {
      if (!stage) {
        this.stageFailed = true;
        return;
      }
      // The screen was left (or drawn again) while Phaser loaded.
      if (this.stageView !== view) return stage.destroy();
      this.stage = stage;
      stage.showHall();
      this.renderStage();
    });
  }

  private renderStage(): void {
    if (!this.stage || !this.game) return;
    try {
      const v = viewFor(this.conferenceAt(this.pos), 'observer');
      this.stage.renderHall(hallModel(v, this.game.scenario, this.deps.theme(), []));
    } catch {
      // The hall is a picture of the text beside it; the replay goes on without it.
    }
  }

  // ── moving ─────────────────────────────────────────────────────────────────────────────

  private prev(marks: readonly number[]): number {
    for (let i = marks.length - 1; i >= 0; i--) if (marks[i]! < this.pos) return marks[i]!;
    return -1;
  }
  private next(marks: readonly number[]): number {
    for (const m of marks) if (m > this.pos) return m;
    return -1;
  }

  /** A button's move: stops playback first. */
  private jump(p: number): void {
    this.stop();
    if (p < 0 || p > this.total()) return;
    this.go(p);
  }

  private go(p: number): void {
    this.pos = Math.max(0, Math.min(this.total(), p));
    this.update();
  }

  private toggle(): void {
    if (this.timer !== null) {
      this.stop();
      this.deps.live(t('replayPaused', { n: this.pos, total: this.total() }));
      return;
    }
    if (this.pos >= this.total()) this.go(0);
    this.play();
    this.deps.live(t('replayPlaying', { s: this.speed }));
  }

  private play(): void {
    this.setPlaying(true);
    const tick = () => {
      if (this.pos >= this.total()) {
        this.stop();
        return;
      }
      this.go(this.pos + 1);
      if (this.pos >= this.total()) {
        this.stop();
        return;
      }
      this.timer = window.setTimeout(tick, BASE_DELAY / this.speed);
    };
    this.timer = window.setTimeout(tick, BASE_DELAY / this.speed);
  }

  private stop(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.setPlaying(false);
  }

  private setPlaying(on: boolean): void {
    const play = this.els.play;
    if (!play) return;
    play.textContent = on ? t('replayPause') : t('replayPlay');
    play.classList.toggle('primary', !on);
    // While playing, the event text is not read out at every step; stepping reads each one.
    this.els.event?.setAttribute('aria-live', on ? 'off' : 'polite');
  }

  // ── showing the position ───────────────────────────────────────────────────────────────

  private describe(p: number) {
    const g = this.game!;
    if (p === 0) return { text: t('replayBeforeFirst'), why: '' };
    const event = g.final.log[p - 1] as ConferenceEvent;
    const s = describeStep(g.scenario, this.ctxAt(p - 1), this.ctxAt(p), event, getLang());
    return { text: s.text, why: s.why ?? '' };
  }

  private update(): void {
    const g = this.game;
    const e = this.els;
    if (!g || !e.event) return;
    const p = this.pos;
    const total = this.total();
    const ctx = this.ctxAt(p);
    const phase = currentPhase(this.conferenceAt(p));
    e.phase!.textContent = phaseText(phase, ctx.paused);
    e.clock!.textContent = clockMmSs(ctx.clock);
    e.position!.textContent = t('replayPosition', { n: p, total });
    const d = this.describe(p);
    e.event.textContent = d.text;
    e.why!.textContent = d.why;
    e.why!.hidden = !d.why;
    const slider = e.slider as HTMLInputElement;
    slider.value = String(p);
    slider.setAttribute('aria-valuetext', t('replayPosition', { n: p, total }));
    const disable = (el: HTMLElement | undefined, off: boolean) =>
      el?.setAttribute('aria-disabled', off ? 'true' : 'false');
    disable(e.start, p === 0);
    disable(e.back, p === 0);
    disable(e.forward, p >= total);
    disable(e.end, p >= total);
    disable(e.prevVote, this.prev(g.votes) < 0);
    disable(e.nextVote, this.next(g.votes) < 0);
    disable(e.prevCrisis, this.prev(g.crises) < 0);
    disable(e.nextCrisis, this.next(g.crises) < 0);
    this.renderAgenda(ctx, phase);
    this.renderRecent(p);
    this.renderStage();
    if (p >= total) this.showReport();
    // Arriving at the end is announced once, however one got there.
    if (p >= total && this.announcedEnd !== true) this.deps.live(t('replayEnded'));
    this.announcedEnd = p >= total;
  }

  private renderRecent(p: number): void {
    const items: HTMLElement[] = [];
    for (let i = p - 1; i >= 1 && items.length < 6; i--) {
      const d = this.describe(i);
      items.push(
        h(
          'li',
          { value: i },
          h('span', { class: 'clock' }, clockMmSs(this.ctxAt(i).clock)),
          // A space, so that the time and the event read as two words ("00:00Russia asked").
          ' ',
          d.text,
        ),
      );
    }
    this.els.recent!.replaceChildren(...items);
  }

  private renderAgenda(ctx: ConferenceContext, phase: string): void {
    const s = this.game!.scenario;
    const outcome = (id: string) => {
      const o = ctx.outcomes[id];
      if (!o) return `— ${t('replayUndecided')}`;
      if (o.postponed) return `… ${t('postponed')}`;
      return o.adopted ? `✓ ${t('adopted')}` : `✕ ${t('notAdopted')}`;
    };
    const items = ctx.agenda.map((id, i) => {
      const item = s.agenda.find((a) => a.id === id);
      const current = phase.startsWith('floor') && i === ctx.item;
      return h(
        'li',
        { class: current ? 'current' : undefined, 'aria-current': current ? 'step' : undefined },
        h('strong', {}, item ? tx(item.title) : id),
        current ? ` (${t('current')})` : '',
        h(
          'ul',
          {},
          ...(item?.proposals ?? []).map((pid) =>
            h('li', {}, `${proposalLabel(pid, s)}: `, outcome(pid)),
          ),
        ),
      );
    });
    const crises = Object.values(ctx.crises).map((c) => {
      const cr = s.crises.find((x) => x.id === c.id);
      const title = cr ? tx(cr.title) : c.id;
      return h(
        'li',
        {},
        h('strong', {}, title),
        ': ',
        c.status === 'open'
          ? t('replayCrisisOpen')
          : c.honoured
            ? `✓ ${t('honoured')}`
            : `✕ ${t('notHonoured')}`,
      );
    });
    this.els.agenda!.replaceChildren(
      h('ol', {}, ...items),
      ...(crises.length ? [h('h3', {}, t('crisesHeading')), h('ul', {}, ...crises)] : []),
    );
  }

  private showReport(): void {
    if (this.reportShown || !this.game) return;
    this.reportShown = true;
    const lang = getLang();
    this.els.report!.replaceChildren(
      renderReport(this.game.scenario, this.game.final, lang, { level: 2 }),
    );
    this.els.goReport!.hidden = false;
  }

  private focusReport(): void {
    const title = this.els.report?.querySelector<HTMLElement>('h2');
    if (!title) return;
    title.tabIndex = -1;
    title.focus({ preventScroll: true });
    title.scrollIntoView({
      behavior: this.deps.theme().reducedMotion ? 'auto' : 'smooth',
      block: 'start',
    });
  }
}
