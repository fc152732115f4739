/**
 * Entry point. The title screen is drawn from a small module (texts, settings, the DOM builder)
 * and is usable at once; the rest of the game (the core, the scenario library, the screens) loads
 * meanwhile, and then Phaser, so that the hall opens quickly when the player starts. A button
 * pressed before the game has loaded acts as soon as it has. Classroom addresses (`?join=`,
 * `?watch=`, `?console=`) go straight to the game's own routing.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './style.css';
import { setLang } from './i18n';
import { applySettings, loadSettings } from './settings';
import { prefetchStage } from './stage';
import { renderTitle, type TitleActions } from './title';
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

const whenIdle = (f: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(f, { timeout: 500 });
  else setTimeout(f, 50);
};

if (root) {
  const settings = loadSettings();
  setLang(settings.lang);
  applySettings(settings);
  const q = new URLSearchParams(location.search);
  if (q.has('join') || q.has('watch') || q.has('console')) {
    void loadApp(false);
  } else {
    const act =
      (name: keyof TitleActions) =>
      (...args: unknown[]) =>
        void loadApp(true).then((a) =>
          (a.titleActions[name] as (...x: unknown[]) => void)(...args),
        );
    renderTitle(
      root,
      {
        newGame: act('newGame'),
        continueGame: act('continueGame'),
        joinSession: act('joinSession'),
        hostSession: act('hostSession'),
        chairTraining: act('chairTraining'),
        replayGame: act('replayGame'),
        openSettings: act('openSettings'),
        openShortcuts: act('openShortcuts'),
        setLanguage: act('setLanguage'),
      },
      null,
    );
    // The title's own shortcuts (settings, the list of shortcuts) until the game's take over.
    document.addEventListener('keydown', (e) => {
      if (ready || e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.target as HTMLElement).closest('input, textarea, select, dialog')) return;
      const k = e.key.toLowerCase();
      if (k === 's') act('openSettings')();
      else if (k === '?') act('openShortcuts')();
    });
    performance.mark('title-interactive'); // read by `npm run bench` (load)
    // While the player reads the title: the game, then Phaser.
    whenIdle(() => void loadApp(true).then(() => whenIdle(prefetchStage)));
  }
}
