/** The staff dashboard's list of opinions: one page, and counts, of the filtered set. */
import { countBoundFor, listTotal, type ListTotal, type OpinionFilters, type OpinionListParams } from '../domain/dashboard';
import { CLASS } from '../domain/classes';
import type { Opinion } from '../domain/opinion';
import { getParse, READ_TIMEOUT_MS, type ParseSdk } from './client';
import { OPINIONS_PATH } from './dashboard-first-calls';
import { earlyOrAsk } from './early-calls';
import { toAppError, withTimeout } from './errors';
import { opinionFromJSON, toOpinion, type ParseObject } from './opinion-detail';
import { listQueryJSON, opinionWhere } from './opinion-query';
import { storedSessionToken } from './session';
import { findRequest } from './wire';

export type OpinionQuery = InstanceType<ParseSdk['Query']>;

/** The opinions that match `filters` (opinion-query.ts), as an SDK query. */
export function filteredQuery(Parse: ParseSdk, filters: OpinionFilters): OpinionQuery {
  return Parse.Query.fromJSON(CLASS.opinions, { where: opinionWhere(filters) });
}

/** The query of one page of the list, with the count of the whole filtered set up to `countBound`. */
export function listQuery(Parse: ParseSdk, params: OpinionListParams, countBound = countBoundFor(params)): OpinionQuery {
  return Parse.Query.fromJSON(CLASS.opinions, listQueryJSON(params, countBound));
}

export interface OpinionPage {
  readonly opinions: readonly Opinion[];
  readonly total: ListTotal;
}

function isCountedPage(answer: unknown, Parse: ParseSdk): answer is { results: ParseObject[]; count: number } {
  if (typeof answer !== 'object' || answer === null || !('results' in answer) || !('count' in answer)) return false;
  const { results, count } = answer;
  return Array.isArray(results) && results.every((result) => result instanceof Parse.Object) && typeof count === 'number';
}

function pageOf(body: Record<string, unknown>, countBound: number): OpinionPage {
  const results: unknown[] = Array.isArray(body.results) ? body.results : [];
  return {
    opinions: results.map((result) => opinionFromJSON(typeof result === 'object' && result !== null ? result : {})),
    total: listTotal(typeof body.count === 'number' ? body.count : 0, countBound),
  };
}

/**
 * One page of the filtered, sorted list, with the count of the whole filtered set, exact up to
 * `countBound` (a search's is lower: countBoundFor; countOpinions counts past it). The default
 * list's first page, the shell may have asked for already (dashboard-first-calls.ts).
 */
export async function listOpinions(params: OpinionListParams, countBound = countBoundFor(params)): Promise<OpinionPage> {
  try {
    const read = earlyOrAsk({
      path: OPINIONS_PATH,
      params: findRequest(listQueryJSON(params, countBound)),
      sessionToken: storedSessionToken(),
      read: (body) => pageOf(body, countBound),
      ask: async () => {
        const Parse = await getParse();
        // With its count asked for, a find answers the page and the count (the SDK's types do not say so).
        const answer: unknown = await listQuery(Parse, params, countBound).find();
        if (!isCountedPage(answer, Parse)) throw new Error('The server answered a page without its count.');
        return { opinions: answer.results.map(toOpinion), total: listTotal(answer.count, countBound) };
      },
    });
    return (await withTimeout(read, READ_TIMEOUT_MS)).value;
  } catch (error) {
    throw toAppError(error);
  }
}

/** The exact count of the filtered set, however long it takes: staff ask for it past the list's bound. */
export async function countOpinions(filters: OpinionFilters): Promise<number> {
  try {
    const Parse = await getParse();
    return await withTimeout(filteredQuery(Parse, filters).count(), READ_TIMEOUT_MS);
  } catch (error) {
    throw toAppError(error);
  }
}
