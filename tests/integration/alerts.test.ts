/**
 * Alerts and their unsubscribe links against a real server of their own (a fresh database in the
 * test stack's PostgreSQL, the stack's mail catcher): the other files' opinions arrive in the
 * shared database at any time and would change the window's numbers.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { rangeInstants } from '../../src/domain/dashboard.ts';
import { EMAIL_PREFERENCE_FIELDS } from '../../src/domain/email-preferences.ts';
import { lastPeriod, previousPeriod } from '../../src/domain/digest.ts';
import { DEFAULT_VENUE_SETTINGS } from '../../src/domain/venue.ts';
import { runJob } from '../../server/jobs.ts';
import { readStackConfig } from '../../server/config.ts';
import { migrate } from '../../server/migrations.ts';
import { startParse, type RunningParse } from '../../server/parse-app.ts';
import { masterRestClient, type RestClient } from '../../server/rest.ts';
import { grantStaff } from '../../server/roles.ts';
import { mailHeader, waitForMail, type CaughtMail } from '../helpers/mail.ts';
import { anonymous, asMaster, asUser, logIn, submitOpinion, TEST_PASSWORD } from '../helpers/parse-rest.ts';
import { freePort, type ProvidedStack } from '../helpers/test-stack.ts';

const shared = inject('stack');
const database = `alerts_${randomUUID().replaceAll('-', '')}`;
// A base path, to see that the links keep it.
const APP_URL = 'https://venue.example/opinions';
let server: RunningParse;
let rest: RestClient;
let stack: ProvidedStack;
let ownDatabaseURL: string;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: shared.databaseURL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function withOwnDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownDatabaseURL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface Staff {
  id: string;
  email: string;
  username: string;
}

async function staffMember(language: string, alerts: boolean): Promise<Staff> {
  const username = `staff-${randomUUID()}`;
  const email = `${username}@example.com`;
  const { objectId } = await rest.request<{ objectId: string }>('POST', '/users', { username, email, password: TEST_PASSWORD });
  await rest.request('PUT', `/users/${objectId}`, { emailVerified: true, language, [EMAIL_PREFERENCE_FIELDS.alerts]: alerts });
  await grantStaff(rest, objectId);
  return { id: objectId, email, username };
}

/** An opinion as a visitor sends it: through the function, which starts the alert check. */
const opinion = (willReturn: boolean) => submitOpinion(anonymous(stack), { comment: `Alert test ${randomUUID()}`, willReturn });

interface Outcome {
  sent: boolean;
  reason?: string;
  count: number;
  wontReturn: number;
}

/** What the app's unsubscribe page sends (src/parse/email-preferences.ts), without a session. */
async function unsubscribeWith(token: string | null) {
  const answer = await anonymous(stack)<{ result?: { kind: string }; code?: number }>('POST', '/functions/unsubscribe', { token });
  return answer.status === 200 ? { status: answer.status, kind: answer.body.result?.kind } : { status: answer.status, code: answer.body.code };
}

const checkAlert = async () => (await asMaster(stack)<{ result: Outcome }>('POST', '/functions/checkAlert', {})).body.result;
const markers = async () => (await rest.request<{ count: number }>('GET', '/classes/alertMarkers?count=1&limit=0')).count;

let spanish: Staff;
let silent: Staff;
let alertMail: CaughtMail;

