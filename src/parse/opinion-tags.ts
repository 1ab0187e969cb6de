/** Staff's tags on opinions: setting them on one, and the tags in use (adding one to many is triage: opinion-triage.ts). */
import { CLASS } from '../domain/classes';
import { appError } from '../domain/errors';
import { normalizeTags } from '../domain/tags';
import { getParse, READ_TIMEOUT_MS, type ParseSdk } from './client';
import { toAppError, withTimeout } from './errors';
import { toOpinion, type ParseObject } from './opinion-detail';
import type { Opinion } from '../domain/opinion';

function reference(Parse: ParseSdk, id: string): ParseObject {
  return Parse.Object.extend(CLASS.opinions).createWithoutData(id) as ParseObject;
}

/** One opinion's tags, as a whole; answers the opinion as stored. */
export async function setTags(id: string, tags: readonly string[]): Promise<Opinion> {
  try {
    const Parse = await getParse();
    const opinion = reference(Parse, id);
    opinion.set('tags', normalizeTags(tags));
    return toOpinion(await withTimeout(opinion.save(), READ_TIMEOUT_MS));
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
