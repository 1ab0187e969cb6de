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
import { pageLanguage } from '../i18n/page-language';
import { rejectingWithAppError } from './app-error';
import { authQueries, endExpiredSession, forgetUser, signedIn } from './session';

function useSignedIn() {
  const queryClient = useQueryClient();
  return (user: User) => signedIn(queryClient, user);
}

export function useLogIn() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      rejectingWithAppError(() => logIn(username, password, pageLanguage())),
    onSuccess: signedIn,
  });
}

export function useSignUp() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: (input: SignUpInput) => rejectingWithAppError(() => signUp(input, pageLanguage())), onSuccess: signedIn });
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
    mutationFn: () => rejectingWithAppError(logOut),
    // Even when the server could not be told, this device has forgotten the session.
    onSettled: async () => {
      await leave();
      forgetUser(queryClient, 'logged-out');
    },
  });
}

export function useRequestEmailVerification() {
  return useMutation({ mutationFn: (email: string) => rejectingWithAppError(() => requestEmailVerification(email)) });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => rejectingWithAppError(() => requestPasswordReset(email)) });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ token, password }: { token: string; password: string }) =>
      rejectingWithAppError(() => resetPassword(token, password)),
    // The server ended every session of the account; if this device had one, it is dead now.
    onSuccess: () => endExpiredSession(queryClient),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProfileChanges) => rejectingWithAppError(() => updateProfile(changes)),
    onSuccess: (user) => queryClient.setQueryData(authQueries.session().queryKey, user),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      rejectingWithAppError(() => changePassword(currentPassword, newPassword)),
  });
}

export function useDeleteAccount({ leave }: Leaving) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => rejectingWithAppError(deleteAccount),
    onSuccess: async () => {
      await leave();
      forgetUser(queryClient, 'deleted');
    },
  });
}
