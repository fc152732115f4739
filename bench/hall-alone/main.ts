/**
 * A baseline of `npm run bench` between the bare Phaser page and the game: the hall alone. The
 * game's stage (Phaser, the flags, the hall scene: src/client/stage.ts) draws the hall as the
 * game shows it after Start (the flagship's roll call, Russia's seat), from a fixed model: no
 * title, no setup screen, no conference, none of the game's code around it. The fonts load beside
 * the engine, as the title has loaded them in the game. Marks `hall-first-frame` as the game does
 * (App.ensureStage). Query parameters: `?w=709&h=532` the stage's size (the hall's at the bench's
 * 1280×800 viewport).
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
// The game's own stylesheet: the stage and its still layer beneath the engine's canvas.
import '../../src/client/style.css';
import { sampleGauges, sampleSeat } from '../../src/client/dev/sample-hall';
import type { HallModel } from '../../src/client/scenes/types';
import { loadStage } from '../../src/client/stage';

const q = new URLSearchParams(location.search);
const host = document.getElementById('stage')!;
host.style.width = `${Number(q.get('w') ?? 709)}px`;
host.style.height = `${Number(q.get('h') ?? 532)}px`;

const model: HallModel = {
  theme: { palette: 'default', highContrast: false, reducedMotion: false, textScale: 1 },
  title: 'Tsaghkadzor 2018: the CSTO Model-Conference',
  phaseLabel: 'Roll call',
  seats: [
    sampleSeat('am', 'Republic of Armenia', false, 'absent'),
    sampleSeat('by', 'Republic of Belarus'),
    sampleSeat('kz', 'Republic of Kazakhstan'),
    sampleSeat('kg', 'Kyrgyz Republic', false, 'absent'),
    sampleSeat('ru', 'Russian Federation', true, 'absent'),
    sampleSeat('tj', 'Republic of Tajikistan', false, 'absent'),
  ],
  speaker: null,
  gauges: sampleGauges([50, 50, 50, 50, 50]),
  ballot: null,
  gavel: 0,
  clock: 0,
};

const [stage] = await Promise.all([
  loadStage(host, () => undefined),
  document.fonts.load('16px "Noto Sans"'),
  document.fonts.load('bold 16px "Noto Sans"'),
]);
// The next animation frame comes after Phaser's step that draws the hall.
requestAnimationFrame(() => performance.mark('hall-first-frame'));
stage.renderHall(model);
