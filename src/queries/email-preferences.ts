/** The staff emails a user receives: read and saved on the account page. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailPreferences } from '../domain/email-preferences';
import { fetchEmailPreferences, saveEmailPreferences, unsubscribeByToken } from '../parse/email-preferences';
import { rejectingWithAppError } from './app-error';

export const emailPreferenceQueries = {
  all: () => ['email-preferences'] as const,
  /** Each user's own: a log-in as someone else on this device must not show the last one's. */
  mine: (userId: string) =>
    queryOptions({
      queryKey: [...emailPreferenceQueries.all(), userId] as const,
      queryFn: () => rejectingWithAppError(fetchEmailPreferences),
    }),
};

export function useEmailPreferences(userId: string) {
  return useQuery(emailPreferenceQueries.mine(userId));
}

/** Saves them; what the server stored becomes the query's data. */
export function useSaveEmailPreferences(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: EmailPreferences) => rejectingWithAppError(() => saveEmailPreferences(preferences)),
    onSuccess: (saved) => queryClient.setQueryData(emailPreferenceQueries.mine(userId).queryKey, saved),
  });
}

/** An unsubscribe link's token, sent: what this device showed of anyone's preferences is stale. */
export function useUnsubscribe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => rejectingWithAppError(() => unsubscribeByToken(token)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: emailPreferenceQueries.all() }),
  });
}
