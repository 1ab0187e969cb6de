import { describe, expect, test } from 'vitest';
import { kioskStartLanguage, readKioskPreferences, validateKioskSetup, type KioskSetupInput } from '../../../src/domain/kiosk';

const valid: KioskSetupInput = { pin: '1234', pinAgain: '1234', thanksResetSeconds: '8', idleResetSeconds: '60', language: 'browser' };

describe('validateKioskSetup', () => {
  test('the defaults with a PIN typed twice pass, as numbers', () => {
    expect(validateKioskSetup(valid)).toEqual({
      ok: true,
      value: { pin: '1234', thanksResetSeconds: 8, idleResetSeconds: 60, language: 'browser' },
    });
  });

  test('a PIN of 4 to 8 digits, nothing else', () => {
    for (const pin of ['1234', '12345678']) expect(validateKioskSetup({ ...valid, pin, pinAgain: pin }).ok).toBe(true);
    for (const pin of ['123', '123456789', '12a4', ' 1234', '']) {
      const result = validateKioskSetup({ ...valid, pin, pinAgain: pin });
      expect(result.ok ? undefined : result.problems.pin).toBeTruthy();
    }
  });

  test('each wrong PIN by its problem, said once on the PIN itself', () => {
    expect(validateKioskSetup({ ...valid, pin: '', pinAgain: '' })).toEqual({ ok: false, problems: { pin: 'pin.missing' } });
    expect(validateKioskSetup({ ...valid, pin: '12a4', pinAgain: '1234' })).toEqual({ ok: false, problems: { pin: 'pin.notDigits' } });
    expect(validateKioskSetup({ ...valid, pin: '123', pinAgain: '123' })).toEqual({ ok: false, problems: { pin: 'pin.length' } });
    expect(validateKioskSetup({ ...valid, pin: '123456789', pinAgain: '' })).toEqual({ ok: false, problems: { pin: 'pin.length' } });
  });

  test('the PIN typed twice the same', () => {
    expect(validateKioskSetup({ ...valid, pinAgain: '1235' })).toEqual({ ok: false, problems: { pinAgain: 'pinAgain.different' } });
    expect(validateKioskSetup({ ...valid, pinAgain: '' })).toEqual({ ok: false, problems: { pinAgain: 'pinAgain.missing' } });
  });

  test('the resets at their edges: 3 to 60 s after the thank-you, 20 to 600 s of inactivity, whole seconds', () => {
    for (const [thanks, ok] of [['3', true], ['60', true], ['2', false], ['61', false], ['7.5', false], ['', false], ['8s', false]] as const) {
      expect(validateKioskSetup({ ...valid, thanksResetSeconds: thanks }).ok).toBe(ok);
    }
    for (const [idle, ok] of [['20', true], ['600', true], ['19', false], ['601', false], ['-60', false]] as const) {
      expect(validateKioskSetup({ ...valid, idleResetSeconds: idle }).ok).toBe(ok);
    }
    expect(validateKioskSetup({ ...valid, thanksResetSeconds: '2' })).toEqual({
      ok: false,
      problems: { thanksResetSeconds: 'thanksResetSeconds.range' },
    });
    expect(validateKioskSetup({ ...valid, thanksResetSeconds: '', idleResetSeconds: '601' })).toEqual({
      ok: false,
      problems: { thanksResetSeconds: 'thanksResetSeconds.range', idleResetSeconds: 'idleResetSeconds.range' },
    });
  });

  test('a language of the app, or the browser’s', () => {
    for (const language of ['en', 'es', 'fr', 'ar', 'browser']) expect(validateKioskSetup({ ...valid, language }).ok).toBe(true);
    expect(validateKioskSetup({ ...valid, language: 'de' })).toEqual({ ok: false, problems: { language: 'language.invalid' } });
  });
});

describe('readKioskPreferences: what the device holds is trusted only within the rules', () => {
  test('valid preferences come back as they are', () => {
    const preferences = { thanksResetSeconds: 3, idleResetSeconds: 600, language: 'ar' };
    expect(readKioskPreferences(preferences)).toEqual(preferences);
  });

  test('anything out of bounds or of the wrong type is no preferences', () => {
    for (const stored of [
      null,
      'x',
      { thanksResetSeconds: 0, idleResetSeconds: 60, language: 'en' },
      { thanksResetSeconds: 8, idleResetSeconds: 6000, language: 'en' },
      { thanksResetSeconds: 8, idleResetSeconds: 60, language: 'xx' },
      { thanksResetSeconds: 8.5, idleResetSeconds: 60, language: 'en' },
    ]) {
      expect(readKioskPreferences(stored)).toBeUndefined();
    }
  });
});

describe('kioskStartLanguage', () => {
  test('the kiosk’s own language wins', () => {
    expect(kioskStartLanguage('fr', ['ar-EG', 'en'])).toBe('fr');
  });
  test('the browser’s: its first language the app speaks, by primary subtag, else English', () => {
    expect(kioskStartLanguage('browser', ['de-DE', 'es-MX', 'en'])).toBe('es');
    expect(kioskStartLanguage('browser', ['AR'])).toBe('ar');
    expect(kioskStartLanguage('browser', ['de', 'ja'])).toBe('en');
    expect(kioskStartLanguage('browser', [])).toBe('en');
  });
});
