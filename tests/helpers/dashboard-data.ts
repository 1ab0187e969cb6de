/** Shared by the dashboard's integration tests: the app's src/parse modules, configured for the test stack. */
import pg from 'pg';
import { inject, vi } from 'vitest';
import { OPINION_FUNCTION } from '../../src/domain/classes.ts';
import type { Language } from '../../src/domain/languages.ts';
import type { SqlRunner } from '../../server/dashboard-sql.ts';

export const stack = inject('stack');

/** Points the app's configuration at the test stack, then loads the app's Parse modules. */
export async function loadAppParse() {
  vi.stubEnv('VITE_PARSE_SERVER_URL', stack.serverURL);
  vi.stubEnv('VITE_PARSE_APP_ID', stack.appId);
  vi.stubEnv('VITE_PARSE_JS_KEY', stack.javascriptKey);
  // The dashboard's calls, one module per resource.
  const opinions = {
    ...(await import('../../src/parse/opinion-list.ts')),
    ...(await import('../../src/parse/opinion-detail.ts')),
    ...(await import('../../src/parse/opinion-triage.ts')),
    ...(await import('../../src/parse/opinion-export.ts')),
    ...(await import('../../src/parse/dashboard-stats.ts')),
    ...(await import('../../src/parse/live-opinions.ts')),
  };
  const auth = await import('../../src/parse/auth.ts');
  return { opinions, auth };
}

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stack.databaseURL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The stats' SQL run straight on the test stack's database, in any time zone: the Cloud function
 * counts in the venue's, which other test files change while this one runs.
 */
export const testSql: SqlRunner = {
  rows: <T extends object>(text: string, values: readonly unknown[]) =>
    withDatabase(async (client) => (await client.query<T>(text, [...values])).rows),
};

export interface SeedOpinion {
  name: string;
  comment: string;
  willReturn: boolean;
  reviewed?: boolean;
  language?: Language;
  tags?: string[];
  /** When it was created, as an ISO instant (set in the database afterwards). */
  createdAt?: string;
}

async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(stack.serverURL + path, {
    method,
    headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-Master-Key': stack.masterKey, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

/** Stores opinions through their Cloud function (so its checks run), then moves their createdAt in the database. */
export async function seedOpinions(rows: readonly SeedOpinion[]): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < rows.length; n += 50) {
    const chunk = rows.slice(n, n + 50);
    const answers = await rest<{ success?: { result: { objectId: string } }; error?: unknown }[]>('POST', '/batch', {
      requests: chunk.map((row) => ({
        method: 'POST',
        path: `/parse/functions/${OPINION_FUNCTION.submit}`,
        body: { name: row.name, comment: row.comment, willReturn: row.willReturn, reviewed: row.reviewed ?? false, language: row.language, tags: row.tags },
      })),
    });
    for (const answer of answers) {
      if (!answer.success) throw new Error(`Seeding failed: ${JSON.stringify(answer.error)}`);
      ids.push(answer.success.result.objectId);
    }
  }
  await withDatabase(async (client) => {
    for (const [n, row] of rows.entries()) {
      if (row.createdAt) {
        await client.query('UPDATE "opinions" SET "createdAt" = $1 WHERE "objectId" = $2', [row.createdAt, ids[n]]);
      }
    }
  });
  return ids;
}

export async function logInRest(username: string, password: string): Promise<string> {
  const response = await fetch(`${stack.serverURL}/login`, {
    method: 'POST',
    headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const json = (await response.json()) as { sessionToken?: string };
  if (!json.sessionToken) throw new Error(`Login as ${username} failed: ${JSON.stringify(json)}`);
  return json.sessionToken;
}

/** Calls a Cloud function as a client would: JavaScript key, and a session when given. */
export async function callFunction(name: string, params: unknown, sessionToken?: string) {
  const response = await fetch(`${stack.serverURL}/functions/${name}`, {
    method: 'POST',
    headers: {
      'X-Parse-Application-Id': stack.appId,
      'X-Parse-JavaScript-Key': stack.javascriptKey,
      'Content-Type': 'application/json',
      ...(sessionToken ? { 'X-Parse-Session-Token': sessionToken } : {}),
    },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as { result?: unknown; code?: number; error?: string } };
}
