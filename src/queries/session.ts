/**
 * The signed-in user, as every page's shell needs it: checked with the server once per app
 * start, forgotten when the session ends. The account actions are in auth.ts.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { hashKey, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { User } from '../domain/user';
import { clearLocalSession, fetchSession } from '../parse/session';
import { rejectingWithAppError } from './app-error';

export const authQueries = {
  all: () => ['auth'] as const,
  session: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'session'] as const,
      queryFn: () => rejectingWithAppError(fetchSession),
      staleTime: 5 * 60_000,
    }),
};

/** The signed-in user (null when nobody is), checked with the server once per app start. */
export function useSession() {
  return useQuery(authQueries.session());
}

/**
 * Why the session ended on this device. The action that ended it (log-out, deletion, the
 * session-expiry handler) takes the user where that leads; a page that needed the user only
 * has to know not to send them elsewhere meanwhile.
 */
export type SessionEnd = 'expired' | 'logged-out' | 'deleted';

/**
 * Client state, so not in the query cache: one small store per app, i.e. per query client
 * (a test renders a new app with a new client, and starts with no ending).
 */
interface SessionEndStore {
  reason: SessionEnd | null;
  readonly listeners: Set<() => void>;
}

const sessionEnds = new WeakMap<QueryClient, SessionEndStore>();

function sessionEndStore(queryClient: QueryClient): SessionEndStore {
  let store = sessionEnds.get(queryClient);
  if (!store) {
    store = { reason: null, listeners: new Set() };
    sessionEnds.set(queryClient, store);
  }
  return store;
}

function setSessionEnd(queryClient: QueryClient, reason: SessionEnd | null) {
  const store = sessionEndStore(queryClient);
  if (store.reason === reason) return;
  store.reason = reason;
  for (const listener of store.listeners) listener();
}

/** Why the session ended on this device, or null while it has not since the last sign-in. */
export function useSessionEnd(): SessionEnd | null {
  const store = sessionEndStore(useQueryClient());
  const subscribe = useCallback(
    (listener: () => void) => {
      store.listeners.add(listener);
      return () => store.listeners.delete(listener);
    },
    [store],
  );
  const read = () => store.reason;
  return useSyncExternalStore(subscribe, read, read);
}

/** Someone signed in on this device: a different account may have been open a moment ago. */
export function signedIn(queryClient: QueryClient, user: User) {
  forgetUser(queryClient);
  setSessionEnd(queryClient, null);
  queryClient.setQueryData(authQueries.session().queryKey, user);
}

/** Whoever was signed in is gone: nothing fetched for them may be shown to the next person. */
export function forgetUser(queryClient: QueryClient, reason?: SessionEnd) {
  const session = authQueries.session().queryKey;
  // Told first, the guards take down the pages whose queries would otherwise ask again, for
  // nobody, what is removed below. The session query stays: whatever shows it hears it is null.
  if (reason) setSessionEnd(queryClient, reason);
  queryClient.setQueryData(session, null);
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(session) });
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
