/**
 * The language each visitor of a kiosk starts in, applied at every reset. A page's language is
 * fixed for its life (docs/architecture.md, "Languages"), so another language is the kiosk's page
 * in that language: loaded between two visitors, never while someone is typing.
 */
import { routePatterns } from '../app/paths';
import { ROUTER_BASENAME } from '../app/basename';
import { kioskStartLanguage, type KioskLanguage } from '../domain/kiosk';
import type { Language } from '../domain/languages';
import { activeLanguage } from '../i18n/i18n';
import { withLanguage } from '../i18n/language';

export function applyKioskLanguage({ language }: { language: KioskLanguage }): Language {
  const chosen = kioskStartLanguage(language, navigator.languages);
  if (chosen !== activeLanguage()) {
    const base = ROUTER_BASENAME === '/' ? '' : ROUTER_BASENAME;
    window.location.replace(base + withLanguage(chosen, routePatterns.kiosk));
  }
  return chosen;
}
