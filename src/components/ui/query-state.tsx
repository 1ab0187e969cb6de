import { useDeferredValue, type ReactNode } from 'react';

interface QueryLike<T> {
  status: 'pending' | 'error' | 'success';
  data: T | undefined;
  error: Error | null;
  refetch: () => unknown;
}

/**
 * Loading, error (with a retry) and data for one query, so that no view forgets a state.
 * Empty states belong to the view, which knows what "nothing" means there.
 */
export function QueryState<T>({
  query,
  loadingLabel = 'Loading…',
  pending,
  children,
}: {
  query: QueryLike<T>;
  loadingLabel?: string;
  /** Shown while loading instead of the label, e.g. a placeholder that keeps the data's place. */
  pending?: ReactNode;
  children: (data: T) => ReactNode;
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
        <p>{query.error?.message ?? 'Something went wrong.'}</p>
        <button type="button" className="button button--secondary" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return <>{children(data as T)}</>;
}
