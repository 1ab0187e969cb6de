/**
 * `deploy:schema` against real Parse Servers: a fresh one that never saw server/schema.ts
 * (as a new Back4App app), and the test stack's, which applied it at start.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readStackConfig } from '../../server/config.ts';
import { deploySchema, readRemoteSchema } from '../../server/deploy-schema.ts';
import { startParse, type RunningParse } from '../../server/parse-app.ts';
import { masterRestClient, type RestClient } from '../../server/rest.ts';
import { classDefinitions, STAFF_ROLE } from '../../server/schema.ts';
import { sameClp, sameIndex } from '../../server/schema-diff.ts';
import { SUBMIT_PATH } from '../helpers/parse-rest.ts';
import { freePort } from '../helpers/test-stack.ts';

const stack = inject('stack');
const run = promisify(execFile);

/** A new database in the test stack's PostgreSQL cluster, for a server that starts empty. */
async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stack.databaseURL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const database = `deploy_schema_${randomUUID().replaceAll('-', '')}`;
let fresh: RunningParse;
let freshRest: RestClient;

beforeAll(async () => {
  await withAdmin((client) => client.query(`CREATE DATABASE "${database}"`));
  const config = readStackConfig({
    dataDir: stack.dataDir,
    parsePort: await freePort(),
    smtpPort: stack.smtpPort,
    masterKey: stack.masterKey,
  });
  const url = new URL(stack.databaseURL);
  url.pathname = `/${database}`;
  fresh = await startParse(config, url.toString(), { applySchema: false });
  freshRest = masterRestClient(fresh.serverURL, config.appId, config.masterKey);
});

afterAll(async () => {
  await fresh?.stop();
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});

async function staffRoles(rest: RestClient) {
  const where = encodeURIComponent(JSON.stringify({ name: STAFF_ROLE }));
  return (await rest.request<{ results: { objectId: string; ACL?: unknown }[] }>('GET', `/roles?where=${where}`)).results;
}

