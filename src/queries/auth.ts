import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSession, logIn, logOut } from '../parse/auth';

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

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => logIn(username, password),
    onSuccess: (user) => {
      queryClient.setQueryData(authQueries.session().queryKey, user);
    },
  });
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => {
      // Nothing fetched for this user may be shown to the next one.
      queryClient.clear();
      queryClient.setQueryData(authQueries.session().queryKey, null);
    },
  });
}
