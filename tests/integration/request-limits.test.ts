/**
 * Every limit holds whatever route or spelling reaches the operation (server/request-limits.ts).
 * Each case speaks from its own loopback address (127.0.0.0/8 is ours), so that one case's
 * count is not another's; the server sees them as IPv4-mapped IPv6 addresses.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { RunningParse } from '../../server/parse-app.ts';
import { OPINION_FUNCTION } from '../../src/domain/classes.ts';
import { OUR_ERROR_CODE, RATE_LIMIT_MESSAGE } from '../../src/domain/errors.ts';
import { master, SUBMIT_PATH, TEST_PASSWORD } from '../helpers/parse-rest.ts';
import { startSecondParse } from '../helpers/test-stack.ts';

const stack = inject('stack');
const LIMIT = 3;

interface Sent {
  status: number;
  body: Record<string, unknown>;
  allowOrigin?: string | string[];
}

interface Request {
  method: string;
  path: string;
  body?: unknown;
  /** Defaults to JSON; the SDK sends text/plain (its keys in the body: sdkStyle), Parse's pages forms urlencoded. */
  contentType?: string;
  headers?: Record<string, string>;
}

let nextAddress = 10;
/** A loopback address no other case of this file speaks from. */
function freshAddress(): string {
  nextAddress += 1;
  return `127.0.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 2}`;
}

