/*
 * The account emails in the user's language, in a real Chromium against the built app, the
 * real Parse Server and the mail catcher: the page's language goes with the sign-up, and the
 * emailed links open the app in the user's language.
 */
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { expectNoAxeViolations, chromiumForFile, newPage, PHONE } from '../helpers/browser.ts';
import { linkIn, waitForMail } from '../helpers/mail.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const PASSWORD = 'Secret#Pass1';
const browser = chromiumForFile();

function credentials() {
  const id = crypto.randomUUID();
  return { username: `u-${id}`, email: `${id}@example.com`, password: PASSWORD };
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const htmlAttribute = (page: Page, name: string) => page.evaluate((attribute) => document.documentElement.getAttribute(attribute), name);

test('signed up in Spanish: the verification mail is in Spanish, and its link opens /es/verify-email', async () => {
  const { context, page, errors } = await newPage(browser());
  const account = credentials();
  await page.goto(`${appURL}/es/signup`);
  await heading(page, 'Crear una cuenta').waitFor();
  await page.getByLabel('Nombre de usuario').fill(account.username);
  await page.getByLabel('Correo electrónico').fill(account.email);
  await page.getByLabel('Contraseña', { exact: true }).fill(account.password);
  await page.getByLabel('Confirme su contraseña').fill(account.password);
  await page.getByRole('button', { name: 'Crear mi cuenta' }).click();

  const mail = await waitForMail(stack.mailURL, account.email);
  expect(mail.subject).toBe('Confirme su correo electrónico para Opiniones de visitantes');
  await page.goto(linkIn(mail));
  await heading(page, 'Su correo electrónico está verificado').waitFor();
  const landed = new URL(page.url());
  expect(landed.origin + landed.pathname).toBe(`${appURL}/es/verify-email`);
  expect(landed.searchParams.get('status')).toBe('verified');
  // Parse Server's `locale` did its work and is gone from the address.
  expect(landed.searchParams.has('locale')).toBe(false);
  expect(await htmlAttribute(page, 'lang')).toBe('es');
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('an Arabic user’s reset mail is in Arabic, and its link opens the page to choose a password in Arabic, right to left', async () => {
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  const account = credentials();
  const headers = { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey, 'Content-Type': 'application/json' };
  const signUp = await fetch(`${stack.serverURL}/users`, { method: 'POST', headers, body: JSON.stringify({ ...account, language: 'ar' }) });
  expect(signUp.status).toBe(201);
  const verification = await waitForMail(stack.mailURL, account.email);
  const reset = await fetch(`${stack.serverURL}/requestPasswordReset`, { method: 'POST', headers, body: JSON.stringify({ email: account.email }) });
  expect(reset.status).toBe(200);

  const mail = await waitForMail(stack.mailURL, account.email, { seen: [verification.id] });
  expect(mail.subject).toBe('إعادة تعيين كلمة المرور في آراء الزوار');
  await page.goto(linkIn(mail));
  await heading(page, 'اختر كلمة مرور جديدة').waitFor();
  expect(new URL(page.url()).pathname).toBe('/ar/reset-password');
  expect(await htmlAttribute(page, 'dir')).toBe('rtl');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/account-mail-reset-ar-phone.png', fullPage: true });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  await context.close();
});
