/** Staff's tags on opinions: setting them on one, and the tags in use (adding one to many is triage: opinion-triage.ts). */
import { OPINION_FUNCTION } from '../domain/classes';
import { appError } from '../domain/errors';
import { normalizeTags } from '../domain/tags';
import { getParse, READ_TIMEOUT_MS } from './client';
import { toAppError, withTimeout } from './errors';
import { toOpinion, type ParseObject } from './opinion-detail';
import type { Opinion } from '../domain/opinion';

/** One opinion's tags, as a whole, through the tags function; answers the opinion as stored. */
export async function setTags(id: string, tags: readonly string[]): Promise<Opinion> {
  try {
    const Parse = await getParse();
    const answer: unknown = await withTimeout(Parse.Cloud.run(OPINION_FUNCTION.setTags, { id, tags: normalizeTags(tags) }), READ_TIMEOUT_MS);
    if (!(answer instanceof Parse.Object)) throw appError('server');
    return toOpinion(answer as ParseObject);
  } catch (error) {
    throw toAppError(error);
  }
}

/** Every tag in use, sorted: the tag fields' suggestions. */
export async function tagsInUse(): Promise<string[]> {
  try {
    const Parse = await getParse();
    const answer: unknown = await withTimeout(Parse.Cloud.run('opinionTags', {}), READ_TIMEOUT_MS);
    if (!Array.isArray(answer) || !answer.every((tag): tag is string => typeof tag === 'string')) throw appError('server');
    return answer;
  } catch (error) {
    throw toAppError(error);
  }
}
