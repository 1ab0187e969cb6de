import { pageCount, rangeLabel } from '../../domain/dashboard';

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
    <nav className="pagination" aria-label="Pages">
      <p className="pagination__range" aria-live="polite">
        {rangeLabel(page, pageSize, shown, total)}
        {loading ? <span className="muted"> · loading…</span> : null}
      </p>
      <div className="pagination__buttons">
        <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(1)}>
          First
        </button>
        <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <span className="pagination__page">
          Page {page.toLocaleString('en')} of {pages.toLocaleString('en')}
        </span>
        <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </button>
        <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => onPage(pages)}>
          Last
        </button>
      </div>
    </nav>
  );
}
