/**
 * Staff access, checked on the server: the `staff` role, and an email address that is
 * verified now (a staff member who changes it is refused until the new one is verified).
 * The app shows the same rule; this is where a client cannot skip it.
 */
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { STAFF_ROLE } from '../schema.ts';
import { serverParse } from './parse-global.ts';

const Parse = serverParse();

type ParseUser = InstanceType<ReturnType<typeof serverParse>['User']>;

export const UNVERIFIED_STAFF_MESSAGE = 'Verify your email address to use the dashboard.';

/** Is this user's email verified now? Read fresh: the session's copy of the user may be older. */
async function emailVerified(userId: string): Promise<boolean> {
  const fresh = await new Parse.Query(Parse.User).get(userId, { useMasterKey: true });
  return fresh.get('emailVerified') === true;
}

function staffMembership(user: ParseUser) {
  return new Parse.Query(Parse.Role).equalTo('name', STAFF_ROLE).equalTo('users', user).first({ useMasterKey: true });
}

/**
 * For triggers on staff-only classes: a signed-in caller must have a verified email. Anonymous
 * callers are left to the class-level permissions, which refuse them as before.
 */
export async function refuseUnverifiedStaff({ master, user }: { master: boolean; user?: ParseUser }): Promise<void> {
  if (master || !user?.id || (await emailVerified(user.id))) return;
  // Not staff at all: the class-level permissions refuse them in their own words.
  if (await staffMembership(user)) throw new Parse.Error(OUR_ERROR_CODE.staffEmailNotVerified, UNVERIFIED_STAFF_MESSAGE);
}

/** Refuses in words with Parse's "operation forbidden" (119). */
export function forbidden(message: string): never {
  throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, message);
}

/** Answers the caller's user id once the staff role and a verified email are confirmed with the master key. */
export async function requireStaff({ user, master }: { user?: ParseUser; master: boolean }): Promise<string> {
  if (!user?.id) {
    if (master) forbidden('The dashboard is for staff members.');
    throw new Parse.Error(Parse.Error.INVALID_SESSION_TOKEN, 'Your session expired, please log in again.');
  }
  const [membership, verified] = await Promise.all([staffMembership(user), emailVerified(user.id)]);
  if (!membership) forbidden('The dashboard is for staff members.');
  if (!verified) throw new Parse.Error(OUR_ERROR_CODE.staffEmailNotVerified, UNVERIFIED_STAFF_MESSAGE);
  return user.id;
}
