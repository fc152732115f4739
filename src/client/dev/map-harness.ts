/**
 * Manual harness for MapScene: `npx vite --port 5199 --strictPort`, then open
 * http://localhost:5199/src/client/dev/map-harness.html. Query parameters switch the theme and
 * the sample: `?hc=1` high contrast, `?cb=1` colour-blind palette, `?motion=1` pulsing marker,
 * `?scale=2` text scale, `?crisis=osh|almaty|tajik|yerevan|none`, `?frozen=1` Armenia frozen,
 * `?canvas=1` the Canvas renderer instead of WebGL.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/400-italic.css';
import '@fontsource/noto-sans/700.css';
import Phaser from 'phaser';
import { MapScene } from '../scenes/map-scene';
import type { MapModel } from '../scenes/types';

const q = new URLSearchParams(location.search);
const frozen = q.get('frozen') === '1';

const crises: Record<string, MapModel['crisis']> = {
  armenia: { name: 'Armenia–Azerbaijan border', lon: 45.6, lat: 40.4 },
  yerevan: { name: 'Yerevan', lon: 44.5, lat: 40.2 },
  osh: { name: 'Osh', lon: 72.8, lat: 40.53 },
  almaty: { name: 'Almaty', lon: 76.9, lat: 43.25 },
  tajik: { name: 'Tajik–Afghan border', lon: 69.3, lat: 37.2 },
  none: null,
};

export const sampleModel: MapModel = {
  title: 'Crisis: request for consultations (Art. 2)',
  theme: {
    palette: q.get('cb') === '1' ? 'colourblind' : 'default',
    highContrast: q.get('hc') === '1',
    reducedMotion: q.get('motion') !== '1',
    textScale: Number(q.get('scale') ?? '1') || 1,
  },
  members: [
    { id: 'ru', name: 'Russia', frozen: false },
    { id: 'by', name: 'Belarus', frozen: false },
    { id: 'kz', name: 'Kazakhstan', frozen: false },
    { id: 'kg', name: 'Kyrgyzstan', frozen: false },
    { id: 'tj', name: 'Tajikistan', frozen: false },
    { id: 'am', name: frozen ? 'Armenia (frozen)' : 'Armenia', frozen },
  ],
  actors: [
    { id: 'az', name: 'Azerbaijan', iso2: 'az' },
    { id: 'tr', name: 'Turkey', iso2: 'tr' },
    { id: 'ir', name: 'Iran', iso2: 'ir' },
    { id: 'ge', name: 'Georgia', iso2: 'ge' },
    { id: 'af', name: 'Afghanistan', iso2: 'af' },
    { id: 'uz', name: 'Uzbekistan', iso2: 'uz' },
    { id: 'cn', name: 'China', iso2: 'cn' },
    { id: 'nato', name: 'NATO' },
    { id: 'osce', name: 'OSCE' },
  ],
  crisis: crises[q.get('crisis') ?? 'armenia'] ?? null,
};

const scene = new MapScene();

async function start(): Promise<void> {
  await Promise.all(
    ['16px', 'bold 16px', 'italic 16px'].map((f) => document.fonts.load(`${f} "Noto Sans"`)),
  );
  const game = new Phaser.Game({
    type: q.get('canvas') === '1' ? Phaser.CANVAS : Phaser.WEBGL,
    parent: 'game',
    backgroundColor: '#222222',
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    render: { preserveDrawingBuffer: true, antialias: true },
    scene: [scene],
  });
  game.events.once(Phaser.Core.Events.READY, () => {
    scene.render(sampleModel);
    (window as unknown as { mapReady: boolean }).mapReady = true;
  });
  Object.assign(window, { game, scene, sampleModel });
}

void start();
