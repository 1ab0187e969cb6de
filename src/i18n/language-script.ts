/**
 * The first thing the pages' inline script does (route-preload-script.ts), before the first
 * paint: it sends the visitor to the page in their language (language.ts's order) with
 * `location.replace`, so that nothing in another language is ever shown, and remembers a
 * language fixed by a `?lang=` link (the switcher's links are such links).
 */
import { LANGUAGES } from '../domain/languages';
import { chooseLanguage, LANGUAGE_PARAM, LANGUAGE_STORAGE_KEY, withLanguage } from './language';

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

/** `base`: the path the app is served under (`/`, `/opinions/`). False when the page is being left for another. */
export function settleLanguage(base: string): boolean {
  const url = new URL(location.href);
  const inBase = url.pathname.startsWith(base) ? url.pathname.slice(base.length - 1) : url.pathname;
  const query = url.searchParams.get(LANGUAGE_PARAM);
  const language = chooseLanguage({ query, path: inBase, stored: stored(), browser: navigator.languages });
  if (query === language) remember(language);
  url.searchParams.delete(LANGUAGE_PARAM);
  url.pathname = base.slice(0, -1) + withLanguage(language, inBase);
  if (url.href !== location.href) {
    if (url.pathname !== location.pathname) {
      location.replace(url.href);
      return false;
    }
    // Only `?lang=` to drop: the page is the right one.
    history.replaceState(history.state, '', url.href);
  }
  // The deep links' shell is one file for every language: its `<html>` follows the path.
  document.documentElement.lang = language;
  document.documentElement.dir = LANGUAGES[language].dir;
  return true;
}
