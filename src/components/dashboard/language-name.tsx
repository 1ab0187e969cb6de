import { LANGUAGES, type Language } from '../../domain/languages';

/**
 * A language by its own name ("Español"), marked as written in it, so that a screen reader
 * says it as a speaker would and العربية keeps its direction; "Unknown" for none.
 */
export function LanguageName({ language }: { language: Language | null }) {
  if (language === null) return <>Unknown</>;
  const { name, dir } = LANGUAGES[language];
  return (
    <span lang={language} dir={dir}>
      {name}
    </span>
  );
}
