import type { Language } from '../../domain/languages';
import { t } from '../../i18n/i18n';
import { LanguageName } from './language-name';

export function ReviewBadge({ reviewed }: { reviewed: boolean }) {
  return <span className={reviewed ? 'badge badge--reviewed' : 'badge badge--new'}>{reviewed ? t('badge.reviewed') : t('badge.new')}</span>;
}

export function WillReturnBadge({ willReturn }: { willReturn: boolean }) {
  return (
    <span className={willReturn ? 'badge badge--yes' : 'badge badge--no'}>
      {willReturn ? t('badge.willReturn') : t('badge.willNotReturn')}
    </span>
  );
}

/** The language the visitor wrote in. */
export function LanguageBadge({ language }: { language: Language | null }) {
  return (
    <span className="badge badge--language" data-language={language ?? ''}>
      {language === null ? (
        t('badge.languageUnknown')
      ) : (
        <>
          <span className="visually-hidden">{t('badge.writtenIn')} </span>
          <LanguageName language={language} />
        </>
      )}
    </span>
  );
}
