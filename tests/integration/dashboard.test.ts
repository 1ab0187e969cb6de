import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  DEFAULT_FILTERS,
  filtersOf,
  rangeInstants,
  toStatsRequest,
  type DashboardStats,
  type LanguageFilter,
  type StatsRequest,
  type OpinionFilters,
  type ReviewedFilter,
  type WillReturnFilter,
} from '../../src/domain/dashboard.ts';
import { LANGUAGE_CODES } from '../../src/domain/languages.ts';
import type { Opinion } from '../../src/domain/opinion.ts';
import { statsWithPipeline, statsWithSql, type StatsQuery } from '../../server/dashboard-stats.ts';
import { callFunction, loadAppParse, logInRest, seedOpinions, testSql, withDatabase } from '../helpers/dashboard-data.ts';
import { mongoAggregateOverOpinions } from '../helpers/mongo-aggregate.ts';
import { refusalOf } from '../helpers/refusal.ts';

// The app's own src/parse modules, on the SDK's Node build (the same SDK, with Node's HTTP and
// storage); in Node the SDK keeps the logged-in user only when asked to, as a browser always does.
vi.mock('parse', async () => {
  const Parse = (await import('parse/node')).default;
  Parse.User.enableUnsafeCurrentUser();
  return { default: Parse };
});

let app: Awaited<ReturnType<typeof loadAppParse>>;
const marker = `dash${crypto.randomUUID().slice(0, 8)}`;
const nameMarker = `Nm${crypto.randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  app = await loadAppParse();
  await app.auth.logIn('staff', 'Staff#Opinions1');
  // 36 opinions over 2020-01-01..2020-01-06 (UTC noon), every combination of the flags, in
  // every language and some in none.
  const rows = Array.from({ length: 36 }, (_, n) => ({
    language: n % 7 === 6 ? undefined : LANGUAGE_CODES[n % LANGUAGE_CODES.length],
    name: n % 4 === 0 ? `${nameMarker} ${n}` : n % 4 === 1 ? '' : `Guest ${n}`,
    comment: `${n % 2 === 0 ? marker.toUpperCase() : marker} comment ${n}`,
    willReturn: n % 3 !== 0,
    reviewed: n % 5 === 0,
    createdAt: new Date(Date.UTC(2020, 0, 1 + (n % 6), 12)).toISOString(),
  }));
  await seedOpinions(rows);
});

afterAll(async () => {
  await app?.auth.logOut().catch(() => undefined);
});

/** The same filters, counted straight in PostgreSQL with a plain substring test (no regex). */
async function directCount(filters: OpinionFilters): Promise<{ total: number; willReturn: number }> {
  const f = filtersOf(filters);
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(sql(`$${values.length}`));
  };
  if (f.willReturn !== 'any') add((p) => `"willReturn" = ${p}`, f.willReturn === 'yes');
  if (f.reviewed !== 'any') add((p) => `"reviewed" = ${p}`, f.reviewed === 'reviewed');
  if (f.language !== 'any') add((p) => `"language" = ${p}`, f.language);
  if (f.q) add((p) => `(strpos(lower(coalesce("name", '')), lower(${p})) > 0 OR strpos(lower("comment"), lower(${p})) > 0)`, f.q);
  const { start, end } = rangeInstants(f);
  if (start) add((p) => `"createdAt" >= ${p}`, start);
  if (end) add((p) => `"createdAt" < ${p}`, end);
  const where = conditions.length ? conditions.join(' AND ') : 'TRUE';
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ total: string; will_return: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE "willReturn") AS will_return FROM "opinions" WHERE ${where}`,
      values,
    );
    return { total: Number(rows[0]?.total), willReturn: Number(rows[0]?.will_return) };
  });
}

/** A stats request as the Cloud function reads it, counted in `timeZone`. */
function statsQueryOf(request: StatsRequest, timeZone: string): StatsQuery {
  const instant = (value: string | null) => (value === null ? null : new Date(value));
  return { ...request, start: instant(request.start), end: instant(request.end), since: instant(request.since), timeZone };
}

