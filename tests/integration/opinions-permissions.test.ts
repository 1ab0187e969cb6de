/**
 * The access rules of `opinions`, proven against the real server over REST and through the
 * SDK: the bundle is public, so class-level permissions and Cloud Code are all that protect
 * the data. Every test works on opinions it made itself; the database is shared.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_USERS } from '../../server/seed.ts';
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
  newUser,
  storedOpinion,
  type Caller,
  type Json,
} from '../helpers/parse-rest.ts';

const stack = inject('stack');
const Parse = clientSdk(stack);
const STAFF_ONLY_ACL = { 'role:staff': { read: true, write: true } };
const PUBLIC_ACL = { '*': { read: true, write: true } };

let anon: Caller;
let newcomer: Caller;
let demoVisitor: Caller;
let staff: Caller;
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
  target = await createOpinion(stack, 'The untouchable opinion');
  targetBefore = await storedOpinion(stack, target.id);
});

const byComment = (comment: string) => `/classes/opinions?where=${encodeURIComponent(JSON.stringify({ comment }))}`;

describe('anyone may create an opinion, and only staff can read it', () => {
  test('over REST: a public ACL and a pre-set reviewed mark are overridden', async () => {
    const comment = marker('Public ACL over REST');
    const created = await anon('POST', '/classes/opinions', { comment, willReturn: false, reviewed: true, ACL: PUBLIC_ACL });
    expect(created.status).toBe(201);
    const row = await storedOpinion(stack, String(created.body.objectId));
    expect(row.ACL).toEqual(STAFF_ONLY_ACL);
    expect(row).toMatchObject({ comment, willReturn: false, reviewed: false });
  });

  test('through the SDK: a public ACL is overridden too', async () => {
    const comment = marker('Public ACL through the SDK');
    const acl = new Parse.ACL();
    acl.setPublicReadAccess(true);
    acl.setPublicWriteAccess(true);
    const opinion = new Parse.Object('opinions');
    opinion.setACL(acl);
    await opinion.save({ comment, willReturn: true, reviewed: true });
    expect(opinion.id).toEqual(expect.any(String));
    const row = await storedOpinion(stack, String(opinion.id));
    expect(row.ACL).toEqual(STAFF_ONLY_ACL);
    expect(row).toMatchObject({ comment, willReturn: true, reviewed: false });
  });

  test('a signed-in user may create one as well, with the same staff-only ACL', async () => {
    const comment = marker('From a signed-in user');
    const created = await demoVisitor('POST', '/classes/opinions', { comment, willReturn: true, ACL: PUBLIC_ACL });
    expect(created.status).toBe(201);
    expect((await storedOpinion(stack, String(created.body.objectId))).ACL).toEqual(STAFF_ONLY_ACL);
  });

  test('a client cannot backdate an opinion', async () => {
    const comment = marker('Backdated');
    const created = await anon('POST', '/classes/opinions', {
      comment,
      willReturn: true,
      createdAt: { __type: 'Date', iso: '2000-01-01T00:00:00.000Z' },
    });
    expect(created.status).toBe(201);
    const row = await storedOpinion(stack, String(created.body.objectId));
    expect(Date.now() - Date.parse(String(row.createdAt))).toBeLessThan(60_000);
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
    expect(answer).toEqual({ status: 400, body: { code: 119, error: 'Permission denied' } });
  });

  test('cannot update or delete an opinion (119), and it stays exactly as it was', async () => {
    const update = await as()('PUT', `/classes/opinions/${target.id}`, { comment: 'defaced', reviewed: true, ACL: PUBLIC_ACL });
    expect(update.status).toBe(400);
    expect(update.body.code).toBe(119);
    const remove = await as()('DELETE', `/classes/opinions/${target.id}`);
    expect(remove.status).toBe(400);
    expect(remove.body.code).toBe(119);
    expect(await storedOpinion(stack, target.id)).toEqual(targetBefore);
  });

  test('cannot add a field (119), and nothing is stored', async () => {
    const comment = marker('With an extra field');
    const answer = await as()('POST', '/classes/opinions', { comment, willReturn: true, isAdmin: true });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(119);
    expect(await countComment(stack, comment)).toBe(0);
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

  test('an unknown field and a new class are refused with 119, and nothing is stored', async () => {
    const comment = marker('SDK extra field');
    await expect(new Parse.Object('opinions').save({ comment, willReturn: true, isAdmin: true }, options())).rejects.toMatchObject({
      code: 119,
    });
    expect(await countComment(stack, comment)).toBe(0);
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
    expect((await staff('PUT', `/classes/opinions/${own.id}`, { reviewed: true })).status).toBe(200);
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: true });
    const wrongType = await staff('PUT', `/classes/opinions/${own.id}`, { reviewed: 'yes' });
    expect(wrongType.body).toEqual({ code: 142, error: 'reviewed must be true or false.' });
    expect((await staff('PUT', `/classes/opinions/${own.id}`, { reviewed: false })).status).toBe(200);
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: false, comment: own.comment });
  });

  test.each([
    ['comment', { comment: 'rewritten by staff' }],
    ['name', { name: 'Someone else' }],
    ['willReturn', { willReturn: false }],
    ['submissionId', { submissionId: crypto.randomUUID() }],
  ])('cannot edit the %s the visitor wrote (119), and nothing changes', async (field, change) => {
    const own = await createOpinion(stack, `Staff edits ${field}`);
    const before = await storedOpinion(stack, own.id);
    const edit = await staff('PUT', `/classes/opinions/${own.id}`, { ...change, reviewed: true });
    expect(edit).toEqual({ status: 400, body: { code: 119, error: `A visitor's opinion cannot be edited (${field}).` } });
    expect(await storedOpinion(stack, own.id)).toEqual(before);
  });

  test('cannot make an opinion public: the ACL goes back to staff only', async () => {
    const own = await createOpinion(stack, 'Staff opens the ACL');
    const answer = await staff('PUT', `/classes/opinions/${own.id}`, { ACL: PUBLIC_ACL });
    expect(answer.status).toBe(200);
    expect((await storedOpinion(stack, own.id)).ACL).toEqual(STAFF_ONLY_ACL);
    expect((await anon('GET', `/classes/opinions/${own.id}`)).body.code).toBe(119);
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

  test('can mark reviewed and delete, but not edit what the visitor wrote', async () => {
    const own = await createOpinion(stack, 'SDK staff triage');
    const options = { sessionToken: staffToken };
    const opinion = await new Parse.Query('opinions').get(own.id, options);
    await opinion.save({ reviewed: true }, options);
    expect(await storedOpinion(stack, own.id)).toMatchObject({ reviewed: true, willReturn: true });

    const edit = Parse.Object.extend('opinions').createWithoutData(own.id);
    await expect(edit.save({ willReturn: false }, options)).rejects.toMatchObject({ code: 119 });
    expect(await storedOpinion(stack, own.id)).toMatchObject({ willReturn: true, comment: own.comment });

    await opinion.destroy(options);
    expect(await countOpinions(stack, { objectId: own.id })).toBe(0);
  });
});
