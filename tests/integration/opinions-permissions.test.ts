/**
 * The access rules of `opinions`, proven against the real server over REST and through the
 * SDK: the bundle is public, so class-level permissions and Cloud Code are all that protect
 * the data. Every write goes through a Cloud function (server/cloud/opinions.ts) that saves
 * with the master key, so each function's parameters are as much the trust surface as the
 * class. Every test works on opinions it made itself; the database is shared.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { grantStaff } from '../../server/roles.ts';
import { DEMO_USERS } from '../../server/seed.ts';
import { OPINION_FUNCTION } from '../../src/domain/classes.ts';
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { LANGUAGE_CODES } from '../../src/domain/languages.ts';
import { formatValidationMessage } from '../../src/domain/opinion.ts';
import {
  anonymous,
  asMaster,
  asUser,
  clientSdk,
  countComment,
  countOpinions,
  createOpinion,
  logIn,
  marker,
  master,
  newUser,
  storedOpinion,
  submitOpinion,
  SUBMIT_PATH,
  type Caller,
  type Json,
} from '../helpers/parse-rest.ts';

const stack = inject('stack');
const Parse = clientSdk(stack);
const STAFF_ONLY_ACL = { 'role:staff': { read: true, write: true } };
const PUBLIC_ACL = { '*': { read: true, write: true } };
const TRIAGE_PATH = `/functions/${OPINION_FUNCTION.triage}`;
const TAGS_PATH = `/functions/${OPINION_FUNCTION.setTags}`;
const CLASS_REFUSAL = { status: 400, body: { code: 119, error: 'Permission denied' } };
/** What a function answers a parameter it does not take. */
const notAField = (...fields: string[]) => ({ status: 400, body: { code: 119, error: `Not a field of this call: ${fields.join(', ')}.` } });

let anon: Caller;
let newcomer: Caller;
let demoVisitor: Caller;
let staff: Caller;
/** In the staff role, its email never verified. */
let unverifiedStaff: Caller;
let staffToken: string;
let visitorToken: string;
/** An opinion that only refused requests touch: it must look the same at the end. */
let target: { id: string; comment: string };
let targetBefore: Json;

beforeAll(async () => {
  anon = anonymous(stack);
  newcomer = asUser(stack, (await newUser(stack)).sessionToken);
  visitorToken = (await logIn(stack, DEMO_USERS.visitor.username, DEMO_USERS.visitor.password)).sessionToken;
  demoVisitor = asUser(stack, visitorToken);
  staffToken = (await logIn(stack, DEMO_USERS.staff.username, DEMO_USERS.staff.password)).sessionToken;
  staff = asUser(stack, staffToken);
  const unverified = await newUser(stack);
  await grantStaff(master(stack), unverified.id);
  unverifiedStaff = asUser(stack, unverified.sessionToken);
  target = await createOpinion(stack, 'The untouchable opinion');
  targetBefore = await storedOpinion(stack, target.id);
});

const byComment = (comment: string) => `/classes/opinions?where=${encodeURIComponent(JSON.stringify({ comment }))}`;
const rowsWithSubmission = (submissionId: string) => countOpinions(stack, { submissionId });

describe('anyone may send an opinion, and only staff can read it', () => {
  test('anonymously: stored with the staff-only ACL, not reviewed, without tags', async () => {
    const comment = marker('Anonymous opinion');
    const sent = await submitOpinion(anon, { comment, willReturn: false });
    expect(sent).toEqual({ status: 200, body: { result: { objectId: expect.any(String) } }, id: expect.any(String) });
    const row = await storedOpinion(stack, String(sent.id));
    expect(row.ACL).toEqual(STAFF_ONLY_ACL);
    expect(row).toMatchObject({ comment, willReturn: false, reviewed: false });
    expect(row).not.toHaveProperty('tags');
    expect(await anon('GET', `/classes/opinions/${sent.id}`)).toEqual(CLASS_REFUSAL);
  });

  test('through the SDK, the same', async () => {
    const comment = marker('Sent through the SDK');
    const result = (await Parse.Cloud.run(OPINION_FUNCTION.submit, { comment, willReturn: true })) as { objectId: string };
    const row = await storedOpinion(stack, result.objectId);
    expect(row.ACL).toEqual(STAFF_ONLY_ACL);
    expect(row).toMatchObject({ comment, willReturn: true, reviewed: false });
  });

  test('a signed-in user may send one as well, with the same staff-only ACL', async () => {
    const comment = marker('From a signed-in user');
    const sent = await submitOpinion(demoVisitor, { comment, willReturn: true });
    expect(sent.status).toBe(200);
    const row = await storedOpinion(stack, String(sent.id));
    expect(row.ACL).toEqual(STAFF_ONLY_ACL);
    expect(row).toMatchObject({ comment, reviewed: false });
  });
});

