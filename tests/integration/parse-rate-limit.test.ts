/**
 * Parse Server's own `rateLimit`, as Back4App runs it (README): it refuses with code 100, the
 * SDK's code for a failed network, and the message it is configured with. That message is the
 * one rate limit the app recognises by its text (PARSE_SERVER_MESSAGES); ours has a code.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { RunningParse } from '../../server/parse-app.ts';
import { RATE_LIMIT_MESSAGE } from '../../src/domain/errors.ts';
import { toAppError } from '../../src/parse/errors.ts';
import { startSecondParse } from '../helpers/test-stack.ts';
import { refusalOf } from '../helpers/refusal.ts';

const stack = inject('stack');
let limited: RunningParse;

// A second Parse Server on the same database, where only Parse's own limit counts (ours leave loopback alone).
beforeAll(async () => {
  limited = await startSecondParse(stack, { rateLimitLocalhost: false }, {
    rateLimit: [
      { requestPath: '/login', requestTimeWindow: 60_000, requestCount: 2, errorResponseMessage: RATE_LIMIT_MESSAGE, includeInternalRequests: true },
    ],
  });
});
afterAll(async () => {
  await limited?.stop();
});

function logIn(username: string, password: string) {
  return fetch(`${limited.serverURL}/login`, {
    method: 'POST',
    headers: {
      'X-Parse-Application-Id': stack.appId,
      'X-Parse-JavaScript-Key': stack.javascriptKey,
      'Content-Type': 'application/json',
    },
    // The SDK's own shape: a POST that carries the real method.
    body: JSON.stringify({ _method: 'GET', username, password }),
  });
}

test('Parse’s own rate limit answers 429, code 100 and its configured message, which the app puts in words', async () => {
  const username = `nobody-${crypto.randomUUID()}`;
  const statuses: number[] = [];
  for (let n = 0; n < 2; n += 1) statuses.push((await logIn(username, `Wrong#Pass${n}`)).status);
  expect(statuses).toEqual([404, 404]);
  const refused = await logIn(username, 'Wrong#Pass9');
  expect(refused.status).toBe(429);
  const body = (await refused.json()) as { code: number; error: string };
  expect(body).toEqual({ code: 100, error: RATE_LIMIT_MESSAGE });
  expect(await refusalOf(Promise.reject(toAppError({ code: body.code, message: body.error }, 'login')))).toEqual({
    kind: 'rate-limited',
    words: 'Too many attempts in a short time. Please wait a minute and try again.',
  });
});
