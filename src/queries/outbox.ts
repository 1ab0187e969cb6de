import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { lastDeliveredAt, noteDelivered } from '../device/deliveries';
import { getOutbox, isRejected, type OutboxEntry, type SendResult } from '../device/outbox';
import { isTransient } from '../domain/errors';
import { createOpinion } from '../parse/opinions';
import { toAppError } from '../parse/errors';
import { rejectingWithAppError } from './app-error';

export interface OutboxStatus {
  /** Opinions saved on this device that will be sent. */
  readonly waiting: number;
  /** Opinions the server refused: they need the visitor, not a retry. */
  readonly rejected: readonly OutboxEntry[];
  /** When the next waiting opinion is due to be sent again, or null. */
  readonly nextAttemptAt: number | null;
  /** When this device last delivered an opinion, or null. */
  readonly lastDeliveredAt: number | null;
}

async function readStatus(): Promise<OutboxStatus> {
  const entries = await getOutbox().list();
  const waiting = entries.filter((entry) => !isRejected(entry));
  return {
    waiting: waiting.length,
    rejected: entries.filter(isRejected),
    nextAttemptAt: waiting.length ? Math.min(...waiting.map((entry) => entry.nextAttemptAt)) : null,
    lastDeliveredAt: lastDeliveredAt(),
  };
}

export const outboxQueries = {
  status: () =>
    queryOptions({
      queryKey: ['outbox'] as const,
      queryFn: () => rejectingWithAppError(readStatus),
      staleTime: Infinity,
      networkMode: 'always',
    }),
};

export function useOutboxStatus() {
  return useQuery(outboxQueries.status());
}

/** Takes an opinion the server refused out of the outbox, so that the visitor can mend it in the form. */
export function useTakeBackRejected() {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (submissionId: string) => rejectingWithAppError(() => getOutbox().remove(submissionId)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxQueries.status().queryKey }),
  });
}

export async function sendOutboxEntry(entry: OutboxEntry): Promise<SendResult> {
  try {
    await createOpinion({ ...entry.opinion, submissionId: entry.submissionId });
    return 'sent';
  } catch (error) {
    const appError = toAppError(error);
    return isTransient(appError) ? 'retry-later' : { rejectedBecause: appError.kind };
  }
}

/**
 * Keeps sending what waits in the outbox: at app start, when the browser comes back
 * online, and when the next entry's backoff is over. Mounted once, in the shell (OutboxSync).
 */
export function useOutboxSync(): void {
  const queryClient = useQueryClient();
  const nextAttemptAt = useOutboxStatus().data?.nextAttemptAt ?? null;

  const flush = useCallback(
    async (everything: boolean) => {
      const result = await getOutbox()
        .flush(sendOutboxEntry, { everything })
        // No IndexedDB on this device: nothing can be waiting in it either.
        .catch(() => undefined);
      if (result?.sent) noteDelivered();
      await queryClient.invalidateQueries({ queryKey: outboxQueries.status().queryKey });
    },
    [queryClient],
  );

  useEffect(() => {
    const onOnline = () => void flush(true);
    void flush(true);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [flush]);

  useEffect(() => {
    if (nextAttemptAt === null) return;
    const timer = setTimeout(() => void flush(false), Math.max(1_000, nextAttemptAt - Date.now()));
    return () => clearTimeout(timer);
  }, [nextAttemptAt, flush]);
}

/** useOutboxSync as a component that renders nothing, so that the shell can load it lazily. */
export function OutboxSync() {
  useOutboxSync();
  return null;
}
