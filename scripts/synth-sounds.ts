/**
 * Synthesises every sound the game uses, so nothing is downloaded and every file can be rebuilt
 * from this repository: `npx tsx scripts/synth-sounds.ts` writes 16-bit mono PCM WAV files
 * (22050 Hz) into `assets/audio/`.
 *
 * Deterministic: noise comes from a fixed-seed generator (one seed per sound), never Math.random,
 * so two runs give byte-identical files (tests/audio-assets.test.ts checks this and that the
 * committed files match). `synthesiseAll()` builds the files in memory without writing anything.
 *
 * Levels: effects are normalised to a peak of about −3 dBFS (the player's volume sliders and the
 * mix levels in src/client/audio/sound.ts do the rest); the hall ambience to about −24 dBFS RMS.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_RATE = 22050;
const SR = SAMPLE_RATE;
const TAU = 2 * Math.PI;

/** Peak level for effects: −3 dBFS. */
export const EFFECT_PEAK_DBFS = -3;
/** RMS level for the hall ambience: −24 dBFS. */
export const AMBIENCE_RMS_DBFS = -24;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** Mulberry32: a small, fast, seeded generator returning floats in [0, 1). */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

type Rng = () => number;

/** Uniform white noise in [−1, 1). */
const noise = (rng: Rng, n: number): Float64Array => {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng() * 2 - 1;
  return out;
};

const between = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();

const samples = (seconds: number): number => Math.round(seconds * SR);

type FilterType = 'lowpass' | 'highpass' | 'bandpass';

/**
 * A biquad filter (RBJ audio-EQ cookbook), applied in place-free fashion: returns a new array.
 * `bandpass` has a constant 0 dB peak gain.
 */
const biquad = (input: Float64Array, type: FilterType, freq: number, q: number): Float64Array => {
  const w0 = (TAU * freq) / SR;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  let b0: number, b1: number, b2: number;
  if (type === 'lowpass') {
    b0 = (1 - cos) / 2;
    b1 = 1 - cos;
    b2 = (1 - cos) / 2;
  } else if (type === 'highpass') {
    b0 = (1 + cos) / 2;
    b1 = -(1 + cos);
    b2 = (1 + cos) / 2;
  } else {
    b0 = alpha;
    b1 = 0;
    b2 = -alpha;
  }
  const a0 = 1 + alpha;
  const a1 = -2 * cos;
  const a2 = 1 - alpha;
  const out = new Float64Array(input.length);
  let x1 = 0,
    x2 = 0,
    y1 = 0,
    y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x0 = input[i]!;
    const y0 = (b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
    out[i] = y0;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
  }
  return out;
};

/** Raised-cosine ramp from 0 to 1 as `x` goes from 0 to 1 (clamped). */
const smooth = (x: number): number => {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return 0.5 - 0.5 * Math.cos(Math.PI * x);
};

/** Adds `src` into `dst` starting at sample `at`, times `gain` (parts past the end are dropped). */
const mixInto = (dst: Float64Array, src: Float64Array, at: number, gain = 1): void => {
  for (let i = 0; i < src.length && at + i < dst.length; i++) {
    if (at + i >= 0) dst[at + i]! += src[i]! * gain;
  }
};

/** Fades the first `inSec` and last `outSec` seconds so the file starts and ends in silence. */
const fadeEnds = (x: Float64Array, inSec: number, outSec: number): Float64Array => {
  const nIn = samples(inSec);
  const nOut = samples(outSec);
  for (let i = 0; i < nIn && i < x.length; i++) x[i]! *= smooth(i / nIn);
  for (let i = 0; i < nOut && i < x.length; i++) x[x.length - 1 - i]! *= smooth(i / nOut);
  return x;
};

const peakOf = (x: Float64Array): number => {
  let p = 0;
  for (const v of x) p = Math.max(p, Math.abs(v));
  return p;
};

const rmsOf = (x: Float64Array): number => {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s / x.length);
};

const dbToGain = (db: number): number => Math.exp((db / 20) * Math.LN10);

const scale = (x: Float64Array, gain: number): Float64Array => {
  for (let i = 0; i < x.length; i++) x[i]! *= gain;
  return x;
};

/** Scales so the peak is `db` dBFS (full scale = 1.0). */
const normalisePeak = (x: Float64Array, db: number): Float64Array =>
  scale(x, dbToGain(db) / peakOf(x));

/** Scales so the RMS level is `db` dBFS (relative to a full-scale square wave, i.e. 1.0). */
const normaliseRms = (x: Float64Array, db: number): Float64Array =>
  scale(x, dbToGain(db) / rmsOf(x));

/**
 * A sine whose frequency glides from `f * (1 + drop)` down to `f` with time constant `dropTau`,
 * decaying exponentially with time constant `tau`.
 */
