/**
 * Notes and tags in the browser, on the production build against the real server: staff add a
 * tag and a note on an opinion's page, find it again through a tag filter in the URL, and tag
 * several opinions at once from the dashboard's selection. Axe finds nothing on either page.
 */
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { DEMO_USERS } from '../../server/seed.ts';
import { chromiumForFile, DESKTOP, expectNoAxeViolations, holdBack, logInThroughForm, newPage, PHONE } from '../helpers/browser.ts';
import { seedOpinions } from '../helpers/dashboard-data.ts';
import { filled, message } from '../helpers/messages.ts';

const appURL = inject('appURL');
const browser = chromiumForFile();

const say = (id: string) => message('en', id);
const noSidewaysScrolling = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const cards = (page: Page) => page.getByRole('list', { name: say('list.label') }).getByRole('listitem').filter({ has: page.getByRole('article') });

/** Three opinions under a fresh marker, searched for by it. */
async function seedThree() {
  const marker = `notes-${crypto.randomUUID().slice(0, 8)}`;
  const ids = await seedOpinions(['Ana', 'Tomás', 'Noor'].map((name, n) => ({ name, comment: `${marker} ${n}`, willReturn: n !== 1 })));
  return { marker, ids };
}

test.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('on a %s, staff add a tag and a note on an opinion, then filter the dashboard by the tag through the URL', async (_device, viewport) => {
  const { marker, ids } = await seedThree();
  const tag = `late-${crypto.randomUUID().slice(0, 6)}`;
  const { context, page, errors } = await newPage(browser(), { viewport });
  await logInThroughForm(page, appURL, DEMO_USERS.staff);
  await page.goto(`${appURL}/dashboard/opinions/${ids[0]}`);
  await page.getByRole('heading', { level: 2, name: say('tags.heading') }).waitFor();
  await page.getByText(say('tags.none')).waitFor();

  await page.getByLabel(say('tags.add.label'), { exact: true }).fill(`  ${tag.toUpperCase()} `);
  await page.getByRole('button', { name: say('tags.add'), exact: true }).click();
  const tags = page.getByRole('list', { name: say('tags.label') });
  await expect.poll(() => tags.getByRole('listitem').allTextContents()).toEqual([`${tag}×`]);

  await page.getByText(say('notes.none')).waitFor();
  await page.getByLabel(say('notes.add.label'), { exact: true }).fill('Asked the café about the queue.');
  await page.getByRole('button', { name: say('notes.add'), exact: true }).click();
  const note = page.locator('.note');
  await expect.poll(() => note.locator('.note__text').textContent()).toBe('Asked the café about the queue.');
  expect(await note.locator('.note__author').textContent()).toBe(DEMO_USERS.staff.username);
  // The form starts empty again for the next note.
  expect(await page.getByLabel(say('notes.add.label'), { exact: true }).inputValue()).toBe('');

  await note.getByRole('button', { name: say('notes.edit'), exact: true }).click();
  await page.getByLabel(say('notes.edit.label'), { exact: true }).fill('Asked the café twice.');
  await page.getByRole('button', { name: say('notes.save'), exact: true }).click();
  await expect.poll(() => note.locator('.note__text').textContent()).toBe('Asked the café twice.');
  expect(await noSidewaysScrolling(page)).toBe(true);
  await expectNoAxeViolations(page);

  // A shared link: the tag in the URL filters the list, its field shows it, the row shows the tag.
  await page.goto(`${appURL}/dashboard?q=${marker}&tag=${tag}`);
  await expect.poll(() => cards(page).count()).toBe(1);
  expect(await page.getByLabel(say('filters.tag'), { exact: true }).inputValue()).toBe(tag);
  expect(await cards(page).first().getByRole('list', { name: say('tags.label') }).textContent()).toBe(tag);
  expect(await noSidewaysScrolling(page)).toBe(true);
  await expectNoAxeViolations(page);

  // Removing the tag on the opinion's page takes it out of the filtered list.
  await page.goto(`${appURL}/dashboard/opinions/${ids[0]}`);
  await page.getByRole('button', { name: filled('en', 'tags.remove', { tag }) }).click();
  await page.getByText(say('tags.none')).waitFor();
  await page.goto(`${appURL}/dashboard?q=${marker}&tag=${tag}`);
  await page.getByText(say('dashboard.noMatch')).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('staff tag the selected opinions at once, suggested the tags in use, and the tag filter finds them all', async () => {
  const { marker } = await seedThree();
  const tag = `bulk-${crypto.randomUUID().slice(0, 6)}`;
  const { context, page, errors } = await newPage(browser(), { viewport: DESKTOP });
  await logInThroughForm(page, appURL, DEMO_USERS.staff);
  await page.goto(`${appURL}/dashboard?q=${marker}`);
  await expect.poll(() => cards(page).count()).toBe(3);
  await page.getByLabel(filled('en', 'list.selectPage', { count: 3 })).check();

  const field = page.getByLabel(say('bulk.tag.label'), { exact: true });
  await field.fill(tag);
  await page.getByRole('button', { name: say('bulk.tag'), exact: true }).click();
  // The message is a plural (which `filled` does not write): its tag is enough to know it.
  await page.getByRole('status').filter({ hasText: tag }).waitFor();
  await expect.poll(() => cards(page).getByText(tag, { exact: true }).count()).toBe(3);

  // The tag filter's suggestions hold the new tag once the field has focus.
  const filter = page.getByLabel(say('filters.tag'), { exact: true });
  await filter.focus();
  const listId = await filter.getAttribute('list');
  await expect.poll(() => page.locator(`datalist[id="${listId}"] option[value="${tag}"]`).count()).toBe(1);
  // While the filtered stats are on their way, the old ones stay readable (busy, not faded).
  const stats = await holdBack(page, /\/functions\/dashboardStats$/);
  await filter.fill(tag);
  await filter.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('tag') === tag);
  await expect.poll(stats.count).toBe(1);
  await page.locator('section.stats[aria-busy="true"]').waitFor();
  await expectNoAxeViolations(page);
  await stats.release();
  await expect.poll(() => cards(page).count()).toBe(3);
  await page.locator('section.stats[aria-busy="false"]').waitFor();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  await context.close();
});
