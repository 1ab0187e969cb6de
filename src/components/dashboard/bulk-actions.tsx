import { t } from '../../i18n/i18n';
import { TagAdder } from './tags';

export function BulkActions({
  count,
  pending,
  onMark,
  onDelete,
  onClear,
  onTag,
  tagSuggestionsId,
  onTagFocus,
}: {
  count: number;
  pending: boolean;
  onMark: (reviewed: boolean) => void;
  onDelete: () => void;
  onClear: () => void;
  onTag: (tag: string) => void;
  tagSuggestionsId: string;
  onTagFocus: () => void;
}) {
  if (count === 0) return null;
  return (
    <div className="bulk-actions" role="group" aria-label={t('bulk.label')}>
      <p className="bulk-actions__count">{t('bulk.count', { count })}</p>
      <button type="button" className="button button--small" disabled={pending} onClick={() => onMark(true)}>
        {t('mark.reviewed')}
      </button>
      <button type="button" className="button button--secondary button--small" disabled={pending} onClick={() => onMark(false)}>
        {t('mark.new')}
      </button>
      <TagAdder
        label={t('bulk.tag.label')}
        buttonLabel={t('bulk.tag')}
        suggestionsId={tagSuggestionsId}
        pending={pending}
        onFocus={onTagFocus}
        onAdd={onTag}
      />
      <button type="button" className="button button--danger button--small" disabled={pending} onClick={onDelete}>
        {t('remove.open')}
      </button>
      <button type="button" className="link-button" disabled={pending} onClick={onClear}>
        {t('bulk.clear')}
      </button>
    </div>
  );
}
