import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { RunningParse } from '../../server/parse-app.ts';
import { OUR_ERROR_CODE, RATE_LIMIT_MESSAGE } from '../../src/domain/errors.ts';
import { SUBMIT_PATH } from '../helpers/parse-rest.ts';
import { startSecondParse } from '../helpers/test-stack.ts';

const stack = inject('stack');
let limited: RunningParse;

// A second Parse Server on the same database, with a limit small enough to reach.
beforeAll(async () => {
  limited = await startSecondParse(stack, { opinionCreateLimit: 3 });
});
afterAll(async () => {
  await limited?.stop();
});

/** An opinion sent as the app sends it: through its Cloud function. */
function createOpinion(comment: string) {
  return fetch(limited.serverURL + SUBMIT_PATH, {
    method: 'POST',
    headers: {
      'X-Parse-Application-Id': stack.appId,
      'X-Parse-JavaScript-Key': stack.javascriptKey,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ comment, willReturn: true }),
  });
}

test('creating opinions is rate limited: the fourth in a minute gets 429 and is not stored', async () => {
  const marker = `rate limited ${crypto.randomUUID()}`;
  const statuses: number[] = [];
  for (let n = 0; n < 4; n += 1) statuses.push((await createOpinion(`${marker} ${n}`)).status);
  expect(statuses).toEqual([200, 200, 200, 429]);

  const refused = await createOpinion(`${marker} 4`);
  expect(refused.status).toBe(429);
  // Our own code: the client tells a rate limit from a dead network (code 100) without reading the message.
  expect(await refused.json()).toEqual({ code: OUR_ERROR_CODE.rateLimited, error: RATE_LIMIT_MESSAGE });

  const where = encodeURIComponent(JSON.stringify({ comment: { $regex: `^${marker}` } }));
  const count = await fetch(`${stack.serverURL}/classes/opinions?where=${where}&count=1&limit=0`, {
    headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-Master-Key': stack.masterKey },
  });
  expect(((await count.json()) as { count: number }).count).toBe(3);
});