const WILL_RETURN: WillReturnFilter[] = ['any', 'yes', 'no'];
const REVIEWED: ReviewedFilter[] = ['any', 'new', 'reviewed'];
const RANGES = [
  { from: '', to: '' },
  { from: '2020-01-02', to: '2020-01-04' },
  { from: '2020-01-03', to: '' },
  { from: '', to: '2020-01-03' },
];

describe('every combination of filters', () => {
  const searches = () => [marker.toLowerCase(), nameMarker.toUpperCase()];
  test('the list count, the stats and a direct SQL count agree', async () => {
    let checked = 0;
    for (const q of searches())
      for (const willReturn of WILL_RETURN)
        for (const reviewed of REVIEWED)
          for (const range of RANGES) {
            const filters: OpinionFilters = { willReturn, reviewed, language: 'any', q, tag: '', ...range };
            const expected = await directCount(filters);
            const page = await app.opinions.listOpinions({ ...filters, sort: 'newest', page: 1, pageSize: 100 });
            const label = JSON.stringify(filters);
            expect(page.total, label).toEqual({ kind: 'exact', count: expected.total });
            expect(page.opinions.length, label).toBe(expected.total);
            const stats = await app.opinions.fetchDashboardStats(filters, null);
            expect(stats.total, label).toBe(expected.total);
            expect(stats.willReturn, label).toBe(expected.willReturn);
            if (range.from && range.to) {
              // The chart covers a closed range: its days add up to the total.
              expect(stats.days.reduce((sum, day) => sum + day.total, 0), label).toBe(expected.total);
            }
            checked += 1;
          }
    expect(checked).toBe(2 * 3 * 3 * 4);
    // The fixture is not empty: the widest filter finds all 36 opinions, 18 of them by the lower-case marker.
    expect((await directCount({ willReturn: 'any', reviewed: 'any', language: 'any', from: '', to: '', q: marker, tag: '' })).total).toBe(36);
  });

  test('the MongoDB pipeline (Back4App) gives the same stats as the SQL, days and time zones included', async () => {
    const mongo = await mongoAggregateOverOpinions();
    const token = await logInRest('staff', 'Staff#Opinions1');
    const zones = ['Europe/Paris', 'Pacific/Auckland', 'America/Los_Angeles'];
    let compared = 0;
    let withDays = 0;
    for (const q of searches())
      for (const willReturn of WILL_RETURN)
        for (const reviewed of REVIEWED)
          for (const range of RANGES) {
            const since = compared % 2 === 0 ? null : new Date(Date.UTC(2020, 0, 3, 18));
            const request = toStatsRequest({ willReturn, reviewed, language: 'any', q, tag: '', ...range }, since);
            const query = statsQueryOf(request, zones[compared % zones.length]!);
            const label = JSON.stringify(query);
            const viaFunction = await callFunction('dashboardStats', request, token);
            expect(viaFunction.status, label).toBe(200);
            // The function counts in the venue's time zone; the SQL it runs is asked in each of these.
            const viaSql = await statsWithSql(testSql, query);
            const viaPipeline = await statsWithPipeline(mongo, query);
            expect(viaPipeline, label).toEqual(viaSql);
            if (viaPipeline.days.length > 0) withDays += 1;
            compared += 1;
          }
    expect(compared).toBe(72);
    expect(withDays).toBeGreaterThan(20);
  });

  test('each language: the list, the export, the stats and their split agree with SQL, and so does the pipeline', async () => {
    const mongo = await mongoAggregateOverOpinions();
    const token = await logInRest('staff', 'Staff#Opinions1');
    const perLanguage = await withDatabase(async (client) => {
      const { rows } = await client.query<{ language: string | null; total: string; will_return: string }>(
        `SELECT "language" AS language, count(*) AS total, count(*) FILTER (WHERE "willReturn") AS will_return
           FROM "opinions" WHERE strpos(lower("comment"), lower($1)) > 0 GROUP BY 1`,
        [marker],
      );
      return rows.map((row) => ({ language: row.language, total: Number(row.total), willReturn: Number(row.will_return) }));
    });
    const languages: LanguageFilter[] = ['any', ...LANGUAGE_CODES];
    for (const language of languages) {
      const filters: OpinionFilters = { willReturn: 'any', reviewed: 'any', language, from: '', to: '', q: marker, tag: '' };
      const expected = await directCount(filters);
      expect(expected.total, language).toBeGreaterThan(0);
      const page = await app.opinions.listOpinions({ ...filters, sort: 'newest', page: 1, pageSize: 100 });
      expect(page.total, language).toEqual({ kind: 'exact', count: expected.total });
      if (language !== 'any') expect(page.opinions.every((opinion) => opinion.language === language), language).toBe(true);
      const exported = await exportAll(filters);
      expect(exported.map((opinion) => opinion.id).sort(), language).toEqual(page.opinions.map((opinion) => opinion.id).sort());
      const stats = await app.opinions.fetchDashboardStats(filters, null);
      expect(stats.total, language).toBe(expected.total);
      expect(stats.willReturn, language).toBe(expected.willReturn);
      // Every language in order, then those without one; a language filter leaves only its own.
      const split = [...LANGUAGE_CODES, null].flatMap((code) => {
        const found = perLanguage.find((row) => row.language === code);
        const kept = language === 'any' || language === code;
        if (code === null && (!found || !kept)) return [];
        return [kept && found ? { ...found, language: code } : { language: code, total: 0, willReturn: 0 }];
      });
      expect(stats.languages, language).toEqual(split);

      const request = toStatsRequest(filters, null);
      expect((await callFunction('dashboardStats', request, token)).status, language).toBe(200);
      const query = statsQueryOf(request, 'Europe/Paris');
      const viaPipeline = await statsWithPipeline(mongo, query);
      expect(viaPipeline, language).toEqual(await statsWithSql(testSql, query));
    }
    // The fixture has opinions without a language: the split shows them.
    expect(perLanguage.some((row) => row.language === null)).toBe(true);
  });

  test('stats asked without a language (an app older than the filter) are of every language', async () => {
    const token = await logInRest('staff', 'Staff#Opinions1');
    const request = toStatsRequest({ willReturn: 'any', reviewed: 'any', language: 'any', from: '', to: '', q: marker, tag: '' }, null);
    const older = { willReturn: request.willReturn, reviewed: request.reviewed, q: request.q, start: null, end: null, since: null, timeZone: 'UTC' };
    const [withAny, without] = await Promise.all([callFunction('dashboardStats', request, token), callFunction('dashboardStats', older, token)]);
    expect(without.body.result).toEqual(withAny.body.result);
    const unknown = await callFunction('dashboardStats', { ...request, language: 'de' }, token);
    expect(unknown.body.code).toBe(102);
  });

  test('pages are disjoint and follow the sort', async () => {
    const base = { willReturn: 'any', reviewed: 'any', language: 'any', from: '', to: '', q: marker, tag: '' } as const;
    for (const sort of ['newest', 'oldest', 'name'] as const) {
      const pages = await Promise.all(
        [1, 2].map((page) => app.opinions.listOpinions({ ...base, sort, page, pageSize: 25 })),
      );
      const ids = pages.flatMap((page) => page.opinions.map((opinion) => opinion.id));
      expect(new Set(ids).size).toBe(36);
      const all = pages.flatMap((page) => page.opinions);
      if (sort === 'newest') expect(all.map((o) => +o.createdAt)).toEqual(all.map((o) => +o.createdAt).sort((a, b) => b - a));
      if (sort === 'oldest') expect(all.map((o) => +o.createdAt)).toEqual(all.map((o) => +o.createdAt).sort((a, b) => a - b));
      if (sort === 'name') {
        const names = all.map((o) => o.name);
        expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }
    }
  });
});