describe('the submit function takes the form’s fields and nothing else', () => {
  test.each([
    ['reviewed', true],
    ['tags', ['vip']],
    ['ACL', PUBLIC_ACL],
    ['objectId', 'chosenByTheClient'],
    ['createdAt', { __type: 'Date', iso: '2000-01-01T00:00:00.000Z' }],
    ['updatedAt', { __type: 'Date', iso: '2000-01-01T00:00:00.000Z' }],
    ['isAdmin', true],
  ])('%s from an anonymous caller: 119, and nothing is stored', async (field, value) => {
    const comment = marker(`With ${field}`);
    expect(await submitOpinion(anon, { comment, willReturn: true, [field]: value })).toEqual(notAField(field));
    expect(await countComment(stack, comment)).toBe(0);
  });

  test('several at once are all named', async () => {
    const comment = marker('With several');
    const answer = await submitOpinion(anon, { comment, willReturn: true, reviewed: true, tags: ['vip'], ACL: PUBLIC_ACL });
    expect(answer).toEqual(notAField('reviewed', 'tags', 'ACL'));
    expect(await countComment(stack, comment)).toBe(0);
  });

  test('staff signed in are visitors here: reviewed and tags are refused for them too', async () => {
    for (const [field, value] of [['reviewed', true], ['tags', ['vip']]] as const) {
      const comment = marker(`Staff sends ${field}`);
      expect(await submitOpinion(staff, { comment, willReturn: true, [field]: value })).toEqual(notAField(field));
      expect(await countComment(stack, comment)).toBe(0);
    }
  });

  test.each([
    ['reviewed', '?reviewed=true'],
    ['tags', '?tags[]=vip'],
    ['ACL', '?ACL[*][read]=true&ACL[*][write]=true'],
    ['objectId', '?objectId=chosenByTheClient'],
    ['createdAt', '?createdAt[__type]=Date&createdAt[iso]=2000-01-01T00:00:00.000Z'],
  ])('%s in the URL’s query string (Parse merges it into the parameters): 119, and nothing is stored', async (field, query) => {
    const comment = marker(`Query ${field}`);
    expect(await anon('POST', `${SUBMIT_PATH}${query}`, { comment, willReturn: true })).toEqual(notAField(field));
    expect(await countComment(stack, comment)).toBe(0);
  });

  test('a multipart body, which Parse would read past the request checks, is refused (107), and nothing is stored', async () => {
    const post = async (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      const response = await fetch(stack.serverURL + SUBMIT_PATH, {
        method: 'POST',
        headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as Json };
    };
    const refused = { status: 400, body: { code: 107, error: 'This app takes JSON bodies only.' } };
    const extra = marker('Multipart with reviewed');
    expect(await post({ comment: extra, willReturn: 'true', reviewed: 'true' })).toEqual(refused);
    const plain = marker('Multipart');
    expect(await post({ comment: plain, willReturn: 'true' })).toEqual(refused);
    expect(await countComment(stack, extra)).toBe(0);
    expect(await countComment(stack, plain)).toBe(0);
  });

  const date = { __type: 'Date', iso: '2000-01-01T00:00:00.000Z' };
  const pointer = { __type: 'Pointer', className: '_User', objectId: 'someoneElse' };
  const invalid = (fields: Record<string, string>) => ({ code: OUR_ERROR_CODE.invalidOpinion, error: formatValidationMessage(fields) });
  test.each([
    ['a name that is a Date', { name: date }, invalid({ name: 'Name must be text.' })],
    ['a comment that is a Pointer', { comment: pointer }, invalid({ comment: 'Comment must be text.' })],
    ['willReturn that is a Date', { willReturn: date }, invalid({ willReturn: 'Would you visit us again must be yes or no.' })],
    ['a submission id that is a Date', { submissionId: date }, { code: 142, error: 'submissionId must be a UUID.' }],
    [
      'a language that is a Date',
      { language: date },
      { code: OUR_ERROR_CODE.invalidLanguage, error: `language must be one of ${LANGUAGE_CODES.join(', ')}, or left out.` },
    ],
  ])('%s (Parse turns `__type` values into objects) is refused as not text, and nothing is stored', async (_case, override, refusal) => {
    const [comment, submissionId] = [marker('Typed value'), crypto.randomUUID()];
    expect(await submitOpinion(anon, { name: 'Typed', comment, willReturn: true, submissionId, ...override })).toEqual({ status: 400, body: refusal });
    expect(await countComment(stack, comment)).toBe(0);
    expect(await rowsWithSubmission(submissionId)).toBe(0);
  });

  test('a name that is a Date through the query string is refused as not text as well', async () => {
    const comment = marker('Query date');
    const query = '?name[__type]=Date&name[iso]=2000-01-01T00:00:00.000Z';
    expect(await anon('POST', `${SUBMIT_PATH}${query}`, { name: 'Typed', comment, willReturn: true })).toEqual({
      status: 400,
      body: invalid({ name: 'Name must be text.' }),
    });
    expect(await countComment(stack, comment)).toBe(0);
  });

  test.each([
    ['_rperm', '["*"]'],
    ['__proto__', `{"reviewed":true,"tags":["vip"],"ACL":${JSON.stringify(PUBLIC_ACL)}}`],
  ])('a reserved field name (%s) is refused before the function (105), and nothing is stored', async (field, value) => {
    const comment = marker(`Reserved ${field}`);
    // Written by hand: an object literal's `__proto__` sets its prototype and JSON.stringify leaves it out.
    const body = `{"comment":${JSON.stringify(comment)},"willReturn":true,"${field}":${value}}`;
    const response = await fetch(stack.serverURL + SUBMIT_PATH, {
      method: 'POST',
      headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey, 'Content-Type': 'application/json' },
      body,
    });
    expect({ status: response.status, body: (await response.json()) as Json }).toEqual({
      status: 400,
      body: { code: 105, error: `${field} is a field name clients cannot set.` },
    });
    expect(await countComment(stack, comment)).toBe(0);
  });

  test('the master key may seed reviewed and tags, held to the same rules', async () => {
    const untidy = [' Noise ', 'noise', 'Food'];
    const seeded = await submitOpinion(asMaster(stack), { comment: marker('Seeded'), willReturn: true, reviewed: true, tags: untidy });
    expect(seeded.status).toBe(200);
    expect(await storedOpinion(stack, String(seeded.id))).toMatchObject({ reviewed: true, tags: ['noise', 'food'], ACL: STAFF_ONLY_ACL });
    const badReviewed = marker('Seeded reviewed as text');
    expect(await submitOpinion(asMaster(stack), { comment: badReviewed, willReturn: true, reviewed: 'yes' })).toEqual({
      status: 400,
      body: { code: 142, error: 'reviewed must be true or false.' },
    });
    const tooManyTags = marker('Seeded with 21 tags');
    const tags = Array.from({ length: 21 }, (_, n) => `tag ${n}`);
    expect(await submitOpinion(asMaster(stack), { comment: tooManyTags, willReturn: true, tags })).toEqual({
      status: 400,
      body: { code: 142, error: 'tags must be a list of at most 20 short texts.' },
    });
    expect(await countComment(stack, badReviewed)).toBe(0);
    expect(await countComment(stack, tooManyTags)).toBe(0);
  });
});

