/** Every opinion of a filtered set, for the CSV export. */
import type { OpinionFilters } from '../domain/dashboard';
import { CLASS } from '../domain/classes';
import { appError } from '../domain/errors';
import type { Opinion } from '../domain/opinion';
import { getParse, READ_TIMEOUT_MS } from './client';
import { toAppError, withTimeout } from './errors';
import { toOpinion, type ParseObject } from './opinion-detail';
import { filteredQuery } from './opinion-list';

const EXPORT_PAGE_SIZE = 1000;

/**
 * Every opinion of the filtered set, newest first, fetched in pages. Pages follow a
 * (createdAt, objectId) cursor instead of a growing skip, which PostgreSQL would have to walk.
 */
export async function fetchAllOpinions(
  filters: OpinionFilters,
  onProgress: (fetched: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Opinion[]> {
  try {
    const Parse = await getParse();
    const total = await withTimeout(filteredQuery(Parse, filters).count(), READ_TIMEOUT_MS);
    onProgress(0, total);
    const opinions: Opinion[] = [];
    let cursor: ParseObject | undefined;
    for (;;) {
      if (signal?.aborted) throw appError('unknown');
      let query = filteredQuery(Parse, filters);
      if (cursor?.createdAt) {
        const before = new Parse.Query(CLASS.opinions).lessThan('createdAt', cursor.createdAt);
        const sameTime = new Parse.Query(CLASS.opinions)
          .equalTo('createdAt', cursor.createdAt)
          .lessThan('objectId', cursor.id);
        query = Parse.Query.and(query, Parse.Query.or(before, sameTime));
      }
      query.descending('createdAt').addDescending('objectId').limit(EXPORT_PAGE_SIZE);
      const page = await withTimeout(query.find(), READ_TIMEOUT_MS);
      opinions.push(...page.map(toOpinion));
      onProgress(opinions.length, Math.max(total, opinions.length));
      if (page.length < EXPORT_PAGE_SIZE) return opinions;
      cursor = page[page.length - 1];
    }
  } catch (error) {
    throw toAppError(error);
  }
}
