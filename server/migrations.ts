import pg from 'pg';
import { CLASS } from '../src/domain/classes.ts';

/*
 * What Parse's schema definitions cannot say (they make plain btree indexes only), applied
 * to PostgreSQL after Parse Server has created the tables. Every statement is idempotent.
 */
const STATEMENTS = [
  // A retried submission must never make a second row, even when two retries race.
  `CREATE UNIQUE INDEX IF NOT EXISTS "${CLASS.opinions}_submissionId_unique" ON "${CLASS.opinions}" ("submissionId")`,
  // …nor bring back one that staff deleted: Cloud Code's beforeDelete keeps its submission id
  // (server/schema.ts, deliveredSubmissionClass), and the insert itself refuses it, in the same
  // statement, as a unique violation, which Parse answers with 137 like a live duplicate: a
  // create costs no lookup (issue 19, decision 0034).
  `CREATE UNIQUE INDEX IF NOT EXISTS "${CLASS.deliveredSubmissions}_submissionId_unique" ON "${CLASS.deliveredSubmissions}" ("submissionId")`,
  `CREATE OR REPLACE FUNCTION "${CLASS.opinions}_refuse_deleted_submission"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW."submissionId" IS NOT NULL
        AND EXISTS (SELECT 1 FROM "${CLASS.deliveredSubmissions}" WHERE "submissionId" = NEW."submissionId") THEN
       RAISE unique_violation USING MESSAGE = 'This opinion has already been stored.';
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE OR REPLACE TRIGGER "${CLASS.opinions}_refuse_deleted_submission" BEFORE INSERT ON "${CLASS.opinions}"
   FOR EACH ROW EXECUTE FUNCTION "${CLASS.opinions}_refuse_deleted_submission"()`,
  // Two racing saves may both see an alert due: only one may follow the previous alert (server/cloud/alerts.ts).
  `CREATE UNIQUE INDEX IF NOT EXISTS "${CLASS.alertMarkers}_after_unique" ON "${CLASS.alertMarkers}" ("after")`,
  // The dashboard's search: Parse turns a case-insensitive $regex into `"comment" ~* '…'`, which
  // a btree cannot help with and a trigram GIN index can (for three or more characters).
  'CREATE EXTENSION IF NOT EXISTS pg_trgm',
  `CREATE INDEX IF NOT EXISTS "${CLASS.opinions}_comment_trgm" ON "${CLASS.opinions}" USING gin ("comment" gin_trgm_ops)`,
  `CREATE INDEX IF NOT EXISTS "${CLASS.opinions}_name_trgm" ON "${CLASS.opinions}" USING gin ("name" gin_trgm_ops)`,
  // The stats' tag filter (`"tags" @> '["late"]'`, server/dashboard-stats.ts): a btree cannot answer containment.
  `CREATE INDEX IF NOT EXISTS "${CLASS.opinions}_tags_gin" ON "${CLASS.opinions}" USING gin ("tags" jsonb_path_ops)`,
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
