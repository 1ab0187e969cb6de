/** The staff's triage of opinions: marking them reviewed, tagging them, deleting them. */
import { CLASS, OPINION_FUNCTION, OPINIONS_PER_CALL } from '../domain/classes';
import { AppError } from '../domain/errors';
import { normalizeTag } from '../domain/tags';
import { getParse, type ParseSdk } from './client';
import { toAppError } from './errors';
import type { ParseObject } from './opinion-detail';

function references(Parse: ParseSdk, ids: readonly string[]): ParseObject[] {
  const Opinions = Parse.Object.extend(CLASS.opinions);
  return ids.map((id) => Opinions.createWithoutData(id) as ParseObject);
}

/** Parse's "object not found": here, an opinion that someone else deleted meanwhile. */
const OBJECT_NOT_FOUND = 101;

/** What failed in a batch: the items of the SDK's aggregate error, or the error itself. */
function batchFailures(error: unknown): unknown[] {
  const { errors } = (error ?? {}) as { errors?: unknown };
  return Array.isArray(errors) && errors.length > 0 ? errors : [error];
}

function isGone(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === OBJECT_NOT_FOUND;
}

/** Parse's "validation error", as the triage answers an opinion that holds its 20 tags already. */
const VALIDATION_ERROR = 142;

function isFull(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === VALIDATION_ERROR;
}

/**
 * One change to each of these opinions, through the triage function (server/cloud/opinions.ts),
 * OPINIONS_PER_CALL opinions a call.
 */
async function changeAll(ids: readonly string[], change: { reviewed: boolean } | { addTag: string }): Promise<void> {
  // A call that changed all but some (deleted meanwhile, or holding their 20 tags) says so; the
  // next calls go on, and the first such refusal is told once they are done.
  let partly: unknown;
  try {
    const Parse = await getParse();
    for (let start = 0; start < ids.length; start += OPINIONS_PER_CALL) {
      await Parse.Cloud.run(OPINION_FUNCTION.triage, { ids: ids.slice(start, start + OPINIONS_PER_CALL), ...change }).catch((error: unknown) => {
        if (!isGone(error) && !isFull(error)) throw error;
        partly ??= error;
      });
    }
  } catch (error) {
    throw toAppError(error);
  }
  // Which were changed, the list (read again after any action) shows.
  if (partly !== undefined) throw isGone(partly) ? new AppError('deleted-meanwhile') : toAppError(partly);
}

/** Marks opinions reviewed (or not). */
export function setReviewed(ids: readonly string[], reviewed: boolean): Promise<void> {
  return changeAll(ids, { reviewed });
}

/** Adds one tag to each of these opinions, keeping the tags they have. */
export async function addTag(ids: readonly string[], tag: string): Promise<void> {
  const tidy = normalizeTag(tag);
  if (!tidy) throw new AppError('validation');
  return changeAll(ids, { addTag: tidy });
}

/**
 * Deletes opinions, in /batch requests. One that someone else deleted meanwhile is gone, as
 * asked: not a failure. Any other refusal is, in words.
 */
export async function deleteOpinions(ids: readonly string[]): Promise<void> {
  try {
    const Parse = await getParse();
    await Parse.Object.destroyAll(references(Parse, ids), { batchSize: OPINIONS_PER_CALL });
  } catch (error) {
    const failures = batchFailures(error);
    if (failures.every(isGone)) return;
    throw toAppError(failures.find((failure) => !isGone(failure)));
  }
}
