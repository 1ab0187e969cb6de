import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { DEFAULT_FILTERS, DEFAULT_LIST_PARAMS, SEARCH_BOUND, toStatsRequest, type OpinionFilters } from '../../src/domain/dashboard.ts';
import { statsWithPipeline, statsWithSql, type StatsQuery } from '../../server/dashboard-stats.ts';
import { loadAppParse, testSql, withDatabase } from '../helpers/dashboard-data.ts';
import { mongoAggregateOverOpinions } from '../helpers/mongo-aggregate.ts';

// The app's own src/parse modules, on the SDK's Node build (as tests/integration/dashboard.test.ts).
vi.mock('parse', async () => {
  const Parse = (await import('parse/node')).default;
  Parse.User.enableUnsafeCurrentUser();
  return { default: Parse };
});

let app: Awaited<ReturnType<typeof loadAppParse>>;
const marker = `many${crypto.randomUUID().slice(0, 8)}`;
/** Three more matches than the bound, an hour apart, but the bound-th newest and the next share an instant. */
const MATCHES = SEARCH_BOUND + 3;
// Within the chart's year: two days back, on the hour.
const newest = Math.floor(Date.now() / 3_600_000 - 48) * 3_600_000;
const createdAt = (n: number) => new Date(newest - (n < SEARCH_BOUND ? n : n - 1) * 3_600_000);
/** The newest SEARCH_BOUND matches, and the one created at the same instant as the last of them. */
const counted = SEARCH_BOUND + 1;
const search: OpinionFilters = { ...DEFAULT_FILTERS, q: marker };

beforeAll(async () => {
  app = await loadAppParse();
  await app.auth.logIn('staff', 'Staff#Opinions1');
  // Straight into the table: a thousand creates through Parse would only make the test slow.
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "opinions" ("objectId", "createdAt", "updatedAt", "name", "comment", "willReturn", "reviewed", "language", "tags", "_rperm", "_wperm")
       SELECT $1 || n, ($2::timestamptz[])[n + 1], now(), 'Guest ' || n, 'About the ' || $1 || ' ' || n, n % 3 <> 0, false, 'en', '[]'::jsonb, '{role:staff}', '{role:staff}'
         FROM generate_series(0, $3::int - 1) AS n`,
      [marker, Array.from({ length: MATCHES }, (_, n) => createdAt(n)), MATCHES],
    ),
  );
});

afterAll(async () => {
  await withDatabase((client) => client.query(`DELETE FROM "opinions" WHERE "objectId" LIKE $1`, [`${marker}%`]));
  await app?.auth.logOut().catch(() => undefined);
});

test("past the search's bound, the list says more than it, and counts every match when asked", async () => {
  const page = await app.opinions.listOpinions({ ...DEFAULT_LIST_PARAMS, q: marker });
  expect(page.total).toEqual({ kind: 'moreThan', bound: SEARCH_BOUND });
  expect(await app.opinions.countOpinions(search)).toBe(MATCHES);
});

test("a search's stats count its newest matches, and every match when asked", async () => {
  const bounded = await app.opinions.fetchDashboardStats(search, null);
  expect(bounded.countedFrom).toBe(createdAt(SEARCH_BOUND - 1).toISOString());
  expect(bounded.total).toBe(counted);
  expect(bounded.willReturn).toBe(Array.from({ length: counted }, (_, n) => n).filter((n) => n % 3 !== 0).length);
  expect(bounded.days.reduce((sum, day) => sum + day.total, 0)).toBe(counted);

  const all = await app.opinions.fetchDashboardStats(search, null, true);
  expect(all.countedFrom).toBeNull();
  expect(all.total).toBe(MATCHES);
  expect(all.willReturn).toBe(Array.from({ length: MATCHES }, (_, n) => n).filter((n) => n % 3 !== 0).length);
});

test('a search within the bound, and filters without a search, are counted in full', async () => {
  const fewer = await app.opinions.fetchDashboardStats({ ...search, q: `${marker} 99` }, null);
  expect(fewer.countedFrom).toBeNull();
  // "<marker> 99" and "<marker> 990" to "<marker> 999" (and 1000 to 1002 do not hold it).
  expect(fewer.total).toBe(11);
  const unsearched = await app.opinions.fetchDashboardStats(DEFAULT_FILTERS, null);
  expect(unsearched.countedFrom).toBeNull();
  expect(unsearched.total).toBeGreaterThanOrEqual(MATCHES);
});

test('the MongoDB pipeline (Back4App) stops at the same match as the SQL', async () => {
  const mongo = await mongoAggregateOverOpinions();
  const request = toStatsRequest(search, new Date(newest - 10 * 3_600_000));
  const query: StatsQuery = { ...request, start: null, end: null, since: new Date(request.since ?? 0), timeZone: 'Europe/Paris' };
  const viaSql = await statsWithSql(testSql, query);
  expect(viaSql.countedFrom).toBe(createdAt(SEARCH_BOUND - 1).toISOString());
  expect(viaSql.newSince).toBe(10);
  expect(await statsWithPipeline(mongo, query)).toEqual(viaSql);
  // Exactly the bound's number of matches (the three newest left out by a range): all counted.
  const exactlyBound = { ...query, end: createdAt(2) };
  expect(await statsWithSql(testSql, exactlyBound)).toMatchObject({ countedFrom: null, total: SEARCH_BOUND });
  expect(await statsWithPipeline(mongo, exactlyBound)).toEqual(await statsWithSql(testSql, exactlyBound));
  // One more (the newest two left out): the bound-th is the first of no tie, the one after it is left out.
  const oneMore = { ...query, end: createdAt(1) };
  expect(await statsWithSql(testSql, oneMore)).toMatchObject({ countedFrom: createdAt(SEARCH_BOUND + 1).toISOString(), total: SEARCH_BOUND });
  expect(await statsWithPipeline(mongo, oneMore)).toEqual(await statsWithSql(testSql, oneMore));
  // No match at all: nothing counted, nothing bounded.
  const none = { ...query, q: `${marker}-none` };
  expect(await statsWithSql(testSql, none)).toMatchObject({ countedFrom: null, total: 0, days: [] });
  expect(await statsWithPipeline(mongo, none)).toEqual(await statsWithSql(testSql, none));
  const every = { ...query, allMatches: true };
  expect(await statsWithPipeline(mongo, every)).toEqual(await statsWithSql(testSql, every));
  expect((await statsWithSql(testSql, every)).total).toBe(MATCHES);
});
