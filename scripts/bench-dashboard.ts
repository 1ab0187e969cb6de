/**
 * `npm run bench:dashboard`: the staff dashboard's queries against 100,000 opinions on a
 * throwaway local stack. Each figure is the p95 of the wall time of the REST request the app
 * makes (JavaScript key and a staff session, as the browser sends it), on localhost.
 * `-- --write` puts the table into docs/performance.md.
 */
import pg from 'pg';
import { CLASS } from '../src/domain/classes.ts';
import { literalPattern } from '../src/domain/dashboard.ts';
import { SAMPLE_COMMENTS, SAMPLE_NAMES } from '../server/seed.ts';
import { startTestStack } from '../tests/helpers/test-stack.ts';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);


function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

const stack = await startTestStack();
try {
  const { appId, javascriptKey } = stack.config;
  const db = new pg.Client({ connectionString: stack.databaseURL });
  await db.connect();

  // Parse's columns for the class: the ACL lives in the _rperm/_wperm text arrays.
  const started = Date.now();
  await db.query(
    `INSERT INTO "${CLASS.opinions}" ("objectId", "createdAt", "updatedAt", "name", "comment", "willReturn", "reviewed", "_rperm", "_wperm")
     SELECT substr(md5(i::text || clock_timestamp()::text), 1, 10),
            date_trunc('milliseconds', now() - i * interval '10 minutes'),
            date_trunc('milliseconds', now() - i * interval '10 minutes'),
            ($1::text[])[1 + i % ${SAMPLE_NAMES.length}] || CASE WHEN i % 7 = 0 THEN ' ' || i ELSE '' END,
            ($2::text[])[1 + (i * 7) % ${SAMPLE_COMMENTS.length}] || ' #' || i,
            i % 3 <> 1,
            i % 4 = 0,
            '{role:staff}', '{role:staff}'
       FROM generate_series(1, $3::int) AS i`,
    [SAMPLE_NAMES, SAMPLE_COMMENTS, ROWS],
  );
  await db.query(`ANALYZE "${CLASS.opinions}"`);
  const total = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${CLASS.opinions}"`)).rows[0]?.n;
  console.log(`Seeded ${ROWS.toLocaleString('en')} opinions in ${Date.now() - started} ms (table: ${total} rows).\n`);

  const login = await fetch(`${stack.serverURL}/login`, {
    method: 'POST',
    headers: { 'X-Parse-Application-Id': appId, 'X-Parse-JavaScript-Key': javascriptKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'staff', password: 'Staff#Opinions1' }),
  });
  const { sessionToken } = (await login.json()) as { sessionToken: string };
  const headers = {
    'X-Parse-Application-Id': appId,
    'X-Parse-JavaScript-Key': javascriptKey,
    'X-Parse-Session-Token': sessionToken,
    'Content-Type': 'application/json',
  };

  const find = (params: Record<string, unknown>) => async () => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    const response = await fetch(`${stack.serverURL}/classes/${CLASS.opinions}?${search}`, { headers });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    await response.json();
  };
  const stats = (params: Record<string, unknown>) => async () => {
    const response = await fetch(`${stack.serverURL}/functions/dashboardStats`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ willReturn: 'any', reviewed: 'any', q: '', start: null, end: null, since: null, timeZone: 'Europe/Paris', ...params }),
    });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    await response.json();
  };

  const newest = { order: '-createdAt,-objectId', limit: 25 };
  const search = (q: string) => ({ $or: [{ name: { $regex: literalPattern(q), $options: 'i' } }, { comment: { $regex: literalPattern(q), $options: 'i' } }] });
  const middle = (await db.query<{ createdAt: Date }>(`SELECT "createdAt" FROM "${CLASS.opinions}" ORDER BY "createdAt" DESC OFFSET 50000 LIMIT 1`)).rows[0]!.createdAt;
  const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();

  const cases: [string, () => Promise<void>, number?][] = [
    ['first page, newest (no count)', find(newest)],
    ['first page, newest, with count', find({ ...newest, count: 1 })],
    ['filter willReturn=no', find({ ...newest, where: { willReturn: false } })],
    ['filter willReturn=no, with count', find({ ...newest, where: { willReturn: false }, count: 1 })],
    ['filter new + willReturn=yes, with count', find({ ...newest, where: { willReturn: true, reviewed: false }, count: 1 })],
    ['filter last 7 days, with count', find({ ...newest, where: { createdAt: { $gte: { __type: 'Date', iso: weekAgo } } }, count: 1 })],
    ['search "garden" (7% match), no count', find({ ...newest, where: search('garden') })],
    ['search "garden" (7% match), with count', find({ ...newest, where: search('garden'), count: 1 })],
    ['search "exhibition" (13%), with count', find({ ...newest, where: search('exhibition'), count: 1 })],
    ['search "the" (75%), no count', find({ ...newest, where: search('the') })],
    ['search "the" (75%), with count', find({ ...newest, where: search('the'), count: 1 })],
    ['search "#4242" (rare), with count', find({ ...newest, where: search('#4242'), count: 1 })],
    ['search "a.b(c" (no match), with count', find({ ...newest, where: search('a.b(c'), count: 1 })],
    ['sort by name, first page, with count', find({ order: 'name,-createdAt', limit: 25, count: 1 })],
    ['page 2 (skip 25)', find({ ...newest, skip: 25 })],
    ['page 40 (skip 1,000), with count', find({ ...newest, skip: 1000, count: 1 })],
    ['skip 50,000', find({ ...newest, skip: 50_000 })],
    ['keyset at 50,000 (createdAt < cursor)', find({ ...newest, where: { createdAt: { $lt: { __type: 'Date', iso: middle.toISOString() } } } })],
    ['stats, no filter (chart: up to a year)', stats({})],
    ['stats, search "garden"', stats({ q: 'garden' })],
    ['stats, search "the"', stats({ q: 'the' })],
    ['stats, one year, willReturn=yes', stats({ willReturn: 'yes', start: new Date(Date.now() - 365 * 24 * 3600_000).toISOString() })],
  ];

  console.log(`p95 of ${RUNS} runs each (ms):`);
  const rows: string[][] = [];
  for (const [label, run] of cases) {
    for (let n = 0; n < 3; n += 1) await run(); // warm up
    const samples: number[] = [];
    for (let n = 0; n < RUNS; n += 1) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? NaN;
    console.log(`  ${label.padEnd(44)} ${p95(samples).toFixed(1).padStart(7)}   (median ${median.toFixed(1)})`);
    rows.push([label, p95(samples).toFixed(1), median.toFixed(1)]);
  }
  if (wantsWrite()) {
    const table = markdownTable(['request', 'p95 (ms)', 'median (ms)'], rows);
    writeBlock('bench:dashboard', `${table}\n\n${ROWS.toLocaleString('en')} opinions, ${RUNS} runs of each request after 3 to warm up.`);
  }
  await db.end();
} finally {
  await stack.stop();
}
