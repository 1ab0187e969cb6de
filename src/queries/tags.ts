/** Staff's tags on opinions: the tags in use (suggestions), one opinion's tags, a tag added to many. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setTags, tagsInUse } from '../parse/opinion-tags';
import { addTag } from '../parse/opinion-triage';
import { rejectingWithAppError } from './app-error';
import { opinionQueries } from './opinions';

export const tagQueries = {
  all: () => ['tags'] as const,
  inUse: () =>
    queryOptions({
      queryKey: [...tagQueries.all(), 'in-use'] as const,
      queryFn: () => rejectingWithAppError(tagsInUse),
    }),
};

/** The suggestions, asked for only once someone is about to type a tag. */
export function useTagsInUse(enabled: boolean) {
  return useQuery({ ...tagQueries.inUse(), enabled });
}

/** Whatever a change did, the opinions and the tags in use are read again. */
function useInvalidateTagged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: opinionQueries.all() }),
      queryClient.invalidateQueries({ queryKey: tagQueries.all() }),
    ]);
}

export function useSetTags() {
  const invalidate = useInvalidateTagged();
  return useMutation({
    mutationFn: ({ id, tags }: { id: string; tags: readonly string[] }) => rejectingWithAppError(() => setTags(id, tags)),
    onSettled: invalidate,
  });
}

export function useAddTag() {
  const invalidate = useInvalidateTagged();
  return useMutation({
    mutationFn: ({ ids, tag }: { ids: readonly string[]; tag: string }) => rejectingWithAppError(() => addTag(ids, tag)),
    onSettled: invalidate,
  });
}
