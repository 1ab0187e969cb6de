import type { Route } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { countComment, SUBMIT_PATH } from '../helpers/parse-rest.ts';
import { chromiumForFile, newPage } from '../helpers/browser.ts';
import { startSecondParse } from '../helpers/test-stack.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();


test('a 502 after the server stored the opinion: the visitor is told it is kept, and exactly one row results', async () => {
  const { context, page, errors } = await newPage(browser());
  await page.goto(appURL + '/');
  const comment = `Stored, then a bad gateway ${crypto.randomUUID()}`;
  await page.getByLabel('Your comment').fill(comment);
  await page.getByRole('radio', { name: 'Yes' }).check();

  // A proxy in front of the server loses the answer: the request is committed, the client sees 502.
  let committed = 0;
  const badGateway = async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await route.fetch();
    committed += 1;
    await route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' });
  };
  await context.route(`${stack.serverURL}${SUBMIT_PATH}`, badGateway, { times: 1 });
  await page.getByRole('button', { name: 'Send my opinion' }).click();
  await page.getByRole('heading', { name: 'Your opinion is saved on this device' }).waitFor();
  expect(committed).toBe(1);
  expect(await countComment(stack, comment)).toBe(1);

  // The outbox retries with the same submission id: the server says "already stored", nothing doubles.
  await page.getByText(/will be sent when the connection is back/).waitFor({ state: 'detached', timeout: 30_000 });
  expect(await countComment(stack, comment)).toBe(1);
  // The browser logs the 502 and the duplicate's 400 as failed loads; nothing else may go wrong.
  expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  await context.close();
});

test('rate limited (429): the opinion waits on the device with a friendly message, then arrives once', async () => {
  // A real Parse Server on the same database that allows one opinion a minute; the app's
  // requests are sent to it as if it were the app's own server.
  const limited = await startSecondParse(stack, { opinionCreateLimit: 1 });
  const { context, page } = await newPage(browser());
  try {
    const viaLimited = (route: Route) =>
      route.continue({ url: route.request().url().replace(stack.serverURL, limited.serverURL) });
    await context.route(`${stack.serverURL}${SUBMIT_PATH}`, viaLimited);
    await page.goto(appURL + '/');
    const first = `First within the limit ${crypto.randomUUID()}`;
    const second = `Second, over the limit ${crypto.randomUUID()}`;
    for (const comment of [first, second]) {
      await page.getByLabel('Your comment').fill(comment);
      await page.getByRole('radio', { name: 'No' }).check();
      await page.getByRole('button', { name: 'Send my opinion' }).click();
      if (comment === first) {
        await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
        await page.getByRole('button', { name: 'Leave another opinion' }).click();
      }
    }
    await page.getByRole('heading', { name: 'Your opinion is saved on this device' }).waitFor();
    await page.getByText(/Many opinions were sent from this device in a short time/).waitFor();
    expect(await countComment(stack, first)).toBe(1);
    expect(await countComment(stack, second)).toBe(0);

    await context.unroute(`${stack.serverURL}${SUBMIT_PATH}`, viaLimited);
    await page.getByText(/will be sent when the connection is back/).waitFor({ state: 'detached', timeout: 30_000 });
    expect(await countComment(stack, second)).toBe(1);
  } finally {
    await context.close();
    await limited.stop();
  }
});
