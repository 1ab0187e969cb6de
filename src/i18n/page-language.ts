import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../domain/languages';

/** The language the visitor reads the page in: the i18n layer keeps `<html lang>` true. */
export function pageLanguage(): Language {
  const lang = document.documentElement.lang;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}
