/**
 * What this device keeps of the class sessions it took part in, in local storage: a seat token for
 * each session joined, a chair key (and when it was made) for each session hosted. The remote
 * session reads them, and so does the title screen, which must not load the network code.
 */
const seatKey = (code: string): string => `consensus.seat.${code}`;
const chairKey = (code: string): string => `consensus.chair.${code}`;
const HELD = /^consensus\.(chair|seat)\.([A-Z0-9]{5})$/;

/** A session this device hosted (`console`) or joined (`join`); `at`: when it was hosted. */
export interface Held {
  code: string;
  role: 'console' | 'join';
  at: number | null;
}

/** A chair key as stored: `{ key, at }`, or the bare key an older version stored. */
const readChair = (raw: string): { key: string; at: number | null } => {
  try {
    const v = JSON.parse(raw) as { key?: unknown; at?: unknown };
    if (typeof v.key === 'string')
      return { key: v.key, at: typeof v.at === 'number' ? v.at : null };
  } catch {
    // A bare key (keys are not JSON).
  }
  return { key: raw, at: null };
};

/** The seat token this device holds in the session (a student who joined from it before). */
export const seatTokenFor = (code: string): string | null => {
  try {
    return localStorage.getItem(seatKey(code));
  } catch {
    return null;
  }
};

/** Whether this device holds a seat in the session. */
export const seatHeldFor = (code: string): boolean => seatTokenFor(code) !== null;

/** Keeps the seat token the server gave (without storage, the seat is kept for this visit only). */
export const keepSeatToken = (code: string, token: string): void => {
  try {
    localStorage.setItem(seatKey(code), token);
  } catch {
    /* the seat is kept for this visit only */
  }
};

export const chairKeyFor = (code: string): string | null => {
  try {
    const raw = localStorage.getItem(chairKey(code));
    return raw === null ? null : readChair(raw).key;
  } catch {
    return null;
  }
};

/** Keeps the chair key of a session just hosted; `now` is the time (ms since 1970). */
export const rememberChairKey = (code: string, key: string, now: number): void => {
  try {
    localStorage.setItem(chairKey(code), JSON.stringify({ key, at: now }));
  } catch {
    /* private mode: the console must stay open */
  }
};

/** The sessions this device holds a chair key or a seat in. */
export const heldSessions = (): Held[] => {
  const held: Held[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i) ?? '';
      const m = HELD.exec(name);
      if (!m) continue;
      const chair = m[1] === 'chair';
      const at = chair ? readChair(localStorage.getItem(name) ?? '').at : null;
      held.push({ code: m[2]!, role: chair ? 'console' : 'join', at });
    }
  } catch {
    // No storage: nothing held.
  }
  return held;
};

/** Forgets a session (the server no longer has it, or it is long over). */
export const forgetSession = (s: Held): void => {
  try {
    localStorage.removeItem(s.role === 'console' ? chairKey(s.code) : seatKey(s.code));
  } catch {
    /* nothing to forget */
  }
};
