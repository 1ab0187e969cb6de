/** The dashboard's stats, computed on the server (staff only), and the visits they count from. */
import { dashboardVisitParams, isWeekday, toStatsRequest, type DashboardStats, type OpinionFilters } from '../domain/dashboard';
import { isLanguage, type Language } from '../domain/languages';
import { arrayAt, nullableAt, numberAt, objectOf, oneOfAt, stringAt, type Answer } from './answer';
import { getParse, READ_TIMEOUT_MS } from './client';
import { DASHBOARD_VISIT, DASHBOARD_VISIT_FUNCTION } from './dashboard-first-calls';
import { earlyOrAsk } from './early-calls';
import { toAppError, withTimeout } from './errors';
import { storedSessionToken } from './session';

/**
 * An opinion's language as this app knows it: a language a newer server added reads as none,
 * as the server reads an unknown one (the stats still show), where anything else is broken.
 */
function languageAt(answer: Answer, key: string): Language | null {
  const value = nullableAt(answer, key, stringAt);
  return isLanguage(value) ? value : null;
}

/** The answer of `dashboardStats` (and the stats of `dashboardVisit`), as server/dashboard-stats.ts writes it. */
export function toDashboardStats(value: unknown): DashboardStats {
  const answer = objectOf(value);
  const counts = (of: Answer) => ({ total: numberAt(of, 'total'), willReturn: numberAt(of, 'willReturn') });
  return {
    ...counts(answer),
    newSince: nullableAt(answer, 'newSince', numberAt),
    chartFrom: stringAt(answer, 'chartFrom'),
    chartTo: stringAt(answer, 'chartTo'),
    days: arrayAt(answer, 'days', (day) => ({ day: stringAt(day, 'day'), ...counts(day) })),
    languages: arrayAt(answer, 'languages', (split) => ({ language: languageAt(split, 'language'), ...counts(split) })),
    hours: arrayAt(answer, 'hours', (cell) => ({ weekday: oneOfAt(cell, 'weekday', isWeekday), hour: numberAt(cell, 'hour'), ...counts(cell) })),
    timeZone: stringAt(answer, 'timeZone'),
    countedFrom: nullableAt(answer, 'countedFrom', stringAt),
    retention: nullableAt(answer, 'retention', (of, key) => {
      const retention = objectOf(of[key]);
      return { days: numberAt(retention, 'days'), since: stringAt(retention, 'since') };
    }),
  };
}

/**
 * Totals, opinions per day and per hour of the week for the filtered set, in the venue's time
 * zone, computed on the server (staff only); a search's over its newest matches unless
 * `allMatches` (DashboardStats.countedFrom).
 */
export async function fetchDashboardStats(filters: OpinionFilters, since: Date | null, allMatches = false): Promise<DashboardStats> {
  try {
    const Parse = await getParse();
    const request = toStatsRequest(filters, since, allMatches);
    return toDashboardStats(await withTimeout(Parse.Cloud.run('dashboardStats', request), READ_TIMEOUT_MS));
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
    const answer = objectOf(value);
    const previous = nullableAt(answer, 'previous', stringAt);
    // Its stats count only when they are of these filters.
    const stats = asAsked ? nullableAt(answer, 'stats', (of, key) => toDashboardStats(of[key])) : null;
    return { previous: previous === null ? null : new Date(previous), stats };
  } catch (error) {
    throw toAppError(error);
  }
}
