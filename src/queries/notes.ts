/** Staff's notes on an opinion. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addNote, deleteNote, editNote, listNotes } from '../parse/opinion-notes';
import { rejectingWithAppError } from './app-error';

export const noteQueries = {
  all: () => ['notes'] as const,
  list: (opinionId: string) =>
    queryOptions({
      queryKey: [...noteQueries.all(), opinionId] as const,
      queryFn: () => rejectingWithAppError(() => listNotes(opinionId)),
    }),
};

export function useNotes(opinionId: string) {
  return useQuery(noteQueries.list(opinionId));
}

/** Whatever the change did, the opinion's notes are read again. */
function useNoteMutation<V>(opinionId: string, run: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => rejectingWithAppError(() => run(variables)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noteQueries.list(opinionId).queryKey }),
  });
}

export function useAddNote(opinionId: string) {
  return useNoteMutation(opinionId, (text: string) => addNote(opinionId, text));
}

export function useEditNote(opinionId: string) {
  return useNoteMutation(opinionId, ({ id, text }: { id: string; text: string }) => editNote(id, text));
}

export function useDeleteNote(opinionId: string) {
  return useNoteMutation(opinionId, (id: string) => deleteNote(id));
}
