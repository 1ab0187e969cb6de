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

/** The REST call of a dashboard visit. */
export const DASHBOARD_VISIT = functionPath('dashboardVisit');

export function dashboardFirstCalls(timeZone: string): readonly EarlyCallSpec[] {
  return [
    [DASHBOARD_VISIT, dashboardVisitParams(DEFAULT_FILTERS, timeZone)],
    [OPINIONS_PATH, findRequest(listQueryJSON(DEFAULT_LIST_PARAMS))],
  ];
}
