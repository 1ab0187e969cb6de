import { useDeferredValue, type ReactNode } from 'react';
import type { AppError } from '../../domain/errors';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';

interface QueryLike<T> {
  status: 'pending' | 'error' | 'success';
  data: T | undefined;
  error: Pick<AppError, 'kind'> | null;
  refetch: () => unknown;
}

/**
 * Loading, error (with a retry) and data for one query, so that no view forgets a state.
 * Empty states belong to the view, which knows what "nothing" means there. The error is said
 * from its kind: the pages that use this load the `errors` messages.
 */
export function QueryState<T>({
  query,
  loadingLabel = t('layout.loading'),
  pending,
  children,
}: {
  query: QueryLike<T>;
  loadingLabel?: string;
  /** Shown while loading instead of the label, e.g. a placeholder that keeps the data's place. */
  pending?: ReactNode;
  /** `stale`: what shows is the previous answer while the query's newest renders in the background. */
  children: (data: T, stale: boolean) => ReactNode;
}) {
  // What shows fresh data renders in the background, in short slices: a long list arriving
  // does not freeze the page (and until it is ready, what was there stays).
  const data = useDeferredValue(query.data);
  if (query.status === 'pending' || (query.status === 'success' && data === undefined)) {
    if (pending !== undefined) return <>{pending}</>;
    return (
      <p role="status" className="muted">
        {loadingLabel}
      </p>
    );
  }
  if (query.status === 'error') {
    return (
      <div role="alert" className="notice notice--error">
        <p>{errorText(query.error ?? 'unknown')}</p>
        <button type="button" className="button button--secondary" onClick={() => void query.refetch()}>
          {t('query.retry')}
        </button>
      </div>
    );
  }
  return <>{children(data as T, data !== query.data)}</>;
}
