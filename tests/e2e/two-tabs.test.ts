/**
 * A QR code scanned twice opens two tabs on one phone: they share the draft (and its id) and
 * the outbox. Nothing either tab sends may be lost, and nothing may be sent twice.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { FLUSH_LOCK } from '../../src/device/outbox.ts';
import { chromiumForFile, newPage, PHONE } from '../helpers/browser.ts';
import { marker, opinionsWithComment, SUBMIT_PATH } from '../helpers/parse-rest.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();

async function hydrated(page: Page) {
  await page.locator('form[aria-label="Your opinion"] button[type="submit"]').waitFor();
}

async function send(page: Page, comment: string) {
  await page.getByLabel('Your comment').fill(comment);
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Send my opinion' }).click();
}

describe('two tabs of one device', () => {
  test('each sends its own opinion from the shared draft, and both are stored', async () => {
    const { context, page: first } = await newPage(browser(), { viewport: PHONE });
    await first.goto(appURL + '/');
    await hydrated(first);
    const firstWords = marker('First tab');
    await first.getByLabel('Your comment').fill(firstWords);
    // The second tab opens on the same draft, with the same id.
    const second = await context.newPage();
    await second.goto(appURL + '/');
    await hydrated(second);
    expect(await second.getByLabel('Your comment').inputValue()).toBe(firstWords);

    await send(first, firstWords);
    await first.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    const secondWords = marker('Second tab');
    await send(second, secondWords);
    await second.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();

    expect(await opinionsWithComment(stack, firstWords)).toHaveLength(1);
    expect(await opinionsWithComment(stack, secondWords)).toHaveLength(1);
    await context.close();
  });

  test('each tab’s words outlive the other tab’s typing and sending, and a reload', async () => {
    const { context, page: first } = await newPage(browser(), { viewport: PHONE });
    await first.goto(appURL + '/');
    await hydrated(first);
    const firstWords = marker('Typed first');
    await first.getByLabel('Your comment').fill(firstWords);
    const second = await context.newPage();
    await second.goto(appURL + '/');
    await hydrated(second);
    const secondWords = marker('Typed second');
    await second.getByLabel('Your comment').fill(secondWords);
    // The first tab, reloaded, has its own words back, not the ones the second typed last.
    await first.reload();
    await hydrated(first);
    expect(await first.getByLabel('Your comment').inputValue()).toBe(firstWords);

    await send(first, firstWords);
    await first.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    await first.getByRole('button', { name: 'Leave another opinion' }).click();
    // The phone reloads the tab that was in the background: its words are still there.
    await second.reload();
    await hydrated(second);
    expect(await second.getByLabel('Your comment').inputValue()).toBe(secondWords);
    await second.getByRole('radio', { name: 'No' }).check();
    await second.getByRole('button', { name: 'Send my opinion' }).click();
    await second.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();

    expect(await opinionsWithComment(stack, firstWords)).toHaveLength(1);
    expect(await opinionsWithComment(stack, secondWords)).toHaveLength(1);
    await context.close();
  });

  test('the very same opinion sent from both tabs is stored once', async () => {
    const { context, page: first } = await newPage(browser(), { viewport: PHONE });
    await first.goto(appURL + '/');
    await hydrated(first);
    const words = marker('Sent from both tabs');
    await first.getByLabel('Your comment').fill(words);
    const second = await context.newPage();
    await second.goto(appURL + '/');
    await hydrated(second);
    await send(first, words);
    await first.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    await send(second, words);
    await second.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    expect(await opinionsWithComment(stack, words)).toHaveLength(1);
    await context.close();
  });

  test('only one tab sends the shared outbox at a time: each waiting opinion is sent once', async () => {
    const { context, page: first } = await newPage(browser(), { viewport: PHONE });
    await first.goto(appURL + '/');
    await hydrated(first);
    const words = marker('Waiting in the outbox');
    // One route for the whole test, so that no request can slip past in between two of them (the
    // second tab sends at its start, whenever that is): first the server is down, then the
    // first attempt to reach it is held on its way, then requests pass.
    let server: 'down' | 'holding' | 'up' = 'down';
    const held: Route[] = [];
    let posts = 0;
    await context.route(`${stack.serverURL}${SUBMIT_PATH}`, (route) => {
      if (server === 'down') return void route.abort();
      posts += 1;
      if (server === 'holding') held.push(route);
      else void route.continue();
    });
    await send(first, words);
    await first.getByRole('heading', { name: 'Your opinion is saved on this device' }).waitFor();
    const second = await context.newPage();
    await second.goto(appURL + '/');
    await second.getByText('1 opinion is saved on this device and will be sent when the connection is back.').waitFor();

    server = 'holding';
    const online = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('online')));
    await Promise.all([online(first), online(second)]);
    await expect.poll(() => held.length).toBe(1);
    // While one tab sends, the other waits for the device-wide lock instead of sending too.
    const lockState = () =>
      first.evaluate(async (name) => {
        const { held: holders = [], pending = [] } = await navigator.locks.query();
        return { held: holders.filter((lock) => lock.name === name).length, pending: pending.filter((lock) => lock.name === name).length };
      }, FLUSH_LOCK);
    await expect.poll(lockState).toEqual({ held: 1, pending: 1 });
    server = 'up';
    await Promise.all(held.map((route) => route.continue()));
    await expect.poll(lockState).toEqual({ held: 0, pending: 0 });
    await second.getByText(/will be sent when the connection is back/).waitFor({ state: 'detached' });

    expect(posts).toBe(1);
    expect(await opinionsWithComment(stack, words)).toHaveLength(1);
    await context.close();
  });
});
