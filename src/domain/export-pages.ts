/**
 * The CSV export's pages: every opinion of a filtered set, newest first, in pages that follow a
 * cursor rather than a growing skip.
 *
 * The next page asks for opinions created *at or before* the last one exported, and skips those
 * of that same instant already exported. A single range on `createdAt` is what its index answers
 * directly: the page costs the same at the end of a million rows as at the start. (The
 * `createdAt < t OR (createdAt = t AND objectId < id)` it replaces made PostgreSQL walk every
 * newer row again for each page: the export of a million took 13 minutes.)
 */

export const EXPORT_PAGE_SIZE = 1000;

/** Where the next page starts. */
export interface ExportCursor {
  /** The last exported opinion's creation time. */
  readonly createdAt: Date;
  /** How many exported opinions were created at that very instant: the next page skips them. */
  readonly tied: number;
}

/**
 * The cursor after a page, given in (createdAt, objectId) order, newest first; undefined when
 * the page was the last one (not full).
 */
export function cursorAfter(
  previous: ExportCursor | undefined,
  page: readonly { readonly createdAt: Date }[],
): ExportCursor | undefined {
  const last = page.at(-1);
  if (page.length < EXPORT_PAGE_SIZE || !last) return undefined;
  const at = last.createdAt.getTime();
  const inPage = page.filter((opinion) => opinion.createdAt.getTime() === at).length;
  // A page all of one instant continues the previous page's run of it.
  const before = previous && previous.createdAt.getTime() === at ? previous.tied : 0;
  return { createdAt: last.createdAt, tied: before + inPage };
}
