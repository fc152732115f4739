/** Join codes and keys: unguessable, and easy to read aloud (no 0/O, 1/I/L). */
import { randomBytes, randomInt, createHash, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const joinCode = (): string =>
  Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export const isJoinCode = (x: unknown): x is string =>
  typeof x === 'string' && /^[A-HJKMNP-Z2-9]{5}$/.test(x);

export const secret = (): string => randomBytes(18).toString('base64url');

export const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

export const sameSecret = (given: unknown, storedHash: string): boolean => {
  if (typeof given !== 'string' || given.length > 100) return false;
  const a = Buffer.from(hash(given), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
};
