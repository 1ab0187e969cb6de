/** The signed-in user's choice of staff emails, read from and saved on their own `_User` (their ACL is private). */
import { EMAIL_PREFERENCE_FIELDS, readEmailPreferences, type EmailPreferences } from '../domain/email-preferences';
import { appError } from '../domain/errors';
import { getParse } from './client';
import { toAppError } from './errors';

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
