import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { marker, opinionsWithComment } from '../helpers/parse-rest.ts';
import { PAGE_CHUNK, SHELL_CHUNK } from '../../build/page-chunk-plugin.ts';
import { LANGUAGE_CODES } from '../../src/domain/languages.ts';
import { holdBack, chromiumForFile, newPage, PHONE } from '../helpers/browser.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();


async function fetchPage(path: string): Promise<string> {
  const response = await fetch(appURL + path, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  return response.text();
}

/** The form's send button becomes a real submit button once React has hydrated it. */
async function waitForHydration(page: Page) {
  await page.locator('form[aria-label="Your opinion"] button[type="submit"]').waitFor();
}

const ENTRY = /\/assets\/index-[^/]*\.js$/;

/** An id each message area's catalog has (src/i18n/messages/<area>/), as its compiled chunk writes it. */
const AREA_IDS = { shell: '"app.name"', visitor: '"title.form"', errors: '"error.offline"', accounts: '"title.login"', staff: '"title.dashboard"' };

/** The message areas of the catalogs in `language` among `paths` (a catalog's file is named after its language). */
async function catalogAreas(language: string, paths: readonly string[]): Promise<string[]> {
  const catalogs = paths.filter((file) => new RegExp(`^/assets/${language}-[\\w-]+\\.js$`).test(file));
  const texts = await Promise.all(catalogs.map(async (file) => (await fetch(appURL + file)).text()));
  return Object.entries(AREA_IDS)
    .filter(([, id]) => texts.some((text) => text.includes(id)))
    .map(([area]) => area);
}
/** The form's chunk (build/page-chunk-plugin.ts). */
const FORM_CODE = new RegExp(`/assets/${PAGE_CHUNK}-[^/]*\\.js$`);

describe('the prerendered form', () => {
  test('the built index.html holds the form before any script runs', async () => {
    const html = await fetchPage('/');
    expect(html).toContain('<textarea id="comment"');
    expect(html).toContain('Would you visit us again?');
    expect(html).toContain('<h1>Tell us about your visit</h1>');
    expect(html).toContain('<title>Leave your opinion · Visitor Opinions</title>');
  });

  test('once the form has painted, its code is prefetched, while the shell is still on its way', async () => {
    const { context, page, errors } = await newPage(browser());
    const entry = await holdBack(page, ENTRY);
    await page.goto(appURL + '/', { waitUntil: 'commit' });
    await expect.poll(entry.count).toBe(1);
    // Not after the shell has run (it is held back): the shell's inline script asks for them.
    const prefetched = () =>
      page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((link) => new URL(link.href).pathname));
    await expect.poll(async () => (await prefetched()).some((file) => FORM_CODE.test(file))).toBe(true);
    const files = await prefetched();
    expect(new Set(files).size).toBe(files.length);
    // Few enough for one wave of HTTP/1.1's six connections (build/page-chunk-plugin.ts), its messages included.
    expect(files.length).toBeLessThanOrEqual(6);
    await entry.release();
    await waitForHydration(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a visitor types and sends without the Parse SDK ever loading', async () => {
    const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
    await page.goto(appURL + '/');
    await waitForHydration(page);
    const comment = marker('Sent without the SDK');
    await page.getByLabel('Your comment').fill(comment);
    await page.getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    expect(await opinionsWithComment(stack, comment)).toHaveLength(1);
    expect(scripts.filter((file) => /\/assets\/parse-[\w-]+\.js$/.test(file))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('without JavaScript the form is visible and typeable, and its button leaves the page alone', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(appURL + '/');
    const comment = page.getByLabel('Your comment');
    expect(await comment.isVisible()).toBe(true);
    await page.getByLabel('Your name (optional)').fill('Sam');
    await comment.fill('Typed without scripts');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    expect(page.url()).toBe(appURL + '/');
    expect(await comment.inputValue()).toBe('Typed without scripts');
    await context.close();
  });

  test('text typed before hydration is kept, with focus and caret, and then sent once', async () => {
    const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
    // Hold the entry script back until the visitor has typed.
    const entry = await holdBack(page, ENTRY);
    await page.goto(appURL + '/', { waitUntil: 'commit' });
    const comment = marker('Typed before the scripts came');
    await page.getByLabel('Your name (optional)').fill('Early bird');
    await page.getByRole('radio', { name: 'No' }).check();
    await page.getByLabel('Your comment').fill(comment);
    expect(page.url()).toBe(appURL + '/');

    await expect.poll(entry.count).toBe(1);
    await entry.release();
    await waitForHydration(page);

    expect(await page.getByLabel('Your comment').inputValue()).toBe(comment);
    expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('Early bird');
    expect(await page.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);
    const caret = await page.evaluate(() => {
      const active = document.activeElement as HTMLTextAreaElement | null;
      return { id: active?.id, at: active?.selectionStart, length: active?.value.length };
    });
    expect(caret).toEqual({ id: 'comment', at: comment.length, length: comment.length });

    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    expect(await opinionsWithComment(stack, comment)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('while the code of the form is on its way, the draft is in its fields and every edit survives a reload', async () => {
    const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
    const draft = { name: 'Returning', comment: 'Stored earlier', willReturn: true, submissionId: crypto.randomUUID() };
    await context.addInitScript((value) => {
      // Once per test: the reload below must find what the page saved, not this.
      if (!sessionStorage.getItem('seeded')) localStorage.setItem('visitor-opinions:draft', value);
      sessionStorage.setItem('seeded', '1');
    }, JSON.stringify(draft));
    // The shell hydrates; the form's chunk is held back (its prefetch and its import).
    const formCode = await holdBack(page, FORM_CODE);
    await page.goto(appURL + '/');
    await expect.poll(() => page.getByLabel('Your comment').inputValue()).toBe('Stored earlier');
    expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('Returning');
    expect(await page.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);

    const comment = marker('Edited before the form hydrated');
    await page.getByLabel('Your name (optional)').fill('');
    await page.getByLabel('Your comment').fill(comment);
    await page.getByRole('radio', { name: 'No' }).check();
    const heldBeforeReload = formCode.count();
    await page.reload();
    await expect.poll(() => page.getByLabel('Your comment').inputValue()).toBe(comment);
    expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('');
    expect(await page.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);

    await expect.poll(formCode.count).toBeGreaterThan(heldBeforeReload);
    // Those held before the reload belong to a page that is gone.
    await formCode.release(heldBeforeReload);
    await waitForHydration(page);
    expect(await page.getByLabel('Your comment').inputValue()).toBe(comment);
    expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('');
    expect(await page.getByRole('radio', { name: 'No' }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    const sent = await opinionsWithComment(stack, comment);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.name).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  test.each([
    ['the shell', ENTRY],
    ['the form', FORM_CODE],
  ])('a click on Send while the code of %s is on its way sends once, when the form has hydrated', async (_, pattern) => {
    const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
    const code = await holdBack(page, pattern);
    await page.goto(appURL + '/', { waitUntil: 'commit' });
    const comment = marker('Sent before the form hydrated');
    await page.getByLabel('Your comment').fill(comment);
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    // Noted (the button shows it), not sent: the page stays, with what was typed.
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-send-requested'))).toBe(true);
    expect(await page.getByLabel('Your comment').inputValue()).toBe(comment);

    await expect.poll(code.count).toBeGreaterThan(0);
    await code.release();
    await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    expect(await opinionsWithComment(stack, comment)).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-send-requested'))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the skip link, used while the code of the form is on its way, leaves the form as typed', async () => {
    const { context, page, errors } = await newPage(browser());
    const formCode = await holdBack(page, FORM_CODE);
    await page.goto(appURL + '/');
    const comment = marker('Typed, then skipped to the content');
    await page.getByLabel('Your comment').fill(comment);
    await page.evaluate(() => {
      (window as unknown as { typedInto: Element | null }).typedInto = document.getElementById('comment');
    });
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(page.url()).toBe(appURL + '/');

    await expect.poll(formCode.count).toBeGreaterThan(0);
    await formCode.release();
    await waitForHydration(page);
    // Hydrated in place: the very field typed into, with its text.
    expect(
      await page.evaluate(() => (window as unknown as { typedInto: Element | null }).typedInto === document.getElementById('comment')),
    ).toBe(true);
    expect(await page.getByLabel('Your comment').inputValue()).toBe(comment);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a stored draft comes back into the hydrated form, without hydration errors', async () => {
    const { context, page, errors } = await newPage(browser());
    const draft = { name: 'Returning', comment: 'x'.repeat(1_900), willReturn: true, submissionId: crypto.randomUUID() };
    await context.addInitScript((value) => localStorage.setItem('visitor-opinions:draft', value), JSON.stringify(draft));
    await page.goto(appURL + '/');
    await waitForHydration(page);
    expect(await page.getByLabel('Your comment').inputValue()).toBe(draft.comment);
    expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('Returning');
    expect(await page.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    await page.getByText('You have 100 characters remaining').waitFor();
    expect(await page.title()).toBe('Leave your opinion · Visitor Opinions');
    expect(await page.locator('title').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('in Spanish, the page’s own Spanish messages are prefetched with its code, not asked for once the code has run, and no other language’s', async () => {
    const { context, page, errors } = await newPage(browser());
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    const entry = await holdBack(page, ENTRY);
    await page.goto(appURL + '/es/', { waitUntil: 'commit' });
    await expect.poll(entry.count).toBe(1);
    const linked = (rel: string) =>
      page.evaluate((rel) => [...document.querySelectorAll<HTMLLinkElement>(`link[rel="${rel}"]`)].map((link) => new URL(link.href).pathname), rel);
    await expect.poll(async () => catalogAreas('es', await linked('prefetch'))).toEqual(['visitor', 'errors']);
    expect(await catalogAreas('es', await linked('modulepreload'))).toEqual(['shell']);
    await entry.release();
    await page.locator('form button[type="submit"]').waitFor();
    // Only the page's language is loaded: the catalogs (a file each, named after its language)
    // asked for by the page and by what it loads as it hydrates (the shell's lazy parts) are Spanish.
    await expect.poll(() => asked.filter((file) => /^\/assets\/es-/.test(file)).length).toBeGreaterThanOrEqual(3);
    await expect.poll(() => asked.some((file) => file.startsWith(`/assets/${SHELL_CHUNK}-`))).toBe(true);
    const others = new RegExp(`^/assets/(${LANGUAGE_CODES.filter((code) => code !== 'es').join('|')})-`);
    expect(asked.filter((file) => others.test(file))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a deep link gets the shell without the form, and its own page', async () => {
    const html = await fetchPage('/login');
    expect(html).not.toContain('id="comment"');
    // The header and a page on its way, painted before any script has run.
    expect(html).toContain('<header class="site-header">');
    expect(html).toMatch(/<main id="main"[^>]*>.*Loading….*<\/main>/);

    const { context, page, errors } = await newPage(browser());
    const entry = await holdBack(page, ENTRY);
    await page.goto(appURL + '/login', { waitUntil: 'commit' });
    await expect.poll(entry.count).toBe(1);
    await page.getByRole('banner').getByRole('link', { name: 'Visitor Opinions' }).waitFor();
    // Its own page's code, not the form's; and not the SDK, which logging in needs only once
    // sent: it comes when someone starts using the page, not beside the page's code.
    expect(await page.locator('link[rel="prefetch"]').count()).toBe(0);
    expect(await page.locator('link[rel="modulepreload"][href*="/assets/login-page-"]').count()).toBe(1);
    expect(await page.locator('link[rel="modulepreload"][href*="/assets/parse-"]').count()).toBe(0);
    await entry.release();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(await page.getByLabel('Your comment').count()).toBe(0);
    const sdkLoaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /\/assets\/parse-/.test(entry.name)));
    // Looked at, the page never loads it: not even once idle, when it has registered its service
    // worker (src/device/service-worker.ts), which is active only after precaching the app.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    expect(await sdkLoaded()).toBe(false);
    await page.getByLabel('Username').focus();
    await expect.poll(sdkLoaded).toBe(true);
    // Replaced, not added to: one header, one page.
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByText('Loading…').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a deep link in Spanish paints its shell in Spanish before any script has run, and its language links work already', async () => {
    const { context, page, errors } = await newPage(browser());
    const entry = await holdBack(page, ENTRY);
    await page.goto(appURL + '/es/login', { waitUntil: 'commit' });
    await expect.poll(entry.count).toBe(1);
    await page.getByRole('banner').getByRole('link', { name: 'Opiniones de visitantes' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Cargando…');
    expect(await page.getByText('Loading…').count()).toBe(0);
    // One shell in the document: the other languages' are gone, not hidden.
    expect(await page.locator('#main').count()).toBe(1);
    // The footer waits for the page (the page would move it: a layout shift), but its links
    // already lead to this page in their language.
    expect(await page.locator('footer.site-footer').count()).toBe(1);
    expect(await page.locator('footer.site-footer').isVisible()).toBe(false);
    const french = await page.locator('footer a[hreflang="fr"]').getAttribute('href');
    await page.goto(new URL(french ?? '', page.url()).href, { waitUntil: 'commit' });
    await page.waitForURL(`${appURL}/fr/login`, { waitUntil: 'commit' });
    await page.getByRole('banner').getByRole('link', { name: 'Avis des visiteurs' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Chargement…');
    await entry.release();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a deep link asks for its page, its stylesheet and the Parse SDK with the entry script, not after it', async () => {
    const { context, page, errors } = await newPage(browser());
    const entry = await holdBack(page, ENTRY);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(appURL + '/dashboard?return=yes', { waitUntil: 'commit' });
    await expect.poll(entry.count).toBe(1);
    await page.getByRole('banner').getByRole('link', { name: 'Visitor Opinions' }).waitFor();
    // The entry has not arrived, so none of these comes from its code.
    await expect
      .poll(() => ['dashboard-page-', 'parse-', `${SHELL_CHUNK}-`].filter((name) => !asked.some((file) => file.includes(`/assets/${name}`))))
      .toEqual([]);
    // Its code (the entry's files with it; not the SDK, not its messages) in two waves of HTTP/1.1's
    // six connections: the bundler's own chunking made 17 files of it (build/page-chunk-plugin.ts).
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => new URL(link.href).pathname),
    );
    const catalog = new RegExp(`^/assets/(${LANGUAGE_CODES.join('|')})-`);
    const code = preloaded.filter((file) => !file.includes('/assets/parse-') && !catalog.test(file));
    expect(code.length).toBeLessThanOrEqual(8);
    // Its stylesheet, whatever chunk the bundler named it after: the one with the list's rules.
    const stylesheets = await Promise.all(
      asked.filter((file) => file.endsWith('.css')).map(async (file) => (await context.request.get(new URL(file, appURL).href)).text()),
    );
    expect(stylesheets.some((css) => css.includes('.opinion-list'))).toBe(true);
    expect(asked.some((file) => file.includes('/assets/login-page-'))).toBe(false);
    // Its messages too, in the page's language.
    expect(await catalogAreas('en', asked)).toEqual(['shell', 'errors', 'accounts', 'staff']);

    await entry.release();
    // Signed out: the dashboard sends to the login page, which works as ever.
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
