import { describe, expect, it } from 'vitest';
import { speechIn } from './speech';

describe('a statement in one language', () => {
  it('takes its line from an AI speech, English first and Russian second', () => {
    const ai = 'Our delegation supports K1.\nНаша делегация поддерживает предложение K1.';
    expect(speechIn(ai, 'en')).toBe('Our delegation supports K1.');
    expect(speechIn(ai, 'ru')).toBe('Наша делегация поддерживает предложение K1.');
  });

  it('gives a person’s text as written, whatever its lines', () => {
    const two = 'We support the sensors.\nBut only under national command.';
    expect(speechIn(two, 'ru')).toBe(two);
    expect(speechIn('Мы поддерживаем датчики.', 'en')).toBe('Мы поддерживаем датчики.');
    const three = 'One.\nДва.\nThree.';
    expect(speechIn(three, 'ru')).toBe(three);
  });
});
