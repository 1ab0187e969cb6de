/**
 * Cloud Code: the server's own checks. The bundle is public, so whatever the form checks
 * is checked again here with the same rules from src/domain.
 */
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { formatValidationMessage, isSubmissionId, validateOpinion } from '../../src/domain/opinion.ts';
import { deliveredSubmissionClass, opinionsClass, STAFF_ROLE } from '../schema.ts';
import { isTagList, normalizeTags } from '../../src/domain/tags.ts';
import './accounts.ts';
import './notes.ts';
import { alertInBackground } from './alerts.ts';
import './digests.ts';
import './retention.ts';
import './unsubscribe.ts';
import './venue.ts';
import { signalInBackground } from './dashboard.ts';
import { checkLanguage } from './language-check.ts';
import { dashboardSql } from '../dashboard-sql.ts';
import { KEEP_TRIGGER, REFUSE_TRIGGER, SUBMISSION_INDEX } from '../exactly-once-sql.ts';
import { serverParse, type TriggerRequest } from './parse-global.ts';
import { checkOpinionQuery } from './query-check.ts';
import { refuseUnverifiedStaff } from './staff.ts';

const Parse = serverParse();

const CONTENT_FIELDS = ['name', 'comment', 'willReturn', 'submissionId', 'language'];

function staffOnlyAcl() {
  const acl = new Parse.ACL();
  acl.setRoleReadAccess(STAFF_ROLE, true);
  acl.setRoleWriteAccess(STAFF_ROLE, true);
  return acl;
}

const OPINIONS = opinionsClass.className;

/**
 * Tags as stored after the save's operation (a set, AddUnique or Remove): tidied, and refused
 * when they still break the rules of domain/tags.ts.
 */
function checkTags(object: TriggerRequest['object']): void {
  if (!object.dirtyKeys().includes('tags')) return;
  const tags: unknown = object.get('tags');
  const tidy = Array.isArray(tags) && tags.every((tag): tag is string => typeof tag === 'string') ? normalizeTags(tags) : null;
  if (!isTagList(tidy)) throw new Parse.Error(Parse.Error.VALIDATION_ERROR, 'tags must be a list of at most 20 short texts.');
  object.set('tags', tidy);
}
const DELIVERED = deliveredSubmissionClass.className;

let databaseHoldsIt = false;

/**
 * Whether the database holds each opinion to exactly once itself: on PostgreSQL, once
 * server/migrations.ts has run, the unique index refuses a live opinion's retry and the
 * triggers keep a deleted one's id and refuse it, whatever deletes it, so a create costs no
 * lookup. Until then, and on MongoDB (Back4App), which has no triggers, Cloud Code does it.
 */
async function databaseHoldsExactlyOnce(): Promise<boolean> {
  const sql = dashboardSql();
  if (databaseHoldsIt || !sql) return databaseHoldsIt;
  const [found] = await sql.rows<{ triggers: number; indexes: number }>(
    `SELECT (SELECT count(*)::int FROM pg_trigger WHERE tgname = ANY($1)) AS triggers,
            (SELECT count(*)::int FROM pg_indexes WHERE indexname = $2) AS indexes`,
    [[KEEP_TRIGGER, REFUSE_TRIGGER], SUBMISSION_INDEX],
  );
  databaseHoldsIt = found?.triggers === 2 && found.indexes === 1;
  return databaseHoldsIt;
}

/**
 * Has an opinion with this submission id ever been stored, even if it has been deleted since?
 * The opinions first: a delete keeps the id before the row goes (beforeDelete below), so a
 * retry racing a delete finds one or the other.
 */
async function delivered(submissionId: string): Promise<boolean> {
  const stored = await new Parse.Query(OPINIONS).equalTo('submissionId', submissionId).first({ useMasterKey: true });
  if (stored) return true;
  return (await new Parse.Query(DELIVERED).equalTo('submissionId', submissionId).first({ useMasterKey: true })) !== undefined;
}

/** Keeps a deleted opinion's submission id, before it goes: a late retry must not bring it back. */
async function keepSubmissionId(object: TriggerRequest['object']): Promise<void> {
  const submissionId: unknown = object.get('submissionId');
  if (!isSubmissionId(submissionId)) return;
  try {
    await new Parse.Object(DELIVERED).save({ submissionId }, { useMasterKey: true });
  } catch (error) {
    // Kept already (until issue 19, every create kept its id).
    if (!(error instanceof Parse.Error && error.code === Parse.Error.DUPLICATE_VALUE)) throw error;
  }
}

