/**
 * What the dashboard asks first when it opens with its default filters (no query in its URL):
 * the shell sends these before any module has run (early-calls.ts), and the dashboard's reads
 * (dashboard.ts) take their answers. No SDK and no configuration here: the build reads it.
 */
// With their extensions, as the build's own imports: the Vite config loads this file.
import { DEFAULT_FILTERS, DEFAULT_LIST_PARAMS, dashboardVisitParams } from '../domain/dashboard.ts';
import { CLASS } from '../domain/classes.ts';
import type { EarlyCallSpec } from './early-calls.ts';

/** Where the list's queries go: the REST path of the `opinions` class. */
export const OPINIONS_PATH = `classes/${CLASS.opinions}`;

/**
 * The query of the default list's first page, as the SDK sends it (`listQuery(...).toJSON()`
 * in dashboard.ts: a unit test keeps the two equal).
 */
export const FIRST_PAGE_QUERY = { where: {}, count: 1, limit: DEFAULT_LIST_PARAMS.pageSize, order: '-createdAt,-objectId' };

export const DASHBOARD_FIRST_CALLS: readonly EarlyCallSpec[] = [
  ['functions/dashboardVisit', dashboardVisitParams(DEFAULT_FILTERS, 'UTC')],
  // A find is a GET the SDK sends as a POST: a GET's query string would need a preflight for its headers.
  [OPINIONS_PATH, { ...FIRST_PAGE_QUERY, _method: 'GET' }],
];
