/**
 * Cloud Code's entry: each module registers its triggers and functions (opinions.ts, notes.ts,
 * accounts.ts…), which check again, with the same rules from src/domain, whatever the public
 * bundle checks. Here: `whoami`.
 */
import { STAFF_ROLE } from '../schema.ts';
import './accounts.ts';
import './notes.ts';
import './opinions.ts';
import './digests.ts';
import './retention.ts';
import './unsubscribe.ts';
import './venue.ts';
import { serverParse } from './parse-global.ts';

const Parse = serverParse();

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
