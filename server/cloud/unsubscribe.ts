/**
 * One-click unsubscribe: the signed token of a staff email (email-links.ts) switches that kind of
 * email off for the user it names, without a session. A token for another user, or another kind,
 * fails its signature and changes nothing.
 */
import { EMAIL_PREFERENCE_FIELDS, type EmailKind } from '../../src/domain/email-preferences.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../src/domain/languages.ts';
import { readUnsubscribeToken } from './email-links.ts';
import { serverParse } from './parse-global.ts';

const Parse = serverParse();

/** The stored value that switches each kind off. */
const OFF: Record<EmailKind, boolean | string> = { alerts: false, digest: 'off' };

export interface Unsubscribed {
  readonly kind: EmailKind;
  readonly language: Language;
}

/** Switches the token's kind of email off for its user; null when the token is not ours or its user is gone. */
export async function unsubscribe(token: unknown): Promise<Unsubscribed | null> {
  const named = await readUnsubscribeToken(token);
  if (!named) return null;
  const user = await new Parse.Query(Parse.User).equalTo('objectId', named.userId).first({ useMasterKey: true });
  if (!user) return null;
  user.set(EMAIL_PREFERENCE_FIELDS[named.kind], OFF[named.kind]);
  await user.save(null, { useMasterKey: true });
  const language: unknown = user.get('language');
  return { kind: named.kind, language: isLanguage(language) ? language : DEFAULT_LANGUAGE };
}

/** The same for clients that post the token themselves (a page of the app, another host's). */
Parse.Cloud.define<{ token?: unknown }>('unsubscribe', async ({ params }): Promise<{ kind: EmailKind }> => {
  const done = await unsubscribe(params.token);
  if (!done) throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, 'This unsubscribe link is not valid.');
  return { kind: done.kind };
});
