import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { DEMO_USERS } from '../../server/seed.ts';
import { LANGUAGES, type Language } from '../../src/domain/languages.ts';
import { DESKTOP, expectNoAxeViolations, holdBack, chromiumForFile, logInThroughForm, newPage, PHONE, TABLET } from '../helpers/browser.ts';
import { seedOpinions } from '../helpers/dashboard-data.ts';
import { filled, message } from '../helpers/messages.ts';

const appURL = inject('appURL');
const browser = chromiumForFile();

/** Staff log in on the log-in page in `language`, and land on the dashboard in it. */
async function logIn(page: Page, language: Language) {
  await logInThroughForm(page, appURL, DEMO_USERS.staff, '/dashboard', language);
  await page.getByRole('heading', { level: 1, name: message(language, 'dashboard.heading') }).waitFor();
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

const CASES = [
  { language: 'es', viewport: DESKTOP, csvHeader: '"id","fecha","nombre","comentario","volvería","revisada","idioma","etiquetas","notas"' },
  { language: 'fr', viewport: TABLET, csvHeader: '"id","date","nom","commentaire","reviendrait","lu","langue","étiquettes","notes"' },
  { language: 'ar', viewport: PHONE, csvHeader: '"المعرّف","التاريخ","الاسم","التعليق","سيعود","تمت المراجعة","اللغة","الوسوم","الملاحظات"' },
] as const;

describe.each(CASES)('the staff dashboard in $language', ({ language, viewport, csvHeader }) => {
  const say = (id: string) => message(language, id);

  test('headings, filters, numbers, times and the CSV in the language, axe clean, no sideways scrolling', async () => {
    const tag = `dl${language}${crypto.randomUUID().slice(0, 8)}`;
    await seedOpinions([
      { name: 'Zoë', comment: `${tag} très bien`, willReturn: true, language: 'fr', createdAt: hoursAgo(3) },
      { name: 'Noor', comment: `${tag} رائع`, willReturn: true, language: 'ar', createdAt: hoursAgo(5) },
      { name: 'Ana', comment: `${tag} muy bien`, willReturn: false, language: 'es', createdAt: hoursAgo(7) },
    ]);
    const { context, page, errors } = await newPage(browser(), { viewport });
    await logIn(page, language);

    // A deep link whose page is still on its way is titled in its language already.
    const pageCode = await holdBack(page, /\/assets\/dashboard-page-[^/]*\.js$/);
    await page.goto(`${appURL}/${language}/dashboard?q=${tag}`, { waitUntil: 'commit' });
    await expect.poll(pageCode.count).toBe(1);
    // Its modulepreload link may be asked for before <title> is parsed: wait for the title, the page still held.
    await expect.poll(() => page.title()).toBe(say('app.name'));
    await pageCode.release();

    await page.getByRole('heading', { level: 1, name: say('dashboard.heading') }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language, LANGUAGES[language].dir]);
    expect(await page.title()).toBe(filled(language, 'title.dashboard', { app: say('app.name') }));
    await page.locator('.opinion-card').nth(2).waitFor();

    // The filters in the language; the opinion's language and the site's are told apart.
    const filters = page.getByRole('search', { name: say('filters.label') });
    expect(await filters.getByLabel(say('filters.search'), { exact: true }).inputValue()).toBe(tag);
    expect(await filters.getByLabel(say('filters.status'), { exact: true }).isVisible()).toBe(true);
    const languageFilter = page.getByRole('combobox', { name: say('filters.language'), exact: true });
    const switcher = page.getByRole('navigation', { name: say('switcher.label'), exact: true });
    expect([await languageFilter.count(), await switcher.count()]).toEqual([1, 1]);
    expect(say('filters.language')).not.toBe(say('switcher.label'));
    await page.getByText(say('split.title'), { exact: true }).waitFor();

    // Numbers, ranges and times through Intl in the language.
    expect(await page.locator('.pagination__range').textContent()).toBe(filled(language, 'pagination.range', { first: 1, last: 3, total: 3 }));
    const hours = new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(-3, 'hour');
    expect(await page.locator('.opinion-card .opinion-time__relative').first().textContent()).toBe(hours);
    await page.getByRole('button', { name: filled(language, 'export.buttonCount', { count: 3 }), exact: true }).waitFor();

    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The CSV's header row in the language.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: filled(language, 'export.buttonCount', { count: 3 }) }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.slice(1).split('\r\n')[0]).toBe(csvHeader);

    // An opinion's page in the language too.
    await page.getByRole('link', { name: filled(language, 'list.openFrom', { name: 'Noor' }) }).click();
    await page.getByRole('heading', { level: 1, name: `${say('opinion.from')} Noor` }).waitFor();
    expect(await page.title()).toBe(filled(language, 'title.opinion', { name: 'Noor', app: say('app.name') }));
    await page.getByRole('button', { name: say('mark.reviewed'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: say('opinion.marked') }).waitFor();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
