import type { LanguageCount } from '../../domain/dashboard';
import { LANGUAGE_CODES } from '../../domain/languages';
import { numberLabel, percentLabel } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { LanguageName } from './language-name';

function Split({ languages, loading }: { languages: readonly LanguageCount[]; loading: boolean }) {
  return (
    <div className="language-split" aria-hidden={loading || undefined}>
      <h3 className="language-split__title">{t('split.title')}</h3>
      <dl className="language-split__list">
        {languages.map(({ language, total, willReturn }) => (
          <div key={language ?? ''} className="language-split__item" data-language={language ?? ''}>
            <dt className="stat__label">
              <LanguageName language={language} />
            </dt>
            <dd className="language-split__value">
              {loading ? '…' : numberLabel(total)}
              {!loading && total > 0 ? <span className="stat__hint"> · {t('split.willReturn', { percent: percentLabel(willReturn, total) })}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The filtered set by the language the visitors wrote in: how many, and how many will return. */
export function LanguageSplit({ languages }: { languages: readonly LanguageCount[] }) {
  return <Split languages={languages} loading={false} />;
}

const EVERY_LANGUAGE: readonly LanguageCount[] = LANGUAGE_CODES.map((language) => ({ language, total: 0, willReturn: 0 }));

/** Its shape while the stats load, so that nothing below it moves when they arrive. */
export function LanguageSplitPlaceholder() {
  return <Split languages={EVERY_LANGUAGE} loading />;
}
