import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { expectNoAxeViolations, chromiumForFile, newPage, PHONE } from '../helpers/browser.ts';
import { seedOpinions } from '../helpers/dashboard-data.ts';
import { marker, opinionsWithComment, storedOpinion } from '../helpers/parse-rest.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();

async function asStaff(page: Page, next: string) {
  await page.goto(`${appURL}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Username').fill('staff');
  await page.getByLabel('Password', { exact: true }).fill('Staff#Opinions1');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/dashboard');
}

/** The languages of the cards shown, as their badges say (`data-language`). */
async function cardLanguages(page: Page): Promise<string[]> {
  return page.locator('.opinion-card .badge--language').evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-language') ?? ''));
}

test('a sent opinion keeps the language of the page it was written on, and staff see it by its own name', async () => {
  const { context, page, errors } = await newPage(browser());
  await page.goto(`${appURL}/es/`);
  const comment = marker('Muy bonito');
  await page.getByLabel('Su comentario').fill(comment);
  await page.getByRole('radio', { name: 'Sí' }).check();
  await page.getByRole('button', { name: 'Enviar mi opinión' }).click();
  await page.getByRole('heading', { name: 'Gracias por su opinión' }).waitFor();
  const [row] = await opinionsWithComment(stack, comment);
  expect(await storedOpinion(stack, row!.objectId)).toMatchObject({ comment, language: 'es' });

  const staff = await newPage(browser());
  await asStaff(staff.page, `/dashboard?q=${encodeURIComponent(comment)}`);
  const badge = staff.page.locator('.opinion-card .badge--language');
  await badge.waitFor();
  expect(await badge.getAttribute('data-language')).toBe('es');
  expect(await badge.locator('[lang="es"]').textContent()).toBe('Español');

  await staff.page.locator('.opinion-card').getByRole('link', { name: /Open the opinion/ }).click();
  await staff.page.locator('.opinion-detail .badge--language[data-language="es"]').waitFor();
  expect(errors).toEqual([]);
  expect(staff.errors).toEqual([]);
  await Promise.all([context.close(), staff.context.close()]);
});

test('the language filter lives in the URL and narrows the list, the stats and their split', async () => {
  const tag = `lang${crypto.randomUUID().slice(0, 8)}`;
  await seedOpinions([
    { name: 'Chloé', comment: `${tag} très bien`, willReturn: true, language: 'fr' },
    { name: 'Léa', comment: `${tag} parfait`, willReturn: false, language: 'fr' },
    { name: 'Noor', comment: `${tag} رائع`, willReturn: true, language: 'ar' },
    { name: 'Old', comment: `${tag} sent by an older app`, willReturn: true },
  ]);
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  await asStaff(page, `/dashboard?q=${tag}&language=fr`);
  await page.locator('.opinion-card').first().waitFor();
  expect(await cardLanguages(page)).toEqual(['fr', 'fr']);
  // The filter's, not the page's language switcher (a navigation of the same name).
  const languageFilter = page.getByRole('search', { name: 'Filter opinions' }).getByLabel('Language');
  expect(await languageFilter.inputValue()).toBe('fr');
  const split = page.locator('.language-split__item');
  await page.locator('.language-split__item[data-language="fr"] .language-split__value').filter({ hasText: /^2/ }).waitFor();
  expect(await split.evaluateAll((items) => items.map((item) => item.getAttribute('data-language')))).toEqual(['en', 'es', 'fr', 'ar']);

  await languageFilter.selectOption('ar');
  await page.waitForURL((url) => url.searchParams.get('language') === 'ar');
  await page.waitForFunction(() => document.querySelectorAll('.opinion-card .badge--language[data-language="ar"]').length === 1);
  expect(await cardLanguages(page)).toEqual(['ar']);

  // Every language: the one sent without a language is there too, shown as unknown.
  await languageFilter.selectOption('any');
  await page.waitForURL((url) => !url.searchParams.has('language'));
  await page.waitForFunction(() => document.querySelectorAll('.opinion-card').length === 4);
  expect((await cardLanguages(page)).sort()).toEqual(['', 'ar', 'fr', 'fr']);
  await page.locator('.language-split__item[data-language=""]').waitFor();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
