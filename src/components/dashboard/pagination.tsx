import { knownCount, pageCount, pageRange, type ListTotal } from '../../domain/dashboard';
import { t } from '../../i18n/i18n';
import { Arrow } from './arrow';

/** "41–60 of 1,234" */
export function rangeLabel(page: number, pageSize: number, shown: number, total: number): string {
  const range = pageRange(page, pageSize, shown, total);
  return range ? t('pagination.range', { ...range, total }) : t('pagination.rangeEmpty', { total });
}

/** "41–60 of more than 10,000" */
export function boundedRangeLabel(page: number, pageSize: number, shown: number, bound: number): string {
  const range = pageRange(page, pageSize, shown, bound + 1) ?? { first: 0, last: 0 };
  return t('pagination.rangeMoreThan', { ...range, bound });
}

export function Pagination({
  page,
  pageSize,
  total,
  shown,
  onPage,
  loading,
  counting,
  onCountExactly,
}: {
  page: number;
  pageSize: number;
  total: ListTotal;
  shown: number;
  onPage: (page: number) => void;
  loading: boolean;
  /** Whether the exact count asked for past the bound is on its way. */
  counting: boolean;
  onCountExactly: () => void;
}) {
  const pages = pageCount(knownCount(total), pageSize);
  const bounded = total.kind === 'moreThan';
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <p className="pagination__range" aria-live="polite" data-total={total.kind}>
        {total.kind === 'exact' ? rangeLabel(page, pageSize, shown, total.count) : boundedRangeLabel(page, pageSize, shown, total.bound)}
        {loading ? <span className="muted"> · {t('pagination.loading')}</span> : null}
        {bounded ? (
          <>
            {' '}
            <button type="button" className="button button--secondary button--small" data-count-exactly="" disabled={counting} onClick={onCountExactly}>
              {counting ? t('pagination.counting') : t('pagination.countExactly')}
            </button>
          </>
        ) : null}
      </p>
      <div className="pagination__buttons">
        <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(1)}>
          <Arrow to="first" /> {t('pagination.first')}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <Arrow to="previous" /> {t('pagination.previous')}
        </button>
        <span className="pagination__page">{bounded ? t('pagination.pageOpen', { page }) : t('pagination.page', { page, pages })}</span>
        <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('pagination.next')} <Arrow to="next" />
        </button>
        <button type="button" className="button button--secondary button--small" disabled={bounded || page >= pages} onClick={() => onPage(pages)}>
          {t('pagination.last')} <Arrow to="last" />
        </button>
      </div>
    </nav>
  );
}
