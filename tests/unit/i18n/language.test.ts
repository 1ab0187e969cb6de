import { describe, expect, test } from 'vitest';
import { bestMatch, chooseLanguage, languageOfPath, withLanguage, withoutLanguage } from '../../../src/i18n/language';

const nothing = { query: null, path: '/', stored: null, browser: [] };

describe('the language of a page', () => {
  test('?lang= beats everything: the path, the device, the browser', () => {
    expect(chooseLanguage({ query: 'ar', path: '/es/', stored: 'fr', browser: ['es-ES'] })).toBe('ar');
  });

  test('then the language of the path (where a ?lang= link lands)', () => {
    expect(chooseLanguage({ ...nothing, path: '/es/login', stored: 'fr', browser: ['fr'] })).toBe('es');
  });

  test('then the choice remembered on this device', () => {
    expect(chooseLanguage({ ...nothing, stored: 'fr', browser: ['es'] })).toBe('fr');
  });

  test('then the best match of the browser’s languages, in its order of preference', () => {
    expect(chooseLanguage({ ...nothing, browser: ['de-DE', 'ar-EG', 'es'] })).toBe('ar');
    expect(bestMatch(['pt-BR', 'ES-mx'])).toBe('es');
  });

  test('then English', () => {
    expect(chooseLanguage(nothing)).toBe('en');
    expect(chooseLanguage({ ...nothing, browser: ['de', 'ja'] })).toBe('en');
  });

  test('unknown codes anywhere are passed over', () => {
    expect(chooseLanguage({ query: 'xx', path: '/de/', stored: 'klingon', browser: ['fr-CA'] })).toBe('fr');
  });

  test('English is at the app’s paths, every other language under its code', () => {
    expect(languageOfPath('/')).toBeUndefined();
    expect(languageOfPath('/login')).toBeUndefined();
    expect(languageOfPath('/es/')).toBe('es');
    expect(languageOfPath('/ar')).toBe('ar');
    expect(languageOfPath('/essay')).toBeUndefined();
    expect(withoutLanguage('/fr/dashboard/opinions/1')).toBe('/dashboard/opinions/1');
    expect(withoutLanguage('/es')).toBe('/');
    expect(withLanguage('es', '/')).toBe('/es/');
    expect(withLanguage('ar', '/fr/login')).toBe('/ar/login');
    expect(withLanguage('en', '/es/login')).toBe('/login');
  });
});
