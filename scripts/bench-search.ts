/**
 * `node --import tsx scripts/bench-search.ts [rows]`: the dashboard's search by trigram regular
 * expression (what Parse sends for `$regex`) against full-text search in each opinion's language
 * (a GIN index on to_tsvector), in SQL on a throwaway local stack, at `rows` opinions (1,000,000
 * unless given): matches, first page, count, and count up to 10,001. Decision 0032 quotes it.
 */
import pg from 'pg';
import { CLASS } from '../src/domain/classes.ts';
import { literalPattern } from '../src/domain/dashboard.ts';
import { DEMO_COMMENTS, SAMPLE_NAMES } from '../server/seed.ts';
import { startTestStack } from '../tests/helpers/test-stack.ts';
import { markdownTable } from './bench-report.ts';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const RUNS = 15;
const CASE_BUDGET_MS = 5_000;
/** A query slower than this is stopped and reported as such. */
const TIMEOUT_MS = 3_000;
const TABLE = `"${CLASS.opinions}"`;
const WORDS = ['garden', 'exhibition', 'the', '4242'];

/** Full text in the opinion's own language; the config must be immutable to be indexed. */
const TEXT_CONFIG = `CREATE OR REPLACE FUNCTION opinion_text_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE language WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish'
    WHEN 'ar' THEN 'arabic' ELSE 'simple' END::regconfig $$`;
const DOCUMENT = `to_tsvector(opinion_text_config("language"), coalesce("name", '') || ' ' || coalesce("comment", ''))`;
/** A visitor may search in any language: the words as each language stems them. */
const TSQUERY = ['english', 'french', 'spanish', 'arabic', 'simple'].map((config) => `plainto_tsquery('${config}', $1)`).join(' || ');
const NEWEST_PAGE = `ORDER BY "createdAt" DESC, "objectId" DESC LIMIT 25`;

interface Timing {
  readonly p95: number | null;
  readonly matches: number;
}

const stack = await startTestStack();
const db = new pg.Client({ connectionString: stack.databaseURL });
await db.connect();
try {
  const started = Date.now();
  await db.query(
    `INSERT INTO ${TABLE} ("objectId", "createdAt", "updatedAt", "name", "comment", "willReturn", "reviewed", "language", "tags", "_rperm", "_wperm")
     SELECT lpad(to_hex(i), 10, '0'), now() - i * interval '10 minutes', now() - i * interval '10 minutes',
            ($1::text[])[1 + i % ${SAMPLE_NAMES.length}] || CASE WHEN i % 7 = 0 THEN ' ' || i ELSE '' END,
            ($2::text[])[1 + (i * 7) % ${DEMO_COMMENTS.length}] || ' #' || i, i % 3 <> 1, i % 4 = 0,
            ($3::text[])[1 + (i * 7) % ${DEMO_COMMENTS.length}], '[]'::jsonb, '{role:staff}', '{role:staff}'
       FROM generate_series(1, $4::int) AS i`,
    [SAMPLE_NAMES, DEMO_COMMENTS.map(([, comment]) => comment), DEMO_COMMENTS.map(([language]) => language), ROWS],
  );
  const seeded = Date.now();
  await db.query(TEXT_CONFIG);
  await db.query(`CREATE INDEX opinion_full_text ON ${TABLE} USING gin (${DOCUMENT})`);
  const indexed = Date.now();
  await db.query(`ANALYZE ${TABLE}`);
  const sizes = await db.query<{ fullText: string; trigram: string }>(
    `SELECT pg_size_pretty(pg_relation_size('opinion_full_text')) AS "fullText",
            pg_size_pretty(pg_relation_size('"${CLASS.opinions}_comment_trgm"') + pg_relation_size('"${CLASS.opinions}_name_trgm"')) AS trigram`,
  );
  console.log(
    `${ROWS.toLocaleString('en')} opinions seeded in ${seeded - started} ms, full-text index built in ${indexed - seeded} ms;` +
      ` indexes: full text ${sizes.rows[0]?.fullText}, trigrams (name and comment) ${sizes.rows[0]?.trigram}.`,
  );

  async function timing(sql: string, value: string): Promise<Timing> {
    const run = () => db.query<{ n?: string }>(sql, [value]);
    await db.query(`SET statement_timeout = ${TIMEOUT_MS}`);
    try {
      await run();
    } catch (error) {
      if (error instanceof pg.DatabaseError && error.code === '57014') return { p95: null, matches: -1 };
      throw error;
    } finally {
      await db.query('SET statement_timeout = 0');
    }
    const samples: number[] = [];
    let matches = 0;
    const begun = performance.now();
    while (samples.length < RUNS && (samples.length < 5 || performance.now() - begun < CASE_BUDGET_MS)) {
      const t0 = performance.now();
      const result = await run();
      samples.push(performance.now() - t0);
      matches = Number(result.rows[0]?.n ?? result.rowCount ?? 0);
    }
    samples.sort((a, b) => a - b);
    return { p95: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)] ?? null, matches };
  }
  /** The first page, the count, and the count up to 10,001, of the rows where `where` holds. */
  const measure = async (where: string, value: string) => [
    await timing(`SELECT "objectId" FROM ${TABLE} WHERE ${where} ${NEWEST_PAGE}`, value),
    await timing(`SELECT count(*) AS n FROM ${TABLE} WHERE ${where}`, value),
    await timing(`SELECT count(*) AS n FROM (SELECT 1 FROM ${TABLE} WHERE ${where} LIMIT 10001) AS found`, value),
  ];
  const shown = (figure: Timing) => (figure.p95 === null ? `stopped at ${TIMEOUT_MS / 1000} s` : figure.p95.toFixed(1));

  const rows: string[][] = [];
  for (const word of WORDS) {
    // The tsquery is made first and sent as a constant, so that the planner can read its selectivity.
    const tsquery = (await db.query<{ q: string }>(`SELECT (${TSQUERY})::text AS q`, [word])).rows[0]?.q ?? '';
    const trigram = await measure(`("name" ~* $1 OR "comment" ~* $1)`, literalPattern(word));
    const fullText = await measure(`${DOCUMENT} @@ $1::tsquery`, tsquery);
    const row = [word, String(trigram[1]?.matches), ...trigram.map(shown), String(fullText[1]?.matches), ...fullText.map(shown)];
    console.log(row.join(' | '));
    rows.push(row);
  }
  const heads = ['matches', 'page p95', 'count p95', 'count to 10,001 p95'];
  console.log(`\nAt ${ROWS.toLocaleString('en')} opinions (ms):\n`);
  console.log(markdownTable(['word', ...heads.map((head) => `trigram ${head}`), ...heads.map((head) => `full text ${head}`)], rows));
} finally {
  await db.end();
  await stack.stop();
}
