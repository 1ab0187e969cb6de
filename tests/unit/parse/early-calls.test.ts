import Parse from 'parse';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { appConfig } from '../../../src/config/env';
import { DEFAULT_FILTERS, DEFAULT_LIST_PARAMS, parseListParams, type DashboardStats } from '../../../src/domain/dashboard';
import { recordDashboardVisit } from '../../../src/parse/dashboard-stats';
import { dashboardFirstCalls, OPINIONS_PATH } from '../../../src/parse/dashboard-first-calls';
import { EARLY_CALLS_GLOBAL, takeEarlyCall, type EarlyCall, type EarlyCallSpec } from '../../../src/parse/early-calls';
import { toAppError } from '../../../src/parse/errors';
import { listOpinions, listQuery } from '../../../src/parse/opinion-list';
import { listQueryJSON } from '../../../src/parse/opinion-query';
import { storedUserKey } from '../../../src/parse/sdk-storage';
import { restBody, sameJSON } from '../../../src/parse/wire';

const globals = globalThis as Record<string, unknown>;

function leave(...calls: (Omit<EarlyCall, 'answer'> & { body?: object })[]) {
  globals[EARLY_CALLS_GLOBAL] = calls.map(({ body, ...call }, index) => ({
    ...call,
    answer: Promise.resolve({ status: 200, text: JSON.stringify(body ?? { result: `answer ${index}` }) }),
  }));
}

afterEach(() => {
  delete globals[EARLY_CALLS_GLOBAL];
});

describe('taking an early call', () => {
  test('answers the first call of its path made with this session, once', async () => {
    leave({ path: 'functions/whoami', params: {}, sessionToken: 'r:other' }, { path: 'functions/whoami', params: {}, sessionToken: 'r:mine' });
    const call = takeEarlyCall('functions/whoami', 'r:mine');
    expect(call?.params).toEqual({});
    expect(restBody(await call!.answer)).toEqual({ result: 'answer 1' });
    expect(takeEarlyCall('functions/whoami', 'r:mine')).toBeUndefined();
  });

  test('nothing without a session, for another path or other params, or when the shell sent none', () => {
    expect(takeEarlyCall('functions/whoami', 'r:mine')).toBeUndefined();
    leave({ path: 'functions/whoami', params: { a: 1 }, sessionToken: 'r:mine' });
    expect(takeEarlyCall('functions/whoami', null)).toBeUndefined();
    expect(takeEarlyCall('functions/whoami', undefined)).toBeUndefined();
    expect(takeEarlyCall(OPINIONS_PATH, 'r:mine')).toBeUndefined();
    expect(takeEarlyCall('functions/whoami', 'r:mine', { a: 2 })).toBeUndefined();
  });
});

describe('params compared as JSON values', () => {
  test('whatever the order of their keys, and nothing else', () => {
    expect(sameJSON({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toBe(true);
    expect(sameJSON({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJSON([1, 2], [2, 1])).toBe(false);
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

describe('what the shell sends when the dashboard opens, the dashboard takes', () => {
  const defaults = parseListParams(new URLSearchParams());
  const calls = () => new Map<string, object>(dashboardFirstCalls().map(([path, params]: EarlyCallSpec) => [path, params]));

  beforeEach(() => {
    if (!appConfig.ok) throw new Error('The unit tests run with the app configured (.env).');
    localStorage.setItem(storedUserKey(appConfig.config.parseAppId), JSON.stringify({ sessionToken: 'r:mine' }));
  });
  afterEach(() => localStorage.clear());

  test('the SDK sends the list query as the shell builds it', () => {
    expect(listQuery(Parse, defaults).toJSON()).toEqual(listQueryJSON(defaults));
    const filtered = parseListParams(new URLSearchParams('q=a.b&return=yes&from=2026-01-02&to=2026-01-03&sort=name&page=3'));
    expect(listQuery(Parse, filtered).toJSON()).toEqual(listQueryJSON(filtered));
  });

  test('its first page: the default list', async () => {
    const opinion = { objectId: 'o1', name: 'Ann', comment: 'Fine', willReturn: true, reviewed: false, createdAt: '2026-01-02T03:04:05.000Z' };
    leave({ path: OPINIONS_PATH, params: calls().get(OPINIONS_PATH)!, sessionToken: 'r:mine', body: { results: [opinion], count: 7 } });
    const page = await listOpinions(DEFAULT_LIST_PARAMS);
    expect(page.total).toEqual({ kind: 'exact', count: 7 });
    expect(page.opinions.map((o) => o.id)).toEqual(['o1']);
  });

  test('its visit, with the stats of the default filters', async () => {
    const stats: DashboardStats = { total: 3, willReturn: 2, newSince: null, chartFrom: '2026-01-01', chartTo: '2026-01-02', days: [], languages: [], hours: [], timeZone: 'UTC', countedFrom: null, retention: null };
    const path = 'functions/dashboardVisit';
    leave({ path, params: calls().get(path)!, sessionToken: 'r:mine', body: { result: { previous: null, stats } } });
    await expect(recordDashboardVisit(DEFAULT_FILTERS)).resolves.toEqual({ previous: null, stats });
    // Sent with other filters, the visit is still the one recorded, but its stats are not these.
    leave({ path, params: { stats: { other: true } }, sessionToken: 'r:mine', body: { result: { previous: '2026-01-01T00:00:00.000Z', stats } } });
    await expect(recordDashboardVisit(DEFAULT_FILTERS)).resolves.toEqual({ previous: new Date('2026-01-01T00:00:00.000Z'), stats: null });
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
