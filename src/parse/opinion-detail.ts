/** One opinion, and the one mapping of an opinion's JSON (REST answer or SDK object) to an `Opinion`. */
import { CLASS } from '../domain/classes';
import { isLanguage } from '../domain/languages';
import type { Opinion } from '../domain/opinion';
import { getParse, READ_TIMEOUT_MS, type ParseSdk } from './client';
import { toAppError, withTimeout } from './errors';

export type ParseObject = InstanceType<ParseSdk['Object']>;

/** An opinion as the REST API answers it, and as `Parse.Object.toJSON()` gives it. */
export interface OpinionJSON {
  readonly objectId?: unknown;
  readonly name?: unknown;
  readonly comment?: unknown;
  readonly willReturn?: unknown;
  readonly reviewed?: unknown;
  readonly language?: unknown;
  readonly createdAt?: unknown;
  readonly tags?: unknown;
}

export function opinionFromJSON(json: OpinionJSON): Opinion {
  return {
    id: typeof json.objectId === 'string' ? json.objectId : '',
    name: typeof json.name === 'string' ? json.name : '',
    comment: typeof json.comment === 'string' ? json.comment : '',
    willReturn: json.willReturn === true,
    reviewed: json.reviewed === true,
    language: isLanguage(json.language) ? json.language : null,
    createdAt: typeof json.createdAt === 'string' && json.createdAt ? new Date(json.createdAt) : new Date(0),
    tags: Array.isArray(json.tags) ? json.tags.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

export function toOpinion(object: ParseObject): Opinion {
  return opinionFromJSON(object.toJSON());
}

/** One opinion; a missing (or deleted) one is a `not-found` error. */
export async function getOpinion(id: string): Promise<Opinion> {
  try {
    const Parse = await getParse();
    return toOpinion(await withTimeout(new Parse.Query(CLASS.opinions).get(id), READ_TIMEOUT_MS));
  } catch (error) {
    throw toAppError(error);
  }
}
