/** Accounts through the Parse SDK, mapped to plain `User`s (the session itself: session.ts). */
import { appConfig } from '../config/env';
import { appError } from '../domain/errors';
import type { Language } from '../domain/languages';
import type { User } from '../domain/user';
import { getParse } from './client';
import { toAppError } from './errors';
import { refusalOf } from './wire';
import { clearLocalSession, whoami } from './session';

async function currentParseUser() {
  const Parse = await getParse();
  const user = await Parse.User.currentAsync();
  if (!user) throw appError('session-expired');
  return user;
}

export interface SignUpInput {
  username: string;
  email: string;
  password: string;
}

/**
 * Creates the account and logs it in; Parse Server sends the verification email, in `language`
 * (the page's; English without one), which the account keeps for its later emails.
 */
export async function signUp({ username, email, password }: SignUpInput, language?: Language): Promise<User> {
  try {
    const Parse = await getParse();
    const user = new Parse.User();
    user.setUsername(username);
    user.setEmail(email);
    user.setPassword(password);
    if (language) user.set('language', language);
    await user.signUp();
    // A new account is never staff, and its email is not verified yet.
    return { id: user.id ?? '', username, email, emailVerified: false, isStaff: false };
  } catch (error) {
    throw toAppError(error);
  }
}

/**
 * Logs in; when the account's language (that of its emails) is not `language` (the page's), the
 * account takes it. Log-in is the moment: its answer brings the account's language along, so
 * only a change costs a request, and a user who logs in again in another language is written
 * to in that one from then on. Without `language` the account's stays as it is.
 */
export async function logIn(username: string, password: string, language?: Language): Promise<User> {
  const Parse = await getParse();
  try {
    const user = await Parse.User.logIn(username, password);
    if (language && user.get('language') !== language) await saveLanguage(user, language);
    return await whoami();
  } catch (error) {
    throw toAppError(error, 'login');
  }
}

type ParseUser = Awaited<ReturnType<typeof currentParseUser>>;

async function saveLanguage(user: ParseUser, language: Language): Promise<void> {
  user.set('language', language);
  try {
    await user.save();
  } catch {
    // The log-in itself worked: the emails stay in the language they were in until the next one.
    user.revert();
  }
}

/** Logs out on the server when it can, and on this device in any case. */
export async function logOut(): Promise<void> {
  const Parse = await getParse();
  try {
    await Parse.User.logOut();
  } catch {
    await clearLocalSession();
  }
}

/** Sends the verification email again (the server says nothing about unknown or verified addresses). */
export async function requestEmailVerification(email: string): Promise<void> {
  try {
    const Parse = await getParse();
    await Parse.User.requestEmailVerification(email);
  } catch (error) {
    throw toAppError(error);
  }
}

/** Emails a reset link when an account has this address; the answer is the same when none has. */
export async function requestPasswordReset(email: string): Promise<void> {
  try {
    const Parse = await getParse();
    await Parse.User.requestPasswordReset(email);
  } catch (error) {
    const appError = toAppError(error);
    // A server set to reveal unknown addresses answers 205: we still reveal nothing.
    if (appError.kind === 'not-found') return;
    throw appError;
  }
}

/**
 * Sets a new password with the token from the reset email, through Parse Server's own reset
 * endpoint (its pages router), which answers JSON to an XMLHttpRequest-style call. The URL is
 * built from our configuration, never from the link's query string.
 */
export async function resetPassword(token: string, newPassword: string): Promise<void> {
  if (!appConfig.ok) throw appError('configuration');
  const { parseServerURL, parseAppId } = appConfig.config;
  let response: Response;
  try {
    response = await fetch(`${parseServerURL}/apps/${encodeURIComponent(parseAppId)}/request_password_reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'XMLHttpRequest' },
      body: new URLSearchParams({ token, new_password: newPassword }),
    });
  } catch {
    throw appError('offline');
  }
  if (response.ok) return;
  const refusal = refusalOf(await response.text().catch(() => ''));
  if (refusal) throw toAppError(refusal, 'password-reset');
  throw appError(response.status >= 500 ? 'server' : 'unknown');
}

export interface ProfileChanges {
  username?: string;
  email?: string;
}

/** Changes the username and/or email; a new email is unverified until its link is opened. */
export async function updateProfile(changes: ProfileChanges): Promise<User> {
  const user = await currentParseUser().catch((error: unknown) => {
    throw toAppError(error);
  });
  try {
    if (changes.username !== undefined) user.setUsername(changes.username);
    if (changes.email !== undefined) user.setEmail(changes.email);
    await user.save();
    return await whoami();
  } catch (error) {
    // The SDK keeps refused changes on the current user; they must not ride along with a later save.
    user.revert();
    throw toAppError(error);
  }
}

/**
 * Checks the current password, then sets the new one. Parse Server ends every other session
 * of the account and gives this device a new one.
 */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  try {
    const Parse = await getParse();
    const user = await currentParseUser();
    try {
      await Parse.User.verifyPassword(user.getUsername() ?? '', currentPassword);
    } catch (error) {
      const refused = toAppError(error, 'login');
      // A wrong current password counts towards the account lockout, like a wrong login.
      throw refused.kind === 'wrong-credentials' ? appError('wrong-current-password') : refused;
    }
    user.setPassword(newPassword);
    try {
      await user.save();
    } catch (error) {
      user.revert();
      throw error;
    }
  } catch (error) {
    throw toAppError(error);
  }
}

/** Deletes the account for good, then forgets it on this device. */
export async function deleteAccount(): Promise<void> {
  try {
    const user = await currentParseUser();
    await user.destroy();
  } catch (error) {
    throw toAppError(error);
  }
  await clearLocalSession();
}
