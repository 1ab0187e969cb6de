import { afterAll, expect, test } from 'vitest';
import { flashText, readFlash, withFlash } from '../../../src/app/flash';
import { loadMessages, t } from '../../../src/i18n/i18n';

afterAll(async () => {
  await loadMessages('en', 'shell');
  await loadMessages('en', 'accounts');
});

test.each([
  ['en', 1, 'The link works for one hour.'],
  ['en', 24, 'It works for 24 hours.'],
  ['es', 1, 'El enlace sirve durante una hora.'],
  ['es', 24, 'Sirve durante 24 horas.'],
  ['fr', 1, 'Le lien est valable une heure.'],
  ['fr', 24, 'Il est valable 24 heures.'],
  ['ar', 1, 'يعمل الرابط لمدة ساعة واحدة.'],
  ['ar', 24, `يعمل الرابط لمدة ${new Intl.NumberFormat('ar').format(24)} ساعة.`],
] as const)('%s: a link that works for %i hours, by the language’s plural rules', async (language, hours, ending) => {
  await loadMessages(language, 'accounts');
  const id = hours === 1 ? 'reset.sent' : 'verify.resent';
  expect(t(id, { hours, email: 'ana@example.com' }).endsWith(ending)).toBe(true);
});

test('a flash travels by name and is said in the language of the page that shows it', async () => {
  const { flash } = withFlash('loggedOut');
  const read = readFlash({ flash });
  expect(read).toEqual({ name: 'loggedOut', tone: 'success' });
  await loadMessages('es', 'shell');
  expect(read && flashText(read)).toBe('Ha cerrado la sesión.');
  // What an older version left in the history (English text) is not shown.
  expect(readFlash({ flash: { text: 'You have logged out.', tone: 'success' } })).toBeUndefined();
  expect(readFlash({ flash: { name: 'nonsense', tone: 'success' } })).toBeUndefined();
});
