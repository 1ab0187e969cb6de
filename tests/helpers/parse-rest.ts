/**
 * Parse as each kind of caller, for tests against the real server: REST as anonymous, as a
 * signed-in user and with the master key, and the JavaScript SDK as the app uses it (app id
 * and JavaScript key only).
 */
import Parse from 'parse/node';
import { masterRestClient } from '../../server/rest.ts';
import { OPINION_FUNCTION } from '../../src/domain/classes.ts';
import { ensureStaffRole, grantStaff } from '../../server/roles.ts';
import type { ProvidedStack } from './test-stack.ts';

export type Json = Record<string, unknown>;

export interface Answer<T = Json> {
  status: number;
  body: T;
}

/** One REST request; the body type is the caller's claim about what the server answers. */
export type Caller = <T = Json>(method: string, path: string, body?: unknown) => Promise<Answer<T>>;

function caller(stack: ProvidedStack, headers: Record<string, string>): Caller {
  return async <T>(method: string, path: string, body?: unknown): Promise<Answer<T>> => {
    const response = await fetch(stack.serverURL + path, {
      method,
      headers: { 'X-Parse-Application-Id': stack.appId, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  };
}

/** What the public bundle can do: the app id and the JavaScript key, nothing else. */
export const anonymous = (stack: ProvidedStack): Caller =>
  caller(stack, { 'X-Parse-JavaScript-Key': stack.javascriptKey });

export const asUser = (stack: ProvidedStack, sessionToken: string): Caller =>
  caller(stack, { 'X-Parse-JavaScript-Key': stack.javascriptKey, 'X-Parse-Session-Token': sessionToken });

/** The master key, answering {status, body} even on errors (to read what the server says). */
export const asMaster = (stack: ProvidedStack): Caller => caller(stack, { 'X-Parse-Master-Key': stack.masterKey });

/** The master key through the server's own client, which throws on errors (for set-up and checks). */
export const master = (stack: ProvidedStack) => masterRestClient(stack.serverURL, stack.appId, stack.masterKey);

export interface Session {
  id: string;
  sessionToken: string;
}

export async function logIn(stack: ProvidedStack, username: string, password: string): Promise<Session> {
  const answer = await anonymous(stack)<{ objectId: string; sessionToken: string }>('POST', '/login', { username, password });
  if (answer.status !== 200) throw new Error(`Login as ${username} failed: ${JSON.stringify(answer.body)}`);
  return { id: answer.body.objectId, sessionToken: answer.body.sessionToken };
}

export const TEST_PASSWORD = 'Test#Pass1234';

export interface TestUser extends Session {
  username: string;
  email: string;
  password: string;
}

/** A new account with a unique username and email, signed up through the public API. */
export async function newUser(stack: ProvidedStack): Promise<TestUser> {
  const username = `user-${crypto.randomUUID()}`;
  const email = `${username}@example.com`;
  const answer = await anonymous(stack)<{ objectId: string; sessionToken: string }>('POST', '/users', {
    username,
    password: TEST_PASSWORD,
    email,
  });
  if (answer.status !== 201) throw new Error(`Sign-up failed: ${JSON.stringify(answer.body)}`);
  return { username, email, password: TEST_PASSWORD, id: answer.body.objectId, sessionToken: answer.body.sessionToken };
}

/** A new account in the staff role, its email verified: a staff member other than the demo one. */
export async function verifiedStaff(stack: ProvidedStack): Promise<TestUser> {
  const user = await newUser(stack);
  const rest = master(stack);
  await grantStaff(rest, user.id);
  await ensureStaffRole(rest);
  await rest.request('PUT', `/users/${user.id}`, { emailVerified: true });
  return user;
}

/** Opinions matching this `where`, counted with the master key. */
export async function countOpinions(stack: ProvidedStack, where: Json): Promise<number> {
  const query = encodeURIComponent(JSON.stringify(where));
  const { count } = await master(stack).request<{ count: number }>('GET', `/classes/opinions?where=${query}&count=1&limit=0`);
  return count;
}

/** Rows whose comment is exactly this. */
export const countComment = (stack: ProvidedStack, comment: string) => countOpinions(stack, { comment });

/** The stored row as the master key sees it (ACL included). */
export async function storedOpinion(stack: ProvidedStack, id: string): Promise<Json> {
  return master(stack).request<Json>('GET', `/classes/opinions/${id}`);
}

/** Text no other test writes: a label for the reader and a UUID for uniqueness. */
/** Stored opinions whose comment is exactly this, read with the master key. */
export async function opinionsWithComment(stack: ProvidedStack, comment: string) {
  const where = encodeURIComponent(JSON.stringify({ comment }));
  const found = await master(stack).request<{ results: { objectId: string; ACL: unknown; name: string; language?: string }[] }>(
    'GET',
    `/classes/opinions?where=${where}`,
  );
  return found.results;
}

export const marker = (label: string) => `${label} ${crypto.randomUUID()}`;

/** Where the app sends an opinion: the Cloud function every create goes through (server/cloud/opinions.ts). */
export const SUBMIT_PATH = `/functions/${OPINION_FUNCTION.submit}`;

export type SubmitAnswer = Answer<{ result?: { objectId: string }; code?: number; error?: string }> & { id?: string };

/** Sends an opinion as this caller would; `id` is the stored opinion's, when it was stored. */
export async function submitOpinion(call: Caller, body: Json): Promise<SubmitAnswer> {
  const answer = await call<{ result?: { objectId: string }; code?: number; error?: string }>('POST', SUBMIT_PATH, body);
  return { ...answer, id: answer.body.result?.objectId };
}

/** Creates an opinion anonymously over REST and returns its id and comment. */
export async function createOpinion(stack: ProvidedStack, label: string): Promise<{ id: string; comment: string }> {
  const comment = marker(label);
  const answer = await submitOpinion(anonymous(stack), { comment, willReturn: true });
  if (answer.status !== 200 || !answer.id) throw new Error(`Could not create an opinion: ${JSON.stringify(answer.body)}`);
  return { id: answer.id, comment };
}

/**
 * The Parse JS SDK on Node, set up as the public bundle is: app id, JavaScript key and server
 * URL, never the master key. Each test file has its own module graph, so its own SDK.
 */
export function clientSdk(stack: ProvidedStack): typeof Parse {
  Parse.initialize(stack.appId, stack.javascriptKey);
  Parse.serverURL = stack.serverURL;
  return Parse;
}
