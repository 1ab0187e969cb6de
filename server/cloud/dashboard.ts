/**
 * Cloud Code for the staff dashboard: the stats of a filtered set and the time each staff
 * member last looked. Only the staff role may call them, whatever the client claims.
 */
import {
  CHART_DEFAULT_DAYS,
  CHART_MAX_DAYS,
  SEARCH_MAX,
  literalPattern,
  type DashboardStats,
  type DayCount,
} from '../../src/domain/dashboard.ts';
import { dashboardSql } from '../dashboard-sql.ts';
import { dashboardSignalClass, STAFF_ROLE } from '../schema.ts';
import { serverParse, type FunctionRequest } from './parse-global.ts';

const Parse = serverParse();

/** The _User field that holds when this staff member last opened the dashboard. */
export const SEEN_AT_FIELD = 'dashboardSeenAt';

/** Answers the caller's user id once the staff role is confirmed with the master key. */
async function requireStaff({ user, master }: FunctionRequest<unknown>): Promise<string> {
  if (!user?.id) {
    if (master) throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, 'The dashboard is for staff members.');
    throw new Parse.Error(Parse.Error.INVALID_SESSION_TOKEN, 'Your session expired, please log in again.');
  }
  const membership = await new Parse.Query(Parse.Role)
    .equalTo('name', STAFF_ROLE)
    .equalTo('users', user)
    .first({ useMasterKey: true });
  if (!membership) throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, 'The dashboard is for staff members.');
  return user.id;
}

function invalid(message: string): never {
  throw new Parse.Error(Parse.Error.INVALID_QUERY, message);
}

function instant(value: unknown, name: string): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) invalid(`${name} must be an ISO date or null.`);
  return new Date(value);
}

function timeZone(value: unknown): string {
  if (typeof value !== 'string' || value === '') invalid('timeZone must be an IANA time zone.');
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    invalid('timeZone must be an IANA time zone.');
  }
  return value;
}

/** The request's params, checked: the bundle is public, anybody can send anything. */
function readRequest(params: Record<string, unknown>) {
  const { willReturn, reviewed, q } = params;
  if (willReturn !== 'any' && willReturn !== 'yes' && willReturn !== 'no') invalid('willReturn must be any, yes or no.');
  if (reviewed !== 'any' && reviewed !== 'new' && reviewed !== 'reviewed') invalid('reviewed must be any, new or reviewed.');
  if (typeof q !== 'string' || q.length > SEARCH_MAX) invalid(`q must be text of at most ${SEARCH_MAX} characters.`);
  return {
    willReturn,
    reviewed,
    q: q.trim(),
    start: instant(params.start, 'start'),
    end: instant(params.end, 'end'),
    since: instant(params.since, 'since'),
    timeZone: timeZone(params.timeZone),
  };
}

type Checked = ReturnType<typeof readRequest>;

