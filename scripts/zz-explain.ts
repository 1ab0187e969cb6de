import pg from 'pg';
import { literalPattern } from '../src/domain/dashboard.ts';
import { SAMPLE_COMMENTS, SAMPLE_NAMES } from '../server/seed.ts';
import { startTestStack } from '../tests/helpers/test-stack.ts';
const stack = await startTestStack();
try {
  const db = new pg.Client({ connectionString: stack.databaseURL });
  await db.connect();
  await db.query(
    `INSERT INTO "opinions" ("objectId", "createdAt", "updatedAt", "name", "comment", "willReturn", "reviewed", "_rperm", "_wperm")
     SELECT substr(md5(i::text || clock_timestamp()::text), 1, 10),
            date_trunc('milliseconds', now() - i * interval '10 minutes'),
            date_trunc('milliseconds', now() - i * interval '10 minutes'),
            ($1::text[])[1 + i % ${SAMPLE_NAMES.length}] || CASE WHEN i % 7 = 0 THEN ' ' || i ELSE '' END,
            ($2::text[])[1 + (i * 7) % ${SAMPLE_COMMENTS.length}] || ' #' || i,
            i % 3 <> 1, i % 4 = 0, '{role:staff}', '{role:staff}'
       FROM generate_series(1, 100000) AS i`, [SAMPLE_NAMES, SAMPLE_COMMENTS]);
  await db.query('ANALYZE "opinions"');
  const p = literalPattern('exhibition');

  const zone = 'Europe/Paris';
  const queries: Record<string, string> = {
    totals: `SELECT count(*) AS total, count(*) FILTER (WHERE "willReturn") AS will_return, count(*) FILTER (WHERE $3::timestamptz IS NOT NULL AND "createdAt" > $3::timestamptz) AS new_since FROM "opinions" WHERE ("name" ~* $1 OR "comment" ~* $1) AND "createdAt" >= $2`,
    days: `SELECT to_char(("createdAt" AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, count(*) AS total, count(*) FILTER (WHERE "willReturn") AS will_return FROM "opinions" WHERE ("name" ~* $1 OR "comment" ~* $1) AND "createdAt" >= $2 GROUP BY 1 ORDER BY 1`,
    days2: `SELECT to_char(d, 'YYYY-MM-DD') AS day, total, will_return FROM (SELECT ("createdAt" AT TIME ZONE $3)::date AS d, count(*) AS total, count(*) FILTER (WHERE "willReturn") AS will_return FROM "opinions" WHERE ("name" ~* $1 OR "comment" ~* $1) AND "createdAt" >= $2 GROUP BY 1) g ORDER BY 1`,
    one: `SELECT CASE WHEN "createdAt" >= $2 THEN ("createdAt" AT TIME ZONE $3)::date END AS d, count(*) AS total, count(*) FILTER (WHERE "willReturn") AS will_return, count(*) FILTER (WHERE "createdAt" > $4::timestamptz) AS n FROM "opinions" WHERE ("name" ~* $1 OR "comment" ~* $1) GROUP BY 1`,
    oneNoQ: `SELECT CASE WHEN "createdAt" >= $2 THEN ("createdAt" AT TIME ZONE $3)::date END AS d, count(*) AS total, count(*) FILTER (WHERE "willReturn") AS will_return, count(*) FILTER (WHERE "createdAt" > $4::timestamptz) AS n FROM "opinions" WHERE $1::text IS NOT NULL GROUP BY 1`,
  };
  const yearAgo = new Date(Date.now() - 365 * 86400e3), monthAgo = new Date(Date.now() - 30 * 86400e3), epoch = new Date(0);
  const runs: [string, string, unknown[]][] = [
    ['the totals all', 'totals', ['the', epoch, null]],
    ['the days 30', 'days', ['the', monthAgo, zone]],
    ['the days2 30', 'days2', ['the', monthAgo, zone]],
    ['the one 30', 'one', ['the', monthAgo, zone, monthAgo]],
    ['year days (no q)', 'days', ['', yearAgo, zone]],
    ['year days2 (no q)', 'days2', ['', yearAgo, zone]],
    ['year one (no q)', 'oneNoQ', ['', yearAgo, zone, monthAgo]],
  ];
  for (const [label, key, values] of runs) {
    const q = queries[key]!;
    for (let i = 0; i < 2; i++) await db.query(q, values);
    const r = await db.query('EXPLAIN (ANALYZE) ' + q, values);
    const lines = r.rows.map((x: any) => x['QUERY PLAN']);
    console.log(label.padEnd(20), lines.find((l: string) => l.includes('Execution')), lines.filter((l: string) => /Scan/.test(l)).map((l: string) => l.trim().slice(0, 40)).join(' | '));
  }
  const c = await db.query(`SELECT count(*) FILTER (WHERE comment ~* 'garden') g, count(*) t FROM opinions`);
  console.log(c.rows, SAMPLE_COMMENTS.filter(s=>/garden/i.test(s)).length, SAMPLE_COMMENTS.length);
  await db.end();
} finally { await stack.stop(); }
