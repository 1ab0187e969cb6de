/** The account actions (log in, sign up, profile, password, deletion) as mutations. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '../domain/user';
import {
  changePassword,
  deleteAccount,
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
import { authQueries, endExpiredSession, forgetUser } from './session';

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
