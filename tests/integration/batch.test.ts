/**
 * parse-server 9.10 with router 2.3 (pulled in by express 5) answers every /batch request with
 * an internal error; package.json pins router 2.2.0 with npm overrides. When these pass
 * without the pin, drop it.
 */
import Parse from 'parse/node';
import { beforeAll, expect, inject, test } from 'vitest';
import { anonymous, countComment, marker } from '../helpers/parse-rest.ts';

const stack = inject('stack');

beforeAll(() => {
  Parse.initialize(stack.appId, stack.javascriptKey);
  Parse.serverURL = stack.serverURL;
});

test('the SDK’s saveAll stores every opinion through /batch', async () => {
  const comments = [marker('batch one'), marker('batch two'), marker('batch three')];
  const opinions = comments.map((comment) => new Parse.Object('opinions', { comment, willReturn: true }));
  await Parse.Object.saveAll(opinions);
  expect(opinions.every((opinion) => typeof opinion.id === 'string')).toBe(true);
  for (const comment of comments) expect(await countComment(stack, comment)).toBe(1);
});

test('a REST /batch answers each request', async () => {
  const comments = [marker('rest batch one'), marker('rest batch two')];
  const answer = await anonymous(stack)('POST', '/batch', {
    requests: comments.map((comment) => ({ method: 'POST', path: '/parse/classes/opinions', body: { comment, willReturn: false } })),
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toHaveLength(2);
  for (const comment of comments) expect(await countComment(stack, comment)).toBe(1);
});
