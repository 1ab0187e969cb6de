/**
 * Exactly once where the database does not hold it itself (MongoDB on Back4App, or a PostgreSQL
 * that `npm run migrate` has not reached yet): Cloud Code looks retries up and keeps a deleted
 * opinion's id (decision 0034). A Parse Server of this app, a process of its own, on a database
 * of the shared PostgreSQL that no migration has touched.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Child } from '../../server/child-process.ts';
import { startInstance } from '../../server/cluster.ts';
import { parseServerUrl, type StackConfig } from '../../server/config.ts';
import { KEEP_TRIGGER, REFUSE_TRIGGER } from '../../server/exactly-once-sql.ts';
import { masterRestClient } from '../../server/rest.ts';
import { CLASS } from '../../src/domain/classes.ts';
import { withDatabase } from '../helpers/dashboard-data.ts';
import { freePort, testStackConfig } from '../helpers/test-stack.ts';

const stack = inject('stack');
const database = `unmigrated_${randomUUID().replaceAll('-', '')}`;
let config: StackConfig;
let server: Child | undefined;

beforeAll(async () => {
  await withDatabase((client) => client.query(`CREATE DATABASE "${database}"`));
  const url = new URL(stack.databaseURL);
  url.pathname = `/${database}`;
  config = await testStackConfig({ parsePort: await freePort() });
  server = await startInstance(config, url.href, 'unmigrated', true);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await withDatabase((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  fs.rmSync(config.dataDir, { recursive: true, force: true });
}, 60_000);

async function create(body: object) {
  const response = await fetch(`${parseServerUrl(config)}/classes/${CLASS.opinions}`, {
    method: 'POST',
    headers: { 'X-Parse-Application-Id': config.appId, 'X-Parse-JavaScript-Key': config.javascriptKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { objectId?: string; code?: number; error?: string } };
}

const master = () => masterRestClient(parseServerUrl(config), config.appId, config.masterKey);
const count = async (submissionId: string) =>
  (await master().request<{ count: number }>('GET', `/classes/${CLASS.opinions}?where=${encodeURIComponent(JSON.stringify({ submissionId }))}&count=1&limit=0`)).count;

test('the database has neither trigger: this server is on its own', async () => {
  const url = new URL(stack.databaseURL);
  url.pathname = `/${database}`;
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: url.href });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT tgname FROM pg_trigger WHERE tgname = ANY($1)', [[KEEP_TRIGGER, REFUSE_TRIGGER]]);
    expect(rows).toEqual([]);
  } finally {
    await client.end();
  }
});

test('Cloud Code refuses a retry (its own words), and a deleted opinion stays deleted', async () => {
  const body = { comment: `unmigrated ${randomUUID()}`, willReturn: true, submissionId: randomUUID() };
  const first = await create(body);
  expect(first.status).toBe(201);
  const refused = { status: 400, body: { code: 137, error: 'This opinion has already been stored.' } };
  expect(await create(body)).toEqual(refused);

  await master().request('DELETE', `/classes/${CLASS.opinions}/${String(first.body.objectId)}`);
  expect(await create(body)).toEqual(refused);
  expect(await count(body.submissionId)).toBe(0);
});
