/** Where the autosave lives, and whether there is one: all the title screen needs to know. */
export const SAVE_KEY = 'consensus.save.v1';
export const BROKEN_SAVE_KEY = 'consensus.save.broken';

export const hasSave = (): boolean => {
  try {
    return localStorage.getItem(SAVE_KEY) !== null;
  } catch {
    return false;
  }
};