describe('the day-by-hour view', () => {
  const tag = `hr${crypto.randomUUID().slice(0, 8)}`;
  // Every 47 minutes over two days around each of New York's clock changes of 2021
  // (14 March, 02:00 -> 03:00; 7 November, 02:00 -> 01:00), some returning, some not.
  const instants = [Date.UTC(2021, 2, 13, 12), Date.UTC(2021, 10, 6, 12)].flatMap((first) =>
    Array.from({ length: 62 }, (_, n) => new Date(first + n * 47 * 60_000)),
  );

  beforeAll(async () => {
    await seedOpinions(instants.map((at, n) => ({ name: '', comment: `${tag} ${n}`, willReturn: n % 3 !== 1, createdAt: at.toISOString() })));
  });

  /** The cells counted here, one opinion at a time, with the browser's own clock rules. */
  function directCells(timeZone: string) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const cells = new Map<string, { weekday: number; hour: number; total: number; willReturn: number }>();
    instants.forEach((at, n) => {
      const part = (type: string) => parts.formatToParts(at).find((p) => p.type === type)?.value ?? '';
      const weekday = weekdays.indexOf(part('weekday')) + 1;
      const hour = Number(part('hour'));
      const cell = cells.get(`${weekday} ${hour}`) ?? { weekday, hour, total: 0, willReturn: 0 };
      cells.set(`${weekday} ${hour}`, { ...cell, total: cell.total + 1, willReturn: cell.willReturn + (n % 3 !== 1 ? 1 : 0) });
    });
    return [...cells.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  }

  test("its counts are the opinions of each hour of each day of the week by the venue's clocks, across clock changes", async () => {
    const mongo = await mongoAggregateOverOpinions();
    for (const timeZone of ['America/New_York', 'Europe/Paris', 'Asia/Kolkata']) {
      const request = toStatsRequest({ willReturn: 'any', reviewed: 'any', language: 'any', from: '', to: '', q: tag, tag: '' }, null);
      const viaSql = await statsWithSql(testSql, statsQueryOf(request, timeZone));
      expect(viaSql.hours, timeZone).toEqual(directCells(timeZone));
      expect(viaSql.hours.reduce((sum, cell) => sum + cell.total, 0), timeZone).toBe(instants.length);
      expect(await statsWithPipeline(mongo, statsQueryOf(request, timeZone)), timeZone).toEqual(viaSql);
    }
    // New York's spring-forward night has no 02:00 hour; its fall-back night has two 01:00 hours, in one cell.
    const newYork = directCells('America/New_York');
    expect(newYork.some((cell) => cell.weekday === 7 && cell.hour === 1 && cell.total >= 2)).toBe(true);
  });

  test('the Cloud function counts in the time zone it names, and the per-day counts add up to the same', async () => {
    const token = await logInRest('staff', 'Staff#Opinions1');
    const request = toStatsRequest({ willReturn: 'any', reviewed: 'any', language: 'any', from: '2021-03-01', to: '2021-11-30', q: tag, tag: '' }, null);
    const answer = (await callFunction('dashboardStats', request, token)).body.result as DashboardStats;
    expect(answer.hours).toEqual(directCells(answer.timeZone));
    expect(answer.days.reduce((sum, day) => sum + day.total, 0)).toBe(instants.length);
  });
});