const decayingSine = (
  n: number,
  f: number,
  tau: number,
  opts: { drop?: number; dropTau?: number; phase?: number } = {},
): Float64Array => {
  const { drop = 0, dropTau = 0.01, phase = 0 } = opts;
  const out = new Float64Array(n);
  let ph = phase;
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    out[i] = Math.sin(ph) * Math.exp(-t / tau);
    ph += (TAU * f * (1 + drop * Math.exp(-t / dropTau))) / SR;
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// The sounds
// ---------------------------------------------------------------------------------------------

/** One knock of a wooden gavel on a sound block: a body resonance plus a short noisy attack. */
const knock = (rng: Rng, n: number): Float64Array => {
  const out = new Float64Array(n);
  // Body: a low thump and a few wooden partials, each dying faster the higher it is.
  const partials: [f: number, tau: number, amp: number][] = [
    [105, 0.06, 0.55],
    [231, 0.045, 1.0],
    [587, 0.028, 0.5],
    [1290, 0.012, 0.25],
  ];
  for (const [f, tau, amp] of partials) {
    mixInto(out, decayingSine(n, f, tau, { drop: 0.12, dropTau: 0.012 }), 0, amp);
  }
  // Attack: a few milliseconds of band-passed noise (the wood's contact).
  const burst = biquad(noise(rng, n), 'bandpass', 2100, 0.9);
  for (let i = 0; i < n; i++) out[i]! += 2.2 * burst[i]! * Math.exp(-i / SR / 0.004);
  // A millisecond of rise so the knock does not start with a step.
  for (let i = 0; i < n; i++) out[i]! *= smooth(i / samples(0.001));
  return out;
};

const gavel = (): Float64Array => {
  const rng = mulberry32(0x6a7e1);
  const out = new Float64Array(samples(0.55));
  // Each knock rings on to the end of the file (the last 30 ms fade out), so none is cut mid-wave.
  const n = out.length;
  mixInto(out, knock(rng, n), 0, 1);
  mixInto(out, knock(rng, n), samples(0.17), 0.8);
  return normalisePeak(fadeEnds(biquad(out, 'highpass', 50, 0.707), 0, 0.03), EFFECT_PEAK_DBFS);
};

/** A soft bell note: a few inharmonic partials with a gentle mallet attack. */
const bell = (n: number, f: number): Float64Array => {
  const out = new Float64Array(n);
  const partials: [ratio: number, tau: number, amp: number][] = [
    [1, 0.24, 1],
    [2, 0.14, 0.3],
    [2.76, 0.09, 0.12],
    [4.07, 0.05, 0.05],
  ];
  for (const [ratio, tau, amp] of partials) mixInto(out, decayingSine(n, f * ratio, tau), 0, amp);
  for (let i = 0; i < n; i++) out[i]! *= smooth(i / samples(0.004));
  return out;
};

const voteChime = (): Float64Array => {
  const out = new Float64Array(samples(0.6));
  // E5 then A5: a rising fourth, friendly rather than urgent.
  mixInto(out, bell(out.length, 659.26), 0, 1);
  mixInto(out, bell(out.length, 880), samples(0.16), 0.9);
  return normalisePeak(fadeEnds(out, 0, 0.12), EFFECT_PEAK_DBFS);
};

const crisisAlert = (): Float64Array => {
  const out = new Float64Array(samples(1.2));
  const pulseLen = samples(0.28);
  const attack = samples(0.025);
  const release = samples(0.09);
  // D5 and F5 together: a minor third, serious without being shrill. Sines plus a trace of the
  // second harmonic; no square waves, so nothing harsh.
  const tones: [f: number, amp: number][] = [
    [587.33, 1],
    [698.46, 0.8],
    [1174.66, 0.08],
    [1396.92, 0.06],
  ];
  const pulse = new Float64Array(pulseLen);
  for (let i = 0; i < pulseLen; i++) {
    const t = i / SR;
    let v = 0;
    for (const [f, amp] of tones) v += amp * Math.sin(TAU * f * t);
    const env = smooth(i / attack) * smooth((pulseLen - 1 - i) / release);
    pulse[i] = v * env;
  }
  // The last pulse a little softer, so the alert settles rather than stops.
  const gains = [1, 1, 0.8];
  gains.forEach((g, k) => mixInto(out, pulse, samples(0.38 * k), g));
  return normalisePeak(fadeEnds(biquad(out, 'lowpass', 3500, 0.707), 0, 0.02), EFFECT_PEAK_DBFS);
};

/** One hand clap: a short burst of band-passed noise. */
const clap = (rng: Rng): Float64Array => {
  const n = samples(0.06);
  const centre = between(rng, 900, 2300);
  const q = between(rng, 1.1, 2.2);
  const tau = between(rng, 0.006, 0.012);
  const raw = noise(rng, n);
  const body = biquad(raw, 'bandpass', centre, q);
  const low = biquad(raw, 'bandpass', centre * 0.45, 1.5);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const env = smooth(i / samples(0.0008)) * Math.exp(-i / SR / tau);
    out[i] = (body[i]! + 0.4 * low[i]!) * env;
  }
  return out;
};

