/**
 * Cloud Code for staff's notes and tags on opinions. The class-level permissions let only the
 * staff role in (server/schema.ts); here each note gets its author and its ACL (the staff role
 * reads, the author alone writes), a note is checked against the rules of domain/notes.ts, and
 * a note changed or deleted by anyone but its author is refused in words before the ACL would
 * answer "not found".
 */
import { CLASS } from '../../src/domain/classes.ts';
import { validateNoteText } from '../../src/domain/notes.ts';
import { STAFF_ROLE } from '../schema.ts';
import { serverParse, type TriggerRequest } from './parse-global.ts';
import { forbidden, refuseUnverifiedStaff, requireStaff } from './staff.ts';

const Parse = serverParse();
const NOTES = CLASS.opinionNotes;
const OPINIONS = CLASS.opinions;

/** Notes deleted per round trip with their opinion. */
const BATCH = 200;

/** A pointer's id, read from the JSON: the objects Parse Server hands triggers may not be our SDK's classes. */
function pointerId(object: TriggerRequest['object'], key: string): string {
  const pointer: unknown = object.toJSON()[key];
  return typeof pointer === 'object' && pointer !== null && 'objectId' in pointer && typeof pointer.objectId === 'string' ? pointer.objectId : '';
}

function refuseOthers({ original, object, master, user }: TriggerRequest): void {
  if (master) return;
  if (!user?.id || pointerId(original ?? object, 'author') !== user.id) forbidden('Only its author may change or delete a note.');
}

Parse.Cloud.beforeSave(NOTES, async (request) => {
  const { object, original, master, user } = request;
  await refuseUnverifiedStaff(request);
  const text = validateNoteText(object.get('text'));
  if (!text.ok) throw new Parse.Error(Parse.Error.VALIDATION_ERROR, text.problem === 'missing' ? 'A note needs text.' : 'This note is too long.');
  object.set('text', text.value);
  if (original) {
    refuseOthers(request);
    if (object.dirtyKeys().some((key) => key !== 'text')) forbidden('Only the text of a note can change.');
    return;
  }
  if (!master) {
    const userId = user?.id ?? '';
    if (!userId) forbidden('Notes are for staff members.');
    const author = await new Parse.Query(Parse.User).get(userId, { useMasterKey: true });
    object.set('author', author);
    object.set('authorName', author.get('username'));
  }
  const opinionId = pointerId(object, 'opinion');
  if (!opinionId) throw new Parse.Error(Parse.Error.VALIDATION_ERROR, 'A note belongs to an opinion.');
  // Also refuses a note on an opinion deleted meanwhile (object not found).
  await new Parse.Query(OPINIONS).get(opinionId, { useMasterKey: true });
  const acl = new Parse.ACL();
  acl.setRoleReadAccess(STAFF_ROLE, true);
  const author = pointerId(object, 'author');
  if (author) acl.setWriteAccess(author, true);
  object.setACL(acl);
});

Parse.Cloud.beforeFind(NOTES, refuseUnverifiedStaff);

Parse.Cloud.beforeDelete(NOTES, async (request) => {
  await refuseUnverifiedStaff(request);
  refuseOthers(request);
});

/** Deleting an opinion (staff, or the retention job) deletes its notes. */
Parse.Cloud.afterDelete(OPINIONS, async ({ object }) => {
  const opinion = Parse.Object.extend(OPINIONS).createWithoutData(object.id);
  for (;;) {
    const notes = await new Parse.Query(NOTES).equalTo('opinion', opinion).limit(BATCH).find({ useMasterKey: true });
    if (notes.length === 0) return;
    await Parse.Object.destroyAll(notes, { useMasterKey: true });
  }
});

/** Staff only: every tag in use, for the tag fields' suggestions. */
Parse.Cloud.define('opinionTags', async (request): Promise<string[]> => {
  await requireStaff(request);
  // The SDK asks /aggregate (distinct) with the master key itself.
  const tags: unknown = await new Parse.Query(OPINIONS).distinct('tags');
  const flat = Array.isArray(tags) ? tags.flat() : [];
  return [...new Set(flat.filter((tag): tag is string => typeof tag === 'string'))].sort();
});
