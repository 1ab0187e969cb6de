import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { AppError, isTransient } from '../domain/errors';

export interface QueryClientOptions {
  /** Called when any query or mutation meets a dead session (Parse's 209). */
  onSessionExpired?: (queryClient: QueryClient) => unknown;
}

export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  const onError = (error: unknown) => {
    if (error instanceof AppError && error.kind === 'session-expired') void options.onSessionExpired?.(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retrying only helps when the path to the server failed, not when it said no.
        retry: (failureCount, error) => failureCount < 2 && (!(error instanceof AppError) || isTransient(error)),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
