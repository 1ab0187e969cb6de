/** The staff dashboard's queries and mutations (its own module: it never loads for a visitor). */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { downloadText, opinionsCsv } from '../device/csv-file';
import { whenIdle } from '../device/idle';
import { filtersOf, type OpinionFilters, type OpinionListParams } from '../domain/dashboard';
import { exportFileName } from '../domain/opinion-csv';
import { fetchDashboardStats, recordDashboardVisit } from '../parse/dashboard-stats';
import { subscribeToNewOpinions } from '../parse/live-opinions';
import { getOpinion } from '../parse/opinion-detail';
import { fetchAllOpinions } from '../parse/opinion-export';
import { listOpinions } from '../parse/opinion-list';
import { deleteOpinions, setReviewed } from '../parse/opinion-triage';
import { hasStoredUser } from '../parse/session';
import { useSession } from './session';

export const opinionQueries = {
  all: () => ['opinions'] as const,
  lists: () => [...opinionQueries.all(), 'list'] as const,
  /** One page of the list; the previous page stays on screen while the next one loads. */
  list: (params: OpinionListParams) =>
    queryOptions({
      queryKey: [...opinionQueries.lists(), params] as const,
      queryFn: () => listOpinions(params),
      placeholderData: keepPreviousData,
    }),
  details: () => [...opinionQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...opinionQueries.details(), id] as const,
      queryFn: () => getOpinion(id),
    }),
  stats: (filters: OpinionFilters, since: Date | null) =>
    queryOptions({
      queryKey: [...opinionQueries.all(), 'stats', filtersOf(filters), since?.toISOString() ?? null] as const,
      queryFn: () => fetchDashboardStats(filters, since),
      placeholderData: keepPreviousData,
    }),
  /**
   * When this staff member last looked, recorded once per app start: "new since you last
   * looked" must not drop to zero with every change of filter. Outside `all()` so that
   * invalidating opinions does not record a visit again. The same answer carries the stats
   * of the filters the dashboard opens with (new since that visit), put into their own entry:
   * the first stats cost no second round trip. Those filters are not part of the key, since
   * the visit is recorded once whatever they are.
   */
  visit: (filters: OpinionFilters) =>
    queryOptions({
      queryKey: ['dashboard-visit'] as const,
      queryFn: async ({ client }) => {
        const { previous, stats } = await recordDashboardVisit(filters);
        if (stats) client.setQueryData(opinionQueries.stats(filters, previous).queryKey, stats);
        return previous;
      },
      staleTime: Infinity,
      gcTime: Infinity,
      retry: false,
    }),
};

export function useOpinionList(params: OpinionListParams) {
  return useQuery(opinionQueries.list(params));
}

export function useOpinion(id: string) {
  return useQuery(opinionQueries.detail(id));
}

export function useDashboardVisit(filters: OpinionFilters) {
  return useQuery(opinionQueries.visit(filters));
}

/**
 * Opening the dashboard, while the session is still being checked: when someone is signed in
 * on this device, its first page and the visit (with its stats) are asked for already, beside
 * the check instead of after it. The server answers them for staff only; for anybody else the
 * gate shows its own page and these answers are never shown.
 */
export function usePrefetchDashboard(params: OpinionListParams, filters: OpinionFilters) {
  const queryClient = useQueryClient();
  const checking = useSession().isPending;
  useEffect(() => {
    if (!checking || !hasStoredUser()) return;
    void queryClient.prefetchQuery(opinionQueries.list(params));
    void queryClient.prefetchQuery(opinionQueries.visit(filters));
    // Once, as the page opens: later changes of the filters are the dashboard's own to fetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

export function useDashboardStats(filters: OpinionFilters, since: Date | null, enabled: boolean) {
  return useQuery({ ...opinionQueries.stats(filters, since), enabled });
}

export function useSetReviewed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, reviewed }: { ids: readonly string[]; reviewed: boolean }) => setReviewed(ids, reviewed),
    onSettled: () => queryClient.invalidateQueries({ queryKey: opinionQueries.all() }),
  });
}

export function useDeleteOpinions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[]) => deleteOpinions(ids),
    onSuccess: (_result, ids) => {
      for (const id of ids) queryClient.removeQueries({ queryKey: opinionQueries.detail(id).queryKey });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: opinionQueries.all() }),
  });
}

export interface ExportProgress {
  readonly fetched: number;
  readonly total: number;
}

/** Fetches every opinion of the filtered set, page by page, and downloads it as CSV. */
export function useExportOpinions() {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async (filters: OpinionFilters) => {
      setProgress({ fetched: 0, total: 0 });
      const opinions = await fetchAllOpinions(filters, (fetched, total) => setProgress({ fetched, total }));
      downloadText(exportFileName(new Date()), await opinionsCsv(opinions));
      return opinions.length;
    },
  });
  return { ...mutation, progress };
}

/**
 * How many new opinions matching the filters arrived since the list was loaded, heard live.
 * The list itself is not touched, so that nothing moves under the reader's eyes.
 */
export function useNewOpinions(filters: OpinionFilters) {
  const queryClient = useQueryClient();
  const key = JSON.stringify(filtersOf(filters));
  const [heard, setHeard] = useState<{ key: string; ids: readonly string[] }>({ key, ids: [] });
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    // Once the page is idle: the SDK that LiveQuery needs is not needed to show the first page.
    const cancelStart = whenIdle(() => {
      subscribeToNewOpinions(JSON.parse(key) as OpinionFilters, (id) =>
        setHeard((current) => {
          const ids = current.key === key ? current.ids : [];
          return ids.includes(id) ? current : { key, ids: [...ids, id] };
        }),
      ).then(
        (unsubscribe) => (cancelled ? unsubscribe() : (stop = unsubscribe)),
        // Without LiveQuery the dashboard still works; it only hears nothing.
        () => undefined,
      );
    });
    return () => {
      cancelled = true;
      cancelStart();
      stop?.();
    };
  }, [key]);
  const count = heard.key === key ? heard.ids.length : 0;
  const show = async () => {
    setHeard({ key, ids: [] });
    await queryClient.invalidateQueries({ queryKey: opinionQueries.all() });
  };
  return { count, show };
}
