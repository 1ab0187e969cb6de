/**
 * The staff dashboard's side of the `opinions` class through the Parse SDK: list, count,
 * detail, triage, export, stats and live. Its own module, so that it never loads for a visitor.
 */
import {
  dashboardVisitParams,
  filtersOf,
  literalPattern,
  rangeInstants,
  toSearchParams,
  toStatsRequest,
  type DashboardStats,
  type OpinionFilters,
  type OpinionListParams,
  type OpinionSort,
} from '../domain/dashboard';
import { CLASS } from '../domain/classes';
import { AppError, appError } from '../domain/errors';
import type { Opinion } from '../domain/opinion';
import { getParse, type ParseSdk } from './client';
import { OPINIONS_PATH } from './dashboard-first-calls';
import { takeEarlyCall, takeEarlyFunctionCall } from './early-calls';
import { toAppError, withTimeout } from './errors';
import { storedSessionToken } from './session';

type ParseObject = InstanceType<ParseSdk['Object']>;

/** An opinion as the REST API answers it, and as `Parse.Object.toJSON()` gives it. */
interface OpinionJSON {
  readonly objectId?: string;
  readonly name?: unknown;
  readonly comment?: unknown;
  readonly willReturn?: unknown;
  readonly reviewed?: unknown;
  readonly createdAt?: string;
}

function opinionFromJSON(json: OpinionJSON): Opinion {
  return {
    id: json.objectId ?? '',
    name: typeof json.name === 'string' ? json.name : '',
    comment: typeof json.comment === 'string' ? json.comment : '',
    willReturn: json.willReturn === true,
    reviewed: json.reviewed === true,
    createdAt: json.createdAt ? new Date(json.createdAt) : new Date(0),
  };
}

export function toOpinion(object: ParseObject): Opinion {
  return opinionFromJSON(object.toJSON() as OpinionJSON);
}

type OpinionQuery = InstanceType<ParseSdk['Query']>;

/** How long the dashboard waits for one read before it shows an error with a retry. */
const READ_TIMEOUT_MS = 15_000;

function filteredQuery(Parse: ParseSdk, filters: OpinionFilters): OpinionQuery {
  const { willReturn, reviewed, q } = filtersOf(filters);
  let query: OpinionQuery;
  if (q) {
    // Typed text is escaped: it is searched for as it is, never read as a regular expression.
    const pattern = literalPattern(q);
    query = Parse.Query.or(
      new Parse.Query(CLASS.opinions).matches('name', pattern, 'i'),
      new Parse.Query(CLASS.opinions).matches('comment', pattern, 'i'),
    );
  } else {
    query = new Parse.Query(CLASS.opinions);
  }
  if (willReturn !== 'any') query.equalTo('willReturn', willReturn === 'yes');
  if (reviewed !== 'any') query.equalTo('reviewed', reviewed === 'reviewed');
  const { start, end } = rangeInstants(filters);
  if (start) query.greaterThanOrEqualTo('createdAt', start);
  if (end) query.lessThan('createdAt', end);
  return query;
}

function sorted(query: OpinionQuery, sort: OpinionSort): OpinionQuery {
  if (sort === 'oldest') return query.ascending('createdAt').addAscending('objectId');
  if (sort === 'name') return query.ascending('name').addDescending('createdAt');
  return query.descending('createdAt').addDescending('objectId');
}

export interface OpinionPage {
  readonly opinions: readonly Opinion[];
  readonly total: number;
}

/** The query of one page of the list, with the count of the whole filtered set. */
export function listQuery(Parse: ParseSdk, params: OpinionListParams): OpinionQuery {
  return sorted(filteredQuery(Parse, params), params.sort)
    .limit(params.pageSize)
    .skip((params.page - 1) * params.pageSize)
    .withCount(true);
}

/**
 * One page of the filtered, sorted list, with the count of the whole filtered set. The default
 * list's first page, the shell may have asked for already (dashboard-first-calls.ts).
 */
export async function listOpinions(params: OpinionListParams): Promise<OpinionPage> {
  try {
    const early = toSearchParams(params).toString() === '' ? takeEarlyCall(OPINIONS_PATH, storedSessionToken()) : undefined;
    if (early) {
      const { results, count } = (await withTimeout(early.body, READ_TIMEOUT_MS)) as { results: OpinionJSON[]; count: number };
      return { opinions: results.map(opinionFromJSON), total: count };
    }
    const Parse = await getParse();
    const { results, count } = (await withTimeout(listQuery(Parse, params).find(), READ_TIMEOUT_MS)) as unknown as {
      results: ParseObject[];
      count: number;
    };
    return { opinions: results.map(toOpinion), total: count };
  } catch (error) {
    throw toAppError(error);
  }
}

export async function countOpinions(filters: OpinionFilters): Promise<number> {
  try {
    const Parse = await getParse();
    return await withTimeout(filteredQuery(Parse, filters).count(), READ_TIMEOUT_MS);
  } catch (error) {
    throw toAppError(error);
  }
}

/** One opinion; a missing (or deleted) one is a `not-found` error. */
export async function getOpinion(id: string): Promise<Opinion> {
  try {
    const Parse = await getParse();
    return toOpinion(await withTimeout(new Parse.Query(CLASS.opinions).get(id), READ_TIMEOUT_MS));
  } catch (error) {
    throw toAppError(error);
  }
}

