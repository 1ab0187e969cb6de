/** The visitor's side of the `opinions` class: storing an opinion. Staff code is in ./dashboard. */
import type { ValidOpinion } from '../domain/opinion';
import { getParse } from './client';
import { toAppError, withTimeout } from './errors';

export const OPINIONS_CLASS = 'opinions';

/** How long a visitor waits for the server before the opinion is kept on the device instead. */
export const SUBMIT_TIMEOUT_MS = 10_000;

/**
 * Stores a visitor's opinion once. Sending the same submission id again (a retry after a
 * lost answer) is refused by the server as a duplicate, which means it is already stored.
 */
export async function createOpinion(opinion: ValidOpinion & { submissionId: string }): Promise<void> {
  try {
    const Parse = await getParse();
    const object = new Parse.Object(OPINIONS_CLASS);
    object.set({
      name: opinion.name,
      comment: opinion.comment,
      willReturn: opinion.willReturn,
      submissionId: opinion.submissionId,
    });
    await withTimeout(object.save(), SUBMIT_TIMEOUT_MS);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind === 'duplicate') return;
    throw appError;
  }
}