describe('search takes what is typed literally', () => {
  const tag = `rx${crypto.randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    await seedOpinions([
      { name: '', comment: `${tag} a.b(c here`, willReturn: true },
      { name: '', comment: `${tag} axb(c here`, willReturn: true },
      { name: '', comment: `${tag} quote's [x]* $5 ^hat back\\Eslash`, willReturn: false },
    ]);
  });
  const count = (q: string) =>
    app.opinions.countOpinions({ willReturn: 'any', reviewed: 'any', language: 'any', from: '', to: '', q, tag: '' });

  test('regular-expression characters match themselves', async () => {
    expect(await count(`${tag} a.b(c`)).toBe(1);
    expect(await count(`${tag} A.B(C`)).toBe(1);
    expect(await count(`quote's [x]* $5 ^hat`)).toBe(1);
    expect(await count(`back\\Eslash`)).toBe(1);
    expect(await count(`$5`)).toBeGreaterThanOrEqual(1);
  });

  test('"." and ".*" do not match everything', async () => {
    const all = await count('');
    expect(await count('.*')).toBeLessThan(all);
    expect(await count(`${tag}.`)).toBe(0);
    expect(await count(`${tag} a.`)).toBe(1);
  });

  test('the stats function searches the same way', async () => {
    const stats = await app.opinions.fetchDashboardStats(
      { willReturn: 'any', reviewed: 'any', language: 'any', from: '', to: '', q: `${tag} a.b(c`, tag: '' },
      null,
    );
    expect(stats.total).toBe(1);
  });
});

