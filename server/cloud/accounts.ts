/** Cloud Code for accounts: the username rule the forms show, enforced where clients cannot skip it. */
import { usernameError } from '../../src/domain/account.ts';
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { SEEN_AT_FIELD } from './dashboard.ts';
import { EMAIL_PREFERENCE_FIELDS, isDigestFrequency } from '../../src/domain/email-preferences.ts';
import { DIGEST_SENT_FIELD } from './digest-sent.ts';
import { checkLanguage } from './language-check.ts';
import { serverParse } from './parse-global.ts';

const Parse = serverParse();

// Longer than any real address (RFC 5321's 254) or passphrase: a million-character password
// costs the server a hash of a million characters.
const EMAIL_MAX = 254;
const PASSWORD_MAX = 256;

/** The emails a user chose (the account page); as `language`, a user's ACL lets only them write these. */
function checkEmailPreferences(changed: readonly string[], object: { get(key: string): unknown }): void {
  const alerts = object.get(EMAIL_PREFERENCE_FIELDS.alerts);
  if (changed.includes(EMAIL_PREFERENCE_FIELDS.alerts) && typeof alerts !== 'boolean') {
    throw new Parse.Error(Parse.Error.VALIDATION_ERROR, `${EMAIL_PREFERENCE_FIELDS.alerts} must be true or false.`);
  }
  if (changed.includes(EMAIL_PREFERENCE_FIELDS.digest) && !isDigestFrequency(object.get(EMAIL_PREFERENCE_FIELDS.digest))) {
    throw new Parse.Error(Parse.Error.VALIDATION_ERROR, `${EMAIL_PREFERENCE_FIELDS.digest} must be off, daily or weekly.`);
  }
}

Parse.Cloud.beforeSave('_User', ({ object, master }) => {
  const changed = object.dirtyKeys();
  // "New since you last looked" is written by the dashboardVisit function only.
  if (!master && changed.includes(SEEN_AT_FIELD)) {
    throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, `${SEEN_AT_FIELD} is set by the dashboard, not by clients.`);
  }
  if (!master && changed.includes(DIGEST_SENT_FIELD)) {
    throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, `${DIGEST_SENT_FIELD} is set by the sendDigests job, not by clients.`);
  }
  const email: unknown = object.get('email');
  if (changed.includes('email') && typeof email === 'string' && email.length > EMAIL_MAX) {
    throw new Parse.Error(Parse.Error.INVALID_EMAIL_ADDRESS, `Email addresses are at most ${EMAIL_MAX} characters.`);
  }
  const password: unknown = object.get('password');
  if (changed.includes('password') && typeof password === 'string' && password.length > PASSWORD_MAX) {
    throw new Parse.Error(Parse.Error.VALIDATION_ERROR, `Passwords are at most ${PASSWORD_MAX} characters.`);
  }
  // The language of the user's emails (server/account-mail.ts). Each user saves only their own:
  // a user's ACL lets nobody else write it.
  if (changed.includes('language')) checkLanguage(object.get('language'));
  checkEmailPreferences(changed, object);
  if (!changed.includes('username')) return;
  const problem = usernameError(object.get('username'));
  if (problem) throw new Parse.Error(OUR_ERROR_CODE.invalidUsername, `Invalid username: ${problem}`);
});
