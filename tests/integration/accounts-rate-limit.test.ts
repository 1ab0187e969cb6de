import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { RunningParse } from '../../server/parse-app.ts';
import { OUR_ERROR_CODE, RATE_LIMIT_MESSAGE } from '../../src/domain/errors.ts';
import { toAppError } from '../../src/parse/errors.ts';
import { startSecondParse } from '../helpers/test-stack.ts';
import { refusalOf } from '../helpers/refusal.ts';

const stack = inject('stack');
let limited: RunningParse;

// A second Parse Server on the same database, with limits small enough to reach.
beforeAll(async () => {
  limited = await startSecondParse(stack, { authRequestLimit: 3 });
});
afterAll(async () => {
  await limited?.stop();
});

function post(path: string, body: unknown) {
  return fetch(`${limited.serverURL}${path}`, {
    method: 'POST',
    headers: {
      'X-Parse-Application-Id': stack.appId,
      'X-Parse-JavaScript-Key': stack.javascriptKey,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

async function statusesOf(times: number, send: (n: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let n = 0; n < times; n += 1) statuses.push((await send(n)).status);
  return statuses;
}

test('logging in is rate limited, with the code the app turns into words', async () => {
  const username = `nobody-${crypto.randomUUID()}`;
  // The SDK's own shape: a POST that carries the real method.
  const statuses = await statusesOf(3, (n) => post('/login', { _method: 'GET', username, password: `Wrong#Pass${n}` }));
  expect(statuses).toEqual([404, 404, 404]);
  const refused = await post('/login', { username, password: 'Wrong#Pass9' });
  expect(refused.status).toBe(429);
  const body = (await refused.json()) as { code: number; error: string };
  expect(body).toEqual({ code: OUR_ERROR_CODE.rateLimited, error: RATE_LIMIT_MESSAGE });
  expect(await refusalOf(Promise.reject(toAppError({ code: body.code, message: body.error }, 'login')))).toEqual({
    kind: 'rate-limited',
    words: 'Too many attempts in a short time. Please wait a minute and try again.',
  });
});

test('creating accounts is rate limited, and the refused one is not created', async () => {
  const ids = Array.from({ length: 4 }, () => crypto.randomUUID());
  const statuses = await statusesOf(4, (n) =>
    post('/users', { username: `u-${ids[n]}`, email: `${ids[n]}@example.com`, password: 'Secret#Pass1' }),
  );
  expect(statuses).toEqual([201, 201, 201, 429]);
  const where = encodeURIComponent(JSON.stringify({ username: `u-${ids[3]}` }));
  const found = await fetch(`${stack.serverURL}/users?where=${where}`, {
    headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-Master-Key': stack.masterKey },
  });
  expect(((await found.json()) as { results: unknown[] }).results).toEqual([]);
});

test.each(['/requestPasswordReset', '/verificationEmailRequest'])('%s is rate limited', async (path) => {
  const email = `${crypto.randomUUID()}@example.com`;
  expect(await statusesOf(4, () => post(path, { email }))).toEqual([200, 200, 200, 429]);
});
