import { pageCount, pageRange } from '../../domain/dashboard';
import { t } from '../../i18n/i18n';
import { Arrow } from './arrow';

/** "41–60 of 1,234" */
export function rangeLabel(page: number, pageSize: number, shown: number, total: number): string {
  const range = pageRange(page, pageSize, shown, total);
  return range ? t('pagination.range', { ...range, total }) : t('pagination.rangeEmpty', { total });
}

export function Pagination({
  page,
  pageSize,
  total,
  shown,
  onPage,
  loading,
}: {
  page: number;
  pageSize: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
  loading: boolean;
}) {
  const pages = pageCount(total, pageSize);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <p className="pagination__range" aria-live="polite">
        {rangeLabel(page, pageSize, shown, total)}
        {loading ? <span className="muted"> · {t('pagination.loading')}</span> : null}
      </p>
      <div className="pagination__buttons">
        <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(1)}>
          <Arrow to="first" /> {t('pagination.first')}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <Arrow to="previous" /> {t('pagination.previous')}
        </button>
        <span className="pagination__page">{t('pagination.page', { page, pages })}</span>
        <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('pagination.next')} <Arrow to="next" />
        </button>
        <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => onPage(pages)}>
          {t('pagination.last')} <Arrow to="last" />
        </button>
      </div>
    </nav>
  );
}
