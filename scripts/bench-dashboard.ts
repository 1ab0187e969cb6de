/**
 * `npm run bench:dashboard`: the staff dashboard's queries on a throwaway local stack, at
 * 100,000 opinions and, with `-- --rows 1000000`, again after topping the table up to that many:
 * each request's p95 at both sizes side by side, to show how its cost grows. Each figure is the
 * p95 of the wall time of the REST request the app makes (JavaScript key and a staff session, as
 * the browser sends it), on localhost. Then the CSV export's pages, read through to the end, with
 * their time and the process's peak memory (Parse Server runs in this process).
 * `-- --write` puts the table into docs/performance.md. `BENCH_CASES=count up to,stats` runs only
 * the requests whose label holds one of these, without the export, and writes nothing.
 */
import pg from 'pg';
import { CLASS } from '../src/domain/classes.ts';
import { COUNT_BOUND, countUpTo, literalPattern, SEARCH_BOUND } from '../src/domain/dashboard.ts';
import { cursorAfter, EXPORT_PAGE_SIZE, type ExportCursor } from '../src/domain/export-pages.ts';
import { LANGUAGE_CODES } from '../src/domain/languages.ts';
import { SAMPLE_COMMENTS, SAMPLE_NAMES } from '../server/seed.ts';
import { startTestStack } from '../tests/helpers/test-stack.ts';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';