describe.each([
  ['anonymous', () => anon],
  ['a new signed-in user', () => newcomer],
  ['the demo visitor (signed in, not staff)', () => demoVisitor],
])('over REST, %s', (_who, as) => {
  test.each([
    ['find', () => '/classes/opinions'],
    ['find one by its comment', () => byComment(target.comment)],
    ['count', () => '/classes/opinions?count=1&limit=0'],
    ['get', () => `/classes/opinions/${target.id}`],
  ])('cannot %s: 119', async (_what, path) => {
    const answer = await as()('GET', path());
    expect(answer).toEqual(CLASS_REFUSAL);
  });

  test('the class refuses a create, however valid (119), and nothing is stored', async () => {
    const comment = marker('Straight to the class');
    expect(await as()('POST', '/classes/opinions', { comment, willReturn: true })).toEqual(CLASS_REFUSAL);
    expect(await countComment(stack, comment)).toBe(0);
  });

  test('cannot update or delete an opinion (119), and it stays exactly as it was', async () => {
    expect(await as()('PUT', `/classes/opinions/${target.id}`, { comment: 'defaced', reviewed: true, ACL: PUBLIC_ACL })).toEqual(CLASS_REFUSAL);
    expect(await as()('PUT', `/classes/opinions/${target.id}`, { reviewed: true })).toEqual(CLASS_REFUSAL);
    const remove = await as()('DELETE', `/classes/opinions/${target.id}`);
    expect(remove.status).toBe(400);
    expect(remove.body.code).toBe(119);
    expect(await storedOpinion(stack, target.id)).toEqual(targetBefore);
  });

  test('cannot create a class (119), and none is made', async () => {
    const className = `Backdoor${crypto.randomUUID().replaceAll('-', '')}`;
    const answer = await as()('POST', `/classes/${className}`, { anything: 1 });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(119);
    const schema = await asMaster(stack)('GET', `/schemas/${className}`);
    expect(schema.body.code).toBe(103);
  });
});

