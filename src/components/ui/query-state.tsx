import type { ReactNode } from 'react';

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
  children,
}: {
  query: QueryLike<T>;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.status === 'pending') {
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
  return <>{children(query.data as T)}</>;
}
