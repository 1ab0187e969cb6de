import { toAppError } from '../parse/errors';

/**
 * Runs a query's or a mutation's work so that it rejects only with an AppError, as register.ts
 * promises every page: whatever a call below throws (the SDK, IndexedDB, a download) is mapped here.
 */
export async function rejectingWithAppError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error);
  }
}