/** The export's pages as the dashboard's export reads them, gathered; their number checked against what it says. */
async function exportAll(filters: OpinionFilters, onProgress: (fetched: number, total: number) => void = () => undefined) {
  const pages: (readonly Opinion[])[] = [];
  const exported = await app.opinions.forEachOpinionPage(filters, { onPage: async (page) => void pages.push(page), onProgress });
  expect(pages.flat()).toHaveLength(exported);
  return pages.flat();
}

test('the export of a filtered set is exactly what the query finds, across many pages', async () => {
  const tag = `ex${crypto.randomUUID().slice(0, 8)}`;
  // 2,150 rows: three export pages; many share one createdAt, to prove the cursor breaks ties.
  const rows = Array.from({ length: 2150 }, (_, n) => ({
    name: '',
    comment: `${tag} ${n}`,
    willReturn: n % 2 === 0,
    createdAt: new Date(Date.UTC(2019, 5, 1, 0, 0, Math.floor(n / 10))).toISOString(),
  }));
  await seedOpinions(rows);
  const filters: OpinionFilters = { willReturn: 'yes', reviewed: 'any', language: 'any', from: '', to: '', q: tag, tag: '' };
  const progress: [number, number][] = [];
  const exported = await exportAll(filters, (done, total) => progress.push([done, total]));
  const expected = await withDatabase(async (client) => {
    const { rows: found } = await client.query<{ objectId: string }>(
      `SELECT "objectId" FROM "opinions" WHERE "willReturn" AND strpos("comment", $1) > 0`,
      [tag],
    );
    return found.map((row) => row.objectId);
  });
  expect(expected).toHaveLength(1075);
  expect(exported.map((opinion) => opinion.id).sort()).toEqual([...expected].sort());
  expect(progress[0]).toEqual([0, 1075]);
  expect(progress.at(-1)).toEqual([1075, 1075]);
  expect(progress.length).toBeGreaterThanOrEqual(3);
}, 120_000);

