import type { Language } from '../domain/languages';
import { languagePrefix, withLanguage } from '../i18n/language';

/** The base the app is served from, without its trailing slash. */
export const ROUTER_BASENAME = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

/** The base as a prefix of the app's paths: '' at the root. */
export const BASE_PREFIX = ROUTER_BASENAME === '/' ? '' : ROUTER_BASENAME;

/** The router's basename in a language: the base, and the language's prefix (src/i18n/language.ts). */
export function routerBasename(language: Language): string {
  return BASE_PREFIX + languagePrefix(language) || '/';
}

/** A page of the app (a path inside the base) in `language`, as the browser's address path. */
export function appPathIn(language: Language, path: string): string {
  return BASE_PREFIX + withLanguage(language, path);
}