/** What the public bundle sends: the app id and the JavaScript key. */
const clientHeaders = () => ({ 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey, 'Content-Type': 'application/json' });
const asClient = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${fresh.serverURL}${path}`, { method, headers: clientHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { code?: number; error?: string; result?: { objectId?: string } } };
};
const SYSTEM_CLASSES = ['_Session', '_Installation', '_Product'];

describe('deploy:schema on a fresh Parse Server', () => {
  test('before it, a client adds a column to _Installation with one create, as on any new Parse Server', async () => {
    const created = await asClient('POST', '/installations', { deviceType: 'web', installationId: randomUUID(), madeBeforeDeploy: 'x' });
    expect(created.status).toBe(201);
    const installation = (await readRemoteSchema(freshRest)).find((cls) => cls.className === '_Installation');
    expect(installation?.fields).toHaveProperty('madeBeforeDeploy');
  });

  test('a dry run lists everything and changes nothing', async () => {
    const before = await readRemoteSchema(freshRest);
    const { changes } = await deploySchema(freshRest, { dryRun: true });
    expect(changes).toEqual(expect.arrayContaining(['create class opinions', 'create class dashboardSignals', `create role ${STAFF_ROLE} (ACL: master key only)`]));
    expect(changes).toContainEqual(expect.stringMatching(/^_Installation: set class-level permissions \(.*addField.*create/));
    for (const className of SYSTEM_CLASSES) {
      expect(changes.some((line) => line.startsWith(`${className}:`) || line === `create class ${className}`), className).toBe(true);
    }
    expect(await readRemoteSchema(freshRest)).toEqual(before);
    expect(await staffRoles(freshRest)).toEqual([]);
  });

  test('creates the classes, fields, indexes, class-level permissions and the staff role', async () => {
    const { changes, warnings } = await deploySchema(freshRest, { dryRun: false });
    expect(changes.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);

    const remote = new Map((await readRemoteSchema(freshRest)).map((cls) => [cls.className, cls]));
    for (const definition of classDefinitions) {
      const cls = remote.get(definition.className);
      expect(cls, definition.className).toBeDefined();
      for (const [name, field] of Object.entries(definition.fields ?? {})) {
        expect(cls?.fields[name], `${definition.className}.${name}`).toMatchObject(field);
      }
      for (const [name, keys] of Object.entries(definition.indexes ?? {})) {
        expect(sameIndex(cls?.indexes?.[name] ?? {}, keys), `${definition.className} index ${name}`).toBe(true);
      }
      expect(sameClp(cls?.classLevelPermissions, definition.classLevelPermissions), `${definition.className} CLP`).toBe(true);
    }
    const roles = await staffRoles(freshRest);
    expect(roles).toHaveLength(1);
    expect(roles[0]?.ACL ?? {}).toEqual({});
  });

  test('the permissions work: anyone creates an opinion through its function, no client writes the class, nobody without the role reads it', async () => {
    const created = await asClient('POST', SUBMIT_PATH, { name: 'Fresh', comment: 'Deployed by deploy:schema', willReturn: true });
    expect(created.status).toBe(200);
    const id = created.body.result?.objectId ?? '';
    // Creates and updates are closed to clients, a new column with them.
    const direct = await asClient('POST', '/classes/opinions', { name: 'Fresh', comment: 'Straight to the class', willReturn: true, extra: 'no' });
    expect(direct).toEqual({ status: 400, body: { code: 119, error: expect.any(String) } });
    expect(await asClient('PUT', `/classes/opinions/${id}`, { reviewed: true })).toEqual({ status: 400, body: { code: 119, error: expect.any(String) } });
    expect(await asClient('GET', '/classes/opinions')).toEqual({ status: 400, body: { code: 119, error: expect.any(String) } });
    const stored = await freshRest.request<{ results: { objectId: string; reviewed: boolean }[] }>('GET', '/classes/opinions');
    expect(stored.results).toEqual([expect.objectContaining({ objectId: id, reviewed: false })]);
    const opinions = (await readRemoteSchema(freshRest)).find((cls) => cls.className === 'opinions');
    expect(opinions?.fields).not.toHaveProperty('extra');
  });

  test('the system classes are closed: no client creates an installation or a product, adds a field or lists sessions', async () => {
    const field = `injected${randomUUID().replaceAll('-', '')}`;
    for (const [path, body] of [
      ['/installations', { deviceType: 'web', installationId: randomUUID(), [field]: 'x' }],
      ['/installations', { deviceType: 'web', installationId: randomUUID() }],
      ['/classes/_Installation', { deviceType: 'web', installationId: randomUUID() }],
      ['/classes/_Product', { productIdentifier: 'x', [field]: 'x' }],
    ] as const) {
      expect(await asClient('POST', path, body), path).toEqual({ status: 400, body: { code: 119, error: expect.any(String) } });
    }
    // Parse asks a session of whoever lists sessions (209) before the class-level permissions do.
    expect(await asClient('GET', '/classes/_Session')).toEqual({ status: 400, body: { code: 209, error: expect.any(String) } });
    const remote = await readRemoteSchema(freshRest);
    for (const cls of remote) expect(Object.keys(cls.fields), cls.className).not.toContain(field);
    // What a client made before stays: deploy:schema never deletes.
    expect(remote.find((cls) => cls.className === '_Installation')?.fields).toHaveProperty('madeBeforeDeploy');
  });

  test('a second run changes nothing', async () => {
    const before = await readRemoteSchema(freshRest);
    expect(await deploySchema(freshRest, { dryRun: false })).toEqual({ changes: [], warnings: [] });
    expect(await deploySchema(freshRest, { dryRun: true })).toEqual({ changes: [], warnings: [] });
    expect(await readRemoteSchema(freshRest)).toEqual(before);
    expect(await staffRoles(freshRest)).toHaveLength(1);
  });

  test('a field or index removed by hand comes back; what differs in type is reported, not deleted', async () => {
    await freshRest.request('PUT', '/schemas/opinions', {
      className: 'opinions',
      fields: { reviewed: { __op: 'Delete' } },
      indexes: { name_createdAt: { __op: 'Delete' } },
    });
    const definitions = classDefinitions.map((definition) =>
      definition.className === 'dashboardSignals'
        ? { ...definition, fields: { ...definition.fields, opinionIds: { type: 'Number' } } }
        : definition,
    );
    const { changes, warnings } = await deploySchema(freshRest, { dryRun: false, definitions });
    expect(changes).toEqual(['opinions: add field reviewed (Boolean)', 'opinions: add index name_createdAt {"createdAt":-1,"name":1}']);
    expect(warnings).toEqual([expect.stringContaining('dashboardSignals.opinionIds is Array on the server but Number')]);
    const opinions = (await readRemoteSchema(freshRest)).find((cls) => cls.className === 'opinions');
    expect(opinions?.fields.reviewed).toEqual({ type: 'Boolean', defaultValue: false });
  });
});

describe('deploy:schema on the test stack (schema applied by Parse Server at start)', () => {
  test('a dry run finds nothing to change', async () => {
    const rest = masterRestClient(stack.serverURL, stack.appId, stack.masterKey);
    expect(await deploySchema(rest, { dryRun: true })).toEqual({ changes: [], warnings: [] });
  });
});

describe('npm run deploy:schema', () => {
  const script = path.resolve('server/deploy-schema.ts');
  const runScript = (env: NodeJS.ProcessEnv, args: string[] = []) =>
    run(process.execPath, ['--import', 'tsx', script, ...args], { env: { PATH: process.env.PATH, ...env } }).then(
      (done) => ({ code: 0, ...done }),
      (failed: { code: number; stdout: string; stderr: string }) => failed,
    );

  test('names every missing variable and stops', async () => {
    const result = await runScript({ PARSE_APP_ID: stack.appId });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Missing PARSE_SERVER_URL, PARSE_MASTER_KEY');
  });

  test('--dry-run against the test stack: nothing to change, and the master key is never printed', async () => {
    const result = await runScript(
      { PARSE_SERVER_URL: stack.serverURL, PARSE_APP_ID: stack.appId, PARSE_MASTER_KEY: stack.masterKey },
      ['--dry-run'],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Nothing to change');
    expect(result.stdout + result.stderr).not.toContain(stack.masterKey);
  });

  test('a wrong master key is refused with a hint, and not echoed', async () => {
    const wrongKey = `wrong-${randomUUID()}`;
    const result = await runScript(
      { PARSE_SERVER_URL: stack.serverURL, PARSE_APP_ID: stack.appId, PARSE_MASTER_KEY: wrongKey },
      ['--dry-run'],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('check PARSE_APP_ID and PARSE_MASTER_KEY');
    expect(result.stdout + result.stderr).not.toContain(wrongKey);
  });
});
