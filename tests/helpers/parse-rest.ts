/** Parse's REST API as each kind of caller: anonymous, a signed-in user, the master key. */
import { masterRestClient } from '../../server/rest.ts';
import type { ProvidedStack } from './test-stack.ts';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export type Caller = (method: string, path: string, body?: unknown) => Promise<Answer>;

function caller(stack: ProvidedStack, headers: Record<string, string>): Caller {
  return async (method, path, body) => {
    const response = await fetch(stack.serverURL + path, {
      method,
      headers: { 'X-Parse-Application-Id': stack.appId, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
}

export const anonymous = (stack: ProvidedStack): Caller =>
  caller(stack, { 'X-Parse-JavaScript-Key': stack.javascriptKey });

export const asUser = (stack: ProvidedStack, sessionToken: string): Caller =>
  caller(stack, { 'X-Parse-JavaScript-Key': stack.javascriptKey, 'X-Parse-Session-Token': sessionToken });

export const asMaster = (stack: ProvidedStack): Caller => caller(stack, { 'X-Parse-Master-Key': stack.masterKey });

export const master = (stack: ProvidedStack) => masterRestClient(stack.serverURL, stack.appId, stack.masterKey);

export async function logIn(stack: ProvidedStack, username: string, password: string) {
  const answer = await anonymous(stack)('POST', '/login', { username, password });
  if (answer.status !== 200) throw new Error(`Login failed: ${JSON.stringify(answer.body)}`);
  return answer.body as { objectId: string; sessionToken: string };
}

export const TEST_PASSWORD = 'Test#Pass1234';

/** A new account with unique names; signed up through the public API. */
export async function newUser(stack: ProvidedStack) {
  const id = crypto.randomUUID().slice(0, 8);
  const username = `user-${id}`;
  const answer = await anonymous(stack)('POST', '/users', {
    username,
    password: TEST_PASSWORD,
    email: `${username}@example.com`,
  });
  if (answer.status !== 201) throw new Error(`Sign-up failed: ${JSON.stringify(answer.body)}`);
  const body = answer.body as { objectId: string; sessionToken: string };
  return { username, email: `${username}@example.com`, id: body.objectId, sessionToken: body.sessionToken };
}

/** Rows whose comment is exactly this, counted with the master key. */
export async function countComment(stack: ProvidedStack, comment: string): Promise<number> {
  const where = encodeURIComponent(JSON.stringify({ comment }));
  const { count } = await master(stack).request<{ count: number }>('GET', `/classes/opinions?where=${where}&count=1&limit=0`);
  return count;
}

export const marker = (label: string) => `${label} ${crypto.randomUUID()}`;
