/** The signed-in user's choice of staff emails, read from and saved on their own `_User` (their ACL is private). */
import { EMAIL_PREFERENCE_FIELDS, readEmailPreferences, type EmailKind, type EmailPreferences } from '../domain/email-preferences';
import { appError } from '../domain/errors';
import { getParse, READ_TIMEOUT_MS } from './client';
import { toAppError, withTimeout } from './errors';
import { restRequest } from './rest';

async function currentUser() {
  const Parse = await getParse();
  const user = await Parse.User.currentAsync();
  if (!user) throw appError('session-expired');
  return user;
}

const preferencesOf = (user: { get(key: string): unknown }): EmailPreferences =>
  readEmailPreferences({ alerts: user.get(EMAIL_PREFERENCE_FIELDS.alerts), digest: user.get(EMAIL_PREFERENCE_FIELDS.digest) });

/** Read fresh from the server: an unsubscribe link may have changed them since the log-in. */
export async function fetchEmailPreferences(): Promise<EmailPreferences> {
  try {
    return preferencesOf(await (await currentUser()).fetch());
  } catch (error) {
    throw toAppError(error);
  }
}

export async function saveEmailPreferences(preferences: EmailPreferences): Promise<EmailPreferences> {
  const user = await currentUser().catch((error: unknown) => {
    throw toAppError(error);
  });
  try {
    user.set(EMAIL_PREFERENCE_FIELDS.alerts, preferences.alerts);
    user.set(EMAIL_PREFERENCE_FIELDS.digest, preferences.digest);
    await user.save();
    return preferencesOf(user);
  } catch (error) {
    // As with the profile: refused changes must not ride along with a later save.
    user.revert();
    throw toAppError(error);
  }
}

/**
 * Anybody holding a staff email's unsubscribe link: switches that kind of email off for the user
 * the link names (server/cloud/unsubscribe.ts). No account is needed, so no SDK either (rest.ts).
 * A token that is not the server's is refused (`forbidden`).
 */
export async function unsubscribeByToken(token: string): Promise<EmailKind> {
  let answer: unknown;
  try {
    answer = (await withTimeout(restRequest('functions/unsubscribe', { token }), READ_TIMEOUT_MS)).result;
  } catch (error) {
    throw toAppError(error);
  }
  const kind = typeof answer === 'object' && answer !== null && 'kind' in answer ? answer.kind : undefined;
  if (kind !== 'alerts' && kind !== 'digest') throw appError('server');
  return kind;
}
