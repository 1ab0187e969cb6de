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

test('past the bound the list says "more than 10,000" and counts exactly when asked', async () => {
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "opinions" ("objectId", "createdAt", "updatedAt", "name", "comment", "willReturn", "reviewed", "_rperm", "_wperm")
       SELECT substr(md5(i::text || clock_timestamp()::text), 1, 10), now() - i * interval '1 minute', now() - i * interval '1 minute',
              'Guest', $1 || ' ' || i, true, false, '{role:staff}', '{role:staff}'
         FROM generate_series(1, $2::int) AS i`,
      [marker, COUNT_BOUND + 1],
    ),
  );
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  await logInThroughForm(page, appURL, { username: 'staff', password: 'Staff#Opinions1' }, `/dashboard?q=${marker}`);
  const range = page.locator('.pagination__range').first();
  await expect.poll(() => range.getAttribute('data-total')).toBe('moreThan');
  expect(await range.textContent()).toBe('1–25 of more than 10,000 Count exactly');
  expect(await page.locator('.pagination__page').first().textContent()).toBe('Page 1');
  await expectNoAxeViolations(page);

  await range.locator('[data-count-exactly]').click();
  await expect.poll(() => range.textContent()).toBe('1–25 of 10,001');
  expect(await range.getAttribute('data-total')).toBe('exact');
  expect(errors).toEqual([]);
  await context.close();
});
