/**
 * The opinion list's query as Parse's REST API takes it, written once: the SDK's queries are
 * built from it (opinion-list.ts, Parse.Query.fromJSON), and the shell's inline script sends
 * the dashboard's first page with it (dashboard-first-calls.ts). No SDK here.
 */
import {
  countBoundFor,
  countUpTo,
  filtersOf,
  literalPattern,
  rangeInstants,
  type OpinionFilters,
  type OpinionListParams,
  type OpinionSort,
} from '../domain/dashboard';

/** A JSON condition on a date, as Parse encodes dates. */
function date(instant: Date) {
  return { __type: 'Date', iso: instant.toISOString() };
}

/** The `where` of the opinions that match `filters`. */
export function opinionWhere(filters: OpinionFilters): Record<string, unknown> {
  const { willReturn, reviewed, language, q, tag } = filtersOf(filters);
  const where: Record<string, unknown> = {};
  if (q) {
    // Typed text is escaped: it is searched for as it is, never read as a regular expression.
    const pattern = { $regex: literalPattern(q), $options: 'i' };
    where.$or = [{ name: pattern }, { comment: pattern }];
  }
  if (willReturn !== 'any') where.willReturn = willReturn === 'yes';
  if (reviewed !== 'any') where.reviewed = reviewed === 'reviewed';
  if (language !== 'any') where.language = language;
  // "Holds this one": $all, as Parse's PostgreSQL adapter does not read equality on an array field so.
  if (tag) where.tags = { $all: [tag] };
  const { start, end } = rangeInstants(filters);
  if (start || end) where.createdAt = { ...(start ? { $gte: date(start) } : {}), ...(end ? { $lt: date(end) } : {}) };
  return where;
}

const ORDER: Record<OpinionSort, string> = {
  newest: '-createdAt,-objectId',
  oldest: 'createdAt,objectId',
  name: 'name,-createdAt',
};

/** A query's JSON, as Parse's REST API and the SDK's Query.fromJSON take it. */
export interface QueryJSON {
  readonly where: Record<string, unknown>;
  readonly count: 1;
  readonly limit: number;
  readonly skip?: number;
  readonly order: string;
  /** Asks the count to stop past a bound (countUpTo, src/domain/dashboard.ts). */
  readonly comment: string;
}

/** One page of the filtered, sorted list, with the count of the whole filtered set up to `countBound`. */
export function listQueryJSON(params: OpinionListParams, countBound = countBoundFor(params)): QueryJSON {
  const skip = (params.page - 1) * params.pageSize;
  return {
    where: opinionWhere(params),
    count: 1,
    comment: countUpTo(countBound),
    limit: params.pageSize,
    ...(skip > 0 ? { skip } : {}),
    order: ORDER[params.sort],
  };
}
