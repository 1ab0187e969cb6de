/**
 * The venue's settings and the retention job against the real server: staff read and save
 * the settings, nobody else does, anyone reads the name; `applyRetention` deletes exactly the
 * opinions past the period, run through `npm run job` as an operator would.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLASS } from '../../src/domain/classes.ts';
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { DEFAULT_VENUE_SETTINGS, parseVenueRefusal, type VenueSettings } from '../../src/domain/venue.ts';
import { DEMO_USERS } from '../../server/seed.ts';
import { seedOpinions, stack, withDatabase } from '../helpers/dashboard-data.ts';
import { anonymous, asMaster, asUser, countComment, logIn, marker, newUser, submitOpinion, type Caller } from '../helpers/parse-rest.ts';

let staff: Caller;
let visitor: Caller;
let newcomer: Caller;

const saved: VenueSettings = {
  name: marker('Museo'),
  timeZone: 'Europe/Madrid',
  alertWindowMinutes: 30,
  alertMinimumCount: 5,
  alertWontReturnPercent: 40,
  retentionDays: 90,
};

const save = (caller: Caller, settings: { [K in keyof VenueSettings]?: unknown }) => caller<{ result?: VenueSettings; code?: number; error?: string }>('POST', '/functions/saveVenueSettings', settings);
const read = (caller: Caller) => caller<{ result?: VenueSettings; code?: number }>('POST', '/functions/venueSettings', {});

beforeAll(async () => {
  staff = asUser(stack, (await logIn(stack, DEMO_USERS.staff.username, DEMO_USERS.staff.password)).sessionToken);
  visitor = asUser(stack, (await logIn(stack, DEMO_USERS.visitor.username, DEMO_USERS.visitor.password)).sessionToken);
  newcomer = asUser(stack, (await newUser(stack)).sessionToken);
});

// Other files share the database: leave the venue as it starts.
afterAll(async () => {
  await save(staff, DEFAULT_VENUE_SETTINGS);
});

describe('venue settings', () => {
  test('staff save them and read them back; anyone reads the name, and only the name', async () => {
    expect((await save(staff, saved)).body.result).toEqual(saved);
    expect((await read(staff)).body.result).toEqual(saved);
    const open = await anonymous(stack)<{ result: unknown }>('POST', '/functions/publicVenue', {});
    expect(open.body.result).toEqual({ name: saved.name });
  });

  test('a name with spaces around is stored trimmed, and null retention keeps opinions for ever', async () => {
    const answer = await save(staff, { ...saved, name: `  ${saved.name}  `, retentionDays: null });
    expect(answer.body.result).toEqual({ ...saved, retentionDays: null });
    expect((await read(staff)).body.result).toEqual({ ...saved, retentionDays: null });
  });

  test.each([
    ['anonymous', () => anonymous(stack), 209],
    ['a visitor', () => visitor, 119],
    ['a new account', () => newcomer, 119],
  ])('%s can neither read nor save them', async (_who, who, code) => {
    expect((await read(who())).body.code).toBe(code);
    expect((await save(who(), { ...saved, name: 'Taken over' })).body.code).toBe(code);
    expect((await read(staff)).body.result?.name).not.toBe('Taken over');
  });

  test('the class itself is closed to every client, staff included', async () => {
    for (const caller of [anonymous(stack), staff]) {
      expect((await caller('GET', '/classes/venueSettings')).body.code).toBe(119);
      expect((await caller('POST', '/classes/venueSettings', { name: 'Side door' })).body.code).toBe(119);
    }
  });

  test('invalid values are refused with our code, each field named with its problem', async () => {
    const refused = await save(staff, { ...saved, name: ' ', timeZone: 'Europe/Atlantis', alertWontReturnPercent: 150, retentionDays: 3 });
    expect(refused.body.code).toBe(OUR_ERROR_CODE.invalidVenueSettings);
    expect(parseVenueRefusal(refused.body.error ?? '')).toEqual({
      name: 'name.missing',
      timeZone: 'timeZone.invalid',
      alertWontReturnPercent: 'alertWontReturnPercent.range',
      retentionDays: 'retentionDays.range',
    });
    expect((await save(staff, { ...saved, alertWindowMinutes: { $gt: 1 } })).body.code).toBe(OUR_ERROR_CODE.invalidVenueSettings);
  });

  test('a time zone that Node knows and PostgreSQL does not is refused: the stats keep answering', async () => {
    // An old alias Node still takes; saved, every stats query failed in PostgreSQL.
    const refused = await save(staff, { ...saved, timeZone: 'US/Pacific-New' });
    expect(refused.body.code).toBe(OUR_ERROR_CODE.invalidVenueSettings);
    expect(parseVenueRefusal(refused.body.error ?? '')).toEqual({ timeZone: 'timeZone.invalid' });
    const stats = await staff('POST', '/functions/dashboardStats', { willReturn: 'any', reviewed: 'any', q: '', start: null, end: null, since: null });
    expect(stats.status).toBe(200);
  });
});

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** `npm run job -- <name>` against the test server, as an operator runs it; answers its exit code and output. */
function npmRunJob(name: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'job', '--', name], {
      env: { ...process.env, PARSE_SERVER_URL: stack.serverURL, PARSE_MASTER_KEY: stack.masterKey, PARSE_APP_ID: stack.appId },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('applyRetention', () => {
  // The longest period the rules allow, so that the shared database's other opinions (none
  // is ten years old) stay; the test's own rows sit on each side of it.
  const period = 3650;
  const label = marker('Retention');
  const past = `${label} past`;
  const kept = `${label} kept`;
  const fresh = `${label} fresh`;
  let ids: string[] = [];

  /** The notes on these opinions, counted with the master key. */
  const countNotes = async (opinionIds: readonly string[]) => {
    const where = { opinion: { $in: opinionIds.map((objectId) => ({ __type: 'Pointer', className: CLASS.opinions, objectId })) } };
    const found = await asMaster(stack)<{ count: number }>('GET', `/classes/${CLASS.opinionNotes}?where=${encodeURIComponent(JSON.stringify(where))}&count=1&limit=0`);
    return found.body.count;
  };

  beforeAll(async () => {
    ids = await seedOpinions([
      ...Array.from({ length: 3 }, () => ({ name: '', comment: past, willReturn: false, createdAt: daysAgo(period + 1) })),
      { name: '', comment: kept, willReturn: true, createdAt: daysAgo(period - 1) },
      { name: '', comment: fresh, willReturn: true },
    ]);
    // A note on each, which goes (or stays) with its opinion.
    for (const objectId of ids) {
      await asMaster(stack)('POST', `/classes/${CLASS.opinionNotes}`, { opinion: { __type: 'Pointer', className: CLASS.opinions, objectId }, text: 'Noted' });
    }
  });

  test('deletes the live signals older than a day, whatever the retention', async () => {
    // Which of these opinions a signal still names (several may share one: decision 0034).
    const announced = (opinionIds: readonly string[]) =>
      withDatabase(async (client) => {
        const named = await client.query<{ id: string }>(
          'SELECT DISTINCT id FROM "dashboardSignals", jsonb_array_elements_text("opinionIds") AS id WHERE id = ANY($1) ORDER BY id',
          [opinionIds],
        );
        return named.rows.map((row) => row.id);
      });
    // Each opinion seeded above was named by a signal, saved after the opinion's answer.
    await expect.poll(() => announced(ids)).toEqual([...ids].sort());
    await withDatabase((client) => client.query(`UPDATE "dashboardSignals" SET "createdAt" = now() - interval '25 hours' WHERE "opinionIds" ?| $1`, [ids]));
    // One more opinion, named by a signal of today.
    const submitted = await submitOpinion(anonymous(stack), { comment: `${label} signal`, willReturn: true });
    expect(submitted.status).toBe(200);
    const today = submitted.id ?? '';
    await expect.poll(() => announced([today])).toEqual([today]);
    await save(staff, { ...saved, retentionDays: null });
    const run = await npmRunJob('applyRetention');
    expect(run.code, run.output).toBe(0);
    expect(await announced(ids)).toEqual([]);
    expect(await announced([today])).toEqual([today]);
  });

  test('deletes nothing while retention is off', async () => {
    await save(staff, { ...saved, retentionDays: null });
    const run = await npmRunJob('applyRetention');
    expect(run).toMatchObject({ code: 0, output: expect.stringMatching(/applyRetention succeeded.*Retention is off/) });
    expect(await countComment(stack, past)).toBe(3);
  });

  test('deletes exactly the opinions older than the period, and nothing else', async () => {
    await save(staff, { ...saved, retentionDays: period });
    const run = await npmRunJob('applyRetention');
    expect(run.code, run.output).toBe(0);
    expect(await countComment(stack, past)).toBe(0);
    expect(await countComment(stack, kept)).toBe(1);
    expect(await countComment(stack, fresh)).toBe(1);
    expect(await countNotes(ids.slice(0, 3))).toBe(0);
    expect(await countNotes(ids.slice(3))).toBe(2);
  });

  test('refuses callers without the master key, and names the jobs it knows', async () => {
    for (const caller of [anonymous(stack), staff]) {
      expect((await caller('POST', '/jobs/applyRetention', {})).status).toBe(403);
    }
    expect((await asMaster(stack)('POST', '/jobs/noSuchJob', {})).status).toBe(400);
    const unknown = await npmRunJob('noSuchJob');
    expect(unknown).toMatchObject({ code: 2, output: expect.stringMatching(/applyRetention/) });
  });
});
