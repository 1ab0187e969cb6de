/**
 * The venue's settings page in the browser, on the production build against the real server:
 * staff reach it from the dashboard, save, and find their settings after a reload; the rules
 * refuse a value next to its field in the page's language without losing what was typed.
 */
import type { Page } from 'playwright-core';
import { afterAll, expect, inject, test } from 'vitest';
import { DEFAULT_VENUE_SETTINGS, VENUE_LIMITS } from '../../src/domain/venue.ts';
import { DEMO_USERS } from '../../server/seed.ts';
import { DESKTOP, expectNoAxeViolations, chromiumForFile, holdBack, logInThroughForm, newPage, PHONE } from '../helpers/browser.ts';
import { filled, message } from '../helpers/messages.ts';
import { asUser, logIn as logInByRest } from '../helpers/parse-rest.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();

// Other files share the database: leave the venue as it starts.
afterAll(async () => {
  const { sessionToken } = await logInByRest(stack, DEMO_USERS.staff.username, DEMO_USERS.staff.password);
  const reset = await asUser(stack, sessionToken)('POST', '/functions/saveVenueSettings', DEFAULT_VENUE_SETTINGS);
  expect(reset.status).toBe(200);
});

const logIn = (page: Page) => logInThroughForm(page, appURL, DEMO_USERS.staff);

const noSidewaysScrolling = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('staff change the name and the retention in Spanish: kept on reload; 2 days refused by its field, what was typed kept', async () => {
  const say = (id: string) => message('es', id);
  const { context, page, errors } = await newPage(browser(), { viewport: DESKTOP });
  await logIn(page);
  await page.goto(`${appURL}/es/dashboard`);
  await page.getByRole('link', { name: say('dashboard.settings'), exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/es/dashboard/settings');
  await page.getByRole('heading', { level: 1, name: say('settings.heading') }).waitFor();
  expect(await page.title()).toBe(filled('es', 'title.settings', { app: say('app.name') }));

  const nameField = page.getByLabel(say('settings.name'), { exact: true });
  const daysField = page.getByLabel(say('settings.retentionDays'), { exact: true });
  // The form shows once the settings are read.
  await nameField.waitFor();
  const name = `Museo ${crypto.randomUUID().slice(0, 8)}`;
  await nameField.fill(name);
  await page.getByLabel(say('settings.retention.days'), { exact: true }).check();
  await daysField.fill('30');
  await page.getByRole('button', { name: say('settings.submit') }).click();
  await page.getByRole('status').filter({ hasText: say('settings.saved') }).waitFor();
  // The title names the venue as soon as it is saved, and after a reload.
  await expect.poll(() => page.title()).toBe(filled('es', 'title.settings', { app: name }));

  await page.reload();
  await expect.poll(() => nameField.inputValue()).toBe(name);
  await expect.poll(() => page.title()).toBe(filled('es', 'title.settings', { app: name }));
  expect(await daysField.inputValue()).toBe('30');
  expect(await page.getByLabel(say('settings.retention.days'), { exact: true }).isChecked()).toBe(true);
  await expectNoAxeViolations(page);

  // Below the limit: refused next to its field, in Spanish, and nothing typed is lost.
  const typedName = `${name} bis`;
  await nameField.fill(typedName);
  await daysField.fill('2');
  await page.getByRole('button', { name: say('settings.submit') }).click();
  const refusal = filled('es', 'venueProblem.retentionDays.range', VENUE_LIMITS.retentionDays);
  await expect.poll(() => page.locator('#settings-retention-days-error').textContent()).toContain(refusal);
  expect(await daysField.getAttribute('aria-invalid')).toBe('true');
  expect(await nameField.inputValue()).toBe(typedName);
  expect(await daysField.inputValue()).toBe('2');
  await expectNoAxeViolations(page);

  // Nothing of the refused save reached the server.
  await page.reload();
  await expect.poll(() => nameField.inputValue()).toBe(name);
  expect(errors).toEqual([]);
  await context.close();
});

test('the settings page in Arabic on a phone: right to left, no sideways scrolling, axe clean', async () => {
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  await logIn(page);
  await page.goto(`${appURL}/ar/dashboard/settings`);
  await page.getByRole('heading', { level: 1, name: message('ar', 'settings.heading') }).waitFor();
  await page.getByLabel(message('ar', 'settings.name'), { exact: true }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await noSidewaysScrolling(page)).toBe(true);
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  await context.close();
});

async function nameVenue(name: string) {
  const { sessionToken } = await logInByRest(stack, DEMO_USERS.staff.username, DEMO_USERS.staff.password);
  const saved = await asUser(stack, sessionToken)('POST', '/functions/saveVenueSettings', { ...DEFAULT_VENUE_SETTINGS, name });
  expect(saved.status).toBe(200);
}

const ENTRY = /\/assets\/index-[^/]*\.js$/;
const brand = (page: Page) => page.locator('[data-site-name]').textContent();

test("the venue's name takes the app's place in the header and the title without moving anything, and is there before any script on the next visit", async () => {
  const name = `Café Luna ${crypto.randomUUID().slice(0, 4)}`;
  await nameVenue(name);
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  await page.addInitScript(() => {
    const counted = window as unknown as { shifts: number };
    counted.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) counted.shifts += (entry as PerformanceEntry & { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // A first visit: the app's name, then the venue's once the page is idle and the server has answered.
  await page.goto(`${appURL}/`);
  expect(await brand(page)).toBe(message('en', 'app.name'));
  await expect.poll(() => brand(page)).toBe(name);
  await expect.poll(() => page.title()).toBe(filled('en', 'title.form', { app: name }));
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);

  // The next visit on this device, in Spanish: before the app's code has run (held back).
  const entry = await holdBack(page, ENTRY);
  await page.goto(`${appURL}/es/`, { waitUntil: 'domcontentloaded' });
  await entry.asked();
  expect(await brand(page)).toBe(name);
  expect(await page.title()).toBe(filled('es', 'title.form', { app: name }));
  await entry.release();
  await expect.poll(() => page.evaluate(() => document.querySelector('form button[type="submit"]') !== null)).toBe(true);
  expect(await brand(page)).toBe(name);

  // A deep link's shell too, and the staff's pages: the login page's title names the venue.
  await page.goto(`${appURL}/login`);
  await page.getByRole('heading', { level: 1, name: message('en', 'login.heading') }).waitFor();
  expect(await brand(page)).toBe(name);
  expect(await page.title()).toBe(filled('en', 'title.login', { app: name }));

  // Unnamed again: the app's own name comes back once the server says so, and stays on the next page.
  await nameVenue(DEFAULT_VENUE_SETTINGS.name);
  await page.goto(`${appURL}/`);
  await expect.poll(() => brand(page)).toBe(message('en', 'app.name'));
  await page.goto(`${appURL}/fr/`);
  expect(await brand(page)).toBe(message('fr', 'app.name'));
  expect(errors).toEqual([]);
  await context.close();
});
