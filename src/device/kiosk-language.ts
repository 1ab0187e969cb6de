/**
 * The language on a kiosk's screen: the kiosk's at every reset, a visitor's own until the next.
 * A page's language is fixed for its life (docs/architecture.md, "Languages"), so another
 * language is the kiosk's page in that language, loaded with `location.replace`: no page of an
 * earlier visitor to go back to.
 */
import { routePatterns } from '../app/paths';
import { appPathIn } from '../app/basename';
import { kioskStartLanguage, type KioskLanguage } from '../domain/kiosk';
import type { Language } from '../domain/languages';
import { activeLanguage } from '../i18n/i18n';
import { LANGUAGE_STORAGE_KEY } from '../i18n/language';

/** Marks the kiosk's page that a visitor asked for in their language: their visit goes on in it. */
const VISITOR_CHOICE_PARAM = 'visitor-language';

function showKioskIn(language: Language, { byVisitor }: { byVisitor: boolean }): void {
  // The device's language follows the screen, and the pages' inline script prefers it to the
  // browser's languages: else a kiosk in English on a Spanish tablet would be sent back and forth.
  // Each reset writes the kiosk's back, so a visitor's choice lasts only for their visit.
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Without storage, the link's path still says which language.
  }
  if (language === activeLanguage()) return;
  const path = appPathIn(language, routePatterns.kiosk);
  window.location.replace(byVisitor ? `${path}?${VISITOR_CHOICE_PARAM}` : path);
}

/** The language each visitor starts in, put on screen. */
export function applyKioskLanguage({ language }: { language: KioskLanguage }): Language {
  const chosen = kioskStartLanguage(language, navigator.languages);
  showKioskIn(chosen, { byVisitor: false });
  return chosen;
}

/** A visitor's own language, for the rest of their visit; the kiosk's setting stays as it is. */
export function chooseVisitorLanguage(language: Language): void {
  showKioskIn(language, { byVisitor: true });
}

/** Whether this page is the one a visitor asked for in their language. Reads only: React may call it twice. */
export function isVisitorLanguagePage(): boolean {
  return new URLSearchParams(window.location.search).has(VISITOR_CHOICE_PARAM);
}

/** The mark off the address: a reload, or the tablet restarting, then starts the next visitor. */
export function dropVisitorLanguageMark(): void {
  const url = new URL(window.location.href);
  url.searchParams.delete(VISITOR_CHOICE_PARAM);
  window.history.replaceState(window.history.state, '', url.href);
}
