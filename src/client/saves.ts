/**
 * Saved games: the event log plus what is needed to replay it, versioned. A corrupt or old save
 * yields a clear message and a fresh start, never a crash; the unreadable save is kept aside.
 */
import { SAVE_FORMAT, replayGame, type Conference } from '../core/conference';
import type { Text } from '../core/scenario';
import type { Difficulty } from '../core/state';
import { BROKEN_SAVE_KEY, SAVE_KEY } from './save-slot';
import { scenarioById } from './scenarios';

export { BROKEN_SAVE_KEY, SAVE_KEY, hasSave } from './save-slot';

export interface SaveFile {
  format: number;
  app: 'consensus';
  scenario: string;
  options: { seed: number; profile: string; humans: string[] };
  difficulty: Difficulty;
  events: unknown[];
  /** Whether the game had ended when saved (read by the title without replaying the save). */
  ended: boolean;
}

export const writeSave = (c: Conference, difficulty: Difficulty): void => {
  const save: SaveFile = {
    format: SAVE_FORMAT,
    app: 'consensus',
    scenario: c.scenario.id,
    options: {
      seed: c.options.seed,
      profile: c.options.profile,
      humans: [...(c.options.humans ?? [])],
    },
    difficulty,
    events: [...c.log],
    ended: c.snapshot.context.ended,
  };
  try {
    localStorage.setItem(SAVE_KEY, JSON.stringify(save));
  } catch {
    // Storage full or disabled: the game goes on unsaved.
  }
};

export const clearSave = (): void => {
  try {
    localStorage.removeItem(SAVE_KEY);
  } catch {
    /* nothing to clear */
  }
};

export type LoadedSave =
  | { ok: true; conference: Conference; difficulty: Difficulty }
  | { ok: false; kind: 'none' | 'corrupt' | 'old'; reason: Text };

const setAside = (raw: string) => {
  try {
    localStorage.setItem(BROKEN_SAVE_KEY, raw);
    localStorage.removeItem(SAVE_KEY);
  } catch {
    /* ignore */
  }
};

export const readSave = (): LoadedSave => {
  let raw: string | null;
  try {
    raw = localStorage.getItem(SAVE_KEY);
  } catch {
    raw = null;
  }
  if (raw === null)
    return { ok: false, kind: 'none', reason: { en: 'no saved game', ru: 'нет сохранения' } };
  let data: Partial<SaveFile>;
  try {
    data = JSON.parse(raw) as Partial<SaveFile>;
  } catch {
    setAside(raw);
    return {
      ok: false,
      kind: 'corrupt',
      reason: { en: 'the file is not valid JSON', ru: 'файл не является корректным JSON' },
    };
  }
  if (typeof data !== 'object' || data === null || data.app !== 'consensus') {
    setAside(raw);
    return {
      ok: false,
      kind: 'corrupt',
      reason: { en: 'it is not a Consensus save', ru: 'это не сохранение «Консенсуса»' },
    };
  }
  if (data.format !== SAVE_FORMAT) {
    setAside(raw);
    return {
      ok: false,
      kind: 'old',
      reason: { en: `format ${String(data.format)}`, ru: `формат ${String(data.format)}` },
    };
  }
  const scenario = typeof data.scenario === 'string' ? scenarioById(data.scenario) : undefined;
  if (!scenario) {
    setAside(raw);
    return {
      ok: false,
      kind: 'corrupt',
      reason: {
        en: `unknown scenario "${String(data.scenario)}"`,
        ru: `неизвестный сценарий «${String(data.scenario)}»`,
      },
    };
  }
  const r = replayGame(scenario, data);
  if (!r.ok) {
    setAside(raw);
    return { ok: false, kind: 'corrupt', reason: r.reason };
  }
  const difficulty =
    data.difficulty === 'easy' || data.difficulty === 'hard' ? data.difficulty : 'normal';
  return { ok: true, conference: r.conference, difficulty };
};
