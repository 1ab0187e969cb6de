/**
 * Which emails a staff member wants besides their account's: alerts when many visitors say they
 * will not return, and a digest of the opinions. Pure TypeScript: the account page edits these
 * and Cloud Code (server/cloud/accounts.ts) checks the very same values.
 */

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export interface EmailPreferences {
  readonly alerts: boolean;
  readonly digest: DigestFrequency;
}

/** The `_User` fields that hold them (server/schema.ts). */
export const EMAIL_PREFERENCE_FIELDS = { alerts: 'alertEmails', digest: 'digestFrequency' } as const;

/** What a user has until they choose: alerts on (only staff receive them), a weekly digest. */
export const DEFAULT_EMAIL_PREFERENCES: EmailPreferences = { alerts: true, digest: 'weekly' };

export function isDigestFrequency(value: unknown): value is DigestFrequency {
  return typeof value === 'string' && (DIGEST_FREQUENCIES as readonly string[]).includes(value);
}

/** The preferences as stored: a field never written reads as its default. */
export function readEmailPreferences(stored: { readonly alerts: unknown; readonly digest: unknown }): EmailPreferences {
  return {
    alerts: typeof stored.alerts === 'boolean' ? stored.alerts : DEFAULT_EMAIL_PREFERENCES.alerts,
    digest: isDigestFrequency(stored.digest) ? stored.digest : DEFAULT_EMAIL_PREFERENCES.digest,
  };
}

/** The kinds of email a one-click link unsubscribes from. */
export type EmailKind = 'alerts' | 'digest';
