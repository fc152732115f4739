/**
 * The pace of a room: how long it holds still after an event so that the people in it can follow
 * what just happened — read a speech, a crisis and its outcome, see how a ballot ended. The AI
 * delegations and the AI chair wait that long before their next move; people may act at once.
 *
 * Pure: the figures are milliseconds at the game's normal speed, and the caller (the local session,
 * the server's room) owns the clock and scales them to its own pace (0 in tests: no waiting).
 */
import type { Conference } from './conference';
import type { ConferenceContext } from './state';

/**
 * Game speeds, as factors on the normal pace: the time between AI moves and the time to read both
 * scale by them. A player chooses one in the settings; a teacher, for a session, on the console.
 */
export const SPEED_FACTOR = { slow: 12 / 7, normal: 1, fast: 3 / 7 } as const;
export type GameSpeed = keyof typeof SPEED_FACTOR;
export const isGameSpeed = (x: unknown): x is GameSpeed =>
  typeof x === 'string' && Object.hasOwn(SPEED_FACTOR, x);

/** Words a minute: a student reading a second language, not a speed reader. */
export const READING_WPM = 180;
/** Never longer than this for one text: a long speech can be read on after the room moves on. */
export const MAX_HOLD_MS = 12_000;
/** A ballot's result stays on the board this long before the chair moves on. */
export const BALLOT_HOLD_MS = 3_000;
/** A new agenda item is announced, and the room takes a breath. */
export const ITEM_HOLD_MS = 2_000;
/** Time to take in the allies' responses to a crisis, beyond reading the result. */
export const RESPONSES_HOLD_MS = 5_000;
/**
 * Consultations: when a person's state asks for help, the allies wait this long (beyond reading
 * the request) before they answer, so that the person can make offers that might win a stronger
 * answer. Without it the AI allies answered within seconds of the request being read.
 */
export const CONSULT_MS = 15_000;

const words = (line: string): number => line.split(/\s+/).filter(Boolean).length;

/**
 * Time to read a text at READING_WPM, at least a second and a half. A bilingual text (one language
 * a line, as the AI's speeches are) counts its longest line: a reader reads one language.
 */
export const readingMs = (text: string): number => {
  const n = Math.max(0, ...text.split('\n').map(words));
  return Math.min(MAX_HOLD_MS, 1_500 + Math.round((n * 60_000) / READING_WPM));
};

const decidedCrises = (ctx: ConferenceContext): number =>
  Object.values(ctx.crises).filter((c) => c.status === 'decided').length;

/**
 * How long the room should hold still after the step from `before` to `after` (one event), in
 * milliseconds at normal speed; 0 when nothing new needs reading. When one step does several things
 * (a ballot closes and the next item opens), the longest hold counts.
 */
export const holdAfter = (before: Conference, after: Conference): number => {
  const was = before.snapshot.context;
  const now = after.snapshot.context;
  let hold = 0;
  const wait = (ms: number) => (hold = Math.max(hold, ms));
  if (now.statements.length > was.statements.length) {
    const s = now.statements[now.statements.length - 1]!;
    wait(readingMs(s.text ?? ''));
  }
  if (now.crisis && now.crisis !== was.crisis) {
    const c = after.env.crisis.get(now.crisis);
    // Read in one language, the longer to read of the two.
    const read = c ? readingMs(`${c.title.en} ${c.text.en}\n${c.title.ru} ${c.text.ru}`) : 0;
    wait(c && after.options.humans?.includes(c.requester) ? read + CONSULT_MS : read);
  }
  if (decidedCrises(now) > decidedCrises(was)) wait(RESPONSES_HOLD_MS);
  if (now.closed.length > was.closed.length) wait(BALLOT_HOLD_MS);
  if (now.item !== was.item) wait(ITEM_HOLD_MS);
  return hold;
};
