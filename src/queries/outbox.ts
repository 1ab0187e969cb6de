import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getOutbox, type OutboxEntry, type SendResult } from '../device/outbox';
import { isTransient } from '../domain/errors';
import { createOpinion } from '../parse/opinions';
import { toAppError } from '../parse/errors';

export interface OutboxStatus {
  /** Opinions saved on this device that will be sent. */
  readonly waiting: number;
  /** Opinions the server refused: they need the visitor, not a retry. */
  readonly rejected: readonly OutboxEntry[];
}

export const outboxQueries = {
  status: () =>
    queryOptions({
      queryKey: ['outbox'] as const,
      queryFn: async (): Promise<OutboxStatus> => {
        const entries = await getOutbox().list();
        return {
          waiting: entries.filter((entry) => entry.rejectedBecause === undefined).length,
          rejected: entries.filter((entry) => entry.rejectedBecause !== undefined),
        };
      },
      staleTime: Infinity,
      networkMode: 'always',
    }),
};

export function useOutboxStatus() {
  return useQuery(outboxQueries.status());
}

export async function sendOutboxEntry(entry: OutboxEntry): Promise<SendResult> {
  try {
    await createOpinion({ ...entry.opinion, submissionId: entry.submissionId });
    return 'sent';
  } catch (error) {
    const appError = toAppError(error);
    return isTransient(appError) ? 'retry-later' : { rejectedBecause: appError.message };
  }
}

/**
 * Keeps sending what waits in the outbox: at app start, when the browser comes back
 * online, and on a timer that follows each entry's backoff. Mounted once, in the shell.
 */
export function useOutboxSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const flush = async (everything: boolean) => {
      clearTimeout(timer);
      try {
        const result = await getOutbox().flush(sendOutboxEntry, { everything });
        if (stopped) return;
        if (result.nextAttemptAt !== null) {
          timer = setTimeout(() => void flush(false), Math.max(1_000, result.nextAttemptAt - Date.now()));
        }
      } catch {
        // No IndexedDB on this device: nothing can be waiting in it either.
      }
      void queryClient.invalidateQueries({ queryKey: outboxQueries.status().queryKey });
    };
    const onOnline = () => void flush(true);
    void flush(true);
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [queryClient]);
}
