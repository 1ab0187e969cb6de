/** Cloud Code checks every field itself: the form's checks are a convenience, not the protection. */
import { describe, expect, inject, test } from 'vitest';
import { formatValidationMessage } from '../../src/domain/opinion.ts';
import { anonymous, asMaster, countComment, marker } from '../helpers/parse-rest.ts';

const stack = inject('stack');
const create = (body: Record<string, unknown>) => anonymous(stack)('POST', '/classes/opinions', body);

async function countSubmission(submissionId: string): Promise<number> {
  const where = encodeURIComponent(JSON.stringify({ submissionId }));
  const answer = await asMaster(stack)('GET', `/classes/opinions?where=${where}&count=1&limit=0`);
  return Number(answer.body.count);
}

describe('refused with 142 and nothing stored', () => {
  test.each([
    ['willReturn as text', { willReturn: 'yes' }, { willReturn: 'Would you visit us again must be yes or no.' }],
    ['willReturn missing', { willReturn: undefined }, { willReturn: 'Choose whether you would visit us again.' }],
    ['a comment that is a number', { comment: 42 }, { comment: 'Comment must be text.' }],
    ['a name that is a number', { name: 5 }, { name: 'Name must be text.' }],
    ['a missing comment', { comment: undefined }, { comment: 'Enter your comment.' }],
    ['a blank comment', { comment: ' \n\t ' }, { comment: 'Enter your comment.' }],
    ['a comment of 2,001 characters', { comment: 'x'.repeat(2_001) }, { comment: 'Comment must be 2,000 characters or fewer.' }],
    ['a 200 KB comment', { comment: 'x'.repeat(200_000) }, { comment: 'Comment must be 2,000 characters or fewer.' }],
    ['a name of 101 characters', { name: 'n'.repeat(101) }, { name: 'Name must be 100 characters or fewer.' }],
    ['a NUL character', { comment: 'before\u0000after' }, { comment: 'Comment contains characters we cannot store.' }],
  ])('%s', async (_case, override, fields) => {
    const submissionId = crypto.randomUUID();
    const answer = await create({ name: 'Tester', comment: 'A fine visit', willReturn: true, submissionId, ...override });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 142, error: formatValidationMessage(fields) });
    expect(await countSubmission(submissionId)).toBe(0);
  });

  test('a submission id that is not a UUID', async () => {
    const comment = marker('Bad id');
    const answer = await create({ comment, willReturn: true, submissionId: 'not-a-uuid' });
    expect(answer.body).toEqual({ code: 142, error: 'submissionId must be a UUID.' });
    expect(await countComment(stack, comment)).toBe(0);
  });
});

describe('accepted', () => {
  test('text is trimmed, and a comment of exactly 2,000 characters is fine', async () => {
    const body = `${crypto.randomUUID()}${'x'.repeat(1_964)}`;
    expect(body).toHaveLength(2_000);
    const answer = await create({ name: '  Ana  ', comment: `  ${body}\n`, willReturn: false });
    expect(answer.status).toBe(201);
    const row = (await asMaster(stack)('GET', `/classes/opinions/${String(answer.body.objectId)}`)).body;
    expect(row).toMatchObject({ name: 'Ana', comment: body, willReturn: false });
  });

  test('hostile text is stored verbatim, as text', async () => {
    const comment = `<script>alert(1)</script><img src=x onerror=alert(2)> \u202Eevil\u202C zero\u200Dwidth ${crypto.randomUUID()}`;
    const answer = await create({ name: '<b>bold</b>', comment, willReturn: true });
    expect(answer.status).toBe(201);
    const row = (await asMaster(stack)('GET', `/classes/opinions/${String(answer.body.objectId)}`)).body;
    expect(row).toMatchObject({ name: '<b>bold</b>', comment });
  });
});

describe('the same submission id twice', () => {
  test('stores one row; the second answer is 137, which the client reads as "already stored"', async () => {
    const submissionId = crypto.randomUUID();
    const body = { comment: marker('Sent twice'), willReturn: true, submissionId };
    const first = await create(body);
    const second = await create(body);
    expect(first.status).toBe(201);
    expect(second.body.code).toBe(137);
    expect(await countSubmission(submissionId)).toBe(1);
  });

  test('even when both arrive at once', async () => {
    const submissionId = crypto.randomUUID();
    const body = { comment: marker('Raced'), willReturn: true, submissionId };
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(body)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.body.code === 137)).toHaveLength(4);
    expect(await countSubmission(submissionId)).toBe(1);
  });
});

test('a request body over the server’s limit is refused cleanly', async () => {
  const response = await fetch(`${stack.serverURL}/classes/opinions`, {
    method: 'POST',
    headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ comment: 'x'.repeat(25 * 1024 * 1024), willReturn: true }),
  });
  expect(response.status).toBe(413);
});
