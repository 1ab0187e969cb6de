/**
 * The language each visitor of a kiosk starts in, applied at every reset. The i18n catalogs
 * (issue 16) switch here too; for now the page's `lang` and `dir`.
 */
import { kioskStartLanguage, type KioskLanguage } from '../domain/kiosk';
import { LANGUAGES, type Language } from '../domain/languages';

export function applyKioskLanguage({ language }: { language: KioskLanguage }): Language {
  const chosen = kioskStartLanguage(language, navigator.languages);
  document.documentElement.lang = chosen;
  document.documentElement.dir = LANGUAGES[chosen].dir;
  return chosen;
}
