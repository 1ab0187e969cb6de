/**
 * The language each visitor of a kiosk starts in, applied at every reset. A page's language is
 * fixed for its life (docs/architecture.md, "Languages"), so another language is the kiosk's page
 * in that language: loaded between two visitors, never while someone is typing.
 */
import { routePatterns } from '../app/paths';
import { appPathIn } from '../app/basename';
import { kioskStartLanguage, type KioskLanguage } from '../domain/kiosk';
import type { Language } from '../domain/languages';
import { activeLanguage } from '../i18n/i18n';
import { LANGUAGE_STORAGE_KEY } from '../i18n/language';

export function applyKioskLanguage({ language }: { language: KioskLanguage }): Language {
  const chosen = kioskStartLanguage(language, navigator.languages);
  // Kept as the device's choice, which the pages' inline script prefers to the browser's
  // languages: else a kiosk in English on a Spanish tablet would be sent back and forth.
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, chosen);
  } catch {
    // Without storage, the link's path still says which language.
  }
  if (chosen !== activeLanguage()) window.location.replace(appPathIn(chosen, routePatterns.kiosk));
  return chosen;
}
