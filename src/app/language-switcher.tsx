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
 * The languages, each named in itself and marked with its own `lang`. By default plain links to
 * the page in that language, which work before the app's code has run, and load that language's
 * prerendered page (the language is fixed for the life of a page). With `onChoose`, buttons that
 * leave the choice to the page (the kiosk's, which must not remember it, nor show a link).
 */
export function LanguageSwitcher({ onChoose }: { onChoose?: (language: Language) => void }) {
  const { pathname, search } = useLocation();
  const current = activeLanguage();
  const items = LANGUAGE_CODES.map((code) => {
    const own = { lang: code, 'aria-current': code === current ? 'true' : undefined, children: LANGUAGES[code].name } as const;
    return (
      <li key={code}>
        {onChoose ? (
          <button type="button" onClick={() => onChoose(code)} {...own} />
        ) : (
          <a href={hrefIn(code, pathname, search)} hrefLang={code} {...own} />
        )}
      </li>
    );
  });
  return onChoose ? (
    <div role="group" aria-label={t('switcher.label')} className="language-switcher">
      <ul className="site-nav">{items}</ul>
    </div>
  ) : (
    <nav aria-label={t('switcher.label')} className="language-switcher">
      <ul className="site-nav">{items}</ul>
    </nav>
  );
}
