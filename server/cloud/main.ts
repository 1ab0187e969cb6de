/**
 * Cloud Code: the server's own checks. The bundle is public, so whatever the form checks
 * is checked again here with the same rules from src/domain.
 */
import { formatValidationMessage, isSubmissionId, validateOpinion } from '../../src/domain/opinion.ts';
import { STAFF_ROLE } from '../schema.ts';
import { serverParse } from './parse-global.ts';
import './accounts.ts';
import './dashboard.ts';

const Parse = serverParse();

const CONTENT_FIELDS = ['name', 'comment', 'willReturn', 'submissionId'];

function staffOnlyAcl() {
  const acl = new Parse.ACL();
  acl.setRoleReadAccess(STAFF_ROLE, true);
  acl.setRoleWriteAccess(STAFF_ROLE, true);
  return acl;
}

Parse.Cloud.beforeSave('opinions', async ({ object, original, master }) => {
  if (original) {
    // Staff triage an opinion; what the visitor wrote stays as it was.
    const changed = object.dirtyKeys().filter((key) => CONTENT_FIELDS.includes(key));
    if (changed.length > 0 && !master) {
      throw new Parse.Error(
        Parse.Error.OPERATION_FORBIDDEN,
        `A visitor's opinion cannot be edited (${changed.join(', ')}).`,
      );
    }
    if (object.dirtyKeys().includes('reviewed') && typeof object.get('reviewed') !== 'boolean') {
      throw new Parse.Error(Parse.Error.VALIDATION_ERROR, 'reviewed must be true or false.');
    }
    object.setACL(staffOnlyAcl());
    return;
  }

  const result = validateOpinion({
    name: object.get('name'),
    comment: object.get('comment'),
    willReturn: object.get('willReturn'),
  });
  if (!result.ok) {
    throw new Parse.Error(Parse.Error.VALIDATION_ERROR, formatValidationMessage(result.errors));
  }
  const submissionId: unknown = object.get('submissionId');
  if (submissionId !== undefined && !isSubmissionId(submissionId)) {
    throw new Parse.Error(Parse.Error.VALIDATION_ERROR, 'submissionId must be a UUID.');
  }
  if (isSubmissionId(submissionId)) {
    const existing = await new Parse.Query('opinions')
      .equalTo('submissionId', submissionId)
      .first({ useMasterKey: true });
    // The unique index catches the concurrent case; this answers the common retry early.
    if (existing) {
      throw new Parse.Error(Parse.Error.DUPLICATE_VALUE, 'This opinion has already been stored.');
    }
  }

  object.set('name', result.value.name);
  object.set('comment', result.value.comment);
  object.set('willReturn', result.value.willReturn);
  if (!master || object.get('reviewed') === undefined) object.set('reviewed', false);
  object.setACL(staffOnlyAcl());
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