beforeAll(async () => {
  await withAdmin((client) => client.query(`CREATE DATABASE "${database}"`));
  const config = readStackConfig({
    dataDir: shared.dataDir,
    parsePort: await freePort(),
    smtpPort: shared.smtpPort,
    masterKey: shared.masterKey,
    appUrl: APP_URL,
  });
  const url = new URL(shared.databaseURL);
  url.pathname = `/${database}`;
  ownDatabaseURL = url.toString();
  server = await startParse(config, ownDatabaseURL);
  await migrate(url.toString());
  rest = masterRestClient(server.serverURL, config.appId, config.masterKey);
  stack = { ...shared, serverURL: server.serverURL, appUrl: APP_URL };
  spanish = await staffMember('es', true);
  silent = await staffMember('en', false);
  // The rule at its edges: 4 opinions, 50 % of them not coming back.
  const session = await logIn(stack, spanish.username, TEST_PASSWORD);
  const saved = await asUser(stack, session.sessionToken)('POST', '/functions/saveVenueSettings', {
    ...DEFAULT_VENUE_SETTINGS,
    name: 'Museo del Alert',
    alertMinimumCount: 4,
    alertWontReturnPercent: 50,
  });
  expect(saved.status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});

describe('alerts', () => {
  test('N − 1 opinions, however unhappy, send nothing', async () => {
    for (const willReturn of [false, false, true]) expect((await opinion(willReturn)).status).toBe(200);
    expect(await checkAlert()).toEqual({ sent: false, reason: 'below-rule', count: 3, wontReturn: 2 });
    expect(await markers()).toBe(0);
  });

  test('the N-th opinion at exactly X % sends one alert, in the reader’s language, to staff who have alerts on', async () => {
    expect((await opinion(true)).status).toBe(200);
    // The function starts the check without awaiting it (at most one a second): that check sends
    // the alert, and the one on demand then finds it sent. Never both.
    await vi.waitFor(async () => expect(await markers()).toBe(1), { timeout: 5_000, interval: 100 });
    expect(await checkAlert()).toEqual({ sent: false, reason: 'already-alerted', count: 4, wontReturn: 2 });
    expect(await markers()).toBe(1);
    alertMail = await waitForMail(shared.mailURL, spanish.email, { subject: /Museo del Alert/ });
    expect(alertMail.subject).toBe('Museo del Alert: 2 de 4 visitantes no volverán');
    expect(alertMail.text).toContain('4 visitantes han dado su opinión y 2 (50\u00a0%) han dicho que no volverán');
    expect(alertMail.html).toContain('lang="es"');
  });

  test('a second one within the window sends nothing', async () => {
    expect((await opinion(false)).status).toBe(200);
    expect(await checkAlert()).toEqual({ sent: false, reason: 'already-alerted', count: 5, wontReturn: 3 });
    expect(await markers()).toBe(1);
  });

  test('its dashboard link keeps the base path and the language, filtered to the window', async () => {
    const links = alertMail.text.match(/https?:\/\/\S+/g) ?? [];
    const dashboard = new URL(links[0] ?? '');
    expect(`${dashboard.origin}${dashboard.pathname}`).toBe(`${APP_URL}/es/dashboard`);
    // The window to the minute, in the venue's time zone: from the minute it starts in to the first after it.
    const from = dashboard.searchParams.get('from') ?? '';
    const to = dashboard.searchParams.get('to') ?? '';
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const { start, end } = rangeInstants({ from, to, timeZone: DEFAULT_VENUE_SETTINGS.timeZone });
    expect(start && end ? end.getTime() - start.getTime() : 0).toBe((DEFAULT_VENUE_SETTINGS.alertWindowMinutes + 1) * 60_000);
    // The four opinions the alert counted, the oldest four of this server, are all in it.
    const { results } = await rest.request<{ results: { createdAt: string }[] }>('GET', '/classes/opinions?order=createdAt&limit=4');
    expect(results).toHaveLength(4);
    for (const { createdAt } of results) {
      expect(new Date(createdAt) >= (start ?? new Date(0)) && new Date(createdAt) < (end ?? new Date(0)), createdAt).toBe(true);
    }
  });

  test('only the master key runs the check', async () => {
    const answer = await anonymous(stack)<{ code?: number }>('POST', '/functions/checkAlert', {});
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(119);
  });
});

describe('digests', () => {
  const now = new Date();
  const week = lastPeriod('weekly', 'UTC', now);
  const weekBefore = previousPeriod('weekly', 'UTC', week);
  const hour = 3_600_000;
  let digest: CaughtMail;

  /** Opinions saved as visitors save them, then moved back in time as the seed moves its own. */
  async function opinionsAt(at: Date, answers: readonly boolean[]) {
    for (const [n, willReturn] of answers.entries()) {
      const saved = await opinion(willReturn);
      expect(saved.status).toBe(200);
      await withOwnDatabase((client) =>
        client.query('UPDATE "opinions" SET "createdAt" = $1 WHERE "objectId" = $2', [new Date(at.getTime() + n * 60_000), saved.id]),
      );
    }
  }

  const directCount = (sql: string, values: unknown[]) =>
    withOwnDatabase(async (client) => Number((await client.query<{ n: string }>(sql, values)).rows[0]?.n));

  beforeAll(async () => {
    await rest.request('PUT', `/users/${spanish.id}`, { [EMAIL_PREFERENCE_FIELDS.digest]: 'weekly' });
    await rest.request('PUT', `/users/${silent.id}`, { [EMAIL_PREFERENCE_FIELDS.digest]: 'daily' });
    // Last week, none of it in the last day: the daily digest has nothing to say.
    await opinionsAt(new Date(week.start.getTime() + hour), [true, true, false, true]);
    await opinionsAt(new Date(weekBefore.start.getTime() + hour), [true, false]);
  });

  test('only the master key runs the job', async () => {
    const answer = await anonymous(stack)('POST', '/jobs/sendDigests', {});
    expect(answer.status).not.toBe(200);
  });

  test('the weekly digest says the numbers the database says; a period without opinions sends nothing', async () => {
    const outcome = await runJob(rest, 'sendDigests');
    expect(outcome).toEqual({ status: 'succeeded', message: 'Sent 1 digests.' });
    digest = await waitForMail(shared.mailURL, spanish.email, { subject: /resumen semanal/ });
    const inWeek = [week.start, week.end];
    const count = await directCount('SELECT count(*) AS n FROM "opinions" WHERE "createdAt" >= $1 AND "createdAt" < $2', inWeek);
    const willReturn = await directCount('SELECT count(*) AS n FROM "opinions" WHERE "createdAt" >= $1 AND "createdAt" < $2 AND "willReturn"', inWeek);
    const notReviewed = await directCount('SELECT count(*) AS n FROM "opinions" WHERE NOT "reviewed"', []);
    expect([count, willReturn]).toEqual([4, 3]);
    expect(digest.subject).toBe(`Museo del Alert: tu resumen semanal, ${count} opiniones`);
    expect(digest.text).toContain(`${count} visitantes han dado su opinión.`);
    expect(digest.text).toContain('El 75\u00a0% volverá, frente al 50\u00a0% de la semana anterior.');
    expect(digest.text).toContain(`${notReviewed} opiniones están sin revisar.`);
    const dashboard = new URL((digest.text.match(/https?:\/\/\S+/g) ?? [])[0] ?? '');
    expect(dashboard.searchParams.get('from')).toBe(week.start.toISOString().slice(0, 10));
    expect(dashboard.searchParams.get('to')).toBe(new Date(week.end.getTime() - 1).toISOString().slice(0, 10));
    const silentDigest = await rest.request<Record<string, unknown>>('GET', `/users/${silent.id}`);
    expect(silentDigest.digestSentFor).toBeUndefined();
  });

  test('a second run sends nothing more, and the digest’s own link unsubscribes from digests only', async () => {
    expect(await runJob(rest, 'sendDigests')).toEqual({ status: 'succeeded', message: 'Sent 0 digests.' });
    const link = new URL((digest.text.match(/https?:\/\/\S+/g) ?? []).find((href) => href.includes('/unsubscribe?')) ?? '');
    expect(await unsubscribeWith(link.searchParams.get('token'))).toEqual({ status: 200, kind: 'digest' });
    const stored = await rest.request<Record<string, unknown>>('GET', `/users/${spanish.id}`);
    expect(stored[EMAIL_PREFERENCE_FIELDS.digest]).toBe('off');
  });
});

describe('email preferences', () => {
  test('each user saves their own, within the allowed values; nobody else can', async () => {
    const session = await logIn(stack, silent.username, TEST_PASSWORD);
    const own = asUser(stack, session.sessionToken);
    const put = (caller: typeof own, user: Staff, body: Record<string, unknown>) => caller('PUT', `/users/${user.id}`, body);
    const before = await rest.request<Record<string, unknown>>('GET', `/users/${spanish.id}`);
    expect((await put(own, silent, { [EMAIL_PREFERENCE_FIELDS.digest]: 'daily', [EMAIL_PREFERENCE_FIELDS.alerts]: false })).status).toBe(200);
    expect((await put(own, silent, { [EMAIL_PREFERENCE_FIELDS.digest]: 'hourly' })).status).toBe(400);
    expect((await put(own, silent, { [EMAIL_PREFERENCE_FIELDS.alerts]: 'yes' })).status).toBe(400);
    // What the digest job writes is the job's alone.
    expect((await put(own, silent, { digestSentFor: new Date().toISOString() })).status).toBe(400);
    expect((await put(own, spanish, { [EMAIL_PREFERENCE_FIELDS.digest]: 'daily' })).status).not.toBe(200);
    expect((await put(anonymous(stack), spanish, { [EMAIL_PREFERENCE_FIELDS.digest]: 'daily' })).status).not.toBe(200);
    const after = await rest.request<Record<string, unknown>>('GET', `/users/${spanish.id}`);
    expect(after[EMAIL_PREFERENCE_FIELDS.digest]).toBe(before[EMAIL_PREFERENCE_FIELDS.digest]);
  });
});

describe('unsubscribe', () => {
  const unsubscribeLinkOf = (mail: CaughtMail) => {
    const link = (mail.text.match(/https?:\/\/\S+/g) ?? []).find((href) => href.includes('/unsubscribe?'));
    if (!link) throw new Error('The mail has no unsubscribe link.');
    return new URL(link);
  };
  const oneClickOf = async (mail: CaughtMail) => new URL(/^<(.*)>$/.exec((await mailHeader(shared.mailURL, mail, 'List-Unsubscribe')) ?? '')?.[1] ?? '');
  const alertsOn = async (user: Staff) =>
    (await rest.request<Record<string, unknown>>('GET', `/users/${user.id}`))[EMAIL_PREFERENCE_FIELDS.alerts];

  test('the mail links to the app’s page in the reader’s language; its header to the server’s one-click', async () => {
    const link = unsubscribeLinkOf(alertMail);
    expect(`${link.origin}${link.pathname}`).toBe(`${APP_URL}/es/unsubscribe`);
    const oneClick = await oneClickOf(alertMail);
    expect(`${oneClick.origin}${oneClick.pathname}`).toBe(new URL('/unsubscribe', stack.serverURL).href);
    expect(oneClick.searchParams.get('token')).toBe(link.searchParams.get('token'));
    expect(await mailHeader(shared.mailURL, alertMail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  test('a token for another user, or for another kind of email, is refused and changes nothing', async () => {
    const token = unsubscribeLinkOf(alertMail).searchParams.get('token') ?? '';
    const [, kind, mac] = token.split('.');
    const forged = [`${silent.id}.${kind}.${mac}`, `${spanish.id}.digest.${mac}`, `${spanish.id}.${kind}.AAAA`, ''];
    for (const candidate of forged) {
      expect(await unsubscribeWith(candidate)).toEqual({ status: 400, code: 119 });
      const oneClick = await oneClickOf(alertMail);
      oneClick.searchParams.set('token', candidate);
      expect((await fetch(oneClick, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(403);
    }
    expect(await alertsOn(spanish)).toBe(true);
    expect(await alertsOn(silent)).toBe(false);
  });

  test('what the app’s page sends works without a session and switches alerts off', async () => {
    expect(await unsubscribeWith(unsubscribeLinkOf(alertMail).searchParams.get('token'))).toEqual({ status: 200, kind: 'alerts' });
    expect(await alertsOn(spanish)).toBe(false);
  });

  test('a mail client’s one-click POST does the same; its GET is sent to the app’s page', async () => {
    await rest.request('PUT', `/users/${spanish.id}`, { [EMAIL_PREFERENCE_FIELDS.alerts]: true });
    const oneClick = await oneClickOf(alertMail);
    const opened = await fetch(oneClick, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`${APP_URL}/unsubscribe?token=${encodeURIComponent(oneClick.searchParams.get('token') ?? '')}`);
    expect(await alertsOn(spanish)).toBe(true);
    expect((await fetch(oneClick, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(200);
    expect(await alertsOn(spanish)).toBe(false);
  });
});
