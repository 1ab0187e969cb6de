/** Every opinion of a filtered set, for the CSV export. */
import type { OpinionFilters } from '../domain/dashboard';
import { cursorAfter, EXPORT_PAGE_SIZE, type ExportCursor } from '../domain/export-pages';
import { appError } from '../domain/errors';
import type { Opinion } from '../domain/opinion';
import { getParse, READ_TIMEOUT_MS } from './client';
import { toAppError, withTimeout } from './errors';
import { toOpinion } from './opinion-detail';
import { filteredQuery } from './opinion-list';

/**
 * Every opinion of the filtered set, newest first, handed to `onPage` a page at a time
 * (domain/export-pages.ts), so that no one keeps them all; resolves to how many there were.
 */
export async function forEachOpinionPage(
  filters: OpinionFilters,
  { onPage, onProgress }: {
    onPage: (page: readonly Opinion[]) => Promise<void>;
    onProgress: (fetched: number, total: number) => void;
  },
  signal?: AbortSignal,
): Promise<number> {
  try {
    const Parse = await getParse();
    const total = await withTimeout(filteredQuery(Parse, filters).count(), READ_TIMEOUT_MS);
    onProgress(0, total);
    let fetched = 0;
    let cursor: ExportCursor | undefined;
    do {
      if (signal?.aborted) throw appError('unknown');
      const query = filteredQuery(Parse, filters).descending('createdAt').addDescending('objectId').limit(EXPORT_PAGE_SIZE);
      if (cursor) query.lessThanOrEqualTo('createdAt', cursor.createdAt).skip(cursor.tied);
      const page = (await withTimeout(query.find(), READ_TIMEOUT_MS)).map(toOpinion);
      await onPage(page);
      fetched += page.length;
      onProgress(fetched, Math.max(total, fetched));
      cursor = cursorAfter(cursor, page);
    } while (cursor);
    return fetched;
  } catch (error) {
    throw toAppError(error);
  }
}
