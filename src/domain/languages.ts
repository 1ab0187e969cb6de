/**
 * The languages the app speaks, each code written once: the visitor's choice (src/i18n/), the
 * opinion's `language` field that Cloud Code validates, and the staff's filter take them from here.
 */
export const LANGUAGES = {
  en: { name: 'English', dir: 'ltr' },
  es: { name: 'Español', dir: 'ltr' },
  fr: { name: 'Français', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
} as const satisfies Record<string, { readonly name: string; readonly dir: 'ltr' | 'rtl' }>;

export type Language = keyof typeof LANGUAGES;

/** When nothing else says which: the link, the visitor's choice and the browser's all missing. */
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

/** The codes in LANGUAGES' order: the order every list of languages follows. */
export const LANGUAGE_CODES: readonly Language[] = Object.keys(LANGUAGES).filter(isLanguage);
