/** Where the autosave lives, and what the title and the replay screen read of it without replaying it. */
export const SAVE_KEY = 'consensus.save.v1';
export const BROKEN_SAVE_KEY = 'consensus.save.broken';

export const hasSave = (): boolean => {
  try {
    return localStorage.getItem(SAVE_KEY) !== null;
  } catch {
    return false;
  }
};

/** The save as stored, and the few things read off it directly (no replay, no scenario check). */
export interface SavePeek {
  raw: string;
  scenario: string;
  events: number;
  /** The game has ended: "continue" opens its debrief. */
  ended: boolean;
}

/** A look at the save without replaying it; null when there is none or it is not a game record. */
export const peekSave = (): SavePeek | null => {
  try {
    const raw = localStorage.getItem(SAVE_KEY);
    if (raw === null) return null;
    const save = JSON.parse(raw) as { scenario?: unknown; events?: unknown; ended?: unknown };
    if (typeof save.scenario !== 'string' || !Array.isArray(save.events)) return null;
    return { raw, scenario: save.scenario, events: save.events.length, ended: save.ended === true };
  } catch {
    return null;
  }
};
