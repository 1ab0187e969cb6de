import type { AppError } from '../domain/errors';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: AppError;
  }
}
