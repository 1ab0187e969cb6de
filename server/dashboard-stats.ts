/**
 * The dashboard's stats for a filtered set (totals, opinions per day and per day of the week and
 * hour in the venue's time zone, and per language), computed by the database, two ways:
 *
 * - on PostgreSQL (the local stack), with SQL: Parse's PostgreSQL aggregate can neither group by
 *   a local day nor $match a $regex;
 * - on MongoDB (Back4App), with Parse's aggregate pipeline, which Parse hands to MongoDB.
 *
 * Both give the same answer; tests/integration/dashboard.test.ts checks them against each other.
 */
import { CLASS } from '../src/domain/classes.ts';
import {
  addDays,
  CHART_MAX_DAYS,
  dayIn,
  isWeekday,
  languageSplit,
  literalPattern,
  SEARCH_BOUND,
  type DashboardStats,
  type DayCount,
  type HourCount,
  type LanguageCount,
  type LanguageFilter,
  type ReviewedFilter,
  type WillReturnFilter,
} from '../src/domain/dashboard.ts';
import { isLanguage } from '../src/domain/languages.ts';
import type { SqlRunner } from './dashboard-sql.ts';
import { STATS_DAYS, STATS_HOURS, STATS_REFRESH, STATS_STATE } from './stats-rollup-sql.ts';

/** A stats request, its params checked (see server/cloud/dashboard.ts). */
export interface StatsQuery {
  readonly willReturn: WillReturnFilter;
  readonly reviewed: ReviewedFilter;
  readonly language: LanguageFilter;
  readonly q: string;
  /** '' for any. */
  readonly tag: string;
  readonly start: Date | null;
  readonly end: Date | null;
  readonly since: Date | null;
  /** The venue's: days and hours are counted as its clocks say. */
  readonly timeZone: string;
  /** A search's every match, not only its newest SEARCH_BOUND (see DashboardStats.countedFrom). */
  readonly allMatches?: boolean;
}

/** What the database counts; the venue's retention is the Cloud function's to add. */
export type SetStats = Omit<DashboardStats, 'retention'>;

/** The first and last day the chart may cover, `YYYY-MM-DD` in the venue's time zone. */
interface ChartWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * Instants around the window, a day wider on each side than any time zone offset: they let
 * the database use the createdAt index; the exact local days are kept afterwards.
 */
function coarseBounds(window: ChartWindow): { after: Date; before: Date } {
  return {
    after: new Date(`${addDays(window.from, -1)}T00:00:00.000Z`),
    before: new Date(`${addDays(window.to, 2)}T00:00:00.000Z`),
  };
}

/**
 * The days the chart may cover: the chosen range (its newest CHART_MAX_DAYS days), or, with
 * an open start, up to CHART_MAX_DAYS days back; the chart then starts at the first opinion.
 */
function chartWindow(query: StatsQuery): ChartWindow {
  const to = dayIn(query.timeZone, query.end ? new Date(query.end.getTime() - 1) : new Date());
  const earliest = addDays(to, -(CHART_MAX_DAYS - 1));
  const from = query.start ? dayIn(query.timeZone, query.start) : earliest;
  if (from > to) return { from: to, to };
  return { from: from < earliest ? earliest : from, to };
}

interface Totals {
  readonly total: number;
  readonly willReturn: number;
  readonly newSince: number;
}

/** A language as stored: one the app speaks, or none. */
const languageOf = (value: unknown) => (isLanguage(value) ? value : null);

function assemble(
  query: StatsQuery,
  countedFrom: Date | null,
  window: ChartWindow,
  totals: Totals,
  days: readonly DayCount[],
  languages: readonly LanguageCount[],
  hours: readonly HourCount[],
): SetStats {
  const shown = days.filter((day) => day.day >= window.from && day.day <= window.to);
  return {
    total: totals.total,
    willReturn: totals.willReturn,
    newSince: query.since ? totals.newSince : null,
    chartFrom: query.start ? window.from : (shown[0]?.day ?? window.to),
    chartTo: window.to,
    days: shown,
    languages: languageSplit(languages),
    hours: [...hours].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
    timeZone: query.timeZone,
    countedFrom: countedFrom?.toISOString() ?? null,
  };
}

/**
 * A search is counted over its newest SEARCH_BOUND matches (and those created at the same
 * instant as the last of them) unless every match was asked for: no index counts a substring,
 * and a common word's matches are most of the table. The bound, or null to count the whole set.
 */