/** The same filters as the app's Parse query (src/parse/opinions.ts), as a SQL condition. */
function whereClause(request: Checked, values: unknown[]): string {
  const conditions: string[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (request.willReturn !== 'any') conditions.push(`"willReturn" = ${param(request.willReturn === 'yes')}`);
  if (request.reviewed !== 'any') conditions.push(`"reviewed" = ${param(request.reviewed === 'reviewed')}`);
  if (request.q) {
    const pattern = param(literalPattern(request.q));
    conditions.push(`("name" ~* ${pattern} OR "comment" ~* ${pattern})`);
  }
  if (request.start) conditions.push(`"createdAt" >= ${param(request.start)}`);
  if (request.end) conditions.push(`"createdAt" < ${param(request.end)}`);
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}

function dayIn(zone: string, date: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The days the chart covers: the chosen range (its newest CHART_MAX_DAYS), else the last 30 days. */
function chartDays(request: Checked): { from: string; to: string } {
  const to = dayIn(request.timeZone, request.end ? new Date(request.end.getTime() - 1) : new Date());
  let from = request.start ? dayIn(request.timeZone, request.start) : shiftDay(to, -(CHART_DEFAULT_DAYS - 1));
  if (from > to) from = to;
  const earliest = shiftDay(to, -(CHART_MAX_DAYS - 1));
  return { from: from < earliest ? earliest : from, to };
}

interface TotalsRow {
  total: string;
  will_return: string;
  new_since: string | null;
}

interface DayRow {
  day: string;
  total: string;
  will_return: string;
}

async function statsWithSql(request: Checked): Promise<DashboardStats> {
  const sql = dashboardSql();
  if (!sql) throw new Parse.Error(Parse.Error.INTERNAL_SERVER_ERROR, 'Dashboard stats need the PostgreSQL database.');

  const totalsValues: unknown[] = [];
  const totalsWhere = whereClause(request, totalsValues);
  totalsValues.push(request.since);
  const sinceParam = `$${totalsValues.length}`;
  const totals = sql.rows<TotalsRow>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE "willReturn") AS will_return,
            count(*) FILTER (WHERE ${sinceParam}::timestamptz IS NOT NULL AND "createdAt" > ${sinceParam}::timestamptz) AS new_since
       FROM "opinions" WHERE ${totalsWhere}`,
    totalsValues,
  );

  const chart = chartDays(request);
  const dayValues: unknown[] = [];
  const dayWhere = whereClause(request, dayValues);
  dayValues.push(request.timeZone, chart.from, chart.to);
  const [zone, from, to] = [dayValues.length - 2, dayValues.length - 1, dayValues.length].map((n) => `$${n}`);
  // The coarse bounds (a day either side, wider than any time zone offset) let PostgreSQL use
  // the createdAt index before it works out each row's local day.
  const days = sql.rows<DayRow>(
    `SELECT to_char(("createdAt" AT TIME ZONE ${zone})::date, 'YYYY-MM-DD') AS day,
            count(*) AS total,
            count(*) FILTER (WHERE "willReturn") AS will_return
       FROM "opinions"
      WHERE ${dayWhere}
        AND "createdAt" >= (${from}::date - 1)::timestamp AT TIME ZONE 'UTC'
        AND "createdAt" < (${to}::date + 2)::timestamp AT TIME ZONE 'UTC'
        AND ("createdAt" AT TIME ZONE ${zone})::date BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1 ORDER BY 1`,
    dayValues,
  );
  const [[row], dayRows] = await Promise.all([totals, days]);
  return {
    total: Number(row?.total ?? 0),
    willReturn: Number(row?.will_return ?? 0),
    newSince: request.since ? Number(row?.new_since ?? 0) : null,
    chartFrom: chart.from,
    chartTo: chart.to,
    days: dayRows.map((day): DayCount => ({ day: day.day, total: Number(day.total), willReturn: Number(day.will_return) })),
  };
}

Parse.Cloud.define<Record<string, unknown>>('dashboardStats', async (request) => {
  await requireStaff(request);
  const checked = readRequest(request.params);
  return statsWithSql(checked) satisfies Promise<DashboardStats>;
});

/**
 * "New since you last looked" needs to know when that was: it is kept on the staff member's
 * own _User object (deleted with the account), and written only here, with the master key.
 */
Parse.Cloud.define('dashboardVisit', async (request) => {
  const userId = await requireStaff(request);
  const fresh = await new Parse.Query(Parse.User).get(userId, { useMasterKey: true });
  const previous = fresh.get(SEEN_AT_FIELD) as Date | undefined;
  fresh.set(SEEN_AT_FIELD, new Date());
  await fresh.save(null, { useMasterKey: true });
  return { previous: previous instanceof Date ? previous.toISOString() : null };
});

/** Tells open dashboards, through LiveQuery, that an opinion arrived (see dashboardSignalClass). */
Parse.Cloud.afterSave('opinions', async ({ object, original }) => {
  if (original) return;
  const className = dashboardSignalClass.className;
  const signal = (await new Parse.Query(className).first({ useMasterKey: true })) ?? new Parse.Object(className);
  const acl = new Parse.ACL();
  acl.setRoleReadAccess(STAFF_ROLE, true);
  signal.setACL(acl);
  signal.set({ opinionId: object.id, at: object.createdAt ?? new Date() });
  await signal.save(null, { useMasterKey: true });
});
