import type { Language } from '../domain/languages';
import { languagePrefix } from '../i18n/language';

/** The base the app is served from, without its trailing slash. */
export const ROUTER_BASENAME = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

/** The router's basename in a language: the base, and the language's prefix (src/i18n/language.ts). */
export function routerBasename(language: Language): string {
  return (ROUTER_BASENAME === '/' ? '' : ROUTER_BASENAME) + languagePrefix(language) || '/';
}