describe('triage and tags are for verified staff only', () => {
  test.each([
    ['anonymous', () => anon, 209, 'Your session expired, please log in again.'],
    ['a new signed-in user', () => newcomer, 119, 'The dashboard is for staff members.'],
    ['the demo visitor (signed in, not staff)', () => demoVisitor, 119, 'The dashboard is for staff members.'],
    [
      'a staff member whose email is not verified',
      () => unverifiedStaff,
      OUR_ERROR_CODE.staffEmailNotVerified,
      'Verify your email address to use the dashboard.',
    ],
  ])('%s is refused (%i), and the opinion stays exactly as it was', async (_who, as, code, error) => {
    const refused = { status: 400, body: { code, error } };
    expect(await as()('POST', TRIAGE_PATH, { ids: [target.id], reviewed: true })).toEqual(refused);
    expect(await as()('POST', TRIAGE_PATH, { ids: [target.id], addTag: 'defaced' })).toEqual(refused);
    expect(await as()('POST', TAGS_PATH, { id: target.id, tags: ['defaced'] })).toEqual(refused);
    expect(await storedOpinion(stack, target.id)).toEqual(targetBefore);
  });
});

describe('master-key routes are closed to every client, staff included', () => {
  const pipeline = encodeURIComponent(JSON.stringify([{ $group: { _id: null, total: { $sum: 1 } } }]));
  test.each([
    ['read the schema', 'GET', '/schemas/opinions', undefined],
    ['change the schema', 'PUT', '/schemas/opinions', { fields: { isAdmin: { type: 'Boolean' } } }],
    ['aggregate', 'GET', `/aggregate/opinions?pipeline=${pipeline}`, undefined],
    ['list distinct values', 'GET', '/aggregate/opinions?distinct=comment', undefined],
    ['purge the class', 'DELETE', '/purge/opinions', undefined],
  ])('%s: 403', async (_what, method, path, body) => {
    for (const as of [anon, demoVisitor, staff]) {
      // These routes answer 403 with no Parse error code at all.
      expect(await as(method, path, body)).toEqual({ status: 403, body: { error: 'Permission denied' } });
    }
    const schema = await asMaster(stack)<{ fields: Json }>('GET', '/schemas/opinions');
    expect(schema.body.fields).not.toHaveProperty('isAdmin');
    expect(await countComment(stack, target.comment)).toBe(1);
  });
});