const applause = (): Float64Array => {
  const rng = mulberry32(0xc1a9);
  const total = samples(2.5);
  const dry = new Float64Array(total);
  const clappers = 16;
  for (let c = 0; c < clappers; c++) {
    const rate = between(rng, 3.4, 5.2); // claps per second
    const gain = between(rng, 0.45, 1);
    const start = between(rng, 0, 0.35);
    const stop = between(rng, 1.4, 2.45); // people stop one by one
    for (let t = start; t < stop; t += (1 / rate) * between(rng, 0.88, 1.12)) {
      mixInto(dry, clap(rng), samples(t), gain * between(rng, 0.75, 1.1));
    }
  }
  // A little room: a few early reflections, darker than the direct sound.
  const room = biquad(dry, 'lowpass', 2500, 0.707);
  const out = Float64Array.from(dry);
  const taps: [sec: number, gain: number][] = [
    [0.019, 0.3],
    [0.031, 0.22],
    [0.047, 0.16],
    [0.071, 0.1],
  ];
  for (const [sec, g] of taps) mixInto(out, room, samples(sec), g);
  // Swell in over ~0.35 s and die away over the last second.
  for (let i = 0; i < total; i++) {
    const t = i / SR;
    out[i]! *= smooth(t / 0.35) * (t < 1.5 ? 1 : smooth((2.5 - t) / 1.0));
  }
  return normalisePeak(fadeEnds(out, 0, 0.02), EFFECT_PEAK_DBFS);
};

/** Speech-like murmur from one distant voice: a soft buzz through two formants, in phrases. */
const murmurVoice = (rng: Rng, n: number, pitch: number): Float64Array => {
  // Source: a band-limited buzz (six harmonics, 1/k amplitudes) with a slowly drifting pitch.
  const src = new Float64Array(n);
  const drift = between(rng, 0.3, 0.9);
  const driftPhase = between(rng, 0, TAU);
  let ph = 0;
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    let v = 0;
    for (let k = 1; k <= 6; k++) v += Math.sin(k * ph) / k;
    src[i] = v;
    ph += (TAU * pitch * (1 + 0.07 * Math.sin(TAU * drift * t + driftPhase))) / SR;
  }
  // A little breath noise, then two vowel-ish formants, then muffled by distance.
  const breath = noise(rng, n);
  for (let i = 0; i < n; i++) src[i]! += 0.15 * breath[i]!;
  const f1 = biquad(src, 'bandpass', between(rng, 450, 650), 3);
  const f2 = biquad(src, 'bandpass', between(rng, 1000, 1500), 4);
  const voiced = new Float64Array(n);
  for (let i = 0; i < n; i++) voiced[i] = f1[i]! + 0.5 * f2[i]!;
  const muffled = biquad(voiced, 'lowpass', 800, 0.707);
  // Envelope: phrases of 0.8–2.2 s with gaps, syllables at 3–5.5 per second inside them.
  const env = new Float64Array(n);
  const edge = 0.08;
  let t = between(rng, 0, 2);
  while (t < n / SR) {
    const len = between(rng, 0.8, 2.2);
    let sylPhase = 0;
    const a = samples(t);
    const b = Math.min(n, samples(t + len));
    let sylRate = between(rng, 3, 5.5);
    for (let i = a; i < b; i++) {
      const local = (i - a) / SR;
      const gate = smooth(local / edge) * smooth((len - local) / edge);
      env[i] = gate * (0.3 + 0.7 * (0.5 - 0.5 * Math.cos(sylPhase)));
      sylPhase += (TAU * sylRate) / SR;
      if (sylPhase > TAU) {
        sylPhase -= TAU;
        sylRate = between(rng, 3, 5.5);
      }
    }
    t += len + between(rng, 0.6, 2.5);
  }
  for (let i = 0; i < n; i++) muffled[i]! *= env[i]!;
  return muffled;
};

/** Length of the hall loop and of the crossfade that joins its end to its start. */
export const AMBIENCE_SECONDS = 8;
const AMBIENCE_CROSSFADE_SECONDS = 1;

