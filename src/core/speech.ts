/**
 * The text of a statement in one language. AI delegations speak in both languages, English on the
 * first line and Russian on the second (`src/core/ai/delegate.ts`); a person's text is given as
 * written, whatever its lines.
 */
const CYRILLIC = /[А-Яа-яЁё]/;

/** A statement in both languages, as AI delegations make them (they name their position in it). */
export const isBilingualSpeech = (text: string): boolean => {
  const lines = text.split('\n');
  return lines.length === 2 && !CYRILLIC.test(lines[0]!) && CYRILLIC.test(lines[1]!);
};

export const speechIn = (text: string, lang: 'en' | 'ru'): string =>
  isBilingualSpeech(text) ? text.split('\n')[lang === 'ru' ? 1 : 0]! : text;
