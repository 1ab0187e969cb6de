/**
 * What the server holds to whatever a client sends: a deleted opinion stays deleted, staff
 * need a verified email, no anonymous accounts, no email-shaped usernames, sessions that end.
 */
import { describe, expect, inject, test } from 'vitest';
import { SESSION_LENGTH_SECONDS } from '../../server/parse-app.ts';
import { OPINION_FUNCTION } from '../../src/domain/classes.ts';
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { grantStaff } from '../../server/roles.ts';
import { withDatabase } from '../helpers/dashboard-data.ts';
import { anonymous, asUser, countOpinions, createOpinion, master, newUser, submitOpinion, verifiedStaff, type Json } from '../helpers/parse-rest.ts';

const stack = inject('stack');
/** An opinion as a visitor sends it: to its Cloud function, with no session. */
const submit = (body: Json) => submitOpinion(anonymous(stack), body);

describe('a deleted opinion stays deleted', () => {
  test('a late retry of an opinion staff have deleted is answered as delivered and not stored again', async () => {
    const submissionId = crypto.randomUUID();
    const body = { comment: `late retry ${submissionId}`, willReturn: true, submissionId };
    const first = await submit(body);
    expect(first.status).toBe(200);
    await master(stack).request('DELETE', `/classes/opinions/${first.id}`);

    // The outbox's retry, whose first answer was lost: "already stored", which it takes as delivered.
    const retry = await submit(body);
    expect(retry).toMatchObject({ status: 400, body: { code: 137 } });
    expect(await countOpinions(stack, { submissionId })).toBe(0);
  });

  test('so does one deleted in a batch (as the retention job and the dashboard delete), and its retries racing', async () => {
    const bodies = Array.from({ length: 3 }, (_, i) => ({ comment: `batch ${i} ${crypto.randomUUID()}`, willReturn: true, submissionId: crypto.randomUUID() }));
    const ids: string[] = [];
    for (const body of bodies) {
      const stored = await submit(body);
      expect(stored.status).toBe(200);
      ids.push(String(stored.id));
    }
    const requests = ids.map((id) => ({ method: 'DELETE', path: `${new URL(stack.serverURL).pathname}/classes/opinions/${id}` }));
    expect((await master(stack).request<unknown[]>('POST', '/batch', { requests })).every((answer) => 'success' in (answer as object))).toBe(true);

    const retries = await Promise.all(bodies.flatMap((body) => [body, body].map((copy) => submit(copy))));
    expect(retries.map((answer) => [answer.status, answer.body.code])).toEqual(Array(6).fill([400, 137]));
    for (const { submissionId } of bodies) expect(await countOpinions(stack, { submissionId })).toBe(0);
  });

  /** Stores an opinion as a visitor would; its body, to send again, and its id. */
  async function stored(label: string) {
    const body = { comment: `${label} ${crypto.randomUUID()}`, willReturn: true, submissionId: crypto.randomUUID() };
    const answer = await submit(body);
    expect(answer.status).toBe(200);
    return { body, id: String(answer.id) };
  }
  const retried = async (body: Json) => {
    const answer = await submit(body);
    return [answer.status, answer.body.code];
  };

  test('whoever deletes it: staff in the dashboard, or the database itself (a purge, SQL)', async () => {
    const staff = await verifiedStaff(stack);
    const byStaff = await stored('deleted by staff');
    expect((await asUser(stack, staff.sessionToken)('DELETE', `/classes/opinions/${byStaff.id}`)).status).toBe(200);
    const bySql = await stored('deleted by SQL');
    await withDatabase((client) => client.query('DELETE FROM "opinions" WHERE "objectId" = $1', [bySql.id]));
    for (const { body } of [byStaff, bySql]) {
      expect(await retried(body)).toEqual([400, 137]);
      expect(await countOpinions(stack, { submissionId: body.submissionId })).toBe(0);
    }
  });

  test('an id the master key changes stays delivered too', async () => {
    const { body, id } = await stored('re-identified');
    await master(stack).request('PUT', `/classes/opinions/${id}`, { submissionId: crypto.randomUUID() });
    expect(await retried(body)).toEqual([400, 137]);
    expect(await countOpinions(stack, { submissionId: body.submissionId })).toBe(0);
  });

  test('retries racing the delete itself: none stores it again', async () => {
    for (let round = 0; round < 5; round++) {
      const { body, id } = await stored(`raced delete ${round}`);
      const [, ...retries] = await Promise.all([
        master(stack).request('DELETE', `/classes/opinions/${id}`),
        ...Array.from({ length: 4 }, () => retried(body)),
      ]);
      expect(retries).toEqual(Array(4).fill([400, 137]));
      expect(await countOpinions(stack, { submissionId: body.submissionId })).toBe(0);
    }
  });

  test('the record of delivered ids is invisible to clients, staff included', async () => {
    const staff = await verifiedStaff(stack);
    for (const as of [anonymous(stack), asUser(stack, staff.sessionToken)]) {
      const found = await as('GET', '/classes/deliveredSubmissions');
      expect(found.status).toBe(400);
      expect(found.body).toMatchObject({ code: 119 });
    }
  });
});

