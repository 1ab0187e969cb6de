import { useCallback } from 'react';
import { hashKey, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { User } from '../domain/user';
import {
  changePassword,
  clearLocalSession,
  deleteAccount,
  fetchSession,
  logIn,
  logOut,
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  signUp,
  updateProfile,
  type ProfileChanges,
  type SignUpInput,
} from '../parse/auth';

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
function forgetUser(queryClient: QueryClient, reason?: SessionEnd) {
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

function useSignedIn() {
  const queryClient = useQueryClient();
  return (user: User) => {
    // A different account may have been open on this device a moment ago.
    forgetUser(queryClient);
    queryClient.setQueryData(authQueries.session().queryKey, user);
  };
}

export function useLogIn() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => logIn(username, password),
    onSuccess: signedIn,
  });
}

export function useSignUp() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: (input: SignUpInput) => signUp(input), onSuccess: signedIn });
}

/**
 * Where the user goes next (`leave`) is reached before the user is forgotten: a page that
 * needs a user would otherwise send them to the login page first.
 */
interface Leaving {
  leave: () => Promise<void> | void;
}

export function useLogOut({ leave }: Leaving) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    // Even when the server could not be told, this device has forgotten the session.
    onSettled: async () => {
      await leave();
      forgetUser(queryClient, 'logged-out');
    },
  });
}

export function useRequestEmailVerification() {
  return useMutation({ mutationFn: (email: string) => requestEmailVerification(email) });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => requestPasswordReset(email) });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ token, password }: { token: string; password: string }) => resetPassword(token, password),
    // The server ended every session of the account; if this device had one, it is dead now.
    onSuccess: () => endExpiredSession(queryClient),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProfileChanges) => updateProfile(changes),
    onSuccess: (user) => queryClient.setQueryData(authQueries.session().queryKey, user),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      changePassword(currentPassword, newPassword),
  });
}

export function useDeleteAccount({ leave }: Leaving) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: async () => {
      await leave();
      forgetUser(queryClient, 'deleted');
    },
  });
}

/** Asks the server again who is signed in, e.g. after their email was verified in another tab. */
export function useRefreshSession() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: authQueries.session().queryKey }), [queryClient]);
}
