/**
 * Entry point. The title screen is drawn from a small module (texts, settings, the DOM builder)
 * and is usable at once; the rest of the game (the core, the scenario library, the screens) loads
 * meanwhile, and then Phaser, so that the hall opens quickly when the player starts. A button
 * pressed before the game has loaded says so, and acts as soon as it has; if the game's code
 * cannot be loaded (a dropped school network), the page says so and offers to reload (a browser
 * does not fetch a module again once it has failed). Classroom addresses (`?join=`, `?watch=`, `?console=`) and set-up links (`?scenario=`) go
 * straight to the game's own routing.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './style.css';
import { setLang, t } from './i18n';
import { applySettings, loadSettings } from './settings';
import { prefetchStage, whenIdle } from './stage';
import { renderTitle, shortcutKey, type TitleActions } from './title';
import { button, h } from './ui/dom';
import type { App } from './ui/app';

const root = document.getElementById('app');

let app: Promise<App> | null = null;
let ready = false;
const loadApp = (titleShown: boolean): Promise<App> =>
  (app ??= import('./ui/app').then(({ App: Shell }) => {
    const shell = new Shell(root!);
    ready = true;
    if (!titleShown) shell.route();
    (window as unknown as { consensus: App }).consensus = shell;
    return shell;
  }));

/** Why the game is not there, and the way back. */
const loadFailed = (): HTMLElement =>
  h(
    'div',
    { class: 'notice', role: 'alert', id: 'load-failed' },
    h('p', {}, t('gameLoadFailed')),
    button(t('reloadPage'), () => location.reload(), { id: 'reload-page' }),
  );

/** The title's status line: what a press is waiting for (or, failed, why and the way back). */
const status = (content: string | HTMLElement | null): void => {
  const el = document.getElementById('title-status');
  if (!el) return;
  el.replaceChildren(content ?? '');
  el.hidden = !content;
};

if (root) {
  const settings = loadSettings();
  setLang(settings.lang);
  applySettings(settings);
  const q = new URLSearchParams(location.search);
  // A set-up link (`?scenario=…`, see setup-link.ts) opens the setup screen with its choices made.
  if (q.has('join') || q.has('watch') || q.has('console') || q.has('scenario')) {
    loadApp(false).catch(() => root.replaceChildren(loadFailed()));
  } else {
    // Every title action runs the game's own once it has loaded.
    const act =
      (name: keyof TitleActions) =>
      (...args: unknown[]): void => {
        if (!ready) status(t('gameLoading'));
        loadApp(true).then(
          (a) => {
            status(null);
            (a.titleActions[name] as (...x: unknown[]) => void)(...args);
          },
          () => {
            status(loadFailed());
            document.getElementById('reload-page')?.focus();
          },
        );
      };
    const actions = new Proxy({} as TitleActions, {
      get: (_, name) => act(name as keyof TitleActions),
    });
    renderTitle(root, actions, null);
    // The title's own shortcuts (settings, the list of shortcuts) until the game's take over.
    document.addEventListener('keydown', (e) => {
      if (ready) return;
      const k = shortcutKey(e);
      if (k === 's') actions.openSettings();
      else if (k === '?') actions.openHelp('keys');
    });
    performance.mark('title-interactive'); // read by `npm run bench` (load)
    // While the player reads the title: the game, then Phaser.
    whenIdle(
      () =>
        void loadApp(true).then(
          () => whenIdle(prefetchStage, 500),
          () => undefined, // a press says so, with the way back
        ),
      500,
    );
  }
}
