/**
 * Seeded randomness. The generator's state is the game's seed plus the event counter kept in the
 * context, so a draw is a pure function of (seed, seq, who, what): replays and the simulator see
 * the same numbers, and nothing outside the state is consulted.
 */

/** 32-bit FNV-1a of a string. */
export const hashString = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** A uniform draw in [0, 1) from the seed and a salt (mulberry32 finaliser). */
export const draw = (seed: number, seq: number, salt: string): number => {
  let t = (seed ^ Math.imul(seq + 1, 0x9e3779b1) ^ hashString(salt)) >>> 0;
  t = (t + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A roughly normal draw with mean 0 and standard deviation 1 (sum of uniforms). */
export const drawNormal = (seed: number, seq: number, salt: string): number =>
  (draw(seed, seq, `${salt}/a`) +
    draw(seed, seq, `${salt}/b`) +
    draw(seed, seq, `${salt}/c`) -
    1.5) *
  2;

/** Seeds for the simulator's runs: the first is the seed itself, so run 1 is the game a class plays with that seed. */
export const seedSequence = (seed: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) =>
    i === 0 ? seed : Math.floor(draw(seed, i, 'run') * 2 ** 31),
  );