function rowsArgument(argv: readonly string[]): number {
  const at = argv.indexOf('--rows');
  const value = at >= 0 ? argv[at + 1] : process.env.BENCH_ROWS;
  const rows = Number(value ?? 100_000);
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows wants a whole number of opinions, not "${value}".`);
  return rows;
}

const ROWS = rowsArgument(process.argv);
const FIRST_SIZE = 100_000;
const SIZES = ROWS > FIRST_SIZE ? [FIRST_SIZE, ROWS] : [ROWS];
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
/** A slow request stops early (with at least MIN_RUNS samples), so that 1M rows fit in minutes. */
const CASE_BUDGET_MS = 10_000;
const MIN_RUNS = 5;
const ONLY = process.env.BENCH_CASES?.split(',').map((part) => part.trim()).filter(Boolean);
if (ONLY && process.argv.includes('--write')) throw new Error('BENCH_CASES runs part of the table: it writes nothing.');

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

const stack = await startTestStack();
try {
  const { appId, javascriptKey } = stack.config;
  const db = new pg.Client({ connectionString: stack.databaseURL });
  await db.connect();

  /** Opinions `from + 1` to `to`, one INSERT … SELECT; Parse's ACL lives in _rperm/_wperm. */
  async function seed(from: number, to: number): Promise<void> {
    const started = Date.now();
    await db.query(
      `INSERT INTO "${CLASS.opinions}" ("objectId", "createdAt", "updatedAt", "name", "comment", "willReturn", "reviewed", "language", "tags", "_rperm", "_wperm")
       SELECT lpad(to_hex(i), 10, '0'),
              date_trunc('milliseconds', now() - i * interval '10 minutes'),
              date_trunc('milliseconds', now() - i * interval '10 minutes'),
              ($1::text[])[1 + i % ${SAMPLE_NAMES.length}] || CASE WHEN i % 7 = 0 THEN ' ' || i ELSE '' END,
              ($2::text[])[1 + (i * 7) % ${SAMPLE_COMMENTS.length}] || ' #' || i,
              i % 3 <> 1,
              i % 4 = 0,
              ($3::text[])[1 + i % ${LANGUAGE_CODES.length}],
              CASE WHEN i % 20 = 0 THEN '["follow-up"]'::jsonb ELSE '[]'::jsonb END,
              '{role:staff}', '{role:staff}'
         FROM generate_series($4::int + 1, $5::int) AS i`,
      [SAMPLE_NAMES, SAMPLE_COMMENTS, LANGUAGE_CODES, from, to],
    );
    // As autovacuum leaves a table between bursts: its statistics fresh, its visibility map set
    // and the trigram indexes' pending entries merged. Without it the first requests after the
    // top-up run beside autovacuum's own pass over the new rows: a rare word's search measured
    // 712 ms p95 in one run and 29 in the next.
    await db.query(`VACUUM (ANALYZE) "${CLASS.opinions}"`);
    const total = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${CLASS.opinions}"`)).rows[0]?.n;
    console.log(`Seeded ${(to - from).toLocaleString('en')} opinions in ${Date.now() - started} ms (table: ${total} rows).`);
  }

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

  interface Found {
    readonly results: readonly { readonly objectId: string; readonly createdAt: string }[];
    readonly count?: number;
  }
  async function findOnce(params: Record<string, unknown>): Promise<Found> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    const response = await fetch(`${stack.serverURL}/classes/${CLASS.opinions}?${search}`, { headers });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    return (await response.json()) as Found;
  }
  const find = (params: Record<string, unknown>) => async () => {
    await findOnce(params);
  };
  const stats = (params: Record<string, unknown>) => async () => {
    const response = await fetch(`${stack.serverURL}/functions/dashboardStats`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ willReturn: 'any', reviewed: 'any', language: 'any', q: '', tag: '', start: null, end: null, since: null, timeZone: 'Europe/Paris', ...params }),
    });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    await response.json();
  };

  const newest = { order: '-createdAt,-objectId', limit: 25 };
  const search = (q: string) => ({ $or: [{ name: { $regex: literalPattern(q), $options: 'i' } }, { comment: { $regex: literalPattern(q), $options: 'i' } }] });
  /** The export's next page after `cursor`, as src/parse/opinion-export.ts asks for it. */
  const exportPage = (cursor: ExportCursor | undefined) => ({
    ...newest,
    limit: EXPORT_PAGE_SIZE,
    ...(cursor ? { where: { createdAt: { $lte: { __type: 'Date', iso: cursor.createdAt.toISOString() } } }, skip: cursor.tied } : {}),
  });

  async function cases(size: number): Promise<[string, () => Promise<void>][]> {
    const middle = (
      await db.query<{ createdAt: Date; objectId: string }>(
        `SELECT "createdAt", "objectId" FROM "${CLASS.opinions}" ORDER BY "createdAt" DESC, "objectId" DESC OFFSET $1 LIMIT 1`,
        [Math.min(50_000, size - 1)],
      )
    ).rows[0]!;
    const cursor = { createdAt: middle.createdAt.toISOString(), objectId: middle.objectId };
    const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();
    return [
      ['first page, newest (no count)', find(newest)],
      ['first page, newest, with count', find({ ...newest, count: 1 })],
      ['filter willReturn=no', find({ ...newest, where: { willReturn: false } })],
      ['filter willReturn=no, with count', find({ ...newest, where: { willReturn: false }, count: 1 })],
      ['filter new + willReturn=yes, with count', find({ ...newest, where: { willReturn: true, reviewed: false }, count: 1 })],
      ['filter last 7 days, with count', find({ ...newest, where: { createdAt: { $gte: { __type: 'Date', iso: weekAgo } } }, count: 1 })],
      ['filter language=fr, with count', find({ ...newest, where: { language: 'fr' }, count: 1 })],
      ['filter tag (5%), with count', find({ ...newest, where: { tags: { $all: ['follow-up'] } }, count: 1 })],
      ['search "garden" (7% match), no count', find({ ...newest, where: search('garden') })],
      ['search "garden" (7% match), with count', find({ ...newest, where: search('garden'), count: 1 })],
      ['search "exhibition" (13%), with count', find({ ...newest, where: search('exhibition'), count: 1 })],
      ['search "the" (75%), no count', find({ ...newest, where: search('the') })],
      ['search "the" (75%), with count', find({ ...newest, where: search('the'), count: 1 })],
      ['search "#4242" (rare), with count', find({ ...newest, where: search('#4242'), count: 1 })],
      ['search "a.b(c" (no match), with count', find({ ...newest, where: search('a.b(c'), count: 1 })],
      // As the dashboard asks: the count stops past COUNT_BOUND (decision 0032), a search's past
      // SEARCH_BOUND (decision 0036).
      ['first page, count up to 10,000', find({ ...newest, count: 1, comment: countUpTo(COUNT_BOUND) })],
      ['filter willReturn=no, count up to 10,000', find({ ...newest, where: { willReturn: false }, count: 1, comment: countUpTo(COUNT_BOUND) })],
      ['filter language=fr, count up to 10,000', find({ ...newest, where: { language: 'fr' }, count: 1, comment: countUpTo(COUNT_BOUND) })],
      ['search "garden" (7% match), count up to 1,000', find({ ...newest, where: search('garden'), count: 1, comment: countUpTo(SEARCH_BOUND) })],
      ['search "exhibition" (13%), count up to 1,000', find({ ...newest, where: search('exhibition'), count: 1, comment: countUpTo(SEARCH_BOUND) })],
      ['search "the" (75%), count up to 1,000', find({ ...newest, where: search('the'), count: 1, comment: countUpTo(SEARCH_BOUND) })],
      ['search "#4242" (rare), count up to 1,000', find({ ...newest, where: search('#4242'), count: 1, comment: countUpTo(SEARCH_BOUND) })],
      ['sort by name, first page, with count', find({ order: 'name,-createdAt', limit: 25, count: 1 })],
      ['sort oldest, first page, with count', find({ order: 'createdAt,objectId', limit: 25, count: 1 })],
      ['page 2 (skip 25)', find({ ...newest, skip: 25 })],
      ['page 40 (skip 1,000), with count', find({ ...newest, skip: 1000, count: 1 })],
      ['skip 50,000', find({ ...newest, skip: 50_000 })],
      ['keyset at 50,000 (createdAt < cursor)', find({ ...newest, where: { createdAt: { $lt: { __type: 'Date', iso: cursor.createdAt } } } })],
      ['export page (1,000 after a cursor)', find(exportPage({ createdAt: middle.createdAt, tied: 1 }))],
      ['stats + heatmap, no filter (chart: a year)', stats({})],
      // A search's stats count its newest SEARCH_BOUND matches; every match only when asked.
      ['stats + heatmap, search "garden"', stats({ q: 'garden' })],
      ['stats + heatmap, search "the"', stats({ q: 'the' })],
      ['stats + heatmap, search "garden", every match', stats({ q: 'garden', allMatches: true })],
      ['stats + heatmap, search "the", every match', stats({ q: 'the', allMatches: true })],
      ['stats + heatmap, one year, willReturn=yes', stats({ willReturn: 'yes', start: new Date(Date.now() - 365 * 24 * 3600_000).toISOString() })],
    ];
  }

  interface Figure {
    readonly p95: number;
    readonly median: number;
    readonly runs: number;
  }
  async function measure(label: string, run: () => Promise<void>): Promise<Figure> {
    const started = performance.now();
    for (let n = 0; n < 3 && performance.now() - started < CASE_BUDGET_MS / 10; n += 1) await run(); // warm up
    const samples: number[] = [];
    while (samples.length < RUNS && (samples.length < MIN_RUNS || performance.now() - started < CASE_BUDGET_MS)) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    const figure = { p95: p95(samples), median: [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? NaN, runs: samples.length };
    console.log(`  ${label.padEnd(46)} ${figure.p95.toFixed(1).padStart(8)}   (median ${figure.median.toFixed(1)}, ${figure.runs} runs)`);
    return figure;
  }

  /** The whole export, page after page as src/parse/opinion-export.ts asks for them, keeping none. */
  async function exportAll(): Promise<{ rows: number; ms: number; peakMiB: number }> {
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    let rows = 0;
    let cursor: ExportCursor | undefined;
    try {
      do {
        const page = await findOnce(exportPage(cursor));
        rows += page.results.length;
        cursor = cursorAfter(
          cursor,
          page.results.map((opinion) => ({ createdAt: new Date(opinion.createdAt) })),
        );
      } while (cursor);
    } finally {
      clearInterval(sampler);
    }
    return { rows, ms: performance.now() - started, peakMiB: (Math.max(peak, process.memoryUsage().rss) - baseline) / 2 ** 20 };
  }

  const figures = new Map<string, Figure[]>();
  const exports: string[] = [];
  let seeded = 0;
  for (const size of SIZES) {
    await seed(seeded, size);
    seeded = size;
    console.log(`\nAt ${size.toLocaleString('en')} opinions, p95 of up to ${RUNS} runs each (ms):`);
    const chosen = (await cases(size)).filter(([label]) => !ONLY || ONLY.some((part) => label.includes(part)));
    if (chosen.length === 0) throw new Error(`BENCH_CASES="${process.env.BENCH_CASES}" names no request of this benchmark.`);
    for (const [label, run] of chosen) figures.set(label, [...(figures.get(label) ?? []), await measure(label, run)]);
    if (ONLY) continue;
    const exported = await exportAll();
    const line = `Export of ${exported.rows.toLocaleString('en')} opinions in pages of ${EXPORT_PAGE_SIZE}: ${(exported.ms / 1000).toFixed(1)} s, peak memory +${exported.peakMiB.toFixed(0)} MiB over the process's before.`;
    console.log(`  ${line}`);
    exports.push(line);
  }

  const sizeHeads = SIZES.map((size) => `p95 at ${size.toLocaleString('en')} (ms)`);
  const rows = [...figures].map(([label, at]) => [label, ...at.map((figure) => figure.p95.toFixed(1)), `${at[0]?.median.toFixed(1) ?? ''}`]);
  const table = markdownTable(['request', ...sizeHeads, `median at ${SIZES[0]!.toLocaleString('en')} (ms)`], rows);
  console.log(`\n${table}\n\n${exports.join('\n')}`);
  if (wantsWrite()) {
    writeBlock(
      'bench:dashboard',
      `${table}\n\n${exports.map((line) => `${line}\n`).join('\n')}\nUp to ${RUNS} runs of each request after up to 3 to warm up; a slow request stops after ${CASE_BUDGET_MS / 1000} s with at least ${MIN_RUNS} runs.`,
    );
  }
  await db.end();
} finally {
  await stack.stop();
}
