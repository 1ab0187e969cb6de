import Parse from 'parse';
import { afterEach, describe, expect, test } from 'vitest';
import { dashboardVisitParams, filtersOf, parseListParams } from '../../../src/domain/dashboard';
import { toAppError } from '../../../src/parse/errors';
import { listQuery } from '../../../src/parse/dashboard';
import { DASHBOARD_FIRST_CALLS, FIRST_PAGE_QUERY, OPINIONS_PATH } from '../../../src/parse/dashboard-first-calls';
import { EARLY_CALLS_GLOBAL, restBody, takeEarlyCall, takeEarlyFunctionCall, type EarlyCall } from '../../../src/parse/early-calls';

const globals = globalThis as Record<string, unknown>;

function leave(...calls: Omit<EarlyCall, 'answer'>[]) {
  globals[EARLY_CALLS_GLOBAL] = calls.map((call, index) => ({
    ...call,
    answer: Promise.resolve({ status: 200, text: JSON.stringify({ result: `answer ${index}` }) }),
  }));
}

afterEach(() => {
  delete globals[EARLY_CALLS_GLOBAL];
});

describe('taking an early call', () => {
  test('answers the first call of its path made with this session, once', async () => {
    leave(
      { path: 'functions/whoami', params: '{}', sessionToken: 'r:other' },
      { path: 'functions/whoami', params: '{}', sessionToken: 'r:mine' },
    );
    const call = takeEarlyFunctionCall('whoami', 'r:mine');
    expect(call?.params).toBe('{}');
    await expect(call?.result).resolves.toBe('answer 1');
    expect(takeEarlyFunctionCall('whoami', 'r:mine')).toBeUndefined();
  });

  test('nothing without a session, for another path, or when the shell sent none', () => {
    expect(takeEarlyCall('functions/whoami', 'r:mine')).toBeUndefined();
    leave({ path: 'functions/whoami', params: '{}', sessionToken: 'r:mine' });
    expect(takeEarlyCall('functions/whoami', null)).toBeUndefined();
    expect(takeEarlyCall('functions/whoami', undefined)).toBeUndefined();
    expect(takeEarlyCall(OPINIONS_PATH, 'r:mine')).toBeUndefined();
  });
});

describe('an early answer, read as the SDK reads it', () => {
  test('a success is its JSON body', () => {
    expect(restBody({ status: 200, text: '{"results":[],"count":0}' })).toEqual({ results: [], count: 0 });
  });

  test("a refusal is Parse's error, in the same words as from the SDK", () => {
    const expired = () => restBody({ status: 400, text: '{"code":209,"error":"Invalid session token"}' });
    expect(expired).toThrow('Invalid session token');
    expect(toAppError(catching(expired)).kind).toBe('session-expired');
    expect(toAppError(catching(() => restBody({ status: 400, text: '{"code":119,"error":"Permission denied"}' }))).kind).toBe('forbidden');
  });

  test("what is not Parse's JSON (a proxy's error page) reads as a failed connection", () => {
    expect(toAppError(catching(() => restBody({ status: 502, text: '<html>Bad gateway</html>' }))).kind).toBe('offline');
    expect(toAppError(catching(() => restBody({ status: 503, text: '{}' }))).kind).toBe('offline');
  });
});

describe('what the shell sends when the dashboard opens', () => {
  const defaults = parseListParams(new URLSearchParams());

  test('its first page is the query the dashboard sends for its default list', () => {
    expect(listQuery(Parse, defaults).toJSON()).toEqual(FIRST_PAGE_QUERY);
    expect(DASHBOARD_FIRST_CALLS).toContainEqual([OPINIONS_PATH, { ...FIRST_PAGE_QUERY, _method: 'GET' }]);
  });

  test('its visit has the params the dashboard sends for its default filters', () => {
    const [path, params] = DASHBOARD_FIRST_CALLS[0]!;
    expect(path).toBe('functions/dashboardVisit');
    expect(JSON.stringify(params)).toBe(JSON.stringify(dashboardVisitParams(filtersOf(defaults), 'UTC')));
  });
});

function catching(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('It did not throw.');
}
