/**
 * The staff's opinions: the list, one opinion, and the triage (reviewed, deleted). Staff code:
 * it never loads for a visitor (the visitor's own send is submit-opinion.ts).
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpinionListParams } from '../domain/dashboard';
import { getOpinion } from '../parse/opinion-detail';
import { listOpinions } from '../parse/opinion-list';
import { deleteOpinions, setReviewed } from '../parse/opinion-triage';
import { rejectingWithAppError } from './app-error';

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
