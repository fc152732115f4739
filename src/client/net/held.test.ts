import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chairKeyFor, forgetSession, heldSessions, rememberChairKey, seatHeldFor } from './held';

/** A stand-in for the browser's local storage. */
const storage = (): Storage => {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
  };
};

describe('the sessions this device holds', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: Storage }).localStorage = storage();
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it('keeps a chair key with the time it was made, and reads a bare key an older version kept', () => {
    rememberChairKey('AB2CD', 'secret-1', 1_000);
    localStorage.setItem('consensus.chair.XY3ZW', 'older-bare-key');
    localStorage.setItem('consensus.seat.QQ4RT', 'token');
    localStorage.setItem('consensus.setup.v1', '{}');
    expect(chairKeyFor('AB2CD')).toBe('secret-1');
    expect(chairKeyFor('XY3ZW')).toBe('older-bare-key');
    expect(chairKeyFor('NONE1')).toBeNull();
    expect(seatHeldFor('QQ4RT')).toBe(true);
    const held = heldSessions().sort((a, b) => a.code.localeCompare(b.code));
    expect(held).toEqual([
      { code: 'AB2CD', role: 'console', at: 1_000 },
      { code: 'QQ4RT', role: 'join', at: null },
      { code: 'XY3ZW', role: 'console', at: null },
    ]);
    forgetSession(held[1]!);
    expect(seatHeldFor('QQ4RT')).toBe(false);
    expect(chairKeyFor('AB2CD')).toBe('secret-1');
  });
});
