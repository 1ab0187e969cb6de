/** Every opinion of a filtered set, for the CSV export. */
import type { OpinionFilters } from '../domain/dashboard';
import { cursorAfter, EXPORT_PAGE_SIZE, type ExportCursor } from '../domain/export-pages';
import { appError } from '../domain/errors';
import type { Opinion } from '../domain/opinion';
import { getParse, READ_TIMEOUT_MS } from './client';
import { toAppError, withTimeout } from './errors';
import { toOpinion } from './opinion-detail';
import { filteredQuery } from './opinion-list';

/** Every opinion of the filtered set, newest first, fetched in pages (domain/export-pages.ts). */
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
    let cursor: ExportCursor | undefined;
    for (;;) {
      if (signal?.aborted) throw appError('unknown');
      const query = filteredQuery(Parse, filters).descending('createdAt').addDescending('objectId').limit(EXPORT_PAGE_SIZE);
      if (cursor) query.lessThanOrEqualTo('createdAt', cursor.createdAt).skip(cursor.tied);
      const page = (await withTimeout(query.find(), READ_TIMEOUT_MS)).map(toOpinion);
      opinions.push(...page);
      onProgress(opinions.length, Math.max(total, opinions.length));
      cursor = cursorAfter(cursor, page);
      if (!cursor) return opinions;
    }
  } catch (error) {
    throw toAppError(error);
  }
}
