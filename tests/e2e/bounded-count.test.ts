import { afterAll, expect, inject, test } from 'vitest';
import { COUNT_BOUND } from '../../src/domain/dashboard.ts';
import { chromiumForFile, expectNoAxeViolations, logInThroughForm, newPage, PHONE } from '../helpers/browser.ts';
import { withDatabase } from '../helpers/dashboard-data.ts';

const appURL = inject('appURL');
const browser = chromiumForFile();
const marker = `many${crypto.randomUUID().slice(0, 8)}`;

// One past the list's bound, inserted as the bench does (one INSERT … SELECT, staff-only ACL),
// and removed afterwards: other files count the whole table.
afterAll(() => withDatabase((client) => client.query(`DELETE FROM "opinions" WHERE "comment" LIKE $1`, [`${marker}%`])));

test('past their bounds the list says "more than 1,000" of a search and "more than 10,000" of the rest, the stats count a search\'s newest matches, and both count every match when asked', async () => {
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "opinions" ("objectId", "createdAt", "updatedAt", "name", "comment", "willReturn", "reviewed", "_rperm", "_wperm")
       SELECT substr(md5(i::text || clock_timestamp()::text), 1, 10), now() - i * interval '1 minute', now() - i * interval '1 minute',
              'Guest', $1 || ' ' || i, i % 2 = 0, false, '{role:staff}', '{role:staff}'
         FROM generate_series(1, $2::int) AS i`,
      [marker, COUNT_BOUND + 1],
    ),
  );
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  await logInThroughForm(page, appURL, { username: 'staff', password: 'Staff#Opinions1' }, `/dashboard?q=${marker}`);
  const range = page.locator('.pagination__range').first();
  await expect.poll(() => range.getAttribute('data-total')).toBe('moreThan');
  expect(await range.textContent()).toBe('1–25 of more than 1,000 Count exactly');
  expect(await page.locator('.pagination__page').first().textContent()).toBe('Page 1');

  // The stats of a search count its newest 1,000 matches, and say so.
  const bounded = page.locator('.stats__bounded');
  const total = page.locator('.stats .stat__value').first();
  await expect.poll(() => total.textContent()).toBe('1,000');
  expect(await bounded.textContent()).toMatch(
    /^More than 1,000 opinions match this search: these figures count the newest 1,000, from \d{1,2} \S+ \d{4} on\. Count every match$/,
  );
  await expectNoAxeViolations(page);
  await bounded.locator('[data-count-all]').click();
  await expect.poll(() => total.textContent()).toBe('10,001');
  // Where the button was, the panel says so, and has the focus the button had.
  expect(await bounded.textContent()).toBe('All 10,001 opinions that match this search are counted.');
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('stats__bounded');
  expect(await page.locator('.stats .stat__value').nth(1).textContent()).toBe('50% (5,000)');

  await range.locator('[data-count-exactly]').click();
  await expect.poll(() => range.textContent()).toBe('1–25 of 10,001');
  expect(await range.getAttribute('data-total')).toBe('exact');

  // Without a search, the list's own bound: the table holds more than 10,000 opinions now; and
  // the stats count every opinion, so the note goes once their answer is on screen.
  const unsearchedStats = page.waitForResponse(
    (response) => response.url().endsWith('/functions/dashboardStats') && (response.request().postDataJSON() as { q?: string }).q === '',
  );
  const searchBox = page.locator('.filter--search input');
  await searchBox.fill('');
  await searchBox.press('Enter');
  await expect.poll(() => range.textContent()).toBe('1–25 of more than 10,000 Count exactly');
  await unsearchedStats;
  await expect.poll(() => page.locator('.stats__bounded').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
