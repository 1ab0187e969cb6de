/** The visitor's side of the `opinions` class: storing an opinion. Staff code is in ./dashboard. */
import { OPINION_FUNCTION } from '../domain/classes';
import type { SentOpinion } from '../domain/opinion';
import { toAppError, withTimeout } from './errors';
import { restRequest } from './rest';

/** How long a visitor waits for the server before the opinion is kept on the device instead. */
export const SUBMIT_TIMEOUT_MS = 10_000;

/**
 * Stores a visitor's opinion once. Sending the same submission id again (a retry after a
 * lost answer) is refused by the server as a duplicate, which means it is already stored.
 * Sent without the SDK (rest.ts), and without anybody's session: an opinion is anonymous,
 * whoever is signed in on the device, and a session that has expired cannot refuse it.
 */
export async function createOpinion(opinion: SentOpinion & { submissionId: string }): Promise<void> {
  try {
    const { name, comment, willReturn, submissionId, language } = opinion;
    const body = { name, comment, willReturn, submissionId, language };
    await withTimeout(restRequest(`functions/${OPINION_FUNCTION.submit}`, body), SUBMIT_TIMEOUT_MS);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind === 'duplicate') return;
    throw appError;
  }
}
