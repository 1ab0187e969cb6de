import { afterAll, expect, test } from 'vitest';
import { loadMessages, t } from '../../../src/i18n/i18n';

afterAll(() => loadMessages('en', 'visitor'));

function arabic(value: number): string {
  return new Intl.NumberFormat('ar').format(value);
}

test.each([
  ['en', 1, 'You have 1 character remaining'],
  ['en', 1200, 'You have 1,200 characters remaining'],
  ['es', 1, 'Le queda 1 carácter'],
  ['es', 1200, 'Le quedan 1200 caracteres'],
  ['fr', 1, 'Il vous reste 1 caractère'],
  ['fr', 1200, 'Il vous reste 1 200 caractères'],
  ['ar', 2, 'يتبقى حرفان'],
  // Digits as Intl writes them for Arabic (Western Arabic digits in current ICU data).
  ['ar', 3, `يتبقى ${arabic(3)} أحرف`],
  ['ar', 11, `يتبقى ${arabic(11)} حرفًا`],
  ['ar', 100, `يتبقى ${arabic(100)} حرف`],
] as const)('%s: the counter at %i, by the language’s plural rules and digits', async (language, count, text) => {
  await loadMessages(language, 'visitor');
  // Intl separates French thousands with a narrow no-break space.
  expect(t('form.comment.left', { count }).replace(/\s/g, ' ')).toBe(text);
});
