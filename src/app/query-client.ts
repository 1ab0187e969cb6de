import { QueryClient } from '@tanstack/react-query';
import { AppError, isTransient } from '../domain/errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retrying only helps when the path to the server failed, not when it said no.
        retry: (failureCount, error) => failureCount < 2 && (!(error instanceof AppError) || isTransient(error)),
      },
      mutations: { retry: false },
    },
  });
}
