/**
 * Staff's notes and tags against the real server: only staff read or write either, a note is
 * changed or deleted by its author alone, deleting an opinion deletes its notes, visitors can
 * neither set nor read tags, and the tag filter counts the same in the list and the stats.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { CLASS, OPINION_FUNCTION } from '../../src/domain/classes.ts';
import { toStatsRequest, DEFAULT_FILTERS } from '../../src/domain/dashboard.ts';
import { opinionWhere } from '../../src/parse/opinion-query.ts';
import { DEMO_USERS } from '../../server/seed.ts';
import { callFunction, seedOpinions, stack, withDatabase } from '../helpers/dashboard-data.ts';
import { anonymous, asMaster, asUser, countComment, logIn, marker, newUser, submitOpinion, verifiedStaff, type Caller } from '../helpers/parse-rest.ts';

const NOTES = `/classes/${CLASS.opinionNotes}`;
/** Staff's tag writes, as the app makes them (src/parse/opinion-tags.ts, opinion-triage.ts). */
const SET_TAGS = `/functions/${OPINION_FUNCTION.setTags}`;
const TRIAGE = `/functions/${OPINION_FUNCTION.triage}`;

let staff: Caller;
let staffToken: string;
let colleague: Caller;
let visitor: Caller;
let newcomer: Caller;

interface NoteRow {
  objectId: string;
  text: string;
  authorName: string;
  author: { objectId: string };
  opinion: { objectId: string };
}

const pointer = (id: string) => ({ __type: 'Pointer', className: CLASS.opinions, objectId: id });

async function newOpinion(label: string): Promise<string> {
  const [id] = await seedOpinions([{ name: '', comment: marker(label), willReturn: true }]);
  if (!id) throw new Error('No opinion stored.');
  return id;
}

async function addNote(caller: Caller, opinionId: string, text: string) {
  return caller<{ objectId?: string; code?: number }>('POST', NOTES, { opinion: pointer(opinionId), text });
}

/** An opinion's tags as stored, read with the master key. */
async function tagsOf(opinionId: string): Promise<unknown> {
  return (await asMaster(stack)<{ tags?: unknown }>('GET', `/classes/opinions/${opinionId}`)).body.tags;
}

async function notesOf(opinionId: string): Promise<NoteRow[]> {
  const where = encodeURIComponent(JSON.stringify({ opinion: pointer(opinionId) }));
  return (await asMaster(stack)<{ results: NoteRow[] }>('GET', `${NOTES}?where=${where}`)).body.results;
}

beforeAll(async () => {
  staffToken = (await logIn(stack, DEMO_USERS.staff.username, DEMO_USERS.staff.password)).sessionToken;
  staff = asUser(stack, staffToken);
  colleague = asUser(stack, (await verifiedStaff(stack)).sessionToken);
  visitor = asUser(stack, (await logIn(stack, DEMO_USERS.visitor.username, DEMO_USERS.visitor.password)).sessionToken);
  newcomer = asUser(stack, (await newUser(stack)).sessionToken);
});

