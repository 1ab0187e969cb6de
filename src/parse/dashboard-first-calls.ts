/**
 * What the dashboard asks first when it opens with its default filters (no query in its URL):
 * the shell sends these before any module has run (early-calls.ts), built by the very builders
 * the dashboard's reads use (opinion-list.ts, dashboard-stats.ts), which take their answers.
 */
import { DEFAULT_FILTERS, DEFAULT_LIST_PARAMS, dashboardVisitParams } from '../domain/dashboard';
import { CLASS } from '../domain/classes';
import { functionPath, type EarlyCallSpec } from './early-calls';
import { listQueryJSON } from './opinion-query';
import { findRequest } from './wire';

/** Where the list's queries go: the REST path of the `opinions` class. */
export const OPINIONS_PATH = `classes/${CLASS.opinions}`;

/** The Cloud function that records a dashboard visit, and its REST call. */
export const DASHBOARD_VISIT_FUNCTION = 'dashboardVisit';
export const DASHBOARD_VISIT = functionPath(DASHBOARD_VISIT_FUNCTION);

export function dashboardFirstCalls(): readonly EarlyCallSpec[] {
  return [
    [DASHBOARD_VISIT, dashboardVisitParams(DEFAULT_FILTERS)],
    [OPINIONS_PATH, findRequest(listQueryJSON(DEFAULT_LIST_PARAMS))],
  ];
}
