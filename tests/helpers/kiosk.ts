/** Setting a kiosk up as staff do, and filling its form, for the browser tests that need a kiosk. */
import type { Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** An iPad-like tablet as Chromium emulates one: portrait 820 x 1180, touch, a mobile viewport (not Safari). */
export const IPAD = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } as const;
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

/** A finger's tap on a touch screen (a context with `hasTouch`), else a mouse's click. */
export async function press(locator: Locator, { touch }: { touch: boolean }): Promise<void> {
  await (touch ? locator.tap() : locator.click());
}

/**
 * Staff log in and set the kiosk up on this page; returns the session token they had. The page's
 * clock is Playwright's (installed before the app loads), so that tests move time instead of waiting.
 * `origin`: where the app is served, the tests' preview server unless a test serves its own build.
 */
export async function setUpKiosk(
  page: Page,
  { thanks = '8', idle = '60', language = 'browser', origin = inject('appURL'), touch = false } = {},
): Promise<string> {
  await page.clock.install();
  // In English whatever the browser speaks: the steps below find the set-up by its English names.
  await page.goto(`${origin}/login?lang=en&next=${encodeURIComponent('/kiosk')}`);
  await page.getByLabel('Username').fill('staff');
  await page.getByLabel('Password', { exact: true }).fill('Staff#Opinions1');
  await press(page.getByRole('button', { name: 'Log in' }), { touch });
  await page.getByRole('heading', { name: 'Set up this tablet as a kiosk' }).waitFor();
  const token = await storedSessionToken(page);
  if (!token) throw new Error('Staff have no session after logging in.');
  await page.getByLabel('Exit PIN', { exact: true }).fill(PIN);
  await page.getByLabel('Exit PIN again').fill(PIN);
  await page.getByLabel('New form after the thank-you (seconds)').fill(thanks);
  await page.getByLabel('Clear an untouched form after (seconds)').fill(idle);
  await page.getByLabel('Each visitor starts in').selectOption(language);
  await press(page.getByRole('button', { name: 'Start kiosk mode' }), { touch });
  if (language === 'browser') await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
  return token;
}

/** The visitor's form, the kiosk's or the page's: a comment, a name if given, and "Yes". */
export async function fillForm(page: Page, comment: string, name = '', { touch = false } = {}) {
  if (name) await page.getByLabel('Your name (optional)').fill(name);
  await page.getByLabel('Your comment').fill(comment);
  await press(page.getByRole('radio', { name: 'Yes' }), { touch });
}

/** What the kiosk itself keeps in localStorage; anything else a visitor may have left. */
export const KIOSK_KEYS = ['visitor-opinions:kiosk', 'visitor-opinions:kiosk-lock', 'visitor-opinions:last-delivered', 'visitor-opinions:language'];

export async function webStorage(page: Page) {
  return page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
}

/** The next visitor's form: empty, no error, focus on its heading and the page at its top. */
export async function expectEmptyForm(page: Page) {
  await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
  expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('');
  expect(await page.getByLabel('Your comment').inputValue()).toBe('');
  expect(await page.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(false);
  expect(await page.locator('.field__error, .error-summary').count()).toBe(0);
  expect(await page.evaluate(() => ({ tag: document.activeElement?.tagName, scrollY: window.scrollY }))).toEqual({ tag: 'H1', scrollY: 0 });
}
