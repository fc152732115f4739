/**
 * The game's sound: a thin wrapper over Howler that plays the synthesised cues in assets/audio
 * (made by scripts/synth-sounds.ts), loops the hall ambience, and captions every sound.
 *
 * - Captions come first: every `play(cue)` and `startAmbience()` calls the captioner, whether the
 *   sound is muted, at volume 0, still loading or failed. Captions are for people who cannot hear
 *   the sound; the UI decides how to show them.
 * - Effects and ambience have separate volumes (0..1), plus a mute; `update()` applies new settings
 *   to sounds already playing.
 * - Nothing here throws because of audio: a missing device, a failed load or an autoplay block is
 *   logged once with console.warn and the game carries on silently, captions still working.
 *   `loaded` resolves (never rejects) once every file has loaded or failed.
 */
import { Howl } from 'howler';
import gavelUrl from '../../../assets/audio/gavel.wav?url';
import voteChimeUrl from '../../../assets/audio/vote-chime.wav?url';
import crisisAlertUrl from '../../../assets/audio/crisis-alert.wav?url';
import applauseUrl from '../../../assets/audio/applause.wav?url';
import hallAmbienceUrl from '../../../assets/audio/hall-ambience.wav?url';
import clickUrl from '../../../assets/audio/click.wav?url';

export type Cue = 'gavel' | 'voteChime' | 'crisisAlert' | 'applause' | 'click';

export interface SoundSettings {
  /** Volume of the effects (every cue), 0..1. */
  effects: number;
  /** Volume of the hall ambience, 0..1. */
  ambience: number;
  muted: boolean;
}

export interface Captioner {
  (text: { en: string; ru: string }, cue: Cue | 'ambience'): void;
}

export interface SoundSystem {
  /** Plays a cue (if audible) and always captions it. */
  play(cue: Cue): void;
  /** Starts the looping hall ambience with a short fade-in and captions it; no-op if running. */
  startAmbience(): void;
  /** Fades the ambience out and stops it; no-op if not running. */
  stopAmbience(): void;
  /** Applies new volumes and mute to future and currently playing sounds. */
  update(settings: SoundSettings): void;
  /** Resolves once every file has loaded or failed to load; never rejects. */
  loaded: Promise<void>;
  /** Stops and unloads every sound. Later calls only caption. */
  dispose(): void;
}

export const CAPTIONS: Record<Cue | 'ambience', { en: string; ru: string }> = {
  gavel: { en: '[Gavel]', ru: '[Удар молотка]' },
  voteChime: { en: '[Vote chime]', ru: '[Сигнал голосования]' },
  crisisAlert: { en: '[Crisis alert]', ru: '[Сигнал кризиса]' },
  applause: { en: '[Applause]', ru: '[Аплодисменты]' },
  ambience: { en: '[Quiet hall murmur]', ru: '[Тихий гул зала]' },
  click: { en: '[Click]', ru: '[Щелчок]' },
};

type Name = Cue | 'ambience';

const SOURCES: Record<Name, string> = {
  gavel: gavelUrl,
  voteChime: voteChimeUrl,
  crisisAlert: crisisAlertUrl,
  applause: applauseUrl,
  ambience: hallAmbienceUrl,
  click: clickUrl,
};

/**
 * Mix level of each sound at full slider volume. The files are all peak-normalised to −3 dBFS (the
 * ambience to −24 dBFS RMS), so the steady tones would otherwise sound much louder than the
 * gavel; these bring them to a similar loudness.
 */
const MIX: Record<Name, number> = {
  gavel: 1,
  voteChime: 0.6,
  crisisAlert: 0.5,
  applause: 0.7,
  click: 0.35,
  ambience: 1,
};

const AMBIENCE_FADE_IN_MS = 1200;
const AMBIENCE_FADE_OUT_MS = 600;

const unit = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

const normalise = (s: SoundSettings): SoundSettings => ({
  effects: unit(s.effects),
  ambience: unit(s.ambience),
  muted: Boolean(s.muted),
});

