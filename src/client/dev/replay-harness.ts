/**
 * Manual harness for the replay viewer and the after-action report: `npx vite --port 5197
 * --strictPort`, then open http://localhost:5197/src/client/dev/replay-harness.html. It opens a
 * recorded game from tests/fixtures/games. Query parameters: `?scenario=<id>` which recorded game
 * (default tsakhkadzor-2018), `?lang=ru`, `?pos=end` jump to the end (the report shows),
 * `?pos=<n>` jump to event n, `?file=1` start with the file picker, `?bad=1` open a broken record,
 * `?rm=1` reduced motion, `?stage=0` no hall (text only).
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '../style.css';
import { setLang, t } from '../i18n';
import type { Theme } from '../scenes/types';
import { h } from '../ui/dom';
import { ReplayScreen } from '../ui/replay';

const games = import.meta.glob('../../../tests/fixtures/games/*.json', {
  eager: true,
  import: 'default',
}) as Record<string, unknown>;
const recorded = (id: string): unknown =>
  Object.entries(games).find(([path]) => path.endsWith(`/${id}.json`))?.[1];

const q = new URLSearchParams(location.search);
setLang(q.get('lang') === 'ru' ? 'ru' : 'en');
const theme = (): Theme => ({
  palette: 'default',
  highContrast: false,
  reducedMotion: q.get('rm') === '1',
  textScale: 1,
});
const live = (text: string) => {
  const el = document.getElementById('live');
  if (el) el.textContent = text;
};

const root = document.getElementById('app')!;
const screen = new ReplayScreen(root, {
  header: () => h('header', { class: 'top' }, h('strong', {}, `${t('appName')} — replay harness`)),
  theme,
  toTitle: () => root.replaceChildren(h('main', { id: 'main' }, h('p', {}, 'title screen'))),
  live,
});
(window as unknown as { replay: ReplayScreen }).replay = screen;

if (q.get('stage') === '0') (screen as unknown as { stageFailed: boolean }).stageFailed = true;

if (q.get('file') === '1') screen.openFile();
else if (q.get('bad') === '1')
  screen.open({
    format: 1,
    scenario: 'tsakhkadzor-2018',
    options: { seed: 1, profile: 'consensus' },
    events: [{ type: 'chair.closeBallot', seat: 'chair' }],
  });
else {
  screen.open(recorded(q.get('scenario') ?? 'tsakhkadzor-2018'));
  const pos = q.get('pos');
  if (pos) {
    const target = pos === 'end' ? 'replay-end' : null;
    if (target) document.getElementById(target)?.click();
    else {
      const slider = document.getElementById('replay-pos') as HTMLInputElement | null;
      if (slider) {
        slider.value = pos;
        slider.dispatchEvent(new Event('input'));
      }
    }
  }
}