function send(server: RunningParse, from: string, { method, path, body, contentType, headers = {} }: Request): Promise<Sent> {
  const url = new URL(server.serverURL);
  const payload =
    body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  // As the SDK sends: no X-Parse headers, which would leave its body keys in the params.
  const keys = contentType === 'text/plain' ? {} : { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey };
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: from === '::1' ? '::1' : '127.0.0.1',
        port: url.port,
        localAddress: from,
        method,
        path: url.pathname + path,
        headers: {
          ...keys,
          ...(payload === undefined ? {} : { 'Content-Type': contentType ?? 'application/json' }),
          ...headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let parsed: Record<string, unknown>;
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            parsed = { text };
          }
          resolve({ status: response.statusCode ?? 0, body: parsed, allowOrigin: response.headers['access-control-allow-origin'] });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

async function sendTimes(server: RunningParse, from: string, times: number, make: (n: number) => Request): Promise<number[]> {
  const statuses: number[] = [];
  for (let n = 0; n < times; n += 1) statuses.push((await send(server, from, make(n))).status);
  return statuses;
}

async function countOpinions(marker: string): Promise<number> {
  const { count } = await master(stack).request<{ count: number }>(
    'GET',
    `/classes/opinions?where=${encodeURIComponent(JSON.stringify({ comment: { $regex: `^${marker}` } }))}&count=1&limit=0`,
  );
  return count;
}

async function userExists(username: string): Promise<boolean> {
  const { results } = await master(stack).request<{ results: unknown[] }>(
    'GET',
    `/users?where=${encodeURIComponent(JSON.stringify({ username }))}`,
  );
  return results.length > 0;
}

const sdkStyle = (method: string, body: Record<string, unknown>): Request['body'] =>
  JSON.stringify({ ...body, _method: method, _ApplicationId: stack.appId, _JavaScriptKey: stack.javascriptKey });

describe('per address, through every route', () => {
  let limited: RunningParse;
  beforeAll(async () => {
    limited = await startSecondParse(stack, { opinionCreateLimit: LIMIT, authRequestLimit: LIMIT, accountLogInLimit: 100 });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  const opinion = (marker: string, n: number) => ({ comment: `${marker} ${n}`, willReturn: true });
  const plainCreate = (marker: string, n: number): Request => ({ method: 'POST', path: SUBMIT_PATH, body: opinion(marker, n) });
  const batchOf = (path: string, body: unknown): Request => ({ method: 'POST', path: '/batch', body: { requests: [{ method: 'POST', path, body }] } });
  // Every spelling Parse routes to the opinion function: its router decodes the name and folds the case of `/functions/`.
  const createRoutes: Array<[string, (marker: string, n: number) => Request]> = [
    [`POST ${SUBMIT_PATH}`, (m, n) => plainCreate(m, n)],
    ['percent-encoded function name', (m, n) => ({ method: 'POST', path: '/functions/submit%4Fpinion', body: opinion(m, n) })],
    ['other case of /functions/, trailing slash', (m, n) => ({ method: 'POST', path: `/FUNCTIONS/${OPINION_FUNCTION.submit}/`, body: opinion(m, n) })],
    ['double slash', (m, n) => ({ method: 'POST', path: `/${SUBMIT_PATH}`, body: opinion(m, n) })],
    ['the SDK\'s text/plain with _method', (m, n) => ({
      method: 'POST', path: SUBMIT_PATH, contentType: 'text/plain', body: sdkStyle('POST', opinion(m, n)),
    })],
    ['a /batch sub-request', (m, n) => batchOf(`/parse${SUBMIT_PATH}`, opinion(m, n))],
    ['a /batch sub-request, encoded', (m, n) => batchOf('/parse/Functions/submit%4fpinion/', opinion(m, n))],
    ['a /batch sub-request with dot segments', (m, n) => batchOf(`/parse/x/..${SUBMIT_PATH}`, opinion(m, n))],
  ];

  test.each(createRoutes)('creating opinions: %s stores at most the limit', async (_name, make) => {
    const marker = `limit ${crypto.randomUUID()}`;
    const statuses = await sendTimes(limited, freshAddress(), LIMIT + 2, (n) => make(marker, n));
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    expect(await countOpinions(marker)).toBe(LIMIT);
  });

  // The class takes no client creates (119), whatever the spelling: no path stores past the limit.
  const classRoutes: Array<[string, (marker: string, n: number) => Request]> = [
    ['POST /classes/opinions', (m, n) => ({ method: 'POST', path: '/classes/opinions', body: opinion(m, n) })],
    ['percent-encoded class name', (m, n) => ({ method: 'POST', path: '/classes/%6Fpinions', body: opinion(m, n) })],
    ['other case, trailing slash', (m, n) => ({ method: 'POST', path: '/CLASSES/opinions/', body: opinion(m, n) })],
    ['double slash', (m, n) => ({ method: 'POST', path: '//classes/opinions', body: opinion(m, n) })],
    ['the SDK\'s text/plain with _method', (m, n) => ({
      method: 'POST', path: '/classes/opinions', contentType: 'text/plain', body: sdkStyle('POST', opinion(m, n)),
    })],
    ['a /batch sub-request', (m, n) => batchOf('/parse/classes/opinions', opinion(m, n))],
    ['a /batch sub-request, encoded', (m, n) => batchOf('/parse/classes/%6fpinions/', opinion(m, n))],
    ['a /batch sub-request with dot segments', (m, n) => batchOf('/parse/x/../classes/opinions', opinion(m, n))],
  ];

  test.each(classRoutes)('the class refuses creates by clients: %s stores nothing', async (_name, make) => {
    const marker = `limit ${crypto.randomUUID()}`;
    // Each from an address of its own, so that no count stands in for the refusal.
    const answers = await Promise.all(Array.from({ length: LIMIT + 2 }, (_, n) => send(limited, freshAddress(), make(marker, n))));
    // A /batch answers 200, with its sub-request's own refusal.
    const refusals = answers.map(({ body }): unknown => (Array.isArray(body) ? (body[0] as { error?: unknown }).error : body));
    expect(refusals).toEqual(Array(LIMIT + 2).fill(expect.objectContaining({ code: 119 })));
    expect(await countOpinions(marker)).toBe(0);
  });

  // Parse finds a function by its exact name: were another case of it routed, it would have to be counted too.
  test('another case of the function\'s name is no function at all (141), and stores nothing', async () => {
    const marker = `limit ${crypto.randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: LIMIT + 2 }, (_, n) => send(limited, freshAddress(), {
      method: 'POST', path: '/functions/SubmitOpinion', body: opinion(marker, n),
    })));
    expect(answers.map(({ body }) => body.code)).toEqual(Array(LIMIT + 2).fill(141));
    expect(await countOpinions(marker)).toBe(0);
  });

  test('a /batch of many creates counts each and is refused whole past the limit', async () => {
    const marker = `limit ${crypto.randomUUID()}`;
    const requests = Array.from({ length: 10 }, (_, n) => ({ method: 'POST', path: `/parse${SUBMIT_PATH}`, body: opinion(marker, n) }));
    const answer = await send(limited, freshAddress(), { method: 'POST', path: '/batch', body: { requests } });
    expect(answer).toMatchObject({ status: 429, body: { code: OUR_ERROR_CODE.rateLimited, error: RATE_LIMIT_MESSAGE } });
    expect(await countOpinions(marker)).toBe(0);
  });

  test('the routes share one count per address', async () => {
    const marker = `limit ${crypto.randomUUID()}`;
    const from = freshAddress();
    const statuses: number[] = [];
    for (const [, make] of createRoutes) statuses.push((await send(limited, from, make(marker, statuses.length))).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(createRoutes.length - LIMIT);
    expect(await countOpinions(marker)).toBe(LIMIT);
  });

  test('another address keeps its own count', async () => {
    const marker = `limit ${crypto.randomUUID()}`;
    const first = await sendTimes(limited, freshAddress(), LIMIT + 1, (n) => plainCreate(marker, n));
    const second = await sendTimes(limited, freshAddress(), LIMIT, (n) => plainCreate(marker, n + 10));
    expect(first.at(-1)).toBe(429);
    expect(second).toEqual([200, 200, 200]);
  });

  const account = (id: string, n: number) => ({ username: `u-${id}-${n}`, email: `${id}-${n}@example.com`, password: TEST_PASSWORD });
  const signUpRoutes: Array<[string, (id: string, n: number) => Request]> = [
    ['POST /users', (id, n) => ({ method: 'POST', path: '/users', body: account(id, n) })],
    ['POST /classes/_User', (id, n) => ({ method: 'POST', path: '/classes/_User', body: account(id, n) })],
    ['POST /classes/%5FUser', (id, n) => ({ method: 'POST', path: '/classes/%5FUser', body: account(id, n) })],
    ['POST /Users/', (id, n) => ({ method: 'POST', path: '/Users/', body: account(id, n) })],
    ['a /batch sub-request', (id, n) => ({
      method: 'POST', path: '/batch', body: { requests: [{ method: 'POST', path: '/parse/users', body: account(id, n) }] },
    })],
    ['a /batch to the class endpoint', (id, n) => ({
      method: 'POST', path: '/batch', body: { requests: [{ method: 'POST', path: '/parse/classes/_User', body: account(id, n) }] },
    })],
  ];

  test.each(signUpRoutes)('signing up: %s creates at most the limit', async (_name, make) => {
    const id = crypto.randomUUID();
    const statuses = await sendTimes(limited, freshAddress(), LIMIT + 2, (n) => make(id, n));
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    const created = await Promise.all(Array.from({ length: LIMIT + 2 }, (_, n) => userExists(`u-${id}-${n}`)));
    expect(created.filter(Boolean)).toHaveLength(LIMIT);
  });

  const wrong = (n: number) => ({ username: `nobody-${n}`, password: `Wrong#Pass${n}` });
  const logInRoutes: Array<[string, (n: number) => Request]> = [
    ['POST /login', (n) => ({ method: 'POST', path: '/login', body: wrong(n) })],
    ['GET /login', (n) => ({ method: 'GET', path: `/login?username=nobody-${n}&password=Wrong%23Pass${n}` })],
    ['the SDK\'s text/plain GET', (n) => ({ method: 'POST', path: '/login', contentType: 'text/plain', body: sdkStyle('GET', wrong(n)) })],
    ['POST /LOGIN/', (n) => ({ method: 'POST', path: '/LOGIN/', body: wrong(n) })],
    ['POST /verifyPassword', (n) => ({ method: 'POST', path: '/verifyPassword', body: wrong(n) })],
    ['GET /verifyPassword', (n) => ({ method: 'GET', path: `/verifyPassword?username=nobody-${n}&password=x` })],
    ['POST /challenge', (n) => ({ method: 'POST', path: '/challenge', body: { ...wrong(n), challengeData: { x: {} } } })],
    ['a /batch sub-request', (n) => ({
      method: 'POST', path: '/batch', body: { requests: [{ method: 'POST', path: '/parse/login', body: wrong(n) }] },
    })],
    ['a /batch sub-request with dot segments', (n) => ({
      method: 'POST', path: '/batch', body: { requests: [{ method: 'POST', path: '/parse/x/../login', body: wrong(n) }] },
    })],
  ];

  test.each(logInRoutes)('logging in: %s is refused past the limit', async (_name, make) => {
    const statuses = await sendTimes(limited, freshAddress(), LIMIT + 2, make);
    expect(statuses.slice(0, LIMIT)).not.toContain(429);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
  });

  const resetRoutes: Array<[string, LimitedRequest]> = [
    ['POST /requestPasswordReset', () => ({ method: 'POST', path: '/requestPasswordReset', body: { email: `${crypto.randomUUID()}@example.com` } })],
    ['the pages router\'s request_password_reset', () => ({
      method: 'POST', path: `/apps/${stack.appId}/request_password_reset`, contentType: 'application/x-www-form-urlencoded',
      body: `username=nobody&token=${crypto.randomUUID()}&new_password=${encodeURIComponent(TEST_PASSWORD)}`,
    })],
    ['a /batch sub-request', () => ({
      method: 'POST', path: '/batch',
      body: { requests: [{ method: 'POST', path: '/parse/requestPasswordReset', body: { email: `${crypto.randomUUID()}@example.com` } }] },
    })],
  ];
  const verificationRoutes: Array<[string, LimitedRequest]> = [
    ['POST /verificationEmailRequest', () => ({ method: 'POST', path: '/verificationEmailRequest', body: { email: `${crypto.randomUUID()}@example.com` } })],
    ['the pages router\'s resend_verification_email', () => ({
      method: 'POST', path: `/apps/${stack.appId}/resend_verification_email`, contentType: 'application/x-www-form-urlencoded',
      body: `username=${crypto.randomUUID()}`,
    })],
    ['a /batch sub-request', () => ({
      method: 'POST', path: '/batch',
      body: { requests: [{ method: 'POST', path: '/parse/verificationEmailRequest', body: { email: `${crypto.randomUUID()}@example.com` } }] },
    })],
  ];
  type LimitedRequest = (n: number) => Request;

  test.each([...resetRoutes, ...verificationRoutes])('mail and reset requests: %s is refused past the limit', async (_name, make) => {
    const statuses = await sendTimes(limited, freshAddress(), LIMIT + 2, make);
    expect(statuses.slice(0, LIMIT)).not.toContain(429);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
  });

  test('changing the email of one\'s account (which sends a verification mail) counts as a verification request', async () => {
    const from = freshAddress();
    const id = crypto.randomUUID();
    const created = await send(limited, freshAddress(), { method: 'POST', path: '/users', body: account(id, 0) });
    expect(created.status).toBe(201);
    const { objectId, sessionToken } = created.body as { objectId: string; sessionToken: string };
    const statuses = await sendTimes(limited, from, LIMIT + 1, (n) => ({
      method: 'PUT', path: `/users/${objectId}`, body: { email: `${id}-new${n}@example.com` },
      headers: { 'X-Parse-Session-Token': sessionToken },
    }));
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  test('the refusal is readable by the app in a browser (CORS) and says what it is', async () => {
    const from = freshAddress();
    await sendTimes(limited, from, LIMIT, (n) => plainCreate('cors', n));
    const refused = await send(limited, from, { ...plainCreate('cors', 9), headers: { Origin: 'https://app.example' } });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: OUR_ERROR_CODE.rateLimited, error: RATE_LIMIT_MESSAGE });
    expect(refused.allowOrigin).toBe('*');
  });
});

describe('a public server URL whose path is not the mount\'s (behind a proxy that rewrites it)', () => {
  let limited: RunningParse;
  beforeAll(async () => {
    limited = await startSecondParse(stack, { opinionCreateLimit: LIMIT, authRequestLimit: LIMIT, publicServerURL: 'https://opinions.example.com/api' });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  // Parse then cuts a sub-path's first characters, whatever they are: `/zzz/login` is `/login`.
  test('a /batch log-in under any prefix is counted as Parse routes it', async () => {
    const wrong = (n: number) => ({ username: `nobody-${n}`, password: `Wrong#Pass${n}` });
    const statuses = await sendTimes(limited, freshAddress(), LIMIT + 2, (n) => ({
      method: 'POST', path: '/batch', body: { requests: [{ method: 'POST', path: '/zzz/login', body: wrong(n) }] },
    }));
    expect(statuses.slice(0, LIMIT)).not.toContain(429);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
  });

  test('a /batch create under any prefix stores at most the limit', async () => {
    const marker = `limit ${crypto.randomUUID()}`;
    const statuses = await sendTimes(limited, freshAddress(), LIMIT + 2, (n) => ({
      method: 'POST', path: '/batch', body: { requests: [{ method: 'POST', path: `/zzz${SUBMIT_PATH}`, body: { comment: `${marker} ${n}`, willReturn: true } }] },
    }));
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    expect(await countOpinions(marker)).toBe(LIMIT);
  });
});

describe('one account, many addresses', () => {
  let limited: RunningParse;
  beforeAll(async () => {
    limited = await startSecondParse(stack, { authRequestLimit: 100, accountLogInLimit: 2 });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  test('strangers guessing from several addresses cannot lock the owner out', async () => {
    const id = crypto.randomUUID();
    const username = `owner-${id}`;
    const signUp = await send(limited, freshAddress(), {
      method: 'POST', path: '/users', body: { username, email: `${id}@example.com`, password: TEST_PASSWORD },
    });
    expect(signUp.status).toBe(201);
    const guess = (n: number): Request => ({ method: 'POST', path: '/login', body: { username, password: `Wrong#Pass${n}` } });
    const attackers = [freshAddress(), freshAddress(), freshAddress()];
    const statuses = await Promise.all(attackers.map((from) => sendTimes(limited, from, 4, guess)));
    // Each address gets two guesses at this account; the rest are throttled, not counted against the owner.
    for (const perAddress of statuses) expect(perAddress).toEqual([404, 404, 429, 429]);
    const owner = await send(limited, freshAddress(), { method: 'POST', path: '/login', body: { username, password: TEST_PASSWORD } });
    expect(owner.status).toBe(200);
    expect(owner.body.sessionToken).toEqual(expect.any(String));
  });
});

describe('the localhost exemption', () => {
  let exempt: RunningParse;
  beforeAll(async () => {
    exempt = await startSecondParse(stack, { opinionCreateLimit: 1, rateLimitLocalhost: false });
  });
  afterAll(async () => {
    await exempt?.stop();
  });

  const create = (n: number, headers?: Record<string, string>): Request => ({
    method: 'POST', path: SUBMIT_PATH, body: { comment: `exempt ${n}`, willReturn: true }, headers,
  });

  test.each(['127.0.0.1', '127.0.9.9', '::1'])('applies to %s, however the server spells it', async (from) => {
    expect(await sendTimes(exempt, from, 3, (n) => create(n))).toEqual([200, 200, 200]);
  });

  test('does not apply to requests a proxy forwarded', async () => {
    const statuses = await sendTimes(exempt, freshAddress(), 3, (n) => create(n, { 'X-Forwarded-For': '203.0.113.9' }));
    expect(statuses).toEqual([200, 429, 429]);
  });
});

describe('behind a reverse proxy (trustProxy)', () => {
  let proxied: RunningParse;
  beforeAll(async () => {
    proxied = await startSecondParse(stack, { opinionCreateLimit: 2, rateLimitLocalhost: false, trustProxy: 'loopback' });
  });
  afterAll(async () => {
    await proxied?.stop();
  });

  const create = (forwardedFor: string): Request => ({
    method: 'POST', path: SUBMIT_PATH, body: { comment: 'proxied', willReturn: true }, headers: { 'X-Forwarded-For': forwardedFor },
  });

  test('each visitor is counted by its own address, and a forged X-Forwarded-For gains nothing', async () => {
    const proxy = '127.0.0.1';
    expect(await sendTimes(proxied, proxy, 3, () => create('203.0.113.7'))).toEqual([200, 200, 429]);
    // The visitor writes an address of its own choosing first; the proxy appends the real one.
    expect(await sendTimes(proxied, proxy, 2, (n) => create(`198.51.100.${n}, 203.0.113.7`))).toEqual([429, 429]);
    // Another visitor behind the same proxy has a count of its own.
    expect(await sendTimes(proxied, proxy, 2, () => create('203.0.113.8'))).toEqual([200, 200]);
  });
});