describe.each([
  ['anonymous', () => ({})],
  ['the demo visitor, logged in with the SDK', () => ({ sessionToken: visitorToken })],
])('through the SDK, %s', (_who, options) => {
  test('find, first, count and get are refused with 119', async () => {
    const query = () => new Parse.Query('opinions');
    await expect(query().find(options())).rejects.toMatchObject({ code: 119 });
    await expect(query().equalTo('comment', target.comment).first(options())).rejects.toMatchObject({ code: 119 });
    await expect(query().count(options())).rejects.toMatchObject({ code: 119 });
    await expect(query().get(target.id, options())).rejects.toMatchObject({ code: 119 });
  });

  test('save and destroy of a stored opinion are refused with 119, and it stays as it was', async () => {
    const opinion = Parse.Object.extend('opinions').createWithoutData(target.id);
    await expect(opinion.save({ comment: 'defaced', reviewed: true }, options())).rejects.toMatchObject({ code: 119 });
    await expect(opinion.destroy(options())).rejects.toMatchObject({ code: 119 });
    expect(await storedOpinion(stack, target.id)).toEqual(targetBefore);
  });

  test('a new opinion saved to the class, an unknown field and a new class are refused with 119, and nothing is stored', async () => {
    const straight = marker('SDK save to the class');
    await expect(new Parse.Object('opinions').save({ comment: straight, willReturn: true }, options())).rejects.toMatchObject({ code: 119 });
    expect(await countComment(stack, straight)).toBe(0);
    const extra = marker('SDK extra field');
    await expect(Parse.Cloud.run(OPINION_FUNCTION.submit, { comment: extra, willReturn: true, isAdmin: true }, options())).rejects.toMatchObject({
      code: 119,
      message: 'Not a field of this call: isAdmin.',
    });
    expect(await countComment(stack, extra)).toBe(0);
    const className = `SdkBackdoor${crypto.randomUUID().replaceAll('-', '')}`;
    await expect(new Parse.Object(className).save({ anything: 1 }, options())).rejects.toMatchObject({ code: 119 });
    expect((await asMaster(stack)('GET', `/schemas/${className}`)).body.code).toBe(103);
  });
});

