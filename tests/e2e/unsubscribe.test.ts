/*
 * The app's unsubscribe page, where a staff email's link leads (server/cloud/email-links.ts):
 * in a real Chromium against the built app and the real Parse Server, with a token signed as
 * the server signs them.
 */
import { expect, inject, test } from 'vitest';
import { EMAIL_PREFERENCE_FIELDS } from '../../src/domain/email-preferences.ts';
import { signUnsubscribeToken } from '../../server/cloud/unsubscribe-token.ts';
import { expectNoAxeViolations, chromiumForFile, newPage, PHONE } from '../helpers/browser.ts';
import { master, verifiedStaff } from '../helpers/parse-rest.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();

const preference = async (userId: string, field: string) => (await master(stack).request<Record<string, unknown>>('GET', `/users/${userId}`))[field];

test('a Spanish link switches alerts off without an account, says so in Spanish, and a forged one changes nothing', async () => {
  const staff = await verifiedStaff(stack);
  const other = await verifiedStaff(stack);
  const token = await signUnsubscribeToken(stack.masterKey, staff.id, 'alerts');
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });

  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/functions/unsubscribe')) sent.push(request.postData() ?? '');
  });
  const [userId, kind, mac] = token.split('.');
  await page.goto(`${appURL}/es/unsubscribe?token=${encodeURIComponent(`${other.id}.${kind}.${mac}`)}`);
  await page.getByRole('alert').filter({ hasText: 'Este enlace no es válido, así que no se ha cambiado nada.' }).waitFor();
  expect(await preference(other.id, EMAIL_PREFERENCE_FIELDS.alerts)).not.toBe(false);
  // The server's refusal, as the browser logs it.
  expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  errors.length = 0;

  await page.goto(`${appURL}/es/unsubscribe?token=${encodeURIComponent(token)}`);
  await page.getByText('Ya no recibirás alertas por correo electrónico.').waitFor();
  // One click, one request each.
  expect(sent).toHaveLength(2);
  expect(await page.title()).toBe('Preferencias de correo · Opiniones de visitantes');
  expect(await preference(userId ?? '', EMAIL_PREFERENCE_FIELDS.alerts)).toBe(false);
  expect(await page.getByRole('link', { name: 'la página de tu cuenta' }).getAttribute('href')).toBe('/es/account');
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('in Arabic, right to left on a phone, the digest is switched off', async () => {
  const staff = await verifiedStaff(stack);
  const token = await signUnsubscribeToken(stack.masterKey, staff.id, 'digest');
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  await page.goto(`${appURL}/ar/unsubscribe?token=${encodeURIComponent(token)}`);
  await page.getByText('لن يصلك ملخص الآراء عبر البريد الإلكتروني بعد الآن.').waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await preference(staff.id, EMAIL_PREFERENCE_FIELDS.digest)).toBe('off');
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
  await context.close();
});
