/**
 * The synthesised sounds in assets/audio: each file is a well-formed 16-bit mono 22050 Hz PCM WAV
 * of the expected length and level, never clipped; the hall ambience loops without a click; the
 * synthesis is deterministic and the committed files are what scripts/synth-sounds.ts makes today.
 *
 * The seam check is tried on a loop with a deliberate click first, so a pass means something.
 *
 * The Howler wrapper (src/client/audio/sound.ts) is tested at the end with Howler replaced by a
 * fake, since real playback needs a browser: captions regardless of mute, volumes, no throwing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { synthesiseAll } from '../scripts/synth-sounds';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const AUDIO = join(ROOT, 'assets', 'audio');

/** Expected files and their duration bounds in seconds. */
const EXPECTED: Record<string, [min: number, max: number]> = {
  'gavel.wav': [0.3, 0.8],
  'vote-chime.wav': [0.5, 0.75],
  'crisis-alert.wav': [1.0, 1.4],
  'applause.wav': [2.2, 2.8],
  'hall-ambience.wav': [7.5, 8.5],
  'click.wav': [0.02, 0.045],
};
const AMBIENCE = 'hall-ambience.wav';
const FULL_SCALE = 32767;

interface Wav {
  audioFormat: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  bitsPerSample: number;
  samples: Int16Array;
}

/** Parses a RIFF/WAVE file, walking its chunks; throws with a reason if it is malformed. */
const parseWav = (bytes: Uint8Array): Wav => {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  if (v.getUint32(4, true) !== bytes.length - 8) throw new Error('RIFF size does not match file');
  let fmt: Omit<Wav, 'samples'> | null = null;
  let samples: Int16Array | null = null;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = tag(at);
    const size = v.getUint32(at + 4, true);
    const body = at + 8;
    if (body + size > bytes.length) throw new Error(`chunk ${id} runs past the end`);
    if (id === 'fmt ') {
      fmt = {
        audioFormat: v.getUint16(body, true),
        channels: v.getUint16(body + 2, true),
        sampleRate: v.getUint32(body + 4, true),
        byteRate: v.getUint32(body + 8, true),
        blockAlign: v.getUint16(body + 12, true),
        bitsPerSample: v.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      samples = new Int16Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = v.getInt16(body + i * 2, true);
    }
    at = body + size + (size % 2);
  }
  if (!fmt) throw new Error('no fmt chunk');
  if (!samples) throw new Error('no data chunk');
  return { ...fmt, samples };
};

const rms = (x: ArrayLike<number>, from = 0, to = x.length): number => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / (to - from));
};
const dbfs = (level: number): number => 20 * Math.log10(level / FULL_SCALE);
const peak = (x: Int16Array): number => x.reduce((p, s) => Math.max(p, Math.abs(s)), 0);

/** Sample-to-sample differences of `x`, with the wrap-around from the last sample to the first. */
const steps = (x: ArrayLike<number>, from: number, to: number): number[] => {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(x[(i + 1) % x.length]! - x[i % x.length]!);
  return out;
};

/**
 * How a loop's seam compares with the rest of it. A click is a jump: at the seam the difference
 * between neighbouring samples (the signal's slope) is much larger than anywhere else.
 * - `jumpRatio`: the step across the seam (last sample → first) over the RMS step of the file;
 * - `windowRatio`: RMS of the steps in the 100 ms around the seam (last 50 ms, then the first
 *   50 ms) over the RMS step of the file;
 * - `levelDb`: level of the first 50 ms minus level of the last 50 ms.
 */
const seam = (x: Int16Array, sampleRate: number) => {
  const w = Math.round(0.05 * sampleRate);
  const all = rms(steps(x, 0, x.length - 1));
  const jump = Math.abs(x[0]! - x[x.length - 1]!);
  const around = rms(steps(x, x.length - w, x.length + w - 1));
  return {
    jumpRatio: jump / all,
    windowRatio: around / all,
    levelDb: 20 * Math.log10(rms(x, 0, w) / rms(x, x.length - w, x.length)),
  };
};
/** A seam passes when its jump and its neighbourhood look like the rest of the loop. */
const seamIsClean = (s: ReturnType<typeof seam>): boolean =>
  s.jumpRatio < 4 && s.windowRatio < 1.5 && Math.abs(s.levelDb) < 6;

const files = readdirSync(AUDIO).filter((f) => f.toLowerCase().endsWith('.wav'));
const onDisk = Object.fromEntries(
  files.map((f) => [f, new Uint8Array(readFileSync(join(AUDIO, f)))]),
);
const wavs = Object.fromEntries(Object.entries(onDisk).map(([f, b]) => [f, parseWav(b)]));

