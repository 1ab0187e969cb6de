// @vitest-environment jsdom
/*
 * src/parse/auth.ts and session.ts against the real Parse Server: every call of the account screens and
 * every refusal they can meet, in the words the user sees. jsdom gives the SDK the
 * localStorage it keeps the session in, as in a browser.
 */
import { describe, expect, inject, test } from 'vitest';
import { ACCOUNT_LOCKOUT_THRESHOLD } from '../../server/parse-app.ts';
import { masterRestClient } from '../../server/rest.ts';
import { grantStaffByUsername, UnknownUserError } from '../../server/scripts/grant-staff.ts';
import { linkIn, mailTo, RESET_SUBJECT, VERIFY_SUBJECT, waitForMail } from '../helpers/mail.ts';
import { expireSession, logInElsewhere, sessionAccepted } from '../helpers/sessions.ts';
import { ACCOUNT_PASSWORD, credentials, setUpAccountCalls } from '../helpers/account-calls.ts';
import { refusalOf } from '../helpers/refusal.ts';

const stack = inject('stack');
const app = setUpAccountCalls();
// A lock-out takes ACCOUNT_LOCKOUT_THRESHOLD failed log-ins in a row, each a password hash: a
// dozen seconds on an idle machine, more while other test files run.
const LOCKOUT_TIMEOUT_MS = 120_000;

async function signedUp() {
  const account = credentials();
  const user = await app.auth.signUp(account);
  return { ...account, user };
}

function currentToken(): string {
  const token = app.Parse.User.current()?.getSessionToken();
  if (!token) throw new Error('Nobody is logged in.');
  return token;
}

/** Opens an emailed link as a browser would, and says where Parse Server sends the browser. */
async function follow(link: string): Promise<URL> {
  const response = await fetch(link, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '');
}

const storedUserKey = () => `Parse/${stack.appId}/currentUser`;

describe('sign up', () => {
  test('creates the account, logs it in, unverified and not staff, and emails a verification link', async () => {
    const { username, email, user } = await signedUp();
    expect(user).toMatchObject({ username, email, emailVerified: false, isStaff: false });
    expect(await app.session.fetchSession()).toEqual({ ...user, id: expect.any(String) });
    const mail = await waitForMail(stack.mailURL, email, { subject: VERIFY_SUBJECT });
    expect(linkIn(mail)).toContain(`${stack.serverURL}/apps/${stack.appId}/verify_email?token=`);
  });

  test.each([
    ['a taken username', (taken: { username: string; email: string }) => ({ username: taken.username }), 'username-taken', 'That username is already taken. Choose another one.'],
    ['a taken email', (taken: { username: string; email: string }) => ({ email: taken.email }), 'email-taken', 'An account already uses that email address. Log in or reset your password.'],
    ['an invalid email', () => ({ email: 'not-an-email' }), 'invalid-email', 'Enter a valid email address, like name@example.com.'],
    ['a weak password', () => ({ password: 'password' }), 'weak-password', 'Use at least 8 characters with an upper-case letter, a lower-case letter and a digit.'],
    ['a password containing the username', () => ({ username: 'Ana-Lima', password: 'Ana-Lima#2024' }), 'password-contains-username', 'Your password must not contain your username.'],
    ['a username with a space (Cloud Code)', () => ({ username: `a b ${crypto.randomUUID()}` }), 'invalid-username', 'Usernames are 3 to 100 characters, with no spaces and no @.'],
  ])('refuses %s in words', async (_, change, kind, message) => {
    const taken = await signedUp();
    await app.session.clearLocalSession();
    expect(await refusalOf(app.auth.signUp({ ...credentials(), ...change(taken) }))).toEqual({ kind, words: message });
    expect(localStorage.getItem(storedUserKey())).toBeNull();
  });
});

describe('email verification', () => {
  test('the emailed link verifies the address and lands in the app; a second use is refused', async () => {
    const { email } = await signedUp();
    const link = linkIn(await waitForMail(stack.mailURL, email, { subject: VERIFY_SUBJECT }));
    const landing = await follow(link);
    expect(landing.origin + landing.pathname).toBe(`${stack.appUrl}/verify-email`);
    expect(landing.searchParams.get('status')).toBe('verified');
    expect(await app.session.fetchSession()).toMatchObject({ email, emailVerified: true });

    const again = await follow(link);
    expect(again.searchParams.get('status')).toBe('invalid');
  });

  test('asking again sends a new link; an unknown address gets the same answer and no mail', async () => {
    const { email } = await signedUp();
    const first = await waitForMail(stack.mailURL, email, { subject: VERIFY_SUBJECT });
    await app.auth.requestEmailVerification(email);
    const second = await waitForMail(stack.mailURL, email, { subject: VERIFY_SUBJECT, seen: [first.id] });
    expect(linkIn(second)).not.toBe(linkIn(first));

    const nobody = `${crypto.randomUUID()}@example.com`;
    await expect(app.auth.requestEmailVerification(nobody)).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailTo(stack.mailURL, nobody)).toEqual([]);
  });
});

