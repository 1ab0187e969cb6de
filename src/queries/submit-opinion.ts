import { useMutation, useQueryClient } from '@tanstack/react-query';
import { noteDelivered } from '../device/deliveries';
import { getOutbox } from '../device/outbox';
import { isTransient } from '../domain/errors';
import type { ValidOpinion } from '../domain/opinion';
import { pageLanguage } from '../i18n/page-language';
import { toAppError } from '../parse/errors';
import { createOpinion } from '../parse/opinions';
import { outboxQueries } from './outbox';

/**
 * `sent`: the server confirmed it. `queued`: kept on this device, to be sent later;
 * `rate-limited` too, because this device sent many in a short time.
 */
export type SubmitOutcome = 'sent' | 'queued' | 'rate-limited';

/**
 * Sends a visitor's opinion under its submission id (made of its draft's id and its content:
 * see submission-id.ts); when the way to the server fails (offline, timeout, 5xx, 429) the
 * opinion goes into the device's outbox instead of being lost. The language it was written in
 * is read as it is sent, and travels with it into the outbox.
 */
export function useSubmitOpinion() {
  const queryClient = useQueryClient();
  return useMutation({
    // The form must answer even when the browser believes it is offline: that is exactly
    // when the opinion has to go into the outbox.
    networkMode: 'always',
    mutationFn: async (written: ValidOpinion & { submissionId: string }): Promise<SubmitOutcome> => {
      const opinion = { ...written, language: pageLanguage() };
      try {
        await createOpinion(opinion);
        noteDelivered();
        return 'sent';
      } catch (caught) {
        const error = toAppError(caught);
        if (!isTransient(error)) throw error;
        try {
          await getOutbox().add(opinion.submissionId, opinion);
        } catch {
          // The outbox could not keep it: the visitor sends it again from the form, where it still is.
          throw error;
        }
        return error.kind === 'rate-limited' ? 'rate-limited' : 'queued';
      }
    },
    // Not awaited: the visitor's answer (the thank-you) does not wait for the outbox to be read again.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: outboxQueries.status().queryKey });
    },
  });
}
