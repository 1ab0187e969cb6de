/**
 * The access rules of `opinions`, proven against the real server: the bundle is public, so
 * these class-level permissions and Cloud Code are all that protect the data.
 */
import Parse from 'parse/node';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_USERS } from '../../server/seed.ts';
import { anonymous, asMaster, asUser, countComment, logIn, marker, newUser, type Caller } from '../helpers/parse-rest.ts';

const stack = inject('stack');
const STAFF_ONLY_ACL = { 'role:staff': { read: true, write: true } };

let anon: Caller;
let plainUser: Caller;
let staff: Caller;
let target: { id: string; comment: string };

beforeAll(async () => {
  anon = anonymous(stack);
  plainUser = asUser(stack, (await newUser(stack)).sessionToken);
  staff = asUser(stack, (await logIn(stack, DEMO_USERS.staff.username, DEMO_USERS.staff.password)).sessionToken);
  const comment = marker('A stored opinion');
  const created = await anon('POST', '/classes/opinions', { comment, willReturn: true });
  target = { id: String(created.body.objectId), comment };
  Parse.initialize(stack.appId, stack.javascriptKey);
  Parse.serverURL = stack.serverURL;
});

async function storedRow() {
  return (await asMaster(stack)('GET', `/classes/opinions/${target.id}`)).body;
}

describe('anyone may create an opinion, and it is readable by staff only', () => {
  test('over REST, whatever ACL the client sent', async () => {
    const comment = marker('Public ACL attempt');
    const created = await anon('POST', '/classes/opinions', { comment, willReturn: false, ACL: { '*': { read: true, write: true } } });
    expect(created.status).toBe(201);
    const row = (await asMaster(stack)('GET', `/classes/opinions/${String(created.body.objectId)}`)).body;
    expect(row.ACL).toEqual(STAFF_ONLY_ACL);
    expect(row.reviewed).toBe(false);
  });

  test('through the SDK', async () => {
    const comment = marker('Created with the SDK');
    const opinion = new Parse.Object('opinions');
    opinion.setACL(new Parse.ACL());
    await opinion.save({ comment, willReturn: true, reviewed: true });
    const row = (await asMaster(stack)('GET', `/classes/opinions/${opinion.id}`)).body;
    expect(row.ACL).toEqual(STAFF_ONLY_ACL);
    // A visitor cannot pre-triage their own opinion.
    expect(row.reviewed).toBe(false);
  });
});

describe.each([
  ['anonymous', () => anon],
  ['a signed-in user who is not staff', () => plainUser],
])('%s', (_who, as) => {
  test.each([
    ['find', 'GET', () => '/classes/opinions'],
    ['count', 'GET', () => '/classes/opinions?count=1&limit=0'],
    ['get', 'GET', () => `/classes/opinions/${target.id}`],
  ])('cannot %s opinions', async (_what, method, path) => {
    const answer = await as()(method, path());
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(119);
    expect(answer.body).not.toHaveProperty('results');
  });

  test('cannot update or delete an opinion, and it stays as it was', async () => {
    const update = await as()('PUT', `/classes/opinions/${target.id}`, { comment: 'defaced', reviewed: true });
    expect(update.status).toBe(400);
    expect(update.body.code).toBe(119);
    const remove = await as()('DELETE', `/classes/opinions/${target.id}`);
    expect(remove.status).toBe(400);
    expect(remove.body.code).toBe(119);
    expect(await storedRow()).toMatchObject({ comment: target.comment, reviewed: false });
  });

  test('cannot add a field, and nothing is stored', async () => {
    const comment = marker('With an extra field');
    const answer = await as()('POST', '/classes/opinions', { comment, willReturn: true, isAdmin: true });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(119);
    expect(await countComment(stack, comment)).toBe(0);
  });

  test('cannot create a class', async () => {
    const answer = await as()('POST', '/classes/Backdoor', { anything: 1 });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(119);
    const schema = await asMaster(stack)('GET', '/schemas/Backdoor');
    expect(schema.body.code).toBe(103);
  });
});

describe('through the SDK, anonymously', () => {
  test('find, count and get are refused with 119', async () => {
    const query = new Parse.Query('opinions');
    await expect(query.find()).rejects.toMatchObject({ code: 119 });
    await expect(query.count()).rejects.toMatchObject({ code: 119 });
    await expect(query.get(target.id)).rejects.toMatchObject({ code: 119 });
  });

  test('update and delete are refused with 119', async () => {
    const opinion = Parse.Object.extend('opinions').createWithoutData(target.id);
    await expect(opinion.save({ comment: 'defaced' })).rejects.toMatchObject({ code: 119 });
    await expect(opinion.destroy()).rejects.toMatchObject({ code: 119 });
    expect(await storedRow()).toMatchObject({ comment: target.comment });
  });
});

describe('staff', () => {
  test('can find, count and get opinions', async () => {
    const found = await staff('GET', `/classes/opinions?where=${encodeURIComponent(JSON.stringify({ comment: target.comment }))}`);
    expect(found.status).toBe(200);
    expect(found.body.results).toHaveLength(1);
    const counted = await staff('GET', '/classes/opinions?count=1&limit=0');
    expect(counted.body.count).toBeGreaterThanOrEqual(50);
    const got = await staff('GET', `/classes/opinions/${target.id}`);
    expect(got.body.comment).toBe(target.comment);
  });

  test('can mark an opinion reviewed, but not edit what the visitor wrote', async () => {
    const mark = await staff('PUT', `/classes/opinions/${target.id}`, { reviewed: true });
    expect(mark.status).toBe(200);
    const edit = await staff('PUT', `/classes/opinions/${target.id}`, { comment: 'rewritten by staff' });
    expect(edit.body.code).toBe(119);
    expect(await storedRow()).toMatchObject({ comment: target.comment, reviewed: true });
  });

  test('can delete an opinion', async () => {
    const comment = marker('To be deleted');
    const created = await anon('POST', '/classes/opinions', { comment, willReturn: true });
    const removed = await staff('DELETE', `/classes/opinions/${String(created.body.objectId)}`);
    expect(removed.status).toBe(200);
    expect(await countComment(stack, comment)).toBe(0);
  });
});
