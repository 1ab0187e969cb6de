import { expect, inject, test } from 'vitest';
import { expectNoAxeViolations, chromiumForFile, newPage, PHONE } from '../helpers/browser.ts';

const appURL = inject('appURL');
const browser = chromiumForFile();

test('the app loads on a 360 px phone with its shell, and no console errors', async () => {
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  await page.goto(appURL + '/');
  await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
  // The visitor's form, the page at `/`.
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tell us about your visit');
  expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
  // Nothing is wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('an unknown address shows the not-found page, inside the shell', async () => {
  const { context, page, errors } = await newPage(browser());
  await page.goto(appURL + '/no/such/page');
  await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
  expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  await context.close();
});
