/**
 * The kiosk on an iPad-like tablet as Chromium emulates one: portrait 820 x 1180, touch events,
 * a mobile viewport, every step a tap. Safari itself is not on this machine: what this leaves
 * untested is in docs/architecture.md ("Kiosk mode").
 */
import { describe, expect, inject, test } from 'vitest';
import { expectNoAxeViolations, chromiumForFile, newPage } from '../helpers/browser.ts';
import { expectEmptyForm, fillForm, IPAD, KIOSK_KEYS, press, setUpKiosk, storedSessionToken, webStorage } from '../helpers/kiosk.ts';
import { marker, opinionsWithComment } from '../helpers/parse-rest.ts';

const stack = inject('stack');
const browser = chromiumForFile();

const touch = { touch: true };

describe('kiosk mode on an iPad-like tablet (Chromium, touch, 820 x 1180)', () => {
  test('set-up, send and the reset by taps; every control a 48 px target', async () => {
    const { context, page, errors } = await newPage(browser(), IPAD);
    await setUpKiosk(page, { thanks: '8', ...touch });
    expect(await page.evaluate(() => ({ touch: navigator.maxTouchPoints > 0, coarse: matchMedia('(pointer: coarse)').matches }))).toEqual({ touch: true, coarse: true });
    expect(await storedSessionToken(page)).toBeUndefined();
    // A choice's target is its whole label; the honeypot is for bots, out of sight.
    const small = await page
      .locator('.kiosk :is(button, input:not([type=radio]), textarea, select, label.choice):not(.honeypot *)')
      .evaluateAll((controls) =>
        controls
          .map((control) => ({ control: control.id || control.textContent?.trim() || control.tagName, box: control.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 48 || box.height < 48)
          .map(({ control }) => control),
      );
    expect(small).toEqual([]);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: '/tmp/kiosk-ipad.png' });

    const comment = marker('Tapped on a tablet');
    await fillForm(page, comment, 'Noor', touch);
    await press(page.getByRole('button', { name: 'Send my opinion' }), touch);
    await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    await expect.poll(async () => (await opinionsWithComment(stack, comment)).length).toBe(1);

    // "Done" by a tap, for a visitor who does not wait; then the automatic reset for the next one.
    await press(page.getByRole('button', { name: 'Done' }), touch);
    await expectEmptyForm(page);
    await fillForm(page, marker('Second visitor'), '', touch);
    await press(page.getByRole('button', { name: 'Send my opinion' }), touch);
    await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    await page.clock.fastForward(8_000);
    await expectEmptyForm(page);
    const storage = await webStorage(page);
    expect(storage.local.filter((key) => !KIOSK_KEYS.includes(key))).toEqual([]);
    expect(storage.session).toEqual([]);
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  test('a visitor taps Español, and the next one starts in the kiosk\'s English', async () => {
    const { context, page } = await newPage(browser(), IPAD);
    await setUpKiosk(page, { language: 'en', thanks: '3', ...touch });
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    await press(page.getByRole('button', { name: 'Español' }), touch);
    await page.getByRole('heading', { name: 'Cuéntenos su visita' }).waitFor();
    await page.getByLabel('Su comentario').fill(marker('En la tableta'));
    await press(page.getByRole('radio', { name: 'Sí' }), touch);
    await press(page.getByRole('button', { name: 'Enviar mi opinión' }), touch);
    await page.getByRole('heading', { name: 'Gracias por su opinión' }).waitFor();
    await page.clock.fastForward(3_000);
    await expectEmptyForm(page);
    expect(new URL(page.url()).pathname).toBe('/kiosk');
    await context.close();
  });
});
