import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OpinionListParams } from '../domain/dashboard';
import { hasStoredUser } from '../parse/session';
import { opinionStatsQueries } from './opinion-stats';
import { opinionQueries } from './opinions';
import { useSession } from './session';

/**
 * Opening the dashboard, while the session is still being checked: when someone is signed in
 * on this device, its first page and the visit (with its stats) are asked for already, beside
 * the check instead of after it. The server answers them for staff only; for anybody else the
 * gate shows its own page and these answers are never shown.
 */
export function usePrefetchDashboard(params: OpinionListParams) {
  const queryClient = useQueryClient();
  const checking = useSession().isPending;
  useEffect(() => {
    if (!checking || !hasStoredUser()) return;
    void queryClient.prefetchQuery(opinionQueries.list(params));
    void queryClient.prefetchQuery(opinionStatsQueries.visit(params));
    // Once, as the page opens: later changes of the filters are the dashboard's own to fetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
