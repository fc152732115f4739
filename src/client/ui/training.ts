/**
 * Chair training: the trainee chairs a committee of AI delegates who raise points and motions,
 * some out of order or claiming the wrong threshold. Each ruling is judged at once against the
 * procedure profile, with the rule it breaks when it is wrong; the end shows the score.
 */
import type { ConferenceEvent } from '../../core/events';
import { PROFILES, PROFILE_IDS, type ProfileId } from '../../core/profiles';
import {
  LEVELS,
  TRAINING_LEVELS,
  judgeChairEvent,
  nextTrainingEvent,
  startTraining,
  type Judgement,
  type TrainingLevel,
} from '../../core/training';
import { viewFor } from '../../core/views';
import { t, tx } from '../i18n';
import { hallModel } from '../models';
import { library } from '../scenarios';
import { LocalSession } from '../session';
import type { Stage } from '../stage';
import { stageView } from './stage-view';
import type { Theme } from '../scenes/types';
import { chairControls } from './chair-controls';
import { button, h, redrawKeepingInput, replaceKeepingFocus } from './dom';
import { clampSeed, SEED_MAX } from '../setup-link';
import { GameScreen } from './game';
import { clockText, phaseText } from './labels';

export interface TrainingDeps {
  root: HTMLElement;
  header: () => HTMLElement;
  theme: () => Theme;
  live: (text: string) => void;
  /** Says and shows a refusal, with its reason. */
  refused: (text: string) => void;
  toTitle: () => void;
  /** Milliseconds between AI moves, asked when a session starts. */
  pace: () => number;
  /** Settings, keyboard shortcuts and language: in the training's own header too. */
  topButtons: () => HTMLElement;
}

export class TrainingScreen {
  private session: LocalSession | null = null;
  private stage: Stage | null = null;
  private judgements: Judgement[] = [];
  private setup = {
    scenario: '',
    level: 'calm' as TrainingLevel,
    profile: 'consensus' as ProfileId,
    seed: 1,
  };

  /** Draws the current screen again in the current language and theme. */
  private redraw: (() => void) | null = null;

  constructor(private readonly d: TrainingDeps) {}

  /** After a change of settings: the same screen again, with what was chosen kept. */
  /** Help here speaks to a chair. */
  helpFor(): 'chair' {
    return 'chair';
  }

  refresh(): void {
    this.redraw?.();
  }

  /** The game speed changed in the settings. */
  setPace(pace: number): void {
    this.session?.setPace(pace);
  }

  stop(): void {
    this.session?.stop();
    this.session = null;
    this.stage?.destroy();
    this.stage = null;
  }

  /** Opens the set-up with a new seed: each training meets a committee of its own. */
  open(seed: number): void {
    this.setup.seed = seed;
    this.showSetup();
  }

  private showSetup(): void {
    const lib = library();
    const st = this.setup;
    if (!st.scenario) st.scenario = lib.scenarios[0]!.id;
    const scenario = h(
      'select',
      { id: 'train-scenario' },
      ...lib.scenarios.map((s) =>
        h('option', { value: s.id, selected: s.id === st.scenario ? true : null }, tx(s.title)),
      ),
    );
    const profile = h(
      'select',
      { id: 'train-profile' },
      ...PROFILE_IDS.map((p) =>
        h('option', { value: p, selected: p === st.profile ? true : null }, tx(PROFILES[p].name)),
      ),
    );
    const seed = h('input', {
      id: 'train-seed',
      type: 'number',
      min: 0,
      max: SEED_MAX,
      value: st.seed,
    });
    const levels = h(
      'fieldset',
      {},
      h('legend', {}, t('trainingLevel')),
      ...TRAINING_LEVELS.map((l) =>
        h(
          'div',
          { class: 'radio' },
          h('input', {
            type: 'radio',
            name: 'level',
            id: `level-${l}`,
            value: l,
            checked: l === st.level ? true : null,
          }),
          h('label', { for: `level-${l}` }, tx(LEVELS[l].name)),
        ),
      ),
    );
    const form = h(
      'form',
      {
        class: 'setup',
        onsubmit: (e: Event) => {
          e.preventDefault();
          st.scenario = scenario.value;
          st.profile = profile.value as ProfileId;
          st.seed = clampSeed(seed.value);
          st.level = ((levels.querySelector('input:checked') as HTMLInputElement | null)?.value ??
            'calm') as TrainingLevel;
          this.start();
        },
      },
      h('p', {}, t('trainingIntro')),
      h('div', { class: 'field' }, h('label', { for: 'train-scenario' }, t('scenario')), scenario),
      levels,
      h('div', { class: 'field' }, h('label', { for: 'train-profile' }, t('profile')), profile),
      h('div', { class: 'field' }, h('label', { for: 'train-seed' }, t('seed')), seed),
      h(
        'div',
        { class: 'menu' },
        button(t('back'), () => this.d.toTitle(), { id: 'train-back' }),
        h('button', { type: 'submit', class: 'primary', id: 'train-start' }, t('startTraining')),
      ),
    );
    this.d.root.replaceChildren(
      this.d.header(),
      h(
        'main',
        { class: 'setup-screen', id: 'main', tabindex: '-1' },
        h('h1', {}, t('chairTraining')),
        form,
      ),
    );
    scenario.focus();
    this.redraw = () => redrawKeepingInput(this.d.root, () => this.showSetup());
  }

