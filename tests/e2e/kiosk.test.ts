import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { expectNoAxeViolations, chromiumForFile, newPage, PHONE, TABLET } from '../helpers/browser.ts';
import { marker, opinionsWithComment, SUBMIT_PATH } from '../helpers/parse-rest.ts';
import { expectEmptyForm, fillForm, KIOSK_KEYS, PIN, setUpKiosk, storedSessionToken, webStorage } from '../helpers/kiosk.ts';
import { sessionAccepted } from '../helpers/sessions.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();

async function openStaffMenu(page: Page) {
  await page.getByRole('button', { name: 'Staff menu' }).click();
  await page.getByRole('dialog').waitFor();
}

async function typePin(page: Page, pin: string) {
  await page.getByLabel('Exit PIN').fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

describe('kiosk mode', () => {
  test('set-up by staff on a tablet: their session ends, on the server too, and no token is left on the device', async () => {
    const { context, page, errors } = await newPage(browser(), { viewport: TABLET });
    await page.clock.install();
    await page.goto(`${appURL}/kiosk`);
    await page.waitForURL((url) => url.pathname === '/login');
    const token = await setUpKiosk(page);

    expect(await storedSessionToken(page)).toBeUndefined();
    const storage = await webStorage(page);
    expect(storage.local.filter((key) => !KIOSK_KEYS.includes(key))).toEqual([]);
    expect(storage.session).toEqual([]);
    // The PIN is there only as a salted hash.
    const stored = await page.evaluate(() => localStorage.getItem('visitor-opinions:kiosk') ?? '');
    expect(stored).not.toContain(PIN);
    expect(JSON.parse(stored)).toMatchObject({ on: true, pin: { algorithm: 'PBKDF2-SHA-256' } });
    await expect.poll(() => sessionAccepted(stack, token), { timeout: 15_000, interval: 500 }).toBe(false);

    // Only the form: no header, no link anywhere.
    expect(await page.locator('header, nav').count()).toBe(0);
    expect(await page.getByRole('link').count()).toBe(0);
    await expectNoAxeViolations(page);

    // A reload stays in kiosk mode.
    await page.reload();
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    expect(await page.getByRole('link').count()).toBe(0);
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  test('each visitor starts in the kiosk\'s language: its page in that language, and the opinion records it', async () => {
    const { context, page } = await newPage(browser(), { viewport: TABLET });
    await setUpKiosk(page, { language: 'es', thanks: '3' });
    // The heading, not the URL: waiting for a navigation races with the page's own replace.
    await page.getByRole('heading', { name: 'Cuéntenos su visita' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/es/kiosk');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const comment = marker('Desde el quiosco');
    await page.locator('#comment').fill(comment);
    await page.locator('#willReturn-yes').check();
    await page.locator('form[data-opinion-form] button').click();
    await expect.poll(async () => (await opinionsWithComment(stack, comment)).map((opinion) => opinion.language)).toEqual(['es']);
    // The next visitor starts in it too.
    await page.clock.fastForward(3_000);
    await page.getByRole('heading', { name: 'Cuéntenos su visita' }).waitFor();
    expect(page.url()).toMatch(/\/es\/kiosk$/);
    await context.close();
  });

  test('a kiosk in English on a tablet whose browser speaks Spanish stays in English, visitor after visitor', async () => {
    const { context, page } = await newPage(browser(), { viewport: TABLET, locale: 'es-ES' });
    await setUpKiosk(page, { language: 'en', thanks: '3' });
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/kiosk');
    await page.reload();
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/kiosk');
    await context.close();
  });

  for (const viewport of [TABLET, PHONE]) {
    test(`send, thank-you and the automatic reset to an empty form (${viewport.width} px)`, async () => {
      const { context, page } = await newPage(browser(), { viewport });
      await setUpKiosk(page, { thanks: '8' });
      const comment = marker('From the kiosk');
      await fillForm(page, comment, 'Ines');
      await page.getByRole('button', { name: 'Send my opinion' }).click();
      await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
      await page.getByText('The form will be ready for the next visitor in 8 s.').waitFor();
      await expectNoAxeViolations(page);
      expect(await opinionsWithComment(stack, comment)).toHaveLength(1);

      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.clock.fastForward(8_000);
      await expectEmptyForm(page);
      expect((await webStorage(page)).local.filter((key) => !KIOSK_KEYS.includes(key))).toEqual([]);
      await expectNoAxeViolations(page);
      await context.close();
    });
  }

  test('inactivity: "Are you still there?" with a countdown, then an empty form and nothing left in storage', async () => {
    const { context, page } = await newPage(browser(), { viewport: TABLET });
    await setUpKiosk(page, { idle: '30' });
    // An untouched form never warns.
    await page.clock.fastForward(40_000);
    expect(await page.getByText('Are you still there?').count()).toBe(0);

    await fillForm(page, marker('Walked away'), 'Sam');
    await page.getByRole('button', { name: 'Send my opinion' }).focus();
    await page.clock.fastForward(21_000);
    await page.getByText('Are you still there?').waitFor();
    await page.getByText('The form will be cleared in 9 s.').waitFor();
    await expectNoAxeViolations(page);

    // "I'm still here" keeps what was typed.
    await page.getByRole('button', { name: "I'm still here" }).click();
    await page.getByText('Are you still there?').waitFor({ state: 'detached' });
    expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('Sam');

    await page.clock.fastForward(21_000);
    await page.getByText('Are you still there?').waitFor();
    await page.clock.fastForward(10_000);
    await page.getByText('Are you still there?').waitFor({ state: 'detached' });
    await expectEmptyForm(page);
    const storage = await webStorage(page);
    expect(storage.local.filter((key) => !KIOSK_KEYS.includes(key))).toEqual([]);
    expect(storage.session).toEqual([]);
    await context.close();
  });

  test('an opinion the server refused is never shown to the next visitor; staff see it counted', async () => {
    const { context, page } = await newPage(browser(), { viewport: PHONE });
    await setUpKiosk(page);
    const comment = marker('Refused later');
    await fillForm(page, comment);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByText('It is saved on this tablet and will be sent automatically').waitFor();

    // Back online, the server refuses it (as it would an opinion that breaks a rule made since).
    await context.route(`${stack.serverURL}${SUBMIT_PATH}`, async (route) => {
      const body: unknown = route.request().postDataJSON();
      await route.continue({ postData: JSON.stringify({ ...(body as object), comment: 'x'.repeat(5000) }) });
    });
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Done' }).click();
    await expectEmptyForm(page);

    await openStaffMenu(page);
    await typePin(page, PIN);
    await expect.poll(() => page.locator('[data-kiosk-refused]').getAttribute('data-kiosk-refused').catch(() => null), { timeout: 15_000 }).toBe('1');
    expect(await page.content()).not.toContain(comment);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Back to the form' }).click();

    await page.reload();
    await expectEmptyForm(page);
    expect(await page.content()).not.toContain(comment);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await opinionsWithComment(stack, comment)).toHaveLength(0);
    await context.close();
  });

  test('set up in Spanish: the set-up, the staff PIN and the staff menu speak Spanish', async () => {
    const { context, page } = await newPage(browser(), { viewport: TABLET });
    await page.clock.install();
    await page.goto(`${appURL}/es/login?next=${encodeURIComponent('/kiosk')}`);
    await page.getByLabel('Nombre de usuario').fill('staff');
    await page.getByLabel('Contraseña', { exact: true }).fill('Staff#Opinions1');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Configurar esta tableta como quiosco' }).waitFor();
    expect(await page.title()).toBe('Modo quiosco · Opiniones de visitantes');
    await page.getByLabel('PIN de salida', { exact: true }).fill(PIN);
    await page.getByLabel('Repita el PIN de salida').fill(PIN);
    await page.getByLabel('Cada visitante empieza en').selectOption('es');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/kiosk-setup-es.png', fullPage: true });
    await page.getByRole('button', { name: 'Iniciar el modo quiosco' }).click();
    await page.getByRole('heading', { name: 'Cuéntenos su visita' }).waitFor();

    await page.getByRole('button', { name: 'Menú del personal' }).click();
    await page.getByRole('heading', { name: 'Solo personal' }).waitFor();
    await page.getByLabel('PIN de salida', { exact: true }).fill('1111');
    await page.getByRole('button', { name: 'Desbloquear' }).click();
    await page.getByText('PIN incorrecto.').waitFor();
    await page.getByLabel('PIN de salida', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Desbloquear' }).click();
    await page.getByRole('heading', { name: 'Menú del personal' }).waitFor();
    await page.getByText('No hay ninguna opinión pendiente de envío.').waitFor();
    await page.getByText('Todavía no se ha enviado ninguna opinión desde este dispositivo.').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/kiosk-menu-es.png' });
    await page.getByRole('button', { name: 'Salir del modo quiosco' }).click();
    await page.waitForURL((url) => url.pathname === '/es/login');
    await context.close();
  });

  test('the exit: a wrong PIN, a wait of 60 s after 5 (kept across a reload), then the right PIN, the menu and out', async () => {
    const { context, page } = await newPage(browser(), { viewport: TABLET });
    await setUpKiosk(page);
    await openStaffMenu(page);
    await expectNoAxeViolations(page);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await typePin(page, '1111');
      // Each wrong PIN is checked (PBKDF2 takes a moment) before the next is typed.
      await page.locator(`[data-kiosk-wrong="${attempt}"]`).waitFor();
      if (attempt === 1) await page.getByText('Wrong PIN.').waitFor();
    }
    await page.getByText('Too many wrong PINs. Try again in 60 s.').waitFor();
    expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);

    await page.reload();
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    await openStaffMenu(page);
    await page.getByText(/Too many wrong PINs\. Try again in \d+ s\./).waitFor();
    expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);

    // A minute later the wait is over; the inactivity reset (60 s) has closed the dialog meanwhile.
    await page.clock.fastForward(61_000);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await openStaffMenu(page);
    expect(await page.getByText(/Too many wrong PINs/).count()).toBe(0);
    await typePin(page, PIN);
    await page.getByRole('heading', { name: 'Staff menu' }).waitFor();
    await page.getByText('No opinion waits to be sent.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Leave kiosk mode' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/kiosk');
    expect((await webStorage(page)).local.filter((key) => key.startsWith('visitor-opinions:kiosk'))).toEqual([]);
    await context.close();
  });
});
