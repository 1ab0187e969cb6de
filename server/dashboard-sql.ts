/**
 * The dashboard's stats group opinions by day, which Parse's aggregate cannot do on PostgreSQL
 * (its adapter groups by the raw column and cannot $match a $regex). The local server gives
 * Cloud Code a small pool of its own on the same database, and Cloud Code runs one
 * parameterised SQL query instead.
 */
import pg from 'pg';

export interface SqlRunner {
  rows<T extends object>(text: string, values: readonly unknown[]): Promise<T[]>;
}

// Tests may run a second Parse Server in the same process for a while: the newest pool serves.
const runners: SqlRunner[] = [];

/** Runs each query on a connection of `pool`: queries asked side by side run side by side. */
export function poolRunner(pool: pg.Pool): SqlRunner {
  return {
    async rows<T extends object>(text: string, values: readonly unknown[]) {
      return (await pool.query(text, values as unknown[])).rows as T[];
    },
  };
}

/** Opens the pool Cloud Code's dashboard functions use; `end()` closes it (and forgets it). */
export function dashboardSqlPool(databaseURI: string): { end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseURI, max: 4 });
  const own = poolRunner(pool);
  runners.push(own);
  return {
    async end() {
      runners.splice(runners.indexOf(own), 1);
      await pool.end();
    },
  };
}

export function dashboardSql(): SqlRunner | undefined {
  return runners.at(-1);
}