  private start(): void {
    const scenario = library().scenarios.find((s) => s.id === this.setup.scenario)!;
    const level = this.setup.level;
    this.judgements = [];
    const conf = startTraining(scenario, {
      seed: this.setup.seed,
      profile: this.setup.profile,
      level,
    });
    this.session = new LocalSession(conf, {
      difficulty: 'normal',
      pace: this.d.pace(),
      next: (c) => nextTrainingEvent(c, level),
    });
    const game = new GameScreen({
      scenario,
      send: (raw) => this.session!.send(raw),
      seat: () => 'chair',
      refused: (x) => this.d.refused(x),
    });
    const controls = h('section', {
      class: 'panel',
      id: 'train-controls',
      'aria-labelledby': 'h-controls',
      // Focused when training starts (a section takes the focus only with a tabindex).
      tabindex: '-1',
    });
    const feedback = h('section', {
      class: 'panel',
      id: 'train-feedback',
      'aria-labelledby': 'h-feedback',
    });
    const view = stageView(`${t('hall')}: ${tx(scenario.title)}`);
    const header = () =>
      h(
        'header',
        { class: 'top game-top' },
        h(
          'div',
          { class: 'status' },
          h('strong', {}, `${t('chairTraining')} · ${tx(LEVELS[level].name)}`),
          h('span', { id: 'phase', class: 'phase' }),
          h('span', { id: 'clock', class: 'clock' }),
          h('span', { id: 'train-score', class: 'score' }),
        ),
        this.d.topButtons(),
        h(
          'div',
          { class: 'top-buttons' },
          button(
            t('toTitle'),
            () => {
              this.stop();
              this.d.toTitle();
            },
            { id: 'train-leave' },
          ),
        ),
      );
    this.d.root.replaceChildren(
      header(),
      h(
        'main',
        { class: 'game-screen', id: 'main', tabindex: '-1' },
        view.wrap,
        h('div', { class: 'game-panels' }, controls, feedback, game.root),
      ),
    );
    void view.load().then((stage) => {
      this.stage = stage;
      render();
    });
    const chair = (type: string, extra: Record<string, unknown> = {}) => {
      const s = this.session!;
      const event = { type, seat: 'chair', ...extra } as ConferenceEvent;
      const before = s.conference;
      const r = s.send(event);
      const j = judgeChairEvent(before, event, r.ok ? null : r.reason);
      if (j) {
        this.judgements.push(j);
        this.d.live(`${j.correct ? '✓' : '✕'} ${tx(j.explanation)}`);
        render();
      }
    };
    const render = () => {
      const s = this.session;
      if (!s) return;
      const v = viewFor(s.conference, 'chair');
      const phase = document.getElementById('phase');
      if (phase) phase.textContent = phaseText(v.phase, v.paused);
      const clock = document.getElementById('clock');
      if (clock) clock.textContent = clockText(v.clock);
      const correct = this.judgements.filter((j) => j.correct).length;
      const score = document.getElementById('train-score');
      if (score) score.textContent = t('rulingsScore', { n: correct, m: this.judgements.length });
      replaceKeepingFocus(controls, ...chairControls(v, scenario, chair));
      replaceKeepingFocus(feedback, ...this.feedback(v.phase !== 'rollCall.waiting'));
      game.update(v);
      this.stage?.renderHall(hallModel(v, scenario, this.d.theme(), []));
      if (v.ended && !document.getElementById('train-summary')) this.summary();
    };
    this.session.subscribe(() => render());
    this.session.start();
    render();
    this.redraw = () => {
      document.querySelector('header.game-top')?.replaceWith(header());
      view.host.setAttribute('aria-label', `${t('hall')}: ${tx(scenario.title)}`);
      document.getElementById('train-summary')?.remove();
      render();
    };
    // The screen from its top (the header, the clock and the score), the focus on the controls.
    window.scrollTo(0, 0);
    document.getElementById('train-controls')?.focus({ preventScroll: true });
  }

  /** The rulings so far; before the first, what to do (`started`: the roll call is open). */
  private feedback(started: boolean): Node[] {
    const recent = [...this.judgements].reverse().slice(0, 12);
    return [
      h('h2', { id: 'h-feedback' }, t('rulings')),
      recent.length
        ? h(
            'ol',
            { class: 'rulings', reversed: true },
            ...recent.map((j) =>
              h(
                'li',
                { class: j.correct ? 'right' : 'wrong' },
                h('strong', {}, j.correct ? `✓ ${t('right')}` : `✕ ${t('wrong')}`),
                ` — ${tx(j.explanation)} `,
                h('span', { class: 'rule' }, `${t('theRule')}: ${tx(j.rule)}`),
              ),
            ),
          )
        : h('p', {}, t(started ? 'noRulingsStarted' : 'noRulingsYet')),
    ];
  }

  private summary(): void {
    const correct = this.judgements.filter((j) => j.correct).length;
    const total = this.judgements.length;
    const mistakes = this.judgements.filter((j) => !j.correct);
    const pct = total ? Math.round((100 * correct) / total) : 100;
    const box = h(
      'section',
      { class: 'panel', id: 'train-summary', 'aria-labelledby': 'h-summary' },
      h('h2', { id: 'h-summary' }, t('trainingDone')),
      h('p', { class: 'big' }, t('trainingScore', { pct, n: correct, m: total })),
      mistakes.length
        ? h(
            'ul',
            {},
            ...mistakes.map((j) =>
              h('li', {}, `${tx(j.explanation)} — ${t('theRule')}: ${tx(j.rule)}`),
            ),
          )
        : h('p', {}, t('noMistakes')),
      h(
        'div',
        { class: 'menu' },
        button(
          t('tryAgain'),
          () => {
            this.stop();
            this.start();
          },
          { id: 'train-again', class: 'primary' },
        ),
        button(
          t('toTitle'),
          () => {
            this.stop();
            this.d.toTitle();
          },
          { id: 'train-done' },
        ),
      ),
    );
    document.querySelector('.game-panels')?.prepend(box);
    box.focus();
  }
}
