import { LANGUAGES, type Language } from '../../domain/languages';
import { t } from '../../i18n/i18n';

/**
 * A language by its own name ("Español"), marked as written in it, so that a screen reader
 * says it as a speaker would and العربية keeps its direction; "Unknown" (in the page's language) for none.
 */
export function LanguageName({ language }: { language: Language | null }) {
  if (language === null) return <>{t('language.unknown')}</>;
  const { name, dir } = LANGUAGES[language];
  return (
    <span lang={language} dir={dir}>
      {name}
    </span>
  );
}