describe('staff over REST', () => {
  test('can find, count and get an opinion', async () => {
    const own = await createOpinion(stack, 'For staff to read');
    const found = await staff<{ results: Json[] }>('GET', byComment(own.comment));
    expect(found.status).toBe(200);
    expect(found.body.results).toEqual([expect.objectContaining({ objectId: own.id, comment: own.comment })]);
    const counted = await staff('GET', `${byComment(own.comment)}&count=1&limit=0`);
    expect(counted.body.count).toBe(1);
    const got = await staff('GET', `/classes/opinions/${own.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ objectId: own.id, comment: own.comment, willReturn: true, reviewed: false });
  });

  test('can mark an opinion reviewed and back, with a boolean only (142 otherwise)', async () => {
    const own = await createOpinion(stack, 'For staff to review');
    expect(await staff('POST', TRIAGE_PATH, { ids: [own.id], reviewed: true })).toEqual({ status: 200, body: { result: { changed: 1 } } });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: true });
    const wrongType = await staff('POST', TRIAGE_PATH, { ids: [own.id], reviewed: 'no' });
    expect(wrongType).toEqual({ status: 400, body: { code: 142, error: 'reviewed must be true or false.' } });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: true });
    expect(await staff('POST', TRIAGE_PATH, { ids: [own.id], reviewed: false })).toEqual({ status: 200, body: { result: { changed: 1 } } });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: false, comment: own.comment });
  });

  test('marks several at once, each once however often it is named', async () => {
    const [a, b] = [await createOpinion(stack, 'Triage a'), await createOpinion(stack, 'Triage b')];
    expect(await staff('POST', TRIAGE_PATH, { ids: [a.id, b.id, a.id], reviewed: true })).toEqual({ status: 200, body: { result: { changed: 2 } } });
    for (const { id } of [a, b]) expect(await storedOpinion(stack, id)).toMatchObject({ reviewed: true });
  });

  test.each([
    ['both reviewed and addTag', { reviewed: true, addTag: 'noise' }, 'Say either reviewed or addTag.'],
    ['neither', {}, 'Say either reviewed or addTag.'],
    ['a tag that is not text', { addTag: 5 }, 'A tag is a short text.'],
    ['a blank tag', { addTag: '   ' }, 'A tag is a short text.'],
  ])('a triage saying %s is refused (142), and nothing changes', async (_case, change, error) => {
    const own = await createOpinion(stack, 'Unclear triage');
    const before = await storedOpinion(stack, own.id);
    expect(await staff('POST', TRIAGE_PATH, { ids: [own.id], ...change })).toEqual({ status: 400, body: { code: 142, error } });
    expect(await storedOpinion(stack, own.id)).toEqual(before);
  });

  test('at most 100 opinions a call: 101 ids are refused (142) and none is changed; 100 are taken', async () => {
    const own = await createOpinion(stack, 'One of many');
    const others = (count: number) => Array.from({ length: count }, (_, n) => `missing${n}`);
    const tooMany = await staff('POST', TRIAGE_PATH, { ids: [own.id, ...others(100)], reviewed: true });
    expect(tooMany).toEqual({ status: 400, body: { code: 142, error: 'ids must be a list of 1 to 100 opinion ids.' } });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: false });
    // The 99 made-up ids are "gone": the one that exists is changed all the same.
    const hundred = await staff('POST', TRIAGE_PATH, { ids: [own.id, ...others(99)], reviewed: true });
    expect(hundred).toEqual({ status: 404, body: { code: 101, error: 'An opinion was deleted meanwhile.' } });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: true });
  });

  test.each([
    ['no ids', []],
    ['ids that are not a list', 'abc'],
    ['an id that is a query', [{ $ne: null }]],
    ['an id that is a path', ['../users']],
  ])('%s are refused (142)', async (_case, ids) => {
    expect(await staff('POST', TRIAGE_PATH, { ids, reviewed: true })).toEqual({
      status: 400,
      body: { code: 142, error: 'ids must be a list of 1 to 100 opinion ids.' },
    });
  });

  test('an opinion deleted meanwhile: the others are changed, the answer is 101, and it is not brought back', async () => {
    const [kept, gone] = [await createOpinion(stack, 'Kept'), await createOpinion(stack, 'Deleted meanwhile')];
    expect((await staff('DELETE', `/classes/opinions/${gone.id}`)).status).toBe(200);
    for (const change of [{ reviewed: true }, { addTag: 'late' }]) {
      expect(await staff('POST', TRIAGE_PATH, { ids: [kept.id, gone.id], ...change })).toEqual({
        status: 404,
        body: { code: 101, error: 'An opinion was deleted meanwhile.' },
      });
    }
    expect(await storedOpinion(stack, kept.id)).toMatchObject({ reviewed: true, tags: ['late'] });
    expect(await staff('POST', TAGS_PATH, { id: gone.id, tags: ['late'] })).toEqual({ status: 404, body: { code: 101, error: 'Object not found.' } });
    expect(await countOpinions(stack, { objectId: gone.id })).toBe(0);
    expect(await countComment(stack, gone.comment)).toBe(0);
  });

  test('sets one opinion’s tags, tidied, and answers the opinion as stored', async () => {
    const own = await createOpinion(stack, 'For staff to tag');
    const answer = await staff<{ result: Json }>('POST', TAGS_PATH, { id: own.id, tags: [' Noise ', 'noise', 'FOOD', '  '] });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toMatchObject({
      __type: 'Object',
      className: 'opinions',
      objectId: own.id,
      comment: own.comment,
      tags: ['noise', 'food'],
    });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ tags: ['noise', 'food'], reviewed: false, ACL: STAFF_ONLY_ACL });
  });

  test('adds one tag to each, tidied, keeping the tags there', async () => {
    const [a, b] = [await createOpinion(stack, 'Tag a'), await createOpinion(stack, 'Tag b')];
    expect((await staff('POST', TAGS_PATH, { id: a.id, tags: ['food'] })).status).toBe(200);
    for (let round = 0; round < 2; round++) {
      expect(await staff('POST', TRIAGE_PATH, { ids: [a.id, b.id], addTag: '  Noise ' })).toEqual({ status: 200, body: { result: { changed: 2 } } });
    }
    expect(await storedOpinion(stack, a.id)).toMatchObject({ tags: ['food', 'noise'] });
    expect(await storedOpinion(stack, b.id)).toMatchObject({ tags: ['noise'] });
  });

  test('at most 20 tags: a 21st is refused (142) by either function, and the tags stay', async () => {
    const own = await createOpinion(stack, 'Tagged to the limit');
    const twenty = Array.from({ length: 20 }, (_, n) => `tag ${n}`);
    expect((await staff('POST', TAGS_PATH, { id: own.id, tags: twenty })).status).toBe(200);
    const refused = { status: 400, body: { code: 142, error: 'tags must be a list of at most 20 short texts.' } };
    expect(await staff('POST', TAGS_PATH, { id: own.id, tags: [...twenty, 'tag 20'] })).toEqual(refused);
    // Added to many, the full one keeps its 20 and the others are tagged all the same.
    const other = await createOpinion(stack, 'Tagged beside a full one');
    expect(await staff('POST', TRIAGE_PATH, { ids: [own.id, other.id], addTag: 'tag 20' })).toEqual({
      status: 400,
      body: { code: 142, error: 'An opinion holds at most 20 tags: the others were tagged.' },
    });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ tags: twenty });
    expect(await storedOpinion(stack, other.id)).toMatchObject({ tags: ['tag 20'] });
  });

  test.each([
    ['tags that are not a list', 'noise'],
    ['a tag that is not text', ['noise', 5]],
    ['no tags at all', undefined],
  ])('%s are refused (142), and the tags stay', async (_case, tags) => {
    const own = await createOpinion(stack, 'Badly tagged');
    expect((await staff('POST', TAGS_PATH, { id: own.id, tags: ['kept'] })).status).toBe(200);
    expect(await staff('POST', TAGS_PATH, { id: own.id, tags })).toEqual({
      status: 400,
      body: { code: 142, error: 'tags must be a list of at most 20 short texts.' },
    });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ tags: ['kept'] });
  });

  test.each([
    ['comment', { comment: 'rewritten by staff' }],
    ['name', { name: 'Someone else' }],
    ['willReturn', { willReturn: false }],
    ['submissionId', { submissionId: crypto.randomUUID() }],
    ['language', { language: 'fr' }],
  ])('cannot edit the %s the visitor wrote: the class takes no update, and no function takes it (119)', async (field, change) => {
    const own = await createOpinion(stack, `Staff edits ${field}`);
    const before = await storedOpinion(stack, own.id);
    expect(await staff('PUT', `/classes/opinions/${own.id}`, { ...change, reviewed: true })).toEqual(CLASS_REFUSAL);
    expect(await staff('POST', TRIAGE_PATH, { ids: [own.id], reviewed: true, ...change })).toEqual(notAField(field));
    expect(await staff('POST', TAGS_PATH, { id: own.id, tags: ['edited'], ...change })).toEqual(notAField(field));
    expect(await storedOpinion(stack, own.id)).toEqual(before);
  });

  test('cannot make an opinion public, through the class or a function (119): its ACL stays staff only', async () => {
    const own = await createOpinion(stack, 'Staff opens the ACL');
    expect(await staff('PUT', `/classes/opinions/${own.id}`, { ACL: PUBLIC_ACL })).toEqual(CLASS_REFUSAL);
    expect(await staff('POST', TRIAGE_PATH, { ids: [own.id], reviewed: true, ACL: PUBLIC_ACL })).toEqual(notAField('ACL'));
    expect(await staff('POST', TAGS_PATH, { id: own.id, tags: ['open'], ACL: PUBLIC_ACL })).toEqual(notAField('ACL'));
    expect(await staff('POST', `${TRIAGE_PATH}?ACL[*][read]=true`, { ids: [own.id], reviewed: true })).toEqual(notAField('ACL'));
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: false, ACL: STAFF_ONLY_ACL });
    expect(await storedOpinion(stack, own.id)).not.toHaveProperty('tags');
    expect((await anon('GET', `/classes/opinions/${own.id}`)).body.code).toBe(119);
  });

  test('the class refuses staff’s own creates and updates too (119), and nothing is stored or changed', async () => {
    const comment = marker('Staff straight to the class');
    expect(await staff('POST', '/classes/opinions', { comment, willReturn: true })).toEqual(CLASS_REFUSAL);
    expect(await countComment(stack, comment)).toBe(0);
    const own = await createOpinion(stack, 'Staff updates the class');
    const before = await storedOpinion(stack, own.id);
    expect(await staff('PUT', `/classes/opinions/${own.id}`, { reviewed: true, tags: ['noise'] })).toEqual(CLASS_REFUSAL);
    expect(await storedOpinion(stack, own.id)).toEqual(before);
  });

  test('can delete an opinion', async () => {
    const own = await createOpinion(stack, 'For staff to delete');
    const removed = await staff('DELETE', `/classes/opinions/${own.id}`);
    expect(removed).toEqual({ status: 200, body: {} });
    expect(await countComment(stack, own.comment)).toBe(0);
  });
});

describe('staff through the SDK', () => {
  test('can find, count and get an opinion', async () => {
    const own = await createOpinion(stack, 'SDK staff read');
    const options = { sessionToken: staffToken };
    const found = await new Parse.Query('opinions').equalTo('comment', own.comment).find(options);
    expect(found.map((opinion) => opinion.id)).toEqual([own.id]);
    expect(await new Parse.Query('opinions').equalTo('comment', own.comment).count(options)).toBe(1);
    expect((await new Parse.Query('opinions').get(own.id, options)).get('comment')).toBe(own.comment);
  });

  test('can mark reviewed, tag and delete through the functions, but not save the class', async () => {
    const own = await createOpinion(stack, 'SDK staff triage');
    const options = { sessionToken: staffToken };
    expect(await Parse.Cloud.run(OPINION_FUNCTION.triage, { ids: [own.id], reviewed: true }, options)).toEqual({ changed: 1 });
    const tagged: unknown = await Parse.Cloud.run(OPINION_FUNCTION.setTags, { id: own.id, tags: [' Noise '] }, options);
    // The dashboard reads the answer as an opinion (src/parse/opinion-tags.ts).
    expect(tagged).toBeInstanceOf(Parse.Object);
    expect((tagged as Parse.Object).id).toBe(own.id);
    expect((tagged as Parse.Object).get('tags')).toEqual(['noise']);
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: true, tags: ['noise'], willReturn: true });

    const opinion = await new Parse.Query('opinions').get(own.id, options);
    await expect(opinion.save({ reviewed: false }, options)).rejects.toMatchObject({ code: 119 });
    const edit = Parse.Object.extend('opinions').createWithoutData(own.id);
    await expect(edit.save({ willReturn: false }, options)).rejects.toMatchObject({ code: 119 });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: true, willReturn: true, comment: own.comment });

    await opinion.destroy(options);
    expect(await countOpinions(stack, { objectId: own.id })).toBe(0);
  });
});
