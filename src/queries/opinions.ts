/**
 * The staff's opinions: the list, one opinion, and the triage (reviewed, deleted). Staff code:
 * it never loads for a visitor (the visitor's own send is submit-opinion.ts).
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpinionFilters, OpinionListParams } from '../domain/dashboard';
import { getOpinion } from '../parse/opinion-detail';
import { countOpinions, listOpinions } from '../parse/opinion-list';
import { deleteOpinions, setReviewed } from '../parse/opinion-triage';
import { rejectingWithAppError } from './app-error';

/**
 * Enables a costly query that runs only when staff ask (`refetch`) once it has an answer: a change
 * of the opinions, which invalidates it, then counts again rather than leave a wrong figure.
 */
export const askedFor = (query: { state: { data: unknown } }) => query.state.data !== undefined;

export const opinionQueries = {
  all: () => ['opinions'] as const,
  lists: () => [...opinionQueries.all(), 'list'] as const,
  /** One page of the list; the previous page stays on screen while the next one loads. */
  list: (params: OpinionListParams) =>
    queryOptions({
      queryKey: [...opinionQueries.lists(), params] as const,
      queryFn: () => rejectingWithAppError(() => listOpinions(params)),
      placeholderData: keepPreviousData,
    }),
  /**
   * The exact count of a filtered set, past the list's bound: asked for by staff, never by itself;
   * once it has been, kept true as the opinions change (askedFor).
   */
  count: (filters: OpinionFilters) =>
    queryOptions({
      queryKey: [...opinionQueries.all(), 'count', filters] as const,
      queryFn: () => rejectingWithAppError(() => countOpinions(filters)),
      enabled: askedFor,
    }),
  details: () => [...opinionQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...opinionQueries.details(), id] as const,
      queryFn: () => rejectingWithAppError(() => getOpinion(id)),
    }),
};

export function useOpinionList(params: OpinionListParams) {
  return useQuery(opinionQueries.list(params));
}

/** The exact count of the filtered set, once `countExactly` asked for it (for these filters). */
export function useExactCount(filters: OpinionFilters) {
  const query = useQuery(opinionQueries.count(filters));
  return { count: query.data, counting: query.isFetching, countExactly: () => void query.refetch() };
}

export function useOpinion(id: string) {
  return useQuery(opinionQueries.detail(id));
}

/** Whatever the action did, everything shown of the opinions (list, detail, stats) is read again. */
export function useSetReviewed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, reviewed }: { ids: readonly string[]; reviewed: boolean }) =>
      rejectingWithAppError(() => setReviewed(ids, reviewed)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: opinionQueries.all() }),
  });
}

export function useDeleteOpinions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[]) => rejectingWithAppError(() => deleteOpinions(ids)),
    onSuccess: (_result, ids) => {
      for (const id of ids) queryClient.removeQueries({ queryKey: opinionQueries.detail(id).queryKey });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: opinionQueries.all() }),
  });
}