describe('staff access needs a verified email on the server', () => {
  test('a staff member whose email is not verified is refused by every read, write and function', async () => {
    const staff = await newUser(stack);
    await grantStaff(master(stack), staff.id);
    const { id: objectId } = await createOpinion(stack, 'For staff');
    const before = await master(stack).request<Json>('GET', `/classes/opinions/${objectId}`);
    const as = asUser(stack, staff.sessionToken);
    const stats = { willReturn: 'any', reviewed: 'any', q: '', start: null, end: null, since: null, timeZone: 'UTC' };
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', '/classes/opinions'],
      ['GET', '/classes/opinions?count=1&limit=0'],
      ['GET', `/classes/opinions/${objectId}`],
      ['POST', `/functions/${OPINION_FUNCTION.triage}`, { ids: [objectId], reviewed: true }],
      ['POST', `/functions/${OPINION_FUNCTION.triage}`, { ids: [objectId], addTag: 'unverified' }],
      ['POST', `/functions/${OPINION_FUNCTION.setTags}`, { id: objectId, tags: ['unverified'] }],
      ['DELETE', `/classes/opinions/${objectId}`],
      ['POST', '/functions/dashboardStats', stats],
      ['POST', '/functions/dashboardVisit', {}],
      ['GET', '/classes/dashboardSignals'],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await as(method, path, body);
      expect({ method, path, status: answer.status, body: answer.body }).toMatchObject({
        status: 400,
        body: { code: OUR_ERROR_CODE.staffEmailNotVerified, error: 'Verify your email address to use the dashboard.' },
      });
    }
    // The class itself takes no client's update, staff's included.
    expect(await as('PUT', `/classes/opinions/${objectId}`, { reviewed: true })).toEqual({
      status: 400,
      body: { code: 119, error: 'Permission denied' },
    });
    const stored = await master(stack).request<Json>('GET', `/classes/opinions/${objectId}`);
    expect(stored).toEqual(before);
    expect(stored.reviewed).toBe(false);
    expect(stored).not.toHaveProperty('tags');
  });

  test('verified, the same staff member reads; an email changed later is refused again until verified', async () => {
    const staff = await verifiedStaff(stack);
    const as = asUser(stack, staff.sessionToken);
    expect((await as('GET', '/classes/opinions?limit=1')).status).toBe(200);
    expect((await as('PUT', `/users/${staff.id}`, { email: `changed-${staff.email}` })).status).toBe(200);
    expect((await as('GET', '/classes/opinions?limit=1')).body).toMatchObject({ code: OUR_ERROR_CODE.staffEmailNotVerified });
  });
});

describe('accounts', () => {
  test('anonymous sign-ups are refused: every account has an email and a username we checked', async () => {
    const id = crypto.randomUUID();
    const answer = await anonymous(stack)('POST', '/users', { authData: { anonymous: { id } } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 252 });
    const { results } = await master(stack).request<{ results: unknown[] }>(
      'GET', `/users?where=${encodeURIComponent(JSON.stringify({ 'authData.anonymous.id': id }))}`,
    ).catch(() => ({ results: [] }));
    expect(results).toEqual([]);
  });

  test('a username cannot look like an email address, at sign-up or later', async () => {
    const victim = `victim-${crypto.randomUUID()}@example.com`;
    const signUp = await anonymous(stack)('POST', '/users', { username: victim, email: `other-${crypto.randomUUID()}@example.com`, password: 'Secret#Pass1' });
    expect(signUp.status).toBe(400);
    expect(signUp.body).toMatchObject({ code: OUR_ERROR_CODE.invalidUsername, error: 'Invalid username: Usernames are 3 to 100 characters, with no spaces and no @.' });
    const user = await newUser(stack);
    const rename = await asUser(stack, user.sessionToken)('PUT', `/users/${user.id}`, { username: victim });
    expect(rename.body).toMatchObject({ code: OUR_ERROR_CODE.invalidUsername });
  });

  test(`sessions last ${SESSION_LENGTH_SECONDS / 86_400} days from their last use, not a year`, async () => {
    const user = await newUser(stack);
    const { results } = await master(stack).request<{ results: Array<{ expiresAt: { iso: string } }> }>(
      'GET', `/classes/_Session?where=${encodeURIComponent(JSON.stringify({ sessionToken: user.sessionToken }))}`,
    );
    const expiresIn = Date.parse(results[0]?.expiresAt.iso ?? '') - Date.now();
    expect(expiresIn).toBeGreaterThan((SESSION_LENGTH_SECONDS - 60) * 1000);
    expect(expiresIn).toBeLessThanOrEqual(SESSION_LENGTH_SECONDS * 1000);
  });
});