/** The server takes at most this many operations in one /batch request. */
const BATCH_SIZE = 100;

function references(Parse: ParseSdk, ids: readonly string[]): ParseObject[] {
  const Opinions = Parse.Object.extend(CLASS.opinions);
  return ids.map((id) => Opinions.createWithoutData(id) as ParseObject);
}

/** Marks opinions reviewed (or not), in /batch requests. */
/** Parse's "object not found": here, an opinion that someone else deleted meanwhile. */
const OBJECT_NOT_FOUND = 101;

/** What failed in a batch: the items of the SDK's aggregate error, or the error itself. */
function batchFailures(error: unknown): unknown[] {
  const { errors } = (error ?? {}) as { errors?: unknown };
  return Array.isArray(errors) && errors.length > 0 ? errors : [error];
}

function isGone(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === OBJECT_NOT_FOUND;
}

export async function setReviewed(ids: readonly string[], reviewed: boolean): Promise<void> {
  try {
    const Parse = await getParse();
    const objects = references(Parse, ids);
    for (const object of objects) object.set('reviewed', reviewed);
    await Parse.Object.saveAll(objects, { batchSize: BATCH_SIZE });
  } catch (error) {
    // Saving stops at the first opinion that is gone: which of the others were marked, the
    // list (read again after any action) shows.
    if (batchFailures(error).some(isGone)) {
      throw new AppError(
        'not-found',
        ids.length === 1
          ? 'This opinion was deleted meanwhile, by someone else.'
          : 'Some of these opinions were deleted meanwhile, by someone else. The list now shows what is left: mark the others again if they are not.',
      );
    }
    throw toAppError(error);
  }
}

/**
 * Deletes opinions, in /batch requests. One that someone else deleted meanwhile is gone, as
 * asked: not a failure. Any other refusal is, in words.
 */
export async function deleteOpinions(ids: readonly string[]): Promise<void> {
  try {
    const Parse = await getParse();
    await Parse.Object.destroyAll(references(Parse, ids), { batchSize: BATCH_SIZE });
  } catch (error) {
    const failures = batchFailures(error);
    if (failures.every(isGone)) return;
    throw toAppError(failures.find((failure) => !isGone(failure)));
  }
}

const EXPORT_PAGE_SIZE = 1000;

/**
 * Every opinion of the filtered set, newest first, fetched in pages. Pages follow a
 * (createdAt, objectId) cursor instead of a growing skip, which PostgreSQL would have to walk.
 */
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
    let cursor: ParseObject | undefined;
    for (;;) {
      if (signal?.aborted) throw appError('unknown');
      let query = filteredQuery(Parse, filters);
      if (cursor?.createdAt) {
        const before = new Parse.Query(CLASS.opinions).lessThan('createdAt', cursor.createdAt);
        const sameTime = new Parse.Query(CLASS.opinions)
          .equalTo('createdAt', cursor.createdAt)
          .lessThan('objectId', cursor.id);
        query = Parse.Query.and(query, Parse.Query.or(before, sameTime));
      }
      query.descending('createdAt').addDescending('objectId').limit(EXPORT_PAGE_SIZE);
      const page = await withTimeout(query.find(), READ_TIMEOUT_MS);
      opinions.push(...page.map(toOpinion));
      onProgress(opinions.length, Math.max(total, opinions.length));
      if (page.length < EXPORT_PAGE_SIZE) return opinions;
      cursor = page[page.length - 1];
    }
  } catch (error) {
    throw toAppError(error);
  }
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Totals and opinions per day for the filtered set, computed on the server (staff only). */
export async function fetchDashboardStats(filters: OpinionFilters, since: Date | null): Promise<DashboardStats> {
  try {
    const Parse = await getParse();
    const request = toStatsRequest(filters, since, browserTimeZone());
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
    const params = dashboardVisitParams(filters, browserTimeZone());
    const early = takeEarlyFunctionCall('dashboardVisit', storedSessionToken());
    const call = early ? early.result : getParse().then((Parse) => Parse.Cloud.run('dashboardVisit', params));
    const answer = (await withTimeout(call, READ_TIMEOUT_MS)) as { previous: string | null; stats?: DashboardStats };
    const stats = early && early.params !== JSON.stringify(params) ? undefined : answer.stats;
    return { previous: answer.previous ? new Date(answer.previous) : null, stats: stats ?? null };
  } catch (error) {
    throw toAppError(error);
  }
}

/**
 * Calls `onNew` with the id of every new opinion that matches the filters, heard through
 * LiveQuery, until the returned function is called. Whether it matches is asked of the
 * server, with the very query the list uses.
 */
export async function subscribeToNewOpinions(
  filters: OpinionFilters,
  onNew: (id: string) => void,
): Promise<() => void> {
  const Parse = await getParse();
  const subscription = await new Parse.Query(CLASS.dashboardSignals).subscribe();
  const check = async (signal: ParseObject) => {
    const id: unknown = signal.get('opinionId');
    if (typeof id !== 'string') return;
    const matches = await filteredQuery(Parse, filters).equalTo('objectId', id).count();
    if (matches > 0) onNew(id);
  };
  const heard = (signal: ParseObject) => void check(signal).catch(() => undefined);
  subscription.on('create', heard);
  subscription.on('update', heard);
  return () => {
    void subscription.unsubscribe().catch(() => undefined);
  };
}
