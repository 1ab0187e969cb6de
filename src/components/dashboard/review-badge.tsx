import type { Language } from '../../domain/languages';
import { LanguageName } from './language-name';

export function ReviewBadge({ reviewed }: { reviewed: boolean }) {
  return <span className={reviewed ? 'badge badge--reviewed' : 'badge badge--new'}>{reviewed ? 'Reviewed' : 'New'}</span>;
}

export function WillReturnBadge({ willReturn }: { willReturn: boolean }) {
  return (
    <span className={willReturn ? 'badge badge--yes' : 'badge badge--no'}>
      {willReturn ? 'Will return' : 'Will not return'}
    </span>
  );
}

/** The language the visitor wrote in. */
export function LanguageBadge({ language }: { language: Language | null }) {
  return (
    <span className="badge badge--language" data-language={language ?? ''}>
      {language === null ? (
        'Language unknown'
      ) : (
        <>
          <span className="visually-hidden">Written in </span>
          <LanguageName language={language} />
        </>
      )}
    </span>
  );
}
