/**
 * The text of a statement in one language. AI delegations speak in both languages, English on the
 * first line and Russian on the second (`src/core/ai/delegate.ts`); a person's text is given as
 * written, whatever its lines.
 */
const CYRILLIC = /[А-Яа-яЁё]/;

export const speechIn = (text: string, lang: 'en' | 'ru'): string => {
  const lines = text.split('\n');
  if (lines.length === 2 && !CYRILLIC.test(lines[0]!) && CYRILLIC.test(lines[1]!))
    return lang === 'ru' ? lines[1]! : lines[0]!;
  return text;
};