describe('log in and out', () => {
  test('a wrong password or unknown user is "Wrong username or password"; the right one logs in', async () => {
    const { username, user } = await signedUp();
    await app.auth.logOut();
    expect(await refusalOf(app.auth.logIn(username, 'Wrong#Pass1'))).toEqual({ kind: 'wrong-credentials', words: 'Wrong username or password.' });
    await expect(app.auth.logIn(`nobody-${crypto.randomUUID()}`, ACCOUNT_PASSWORD)).rejects.toMatchObject({ kind: 'wrong-credentials' });
    expect(await app.session.fetchSession()).toBeNull();
    expect(await app.auth.logIn(username, ACCOUNT_PASSWORD)).toEqual(user);
    expect(await app.session.fetchSession()).toEqual(user);
  });

  test('repeated failures lock the account with its own message, even for the right password', async () => {
    const { username } = await signedUp();
    await app.auth.logOut();
    for (let attempt = 1; attempt < ACCOUNT_LOCKOUT_THRESHOLD; attempt += 1) {
      await expect(app.auth.logIn(username, `Wrong#Pass${attempt}`)).rejects.toMatchObject({ kind: 'wrong-credentials' });
    }
    await expect(app.auth.logIn(username, 'Wrong#Pass0')).rejects.toBeDefined();
    expect(await refusalOf(app.auth.logIn(username, ACCOUNT_PASSWORD))).toEqual({
      kind: 'locked',
      words: 'Too many failed attempts: this account is locked for a few minutes. Try again later or reset your password.',
    });
  }, LOCKOUT_TIMEOUT_MS);

  test('log out ends the session on the server and on this device', async () => {
    await signedUp();
    const token = currentToken();
    await app.auth.logOut();
    expect(localStorage.getItem(storedUserKey())).toBeNull();
    expect(await sessionAccepted(stack, token)).toBe(false);
  });

  test('log out with an already dead token still clears this device', async () => {
    await signedUp();
    await expireSession(stack, currentToken());
    await expect(app.auth.logOut()).resolves.toBeUndefined();
    expect(localStorage.getItem(storedUserKey())).toBeNull();
    expect(await app.session.fetchSession()).toBeNull();
  });

  test('an expired session is found out at start (209) and forgotten', async () => {
    await signedUp();
    await expireSession(stack, currentToken());
    expect(localStorage.getItem(storedUserKey())).not.toBeNull();
    expect(await app.session.fetchSession()).toBeNull();
    expect(localStorage.getItem(storedUserKey())).toBeNull();
  });

  test('a call with a dead session is "Your session expired, please log in again"', async () => {
    await signedUp();
    await expireSession(stack, currentToken());
    expect(await refusalOf(app.auth.updateProfile({ username: `u-${crypto.randomUUID()}` }))).toEqual({ kind: 'session-expired', words: 'Your session expired, please log in again.' });
  });
});

describe('password reset', () => {
  test('always the same answer; an unknown address gets no mail', async () => {
    const nobody = `${crypto.randomUUID()}@example.com`;
    await expect(app.auth.requestPasswordReset(nobody)).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailTo(stack.mailURL, nobody)).toEqual([]);
  });

  test('the emailed link leads to the app; the new password follows the rule, works, and ends old sessions', async () => {
    const { username, email } = await signedUp();
    const oldSession = currentToken();
    const otherDevice = await logInElsewhere(stack, username, ACCOUNT_PASSWORD);
    await app.auth.requestPasswordReset(email);
    const link = linkIn(await waitForMail(stack.mailURL, email, { subject: RESET_SUBJECT }));
    expect(link).toContain(`${stack.serverURL}/apps/${stack.appId}/request_password_reset?token=`);

    const landing = await follow(link);
    expect(landing.origin + landing.pathname).toBe(`${stack.appUrl}/reset-password`);
    const token = landing.searchParams.get('token') ?? '';
    expect(token).not.toBe('');

    await expect(app.auth.resetPassword(token, 'weakpass')).rejects.toMatchObject({ kind: 'weak-password' });
    await expect(app.auth.resetPassword(token, `${username}#A1`)).rejects.toMatchObject({ kind: 'password-contains-username' });
    expect(await refusalOf(app.auth.resetPassword('not-a-token', 'Brand#New2'))).toEqual({ kind: 'reset-link-invalid', words: 'This password reset link has expired or was already used. Ask for a new one below.' });
    await app.auth.resetPassword(token, 'Brand#New2');

    expect(await sessionAccepted(stack, oldSession)).toBe(false);
    expect(await sessionAccepted(stack, otherDevice)).toBe(false);
    await app.session.clearLocalSession();
    await expect(app.auth.logIn(username, ACCOUNT_PASSWORD)).rejects.toMatchObject({ kind: 'wrong-credentials' });
    await expect(app.auth.logIn(username, 'Brand#New2')).resolves.toMatchObject({ username });
    // The link works once.
    await expect(app.auth.resetPassword(token, 'Other#New3')).rejects.toMatchObject({ kind: 'reset-link-invalid' });
    expect((await follow(link)).searchParams.get('status')).toBe('invalid');
  });

  test('a reset unlocks a locked account', async () => {
    const { username, email } = await signedUp();
    await app.auth.logOut();
    for (let attempt = 1; attempt <= ACCOUNT_LOCKOUT_THRESHOLD; attempt += 1) await app.auth.logIn(username, `Wrong#Pass${attempt}`).catch(() => undefined);
    await expect(app.auth.logIn(username, ACCOUNT_PASSWORD)).rejects.toMatchObject({ kind: 'locked' });
    await app.auth.requestPasswordReset(email);
    const landing = await follow(linkIn(await waitForMail(stack.mailURL, email, { subject: RESET_SUBJECT })));
    await app.auth.resetPassword(landing.searchParams.get('token') ?? '', 'Unlocked#9');
    await expect(app.auth.logIn(username, 'Unlocked#9')).resolves.toMatchObject({ username });
  }, LOCKOUT_TIMEOUT_MS);
});

