// @vitest-environment jsdom
/*
 * The local server's account emails in the user's language (server/account-mail.ts), read from
 * the real mail catcher: the language the app saves on `_User` (src/parse/auth.ts) and the one
 * Cloud Code accepts there.
 */
import { describe, expect, inject, test } from 'vitest';
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { LANGUAGE_CODES } from '../../src/domain/languages.ts';
import { linkIn, waitForMail, type CaughtMail } from '../helpers/mail.ts';
import { anonymous, asMaster, asUser } from '../helpers/parse-rest.ts';
import { credentials, setUpAccountCalls } from '../helpers/account-calls.ts';

const stack = inject('stack');
const app = setUpAccountCalls();

function sessionToken(): string {
  const token = app.Parse.User.current()?.getSessionToken();
  if (!token) throw new Error('Nobody is logged in.');
  return token;
}

/** Where Parse Server sends the browser that opens the mail's link (it checks the token first). */
async function landingOf(mail: CaughtMail): Promise<URL> {
  const response = await fetch(linkIn(mail), { redirect: 'manual' });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '');
}

async function storedLanguage(): Promise<unknown> {
  const me = await asUser(stack, sessionToken())('GET', '/users/me');
  return me.body.language;
}

describe('verification', () => {
  test('signed up in Spanish: the mail is in Spanish and its link opens the app in Spanish', async () => {
    const { username, email, password } = credentials();
    await app.auth.signUp({ username, email, password }, 'es');
    expect(await storedLanguage()).toBe('es');

    const mail = await waitForMail(stack.mailURL, email);
    expect(mail.subject).toBe('Confirme su correo electrónico para Opiniones de visitantes');
    expect(mail.text).toContain(`Hola, ${username}:`);
    expect(mail.text).toContain(`Confirme que ${email} es su dirección de correo`);
    expect(mail.html).toContain('<html lang="es" dir="ltr">');
    expect(linkIn(mail)).toContain(`${stack.serverURL}/apps/${stack.appId}/verify_email?token=`);

    const landing = await landingOf(mail);
    // The app opens a page with Parse Server's `locale` in that language's path, /es/verify-email
    // (src/i18n/language-script.ts; tests/e2e/account-mail.test.ts follows it in Chromium).
    expect(landing.origin + landing.pathname).toBe(`${stack.appUrl}/verify-email`);
    expect(landing.searchParams.get('status')).toBe('verified');
    expect(landing.searchParams.get('locale')).toBe('es');
  });

  test('an account without a language is written to in English, and its link keeps the device’s language', async () => {
    const { username, email, password } = credentials();
    await app.auth.signUp({ username, email, password });
    expect(await storedLanguage()).toBeUndefined();

    const mail = await waitForMail(stack.mailURL, email);
    expect(mail.subject).toBe('Verify your e-mail for Visitor Opinions');
    expect(mail.text).toContain(`Hi ${username},`);
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect((await landingOf(mail)).searchParams.has('locale')).toBe(false);
  });
});

describe('password reset', () => {
  test('for an Arabic user the mail is in Arabic, right to left, and its link opens the app in Arabic', async () => {
    const { username, email, password } = credentials();
    await app.auth.signUp({ username, email, password }, 'ar');
    const verification = await waitForMail(stack.mailURL, email);
    await app.auth.logOut();

    await app.auth.requestPasswordReset(email);
    const mail = await waitForMail(stack.mailURL, email, { seen: [verification.id] });
    expect(mail.subject).toBe('إعادة تعيين كلمة المرور في آراء الزوار');
    expect(mail.text).toContain(`مرحبًا ${username}،`);
    expect(mail.text).toContain('الرابط صالح لمدة ساعة واحدة.');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');

    const landing = await landingOf(mail);
    expect(landing.origin + landing.pathname).toBe(`${stack.appUrl}/reset-password`);
    expect(landing.searchParams.get('locale')).toBe('ar');
    expect(landing.searchParams.get('token')).not.toBe('');
  });

  test('logging in from a page in another language moves the account’s emails to it', async () => {
    const { username, email, password } = credentials();
    await app.auth.signUp({ username, email, password }, 'es');
    const verification = await waitForMail(stack.mailURL, email);
    await app.auth.logOut();

    await app.auth.logIn(username, password, 'fr');
    expect(await storedLanguage()).toBe('fr');
    await app.auth.requestPasswordReset(email);
    const mail = await waitForMail(stack.mailURL, email, { seen: [verification.id] });
    expect(mail.subject).toBe('Avis des visiteurs\u00a0: réinitialisation de votre mot de passe');
    expect(mail.text).toContain(`Bonjour ${username},`);
  });
});

describe('the stored language', () => {
  test.each([
    ['a language the app does not speak', 'de'],
    ['a regional code', 'es-MX'],
    ['empty text', ''],
    ['a number', 7],
  ])('%s is refused with our invalidLanguage code, and the old one kept', async (_case, language) => {
    const { username, email, password } = credentials();
    await app.auth.signUp({ username, email, password }, 'es');
    const me = app.Parse.User.current();
    const answer = await asUser(stack, sessionToken())('PUT', `/users/${me?.id ?? ''}`, { language });
    expect(answer).toEqual({
      status: 400,
      body: { code: OUR_ERROR_CODE.invalidLanguage, error: `language must be one of ${LANGUAGE_CODES.join(', ')}, or left out.` },
    });
    expect(await storedLanguage()).toBe('es');
  });

  test('is refused at sign-up too', async () => {
    const answer = await anonymous(stack)('POST', '/users', { ...credentials(), language: 'klingon' });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(OUR_ERROR_CODE.invalidLanguage);
  });

  test('a user cannot set another user’s', async () => {
    const other = credentials();
    await app.auth.signUp(other, 'ar');
    const otherId = app.Parse.User.current()?.id ?? '';
    await app.auth.logOut();
    await app.auth.signUp(credentials(), 'en');

    const answer = await asUser(stack, sessionToken())('PUT', `/users/${otherId}`, { language: 'fr' });
    // Parse Server's answer to a change of another user: 206, "cannot modify user".
    expect(answer.body.code).toBe(206);
    expect((await asMaster(stack)('GET', `/users/${otherId}`)).body.language).toBe('ar');
  });
});
