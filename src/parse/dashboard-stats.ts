/** The dashboard's stats, computed on the server (staff only), and the visits they count from. */
import { dashboardVisitParams, toStatsRequest, type DashboardStats, type OpinionFilters } from '../domain/dashboard';
import { getParse, READ_TIMEOUT_MS } from './client';
import { DASHBOARD_VISIT, DASHBOARD_VISIT_FUNCTION } from './dashboard-first-calls';
import { earlyOrAsk } from './early-calls';
import { toAppError, withTimeout } from './errors';
import { storedSessionToken } from './session';

/**
 * Totals, opinions per day and per hour of the week for the filtered set, in the venue's time
 * zone, computed on the server (staff only); a search's over its newest matches unless
 * `allMatches` (DashboardStats.countedFrom).
 */
export async function fetchDashboardStats(filters: OpinionFilters, since: Date | null, allMatches = false): Promise<DashboardStats> {
  try {
    const Parse = await getParse();
    const request = toStatsRequest(filters, since, allMatches);
    return (await withTimeout(Parse.Cloud.run('dashboardStats', request), READ_TIMEOUT_MS)) as DashboardStats;
  } catch (error) {
    throw toAppError(error);
  }
}

export interface DashboardVisit {
  /** When this staff member last looked before (null: never). */
  readonly previous: Date | null;
  /**
   * The stats of `filters`, new since `previous`: the dashboard being opened needs no second
   * round trip. Null from a server whose Cloud Code predates them.
   */
  readonly stats: DashboardStats | null;
}

/**
 * Records that this staff member is looking now, and answers when they last looked before, with
 * the stats of `filters`. Opening the dashboard, the shell has sent this call already (see
 * early-calls.ts): its answer is this one, whatever filters it was sent with, since the visit
 * must be recorded once; its stats count only when those filters are these.
 */
export async function recordDashboardVisit(filters: OpinionFilters): Promise<DashboardVisit> {
  try {
    // Their `since` is the server's to fill in: the previous visit.
    const params = dashboardVisitParams(filters);
    const visit = earlyOrAsk<unknown>({
      path: DASHBOARD_VISIT,
      params,
      sessionToken: storedSessionToken(),
      // The visit is recorded once: the shell's, whatever filters it was sent with.
      anyParams: true,
      read: (body) => body.result,
      ask: () => getParse().then((Parse): Promise<unknown> => Parse.Cloud.run(DASHBOARD_VISIT_FUNCTION, params)),
    });
    const { value, asAsked } = await withTimeout(visit, READ_TIMEOUT_MS);
    const answer = typeof value === 'object' && value !== null ? value : {};
    const previous = 'previous' in answer && typeof answer.previous === 'string' ? new Date(answer.previous) : null;
    // Its stats count only when they are of these filters; the server's Cloud Code computes their shape.
    const stats = asAsked && 'stats' in answer && typeof answer.stats === 'object' ? (answer.stats as DashboardStats | null) : null;
    return { previous, stats };
  } catch (error) {
    throw toAppError(error);
  }
}