describe('audio assets', () => {
  it('holds exactly the expected WAV files, under 900 KB together', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    const total = files.reduce((sum, f) => sum + statSync(join(AUDIO, f)).size, 0);
    expect(total).toBeLessThan(900 * 1000);
  });

  describe.each(Object.keys(EXPECTED))('%s', (file) => {
    const wav = () => wavs[file]!;

    it('is 16-bit mono PCM at 22050 Hz', () => {
      const { samples: _, ...fmt } = wav();
      expect(fmt).toEqual({
        audioFormat: 1,
        channels: 1,
        sampleRate: 22050,
        byteRate: 44100,
        blockAlign: 2,
        bitsPerSample: 16,
      });
    });

    it('lasts as long as expected', () => {
      const seconds = wav().samples.length / wav().sampleRate;
      const [min, max] = EXPECTED[file]!;
      expect(seconds).toBeGreaterThanOrEqual(min);
      expect(seconds).toBeLessThanOrEqual(max);
    });

    it('never reaches full scale (no clipping)', () => {
      expect(peak(wav().samples)).toBeLessThan(FULL_SCALE);
    });

    if (file === AMBIENCE) {
      it('is quiet: about −24 dBFS RMS, peaks well below full scale', () => {
        const x = wav().samples;
        expect(dbfs(rms(x))).toBeGreaterThan(-25.5);
        expect(dbfs(rms(x))).toBeLessThan(-22.5);
        expect(dbfs(peak(x))).toBeLessThan(-9);
      });
    } else {
      it('peaks at about −3 dBFS and starts and ends in silence', () => {
        const x = wav().samples;
        expect(dbfs(peak(x))).toBeGreaterThan(-3.5);
        expect(dbfs(peak(x))).toBeLessThan(-2.5);
        // First and last sample under −50 dBFS: playing or stopping the file cannot click.
        expect(Math.abs(x[0]!)).toBeLessThan(FULL_SCALE * 0.003);
        expect(Math.abs(x[x.length - 1]!)).toBeLessThan(FULL_SCALE * 0.003);
      });
    }
  });

  describe('the ambience loop point', () => {
    it('the seam check catches a loop with a click', () => {
      // 1 s of a 1 kHz tone cut mid-cycle (at 22050 Hz, 1000.5 cycles would end at a crest), and
      // a loop whose last 50 ms is much louder than its first.
      const sr = 22050;
      const cut = Int16Array.from({ length: sr }, (_, i) =>
        Math.round(8000 * Math.sin((2 * Math.PI * 1000.25 * i) / sr)),
      );
      expect(seamIsClean(seam(cut, sr))).toBe(false);
      const swell = Int16Array.from({ length: sr }, (_, i) =>
        Math.round(((i / sr) ** 4 * 8000 + 100) * Math.sin((2 * Math.PI * 200 * i) / sr)),
      );
      expect(seamIsClean(seam(swell, sr))).toBe(false);
    });

    it('joins end to start without a click', () => {
      const { samples, sampleRate } = wavs[AMBIENCE]!;
      const s = seam(samples, sampleRate);
      expect(s.jumpRatio).toBeLessThan(4);
      expect(s.windowRatio).toBeLessThan(1.5);
      expect(Math.abs(s.levelDb)).toBeLessThan(6);
    });
  });

  describe('synthesis', () => {
    const first = synthesiseAll();

    it('is deterministic: two runs are byte-identical', () => {
      const second = synthesiseAll();
      expect(Object.keys(second)).toEqual(Object.keys(first));
      for (const name of Object.keys(first)) {
        expect(Buffer.from(second[name]!).equals(Buffer.from(first[name]!)), name).toBe(true);
      }
    });

    it('made the committed files (run `npx tsx scripts/synth-sounds.ts` after changing it)', () => {
      expect(Object.keys(first).sort()).toEqual(files.sort());
      for (const name of Object.keys(first)) {
        expect(Buffer.from(onDisk[name]!).equals(Buffer.from(first[name]!)), name).toBe(true);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The Howler wrapper, with Howler replaced by a fake
// ---------------------------------------------------------------------------------------------

interface FakeOptions {
  src: string[];
  loop?: boolean;
  volume?: number;
  mute?: boolean;
  onload?: () => void;
  onloaderror?: (id: number | null, err: unknown) => void;
  onplayerror?: (id: number, err: unknown) => void;
}

/** What the fake Howler should do: load, fail to load, or throw from every method. */
const behaviour = { load: 'sync' as 'sync' | 'error' | 'never', throwOnPlay: false };

class FakeHowl {
  static all: FakeHowl[] = [];
  played = 0;
  stopped: number[] = [];
  fades: [from: number, to: number, ms: number, id?: number][] = [];
  vol: number;
  muted: boolean;
  unloaded = false;
  private nextId = 1000;

  constructor(readonly opts: FakeOptions) {
    FakeHowl.all.push(this);
    this.vol = opts.volume ?? 1;
    this.muted = opts.mute ?? false;
    // Like Howler with a cached file: `load` fires during construction.
    if (behaviour.load === 'sync') opts.onload?.();
    if (behaviour.load === 'error') opts.onloaderror?.(null, 'No audio support.');
  }
  get name(): string {
    return this.opts.src[0]!;
  }
  play(): number {
    if (behaviour.throwOnPlay) throw new Error('NotAllowedError');
    this.played += 1;
    return this.nextId++;
  }
  stop(id: number): this {
    this.stopped.push(id);
    return this;
  }
  fade(from: number, to: number, ms: number, id?: number): this {
    this.fades.push([from, to, ms, id]);
    return this;
  }
  volume(v?: number, _id?: number): number | this {
    if (v === undefined) return this.vol;
    if (v >= 1000) return this.vol; // a sound id: Howler's getter form
    this.vol = v;
    return this;
  }
  mute(m: boolean): this {
    this.muted = m;
    return this;
  }
  unload(): void {
    this.unloaded = true;
  }
}

vi.mock('howler', () => ({ Howl: FakeHowl }));

describe('sound wrapper (Howler faked)', () => {
  const on = { effects: 1, ambience: 0.5, muted: false };
  const howl = (file: string) => FakeHowl.all.find((h) => h.name.includes(file))!;

  beforeEach(() => {
    FakeHowl.all = [];
    behaviour.load = 'sync';
    behaviour.throwOnPlay = false;
    vi.restoreAllMocks();
  });

  const make = async (settings = on) => {
    const { createSound, CAPTIONS } = await import('../src/client/audio/sound');
    const captions: [string, string][] = [];
    const sound = createSound(settings, (text, cue) => captions.push([text.en, cue]));
    return { sound, captions, CAPTIONS };
  };

  it('has an English and a Russian caption for every cue and the ambience', async () => {
    const { CAPTIONS } = await make();
    expect(Object.keys(CAPTIONS).sort()).toEqual(
      ['ambience', 'applause', 'click', 'crisisAlert', 'gavel', 'voteChime'].sort(),
    );
    for (const { en, ru } of Object.values(CAPTIONS)) {
      expect(en).toMatch(/^\[.+\]$/);
      expect(ru).toMatch(/^\[[^A-Za-z]+\]$/);
    }
  });

  it('loads every file, with onload passed in the constructor', async () => {
    const { sound } = await make();
    await expect(sound.loaded).resolves.toBeUndefined();
    expect(FakeHowl.all).toHaveLength(6);
    expect(FakeHowl.all.every((h) => typeof h.opts.onload === 'function')).toBe(true);
    expect(howl('hall-ambience').opts.loop).toBe(true);
    expect(howl('gavel').opts.loop).toBeFalsy();
  });

  it('plays a cue and captions it', async () => {
    const { sound, captions } = await make();
    sound.play('gavel');
    expect(howl('gavel').played).toBe(1);
    expect(captions).toEqual([['[Gavel]', 'gavel']]);
  });

  it('captions every cue even when muted or at volume 0, without playing it', async () => {
    const { sound, captions } = await make({ effects: 0, ambience: 0.5, muted: false });
    sound.play('voteChime');
    sound.update({ effects: 1, ambience: 0.5, muted: true });
    sound.play('crisisAlert');
    expect(howl('vote-chime').played + howl('crisis-alert').played).toBe(0);
    expect(captions.map(([, cue]) => cue)).toEqual(['voteChime', 'crisisAlert']);
  });

  it('keeps effect and ambience volumes apart and applies mute to every sound', async () => {
    const { sound } = await make();
    sound.startAmbience();
    const amb = howl('hall-ambience');
    expect(amb.fades[0]?.[1]).toBeCloseTo(0.5); // fades in to the ambience volume
    sound.update({ effects: 0.2, ambience: 0.9, muted: true });
    expect(howl('gavel').vol).toBeCloseTo(0.2);
    expect(howl('click').vol).toBeLessThan(0.2); // the click is mixed lower
    expect(FakeHowl.all.every((h) => h.muted)).toBe(true);
  });

  it('captions the ambience once per start, and stops it after a fade', async () => {
    vi.useFakeTimers();
    try {
      const { sound, captions } = await make();
      sound.startAmbience();
      sound.startAmbience();
      expect(howl('hall-ambience').played).toBe(1);
      expect(captions).toEqual([['[Quiet hall murmur]', 'ambience']]);
      sound.stopAmbience();
      vi.advanceTimersByTime(1000);
      expect(howl('hall-ambience').stopped).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never throws when loading fails; warns once; captions still work', async () => {
    behaviour.load = 'error';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { sound, captions } = await make();
    await expect(sound.loaded).resolves.toBeUndefined();
    expect(() => {
      sound.play('applause');
      sound.startAmbience();
      sound.stopAmbience();
      sound.update({ effects: 0.5, ambience: 0.5, muted: false });
    }).not.toThrow();
    expect(howl('applause').played).toBe(0);
    expect(captions.map(([, cue]) => cue)).toEqual(['applause', 'ambience']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('never throws when playing fails (autoplay blocked); warns once', async () => {
    behaviour.throwOnPlay = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { sound, captions } = await make();
    expect(() => {
      sound.play('click');
      sound.play('click');
      sound.startAmbience();
    }).not.toThrow();
    expect(captions).toHaveLength(3);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('resolves `loaded` even when a file never answers, once disposed', async () => {
    behaviour.load = 'never';
    const { sound, captions } = await make();
    sound.dispose();
    await expect(sound.loaded).resolves.toBeUndefined();
    expect(FakeHowl.all.every((h) => h.unloaded)).toBe(true);
    sound.play('gavel');
    expect(howl('gavel').played).toBe(0);
    expect(captions).toHaveLength(1);
  });
});
