/**
 * The dashboard's numbers: the stats of the filtered opinions, "new" meaning new since the staff
 * member's previous visit, which opening the dashboard records.
 */
import { hashKey, keepPreviousData, queryOptions, skipToken, useQuery, useQueryClient, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { filtersOf, type DashboardStats, type OpinionFilters } from '../domain/dashboard';
import { fetchDashboardStats, recordDashboardVisit, type DashboardVisit } from '../parse/dashboard-stats';
import { rejectingWithAppError } from './app-error';
import { askedFor, opinionQueries } from './opinions';

/** A recorded visit, with the filters its stats are of. */
export interface RecordedVisit extends DashboardVisit {
  readonly filters: OpinionFilters;
}

/**
 * `since`: the previous visit (null: none), or undefined while the visit is on its way, when
 * there is nothing to ask yet.
 */
export type StatsSince = Date | null | undefined;

const sinceKey = (since: StatsSince) => (since === undefined ? 'awaiting-visit' : (since?.toISOString() ?? null));

export const opinionStatsQueries = {
  /** Under the opinions' key: whatever changes opinions has their stats read again. */
  all: () => [...opinionQueries.all(), 'stats'] as const,
  stats: (filters: OpinionFilters, since: StatsSince) => {
    const only = filtersOf(filters);
    return queryOptions({
      queryKey: [...opinionStatsQueries.all(), only, sinceKey(since)] as const,
      queryFn: since === undefined ? skipToken : () => rejectingWithAppError(() => fetchDashboardStats(only, since)),
      placeholderData: keepPreviousData,
    });
  },
  /** A search's stats over every match, past its newest SEARCH_BOUND: asked for by staff, never by itself (askedFor). */
  allMatches: (filters: OpinionFilters, since: StatsSince) => {
    const only = filtersOf(filters);
    return queryOptions({
      queryKey: [...opinionStatsQueries.all(), only, sinceKey(since), 'all-matches'] as const,
      queryFn: since === undefined ? skipToken : () => rejectingWithAppError(() => fetchDashboardStats(only, since, true)),
      enabled: askedFor,
    });
  },
  /**
   * Outside the opinions' key: invalidating opinions must not record a visit again. It is
   * recorded once per app start ("new since you last looked" must not drop to zero with every
   * change of filter), and answers with the stats of the filters it is given, new since the
   * previous visit: the dashboard being opened needs no second round trip for them.
   */
  visits: () => ['dashboard-visit'] as const,
  visit: (filters: OpinionFilters) => {
    const only = filtersOf(filters);
    return queryOptions({
      queryKey: [...opinionStatsQueries.visits(), only] as const,
      queryFn: () => rejectingWithAppError(async (): Promise<RecordedVisit> => ({ ...(await recordDashboardVisit(only)), filters: only })),
      staleTime: Infinity,
      gcTime: Infinity,
      retry: false,
    });
  },
};

/** Since when "new" counts: the previous visit, once the visit has answered (failed: from the beginning). */
function sinceOf(visit: UseQueryResult<RecordedVisit>): StatsSince {
  return visit.isPending ? undefined : (visit.data?.previous ?? null);
}

/** The visit this app start recorded already, if any. */
function recordedVisit(queryClient: QueryClient): RecordedVisit | undefined {
  return queryClient
    .getQueriesData<RecordedVisit>({ queryKey: opinionStatsQueries.visits() })
    .map(([, visit]) => visit)
    .find((visit) => visit !== undefined);
}

/** The visit's answer, recorded with the filters the dashboard first opened with, whatever they are now. */
export function useDashboardVisit(filters: OpinionFilters) {
  const queryClient = useQueryClient();
  const [opening] = useState(() => recordedVisit(queryClient)?.filters ?? filtersOf(filters));
  return useQuery(opinionStatsQueries.visit(opening));
}

function sameFilters(a: OpinionFilters, b: OpinionFilters): boolean {
  return hashKey([filtersOf(a)]) === hashKey([filtersOf(b)]);
}

/** The visit's stats when they are those of `filters`: the first answer of the stats query. */
function statsOfVisit(visit: RecordedVisit | undefined, filters: OpinionFilters): DashboardStats | undefined {
  return visit && sameFilters(visit.filters, filters) ? (visit.stats ?? undefined) : undefined;
}

/**
 * The stats of `filters` since the previous visit. They wait for the visit (which tells since
 * when); the stats it brought serve as the first answer of their own query, whose key they
 * match, so that they cost no request of their own. When the visit failed, "new" counts from
 * the beginning.
 */
export function useDashboardStats(filters: OpinionFilters) {
  const visit = useDashboardVisit(filters);
  return useQuery({
    ...opinionStatsQueries.stats(filters, sinceOf(visit)),
    initialData: () => statsOfVisit(visit.data, filters),
    initialDataUpdatedAt: visit.dataUpdatedAt,
  });
}

/** A search's stats over every match, once `countAll` asked for them (for these filters). */
export function useAllMatchesStats(filters: OpinionFilters) {
  const query = useQuery(opinionStatsQueries.allMatches(filters, sinceOf(useDashboardVisit(filters))));
  return { stats: query.data, counting: query.isFetching, error: query.error, countAll: () => void query.refetch() };
}
