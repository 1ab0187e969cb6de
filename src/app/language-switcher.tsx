import { useLocation } from 'react-router-dom';
import { LANGUAGE_CODES, LANGUAGES, type Language } from '../domain/languages';
import { activeLanguage, t } from '../i18n/i18n';
import { LANGUAGE_PARAM } from '../i18n/language';
import { appPathIn } from './basename';

/** The same page in `language`, with `?lang=` so that its inline script remembers the choice (src/i18n/language-script.ts). */
function hrefIn(language: Language, pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.set(LANGUAGE_PARAM, language);
  return `${appPathIn(language, pathname)}?${params.toString()}`;
}

/**
 * The languages, each named in itself and marked with its own `lang`: plain links to the page
 * in that language, which work before the app's code has run, and load that language's
 * prerendered page (the language is fixed for the life of a page).
 */
export function LanguageSwitcher() {
  const { pathname, search } = useLocation();
  const current = activeLanguage();
  return (
    <nav aria-label={t('switcher.label')} className="language-switcher">
      <ul className="site-nav">
        {LANGUAGE_CODES.map((code) => (
          <li key={code}>
            <a
              href={hrefIn(code, pathname, search)}
              lang={code}
              hrefLang={code}
              aria-current={code === current ? 'true' : undefined}
            >
              {LANGUAGES[code].name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