const boundOf = (query: StatsQuery) => (query.q !== '' && !query.allMatches ? SEARCH_BOUND : null);

/** How many matches are counted, of those created up to when. */
interface Bound {
  readonly matches: number;
  readonly asOf: Date;
}

/**
 * What was counted, when a bound stopped the count at `countedFrom`: the query from that instant
 * on, as a chosen range's `start` would bound it; its chart covers those days.
 */
const countedFrom = (query: StatsQuery, instant: Date | null): StatsQuery => (instant ? { ...query, start: instant } : query);

/** A cell of the day-by-hour view as the database answers it; none for a day that is not one. */
function hourCount(weekday: unknown, hour: unknown, total: number, willReturn: number): HourCount[] {
  const day = Number(weekday);
  return isWeekday(day) ? [{ weekday: day, hour: Number(hour), total, willReturn }] : [];
}

/* ---- PostgreSQL ---- */

/** The same filters as the app's Parse query (src/parse/opinions.ts), as a SQL condition; `from` bounds it below. */
function whereClause(query: StatsQuery, values: unknown[], from: Date | null = null): string {
  const conditions: string[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (query.willReturn !== 'any') conditions.push(`"willReturn" = ${param(query.willReturn === 'yes')}`);
  if (query.reviewed !== 'any') conditions.push(`"reviewed" = ${param(query.reviewed === 'reviewed')}`);
  if (query.language !== 'any') conditions.push(`"language" = ${param(query.language)}`);
  // Parse stores an Array field as jsonb.
  if (query.tag) conditions.push(`"tags" @> ${param(JSON.stringify([query.tag]))}::jsonb`);
  if (query.q) {
    const pattern = param(literalPattern(query.q));
    conditions.push(`("name" ~* ${pattern} OR "comment" ~* ${pattern})`);
  }
  if (query.start) conditions.push(`"createdAt" >= ${param(query.start)}`);
  if (query.end) conditions.push(`"createdAt" < ${param(query.end)}`);
  if (from) conditions.push(`"createdAt" >= ${param(from)}`);
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}

/** Counts by local day (null outside the chart) and language; counts by local day of the week and hour. */
interface Groups {
  readonly days: readonly { day: string | null; language: string | null; total: string; will_return: string; new_since: string; counted_from: Date | null }[];
  readonly hours: readonly { weekday: number; hour: number; total: string; will_return: string }[];
}

/**
 * What the passes read: the filtered opinions; or, past a bound, the newest `bound` of them with
 * those created at the same instant as the last, each with `counted_from`, that instant (null
 * when there are no more than `bound`). The newest are found as the list's first page is, on the
 * `createdAt` index or the trigram indexes, as the planner sees fit, in the pass itself.
 */
function countedSet(where: string, bound: number | null): { from: string; countedFrom: string } {
  if (bound === null) return { from: `"${CLASS.opinions}" WHERE ${where}`, countedFrom: 'NULL::timestamptz' };
  return {
    from: `(
      SELECT "createdAt", "willReturn", "language", CASE WHEN matched > ${bound} THEN boundary END AS counted_from
        FROM (
          SELECT newest.*, count(*) OVER () AS matched,
                 nth_value("createdAt", ${bound}) OVER (ORDER BY "createdAt" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS boundary
            FROM (SELECT "createdAt", "willReturn", "language" FROM "${CLASS.opinions}" WHERE ${where}
                   ORDER BY "createdAt" DESC FETCH FIRST ${bound + 1} ROWS WITH TIES) AS newest
        ) AS ranked
       WHERE matched <= ${bound} OR "createdAt" >= boundary
    ) AS counted`,
    countedFrom: 'max(counted_from)',
  };
}

/**
 * Two passes over the filtered set (from `from` on, if given; its newest `bound` if given), side
 * by side on the pool: one grouped by local day and language, where each row counts towards the
 * totals and its language, and towards its local day when it falls within the chart's coarse
 * bounds (days are written out once per group); one grouped by local day of the week and hour.
 * A single pass with GROUPING SETS sorts the whole set instead of hashing it: four times slower
 * on 100,000 opinions.
 */
async function countOpinions(sql: SqlRunner, query: StatsQuery, window: ChartWindow, from: Date | null, bound: Bound | null): Promise<Groups> {
  const bounds = coarseBounds(window);
  const values: unknown[] = [];
  const where = whereClause(query, values, from);
  // Each pass finds the newest itself, in its own snapshot: both leave out what was created
  // after the request began, so that an opinion arriving meanwhile moves neither.
  if (bound) values.push(bound.asOf);
  const counted = countedSet(bound ? `${where} AND "createdAt" <= $${values.length}` : where, bound?.matches ?? null);
  const hourValues = [...values, query.timeZone];
  const hourZone = `$${hourValues.length}`;
  values.push(query.timeZone, bounds.after, bounds.before, query.since);
  const [zone, after, before, since] = [4, 3, 2, 1].map((back) => `$${values.length + 1 - back}`);
  const [days, hours] = await Promise.all([
    sql.rows<Groups['days'][number]>(
      `SELECT to_char(local_day, 'YYYY-MM-DD') AS day, language, total, will_return, new_since, counted_from FROM (
         SELECT CASE WHEN "createdAt" >= ${after} AND "createdAt" < ${before}
                     THEN ("createdAt" AT TIME ZONE ${zone})::date END AS local_day,
                "language" AS language,
                count(*) AS total,
                count(*) FILTER (WHERE "willReturn") AS will_return,
                count(*) FILTER (WHERE "createdAt" > ${since}::timestamptz) AS new_since,
                ${counted.countedFrom} AS counted_from
           FROM ${counted.from}
          GROUP BY 1, 2
       ) AS per_day_and_language
       ORDER BY 1`,
      values,
    ),
    sql.rows<Groups['hours'][number]>(
      // Each row's local time is worked out once, to its hour; the hours' days and hours then.
      `SELECT extract(isodow FROM local_hour)::int AS weekday, extract(hour FROM local_hour)::int AS hour,
              sum(total) AS total, sum(will_return) AS will_return
         FROM (
           SELECT date_trunc('hour', "createdAt" AT TIME ZONE ${hourZone}) AS local_hour,
                  count(*) AS total,
                  count(*) FILTER (WHERE "willReturn") AS will_return
             FROM ${counted.from}
            GROUP BY 1
         ) AS per_local_hour
        GROUP BY 1, 2`,
      hourValues,
    ),
  ]);
  return { days, hours };
}

/**
 * The same counts for the opinions below the watermark, from the rollups (server/stats-rollup-sql.ts),
 * which count by the filters' own fields under the same names; and how many of them are newer
 * than `since`, from the opinions (their createdAt index), since none is kept by instant.
 */
async function countRollups(sql: SqlRunner, query: StatsQuery, window: ChartWindow, watermark: Date): Promise<Groups & { newSince: number }> {
  const values: unknown[] = [];
  const where = whereClause(query, values);
  const dayValues = [...values, window.from, window.to];
  const sinceValues = [...values, query.since, watermark];
  const [days, hours, newer] = await Promise.all([
    sql.rows<Groups['days'][number]>(
      `SELECT CASE WHEN day >= $${dayValues.length - 1}::date AND day <= $${dayValues.length}::date THEN to_char(day, 'YYYY-MM-DD') END AS day,
              "language" AS language, sum(total) AS total, coalesce(sum(total) FILTER (WHERE "willReturn"), 0) AS will_return, 0 AS new_since,
              NULL::timestamptz AS counted_from
         FROM "${STATS_DAYS}" WHERE ${where}
        GROUP BY 1, 2 HAVING sum(total) > 0
        ORDER BY 1`,
      dayValues,
    ),
    sql.rows<Groups['hours'][number]>(
      `SELECT weekday::int AS weekday, hour::int AS hour, sum(total) AS total, coalesce(sum(total) FILTER (WHERE "willReturn"), 0) AS will_return
         FROM "${STATS_HOURS}" WHERE ${where}
        GROUP BY 1, 2 HAVING sum(total) > 0`,
      values,
    ),
    query.since && query.since < watermark
      ? sql.rows<{ count: string }>(
          `SELECT count(*) FROM "${CLASS.opinions}" WHERE ${where}
              AND "createdAt" > $${sinceValues.length - 1} AND "createdAt" < $${sinceValues.length}`,
          sinceValues,
        )
      : [],
  ]);
  return { days, hours, newSince: Number(newer[0]?.count ?? 0) };
}

/** PostgreSQL's code for a function that does not exist. */
const UNDEFINED_FUNCTION = '42883';

/** Where the rollups stop, moved on first if it is due; null where they cannot serve this query or do not exist. */
async function rollupWatermark(sql: SqlRunner, query: StatsQuery): Promise<Date | null> {
  if (query.q || query.tag || query.start || query.end) return null;
  try {
    const [row] = await sql.rows<{ watermark: Date }>(`SELECT "${STATS_REFRESH}"($1) AS watermark`, [query.timeZone]);
    return row?.watermark ?? null;
  } catch (error) {
    // A PostgreSQL that `npm run migrate` has not reached yet has no rollups: every opinion is counted.
    if (Reflect.get(error as object, 'code') === UNDEFINED_FUNCTION) return null;
    throw error;
  }
}

/** Whether the rollups still stop at `watermark`, in the query's time zone. */
async function stillAt(sql: SqlRunner, query: StatsQuery, watermark: Date): Promise<boolean> {
  const [state] = await sql.rows<{ time_zone: string; watermark: Date }>(`SELECT time_zone, watermark FROM "${STATS_STATE}" WHERE id = 1`, []);
  return state?.time_zone === query.timeZone && state.watermark.getTime() === watermark.getTime();
}

export async function statsWithSql(sql: SqlRunner, query: StatsQuery, { rollups = true }: { rollups?: boolean } = {}): Promise<SetStats> {
  const window = chartWindow(query);
  const matches = boundOf(query);
  const bound = matches === null ? null : { matches, asOf: new Date() };
  const count = async (watermark: Date | null) =>
    Promise.all([
      countOpinions(sql, query, window, watermark, bound),
      watermark ? countRollups(sql, query, window, watermark) : { days: [], hours: [], newSince: 0 },
    ]);
  let watermark = rollups ? await rollupWatermark(sql, query) : null;
  let [recent, kept] = await count(watermark);
  // The reads run side by side, each in its own snapshot: had another request moved the
  // watermark on meanwhile, the rollups could hold some of the opinions counted as recent.
  // Then read again; should that keep happening (two time zones asked at once while the
  // venue's changes), every opinion is counted instead.
  for (let attempt = 1; watermark && !(await stillAt(sql, query, watermark)); attempt += 1) {
    watermark = attempt < 3 ? await rollupWatermark(sql, query) : null;
    [recent, kept] = await count(watermark);
  }
  // The rollups' days come first, then the opinions' own, each in order: a day in both (a
  // midnight that a clock change moved) follows itself and is added up.
  const groups = [...kept.days, ...recent.days];
  const sum = (key: 'total' | 'will_return' | 'new_since') => groups.reduce((total, group) => total + Number(group[key]), 0);
  const days: DayCount[] = [];
  for (const group of groups) {
    if (group.day === null) continue;
    const last = days.at(-1)?.day === group.day ? days.pop() : undefined;
    days.push({
      day: group.day,
      total: (last?.total ?? 0) + Number(group.total),
      willReturn: (last?.willReturn ?? 0) + Number(group.will_return),
    });
  }
  const hours = new Map<string, HourCount>();
  for (const group of [...kept.hours, ...recent.hours]) {
    for (const cell of hourCount(group.weekday, group.hour, Number(group.total), Number(group.will_return))) {
      const key = `${cell.weekday} ${cell.hour}`;
      const before = hours.get(key);
      hours.set(key, before ? { ...cell, total: before.total + cell.total, willReturn: before.willReturn + cell.willReturn } : cell);
    }
  }
  // Past its bound, a search was counted from the instant of its bound-th newest match.
  const stoppedAt = recent.days.find((group) => group.counted_from !== null)?.counted_from ?? null;
  const counted = countedFrom(query, stoppedAt);
  return assemble(
    counted,
    stoppedAt,
    chartWindow(counted),
    { total: sum('total'), willReturn: sum('will_return'), newSince: sum('new_since') + kept.newSince },
    days,
    groups.map((group) => ({ language: languageOf(group.language), total: Number(group.total), willReturn: Number(group.will_return) })),
    [...hours.values()],
  );
}

/* ---- MongoDB, through Parse's aggregate ---- */

/** Runs a pipeline on `opinions` as Parse's /aggregate does (with the master key) and answers its rows. */
export type RunPipeline = (pipeline: readonly object[]) => Promise<readonly Record<string, unknown>[]>;

/**
 * The filters as a $match, in Parse's field names: Parse renames createdAt to MongoDB's
 * _created_at and turns the ISO strings of Date fields into dates.
 */
function matchOf(query: StatsQuery): Record<string, unknown> {
  const all: Record<string, unknown>[] = [];
  if (query.willReturn !== 'any') all.push({ willReturn: query.willReturn === 'yes' });
  if (query.reviewed !== 'any') all.push({ reviewed: query.reviewed === 'reviewed' });
  if (query.language !== 'any') all.push({ language: query.language });
  if (query.tag) all.push({ tags: query.tag });
  if (query.q) {
    const pattern = literalPattern(query.q);
    all.push({ $or: [{ name: { $regex: pattern, $options: 'i' } }, { comment: { $regex: pattern, $options: 'i' } }] });
  }
  if (query.start) all.push({ createdAt: { $gte: query.start.toISOString() } });
  if (query.end) all.push({ createdAt: { $lt: query.end.toISOString() } });
  return all.length > 0 ? { $and: all } : {};
}

const countOf = (condition: unknown) => ({ $sum: { $cond: [condition, 1, 0] } });

function statsPipelines(query: StatsQuery, window: ChartWindow): { totals: object[]; days: object[]; languages: object[]; hours: object[] } {
  const match = matchOf(query);
  const bounds = coarseBounds(window);
  const totals = [
    { $match: match },
    {
      $group: {
        _id: null,
        total: { $sum: 1 },
        returning: countOf('$willReturn'),
        // A date in a pipeline travels as a string: $toDate makes it a date again.
        ...(query.since ? { newSince: countOf({ $gt: ['$createdAt', { $toDate: query.since.toISOString() }] }) } : {}),
      },
    },
  ];
  const days = [
    {
      $match: {
        $and: [
          match,
          { createdAt: { $gte: bounds.after.toISOString(), $lt: bounds.before.toISOString() } },
        ],
      },
    },
    {
      $group: {
        _id: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt', timezone: query.timeZone } },
        total: { $sum: 1 },
        returning: countOf('$willReturn'),
      },
    },
    { $sort: { _id: 1 } },
  ];
  // Opinions without a language make the group whose _id is null.
  const languages = [{ $match: match }, { $group: { _id: '$language', total: { $sum: 1 }, returning: countOf('$willReturn') } }];
  const local = { date: '$createdAt', timezone: query.timeZone };
  const hours = [
    { $match: match },
    { $group: { _id: { weekday: { $isoDayOfWeek: local }, hour: { $hour: local } }, total: { $sum: 1 }, returning: countOf('$willReturn') } },
  ];
  return { totals, days, languages, hours };
}

const numberOf = (value: unknown) => (typeof value === 'number' ? value : 0);

/** A group's _id of several fields: an object, which the database answers as it was built. */
const fieldOf = (id: unknown, field: string): unknown => (typeof id === 'object' && id !== null ? Reflect.get(id, field) : undefined);

/**
 * The instant of the `bound`-th newest match when there are more, else null, through the
 * pipeline. A $sort reaches MongoDB as it is written (Parse renames the fields of $match and
 * $project only), so it names MongoDB's own field; the answer's createdAt is Parse's, an ISO string.
 */
async function boundaryWithPipeline(run: RunPipeline, query: StatsQuery, bound: number): Promise<Date | null> {
  const rows = await run([{ $match: matchOf(query) }, { $sort: { _created_at: -1 } }, { $skip: bound - 1 }, { $limit: 2 }, { $project: { createdAt: 1 } }]);
  return rows.length === 2 ? new Date(String(rows[0]?.createdAt)) : null;
}

export async function statsWithPipeline(run: RunPipeline, asked: StatsQuery): Promise<SetStats> {
  const bound = boundOf(asked);
  const stoppedAt = bound === null ? null : await boundaryWithPipeline(run, asked, bound);
  const query = countedFrom(asked, stoppedAt);
  const window = chartWindow(query);
  const pipelines = statsPipelines(query, window);
  // Parse answers each group's _id as its objectId.
  const [[totals], days, languages, hours] = await Promise.all([
    run(pipelines.totals),
    run(pipelines.days),
    run(pipelines.languages),
    run(pipelines.hours),
  ]);
  return assemble(
    query,
    stoppedAt,
    window,
    { total: numberOf(totals?.total), willReturn: numberOf(totals?.returning), newSince: numberOf(totals?.newSince) },
    days.map((day) => ({ day: String(day.objectId), total: numberOf(day.total), willReturn: numberOf(day.returning) })),
    languages.map((group) => ({ language: languageOf(group.objectId), total: numberOf(group.total), willReturn: numberOf(group.returning) })),
    hours.flatMap((group) =>
      hourCount(fieldOf(group.objectId, 'weekday'), fieldOf(group.objectId, 'hour'), numberOf(group.total), numberOf(group.returning)),
    ),
  );
}
