/**
 * Parse Server's system classes are closed like ours (server/schema.ts, systemClasses): a client
 * with the public keys can neither write nor add a field to any of them, nor read what is not
 * its own.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { SESSION_CREATE_MESSAGE } from '../../server/request-limits.ts';
import { anonymous, asMaster, asUser, newUser, type Answer, type Caller, type Json, type TestUser } from '../helpers/parse-rest.ts';

const stack = inject('stack');
let user: TestUser;
let signedIn: Caller;

beforeAll(async () => {
  user = await newUser(stack);
  signedIn = asUser(stack, user.sessionToken);
});

async function fieldsOf(className: string): Promise<string[]> {
  const answer = await asMaster(stack)<{ fields?: Json }>('GET', `/schemas/${className}`);
  return Object.keys(answer.body.fields ?? {});
}

async function rowCount(className: string): Promise<number> {
  const answer = await asMaster(stack)<{ count?: number }>('GET', `/classes/${className}?count=1&limit=0`);
  return answer.body.count ?? 0;
}

/** Refused in Parse's words: a 4xx with an error (the master-key routes answer 403 without a code). */
function expectRefused(answer: Answer, where: string) {
  expect({ where, status: answer.status }).toEqual({ where, status: expect.toSatisfy((status: number) => status >= 400 && status < 500) });
  expect(answer.body).toMatchObject({ error: expect.any(String) });
}

const SYSTEM_CLASSES = ['_Session', '_Installation', '_Product', '_Audience', '_PushStatus', '_JobStatus', '_JobSchedule', '_Idempotency'];
// Their own routers, besides /classes/<name>.
const ROUTES: Record<string, string> = { _Session: '/sessions', _Installation: '/installations', _Audience: '/push_audiences' };

describe.each(SYSTEM_CLASSES)('%s', (className) => {
  test.each([
    ['anonymously', () => anonymous(stack)],
    ['signed in', () => signedIn],
  ])('%s: no create, no new field', async (_who, as) => {
    const field = `injected${crypto.randomUUID().replaceAll('-', '')}`;
    const before = await rowCount(className);
    for (const path of [`/classes/${className}`, ...(ROUTES[className] ? [ROUTES[className]] : [])]) {
      const body = { [field]: 'x', deviceType: 'web', installationId: crypto.randomUUID() };
      expectRefused(await as()('POST', path, body), `POST ${path}`);
      const batch = await as()<unknown[]>('POST', '/batch', { requests: [{ method: 'POST', path: `/parse${path}`, body }] });
      expect(batch.status === 200 ? batch.body : [batch.body]).toEqual([expect.objectContaining({ error: expect.anything() })]);
    }
    expect(await fieldsOf(className)).not.toContain(field);
    expect(await rowCount(className)).toBe(before);
  });

  test('nobody lists it from a client', async () => {
    for (const as of [anonymous(stack), ...(className === '_Session' ? [] : [signedIn])]) {
      expectRefused(await as('GET', `/classes/${className}`), `GET /classes/${className}`);
    }
  });
});

describe('sessions', () => {
  test('a signed-in user reads only their own session, and cannot make one', async () => {
    const other = await newUser(stack);
    const own = await signedIn<{ results: Array<{ sessionToken?: string; user: { objectId: string } }> }>('GET', '/classes/_Session');
    expect(own.status).toBe(200);
    expect(own.body.results.map((session) => session.user.objectId)).toEqual([user.id]);
    expect(JSON.stringify(own.body)).not.toContain(other.sessionToken);
    expect((await signedIn('GET', '/sessions/me')).status).toBe(200);
    const made = await signedIn('POST', '/sessions', { note: 'mine' });
    expect(made).toEqual({ status: 400, body: { code: 119, error: SESSION_CREATE_MESSAGE } });
  });
});
