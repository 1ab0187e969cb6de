import { describe, expect, test } from 'vitest';
import { OUR_ERROR_CODE, RATE_LIMIT_MESSAGE, type AppErrorKind } from '../../../src/domain/errors';
import { toAppError } from '../../../src/parse/errors';

/** What Parse Server and our Cloud Code really answer on the account screens (messages copied from parse-server 9). */
describe('account errors in words', () => {
  test.each<[number, string, 'default' | 'login' | 'password-reset', AppErrorKind]>([
    [101, 'Invalid username/password.', 'login', 'wrong-credentials'],
    [101, 'Your account is locked due to multiple failed login attempts. Please try again after 5 minute(s)', 'login', 'locked'],
    [101, 'Object not found.', 'default', 'not-found'],
    [100, RATE_LIMIT_MESSAGE, 'login', 'rate-limited'],
    [100, 'XMLHttpRequest failed', 'login', 'offline'],
    [125, 'Email address format is invalid.', 'default', 'invalid-email'],
    [142, 'Use at least 8 characters with an upper-case letter, a lower-case letter and a digit.', 'default', 'weak-password'],
    [142, 'Password cannot contain your username.', 'default', 'password-contains-username'],
    [OUR_ERROR_CODE.invalidUsername, 'Invalid username: Usernames are 3 to 100 characters, with no spaces.', 'default', 'invalid-username'],
    [200, 'bad or missing username', 'default', 'username-missing'],
    [201, 'password is required.', 'default', 'password-missing'],
    [202, 'Account already exists for this username.', 'default', 'username-taken'],
    [203, 'Account already exists for this email address.', 'default', 'email-taken'],
    [204, 'you must provide an email', 'default', 'email-missing'],
    [206, 'Cannot modify user.', 'default', 'session-expired'],
    [209, 'Invalid session token', 'default', 'session-expired'],
    [141, 'Cloud function failed', 'default', 'server'],
    [-1, 'Failed to reset password: username / email / token is invalid', 'password-reset', 'reset-link-invalid'],
    [-1, 'The password reset link has expired', 'password-reset', 'reset-link-invalid'],
    [-1, 'Use at least 8 characters with an upper-case letter, a lower-case letter and a digit.', 'password-reset', 'weak-password'],
    [-1, 'Password cannot contain your username.', 'password-reset', 'password-contains-username'],
  ])('%i "%s" (%s) is %s', (code, message, context, kind) => {
    const error = toAppError({ code, message }, context);
    expect(error.kind).toBe(kind);
    // Never the server's English: people read the kind's message in their language (errorText).
    expect(error.message).toBe(kind);
  });
});