describe('only staff may read the stats', () => {
  const params = { willReturn: 'any', reviewed: 'any', q: '', start: null, end: null, since: null, timeZone: 'UTC' };

  test('an anonymous caller is refused', async () => {
    const answer = await callFunction('dashboardStats', params);
    expect(answer.status).toBe(400);
    expect(answer.body.result).toBeUndefined();
    expect(answer.body.code).toBe(209);
  });

  test('a signed-in user who is not staff is refused', async () => {
    const token = await logInRest('visitor', 'Visitor#Opinions1');
    for (const name of ['dashboardStats', 'dashboardVisit']) {
      const answer = await callFunction(name, params, token);
      expect(answer.body.result, name).toBeUndefined();
      expect(answer.body.code, name).toBe(119);
    }
  });

  test('staff get numbers; bad params are refused', async () => {
    const token = await logInRest('staff', 'Staff#Opinions1');
    const answer = await callFunction('dashboardStats', params, token);
    expect(answer.status).toBe(200);
    expect(answer.body.result).toMatchObject({ total: expect.any(Number), newSince: null });
    // The time zone is the venue's: one sent along (by an app older than that) never reaches the SQL.
    const bad = await callFunction('dashboardStats', { ...params, timeZone: "UTC'; DROP TABLE opinions; --" }, token);
    expect(bad.status).toBe(200);
    const badFilter = await callFunction('dashboardStats', { ...params, willReturn: { $ne: 1 } }, token);
    expect(badFilter.body.code).toBe(102);
  });

  test('the widest range a date field takes (to 31 December 9999) is counted; "1" and 200,000 BC are no dates', async () => {
    const token = await logInRest('staff', 'Staff#Opinions1');
    // The day after the last one is sent with a six-digit year (+010000).
    const widest = toStatsRequest({ ...DEFAULT_FILTERS, from: '0100-01-01', to: '9999-12-31' }, null);
    expect((await callFunction('dashboardStats', widest, token)).status).toBe(200);
    for (const end of ['1', '-200000-01-01T00:00:00.000Z']) {
      expect((await callFunction('dashboardStats', { ...params, end }, token)).body.code, end).toBe(102);
    }
  });

  test('a plain user cannot list opinions either (class-level permissions)', async () => {
    const token = await logInRest('visitor', 'Visitor#Opinions1');
    const { stack } = await import('../helpers/dashboard-data.ts');
    const response = await fetch(`${stack.serverURL}/classes/opinions?limit=1`, {
      headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey, 'X-Parse-Session-Token': token },
    });
    expect(await response.json()).toMatchObject({ code: 119 });
  });
});

test('"new since you last looked" counts what arrived after the previous visit', async () => {
  const tag = `nw${crypto.randomUUID().slice(0, 8)}`;
  const filters: OpinionFilters = { willReturn: 'any', reviewed: 'any', language: 'any', from: '', to: '', q: tag, tag: '' };
  const first = await app.opinions.recordDashboardVisit(filters);
  const second = await app.opinions.recordDashboardVisit(filters);
  expect(second.previous).toBeInstanceOf(Date);
  if (first.previous) expect(+second.previous!).toBeGreaterThanOrEqual(+first.previous);
  await seedOpinions([
    { name: '', comment: `${tag} one`, willReturn: true },
    { name: '', comment: `${tag} two`, willReturn: false },
  ]);
  const stats = await app.opinions.fetchDashboardStats(filters, second.previous);
  expect(stats).toMatchObject({ total: 2, willReturn: 1, newSince: 2 });
  const later = await app.opinions.fetchDashboardStats(filters, new Date(Date.now() + 60_000));
  expect(later.newSince).toBe(0);

  // A visit answers with the stats of the filters it is given, new since the visit before it.
  const third = await app.opinions.recordDashboardVisit(filters);
  expect(+third.previous!).toBeGreaterThanOrEqual(+second.previous!);
  expect(third.stats).toEqual(await app.opinions.fetchDashboardStats(filters, third.previous));
  expect(third.stats).toMatchObject({ total: 2, newSince: 2 });
  expect((await app.opinions.recordDashboardVisit(filters)).stats).toMatchObject({ total: 2, newSince: 0 });
});

test('a visit refuses stats params that are not an object, and a bad filter in them', async () => {
  const token = await logInRest('staff', 'Staff#Opinions1');
  expect((await callFunction('dashboardVisit', { stats: 'all' }, token)).body.code).toBe(102);
  const params = { willReturn: 'maybe', reviewed: 'any', q: '', start: null, end: null, timeZone: 'UTC' };
  expect((await callFunction('dashboardVisit', { stats: params }, token)).body.code).toBe(102);
});

