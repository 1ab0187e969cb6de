import pg from 'pg';
import { CLASS } from '../src/domain/classes.ts';
import { KEEP_TRIGGER, REFUSE_TRIGGER, SUBMISSION_INDEX } from './exactly-once-sql.ts';
import { STATS_ROLLUP_STATEMENTS } from './stats-rollup-sql.ts';

/*
 * What Parse's schema definitions cannot say (they make plain btree indexes only), applied
 * to PostgreSQL after Parse Server has created the tables. Every statement is idempotent.
 */
const STATEMENTS = [
  // A retried submission must never make a second row, even when two retries race.
  `CREATE UNIQUE INDEX IF NOT EXISTS "${SUBMISSION_INDEX}" ON "${CLASS.opinions}" ("submissionId")`,
  // …nor bring back one that was deleted. Whatever deletes it (Parse, /purge, SQL), or changes
  // its id, its submission id is kept first (server/schema.ts, deliveredSubmissionClass); the
  // insert itself refuses a kept id as a unique violation, which Parse answers with 137 like a
  // live duplicate. A lock on the id orders a delete and a retry racing (decision 0034).
  `CREATE UNIQUE INDEX IF NOT EXISTS "${CLASS.deliveredSubmissions}_submissionId_unique" ON "${CLASS.deliveredSubmissions}" ("submissionId")`,
  `CREATE OR REPLACE FUNCTION "${KEEP_TRIGGER}"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF OLD."submissionId" IS NOT NULL AND (TG_OP = 'DELETE' OR NEW."submissionId" IS DISTINCT FROM OLD."submissionId") THEN
       PERFORM pg_advisory_xact_lock(hashtext(OLD."submissionId"));
       INSERT INTO "${CLASS.deliveredSubmissions}" ("objectId", "createdAt", "updatedAt", "submissionId")
         VALUES (substr(md5(random()::text || clock_timestamp()::text), 1, 10), now(), now(), OLD."submissionId")
         ON CONFLICT ("submissionId") DO NOTHING;
     END IF;
     IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
     RETURN NEW;
   END $$`,
  `CREATE OR REPLACE TRIGGER "${KEEP_TRIGGER}" BEFORE DELETE OR UPDATE OF "submissionId" ON "${CLASS.opinions}"
   FOR EACH ROW EXECUTE FUNCTION "${KEEP_TRIGGER}"()`,
  `CREATE OR REPLACE FUNCTION "${REFUSE_TRIGGER}"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW."submissionId" IS NOT NULL AND (TG_OP = 'INSERT' OR NEW."submissionId" IS DISTINCT FROM OLD."submissionId") THEN
       PERFORM pg_advisory_xact_lock(hashtext(NEW."submissionId"));
       IF EXISTS (SELECT 1 FROM "${CLASS.deliveredSubmissions}" WHERE "submissionId" = NEW."submissionId") THEN
         RAISE unique_violation USING MESSAGE = 'This opinion has already been stored.';
       END IF;
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE OR REPLACE TRIGGER "${REFUSE_TRIGGER}" BEFORE INSERT OR UPDATE OF "submissionId" ON "${CLASS.opinions}"
   FOR EACH ROW EXECUTE FUNCTION "${REFUSE_TRIGGER}"()`,
  // Two racing saves may both see an alert due: only one may follow the previous alert (server/cloud/alerts.ts).
  `CREATE UNIQUE INDEX IF NOT EXISTS "${CLASS.alertMarkers}_after_unique" ON "${CLASS.alertMarkers}" ("after")`,
  // The dashboard's search: Parse turns a case-insensitive $regex into `"comment" ~* '…'`, which
  // a btree cannot help with and a trigram GIN index can (for three or more characters).
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  `CREATE INDEX IF NOT EXISTS "${CLASS.opinions}_comment_trgm" ON "${CLASS.opinions}" USING gin ("comment" gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS "${CLASS.opinions}_name_trgm" ON "${CLASS.opinions}" USING gin ("name" gin_trgm_ops)`,
  // The stats' tag filter (`"tags" @> '["late"]'`, server/dashboard-stats.ts): a btree cannot answer containment.
  `CREATE INDEX IF NOT EXISTS "${CLASS.opinions}_tags_gin" ON "${CLASS.opinions}" USING gin ("tags" jsonb_path_ops)`,
  // The stats without a search, a tag or a range, from counts kept below a watermark.
  ...STATS_ROLLUP_STATEMENTS,
];

export async function migrate(databaseURL: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseURL });
  await client.connect();
  try {
    for (const statement of STATEMENTS) await client.query(statement);
  } finally {
    await client.end();
  }
}

// `npm run migrate`: a self-hosted PostgreSQL, once per release, after Parse Server has made the
// tables (docs/deploy.md). Until it has run, Cloud Code holds opinions to exactly once itself.
if (import.meta.url === `file://${process.argv[1]}`) {
  const databaseURL = process.env.DATABASE_URL;
  if (!databaseURL) {
    console.error('Set DATABASE_URL to the PostgreSQL that Parse Server uses.');
    process.exit(1);
  }
  await migrate(databaseURL);
  console.log('Migrations applied.');
}