describe('notes', () => {
  test('a note carries its author; other staff read it but only its author edits or deletes it', async () => {
    const opinionId = await newOpinion('noted');
    const added = await addNote(staff, opinionId, '  Called the visitor back.  ');
    expect(added.status).toBe(201);
    const noteId = added.body.objectId ?? '';
    const [stored] = await notesOf(opinionId);
    expect(stored).toMatchObject({ text: 'Called the visitor back.', authorName: DEMO_USERS.staff.username });

    const read = await colleague<{ results: NoteRow[] }>('GET', `${NOTES}/${noteId}`);
    expect(read.body).toMatchObject({ text: 'Called the visitor back.' });
    // The note's ACL lets only its author write: Parse answers anyone else as it answers a row they cannot see.
    expect((await colleague('PUT', `${NOTES}/${noteId}`, { text: 'Rewritten by someone else' })).body).toMatchObject({ code: 101 });
    expect((await colleague('DELETE', `${NOTES}/${noteId}`)).body).toMatchObject({ code: 101 });
    expect((await notesOf(opinionId)).map((note) => note.text)).toEqual(['Called the visitor back.']);

    expect((await staff('PUT', `${NOTES}/${noteId}`, { text: 'Called back twice.' })).status).toBe(200);
    expect((await notesOf(opinionId)).map((note) => note.text)).toEqual(['Called back twice.']);
    expect((await staff('DELETE', `${NOTES}/${noteId}`)).status).toBe(200);
    expect(await notesOf(opinionId)).toEqual([]);
  });

  test('a note cannot change author or opinion, nor be written in another name or empty', async () => {
    const [opinionId, otherId] = [await newOpinion('note moved'), await newOpinion('note target')];
    const noteId = (await addNote(staff, opinionId, 'Mine')).body.objectId ?? '';
    expect((await staff('PUT', `${NOTES}/${noteId}`, { text: 'Mine', opinion: pointer(otherId) })).body).toMatchObject({ code: 119 });
    const colleagueId = (await colleague<{ objectId: string }>('GET', '/users/me')).body.objectId;
    const forged = await staff<{ objectId?: string }>('POST', NOTES, {
      opinion: pointer(opinionId),
      text: 'Signed by someone else',
      author: { __type: 'Pointer', className: '_User', objectId: colleagueId },
      authorName: 'someone else',
    });
    const [, second] = await notesOf(opinionId);
    expect(forged.status).toBe(201);
    expect(second).toMatchObject({ authorName: DEMO_USERS.staff.username });
    expect(second?.author.objectId).not.toBe(colleagueId);
    expect((await addNote(staff, opinionId, '   ')).body).toMatchObject({ code: 142 });
    expect((await addNote(staff, opinionId, 'x'.repeat(2001))).body).toMatchObject({ code: 142 });
  });

  test.each([
    ['anonymous', () => anonymous(stack)],
    ['a visitor', () => visitor],
    ['a new account', () => newcomer],
  ])('%s can neither read nor write notes', async (_who, who) => {
    const opinionId = await newOpinion('note refused');
    const noteId = (await addNote(staff, opinionId, 'Staff only')).body.objectId ?? '';
    expect((await who()('GET', NOTES)).body).toMatchObject({ code: 119 });
    expect((await who()('GET', `${NOTES}/${noteId}`)).body).toMatchObject({ code: 119 });
    expect((await addNote(who(), opinionId, 'Sneaked in')).body).toMatchObject({ code: 119 });
    expect((await who()('PUT', `${NOTES}/${noteId}`, { text: 'Changed' })).body).toMatchObject({ code: 119 });
    expect((await who()('DELETE', `${NOTES}/${noteId}`)).body).toMatchObject({ code: 119 });
    expect((await notesOf(opinionId)).map((note) => note.text)).toEqual(['Staff only']);
  });

  test('deleting an opinion deletes its notes', async () => {
    const opinionId = await newOpinion('deleted with notes');
    await addNote(staff, opinionId, 'First');
    await addNote(colleague, opinionId, 'Second');
    expect(await notesOf(opinionId)).toHaveLength(2);
    expect((await staff('DELETE', `/classes/opinions/${opinionId}`)).status).toBe(200);
    expect(await notesOf(opinionId)).toEqual([]);
  });

  test('a note on an opinion that does not exist is refused', async () => {
    expect((await addNote(staff, 'doesNotExist', 'Lost')).body).toMatchObject({ code: 101 });
  });
});

