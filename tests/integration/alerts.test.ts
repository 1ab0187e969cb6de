/**
 * Alerts and their unsubscribe links against a real server of their own (a fresh database in the
 * test stack's PostgreSQL, the stack's mail catcher): the other files' opinions arrive in the
 * shared database at any time and would change the window's numbers.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { EMAIL_PREFERENCE_FIELDS } from '../../src/domain/email-preferences.ts';
import { DEFAULT_VENUE_SETTINGS } from '../../src/domain/venue.ts';
import { readStackConfig } from '../../server/config.ts';
import { migrate } from '../../server/migrations.ts';
import { startParse, type RunningParse } from '../../server/parse-app.ts';
import { masterRestClient, type RestClient } from '../../server/rest.ts';
import { grantStaff } from '../../server/roles.ts';
import { waitForMail, type CaughtMail } from '../helpers/mail.ts';
import { anonymous, asMaster, asUser, logIn, TEST_PASSWORD } from '../helpers/parse-rest.ts';
import { freePort, type ProvidedStack } from '../helpers/test-stack.ts';

const shared = inject('stack');
const database = `alerts_${randomUUID().replaceAll('-', '')}`;
// A base path, to see that the links keep it.
const APP_URL = 'https://venue.example/opinions';
let server: RunningParse;
let rest: RestClient;
let stack: ProvidedStack;

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: shared.databaseURL });
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

const opinion = (willReturn: boolean) =>
  anonymous(stack)<{ objectId?: string }>('POST', '/classes/opinions', { comment: `Alert test ${randomUUID()}`, willReturn });

interface Outcome {
  sent: boolean;
  reason?: string;
  count: number;
  wontReturn: number;
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
  server = await startParse(config, url.toString());
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
    for (const willReturn of [false, false, true]) expect((await opinion(willReturn)).status).toBe(201);
    expect(await checkAlert()).toEqual({ sent: false, reason: 'below-rule', count: 3, wontReturn: 2 });
    expect(await markers()).toBe(0);
  });

  test('the N-th opinion at exactly X % sends one alert, in the reader’s language, to staff who have alerts on', async () => {
    expect((await opinion(true)).status).toBe(201);
    // The opinion's own check (not awaited by its save) or this one sends it; never both.
    const outcome = await checkAlert();
    expect(outcome.count).toBe(4);
    expect(outcome.wontReturn).toBe(2);
    expect(await markers()).toBe(1);
    alertMail = await waitForMail(shared.mailURL, spanish.email, { subject: /Museo del Alert/ });
    expect(alertMail.subject).toBe('Museo del Alert: 2 de 4 visitantes no volverán');
    expect(alertMail.text).toContain('4 visitantes han dado su opinión y 2 (50\u00a0%) han dicho que no volverán');
    expect(alertMail.html).toContain('lang="es"');
  });

  test('a second one within the window sends nothing', async () => {
    expect((await opinion(false)).status).toBe(201);
    expect(await checkAlert()).toEqual({ sent: false, reason: 'already-alerted', count: 5, wontReturn: 3 });
    expect(await markers()).toBe(1);
  });

  test('its dashboard link keeps the base path and the language, filtered to the window', async () => {
    const links = alertMail.text.match(/https?:\/\/\S+/g) ?? [];
    const dashboard = new URL(links[0] ?? '');
    expect(`${dashboard.origin}${dashboard.pathname}`).toBe(`${APP_URL}/es/dashboard`);
    const today = new Date().toISOString().slice(0, 10);
    expect(dashboard.searchParams.get('to')).toBe(today);
    expect(dashboard.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('only the master key runs the check', async () => {
    const answer = await anonymous(stack)<{ code?: number }>('POST', '/functions/checkAlert', {});
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(119);
  });
});

describe('email preferences', () => {
  test('each user saves their own, within the allowed values; nobody else can', async () => {
    const session = await logIn(stack, silent.username, TEST_PASSWORD);
    const own = asUser(stack, session.sessionToken);
    const put = (caller: typeof own, user: Staff, body: Record<string, unknown>) => caller('PUT', `/users/${user.id}`, body);
    expect((await put(own, silent, { [EMAIL_PREFERENCE_FIELDS.digest]: 'daily', [EMAIL_PREFERENCE_FIELDS.alerts]: false })).status).toBe(200);
    expect((await put(own, silent, { [EMAIL_PREFERENCE_FIELDS.digest]: 'hourly' })).status).toBe(400);
    expect((await put(own, silent, { [EMAIL_PREFERENCE_FIELDS.alerts]: 'yes' })).status).toBe(400);
    expect((await put(own, spanish, { [EMAIL_PREFERENCE_FIELDS.digest]: 'off' })).status).not.toBe(200);
    expect((await put(anonymous(stack), spanish, { [EMAIL_PREFERENCE_FIELDS.digest]: 'off' })).status).not.toBe(200);
    const stored = await rest.request<Record<string, unknown>>('GET', `/users/${spanish.id}`);
    expect(stored[EMAIL_PREFERENCE_FIELDS.digest]).toBeUndefined();
  });
});

describe('unsubscribe', () => {
  const unsubscribeLinkOf = (mail: CaughtMail) => {
    const link = (mail.text.match(/https?:\/\/\S+/g) ?? []).find((href) => href.includes('/unsubscribe?'));
    if (!link) throw new Error('The mail has no unsubscribe link.');
    return new URL(link);
  };
  const alertsOn = async (user: Staff) =>
    (await rest.request<Record<string, unknown>>('GET', `/users/${user.id}`))[EMAIL_PREFERENCE_FIELDS.alerts];

  test('a token for another user, or for another kind of email, is refused and changes nothing', async () => {
    const link = unsubscribeLinkOf(alertMail);
    const token = link.searchParams.get('token') ?? '';
    const [, kind, mac] = token.split('.');
    const forged = [`${silent.id}.${kind}.${mac}`, `${spanish.id}.digest.${mac}`, `${spanish.id}.${kind}.AAAA`];
    for (const candidate of forged) {
      const other = new URL(link);
      other.searchParams.set('token', candidate);
      expect((await fetch(other)).status).toBe(403);
    }
    expect(await alertsOn(spanish)).toBe(true);
    expect(await alertsOn(silent)).toBe(false);
  });

  test('the link works without a session, answers in the user’s language and switches alerts off', async () => {
    const answer = await fetch(unsubscribeLinkOf(alertMail));
    expect(answer.status).toBe(200);
    const page = await answer.text();
    expect(page).toContain('lang="es"');
    expect(page).toContain('Ya no recibirás alertas por correo electrónico.');
    expect(page).toContain(`${APP_URL}/es/account`);
    expect(await alertsOn(spanish)).toBe(false);
  });

  test('a mail client’s one-click POST does the same', async () => {
    await rest.request('PUT', `/users/${spanish.id}`, { [EMAIL_PREFERENCE_FIELDS.alerts]: true });
    const answer = await fetch(unsubscribeLinkOf(alertMail), { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(answer.status).toBe(200);
    expect(await alertsOn(spanish)).toBe(false);
  });
});