Parse.Cloud.beforeSave(OPINIONS, async ({ object, original, master, user }) => {
  if (original) {
    await refuseUnverifiedStaff({ master, user });
    // Staff triage an opinion; what the visitor wrote stays as it was.
    const changed = object.dirtyKeys().filter((key) => CONTENT_FIELDS.includes(key));
    if (changed.length > 0 && !master) {
      throw new Parse.Error(
        Parse.Error.OPERATION_FORBIDDEN,
        `A visitor's opinion cannot be edited (${changed.join(', ')}).`,
      );
    }
    // The operation itself (an Increment on a boolean made Parse fail with a 500), not its result.
    if (object.dirtyKeys().includes('reviewed') && typeof object.op('reviewed')?.toJSON() !== 'boolean') {
      throw new Parse.Error(Parse.Error.VALIDATION_ERROR, 'reviewed must be true or false.');
    }
    checkTags(object);
    object.setACL(staffOnlyAcl());
    return;
  }
  // Tags are staff's: an opinion a visitor sends has none (only the master key may seed some).
  if (!master && object.get('tags') !== undefined) {
    throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, 'Only staff tag opinions.');
  }
  if (master) checkTags(object);

  const result = validateOpinion({
    name: object.get('name'),
    comment: object.get('comment'),
    willReturn: object.get('willReturn'),
  });
  if (!result.ok) {
    throw new Parse.Error(OUR_ERROR_CODE.invalidOpinion, formatValidationMessage(result.errors));
  }
  // An opinion without a language (an older app's outbox, another client) is stored without one.
  checkLanguage(object.get('language'));
  const submissionId: unknown = object.get('submissionId');
  if (submissionId !== undefined && !isSubmissionId(submissionId)) {
    throw new Parse.Error(Parse.Error.VALIDATION_ERROR, 'submissionId must be a UUID.');
  }
  // A retry whose first answer was lost: stored once, and a deleted one stays deleted.
  if (isSubmissionId(submissionId) && !(await databaseHoldsExactlyOnce()) && (await delivered(submissionId))) {
    throw new Parse.Error(Parse.Error.DUPLICATE_VALUE, 'This opinion has already been stored.');
  }

  object.set('name', result.value.name);
  object.set('comment', result.value.comment);
  object.set('willReturn', result.value.willReturn);
  if (!master || object.get('reviewed') === undefined) object.set('reviewed', false);
  object.setACL(staffOnlyAcl());
});

Parse.Cloud.afterSave(OPINIONS, ({ object, original }) => {
  if (original) return;
  // Neither awaited: the visitor's answer never waits for the alert check, its emails or the
  // dashboards' live signal.
  alertInBackground(object.createdAt ?? new Date());
  if (object.id) signalInBackground(object.id);
});

// Staff read and delete only with a verified email (the class-level permissions ask for the role).
Parse.Cloud.beforeFind(OPINIONS, async (request) => {
  if (!request.master && request.query) checkOpinionQuery(request.query);
  await refuseUnverifiedStaff(request);
});
Parse.Cloud.beforeDelete(OPINIONS, async (request) => {
  await refuseUnverifiedStaff(request);
  if (!(await databaseHoldsExactlyOnce())) await keepSubmissionId(request.object);
});

/**
 * Who the caller is, checked against the server: the session must be valid, and staff
 * membership comes from the role, which clients cannot read or change.
 */
Parse.Cloud.define('whoami', async ({ user }) => {
  if (!user?.id) throw new Parse.Error(Parse.Error.INVALID_SESSION_TOKEN, 'Your session expired, please log in again.');
  const fresh = await new Parse.Query(Parse.User).get(user.id, { useMasterKey: true });
  const staff = await new Parse.Query(Parse.Role)
    .equalTo('name', STAFF_ROLE)
    .equalTo('users', fresh)
    .first({ useMasterKey: true });
  return {
    id: fresh.id,
    username: fresh.get('username') as string,
    email: (fresh.get('email') as string | undefined) ?? '',
    emailVerified: fresh.get('emailVerified') === true,
    isStaff: staff !== undefined,
  };
});
