import pg from 'pg';

/*
 * What Parse's schema definitions cannot say (they make plain btree indexes only), applied
 * to PostgreSQL after Parse Server has created the tables. Every statement is idempotent.
 */
const STATEMENTS = [
  // A retried submission must never make a second row, even when two retries race.
  'CREATE UNIQUE INDEX IF NOT EXISTS "opinions_submissionId_unique" ON "opinions" ("submissionId")',
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
