/**
 * Cloud Code checks every field itself: the form's checks are a convenience, not the
 * protection. Each refused request carries its own submission id, so "nothing stored" is
 * counted on rows this test made, never on the shared table's total.
 */
import { beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { LANGUAGE_CODES } from '../../src/domain/languages.ts';
import { formatValidationMessage, parseValidationMessage } from '../../src/domain/opinion.ts';
import { toAppError } from '../../src/parse/errors.ts';
import { OPINION_FUNCTION } from '../../src/domain/classes.ts';
import {
  anonymous,
  asUser,
  clientSdk,
  countComment,
  countOpinions,
  logIn,
  marker,
  storedOpinion,
  submitOpinion,
  SUBMIT_PATH,
  type Json,
} from '../helpers/parse-rest.ts';

const stack = inject('stack');
const Parse = clientSdk(stack);
/** An opinion as a visitor sends it: to its Cloud function, with no session. */
const create = (body: Json) => submitOpinion(anonymous(stack), body);
const countSubmission = (submissionId: string) => countOpinions(stack, { submissionId });
/** The app's own sending (src/parse/opinions.ts), configured for the test stack. */
let appCreateOpinion: typeof import('../../src/parse/opinions.ts').createOpinion;

beforeAll(async () => {
  vi.stubEnv('VITE_PARSE_SERVER_URL', stack.serverURL);
  vi.stubEnv('VITE_PARSE_APP_ID', stack.appId);
  vi.stubEnv('VITE_PARSE_JS_KEY', stack.javascriptKey);
  ({ createOpinion: appCreateOpinion } = await import('../../src/parse/opinions.ts'));
});

describe('refused with our invalidOpinion code, the field messages, and nothing stored', () => {
  test.each([
    ['willReturn as text', { willReturn: 'yes' }, { willReturn: 'Would you visit us again must be yes or no.' }],
    ['willReturn missing', { willReturn: undefined }, { willReturn: 'Choose whether you would visit us again.' }],
    ['a comment that is a number', { comment: 42 }, { comment: 'Comment must be text.' }],
    ['a name that is a number', { name: 5 }, { name: 'Name must be text.' }],
    ['a missing comment', { comment: undefined }, { comment: 'Enter your comment.' }],
    ['a null comment', { comment: null }, { comment: 'Enter your comment.' }],
    ['a whitespace-only comment', { comment: ' \n\t ' }, { comment: 'Enter your comment.' }],
    ['a comment of 2,001 characters', { comment: 'x'.repeat(2_001) }, { comment: 'Comment must be 2,000 characters or fewer.' }],
    ['a 200 KB comment', { comment: 'x'.repeat(200_000) }, { comment: 'Comment must be 2,000 characters or fewer.' }],
    ['a name of 101 characters', { name: 'n'.repeat(101) }, { name: 'Name must be 100 characters or fewer.' }],
    ['a NUL character in the comment', { comment: 'before\u0000after' }, { comment: 'Comment contains characters we cannot store.' }],
    ['a NUL character in the name', { name: 'An\u0000a' }, { name: 'Name contains characters we cannot store.' }],
    [
      'every field wrong at once',
      { name: 5, comment: 42, willReturn: 'yes' },
      { name: 'Name must be text.', comment: 'Comment must be text.', willReturn: 'Would you visit us again must be yes or no.' },
    ],
  ])('%s', async (_case, override, fields) => {
    const submissionId = crypto.randomUUID();
    const answer = await create({ name: 'Tester', comment: 'A fine visit', willReturn: true, submissionId, ...override });
    expect(answer).toEqual({ status: 400, body: { code: OUR_ERROR_CODE.invalidOpinion, error: formatValidationMessage(fields) } });
    // The client knows the refusal by its code and puts each message back on its field.
    expect(parseValidationMessage(String(answer.body.error))).toEqual(fields);
    expect(toAppError({ code: Number(answer.body.code), message: String(answer.body.error) })).toMatchObject({ kind: 'validation', fields });
    expect(await countSubmission(submissionId)).toBe(0);
  });

  test.each([
    ['not a UUID', 'not-a-uuid'],
    ['a number', 12345],
    ['null', null],
  ])('a submission id that is %s', async (_case, submissionId) => {
    const comment = marker('Bad submission id');
    const answer = await create({ comment, willReturn: true, submissionId });
    expect(answer).toEqual({ status: 400, body: { code: 142, error: 'submissionId must be a UUID.' } });
    expect(await countComment(stack, comment)).toBe(0);
  });

  test('through the SDK, with the code and the message', async () => {
    const submissionId = crypto.randomUUID();
    await expect(Parse.Cloud.run(OPINION_FUNCTION.submit, { comment: '   ', willReturn: true, submissionId })).rejects.toMatchObject({
      code: OUR_ERROR_CODE.invalidOpinion,
      message: formatValidationMessage({ comment: 'Enter your comment.' }),
    });
    expect(await countSubmission(submissionId)).toBe(0);
  });

  test("through the app's own module, as the app sends it", async () => {
    const submissionId = crypto.randomUUID();
    await expect(appCreateOpinion({ name: '', comment: '   ', willReturn: true, submissionId })).rejects.toMatchObject({
      kind: 'validation',
      fields: { comment: 'Enter your comment.' },
    });
    expect(await countSubmission(submissionId)).toBe(0);
  });
});

describe('accepted', () => {
  test('text is trimmed, and a comment of exactly 2,000 characters is fine', async () => {
    const comment = `${crypto.randomUUID()}${'x'.repeat(1_964)}`;
    expect(comment).toHaveLength(2_000);
    const answer = await create({ name: '  Ana  ', comment: `  ${comment}\n\t`, willReturn: false });
    expect(answer.status).toBe(200);
    expect(await storedOpinion(stack, String(answer.id))).toMatchObject({ name: 'Ana', comment, willReturn: false });
  });

  test('a name of exactly 100 characters is fine; a blank name is stored empty', async () => {
    const name = `${crypto.randomUUID()}${'n'.repeat(64)}`;
    expect(name).toHaveLength(100);
    const full = await create({ name, comment: marker('Long name'), willReturn: true });
    expect(full.status).toBe(200);
    expect(await storedOpinion(stack, String(full.id))).toMatchObject({ name });
    const blank = await create({ name: '   ', comment: marker('Blank name'), willReturn: true });
    expect(blank.status).toBe(200);
    expect(await storedOpinion(stack, String(blank.id))).toMatchObject({ name: '' });
  });

  test('line breaks and tabs inside the comment are kept', async () => {
    const comment = `First line\n\tsecond line ${crypto.randomUUID()}`;
    const answer = await create({ comment, willReturn: true });
    expect(answer.status).toBe(200);
    expect(await storedOpinion(stack, String(answer.id))).toMatchObject({ comment });
  });

  test('hostile text is stored verbatim, as text', async () => {
    const comment = `<script>alert(1)</script><img src=x onerror=alert(2)> \u202Eevil\u202C zero\u200Dwidth ${crypto.randomUUID()}`;
    const name = '<b>bold</b>\u202E\u200D';
    const answer = await create({ name, comment, willReturn: true });
    expect(answer.status).toBe(200);
    const row = await storedOpinion(stack, String(answer.id));
    expect(row).toMatchObject({ name, comment });
    expect(String(row.comment)).toContain('\u202E');
    expect(String(row.comment)).toContain('\u200D');
  });
});

describe('the language the visitor wrote in', () => {
  test.each(LANGUAGE_CODES)('%s is accepted and stored', async (language) => {
    const answer = await create({ comment: marker(`In ${language}`), willReturn: true, language });
    expect(answer.status).toBe(200);
    expect(await storedOpinion(stack, String(answer.id))).toMatchObject({ language });
  });

  test('an opinion without one (an older app, another client) is stored without one', async () => {
    const answer = await create({ comment: marker('No language'), willReturn: true });
    expect(answer.status).toBe(200);
    expect(await storedOpinion(stack, String(answer.id))).not.toHaveProperty('language');
  });

  test.each([
    ['a language the app does not speak', 'de'],
    ['a code in capitals', 'EN'],
    ['a language by its name', 'English'],
    ['a regional code', 'fr-CA'],
    ['empty text', ''],
    ['a number', 1],
    ['null', null],
  ])('%s is refused with our invalidLanguage code, and nothing stored', async (_case, language) => {
    const comment = marker('Bad language');
    const answer = await create({ comment, willReturn: true, language });
    expect(answer).toEqual({
      status: 400,
      body: { code: OUR_ERROR_CODE.invalidLanguage, error: `language must be one of ${LANGUAGE_CODES.join(', ')}, or left out.` },
    });
    expect(await countComment(stack, comment)).toBe(0);
  });

  test('staff cannot change it afterwards: the class takes no update, and no function takes the field (119)', async () => {
    const { id } = await create({ comment: marker('Stays Spanish'), willReturn: true, language: 'es' });
    const staff = asUser(stack, (await logIn(stack, 'staff', 'Staff#Opinions1')).sessionToken);
    const before = await storedOpinion(stack, String(id));
    const classRefusal = { status: 400, body: { code: 119, error: 'Permission denied' } };
    expect(await staff('PUT', `/classes/opinions/${id}`, { language: 'fr' })).toEqual(classRefusal);
    const refused = { status: 400, body: { code: 119, error: 'Not a field of this call: language.' } };
    expect(await staff('POST', `/functions/${OPINION_FUNCTION.triage}`, { ids: [id], reviewed: true, language: 'fr' })).toEqual(refused);
    expect(await staff('POST', `/functions/${OPINION_FUNCTION.setTags}`, { id, tags: ['spanish'], language: 'fr' })).toEqual(refused);
    expect(await storedOpinion(stack, String(id))).toEqual(before);
    expect(before).toMatchObject({ language: 'es', reviewed: false });
  });
});

describe('the same submission id twice', () => {
  test('stores one row, the first; the second answer is 137, which the client reads as "already stored"', async () => {
    const submissionId = crypto.randomUUID();
    const first = await create({ comment: marker('Sent first'), willReturn: true, submissionId });
    const second = await create({ comment: marker('Sent again'), willReturn: false, submissionId });
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 400, body: { code: 137 } });
    expect(await countSubmission(submissionId)).toBe(1);
    expect(await storedOpinion(stack, String(first.id))).toMatchObject({ submissionId, willReturn: true });
  });

  test('even when five copies arrive at once (the unique index decides)', async () => {
    const submissionId = crypto.randomUUID();
    const body = { comment: marker('Raced'), willReturn: true, submissionId };
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(body)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.body.code === 137)).toHaveLength(4);
    expect(await countSubmission(submissionId)).toBe(1);
  });
});

test('a request body over the server’s limit is refused cleanly (413), and nothing stored', async () => {
  const submissionId = crypto.randomUUID();
  const response = await fetch(`${stack.serverURL}${SUBMIT_PATH}`, {
    method: 'POST',
    headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ comment: 'x'.repeat(25 * 1024 * 1024), willReturn: true, submissionId }),
  });
  expect(response.status).toBe(413);
  expect(await countSubmission(submissionId)).toBe(0);
});
