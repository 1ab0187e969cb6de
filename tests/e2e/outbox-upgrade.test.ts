/**
 * A phone that ran the app of before decision 0037 may hold opinions it recorded as refused:
 * that app created on the class, which the server now refuses to everyone (119, `forbidden`).
 * The app of today sends them again, through the function, and each is stored once.
 */
import { expect, inject, test } from 'vitest';
import type { OutboxEntry } from '../../src/device/outbox.ts';
import { chromiumForFile, newPage, PHONE } from '../helpers/browser.ts';
import { marker, opinionsWithComment } from '../helpers/parse-rest.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();

test('opinions an older app recorded as refused, or left waiting, are each stored once by the app of today', async () => {
  const { context, page } = await newPage(browser(), { viewport: PHONE });
  await page.goto(appURL + '/');
  await page.locator('form[aria-label="Your opinion"] button[type="submit"]').waitFor();
  const old = (comment: string, rejectedBecause?: string): OutboxEntry => ({
    submissionId: crypto.randomUUID(),
    opinion: { name: '', comment, willReturn: true, language: 'en' },
    queuedAt: Date.now() - 60_000,
    attempts: 2,
    nextAttemptAt: Date.now() - 1_000,
    ...(rejectedBecause === undefined ? {} : { rejectedBecause }),
  });
  const entries = [
    old(marker('Refused as forbidden'), 'forbidden'),
    old(marker('Refused in words'), 'Permission denied for action create on class opinions.'),
    old(marker('Still waiting')),
  ];
  // As the older app left them in its outbox (idb-keyval's store: the key is the submission id).
  await page.evaluate(async (written) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('visitor-opinions');
      // As idb-keyval makes it, should the app not have opened it yet.
      opening.onupgradeneeded = () => opening.result.createObjectStore('outbox');
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    const transaction = db.transaction('outbox', 'readwrite');
    for (const entry of written) transaction.objectStore('outbox').put(entry, entry.submissionId);
    await new Promise((resolve) => (transaction.oncomplete = resolve));
    db.close();
  }, entries);

  await page.reload();
  for (const { opinion } of entries) {
    await expect.poll(() => opinionsWithComment(stack, opinion.comment).then((rows) => rows.length)).toBe(1);
  }
  await page.getByText(/will be sent when the connection is back/).waitFor({ state: 'detached' });
  expect(await page.getByText('An opinion saved on this device could not be sent', { exact: false }).count()).toBe(0);
  // Sent once each: nothing is left in the outbox to send again.
  expect(await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const opening = indexedDB.open('visitor-opinions');
      opening.onsuccess = () => resolve(opening.result);
    });
    const count = await new Promise<number>((resolve) => {
      const counting = db.transaction('outbox').objectStore('outbox').count();
      counting.onsuccess = () => resolve(counting.result);
    });
    db.close();
    return count;
  })).toBe(0);
  await context.close();
});
