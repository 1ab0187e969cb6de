/**
 * The stats without a search, a tag or a range are read from rollups below a watermark
 * (server/stats-rollup-sql.ts): they must be the very counts of a pass over every opinion, in
 * any time zone and after any change below the watermark. On a table of their own (a schema of
 * this test's), which no other test file writes while this one compares.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toStatsRequest, type LanguageFilter, type ReviewedFilter, type WillReturnFilter } from '../../src/domain/dashboard.ts';
import { CLASS } from '../../src/domain/classes.ts';
import { poolRunner, type SqlRunner } from '../../server/dashboard-sql.ts';
import { statsWithSql, type StatsQuery } from '../../server/dashboard-stats.ts';
import { STATS_DAYS, STATS_ROLLUP_STATEMENTS, STATS_STATE } from '../../server/stats-rollup-sql.ts';
import { stack, withDatabase } from '../helpers/dashboard-data.ts';

const schema = `rollups_${randomUUID().replaceAll('-', '')}`;
/** Connections to this test's table alone (the stats ask side by side). */
let client: pg.Pool;
let sql: SqlRunner;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
/** The same sequence every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Row {
  createdAt: Date;
  willReturn: boolean | null;
  reviewed: boolean | null;
  language: string | null;
}

function rows(count: number, from: number, to: number, seed: number): Row[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
  return Array.from({ length: count }, () => ({
    createdAt: new Date(from + Math.floor(next() * (to - from))),
    willReturn: pick([true, true, false, null]),
    reviewed: pick([true, false, false, null]),
    // Some in none, some in a language the app does not speak (an older client's).
    language: pick(['en', 'es', 'fr', 'ar', null, 'de']),
  }));
}

async function insert(list: readonly Row[]): Promise<string[]> {
  const ids = list.map(() => randomUUID().slice(0, 10));
  await client.query(
    `INSERT INTO "${CLASS.opinions}" ("objectId", "createdAt", "updatedAt", "willReturn", "reviewed", "language", "comment")
     SELECT id, at, at, will_return, reviewed, language, 'rollup test'
       FROM unnest($1::text[], $2::timestamptz[], $3::boolean[], $4::boolean[], $5::text[]) AS row (id, at, will_return, reviewed, language)`,
    [ids, list.map((row) => row.createdAt), list.map((row) => row.willReturn), list.map((row) => row.reviewed), list.map((row) => row.language)],
  );
  return ids;
}

const WILL_RETURN: WillReturnFilter[] = ['any', 'yes', 'no'];
const REVIEWED: ReviewedFilter[] = ['any', 'new', 'reviewed'];
const LANGUAGES: LanguageFilter[] = ['any', 'fr', 'ar'];
// Havana's clocks go back at 01:00 to midnight: a midnight that comes twice.
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Havana'];

/** Every filter the rollups serve, with and without "new since", counted both ways in `timeZone`. */
async function expectRollupsToCount(timeZone: string): Promise<number> {
  let compared = 0;
  for (const willReturn of WILL_RETURN)
    for (const reviewed of REVIEWED)
      for (const language of LANGUAGES)
        for (const since of [null, new Date(NOW - 30 * 60_000), new Date(NOW - 40 * DAY)]) {
          const request = toStatsRequest({ willReturn, reviewed, language, q: '', tag: '', from: '', to: '' }, since);
          const query: StatsQuery = { ...request, start: null, end: null, since, timeZone };
          const label = JSON.stringify(query);
          expect(await statsWithSql(sql, query), label).toEqual(await statsWithSql(sql, query, { rollups: false }));
          compared += 1;
        }
  return compared;
}

/** What the rollups hold, and the opinions below the watermark they stand for. */
async function rolledUp(): Promise<{ kept: number; below: number; watermark: Date }> {
  const [state] = await sql.rows<{ watermark: Date }>(`SELECT watermark FROM "${STATS_STATE}"`, []);
  const watermark = state?.watermark ?? new Date(0);
  const [kept] = await sql.rows<{ total: string }>(`SELECT coalesce(sum(total), 0) AS total FROM "${STATS_DAYS}"`, []);
  const [below] = await sql.rows<{ count: string }>(`SELECT count(*) FROM "${CLASS.opinions}" WHERE "createdAt" < $1`, [watermark]);
  return { kept: Number(kept?.total), below: Number(below?.count), watermark };
}

