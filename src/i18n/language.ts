/**
 * Which language a page is in, and where each language's pages live. Pure and import-light:
 * the pages' inline script (language-script.ts) is compiled from it too.
 *
 * English, the default, is at the app's paths (`/`, `/login`); every other language is under
 * its code (`/es/`, `/es/login`), so that each has its own prerendered `/` and the router takes
 * the language's prefix as part of its basename.
 */
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_CODES, type Language } from '../domain/languages.ts';

/** `?lang=es` on any page: the language fixed by the link (a QR code printed for Spanish speakers). */
export const LANGUAGE_PARAM = 'lang';

/**
 * Parse Server's page parameter for the language: the account emails' links carry the user's
 * (server/account-mail.ts) and Parse Server passes it on to the app's page it redirects to,
 * where it counts as `?lang=` does.
 */
export const PAGE_LOCALE_PARAM = 'locale';

/** The visitor's choice on this device (the switcher, or a `?lang=` link they followed). */
export const LANGUAGE_STORAGE_KEY = 'visitor-opinions:language';

/** The languages with a path prefix of their own, in the catalog's order. */
const PREFIXED = LANGUAGE_CODES.filter((code) => code !== DEFAULT_LANGUAGE);

/** The language a path (inside the app's base) is in by its prefix; undefined at the default language's paths. */
export function languageOfPath(path: string): Language | undefined {
  const first = path.split('/')[1];
  return PREFIXED.find((code) => code === first);
}

/** The path without its language prefix: `/es/login` → `/login`, `/es` → `/`. */
export function withoutLanguage(path: string): string {
  const language = languageOfPath(path);
  return language ? path.slice(language.length + 1) || '/' : path;
}

/** The prefix of a language's paths inside the app's base: '' for English, `/es` for Spanish. */
export function languagePrefix(language: Language): string {
  return language === DEFAULT_LANGUAGE ? '' : `/${language}`;
}

/** The same page in another language: `/login` → `/es/login`, `/` → `/es/`. */
export function withLanguage(language: Language, path: string): string {
  return languagePrefix(language) + withoutLanguage(path);
}

/** The best of the browser's languages (`navigator.languages`, by preference) that the app speaks. */
export function bestMatch(preferred: readonly string[]): Language | undefined {
  for (const tag of preferred) {
    // `es-MX` is served in Spanish, `ar-EG` in Arabic: the app has one variant of each.
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return undefined;
}

export interface LanguageClues {
  /** `?lang=` of the URL, as written. */
  readonly query: string | null;
  /** The path inside the app's base. */
  readonly path: string;
  /** What this device remembers, as stored. */
  readonly stored: string | null;
  /** `navigator.languages`. */
  readonly browser: readonly string[];
}

/**
 * The language of the page, in this order: the link's (`?lang=`, or a language's path such as
 * `/es/`, which is where a `?lang=es` link lands), the visitor's earlier choice on this device,
 * the best match of the browser's languages, English.
 */
export function chooseLanguage({ query, path, stored, browser }: LanguageClues): Language {
  if (isLanguage(query)) return query;
  const ofPath = languageOfPath(path);
  if (ofPath) return ofPath;
  if (isLanguage(stored)) return stored;
  return bestMatch(browser) ?? DEFAULT_LANGUAGE;
}