const hallAmbience = (): Float64Array => {
  const rng = mulberry32(0xa3b1e);
  const loopLen = samples(AMBIENCE_SECONDS);
  const fade = samples(AMBIENCE_CROSSFADE_SECONDS);
  const n = loopLen + fade;
  // Room tone: low, dark noise (ventilation, a large room), plus a trace of air.
  const white = noise(rng, n);
  const low = biquad(biquad(white, 'lowpass', 280, 0.707), 'highpass', 45, 0.707);
  const air = biquad(noise(rng, n), 'bandpass', 1400, 0.5);
  const bed = new Float64Array(n);
  for (let i = 0; i < n; i++) bed[i] = low[i]! + 0.12 * air[i]!;
  // Very soft murmurs: four distant voices, together about 12 dB under the room tone.
  const voices = new Float64Array(n);
  for (const pitch of [105, 132, 180, 215]) mixInto(voices, murmurVoice(rng, n, pitch), 0);
  scale(voices, (rmsOf(bed) * dbToGain(-12)) / rmsOf(voices));
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) raw[i] = bed[i]! + voices[i]!;
  // Seamless loop: the first `fade` samples are an equal-power crossfade from the material that
  // follows the loop's end (raw[loopLen + i]) into the loop's own start (raw[i]). So the last
  // sample, raw[loopLen − 1], is followed on wrap-around by raw[loopLen]: its true successor.
  const out = new Float64Array(loopLen);
  for (let i = 0; i < loopLen; i++) {
    if (i < fade) {
      const x = (i + 0.5) / fade;
      out[i] =
        raw[i]! * Math.sin((Math.PI / 2) * x) + raw[loopLen + i]! * Math.cos((Math.PI / 2) * x);
    } else {
      out[i] = raw[i]!;
    }
  }
  return normaliseRms(out, AMBIENCE_RMS_DBFS);
};

const click = (): Float64Array => {
  const rng = mulberry32(0xc11c);
  const n = samples(0.03);
  const out = decayingSine(n, 2400, 0.0035);
  mixInto(out, decayingSine(n, 1150, 0.006), 0, 0.5);
  const tick = biquad(noise(rng, n), 'highpass', 3000, 0.707);
  for (let i = 0; i < n; i++) out[i]! += 0.6 * tick[i]! * Math.exp(-i / SR / 0.0012);
  return normalisePeak(fadeEnds(out, 0.0004, 0.008), EFFECT_PEAK_DBFS);
};

// ---------------------------------------------------------------------------------------------
// WAV encoding
// ---------------------------------------------------------------------------------------------

/** Encodes samples in [−1, 1] as a 16-bit mono PCM WAV file (rounded, clamped to ±32767). */
export const encodeWav = (x: Float64Array, sampleRate = SAMPLE_RATE): Uint8Array => {
  const dataBytes = x.length * 2;
  const buf = new ArrayBuffer(44 + dataBytes);
  const v = new DataView(buf);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) v.setUint8(at + i, s.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true); // fmt chunk size
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true); // byte rate
  v.setUint16(32, 2, true); // block align
  v.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  v.setUint32(40, dataBytes, true);
  for (let i = 0; i < x.length; i++) {
    const s = Math.max(-32767, Math.min(32767, Math.round(x[i]! * 32767)));
    v.setInt16(44 + i * 2, s, true);
  }
  return new Uint8Array(buf);
};

/** Every sound, by file name. */
const SOUNDS: Record<string, () => Float64Array> = {
  'gavel.wav': gavel,
  'vote-chime.wav': voteChime,
  'crisis-alert.wav': crisisAlert,
  'applause.wav': applause,
  'hall-ambience.wav': hallAmbience,
  'click.wav': click,
};

/** Synthesises every file in memory: file name → WAV bytes. Writes nothing. */
export const synthesiseAll = (): Record<string, Uint8Array> => {
  const out: Record<string, Uint8Array> = {};
  for (const [name, make] of Object.entries(SOUNDS)) out[name] = encodeWav(make());
  return out;
};

/** Where the CLI writes: `assets/audio/` at the repository root. */
export const AUDIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'audio');

const main = (): void => {
  mkdirSync(AUDIO_DIR, { recursive: true });
  let total = 0;
  for (const [name, bytes] of Object.entries(synthesiseAll())) {
    const file = join(AUDIO_DIR, name);
    writeFileSync(file, bytes);
    const size = statSync(file).size;
    total += size;
    const seconds = (bytes.length - 44) / 2 / SAMPLE_RATE;
    console.log(
      `${name.padEnd(18)} ${seconds.toFixed(3).padStart(6)} s ${String(size).padStart(8)} B`,
    );
  }
  console.log(`${'total'.padEnd(27)} ${String(total).padStart(8)} B → ${AUDIO_DIR}`);
};

// Run only when executed directly (`npx tsx scripts/synth-sounds.ts`), not when imported by tests.
const invoked = process.argv[1] ? resolve(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) main();