describe('batch actions when another staff member got there first', () => {
  const stored = (ids: readonly string[]) =>
    withDatabase(async (client) => {
      const { rows } = await client.query<{ objectId: string; reviewed: boolean | null }>(
        'SELECT "objectId", "reviewed" FROM "opinions" WHERE "objectId" = ANY($1) ORDER BY "objectId"',
        [ids],
      );
      return rows;
    });

  test('deleting some of which one is gone already deletes the others, and is no failure', async () => {
    const tag = `gn${crypto.randomUUID().slice(0, 8)}`;
    const ids = await seedOpinions([1, 2, 3].map((n) => ({ name: '', comment: `${tag} ${n}`, willReturn: true })));
    await app.opinions.deleteOpinions([ids[1]!]);
    await expect(app.opinions.deleteOpinions(ids)).resolves.toBeUndefined();
    expect(await stored(ids)).toEqual([]);
  });

  test('marking some of which one is gone says so in words; the others are as the list will show', async () => {
    const tag = `gm${crypto.randomUUID().slice(0, 8)}`;
    const ids = await seedOpinions([1, 2].map((n) => ({ name: '', comment: `${tag} ${n}`, willReturn: true })));
    await app.opinions.deleteOpinions([ids[0]!]);
    const words = 'An opinion was deleted meanwhile, by someone else. The list now shows what is left.';
    expect(await refusalOf(app.opinions.setReviewed(ids, true))).toEqual({ kind: 'deleted-meanwhile', words });
    expect(await refusalOf(app.opinions.setReviewed([ids[0]!], true))).toEqual({ kind: 'deleted-meanwhile', words });
    // The one still there is marked, and the list reads it again.
    expect(await stored(ids)).toEqual([{ objectId: ids[1], reviewed: true }]);
  });

  test('marking more than one call takes, of which one in the first is gone: the rest are marked, in each call', async () => {
    const tag = `gc${crypto.randomUUID().slice(0, 8)}`;
    const ids = await seedOpinions(Array.from({ length: 101 }, (_, n) => ({ name: '', comment: `${tag} ${n}`, willReturn: true })));
    await app.opinions.deleteOpinions([ids[0]!]);
    expect(await refusalOf(app.opinions.setReviewed(ids, true))).toMatchObject({ kind: 'deleted-meanwhile' });
    const rows = await stored(ids);
    expect(rows).toHaveLength(100);
    expect(rows.every((row) => row.reviewed)).toBe(true);
  });

  test('tagging more than one call takes, of which one in the first holds its 20 tags: every other is tagged, in each call', async () => {
    const tag = `gt${crypto.randomUUID().slice(0, 8)}`;
    const twenty = Array.from({ length: 20 }, (_, n) => `t${n}`);
    const ids = await seedOpinions(
      Array.from({ length: 101 }, (_, n) => ({ name: '', comment: `${tag} ${n}`, willReturn: true, ...(n === 0 ? { tags: twenty } : {}) })),
    );
    expect(await refusalOf(app.opinions.addTag(ids, 'extra'))).toMatchObject({ kind: 'validation' });
    const tags = await withDatabase(async (client) => {
      const { rows } = await client.query<{ objectId: string; tags: string[] | null }>('SELECT "objectId", "tags" FROM "opinions" WHERE "objectId" = ANY($1)', [ids]);
      return new Map(rows.map((row) => [row.objectId, row.tags]));
    });
    expect(tags.get(ids[0]!)).toEqual(twenty);
    expect(ids.slice(1).every((id) => tags.get(id)?.join() === 'extra')).toBe(true);
  });

  test('a refusal that is not "gone" is still a failure, in words', async () => {
    await app.auth.logOut();
    try {
      // Signed out: the class-level permissions refuse (119), whatever the opinion.
      await expect(app.opinions.deleteOpinions(['nonexistent1'])).rejects.toMatchObject({ kind: 'forbidden' });
    } finally {
      await app.auth.logIn('staff', 'Staff#Opinions1');
    }
  });
});
