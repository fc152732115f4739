/**
 * Manual harness for HallScene: `npx vite --port 5198 --strictPort`, then open
 * http://localhost:5198/src/client/dev/hall-harness.html. It renders a sample debate, then after
 * 1 s opens a ballot whose marks arrive one by one, announces the result and bangs the gavel.
 * Query parameters: `?hc=1` high contrast, `?cb=1` colour-blind palette, `?rm=1` reduced motion,
 * `?scale=2` text scale, `?frozen=1` Armenia frozen, `?seats=9` three more seats (az, uz, af),
 * `?fast=1` compress the timeline, `?ballot=0` stay in the debate (for screenshots).
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import Phaser from 'phaser';
import { flagKey, loadFlags } from '../flags';
import { HallScene } from '../scenes/hall-scene';
import { sampleGauges, sampleSeat } from './sample-hall';
import type { HallModel, Seat, VoteMark } from '../scenes/types';

const q = new URLSearchParams(location.search);
const frozen = q.get('frozen') === '1';
const fast = q.get('fast') === '1';
const debateOnly = q.get('ballot') === '0';

const seats: Seat[] = [
  sampleSeat('ru', 'Russia'),
  sampleSeat('by', 'Belarus'),
  sampleSeat('kz', 'Kazakhstan', true),
  sampleSeat('kg', 'Kyrgyzstan'),
  sampleSeat('tj', 'Tajikistan'),
  frozen
    ? { id: 'am', name: 'Armenia', status: 'frozen', frozen: true, absent: false, isPlayer: false }
    : sampleSeat('am', 'Armenia'),
];
if (q.get('seats') === '9') {
  seats.push(
    {
      id: 'uz',
      name: 'Uzbekistan',
      status: 'observer',
      frozen: false,
      absent: false,
      isPlayer: false,
    },
    {
      id: 'az',
      name: 'Azerbaijan',
      status: 'absent',
      frozen: false,
      absent: true,
      isPlayer: false,
    },
    {
      id: 'nato',
      name: 'NATO liaison',
      status: 'observer',
      frozen: false,
      absent: false,
      isPlayer: false,
    },
  );
}

const speechKz =
  'Kazakhstan supports sensors on the Tajik–Kyrgyz border in principle. Both host states must ' +
  'consent, and the mission needs a sunset clause after three years so that no member carries ' +
  'a permanent sovereignty cost. We also ask that the costs be shared by the budget formula of ' +
  'the Organization and not by the host states alone. Our strategic partnership with Azerbaijan ' +
  'is not directed against any member, and we will stand with the consensus of this Council.';
const speechRu =
  'Russia proposes that the Collective Rapid Reaction Forces hold a joint exercise on the ' +
  'border next spring, with observers from every member state. The sensors are welcome.';

let model: HallModel = {
  theme: {
    palette: q.get('cb') === '1' ? 'colourblind' : 'default',
    highContrast: q.get('hc') === '1',
    reducedMotion: q.get('rm') === '1',
    textScale: Number(q.get('scale') ?? '1') || 1,
  },
  title: 'CSTO Collective Security Council · Tsaghkadzor 2018',
  phaseLabel: 'General debate · Proposal 3: border sensors',
  seats,
  speaker: { seat: 'kz', text: speechKz, remaining: 95, total: 120 },
  gauges: sampleGauges([42, 58, 35, 61, 74]),
  ballot: null,
  gavel: 0,
  clock: 1834,
};

const game = new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'game',
  backgroundColor: '#0a111a',
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  banner: false,
  audio: { noAudio: true },
  scene: [HallScene],
});

const words: Record<NonNullable<VoteMark['choice']>, string> = {
  yes: 'Yes',
  no: 'No',
  abstain: 'Abstain',
  standAside: 'Stand aside',
};
const votes: [string, NonNullable<VoteMark['choice']>][] = [
  ['ru', 'yes'],
  ['by', 'yes'],
  ['kz', 'standAside'],
  ['kg', 'yes'],
  ['tj', 'abstain'],
  ['am', frozen ? 'abstain' : 'no'],
];

const hall = (): HallScene => game.scene.getScene('hall') as HallScene;
const show = (next: HallModel): void => {
  model = next;
  hall().render(model);
};
const at = (ms: number, f: () => void): void => {
  window.setTimeout(f, fast ? ms / 2 : ms);
};

game.events.once(Phaser.Core.Events.READY, () => {
  void Promise.all([loadFlags(), document.fonts.load('16px "Noto Sans"')]).then(([flags]) => {
    for (const [id, canvas] of flags) game.textures.addCanvas(flagKey(id), canvas);
    show(model);
    // The speaking clock and the conference clock tick every second.
    window.setInterval(() => {
      const s = model.speaker;
      show({
        ...model,
        clock: model.clock + 1,
        speaker: s ? { ...s, remaining: Math.max(0, s.remaining - 1) } : null,
      });
    }, 1000);
    if (debateOnly) return;
    at(1000, () => {
      show({
        ...model,
        phaseLabel: 'Vote · Proposal 3: border sensors',
        speaker: { seat: 'ru', text: speechRu, remaining: 14, total: 60 },
        ballot: {
          title: 'Proposal 3: sensors on the Tajik–Kyrgyz border, with host consent',
          marks: seats
            .filter((s) => !['az', 'nato'].includes(s.id))
            .map((s) => ({ seat: s.id, choice: null, label: '—' })),
          result: null,
        },
      });
    });
    votes.forEach(([id, choice], i) => {
      at(1800 + i * 600, () => {
        const b = model.ballot;
        if (!b) return;
        show({
          ...model,
          ballot: {
            ...b,
            marks: b.marks.map((k) =>
              k.seat === id ? { seat: id, choice, label: words[choice] } : k,
            ),
          },
        });
      });
    });
    at(1800 + votes.length * 600 + 400, () => {
      const b = model.ballot;
      if (!b) return;
      show({
        ...model,
        gavel: model.gavel + 1,
        phaseLabel: 'Result · Proposal 3',
        ballot: {
          ...b,
          result: frozen
            ? 'Adopted by consensus; Kazakhstan stands aside and is not bound.'
            : 'Not adopted: Armenia objects. Kazakhstan stands aside.',
        },
        gauges: model.gauges.map((g) =>
          g.id === 'cohesion'
            ? { ...g, value: 51 }
            : g.id === 'borderSecurity'
              ? { ...g, value: 44 }
              : g,
        ),
      });
      (window as unknown as { hallDone: boolean }).hallDone = true;
    });
  });
});

(window as unknown as { hallGame: Phaser.Game }).hallGame = game;
