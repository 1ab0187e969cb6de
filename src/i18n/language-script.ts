/**
 * The first thing the pages' inline script does (route-preload-script.ts), before the first
 * paint: it sends the visitor to the page in their language (language.ts's order) with
 * `location.replace`, so that nothing in another language is ever shown, and remembers a
 * language fixed by a `?lang=` link (the switcher's links are such links).
 */
import { LANGUAGES, type Language } from '../domain/languages';
import { chooseLanguage, LANGUAGE_PARAM, LANGUAGE_STORAGE_KEY, PAGE_LOCALE_PARAM, withLanguage } from './language';

function stored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage blocked (a private mode, a policy): the link and the browser still decide.
    return null;
  }
}

function remember(language: string): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // As above: the choice lasts as long as the page's links carry it.
  }
}

/** The path inside the app's base (`/opinions/es/` → `/es/`, `/opinions` → `/`); undefined outside it. */
export function pathInBase(pathname: string, base: string): string | undefined {
  if (pathname.startsWith(base)) return pathname.slice(base.length - 1);
  // The router links home as the base without its slash.
  return `${pathname}/` === base ? '/' : undefined;
}

/**
 * `base`: the path the app is served under (`/`, `/opinions/`). The page's language; undefined
 * when the page is being left for another (or is not the app's).
 */
export function settleLanguage(base: string): Language | undefined {
  const url = new URL(location.href);
  const inBase = pathInBase(url.pathname, base);
  if (inBase === undefined) return undefined;
  const query = url.searchParams.get(LANGUAGE_PARAM) ?? url.searchParams.get(PAGE_LOCALE_PARAM);
  const language = chooseLanguage({ query, path: inBase, stored: stored(), browser: navigator.languages });
  if (query === language) remember(language);
  url.searchParams.delete(LANGUAGE_PARAM);
  url.searchParams.delete(PAGE_LOCALE_PARAM);
  const target = withLanguage(language, inBase);
  if (target !== inBase) {
    url.pathname = base.slice(0, -1) + target;
    location.replace(url.href);
    return undefined;
  }
  // The page is the right one: only `?lang=` to drop.
  if (query !== null) history.replaceState(history.state, '', url.href);
  // The deep links' shell is one file for every language: its `<html>` follows the path.
  document.documentElement.lang = language;
  document.documentElement.dir = LANGUAGES[language].dir;
  return language;
}