export function createSound(settings: SoundSettings, caption: Captioner): SoundSystem {
  let current = normalise(settings);
  let disposed = false;
  let warned = false;
  const warn = (what: string, detail?: unknown): void => {
    if (warned) return;
    warned = true;
    console.warn(
      `Sound unavailable (${what}); the game continues silently, with captions.`,
      detail,
    );
  };
  /** Runs an audio call; any exception is logged once and swallowed. */
  const safely = <T>(what: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      warn(what, err);
      return undefined;
    }
  };

  const volumeOf = (name: Name): number =>
    MIX[name] * (name === 'ambience' ? current.ambience : current.effects);

  const status: Record<Name, 'loading' | 'ready' | 'failed'> = {
    gavel: 'loading',
    voteChime: 'loading',
    crisisAlert: 'loading',
    applause: 'loading',
    ambience: 'loading',
    click: 'loading',
  };
  const names = Object.keys(SOURCES) as Name[];
  let pending = names.length;
  let resolveLoaded: () => void = () => {};
  const loaded = new Promise<void>((resolve) => {
    resolveLoaded = resolve;
  });
  const settle = (name: Name, outcome: 'ready' | 'failed'): void => {
    if (status[name] !== 'loading') return;
    status[name] = outcome;
    pending -= 1;
    if (pending === 0) resolveLoaded();
  };

  // `onload` and `onloaderror` go in the constructor: Howler emits `load` during construction when
  // the file is cached, so a listener added afterwards with `.on('load')` can miss it.
  const howls = {} as Record<Name, Howl | undefined>;
  for (const name of names) {
    howls[name] = safely(`creating ${name}`, () => {
      return new Howl({
        src: [SOURCES[name]],
        format: ['wav'],
        preload: true,
        loop: name === 'ambience',
        volume: volumeOf(name),
        mute: current.muted,
        onload: () => settle(name, 'ready'),
        onloaderror: (_id, err) => {
          warn(`could not load ${name}`, err);
          settle(name, 'failed');
        },
        onplayerror: (_id, err) => warn(`could not play ${name}`, err),
      });
    });
    if (!howls[name]) settle(name, 'failed');
  }

  /** The Howl for `name`, unless disposed, missing or failed to load. */
  const usable = (name: Name): Howl | undefined =>
    disposed || status[name] === 'failed' ? undefined : howls[name];

  // The ambience instance playing now (Howler sound id), if any.
  let ambienceId: number | null = null;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const play = (cue: Cue): void => {
    const howl = usable(cue);
    if (howl && !current.muted && volumeOf(cue) > 0) {
      safely(`playing ${cue}`, () => howl.play());
    }
    caption(CAPTIONS[cue], cue);
  };

  const startAmbience = (): void => {
    if (ambienceId !== null) return;
    const howl = usable('ambience');
    if (howl) {
      // Played even when muted or at volume 0, so unmuting or raising the slider brings it back.
      const id = safely('playing ambience', () => howl.play());
      if (typeof id === 'number') {
        ambienceId = id;
        safely('fading in ambience', () =>
          howl.fade(0, volumeOf('ambience'), AMBIENCE_FADE_IN_MS, id),
        );
      }
    } else if (!disposed) {
      // No usable sound: remember that the ambience is on so the caption is not repeated.
      ambienceId = -1;
    }
    caption(CAPTIONS.ambience, 'ambience');
  };

  const stopAmbience = (): void => {
    const id = ambienceId;
    ambienceId = null;
    const howl = usable('ambience');
    if (id === null || id < 0 || !howl) return;
    safely('fading out ambience', () => {
      // `volume(id)` is a getter only while Howler knows the id; otherwise it returns the Howl.
      const now = howl.volume(id);
      howl.fade(typeof now === 'number' ? now : volumeOf('ambience'), 0, AMBIENCE_FADE_OUT_MS, id);
    });
    // Stop by timer rather than on Howler's `fade` event, which may never come if the sound was
    // still queued or the context is suspended.
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!disposed) safely('stopping ambience', () => howl.stop(id));
    }, AMBIENCE_FADE_OUT_MS + 50);
    timers.add(timer);
  };

  const update = (next: SoundSettings): void => {
    current = normalise(next);
    if (disposed) return;
    for (const name of names) {
      const howl = howls[name];
      if (!howl) continue;
      safely(`updating ${name}`, () => {
        howl.mute(current.muted);
        if (name !== 'ambience') howl.volume(volumeOf(name));
        // Only the current ambience instance: one fading out keeps fading.
        else if (ambienceId !== null && ambienceId >= 0) howl.volume(volumeOf(name), ambienceId);
      });
    }
  };

  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    ambienceId = null;
    for (const name of names) {
      const howl = howls[name];
      if (howl) safely(`unloading ${name}`, () => howl.unload());
      settle(name, 'failed');
    }
  };

  return { play, startAmbience, stopAmbience, update, loaded, dispose };
}
