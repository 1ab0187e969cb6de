/** Users are private, and the staff role is granted by an admin only. */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { findUserId } from '../../server/roles.ts';
import { STAFF_ROLE } from '../../server/schema.ts';
import { DEMO_USERS } from '../../server/seed.ts';
import { anonymous, asMaster, asUser, logIn, master, newUser, type Caller, type TestUser } from '../helpers/parse-rest.ts';

const stack = inject('stack');
let alice: TestUser;
let bob: TestUser;
let asAlice: Caller;
let staffRoleId: string;

async function staffMembers(): Promise<string[]> {
  const where = encodeURIComponent(
    JSON.stringify({ $relatedTo: { object: { __type: 'Pointer', className: '_Role', objectId: staffRoleId }, key: 'users' } }),
  );
  const found = await master(stack).request<{ results: { objectId: string }[] }>('GET', `/users?where=${where}`);
  return found.results.map((user) => user.objectId);
}

async function storedUser(id: string) {
  return (await asMaster(stack)('GET', `/users/${id}`)).body;
}

beforeAll(async () => {
  alice = await newUser(stack);
  bob = await newUser(stack);
  asAlice = asUser(stack, alice.sessionToken);
  const roles = await master(stack).request<{ results: { objectId: string }[] }>(
    'GET',
    `/roles?where=${encodeURIComponent(JSON.stringify({ name: STAFF_ROLE }))}`,
  );
  const role = roles.results[0];
  if (!role) throw new Error('The seed made no staff role.');
  staffRoleId = role.objectId;
});

describe('users', () => {
  test.each([
    ['anonymous', () => anonymous(stack)],
    ['a signed-in user', () => asAlice],
  ])('%s cannot list or count users: 119', async (_who, as) => {
    for (const path of ['/users', '/users?count=1&limit=0', `/users?where=${encodeURIComponent(JSON.stringify({ username: bob.username }))}`]) {
      expect(await as()('GET', path)).toEqual({ status: 400, body: { code: 119, error: 'Permission denied' } });
    }
  });

  test('staff cannot list users either', async () => {
    const staff = asUser(stack, (await logIn(stack, DEMO_USERS.staff.username, DEMO_USERS.staff.password)).sessionToken);
    expect((await staff('GET', '/users')).body.code).toBe(119);
  });

  test('a user reads their own email, and nobody else’s (101, nothing disclosed)', async () => {
    const own = await asAlice('GET', '/users/me');
    expect(own.body).toMatchObject({ objectId: alice.id, email: alice.email, emailVerified: false });
    const other = await asAlice('GET', `/users/${bob.id}`);
    expect(other).toEqual({ status: 404, body: { code: 101, error: 'Object not found.' } });
    const stranger = await anonymous(stack)('GET', `/users/${bob.id}`);
    expect(stranger.body.code).toBe(101);
    expect(JSON.stringify([other.body, stranger.body])).not.toContain(bob.email);
  });

  test('a user cannot change another user (206), who stays as they were', async () => {
    const answer = await asAlice('PUT', `/users/${bob.id}`, { email: 'stolen@example.com' });
    expect(answer.body.code).toBe(206);
    expect(await storedUser(bob.id)).toMatchObject({ email: bob.email, username: bob.username });
  });

  test.each([
    ['by id', () => `/users/${alice.id}`],
    ['as /users/me', () => '/users/me'],
  ])('a user cannot mark their own email as verified %s: 119, and it stays false', async (_how, path) => {
    const answer = await asAlice('PUT', path(), { emailVerified: true });
    expect(answer).toEqual({ status: 400, body: { code: 119, error: 'Permission denied' } });
    expect((await storedUser(alice.id)).emailVerified).toBe(false);
  });

  test('the password rule is the server’s: a weak password is refused with 142, and no account is made', async () => {
    const username = `weak-${crypto.randomUUID()}`;
    const answer = await anonymous(stack)('POST', '/users', {
      username,
      password: 'weakpass',
      email: `${username}@example.com`,
    });
    expect(answer).toEqual({
      status: 400,
      body: { code: 142, error: 'Use at least 8 characters with an upper-case letter, a lower-case letter and a digit.' },
    });
    expect(await findUserId(master(stack), username)).toBeUndefined();
  });
});

describe('the staff role', () => {
  test('a user cannot read roles: 119', async () => {
    expect((await asAlice('GET', '/roles')).body.code).toBe(119);
    expect((await asAlice('GET', `/roles/${staffRoleId}`)).body.code).toBe(119);
  });

  test('a user cannot add themselves to staff through the relation (119), and is still not a member', async () => {
    // Only alice's membership is compared: other test files grant staff to their own users meanwhile.
    expect(await staffMembers()).not.toContain(alice.id);
    const join = await asAlice('PUT', `/roles/${staffRoleId}`, {
      users: { __op: 'AddRelation', objects: [{ __type: 'Pointer', className: '_User', objectId: alice.id }] },
    });
    expect(join).toEqual({ status: 400, body: { code: 119, error: 'Permission denied' } });
    expect(await staffMembers()).not.toContain(alice.id);
  });

  test('a user cannot create a role of their own (119), and none is made', async () => {
    const name = `staff${crypto.randomUUID().replaceAll('-', '')}`;
    const answer = await asAlice('POST', '/roles', {
      name,
      ACL: { '*': { read: true } },
      users: { __op: 'AddRelation', objects: [{ __type: 'Pointer', className: '_User', objectId: alice.id }] },
    });
    expect(answer).toEqual({ status: 400, body: { code: 119, error: 'Permission denied' } });
    const found = await master(stack).request<{ results: unknown[] }>('GET', `/roles?where=${encodeURIComponent(JSON.stringify({ name }))}`);
    expect(found.results).toEqual([]);
  });

  test('whoami tells a user they are not staff, and needs a session (209)', async () => {
    const mine = await asAlice('POST', '/functions/whoami');
    expect(mine.body.result).toEqual({ id: alice.id, username: alice.username, email: alice.email, emailVerified: false, isStaff: false });
    const nobody = await anonymous(stack)('POST', '/functions/whoami');
    expect(nobody.body.code).toBe(209);
  });
});