beforeAll(async () => {
  await withDatabase(async (admin) => {
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.query(`CREATE TABLE "${schema}"."${CLASS.opinions}" (LIKE public."${CLASS.opinions}" INCLUDING DEFAULTS)`);
  });
  client = new pg.Pool({ connectionString: stack.databaseURL, options: `-c search_path="${schema}"`, max: 4 });
  sql = poolRunner(client);
  for (const statement of STATS_ROLLUP_STATEMENTS) await client.query(statement);
  // Six years up to three hours ago (below the watermark but for today's first hours), and the
  // last two hours (above it); clock changes and time zones of every kind of offset on the way.
  await insert(rows(1_500, NOW - 6 * 365 * DAY, NOW - 3 * HOUR, 1));
  await insert(rows(60, NOW - 30 * HOUR, NOW - 3 * HOUR, 4));
  await insert(rows(40, NOW - 2 * HOUR, NOW, 2));
});

afterAll(async () => {
  await client?.end();
  await withDatabase((admin) => admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
});

describe('the stats from the rollups', () => {
  test('are the counts of every opinion, by every filter they serve and in every time zone, the first time and after', async () => {
    for (const timeZone of ZONES) {
      expect(await expectRollupsToCount(timeZone), timeZone).toBe(81);
      const { kept, below, watermark } = await rolledUp();
      // They were read: the watermark is a midnight of the zone at least two hours back, and
      // the rollups hold every opinion below it.
      expect(watermark.getTime(), timeZone).toBeLessThanOrEqual(NOW - 2 * HOUR);
      expect(watermark.getTime(), timeZone).toBeGreaterThan(NOW - 2 * HOUR - 2 * DAY);
      expect(new Intl.DateTimeFormat('en-GB', { timeZone, timeStyle: 'short' }).format(watermark), timeZone).toBe('00:00');
      expect(kept, timeZone).toBe(below);
      expect(below, timeZone).toBeGreaterThan(1_400);
    }
  });

  test('stay exact after changes below the watermark: reviews, new answers and languages, a moved date, a purge, an opinion dated in the past', async () => {
    await expectRollupsToCount('Europe/Paris');
    const { watermark } = await rolledUp();
    const ids = async (where: string, limit: number) =>
      (await sql.rows<{ objectId: string }>(`SELECT "objectId" FROM "${CLASS.opinions}" WHERE ${where} ORDER BY "objectId" LIMIT ${limit}`, [watermark])).map(
        (row) => row.objectId,
      );
    const old = await ids('"createdAt" < $1', 200);
    // Just below the watermark: written and changed when they are hours old, not days.
    const lastNight = await insert(rows(10, watermark.getTime() - HOUR, watermark.getTime(), 6));
    const today = await ids(`"createdAt" >= $1 AND "createdAt" < now() - interval '1 hour'`, 10);
    const fresh = await ids(`"createdAt" >= $1 AND "createdAt" > now() - interval '1 hour'`, 10);
    expect([lastNight.length, today.length, fresh.length].every((found) => found > 0)).toBe(true);
    const update = (set: string, list: readonly string[]) => client.query(`UPDATE "${CLASS.opinions}" SET ${set} WHERE "objectId" = ANY($1)`, [list]);
    await update(`"reviewed" = NOT coalesce("reviewed", false)`, [...old.slice(0, 40), ...lastNight, ...today, ...fresh]);
    await update(`"language" = 'es'`, old.slice(40, 50));
    await update(`"willReturn" = NOT coalesce("willReturn", false)`, old.slice(50, 60));
    await update(`"createdAt" = "createdAt" - interval '3 days 5 hours'`, old.slice(60, 80));
    // Moved above the watermark, and one from above it to below.
    await update(`"createdAt" = now() - interval '10 minutes'`, old.slice(80, 85));
    await update(`"createdAt" = now() - interval '400 days'`, fresh.slice(0, 1));
    // One purge, of old opinions and of today's.
    await client.query(`DELETE FROM "${CLASS.opinions}" WHERE "objectId" = ANY($1)`, [[...old.slice(100, 200), ...today.slice(0, 3), ...fresh.slice(1, 3)]]);
    await insert(rows(30, NOW - 900 * DAY, NOW - 5 * HOUR, 3));
    const { kept, below } = await rolledUp();
    expect(kept).toBe(below);
    expect(await expectRollupsToCount('Europe/Paris')).toBe(81);
  });

  test('stay exact when opinions change while they are counted again', async () => {
    const old = await sql.rows<{ objectId: string }>(`SELECT "objectId" FROM "${CLASS.opinions}" WHERE "createdAt" < now() - interval '3 days' LIMIT 300`, []);
    // A change of time zone counts everything again, while reviews go on one at a time.
    const reviews = Promise.all(
      old.map(({ objectId }) => client.query(`UPDATE "${CLASS.opinions}" SET "reviewed" = NOT coalesce("reviewed", false) WHERE "objectId" = $1`, [objectId])),
    );
    const recount = statsWithSql(sql, { ...toStatsRequest({ willReturn: 'any', reviewed: 'any', language: 'any', q: '', tag: '', from: '', to: '' }, null), start: null, end: null, since: null, timeZone: 'Asia/Tokyo' });
    await Promise.all([reviews, recount]);
    const { kept, below } = await rolledUp();
    expect(kept).toBe(below);
    expect(await expectRollupsToCount('Asia/Tokyo')).toBe(81);
  });

  test('are counted again after the table is emptied at once', async () => {
    await expectRollupsToCount('Europe/Paris');
    await client.query(`TRUNCATE "${CLASS.opinions}"`);
    await insert(rows(200, NOW - 3 * 365 * DAY, NOW, 5));
    expect(await expectRollupsToCount('Europe/Paris')).toBe(81);
    const { kept, below } = await rolledUp();
    expect(kept).toBe(below);
  });

  test('are counted again when the venue moves to another time zone, and back', async () => {
    for (const timeZone of ['Asia/Kolkata', 'Europe/Paris']) {
      await expectRollupsToCount(timeZone);
      const [state] = await sql.rows<{ time_zone: string }>(`SELECT time_zone FROM "${STATS_STATE}"`, []);
      expect(state?.time_zone).toBe(timeZone);
      const { kept, below } = await rolledUp();
      expect(kept).toBe(below);
    }
  });

  test('are not used for a search, a tag or a range, which the rollups cannot tell', async () => {
    await expectRollupsToCount('Europe/Paris');
    // Made wrong on purpose: only a query that reads them would change.
    await client.query(`UPDATE "${STATS_DAYS}" SET total = total + 1000`);
    try {
      for (const filters of [{ q: 'rollup' }, { tag: 'late' }, { from: '2024-01-01', to: '' }]) {
        const request = toStatsRequest({ willReturn: 'any', reviewed: 'any', language: 'any', q: '', tag: '', from: '', to: '', ...filters }, null);
        const query: StatsQuery = {
          ...request,
          start: request.start ? new Date(request.start) : null,
          end: request.end ? new Date(request.end) : null,
          since: null,
          timeZone: 'Europe/Paris',
        };
        expect(await statsWithSql(sql, query), JSON.stringify(filters)).toEqual(await statsWithSql(sql, query, { rollups: false }));
      }
      const plain: StatsQuery = { ...toStatsRequest({ willReturn: 'any', reviewed: 'any', language: 'any', q: '', tag: '', from: '', to: '' }, null), start: null, end: null, since: null, timeZone: 'Europe/Paris' };
      expect((await statsWithSql(sql, plain)).total).toBeGreaterThan((await statsWithSql(sql, plain, { rollups: false })).total);
    } finally {
      await client.query(`UPDATE "${STATS_DAYS}" SET total = total - 1000`);
    }
  });
});
