/**
 * Exactly once where the database does not hold it itself (MongoDB on Back4App, or a PostgreSQL
 * that `npm run migrate` has not reached yet): Cloud Code looks retries up and keeps a deleted
 * opinion's id (decision 0034). A Parse Server of this app, a process of its own, on a database
 * of the shared PostgreSQL that no migration has touched. Its stats have no rollups to read.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Child } from '../../server/child-process.ts';
import { startInstance } from '../../server/cluster.ts';
import { parseServerUrl, type StackConfig } from '../../server/config.ts';
import { poolRunner } from '../../server/dashboard-sql.ts';
import { statsWithSql, type StatsQuery } from '../../server/dashboard-stats.ts';
import { KEEP_TRIGGER, REFUSE_TRIGGER } from '../../server/exactly-once-sql.ts';
import { CLASS } from '../../src/domain/classes.ts';
import { withDatabase } from '../helpers/dashboard-data.ts';
import { anonymous, countOpinions, master, submitOpinion, type Json } from '../helpers/parse-rest.ts';
import { freePort, testStackConfig, type ProvidedStack } from '../helpers/test-stack.ts';

const stack = inject('stack');
const database = `unmigrated_${randomUUID().replaceAll('-', '')}`;
const databaseURL = Object.assign(new URL(stack.databaseURL), { pathname: `/${database}` }).href;
let config: StackConfig;
let server: Child | undefined;
/** That server, as the REST helpers know a stack. */
let unmigrated: ProvidedStack;

beforeAll(async () => {
  await withDatabase((client) => client.query(`CREATE DATABASE "${database}"`));
  config = await testStackConfig({ parsePort: await freePort() });
  server = await startInstance(config, databaseURL, 'unmigrated', true);
  const { appId, javascriptKey, masterKey } = config;
  unmigrated = { ...stack, serverURL: parseServerUrl(config), databaseURL, appId, javascriptKey, masterKey };
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await withDatabase((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  fs.rmSync(config.dataDir, { recursive: true, force: true });
}, 60_000);

test('the database has neither trigger: this server is on its own', async () => {
  const client = new pg.Client({ connectionString: databaseURL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT tgname FROM pg_trigger WHERE tgname = ANY($1)', [[KEEP_TRIGGER, REFUSE_TRIGGER]]);
    expect(rows).toEqual([]);
  } finally {
    await client.end();
  }
});

test('Cloud Code refuses a retry (its own words), and a deleted opinion stays deleted', async () => {
  const create = (body: Json) => submitOpinion(anonymous(unmigrated), body);
  const body = { comment: `unmigrated ${randomUUID()}`, willReturn: true, submissionId: randomUUID() };
  const first = await create(body);
  expect(first.status).toBe(200);
  const refused = { status: 400, body: { code: 137, error: 'This opinion has already been stored.' } };
  expect(await create(body)).toEqual(refused);
  expect(await countOpinions(unmigrated, { submissionId: body.submissionId })).toBe(1);

  await master(unmigrated).request('DELETE', `/classes/${CLASS.opinions}/${String(first.id)}`);
  expect(await create(body)).toEqual(refused);
  expect(await countOpinions(unmigrated, { submissionId: body.submissionId })).toBe(0);
});

test('the stats count every opinion, without the rollups that only the migrations make', async () => {
  const stored = await submitOpinion(anonymous(unmigrated), { comment: 'counted', willReturn: true, submissionId: randomUUID() });
  expect(stored.status).toBe(200);
  const pool = new pg.Pool({ connectionString: databaseURL, max: 2 });
  try {
    const sql = poolRunner(pool);
    const query: StatsQuery = { willReturn: 'any', reviewed: 'any', language: 'any', q: '', tag: '', start: null, end: null, since: null, timeZone: 'Europe/Paris' };
    const stats = await statsWithSql(sql, query);
    expect(stats).toEqual(await statsWithSql(sql, query, { rollups: false }));
    expect(stats.total).toBe(await countOpinions(unmigrated, {}));
    expect(stats.total).toBeGreaterThan(0);
  } finally {
    await pool.end();
  }
});
