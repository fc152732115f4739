/**
 * The title screen and the buttons at the top of every screen. This module and what it imports
 * (texts, settings, the DOM builder) are all the first screen needs: `main.ts` draws the title
 * from them while the rest of the game loads, and the App draws it the same way afterwards.
 */
import problems from 'virtual:scenario-problems';
import { getLang, t, type Lang } from './i18n';
import { hasSave, peekSave } from './save-slot';
import { forgetSession, heldSessions, type Held } from './net/held';
import { button, h } from './ui/dom';

/** What the title's buttons do. */
export interface TitleActions {
  newGame(): void;
  continueGame(): void;
  joinSession(): void;
  hostSession(): void;
  chairTraining(): void;
  replayGame(): void;
  openSettings(): void;
  /** Help: how to play and the keys; `keys` opens it at the keys (the `?` key). */
  openHelp(at?: 'top' | 'keys'): void;
  setLanguage(l: Lang): void;
}

export const topButtons = (a: Pick<TitleActions, 'openSettings' | 'openHelp' | 'setLanguage'>) =>
  h(
    'div',
    { class: 'top-buttons' },
    button(t('settings'), () => a.openSettings(), {
      'aria-haspopup': 'dialog',
      'data-key': 'open-settings',
    }),
    button(t('help'), () => a.openHelp(), {
      'aria-haspopup': 'dialog',
      'data-key': 'open-help',
    }),
    h(
      'div',
      { class: 'lang-switch', role: 'group', 'aria-label': t('language') },
      ...(['en', 'ru'] as Lang[]).map((l) =>
        button(l === 'en' ? 'English' : 'Русский', () => a.setLanguage(l), {
          lang: l,
          'aria-pressed': String(getLang() === l),
        }),
      ),
    ),
  );

/** Draws the title screen into `root`; `notice` is a message to show (a save that failed, say). */
export const renderTitle = (root: HTMLElement, a: TitleActions, notice: string | null): void => {
  const save = hasSave();
  document.title = `${t('appName')} — ${t('tagline')}`;
  root.replaceChildren(
    h('header', { class: 'top' }, topButtons(a)),
    h(
      'main',
      { class: 'title-screen', id: 'main', tabindex: '-1' },
      h('h1', {}, t('appName')),
      h('p', { class: 'tagline' }, t('tagline')),
      notice ? h('p', { class: 'notice', role: 'alert' }, notice) : null,
      // What a press on the menu is waiting for, before the rest of the game has loaded.
      h('div', { id: 'title-status', class: 'notice-info', role: 'status', hidden: true }),
      problems.length
        ? h(
            'div',
            { class: 'notice', role: 'alert' },
            h('p', {}, t('errorTitle')),
            h('pre', {}, problems.join('\n')),
          )
        : null,
      h(
        'div',
        { class: 'menu' },
        button(t('newGame'), () => a.newGame(), {
          class: 'primary',
          'data-key': 'new-game',
          id: 'new-game',
        }),
        button(
          save ? t(peekSave()?.ended ? 'savedDebrief' : 'continueGame') : t('noSave'),
          () => a.continueGame(),
          {
            disabled: !save,
            'data-key': 'continue',
            id: 'continue',
          },
        ),
        button(t('joinSession'), () => a.joinSession(), { id: 'join-session' }),
        button(t('hostSession'), () => a.hostSession(), { id: 'host-session' }),
        button(t('chairTraining'), () => a.chairTraining(), { id: 'chair-training' }),
        button(t('replayGame'), () => a.replayGame(), { id: 'replay-game' }),
      ),
      h('section', { id: 'open-sessions', 'aria-labelledby': 'h-open-sessions', hidden: true }),
    ),
  );
  void listOpenSessions();
};

/** A session hosted longer ago than this is forgotten; an ended one is listed for two weeks. */
const DAY = 24 * 60 * 60 * 1000;

/**
 * The class sessions this device chairs or holds a seat in, as the server has them: a way back
 * after *Back to the title screen* (or a closed tab). A session still running is listed with a
 * button back to the console or the seat; one the teacher hosted that has ended, for two weeks,
 * with a button to its debrief and after-action report. Sessions the server no longer has, a
 * student's seat in one that has ended, and sessions hosted over 60 days ago are forgotten. On a
 * static host (no server) nothing is listed.
 */
const listOpenSessions = async (): Promise<void> => {
  const now = Date.now();
  const shown: { s: Held; ended: boolean }[] = [];
  for (const s of heldSessions()) {
    if (s.at !== null && now - s.at > 60 * DAY) {
      forgetSession(s);
      continue;
    }
    try {
      const r = await fetch(`/api/sessions/${s.code}`);
      if (r.status === 404) forgetSession(s);
      if (!r.ok) continue;
      const ended = ((await r.json()) as { ended?: boolean }).ended === true;
      if (!ended) shown.push({ s, ended });
      else if (s.role === 'join') forgetSession(s);
      else if (s.at !== null && now - s.at < 14 * DAY) shown.push({ s, ended });
    } catch {
      return;
    }
  }
  const box = document.getElementById('open-sessions');
  if (!box || !shown.length) return;
  const label = ({ s, ended }: { s: Held; ended: boolean }) =>
    t(ended ? 'endedConsole' : s.role === 'console' ? 'backToConsole' : 'backToSeat', {
      code: s.code,
    });
  box.replaceChildren(
    h('h2', { id: 'h-open-sessions' }, t('openSessions')),
    h(
      'div',
      { class: 'menu' },
      ...shown.map((x) =>
        button(label(x), () => location.assign(`?${x.s.role}=${x.s.code}`), {
          id: `back-${x.s.role}-${x.s.code}`,
        }),
      ),
    ),
  );
  box.hidden = false;
};

/**
 * The key of a shortcut press, lower-cased, or null when the press is not for a shortcut: with a
 * modifier, or typed into a field or a dialog.
 */
export const shortcutKey = (e: KeyboardEvent): string | null => {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest('input, textarea, select, dialog')) return null;
  return e.key.toLowerCase();
};
