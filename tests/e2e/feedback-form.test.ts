import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { expectNoAxeViolations, chromiumForFile, newPage, PHONE } from '../helpers/browser.ts';
import { marker, opinionsWithComment, SUBMIT_PATH } from '../helpers/parse-rest.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();


async function fillForm(page: Page, comment: string, name = '') {
  if (name) await page.getByLabel('Your name (optional)').fill(name);
  await page.getByLabel('Your comment').fill(comment);
  await page.getByRole('radio', { name: 'Yes' }).check();
}

describe('the visitor’s feedback form', () => {
  test('fill and submit on a phone: exactly one row, staff-only, and a thank-you', async () => {
    const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
    await page.goto(appURL + '/');
    await expectNoAxeViolations(page);
    const comment = marker('Loved the garden');
    await fillForm(page, comment, 'Chloé');
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    await expectNoAxeViolations(page);

    const rows = await opinionsWithComment(stack, comment);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).toBe('Chloé');
    expect(rows[0]?.ACL).toEqual({ 'role:staff': { read: true, write: true } });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an empty submit shows the error summary, and axe finds nothing', async () => {
    const { context, page } = await newPage(browser());
    await page.goto(appURL + '/');
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await expectNoAxeViolations(page);
    await context.close();
  });

  test('a reload keeps the draft', async () => {
    const { context, page } = await newPage(browser());
    await page.goto(appURL + '/');
    const comment = marker('Half typed');
    await page.getByLabel('Your name (optional)').fill('Noor');
    await page.getByLabel('Your comment').fill(comment);
    await page.getByRole('radio', { name: 'No' }).check();
    await page.reload();
    // The draft comes back into the form as it hydrates (the prerendered form is empty).
    await page.locator('form[aria-label="Your opinion"] button[type="submit"]').waitFor();
    expect(await page.getByLabel('Your comment').inputValue()).toBe(comment);
    expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('Noor');
    expect(await page.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    await context.close();
  });

  test('with the server unreachable: a double click, a reload while down, and exactly one row after recovery', async () => {
    const { context, page } = await newPage(browser(), { viewport: PHONE });
    await page.goto(appURL + '/');
    const comment = marker('Sent from a flaky network');
    await fillForm(page, comment);

    const down = (route: { abort: () => Promise<void> }) => route.abort();
    await context.route(`${stack.serverURL}/**`, down);
    await page.getByRole('button', { name: 'Send my opinion' }).dblclick();
    await page.getByRole('heading', { name: 'Your opinion is saved on this device' }).waitFor();
    await page.getByText('1 opinion is saved on this device and will be sent when the connection is back.').waitFor();
    await expectNoAxeViolations(page);

    await page.reload();
    await page.getByText('1 opinion is saved on this device and will be sent when the connection is back.').waitFor();
    expect(await opinionsWithComment(stack, comment)).toHaveLength(0);

    // The server comes back: the outbox's next scheduled attempt sends it, once.
    await context.unroute(`${stack.serverURL}/**`, down);
    await expect.poll(() => opinionsWithComment(stack, comment).then((rows) => rows.length), { timeout: 30_000, interval: 500 }).toBe(1);
    await page.getByText(/will be sent when the connection is back/).waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForTimeout(1_000);
    expect(await opinionsWithComment(stack, comment)).toHaveLength(1);
    await context.close();
  });

  test('a request that never answers times out into the outbox, and arrives once later', async () => {
    const { context, page } = await newPage(browser());
    await page.goto(appURL + '/');
    const comment = marker('Never answered');
    await fillForm(page, comment);
    // The request reaches the server and is stored, but its answer never comes back.
    const hang = async (route: { fetch: () => Promise<unknown> }) => {
      await route.fetch();
      await new Promise(() => undefined);
    };
    await context.route(`${stack.serverURL}${SUBMIT_PATH}`, hang);
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByRole('heading', { name: 'Your opinion is saved on this device' }).waitFor({ timeout: 20_000 });
    await context.unroute(`${stack.serverURL}${SUBMIT_PATH}`, hang);
    // The retry finds it already stored (same submission id) and empties the outbox.
    await page.getByText(/will be sent when the connection is back/).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await opinionsWithComment(stack, comment)).toHaveLength(1);
    await context.close();
  });

  test('works by keyboard alone', async () => {
    const { context, page } = await newPage(browser());
    await page.goto(appURL + '/');
    const comment = marker('Typed without a mouse');
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    // From the top of the page: skip link, brand, three nav links, then the form's fields.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');
    await page.keyboard.type('Keyboard user');
    await page.keyboard.press('Tab');
    await page.keyboard.type(comment);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send my opinion');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    expect(await opinionsWithComment(stack, comment)).toHaveLength(1);
    await context.close();
  });
});