describe('the account', () => {
  test('a new username shows at once; a new email is unverified again and gets its own link', async () => {
    const { email } = await signedUp();
    const verifyFirst = await waitForMail(stack.mailURL, email, { subject: VERIFY_SUBJECT });
    await follow(linkIn(verifyFirst));
    const renamed = `u-${crypto.randomUUID()}`;
    expect(await app.auth.updateProfile({ username: renamed })).toMatchObject({ username: renamed, emailVerified: true });

    const newEmail = `${crypto.randomUUID()}@example.com`;
    expect(await app.auth.updateProfile({ email: newEmail })).toMatchObject({ username: renamed, email: newEmail, emailVerified: false });
    const link = linkIn(await waitForMail(stack.mailURL, newEmail, { subject: VERIFY_SUBJECT }));
    expect((await follow(link)).searchParams.get('status')).toBe('verified');
    expect(await app.session.fetchSession()).toMatchObject({ email: newEmail, emailVerified: true });
  });

  test('a taken username or email is refused in words, and the refused change is not kept', async () => {
    const other = await signedUp();
    await app.session.clearLocalSession();
    const { username } = await signedUp();
    await expect(app.auth.updateProfile({ username: other.username })).rejects.toMatchObject({ kind: 'username-taken' });
    await expect(app.auth.updateProfile({ email: other.email })).rejects.toMatchObject({ kind: 'email-taken' });
    await expect(app.auth.updateProfile({ email: 'nope' })).rejects.toMatchObject({ kind: 'invalid-email' });
    await expect(app.auth.updateProfile({ username: 'has space' })).rejects.toMatchObject({ kind: 'invalid-username' });
    expect(await app.session.fetchSession()).toMatchObject({ username });
    expect(app.Parse.User.current()?.dirtyKeys()).toEqual([]);
  });

  test('changing the password checks the current one, follows the rule, keeps this session and ends the others', async () => {
    const { username } = await signedUp();
    const otherDevice = await logInElsewhere(stack, username, ACCOUNT_PASSWORD);
    expect(await refusalOf(app.auth.changePassword('Wrong#Pass1', 'Changed#Pass2'))).toEqual({ kind: 'wrong-current-password', words: 'Your current password is wrong.' });
    await expect(app.auth.changePassword(ACCOUNT_PASSWORD, 'weak')).rejects.toMatchObject({ kind: 'weak-password' });
    await app.auth.changePassword(ACCOUNT_PASSWORD, 'Changed#Pass2');
    expect(await app.session.fetchSession()).toMatchObject({ username });
    expect(await sessionAccepted(stack, otherDevice)).toBe(false);
    await app.auth.logOut();
    await expect(app.auth.logIn(username, 'Changed#Pass2')).resolves.toMatchObject({ username });
  });

  test('deleting the account removes it and its session, and forgets it here', async () => {
    const { username } = await signedUp();
    const token = currentToken();
    await app.auth.deleteAccount();
    expect(localStorage.getItem(storedUserKey())).toBeNull();
    expect(await sessionAccepted(stack, token)).toBe(false);
    await expect(app.auth.logIn(username, ACCOUNT_PASSWORD)).rejects.toMatchObject({ kind: 'wrong-credentials' });
  });
});

describe('staff', () => {
  test('staff:grant makes an account staff, as the server tells the app; an unknown username is refused', async () => {
    const { username } = await signedUp();
    expect(await app.session.fetchSession()).toMatchObject({ isStaff: false });
    const rest = masterRestClient(stack.serverURL, stack.appId, stack.masterKey);
    await grantStaffByUsername(rest, username);
    expect(await app.session.fetchSession()).toMatchObject({ username, isStaff: true });
    await expect(grantStaffByUsername(rest, `nobody-${crypto.randomUUID()}`)).rejects.toBeInstanceOf(UnknownUserError);
  });
});
