/**
 * The signed-in user, as every page's shell needs it: checked with the server once per app
 * start, forgotten when the session ends. The account actions are in auth.ts.
 */
import { useCallback } from 'react';
import { hashKey, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { clearLocalSession, fetchSession } from '../parse/session';

export const authQueries = {
  all: () => ['auth'] as const,
  session: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'session'] as const,
      queryFn: fetchSession,
      staleTime: 5 * 60_000,
    }),
};

/** The signed-in user (null when nobody is), checked with the server once per app start. */
export function useSession() {
  return useQuery(authQueries.session());
}

/** Why nobody is signed in any more, so that a guard on the page sends them where the action would. */
export type SessionEnd = 'expired' | 'logged-out' | 'deleted';

const sessionEndKey = () => [...authQueries.all(), 'ended'] as const;

/** Whoever was signed in is gone: nothing fetched for them may be shown to the next person. */
export function forgetUser(queryClient: QueryClient, reason?: SessionEnd) {
  const session = authQueries.session().queryKey;
  // The session query stays, so that whatever shows it (the nav, the guards) hears it is null now.
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(session) });
  if (reason) queryClient.setQueryData(sessionEndKey(), reason);
  queryClient.setQueryData(session, null);
}

/** Why the session ended on this device (read when the user turns out to be null). */
export function useSessionEnd(): SessionEnd | undefined {
  return useQueryClient().getQueryData<SessionEnd>(sessionEndKey());
}

/**
 * The server said the session is dead (209): forget it on this device and drop every cached
 * answer. What the user was typing lives in the forms' drafts, not in this cache.
 */
export async function endExpiredSession(queryClient: QueryClient): Promise<void> {
  await clearLocalSession().catch(() => undefined);
  forgetUser(queryClient, 'expired');
}

/** Asks the server again who is signed in, e.g. after their email was verified in another tab. */
export function useRefreshSession() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: authQueries.session().queryKey }), [queryClient]);
}
