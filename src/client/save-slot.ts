/** Where the autosave lives, and whether there is one: all the title screen needs to know. */
export const SAVE_KEY = 'consensus.save.v1';
export const BROKEN_SAVE_KEY = 'consensus.save.broken';
/** Set beside the save when its game has ended, so that the title offers its debrief, not "continue". */
export const SAVE_ENDED_KEY = 'consensus.save.ended';

export const hasSave = (): boolean => {
  try {
    return localStorage.getItem(SAVE_KEY) !== null;
  } catch {
    return false;
  }
};

/** Whether the saved game has ended (its debrief is what "continue" opens). */
export const savedGameEnded = (): boolean => {
  try {
    return localStorage.getItem(SAVE_ENDED_KEY) === '1';
  } catch {
    return false;
  }
};
