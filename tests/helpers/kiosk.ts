/** Setting a kiosk up as staff do, and filling its form, for the browser tests that need a kiosk. */
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

export const TABLET = { width: 1024, height: 768 } as const;
export const PIN = '2468';

/** The session token the Parse SDK keeps in localStorage, if any. */
export async function storedSessionToken(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      const value = localStorage.getItem(key) ?? '';
      const token = /"sessionToken":"([^"]+)"/.exec(value)?.[1];
      if (token) return token;
    }
    return undefined;
  });
}

/**
 * Staff log in and set the kiosk up on this page; returns the session token they had. The page's
 * clock is Playwright's (installed before the app loads), so that tests move time instead of waiting.
 * `origin`: where the app is served, the tests' preview server unless a test serves its own build.
 */
export async function setUpKiosk(
  page: Page,
  { thanks = '8', idle = '60', language = 'browser', origin = inject('appURL') } = {},
): Promise<string> {
  await page.clock.install();
  // In English whatever the browser speaks: the steps below find the set-up by its English names.
  await page.goto(`${origin}/login?lang=en&next=${encodeURIComponent('/kiosk')}`);
  await page.getByLabel('Username').fill('staff');
  await page.getByLabel('Password', { exact: true }).fill('Staff#Opinions1');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Set up this tablet as a kiosk' }).waitFor();
  const token = await storedSessionToken(page);
  if (!token) throw new Error('Staff have no session after logging in.');
  await page.getByLabel('Exit PIN', { exact: true }).fill(PIN);
  await page.getByLabel('Exit PIN again').fill(PIN);
  await page.getByLabel('New form after the thank-you (seconds)').fill(thanks);
  await page.getByLabel('Clear an untouched form after (seconds)').fill(idle);
  await page.getByLabel('Each visitor starts in').selectOption(language);
  await page.getByRole('button', { name: 'Start kiosk mode' }).click();
  if (language === 'browser') await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
  return token;
}

/** The visitor's form, the kiosk's or the page's: a comment, a name if given, and "Yes". */
export async function fillForm(page: Page, comment: string, name = '') {
  if (name) await page.getByLabel('Your name (optional)').fill(name);
  await page.getByLabel('Your comment').fill(comment);
  await page.getByRole('radio', { name: 'Yes' }).check();
}
