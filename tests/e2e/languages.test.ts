import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { isLanguage, LANGUAGES, type Language } from '../../src/domain/languages.ts';
import { expectNoAxeViolations, holdBack, chromiumForFile, PHONE } from '../helpers/browser.ts';
import { message } from '../helpers/messages.ts';
import { marker, newUser, opinionsWithComment, TEST_PASSWORD } from '../helpers/parse-rest.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();

const home = (language: Language) => (language === 'en' ? '/' : `/${language}/`);
const ENTRY = /\/assets\/index-[^/]*\.js$/;

async function newContext(options: { locale?: string; viewport?: { width: number; height: number } } = {}) {
  const context = await browser().newContext({ locale: options.locale ?? 'en-US', viewport: options.viewport ?? PHONE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (entry) => {
    if (entry.type() === 'error') errors.push(entry.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

async function waitForHydration(page: Page) {
  await page.locator('form[data-opinion-form] button[type="submit"]').waitFor();
}

async function htmlLanguage(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

async function closeAll(context: BrowserContext) {
  await context.close();
}

describe.each(Object.keys(LANGUAGES).filter(isLanguage))('the visitor’s form in %s', (language) => {
  const say = (id: string) => message(language, id);

  test('its own page and <html lang dir>; an error, a send and the thank-you, axe clean; no sideways scrolling at 360 px', async () => {
    const { context, page, errors } = await newContext({ locale: language === 'en' ? 'en-US' : language });
    await page.goto(appURL + home(language));
    expect(new URL(page.url()).pathname).toBe(home(language));
    expect(await htmlLanguage(page)).toEqual({ lang: language, dir: LANGUAGES[language].dir });
    expect(await page.title()).toContain(say('app.name'));
    await waitForHydration(page);

    await page.getByRole('button', { name: say('form.send') }).click();
    await page.getByRole('heading', { name: say('form.errorSummary') }).waitFor();
    await page.getByRole('link', { name: say('problem.comment.missing') }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const comment = marker(`In ${language}`);
    await page.getByLabel(say('form.comment.label')).fill(comment);
    await page.getByRole('radio', { name: say('form.willReturn.yes') }).check();
    await page.getByRole('button', { name: say('form.send') }).click();
    await page.getByRole('heading', { name: say('thanks.sent.heading') }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await opinionsWithComment(stack, comment)).toHaveLength(1);
    expect(errors).toEqual([]);
    await closeAll(context);
  });

  test('what is typed before the app’s code has run is kept', async () => {
    const { context, page, errors } = await newContext({ locale: language === 'en' ? 'en-US' : language });
    const entry = await holdBack(page, ENTRY);
    await page.goto(appURL + home(language), { waitUntil: 'commit' });
    const comment = marker(`Early, in ${language}`);
    await page.getByLabel(say('form.comment.label')).fill(comment);
    await page.getByRole('radio', { name: say('form.willReturn.no') }).check();
    await expect.poll(entry.count).toBe(1);
    await entry.release();
    await waitForHydration(page);
    expect(await page.getByLabel(say('form.comment.label')).inputValue()).toBe(comment);
    expect(await page.getByRole('radio', { name: say('form.willReturn.no') }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await closeAll(context);
  });
});

describe('choosing the language', () => {
  test('the browser’s language sends `/` to its page before anything is shown', async () => {
    const { context, page } = await newContext({ locale: 'es-MX' });
    await page.goto(appURL + '/');
    expect(new URL(page.url()).pathname).toBe('/es/');
    expect(await htmlLanguage(page)).toEqual({ lang: 'es', dir: 'ltr' });
    await closeAll(context);
  });

  test('?lang= beats the browser’s language, on any page', async () => {
    const { context, page } = await newContext({ locale: 'es-ES' });
    await page.goto(appURL + '/?lang=ar');
    expect(new URL(page.url()).pathname).toBe('/ar/');
    expect(new URL(page.url()).search).toBe('');
    expect(await htmlLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.goto(appURL + '/login?lang=fr');
    expect(new URL(page.url()).pathname).toBe('/fr/login');
    expect(await htmlLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await closeAll(context);
  });

  test('the switcher’s choice is remembered on the device, after a reload and on a new visit', async () => {
    const { context, page, errors } = await newContext({ locale: 'en-US' });
    await page.goto(appURL + '/');
    await waitForHydration(page);
    const switcher = page.getByRole('navigation', { name: message('en', 'switcher.label') });
    const french = switcher.getByRole('link', { name: 'Français' });
    expect(await french.getAttribute('lang')).toBe('fr');
    await french.click();
    await page.waitForURL(appURL + '/fr/');
    await page.getByRole('heading', { name: message('fr', 'feedback.heading') }).waitFor();
    expect(await page.getByRole('link', { name: 'Français' }).getAttribute('aria-current')).toBe('true');
    await page.reload();
    expect(await htmlLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.goto(appURL + '/');
    expect(new URL(page.url()).pathname).toBe('/fr/');
    expect(errors).toEqual([]);
    await closeAll(context);
  });
});

describe.each(['es', 'fr', 'ar'] as const)('the account pages in %s', (language) => {
  const say = (id: string) => message(language, id);

  test('log-in with a wrong password says so in the language; no sideways scrolling at 360 px', async () => {
    const user = await newUser(stack);
    const { context, page, errors } = await newContext({ locale: language });
    await page.goto(`${appURL}/${language}/login`);
    expect(await htmlLanguage(page)).toEqual({ lang: language, dir: LANGUAGES[language].dir });
    await expect.poll(() => page.title()).toBe(say('title.login').replace('{app}', say('app.name')));
    await page.getByLabel(say('account.username')).fill(user.username);
    await page.getByLabel(say('account.password'), { exact: true }).fill(`${TEST_PASSWORD}-wrong`);
    await page.getByRole('button', { name: say('login.submit') }).click();
    await page.getByRole('alert').filter({ hasText: say('error.wrong-credentials') }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Parse Server answers wrong credentials with HTTP 404, which Chromium logs: that one is expected.
    expect(errors.filter((error) => !error.includes('status of 404'))).toEqual([]);
    await closeAll(context);
  });

  test('sign-up: its checks in the language, axe clean; no sideways scrolling at 360 px', async () => {
    const { context, page, errors } = await newContext({ locale: language });
    await page.goto(`${appURL}/${language}/signup`);
    expect(await htmlLanguage(page)).toEqual({ lang: language, dir: LANGUAGES[language].dir });
    await page.getByRole('heading', { level: 1, name: say('signup.heading') }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(say('account.username')).fill('a b');
    await page.getByLabel(say('account.password'), { exact: true }).fill('short');
    await page.getByRole('button', { name: say('signup.submit') }).click();
    await page.getByRole('heading', { name: say('form.errorSummary') }).waitFor();
    await page.getByRole('link', { name: say('error.email-missing') }).waitFor();
    await page.getByRole('link', { name: say('account.confirmation.missing') }).waitFor();
    await page.locator('#password-rules li').filter({ hasText: say('password.rule.upper') }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await closeAll(context);
  });
});
