/** Users are private and the staff role is granted by an admin only. */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { STAFF_ROLE } from '../../server/schema.ts';
import { anonymous, asMaster, asUser, master, newUser, type Caller } from '../helpers/parse-rest.ts';

const stack = inject('stack');
let alice: Awaited<ReturnType<typeof newUser>>;
let bob: Awaited<ReturnType<typeof newUser>>;
let asAlice: Caller;
let staffRoleId: string;

async function staffMembers(): Promise<string[]> {
  const where = encodeURIComponent(JSON.stringify({ $relatedTo: { object: { __type: 'Pointer', className: '_Role', objectId: staffRoleId }, key: 'users' } }));
  const found = await master(stack).request<{ results: { objectId: string }[] }>('GET', `/users?where=${where}`);
  return found.results.map((user) => user.objectId);
}

beforeAll(async () => {
  alice = await newUser(stack);
  bob = await newUser(stack);
  asAlice = asUser(stack, alice.sessionToken);
  const roles = await master(stack).request<{ results: { objectId: string }[] }>(
    'GET',
    `/roles?where=${encodeURIComponent(JSON.stringify({ name: STAFF_ROLE }))}`,
  );
  staffRoleId = roles.results[0]?.objectId ?? '';
});

describe('users', () => {
  test.each([
    ['anonymous', () => anonymous(stack)],
    ['a signed-in user', () => asAlice],
  ])('%s cannot list users', async (_who, as) => {
    const answer = await as()('GET', '/users');
    expect(answer.body.code).toBe(119);
    expect(answer.body).not.toHaveProperty('results');
  });

  test('a user reads their own email, and nobody else’s', async () => {
    const own = await asAlice('GET', '/users/me');
    expect(own.body.email).toBe(alice.email);
    const other = await asAlice('GET', `/users/${bob.id}`);
    expect(other.body.code).toBe(101);
    expect(JSON.stringify(other.body)).not.toContain(bob.email);
  });

  test('a user cannot change another user', async () => {
    const answer = await asAlice('PUT', `/users/${bob.id}`, { email: 'stolen@example.com' });
    // 206: "cannot modify user" without that user's own session.
    expect(answer.body.code).toBe(206);
    const stored = await asMaster(stack)('GET', `/users/${bob.id}`);
    expect(stored.body.email).toBe(bob.email);
  });

  test('a user cannot mark their own email as verified', async () => {
    const answer = await asAlice('PUT', `/users/${alice.id}`, { emailVerified: true });
    expect(answer.status).toBe(400);
    const stored = await asMaster(stack)('GET', `/users/${alice.id}`);
    expect(stored.body.emailVerified).toBe(false);
  });

  test('the password rule is the server’s: a weak password is refused with 142', async () => {
    const answer = await anonymous(stack)('POST', '/users', {
      username: `weak-${crypto.randomUUID().slice(0, 8)}`,
      password: 'weakpass',
      email: `weak-${crypto.randomUUID().slice(0, 8)}@example.com`,
    });
    expect(answer.body.code).toBe(142);
  });
});

describe('the staff role', () => {
  test('a user cannot read roles, nor add themselves to staff, directly or through the relation', async () => {
    expect((await asAlice('GET', '/roles')).body.code).toBe(119);
    const join = await asAlice('PUT', `/roles/${staffRoleId}`, {
      users: { __op: 'AddRelation', objects: [{ __type: 'Pointer', className: '_User', objectId: alice.id }] },
    });
    expect(join.body.code).toBe(119);
    expect(await staffMembers()).not.toContain(alice.id);
  });

  test('a user cannot create a role of their own', async () => {
    const answer = await asAlice('POST', '/roles', { name: 'staff2', ACL: { '*': { read: true } } });
    expect(answer.body.code).toBe(119);
  });

  test('whoami tells a user they are not staff, and needs a session', async () => {
    const mine = await asAlice('POST', '/functions/whoami');
    expect(mine.body.result).toMatchObject({ username: alice.username, isStaff: false, emailVerified: false });
    const nobody = await anonymous(stack)('POST', '/functions/whoami');
    expect(nobody.body.code).toBe(209);
  });
});
