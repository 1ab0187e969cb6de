/**
 * A kiosk's languages (issues 16 and 17): each visitor starts in the kiosk's, may choose their
 * own for their visit only, and the set-up speaks the staff member's language, its own checks too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { expectNoAxeViolations, chromiumForFile, newPage, PHONE, TABLET } from '../helpers/browser.ts';
import { expectEmptyForm, KIOSK_KEYS, PIN, setUpKiosk, webStorage } from '../helpers/kiosk.ts';
import { marker, opinionsWithComment } from '../helpers/parse-rest.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const browser = chromiumForFile();

const LANGUAGE_KEY = 'visitor-opinions:language';

/** The device's remembered language, and the language the kiosk's settings start each visitor in. */
async function storedLanguages(page: Page) {
  return page.evaluate((key) => {
    const kiosk: unknown = JSON.parse(localStorage.getItem('visitor-opinions:kiosk') ?? 'null');
    const setting = typeof kiosk === 'object' && kiosk !== null && 'preferences' in kiosk ? kiosk.preferences : null;
    return { device: localStorage.getItem(key), kiosk: typeof setting === 'object' && setting !== null && 'language' in setting ? setting.language : null };
  }, LANGUAGE_KEY);
}

/** The page is the kiosk in `language` at `path`, its `<html>` saying so, and no mark of a visitor's choice left in the address. */
async function expectKioskIn(page: Page, heading: string, { path, lang, dir = 'ltr' }: { path: string; lang: string; dir?: string }) {
  await page.getByRole('heading', { name: heading }).waitFor();
  await expect.poll(() => `${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe(path);
  expect(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toEqual({ lang, dir });
}

describe("a kiosk's languages", () => {
  test('a visitor switches to Español and sends in Spanish; the next visitor is back in English, with nothing of the choice in storage', async () => {
    const { context, page, errors } = await newPage(browser(), { viewport: TABLET });
    await setUpKiosk(page, { language: 'en', thanks: '3' });
    await expectKioskIn(page, 'Tell us about your visit', { path: '/kiosk', lang: 'en' });
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-current')).toBe('true');

    await page.getByRole('button', { name: 'Español' }).click();
    await expectKioskIn(page, 'Cuéntenos su visita', { path: '/es/kiosk', lang: 'es' });
    // The kiosk's own setting is untouched.
    expect((await storedLanguages(page)).kiosk).toBe('en');
    const comment = marker('Elegí español');
    await page.getByLabel('Su comentario').fill(comment);
    await page.getByRole('radio', { name: 'Sí' }).check();
    await page.getByRole('button', { name: 'Enviar mi opinión' }).click();
    await page.getByRole('heading', { name: 'Gracias por su opinión' }).waitFor();
    await expect.poll(async () => (await opinionsWithComment(stack, comment)).map((opinion) => opinion.language)).toEqual(['es']);

    await page.clock.fastForward(3_000);
    await expectKioskIn(page, 'Tell us about your visit', { path: '/kiosk', lang: 'en' });
    await expectEmptyForm(page);
    const storage = await webStorage(page);
    expect(storage.local.filter((key) => !KIOSK_KEYS.includes(key))).toEqual([]);
    expect(storage.session).toEqual([]);
    expect(await storedLanguages(page)).toEqual({ device: 'en', kiosk: 'en' });

    // A reload in the middle of a visit starts the next one, in the kiosk's language.
    await page.getByRole('button', { name: 'Français' }).click();
    await expectKioskIn(page, 'Parlez-nous de votre visite', { path: '/fr/kiosk', lang: 'fr' });
    await page.reload();
    await expectKioskIn(page, 'Tell us about your visit', { path: '/kiosk', lang: 'en' });
    expect(await storedLanguages(page)).toEqual({ device: 'en', kiosk: 'en' });
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  test('a visitor who picks Arabic and walks away: right to left at 360 px, then the inactivity reset brings the kiosk\'s Spanish back', async () => {
    const { context, page } = await newPage(browser(), { viewport: PHONE });
    await setUpKiosk(page, { language: 'es', idle: '20' });
    await expectKioskIn(page, 'Cuéntenos su visita', { path: '/es/kiosk', lang: 'es' });

    await page.getByRole('button', { name: 'العربية' }).click();
    await expectKioskIn(page, 'حدّثنا عن زيارتك', { path: '/ar/kiosk', lang: 'ar', dir: 'rtl' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/kiosk-visitor-ar-360.png', fullPage: true });

    // Choosing was the visitor's doing: the untouched form is still cleared.
    await page.clock.fastForward(11_000);
    await page.getByText('هل ما زلت هنا؟').waitFor();
    await page.clock.fastForward(10_000);
    await expectKioskIn(page, 'Cuéntenos su visita', { path: '/es/kiosk', lang: 'es' });
    expect(await storedLanguages(page)).toEqual({ device: 'es', kiosk: 'es' });
    await context.close();
  });

  test('the switcher in kiosk mode: each language named in itself, 48 px targets, reachable by keyboard, axe clean', async () => {
    const { context, page } = await newPage(browser(), { viewport: PHONE });
    await setUpKiosk(page);
    const switcher = page.getByRole('group', { name: 'Language' });
    const names = await switcher.getByRole('button').evaluateAll((buttons) => buttons.map((button) => `${button.getAttribute('lang') ?? ''}:${button.textContent ?? ''}`));
    expect(names).toEqual(['en:English', 'es:Español', 'fr:Français', 'ar:العربية']);
    for (const button of await switcher.getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(box && Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
    }
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/kiosk-switcher-360.png' });

    // From the form's heading, where each visitor starts, back to the languages, and Enter.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('lang') ?? document.activeElement?.tagName);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('ar');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('es');
    await page.keyboard.press('Enter');
    await expectKioskIn(page, 'Cuéntenos su visita', { path: '/es/kiosk', lang: 'es' });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');
    await context.close();
  });

  test('set-up on /es/kiosk: a wrong PIN, PINs that differ and a reset out of range are said in Spanish', async () => {
    const { context, page } = await newPage(browser(), { viewport: TABLET });
    await page.goto(`${appURL}/es/login?next=${encodeURIComponent('/kiosk')}`);
    await page.getByLabel('Nombre de usuario').fill('staff');
    await page.getByLabel('Contraseña', { exact: true }).fill('Staff#Opinions1');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Configurar esta tableta como quiosco' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/es/kiosk');

    await page.getByLabel('PIN de salida', { exact: true }).fill('123');
    await page.getByLabel('Repita el PIN de salida').fill('123');
    await page.getByLabel('Nuevo formulario tras el agradecimiento (segundos)').fill('2');
    await page.getByRole('button', { name: 'Iniciar el modo quiosco' }).click();
    await page.locator('#pin-error').getByText('El PIN debe tener de 4 a 8 cifras.').waitFor();
    await page.locator('#thanksResetSeconds-error').getByText('Escriba un número entero de segundos entre 3 y 60.').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/kiosk-setup-errors-es.png', fullPage: true });

    await page.getByLabel('PIN de salida', { exact: true }).fill(PIN);
    await page.getByLabel('Repita el PIN de salida').fill('1357');
    await page.getByLabel('Nuevo formulario tras el agradecimiento (segundos)').fill('8');
    await page.getByRole('button', { name: 'Iniciar el modo quiosco' }).click();
    await page.locator('#pinAgain-error').getByText('Los dos PIN no coinciden.').waitFor();
    expect(await page.locator('#pin-error').count()).toBe(0);
    await context.close();
  });
});