describe('tags', () => {
  test('visitors cannot send an opinion with tags, nor read or set any', async () => {
    for (const caller of [anonymous(stack), visitor]) {
      const comment = marker('tagged by a visitor');
      const sent = await submitOpinion(caller, { comment, willReturn: true, tags: ['vip'] });
      expect(sent.body).toMatchObject({ code: 119 });
      expect(await countComment(stack, comment)).toBe(0);
    }
    const opinionId = await newOpinion('tag unread');
    expect((await staff('POST', SET_TAGS, { id: opinionId, tags: ['secret'] })).status).toBe(200);
    // Without a session the functions ask for one (209); with one that is not staff's, they refuse (119).
    for (const [caller, code] of [[anonymous(stack), 209], [visitor, 119], [newcomer, 119]] as const) {
      expect((await caller('GET', `/classes/opinions/${opinionId}`)).body).toMatchObject({ code: 119 });
      expect((await caller('PUT', `/classes/opinions/${opinionId}`, { tags: ['mine'] })).body).toMatchObject({ code: 119 });
      expect((await caller('POST', SET_TAGS, { id: opinionId, tags: ['mine'] })).body).toMatchObject({ code });
      expect((await caller('POST', TRIAGE, { ids: [opinionId], addTag: 'mine' })).body).toMatchObject({ code });
      expect((await caller('POST', '/functions/opinionTags', {})).body.code).toBeGreaterThan(0);
    }
    expect(await tagsOf(opinionId)).toEqual(['secret']);
  });

  test('staff tags are tidied, kept unique, and refused when they are not a short list of text', async () => {
    const opinionId = await newOpinion('tidy tags');
    const set = await staff<{ result?: { objectId: string; tags: string[] } }>('POST', SET_TAGS, {
      id: opinionId,
      tags: ['  Too   LOUD ', 'too loud', 'café'],
    });
    expect(set.body.result).toMatchObject({ objectId: opinionId, tags: ['too loud', 'café'] });
    // Control characters (PostgreSQL refused a NUL with its own error) and invisible spaces are left out.
    const invisible = await staff<{ result?: { tags: string[] } }>('POST', SET_TAGS, { id: opinionId, tags: ['a\u0000b\u0007', '\u200B'] });
    expect(invisible.body.result?.tags).toEqual(['ab']);
    await staff('POST', SET_TAGS, { id: opinionId, tags: ['  Too   LOUD ', 'café'] });
    for (const addTag of ['Café', 'Staff ']) {
      expect((await staff('POST', TRIAGE, { ids: [opinionId], addTag })).body).toEqual({ result: { changed: 1 } });
    }
    // Kept in the order they were added; one already there is not added twice.
    const stored = await staff<{ tags: string[] }>('GET', `/classes/opinions/${opinionId}`);
    expect(stored.body.tags).toEqual(['too loud', 'café', 'staff']);
    for (const tags of [['ok', 3], 'text', Array.from({ length: 21 }, (_, n) => `tag ${n}`)]) {
      expect((await staff('POST', SET_TAGS, { id: opinionId, tags })).body).toMatchObject({ code: 142 });
    }
    // Added one at a time, the same rules: text, not blank, and at most 20 on an opinion.
    const twenty = Array.from({ length: 20 }, (_, n) => `tag ${n}`);
    expect((await staff('POST', SET_TAGS, { id: opinionId, tags: twenty })).status).toBe(200);
    for (const addTag of [3, '   ', '\u0000\u200B', 'one too many']) {
      expect((await staff('POST', TRIAGE, { ids: [opinionId], addTag })).body, String(addTag)).toMatchObject({ code: 142 });
    }
    expect(await tagsOf(opinionId)).toEqual(twenty);
  });

  test('the tag filter counts the same in the list and the stats, and the tag is among those in use', async () => {
    const tag = `t-${crypto.randomUUID().slice(0, 8)}`;
    const q = marker('tag filter');
    const ids = await seedOpinions(
      Array.from({ length: 7 }, (_, n) => ({ name: '', comment: `${q} ${n}`, willReturn: n % 2 === 0 })),
    );
    const tagged = ids.slice(0, 5);
    const added = await staff('POST', TRIAGE, { ids: tagged, addTag: tag });
    expect(added.body).toEqual({ result: { changed: 5 } });
    const filters = { ...DEFAULT_FILTERS, q, tag };
    const where = encodeURIComponent(JSON.stringify(opinionWhere(filters)));
    const listed = await staff<{ count: number }>('GET', `/classes/opinions?where=${where}&count=1&limit=0`);
    expect(listed.body, JSON.stringify(listed.body)).toMatchObject({ count: 5 });
    const stats = await callFunction('dashboardStats', toStatsRequest(filters, null), staffToken);
    expect(stats.body.result).toMatchObject({ total: 5, willReturn: 3 });
    const yes = toStatsRequest({ ...filters, willReturn: 'yes' }, null);
    expect((await callFunction('dashboardStats', yes, staffToken)).body.result).toMatchObject({ total: 3 });
    const inUse = await callFunction('opinionTags', {}, staffToken);
    expect(inUse.body.result).toContain(tag);
  });

  test('the tag filter is answered by the tags index, not row by row, and keeps Parse’s meaning', async () => {
    // The condition Parse Server writes for the list's `tags: { $all: [tag] }` (src/parse/opinion-query.ts).
    const condition = `array_contains_all("tags", '["late"]'::jsonb)`;
    const plan = await withDatabase(async (client) => {
      await client.query('BEGIN');
      // A table this small is read whole anyway: what matters is whether an index can answer at all.
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT "objectId" FROM "${CLASS.opinions}" WHERE ${condition}`);
      await client.query('ROLLBACK');
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain(`Bitmap Index Scan on "${CLASS.opinions}_tags_gin"`.replaceAll('"', ''));
    const answers = await withDatabase(async (client) => {
      const { rows } = await client.query<Record<string, boolean | null>>(
        `SELECT array_contains_all('["a","b"]', '["b"]') AS "has", array_contains_all('["a"]', '["a","b"]') AS "lacks",
                array_contains_all('["a"]', '[]') AS "nothing", array_contains_all('["a","a"]', '["a","b"]') AS "twice"`,
      );
      return rows[0];
    });
    expect(answers).toEqual({ has: true, lacks: false, nothing: false, twice: false });
  });
});
