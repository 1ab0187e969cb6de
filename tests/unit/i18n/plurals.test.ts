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

test.each([
  ['en', 0, 'No opinion waits to be sent.'],
  ['en', 1, '1 opinion waits on this device to be sent.'],
  ['en', 3, '3 opinions wait on this device to be sent.'],
  ['es', 1, '1 opinión espera en este dispositivo para enviarse.'],
  ['es', 3, '3 opiniones esperan en este dispositivo para enviarse.'],
  ['fr', 1, '1 avis attend sur cet appareil d’être envoyé.'],
  ['fr', 3, '3 avis attendent sur cet appareil d’être envoyés.'],
  ['ar', 1, 'رأي واحد ينتظر الإرسال على هذا الجهاز.'],
  ['ar', 2, 'رأيان ينتظران الإرسال على هذا الجهاز.'],
  ['ar', 3, `${arabic(3)} آراء تنتظر الإرسال على هذا الجهاز.`],
  ['ar', 11, `${arabic(11)} رأيًا تنتظر الإرسال على هذا الجهاز.`],
] as const)('%s: the kiosk’s staff menu at %i opinions waiting', async (language, count, text) => {
  await loadMessages(language, 'kiosk');
  expect(t('staff.waiting', { count })).toBe(text);
});
